"""What the contents of a square bracket look like: damage, omissions, names, abbreviations, phrases."""

from __future__ import annotations

import difflib
import re

INNERMOST = re.compile(r"\[([^\[\]]*)\]")
FOOTNOTE_MARKER = re.compile(r"\s*\d{1,3}[a-z]?\s*$")
_ELLIPSIS = re.compile(r"\s*(?:…|\.(?:\s?\.){1,3})\s*$")
_OMITTED = re.compile(
    r"\s*(?:(?:text|passage|words?|lines?|sentences?|paragraphs?|section|part|rest of (?:the )?\w+)\s+)?"
    r"(?:omitted|not translated|left out|cut)\.?\s*$",
    re.I,
)
SIGNATURE = re.compile(r"\s*(?:signed|signature|sgd\.?|sig\.)\s*$", re.I)
SIC = re.compile(r"\s*sic\b(?:\s*[!.]?)(?P<rest>.*)$", re.I | re.S)
QUERY = re.compile(r"\s*\?\s*$")
LABELLED = re.compile(
    r"(?P<label>\s*(?P<word>hand[- ]?written|handwriting|written by hand|manuscript note|marginal note"
    r"|margin note|marginalia|notation|annotation|stamp|rubber stamp|seal)\b[^:\n]{0,60}:)"
    r"(?P<space>\s*)(?P<body>.*\S.*)$",
    re.I | re.S,
)
EDITOR_NOTE = re.compile(r"\s*(?:editor(?:'|’)?s|translator(?:'|’)?s)\s+note\s*:", re.I)

#: Damage vocabulary -> gap/@reason. Checked in order; the first hit wins.
_DAMAGE: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:illegible|unreadable|indecipherable|undecipherable|not legible|blurred)\b", re.I
        ),
        "illegible",
    ),
    (re.compile(r"\bfaded\b", re.I), "faded"),
    (
        re.compile(
            r"\b(?:typed over|crossed out|struck (?:out|through)|overwritten|blacked out|erased)\b",
            re.I,
        ),
        "cancelled",
    ),
    (
        re.compile(r"\b(?:damaged?|torn|burnt|burned|stained|hole|water[- ]damage|tear)\b", re.I),
        "damage",
    ),
    (
        re.compile(r"\b(?:off the (?:reproduced )?page|cut off|not reproduced|missing)\b", re.I),
        "missing",
    ),
    (re.compile(r"\blost\b", re.I), "lost"),
)
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_QUANTITY = re.compile(
    r"(?<![\w-])(?:(?P<lo>\d+)\s*[-–]\s*(?P<hi>\d+)|(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten))"
    r"\s+(?:(?:illegible|unreadable|indecipherable|missing|faded|damaged|deleted)\s+)?"
    r"(?P<unit>words?|lines?|letters?|characters?|pages?|signatures?)\b",
    re.I,
)
_UNIT_NAMES = {
    "word": "word",
    "line": "line",
    "letter": "char",
    "character": "char",
    "page": "page",
    "signature": "signature",
}
_BARE_UNIT = re.compile(
    r"\b(?:illegible|unreadable)\s+(?P<unit>word|line|letter|character|page|signature)\b", re.I
)

