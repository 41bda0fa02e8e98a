"""MarkEditorialBrackets: turn the source editor's square-bracket interventions into TEI editorial markup.

Transcriptions and translations of archival documents mark the editor's interventions with square
brackets: ``[illegible]``, ``[...]``, inserted words ``[or]``, completed words ``S[o] Hwi``, ``[sic]``,
``[?]``, ``[signed]``, alternative romanisations ``Pak Heon-yeong [Pak Hon Yong]``, abbreviations
explained ``CC [Central Committee]``, and descriptions of handwriting or stamps ``[handwritten in the
margin: ...]``. This pass recognises them by their shape (never by a particular name or document) and
encodes them as ``gap``, ``supplied``, ``sic``, ``unclear``, ``choice``, ``add`` or ``seg``.

Nothing is lost: the element that stands for a bracket expression carries ``@rend="brackets"`` and every
character the source had inside the brackets stays as text, so ``original_reading`` gives back
``"[" + text + "]"`` for it. Anything in brackets that is not recognised stays as it is and is reported;
footnote markers such as ``[1]`` are left for the notes code.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from teiedit.diagnostics import Diagnostic
from teiedit.document import TEI_NS, TeiDocument, append_text, local_name, tei, xpath
from teiedit.transforms import PassContext, original_reading, register

#: rend token on every element that stands for a bracket expression of the source.
REND = "brackets"

#: Elements whose content the pass never rewrites: editorial additions (not original text), markup that
#: already encodes an alternative or an omission (PDF repairs put damaged text in choice/sic), identifiers.
_SKIP = frozenset(
    {"corr", "reg", "expan", "ex", "choice", "gap", "desc", "certainty", "idno", "code"}
)

#: Elements whose content TEI limits to text and a few phrase elements (macro.limitedContent): there only
#: the choice-based encodings are valid; other brackets there are left as text and reported.
_LIMITED = frozenset({"figDesc", "catDesc", "headLabel", "headItem"})
_VALID_IN_LIMITED = frozenset({"romanisation", "expansion"})

# --- what the bracket contents look like ------------------------------------------------------------------

#: How far before/after a bracket the pass looks for the word or name it belongs to.
_CONTEXT = 300
_INNERMOST = re.compile(r"\[([^\[\]]*)\]")
_FOOTNOTE_MARKER = re.compile(r"\s*\d{1,3}[a-z]?\s*$")
_ELLIPSIS = re.compile(r"\s*(?:…|\.(?:\s?\.){1,3})\s*$")
_OMITTED = re.compile(
    r"\s*(?:(?:text|passage|words?|lines?|sentences?|paragraphs?|section|part|rest of (?:the )?\w+)\s+)?"
    r"(?:omitted|not translated|left out|cut)\.?\s*$",
    re.I,
)
_SIGNATURE = re.compile(r"\s*(?:signed|signature|sgd\.?|sig\.)\s*$", re.I)
_SIC = re.compile(r"\s*sic\b(?:\s*[!.]?)(?P<rest>.*)$", re.I | re.S)
_QUERY = re.compile(r"\s*\?\s*$")
_LABELLED = re.compile(
    r"(?P<label>\s*(?P<word>hand[- ]?written|handwriting|written by hand|manuscript note|marginal note"
    r"|margin note|marginalia|notation|annotation|stamp|rubber stamp|seal)\b[^:\n]{0,60}:)"
    r"(?P<space>\s*)(?P<body>.*\S.*)$",
    re.I | re.S,
)
_EDITOR_NOTE = re.compile(r"\s*(?:editor(?:'|’)?s|translator(?:'|’)?s)\s+note\s*:", re.I)

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


@dataclass
class Found:
    """One bracket expression recognised: what replaces [start, end) of the flattened text."""

    start: int
    end: int
    nodes: list[str | etree._Element]
    kind: str
    detail: dict[str, object] = field(default_factory=dict)


@dataclass
class Flat:
    """An element's own text nodes flattened to one string; child elements stand as one placeholder char."""

    text: str
    placeholder: str
    children: dict[int, etree._Element]
    positions: list[int] = field(default_factory=list)  # sorted placeholder offsets

    def pieces(self, start: int, end: int) -> list[str | etree._Element]:
        """The content of [start, end) as strings and the original child elements, in order."""
        out: list[str | etree._Element] = []
        pos = start
        i = bisect.bisect_left(self.positions, start)
        while i < len(self.positions) and self.positions[i] < end:
            at = self.positions[i]
            if at > pos:
                out.append(self.text[pos:at])
            out.append(self.children[at])
            pos = at + 1
            i += 1
        if end > pos:
            out.append(self.text[pos:end])
        return out

    def reading(self, start: int, end: int) -> str:
        """The original reading of [start, end), children included."""
        return "".join(
            p if isinstance(p, str) else _own_reading(p) for p in self.pieces(start, end)
        )

    def node_start(self, pos: int) -> int:
        """Start of the text node containing ``pos`` (just after the previous placeholder)."""
        i = bisect.bisect_left(self.positions, pos)
        return self.positions[i - 1] + 1 if i else 0

    def node_end(self, pos: int) -> int:
        """End of the text node containing ``pos`` (the next placeholder, or the end)."""
        i = bisect.bisect_left(self.positions, pos)
        return self.positions[i] if i < len(self.positions) else len(self.text)

    def children_between(self, start: int, end: int) -> list[etree._Element]:
        lo = bisect.bisect_left(self.positions, start)
        hi = bisect.bisect_left(self.positions, end)
        return [self.children[p] for p in self.positions[lo:hi]]

    def has_child(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.positions, start)
        return i < len(self.positions) and self.positions[i] < end


