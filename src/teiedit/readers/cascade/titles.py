"""The choice of a document's title among the blocks at its top.

The labeller proposes (each block's probability of being the title or a heading); the shape of the text
disposes: a title is a short line of words, not a date, a "Label: value" field of the page, a citation,
a name alone, a separator, a link or a fragment that starts in mid-sentence. Candidates the labeller did
not call a title (furniture, metadata, the first block of the body) are scored on the labeller's
probabilities, their shape and where they stand (the line just before the text is a web page's title
more often than not); none is taken below a threshold, and the document is then "Untitled" (a page
that does not hold its document's title: the honest answer). Nothing here knows a site.
"""

from __future__ import annotations

import re

from teiedit.readers.base import Conversion
from teiedit.readers.cascade.features import date_only, shapes
from teiedit.readers.cascade.fields import clean_title
from teiedit.readers.cascade.labels import SET_ASIDE
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.common.boilerplate import RUNNING_HEAD, boilerplate_reason
from teiedit.readers.common.lines import Block

#: Labels of page fields that name something other than the title ("From: Washington, George").
_FIELD_LABELS = frozenset(
    "from to date dated written published publication source sources citation author authors by "
    "translated translation editor edited keywords language cite doi issn isbn volume issue pages "
    "created modified accessed posted filed tags tag categories category subject summary abstract "
    "record archive collection type original format formats version versions download downloads "
    "print share views "
    # German and French documents' fields ("Datum:", "Betreff:", "Reçu :", "Provenance :")
    "datum betreff quelle zusammenfassung zitierweise reçu provenance objet expéditeur "
    "destinataire".split()
)
#: Words of section labels ("Abstract and Keywords", "Notes"): a title of nothing but these is a heading.
_SECTION_WORDS = frozenset(
    "abstract keywords key words summary notes note references bibliography contents table of and "
    "sources source acknowledgements acknowledgments footnotes endnotes appendix index".split()
)
_FIELD = re.compile(
    r"^[\[(*@#]*(?P<label>[A-Za-z][\w /()\\.&'’-]{0,30}?)[\])*]*(?:\{[^}]*\})?\s*:\s"
)
_TITLE_FIELD = re.compile(r"^[\[(*]*(?:title|subject|re)[\])*]*\s*:\s*(?=\S)", re.IGNORECASE)
_CITATION = re.compile(
    r"\b(?:vol(?:ume)?\.?\s*[\dIVXL]+|issue\s+\d|number\s+\d+|pp\.\s*\d|file\s+no|"
    r"published\s+(?:online|by)|isbn|issn|doi\b|\d{3,}\.\d+/)",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\b\d{1,2}:\d\d(?::\d\d)?\b")
_YEARISH = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b|\b\d{1,2}\b")
_LINK = re.compile(r"\]\(|https?://|www\.|\{\.\w+\}|[A-Z]:\\|\.\w{2,4}$")
#: "To Maxim Gorky", "From George Washington": a letter's title.
_TO_FROM = re.compile(r"^(?:to|from)\s+\S", re.IGNORECASE)
_RIGHTS = re.compile(
    r"©|\bcopyright\b|all rights reserved|\bpublic domain\b|\blicen[cs]e[ds]?\b", re.I
)
#: Below this score no candidate is taken: the document is "Untitled".
THRESHOLD = 0.25


ARTICLES = frozenset("a an the of and in on for to".split())
_PAGE_MARK = re.compile(r"^(?:page|p\.)\s*[\dIVXLCivxlc]+$", re.IGNORECASE)


def title_shape(text: str) -> float:
    """How much ``text`` looks like a title by its shape alone (0: never one; 1: the usual shape)."""
    one = clean_title(text)
    letters = sum(1 for c in one if c.isalpha())
    words = one.split()
    if letters < 3 or len(one) > 250 or not words:
        return 0.0
    if _LINK.search(one) or _RIGHTS.search(one) or boilerplate_reason(Block(1, one)):
        return 0.0
    if boilerplate_reason(Block(1, " ".join(text.split()))) or RUNNING_HEAD.match(text):
        return (
            0.0  # furniture before cleaning ("JOURNAL NAME   118": a running head, its number cut)
        )
    if _PAGE_MARK.match(one):
        return 0.0  # "Page ii"
    if one.startswith("[") and one.endswith("]"):
        return 0.0  # an editor's placeholder ("[blocks in formation]")
    if one[:1].islower() or one.endswith((",", ";")):
        return 0.0  # a fragment: the rest of a line, or the start of a sentence that goes on
    if (m := _FIELD.match(one)) and (
        m["label"].strip().lower().split()[-1] in _FIELD_LABELS or date_only(one[m.end() :])
    ):
        return 0.0  # a field of the page or of the document's form, not its title
    if all(w.lower().strip(".,:;") in _SECTION_WORDS for w in words):
        return 0.1
    if _CLOCK.search(one):
        return 0.0
    found = shapes(one, [w.lower() for w in words[:10]])
    strong = "kind_title" in found or "x_to_y" in found or bool(_TO_FROM.match(one))
    if not strong and len(words) <= 5 and len(_YEARISH.findall(one)) >= 2:
        return 0.0  # a date ("Wednesday 6 March 2024") or a page reference
    if (
        not strong
        and "name_like" in found
        and 2 <= len(words) <= 4
        and not any(w.lower() in ARTICLES for w in words)
    ):
        return 0.1  # a name alone is a byline or a signature ("A Title" is none)
    score = 0.6
    if _sentence(one):
        score -= 0.35  # a sentence
    if one.endswith(":"):
        score -= 0.2  # it introduces what follows (a routing line, an address)
    if strong:
        score += 0.3
    if "title_case" in found:
        score += 0.1
    if _CITATION.search(one) and "x_to_y" not in found and not _TO_FROM.match(one):
        score = min(score, 0.2)  # a citation of the publication, not its title
    return max(0.0, min(1.0, score))


def title_blocks(part: list[Labelled], conv: Conversion) -> list[Labelled]:
    """The document's title: of the groups of title blocks at its top (one group is a title wrapped over
    lines without a blank line between, a repeat of it left out), the one the labeller is surest of
    among those shaped like a title; else the best-scored candidate of the top (taken back from
    furniture or metadata if need be); else none."""
    top: list[Labelled] = []
    for b in part:
        if b.label in ("p", "item") and not b.aside:
            break
        top.append(b)
    groups: list[list[Labelled]] = []
    series: set[int] = set()  # groups that are a series line over the title
    prev: Labelled | None = None
    for b in top or part[:1]:
        if b.label == "title" and not b.aside:
            joined = (
                prev is not None
                and groups
                and prev is groups[-1][-1]
                and (not prev.seg.blank_after or prev.seg.physical == b.seg.physical)
                and not _repeats(groups[-1], b)
            )
            if joined and prev is not None and _series_line(prev, b):
                joined = False
                series.add(id(groups[-1]))
            if joined:
                groups[-1].append(b)
            else:
                groups.append([b])
        prev = b
    plausible = [g for g in groups if title_shape(" ".join(b.text for b in g)) >= 0.3]
    if len(plausible) > 1:
        # a series line over the title is a candidate only when nothing else is
        plausible = [g for g in plausible if id(g) not in series] or plausible
    for g in groups:  # shaped like no title: a citation, or else only a heading
        if not any(g is p for p in plausible):
            for b in g:
                b.label = _demoted(b)
    if plausible:
        return max(plausible, key=lambda g: max(x.marginals.get("title", x.confidence) for x in g))
    if not groups:
        later = [b for b in part if b.label == "title" and not b.aside]
        if later and title_shape(later[0].text) >= 0.3:
            return later[:1]
    best, score = _best_candidate(part, top)
    if best is None or score < THRESHOLD:
        return []
    if best.aside:
        # set aside as furniture or page metadata, but the likeliest title there is: worth more there
        conv.set_aside[:] = [s for s in conv.set_aside if s.offset != best.seg.start]
        best.aside = ""
    best.label, best.confidence = "title", min(0.99, score)
    return [best]


def series_titles(blocks: list[Labelled]) -> list[str]:
    """After running text, a line that opens with the first title's first five words ("Working Notes
    from the Session of ... on 23 October 1956" after "... on 21 October 1956") is the title of the
    next document of the same series, whatever the labeller called it."""
    first = next((b for b in blocks if b.label == "title" and not b.aside), None)
    if first is None:
        return []
    key = _words(first.one_line)[:5]
    if len(key) < 5:
        return []
    out = []
    text_seen = False
    for b in blocks:
        if b.label in ("p", "item") and not b.aside and len(b.one_line) > 120:
            text_seen = True
        if (
            text_seen
            and b is not first
            and b.label in ("note", "heading", "p", "opener", "citation")
            and len(b.one_line) <= 200
            and _words(b.one_line)[:5] == key
            and _words(b.one_line) != _words(first.one_line)
        ):
            was, b.label = b.label, "title"
            b.confidence = max(b.confidence, 0.8)
            out.append(
                f"line {b.seg.line}: title (opens like the first title: a series), not {was}"
            )
    return out


def _words(text: str) -> list[str]:
    return ["".join(c for c in w if c.isalnum()) for w in text.lower().split()]


def lone_name(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 4
        and "name_like" in shapes(text, [])
        and any(w[1:].islower() and len(w) > 2 for w in words)
        and not any(w.lower().strip(".,") in ARTICLES | _SECTION_WORDS | _RUBRICS for w in words)
        and not _YEARISH.search(text)
    )


#: Words of a journal's or a site's rubric ("Original Articles", "Book Reviews"): no person's name.
_RUBRICS = frozenset(
    "article articles original research review reviews essay essays news features feature editorial "
    "letters documents document blog posts archive archives home about issue current special "
    "collection collections section chapter part".split()
)


def _sentence(one: str) -> bool:
    """Whether a short text ends like a sentence: a period after a word in lower case, or a long run."""
    words = one.split()
    return one.endswith(".") and (len(words) > 12 or (len(words) >= 2 and words[-1][:1].islower()))


def _demoted(b: Labelled) -> str:
    """What a block the labeller took for a title is when its shape says it is none (a field of the
    page is metadata; a date stays a heading: a dateline would make a post look like an archival
    document)."""
    one = clean_title(b.text)
    field = m["label"].strip().lower() if (m := _FIELD.match(one)) else ""
    if field in _FIELD_LABELS and field not in ("date", "dated", "created", "modified", "accessed"):
        return "meta"  # a field of the page ("Written: ... 1908"): its value goes into the header
    if _CITATION.search(one) or "archival" in shapes(one, []):
        return "citation"
    return "p" if _sentence(one) and b.marginals.get("p", 0.0) >= 0.2 else "heading"


def _best_candidate(part: list[Labelled], top: list[Labelled]) -> tuple[Labelled | None, float]:
    """The block of the top (or the first of the body, when shaped like a document's title) most
    likely to be the title, with its score."""
    window = top[:40]
    first_body = part[len(top)] if len(top) < len(part) else None
    best: Labelled | None = None
    best_score = 0.0
    candidates = list(window)
    if first_body is not None and len(first_body.text) <= 250:
        candidates.append(first_body)
    furniture = [b.one_line for b in window if b.label == "furniture"]
    for b in candidates:
        if b.label in ("closer", "signed", "note", "summary"):
            continue
        if _viewer_label(b.one_line, furniture):
            continue
        if b.label == "salute" and "salute" in shapes(b.one_line, []):
            continue  # a salutation; but a document's title the labeller took for one is a candidate
        shape = title_shape(b.text)
        if shape < 0.3:
            continue
        one = clean_title(b.text)
        found = shapes(one, [])
        strong = "kind_title" in found or "x_to_y" in found or bool(_TO_FROM.match(one))
        if (b is first_body or b.label in ("citation", "salute")) and not strong:
            continue  # a paragraph, a citation or a salutation, unless it names a document
        score = b.marginals.get("title", 0.0) + 0.5 * b.marginals.get("heading", 0.0)
        score += 0.25 if strong else 0.0
        score += 0.1 * shape
        if top and b is top[-1]:
            score += 0.2  # the line just before the text
        if any(
            x.label == "byline" or (x.label == "heading" and lone_name(x.one_line))
            for x in _next_kept(window, b)
        ):
            score += 0.2  # the line just above the author's name
        if score > best_score:
            best, best_score = b, score
    return best, best_score


def _next_kept(window: list[Labelled], b: Labelled) -> list[Labelled]:
    """The block after ``b`` in ``window`` that is not set aside as furniture (none at the end)."""
    at = next((i for i, x in enumerate(window) if x is b), len(window))
    return [x for x in window[at + 1 :] if x.label not in SET_ASIDE][:1]


def _viewer_label(text: str, furniture: list[str]) -> bool:
    """Whether ``text`` is a viewer's label of a file named by a furniture line ("Transcript of X",
    "download X" over the line "X"): words put before the file's name, not the document's title."""
    words = text.split()
    for f in furniture:
        n = len(f.split())
        if len(f) >= 8 and n < len(words) and " ".join(words[-n:]).lower() == f.lower():
            if not all(w.lower() in ("the", "a", "an") for w in words[:-n]):
                return True
    return False


#: A series or issue line ends with its number or year ("No. 77", "1890", "Issue 4 [August 1992]").
_NUMBERED = re.compile(r"\b(?:\d{1,4}|[IVXL]{1,6})\]?\)?$")


def _series_line(prev: Labelled, nxt: Labelled) -> bool:
    """Whether ``prev`` is a line of its own over the title ``nxt`` (a series, collection or issue line:
    "Bulletin No. 7" over the title), not the first line of a title wrapped over two: the next line is
    a Markdown heading, or ``prev`` ends with a number or a year and the next line is much longer."""
    a, b = prev.one_line, nxt.one_line
    if b.startswith("#") and not a.startswith("#"):
        return True
    return (
        bool(_NUMBERED.search(a))
        and len(a) < 0.6 * len(b)
        and not b[:1].islower()
        and prev.seg.line_start
        and nxt.seg.line_start
    )


def _repeats(run: list[Labelled], nxt: Labelled) -> bool:
    """Whether ``nxt`` repeats the title already read (a page that shows it twice)."""
    have = "".join(c for c in " ".join(b.text for b in run).lower() if c.isalnum())
    new = "".join(c for c in nxt.text.lower() if c.isalnum())
    return bool(new) and (new[: len(have)] == have[: len(new)] or new in have or have in new)