#: A name word: capitalised, letters with hyphens/apostrophes (Heon-yeong, Chiang, O'Neil).
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[’'\-])*$")
_SMALL_WORDS = frozenset(
    {"of", "the", "and", "for", "on", "in", "to", "at", "a", "an", "de", "du", "la"}
)
_PHRASE_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[’'\-.])*[,]?$|\d+(?:st|nd|rd|th)?[,.]?$")


def gap_for(content: str) -> tuple[str, dict[str, str]] | None:
    """The gap reason and dimensions for a description of missing text, or None."""
    if _ELLIPSIS.match(content) or _OMITTED.match(content):
        return "omitted", {}
    if SIGNATURE.match(content):
        return "omitted", {}  # a signature the transcription does not reproduce
    words = content.split()
    if not words or len(words) > 12:
        return None
    for pattern, reason in _DAMAGE:
        if pattern.search(content):
            return reason, _dimensions(content)
    return None


def _dimensions(content: str) -> dict[str, str]:
    m = _QUANTITY.search(content)
    if m:
        unit = _UNIT_NAMES[m.group("unit").lower().rstrip("s")]
        if m.group("lo"):
            # a range: @extent in words (the project ODD has no @atLeast/@atMost)
            return {"extent": f"{m.group('lo')}-{m.group('hi')} {unit}s", "unit": unit}
        n = m.group("n").lower()
        count = int(n) if n.isdigit() else _NUMBERS[n]
        return {"quantity": str(count), "unit": unit} if count else {"unit": unit}
    m = _BARE_UNIT.search(content)
    if m:
        return {"quantity": "1", "unit": _UNIT_NAMES[m.group("unit").lower()]}
    return {}


def _key(name: str) -> str:
    """Letters of a name, lowercased, possessive dropped: for comparing romanisations."""
    name = re.sub(r"[’']s\b", "", name)
    return "".join(ch for ch in name.lower() if ch.isalpha())


def _tokens(name: str) -> int:
    return len([t for t in re.split(r"[\s\-]+", name) if t])


def is_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and all(_NAME_WORD.match(w) and w[0].isupper() for w in words)


#: Letter similarity (difflib ratio) above which a bracketed name is taken as another form of the name
#: before it: "Chiang Kai-shek's [Jiang Jieshi]" is 0.58, "Kim [Chang Hym]" 0.18, "Manush [Myftiu]" 0.33.
_SIMILAR = 0.55


def name_before(before: str, content: str) -> tuple[int, float] | None:
    """Where a name ending ``before`` (followed by whitespace) starts, if the bracket is another form of it.

    Returns (offset into ``before``, similarity) for the best-matching run of 1-4 capitalised words.
    """
    m = re.search(r"\s+$", before)
    if not m or not m.group(0).strip(" ") == "":
        return None  # the name must be followed by spaces on the same line
    head = before[: m.start()]
    words = list(re.finditer(r"\S+", head))
    run: list[int] = []  # start offsets of the name words, right to left
    k = len(words) - 1
    while k >= 0 and len(run) < 4:
        token = words[k].group(0)
        if not _NAME_WORD.match(token.rstrip("-")):
            break
        # a lowercase word only continues a name broken at a hyphen: "Cheong-\nwon"
        if not token[0].isupper() and not (k > 0 and words[k - 1].group(0).endswith("-")):
            break
        run.append(words[k].start())
        k -= 1
    target = _key(content)
    best: tuple[int, float] | None = None
    for start in run:
        if not head[start].isupper():
            continue
        candidate = head[start:]
        if abs(_tokens(candidate) - _tokens(content)) > 1:
            continue
        matcher = difflib.SequenceMatcher(None, _key(candidate), target)
        if matcher.quick_ratio() < _SIMILAR:  # an upper bound, cheap
            continue
        ratio = matcher.ratio()
        if best is None or ratio > best[1]:
            best = (start, ratio)
    if best is None or best[1] < _SIMILAR:
        return None
    return best


def abbreviation_before(before: str, content: str) -> int | None:
    """Start of an all-capitals abbreviation just before the bracket that ``content`` spells out."""
    m = re.search(r"(?<![\w])([A-Z][A-Z&]{1,7})( )$", before)
    if not m:
        return None
    words = [w for w in re.split(r"[\s\-]+", content) if w]
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(words) < 2 or not all(w[0].isupper() for w in big):
        return None
    if not all(_NAME_WORD.match(w) for w in words):
        return None
    if big[0][0] != m.group(1)[0]:
        return None
    return m.start(1)


def is_phrase(content: str) -> bool:
    """Plain inserted words: letters (numbers allowed as words), a few punctuation marks, at most 12 words."""
    words = content.split()
    if not words or len(words) > 12 or content != content.strip():
        return False
    return all(_PHRASE_WORD.match(w) for w in words) and any(ch.isalpha() for ch in content)


def looks_like_title_translation(content: str, before: str, after: str) -> bool:
    """A translated title in a citation: ``Puk Choson ... [The founding of ...] (Seoul: ...)``."""
    words = content.split()
    if len(words) < 3 or not content[:1].isupper() or all(w[0].isupper() for w in words):
        return False  # names and capitalised titles of persons are not citations
    glued = bool(before) and not before[-1].isspace()
    return glued or bool(re.match(r"\s*(?:\(|,|https?://)", after))