def _own_reading(el: etree._Element) -> str:
    """Original reading of one element without its tail."""
    holder = etree.Element("holder")
    copy = (
        etree.fromstring(etree.tostring(el, with_tail=False)) if isinstance(el.tag, str) else None
    )
    if copy is None:
        return ""
    copy.tail = None
    holder.append(copy)
    return original_reading(holder)


def _E(name: str, *content: str | etree._Element, **attrs: str) -> etree._Element:
    el = etree.Element(tei(name))
    for k, v in attrs.items():
        el.set(k, v)
    _fill(el, list(content))
    return el


def _fill(el: etree._Element, content: Sequence[str | etree._Element]) -> None:
    """Append strings and elements to ``el`` as mixed content (strings go to text/tails)."""
    last: etree._Element | None = el[-1] if len(el) else None
    for item in content:
        if isinstance(item, str):
            append_text(el, last, item)
        else:
            el.append(item)
            item.tail = None
            last = item


# --- classification ---------------------------------------------------------------------------------------


def _gap_for(content: str) -> tuple[str, dict[str, str]] | None:
    """The gap reason and dimensions for a description of missing text, or None."""
    if _ELLIPSIS.match(content) or _OMITTED.match(content):
        return "omitted", {}
    if _SIGNATURE.match(content):
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


def _is_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and all(_NAME_WORD.match(w) and w[0].isupper() for w in words)


#: Letter similarity (difflib ratio) above which a bracketed name is taken as another form of the name
#: before it: "Chiang Kai-shek's [Jiang Jieshi]" is 0.58, "Kim [Chang Hym]" 0.18, "Manush [Myftiu]" 0.33.
_SIMILAR = 0.55


def _name_before(before: str, content: str) -> tuple[int, float] | None:
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


def _abbreviation_before(before: str, content: str) -> int | None:
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


def _is_phrase(content: str) -> bool:
    """Plain inserted words: letters (numbers allowed as words), a few punctuation marks, at most 12 words."""
    words = content.split()
    if not words or len(words) > 12 or content != content.strip():
        return False
    return all(_PHRASE_WORD.match(w) for w in words) and any(ch.isalpha() for ch in content)


def _looks_like_title_translation(content: str, before: str, after: str) -> bool:
    """A translated title in a citation: ``Puk Choson ... [The founding of ...] (Seoul: ...)``."""
    words = content.split()
    if len(words) < 3 or not content[:1].isupper() or all(w[0].isupper() for w in words):
        return False  # names and capitalised titles of persons are not citations
    glued = bool(before) and not before[-1].isspace()
    return glued or bool(re.match(r"\s*(?:\(|,|https?://)", after))


# --- the pass ---------------------------------------------------------------------------------------------


@register
class MarkEditorialBrackets:
    """Encode the source editor's square-bracket interventions as TEI editorial markup."""

    name = "brackets"

    def enabled(self, ctx: PassContext) -> bool:
        return bool(ctx.options.get("brackets", True))

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        # every outermost text (a teiCorpus holds several TEI), never the header
        texts = xpath(doc.root, "//tei:text[not(ancestor::tei:text)][not(ancestor::tei:teiHeader)]")
        if not texts:
            return []
        run = _Run(doc.name, ctx)
        for text in texts:
            run.container(text)
        if run.changed:
            add_editorial_decl(doc)
        return []


class _Run:
    def __init__(self, doc_name: str, ctx: PassContext) -> None:
        self.doc_name = doc_name
        self.ctx = ctx
        self.changed = 0

    def record(self, kind: str, source: str, **detail: object) -> None:
        item: dict[str, object] = {"document": self.doc_name, "kind": kind, "source": source}
        item.update(detail)
        self.ctx.record("brackets", item)

    def container(self, el: etree._Element) -> None:
        """Rewrite brackets in ``el``'s descendants first, then in ``el``'s own text nodes."""
        for child in list(el):
            if _descend(child):
                self.container(child)
        flat = _flatten(el)
        if "[" not in flat.text and "]" not in flat.text:
            return
        found = self.scan(flat, limited=local_name(el) in _LIMITED)
        if found:
            _rebuild(el, flat, found)
            flat = _flatten(el)
        self.report_leftovers(flat)

    def report_leftovers(self, flat: Flat) -> None:
        """Report brackets still in the text: around converted or nested ones, or not closed here.

        Innermost pairs were classified (and reported if unrecognised) by ``scan``; this reports the rest.
        """
        stack: list[list[int]] = []  # [start, holds an inner pair]
        for m in re.finditer(r"[\[\]]", flat.text):
            if m.group(0) == "[":
                stack.append([m.start(), 0])
            elif stack:
                start, inner = stack.pop()
                if stack:
                    stack[-1][1] = 1
                if inner or any(
                    _is_bracket_element(c) for c in flat.children_between(start, m.start())
                ):
                    self.record("unrecognised", flat.reading(start, m.end()), nested=True)
            else:
                self.record("unbalanced", _around(flat, m.start()), char="]")
        for start, _ in stack:
            self.record("unbalanced", _around(flat, start), char="[")

    def scan(self, flat: Flat, *, limited: bool = False) -> list[Found]:
        out: list[Found] = []
        taken = 0  # nothing before this offset may be rewritten again
        for m in _INNERMOST.finditer(flat.text):
            # Context is looked for in the same text node only, and at most _CONTEXT characters away.
            before_start = max(flat.node_start(m.start()), taken, m.start() - _CONTEXT)
            before = flat.text[before_start : m.start()]
            after = flat.text[m.end() : min(flat.node_end(m.end()), m.end() + _CONTEXT)]
            inner_has_children = flat.has_child(m.start() + 1, m.end() - 1)
            content = flat.reading(m.start() + 1, m.end() - 1)
            source = "[" + content + "]"
            f = self.classify(flat, m, content, before, before_start, after, inner_has_children)
            if f is not None and limited and f.kind not in _VALID_IN_LIMITED:
                # TEI allows no gap/supplied/note here: keep the text, tell the editor what it would be
                self.record("unrecognised", source, would_be=f.kind, limited_content=True)
                continue
            if f is None:
                if not _FOOTNOTE_MARKER.match(content):
                    self.record("unrecognised", source)
                continue
            out.append(f)
            taken = f.end
            self.changed += 1
            self.record(f.kind, source, **f.detail)
        return out

    def classify(
        self,
        flat: Flat,
        m: re.Match[str],
        content: str,
        before: str,
        before_start: int,
        after: str,
        has_children: bool,
    ) -> Found | None:
        s, e = m.start(), m.end()
        inner = flat.pieces(s + 1, e - 1)

        if _FOOTNOTE_MARKER.match(content):
            return None
        if not has_children:
            gap = _gap_for(content)
            if gap:
                reason, dims = gap
                el = _E("gap", _E("desc", content), reason=reason, rend=REND, **dims)
                kind = "signature" if _SIGNATURE.match(content) else "gap"
                return Found(s, e, [el], kind, {"element": "gap", "reason": reason, **dims})
            sic = _SIC.match(content)
            if sic:
                return self._marked_word(s, e, before, before_start, content, "sic")
            if _QUERY.match(content):
                return self._marked_word(s, e, before, before_start, content, "unclear")
            if _EDITOR_NOTE.match(content):
                el = _E("note", content, type="editorial", place="inline", rend=REND)
                return Found(s, e, [el], "note", {"element": "note"})
        lab = _LABELLED.match(content)
        if lab and not flat.has_child(s + 1, s + 1 + lab.end("label")):
            return self._labelled(flat, s, e, lab)
        if has_children:
            if _is_phrase(flat.reading(s + 1, e - 1)) and not _looks_like_title_translation(
                content, before, after
            ):
                el = _E("supplied", *inner, rend=REND)
                return Found(s, e, [el], "supplied", {"element": "supplied"})
            return None
        if _is_name(content):
            hit = _name_before(before, content)
            if hit:
                start, ratio = hit
                a = before_start + start
                name = flat.text[a : before_start + len(before.rstrip())]
                space = flat.text[a + len(name) : s]
                el = _E(
                    "choice",
                    _E("seg", name),
                    space,
                    _E("seg", content, type="romanisation", rend=REND),
                )
                return Found(
                    a,
                    e,
                    [el],
                    "romanisation",
                    {"element": "choice", "form": name, "similarity": round(ratio, 2)},
                )
        abbr = _abbreviation_before(before, content)
        if abbr is not None:
            a = before_start + abbr
            short = flat.text[a:s].rstrip(" ")
            space = flat.text[a + len(short) : s]
            # abbr sits in a seg: the choice offers two original forms, not abbr/expan (expan is editorial)
            el = _E(
                "choice",
                _E("seg", _E("abbr", short)),
                space,
                _E("seg", content, type="expansion", rend=REND),
            )
            return Found(a, e, [el], "expansion", {"element": "choice", "abbreviation": short})
        glued_left = bool(before) and before[-1].isalpha()
        glued_right = bool(after) and after[0].isalpha()
        if (glued_left or glued_right) and re.fullmatch(r"[^\W\d_]+", content):
            el = _E("supplied", content, rend=REND)
            return Found(s, e, [el], "supplied", {"element": "supplied", "partial_word": True})
        if _looks_like_title_translation(content, before, after):
            return None
        if _is_phrase(content):
            el = _E("supplied", content, rend=REND)
            return Found(s, e, [el], "supplied", {"element": "supplied"})
        if content.endswith("?") and _is_phrase(content[:-1].rstrip()):
            # "[Moscow?]": the editor's conjecture, marked as doubtful
            el = _E("supplied", content, cert="low", rend=REND)
            return Found(s, e, [el], "supplied", {"element": "supplied", "cert": "low"})
        return None

    def _marked_word(
        self, s: int, e: int, before: str, before_start: int, content: str, what: str
    ) -> Found:
        """``word [sic]`` -> sic(word) + marker note; ``word[?]`` -> unclear(word) + marker note."""
        m = re.search(r"([^\W_][\w’'\-]*)([\"”’.,;:!)]*)(\s*)$", before)
        marker = _E(
            "note",
            content,
            type="editorial",
            subtype="sic" if what == "sic" else "query",
            place="inline",
            rend=REND,
        )
        detail: dict[str, object] = {"element": what}
        if not m:
            detail["word"] = None
            return Found(s, e, [marker], what, detail)
        a = before_start + m.start(1)
        word = m.group(1)
        between = m.group(2) + m.group(3)
        wrapped = _E("sic", word) if what == "sic" else _E("unclear", word, cert="low")
        detail["word"] = word
        return Found(a, e, [wrapped, between, marker], what, detail)

    def _labelled(self, flat: Flat, s: int, e: int, lab: re.Match[str]) -> Found:
        """``[handwritten in the margin: text]`` -> seg(label, add); ``[stamp: text]`` -> seg(label, text)."""
        label_end = s + 1 + lab.end("label")
        body_start = s + 1 + lab.start("body")
        label = flat.text[s + 1 : label_end]
        space = flat.text[label_end:body_start]
        body = flat.pieces(body_start, e - 1)
        word = lab.group("word").lower()
        if "stamp" in word or word == "seal":
            # the stamp's text follows its label in the seg (the project's stamps are ab/seg[@type=stamp])
            el = _E("seg", _E("label", label), space, *body, type="stamp", rend=REND)
            return Found(s, e, [el], "stamp", {"element": "seg", "label": label.strip()})
        attrs: dict[str, str] = {}
        place = re.search(r"\b(margin|top|bottom|overleaf|above|below)\b", label, re.I)
        if place:
            attrs["place"] = place.group(1).lower()
        el = _E(
            "seg",
            _E("label", label),
            space,
            _E("add", *body, **attrs),
            type="handwritten",
            rend=REND,
        )
        return Found(s, e, [el], "handwritten", {"element": "seg", "label": label.strip(), **attrs})


def _descend(child: etree._Element) -> bool:
    if not isinstance(child.tag, str) or etree.QName(child).namespace != TEI_NS:
        return False
    name = local_name(child)
    if name in _SKIP:
        return False
    if REND in (child.get("rend") or "").split():
        return False
    if name == "note" and child.get("resp") == "#teiedit":
        return False
    return not (name == "seg" and child.get("type") == "pdf-debris")


def _is_bracket_element(el: etree._Element) -> bool:
    return isinstance(el.tag, str) and REND in (el.get("rend") or "").split()


def _around(flat: Flat, pos: int, width: int = 40) -> str:
    """The text around ``pos`` (for reports), children given as their reading."""
    return flat.reading(max(0, pos - width), min(len(flat.text), pos + width)).strip()


def _flatten(el: etree._Element) -> Flat:
    own = (el.text or "") + "".join(c.tail or "" for c in el)
    placeholder = "\ue000"
    while placeholder in own:
        placeholder = chr(ord(placeholder) + 1)
    parts = [el.text or ""]
    children: dict[int, etree._Element] = {}
    pos = len(parts[0])
    for child in el:
        children[pos] = child
        parts.append(placeholder)
        parts.append(child.tail or "")
        pos += 1 + len(child.tail or "")
    return Flat("".join(parts), placeholder, children, sorted(children))


def _rebuild(el: etree._Element, flat: Flat, found: list[Found]) -> None:
    """Replace ``el``'s content by the flattened text with each found span swapped for its new nodes."""
    content: list[str | etree._Element] = []
    pos = 0
    for f in sorted(found, key=lambda f: f.start):
        content.extend(flat.pieces(pos, f.start))
        content.extend(f.nodes)
        pos = f.end
    content.extend(flat.pieces(pos, len(flat.text)))
    for child in list(el):
        el.remove(child)
    el.text = None
    _fill(el, content)


# --- the editorialDecl statement --------------------------------------------------------------------------

#: What each kind of bracket became, in the words of the editorialDecl.
CONVENTIONS: tuple[tuple[str, str], ...] = (
    (
        "gap",
        "Descriptions of illegible, damaged, cancelled or omitted text in square brackets "
        "([illegible], [two words illegible], […]) are encoded as gap with @reason (illegible, faded, "
        "cancelled, damage, missing, lost, omitted) and, where the description states it, "
        "@quantity (or @extent for a range) with @unit; the description itself is kept in gap/desc.",
    ),
    (
        "signature",
        "[signed] and [signature] (a signature the transcription does not reproduce) are encoded "
        'as gap[@reason="omitted"] with the word kept in gap/desc.',
    ),
    (
        "supplied",
        "Words or parts of words that the source's editor inserted in square brackets "
        "([or], S[o] Hwi) are encoded as supplied; a conjecture marked with a question mark "
        '([Moscow?]) as supplied[@cert="low"], the question mark kept in it.',
    ),
    (
        "sic",
        "[sic] after a word is encoded as sic around that word, followed by the editor's marker as "
        'note[@type="editorial"][@subtype="sic"][@place="inline"].',
    ),
    (
        "unclear",
        '[?] after a word is encoded as unclear[@cert="low"] around that word, followed by the '
        'editor\'s marker as note[@type="editorial"][@subtype="query"][@place="inline"].',
    ),
    (
        "romanisation",
        "A name followed by another romanisation of it in square brackets is encoded as choice "
        'holding both forms as seg, the bracketed one seg[@type="romanisation"]; both forms '
        "are original text.",
    ),
    (
        "expansion",
        "An abbreviation followed by its expansion in square brackets is encoded as choice of "
        'seg/abbr and seg[@type="expansion"]; both are original text.',
    ),
    (
        "handwritten",
        "Bracketed descriptions of handwriting ([handwritten in the margin: …]) are encoded as "
        'seg[@type="handwritten"] holding the description as label and the handwritten text as '
        "add, with @place where the description states it.",
    ),
    (
        "stamp",
        'Bracketed descriptions of stamps ([stamp: …]) are encoded as seg[@type="stamp"] holding the '
        "description as label followed by the stamp's text.",
    ),
    (
        "note",
        "Bracketed editor's or translator's notes in the text are encoded as "
        'note[@type="editorial"][@place="inline"].',
    ),
)
_GENERAL = (
    "Square brackets of the source: every element that stands for a bracketed expression of the "
    'source carries @rend="brackets" (the brackets are not repeated as characters); all words '
    "inside the brackets are kept as text. Bracketed text that teiedit did not recognise is left "
    "as it is, brackets included; footnote markers such as [1] are handled with the notes."
)

#: @n of the editorialDecl paragraph this pass owns, so re-running replaces it instead of adding another.
DECL_N = "brackets"


def kinds_in(root: etree._Element) -> list[str]:
    """The kinds of bracket markup present under tei:text, in the order of CONVENTIONS."""
    present: set[str] = set()
    # Python iteration: libxml2's XPath is quadratic over very wide mixed content here.
    for text in root.iter(tei("text")):
        for el in text.iter(tei("gap"), tei("supplied"), tei("note"), tei("seg")):
            if _is_bracket_element(el):
                _add_kind(el, present)
    return [k for k, _ in CONVENTIONS if k in present]


def _add_kind(el: etree._Element, present: set[str]) -> None:
    name = local_name(el)
    if name == "gap":
        desc = el.find(tei("desc"))
        signature = desc is not None and bool(_SIGNATURE.match(desc.text or ""))
        present.add("signature" if signature else "gap")
    elif name == "supplied":
        present.add("supplied")
    elif name == "note":
        present.add({"sic": "sic", "query": "unclear"}.get(el.get("subtype") or "", "note"))
    elif name == "seg":
        present.add(el.get("type") or "")


def editorial_decl_paragraphs(kinds: Sequence[str]) -> list[etree._Element]:
    """The editorialDecl paragraph(s) stating the bracket conventions used (one p, sentences per kind)."""
    sentences = [_GENERAL] + [text for k, text in CONVENTIONS if k in kinds]
    return [_E("p", " ".join(sentences), n=DECL_N)]


#: encodingDesc children that TEI's examples and our conventions put after editorialDecl.
_AFTER_EDITORIAL_DECL = (
    "tagsDecl",
    "styleDefDecl",
    "refsDecl",
    "listPrefixDef",
    "prefixDef",
    "classDecl",
    "geoDecl",
    "unitDecl",
    "schemaSpec",
    "schemaRef",
    "listTranspose",
    "fsdDecl",
    "metDecl",
    "variantEncoding",
)


def add_editorial_decl(doc: TeiDocument) -> None:
    """State the bracket conventions in teiHeader/encodingDesc/editorialDecl (created where missing)."""
    kinds = kinds_in(doc.root)
    if not kinds:
        return
    headers = xpath(doc.root, "tei:teiHeader")
    if not headers:
        return
    header = headers[0]
    enc = header.find(tei("encodingDesc"))
    if enc is None:
        enc = etree.Element(tei("encodingDesc"))
        file_desc = header.find(tei("fileDesc"))
        if file_desc is not None:
            file_desc.addnext(enc)
        else:
            header.insert(0, enc)
    decl = enc.find(tei("editorialDecl"))
    if decl is None:
        decl = etree.Element(tei("editorialDecl"))
        later = [
            c for c in enc if isinstance(c.tag, str) and local_name(c) in _AFTER_EDITORIAL_DECL
        ]
        if later:
            later[0].addprevious(decl)
        else:
            enc.append(decl)
    for old in decl.findall(tei("p")):
        if old.get("n") == DECL_N:
            decl.remove(old)
    for p in editorial_decl_paragraphs(kinds):
        decl.append(p)


__all__ = [
    "MarkEditorialBrackets",
    "add_editorial_decl",
    "editorial_decl_paragraphs",
    "kinds_in",
    "CONVENTIONS",
    "REND",
]
