"""The kind of a document (letter, telegram, memorandum, report, journal, article, blog, other), from
its labelled blocks: the words its title opens with, the apparatus it has (salutation and closing, an
abstract and keywords, a byline, a journal citation) and the furniture of the page it was captured from.

Each rule is generic (a title that opens "Telegram" or "Record of"; a salutation and a signature), and
the decision carries a confidence and the reason, for the conversion report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teiedit.readers.cascade.fields import correspondents
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.cascade.post_rules import keyword_terms

#: Kinds of document teiedit writes in ``textClass/keywords/term[@type='kind']``.
KINDS = (
    "letter",
    "telegram",
    "memorandum",
    "report",
    "journal",
    "note",
    "article",
    "blog",
    "compilation",
    "other",
)
#: Kinds that are correspondence (they get a correspDesc).
CORRESPONDENCE = frozenset({"letter", "telegram"})

_TITLE_KINDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rx, re.IGNORECASE), kind)
    for rx, kind in (
        (r"\b(?:telegram|cable|coded\s+message|wire)\b", "telegram"),
        (
            r"^(?:\W*(?:\d+\.?\s+)?(?:document\s+no\.?\s*\d+:?\s*)?)?(?:\w+\s+){0,3}?"
            r"(?:record|memorandum|memo|minutes|protocol|transcript|notes?\s+(?:on|of|from)|"
            r"working\s+notes|conversation|meeting|session|stenographic)\b",
            "memorandum",
        ),
        (
            r"^(?:\W*(?:\d+\.?\s+)?)?(?:\w+\s+){0,3}?(?:report|information|survey|remarks|"
            r"theses|proposals|statement|draft)\b",
            "report",
        ),
        (
            r"\b(?:diary|journal\s+entry|daybook)\b|^(?:excerpts?\s+)?from\s+the\s+journal\s+of\b",
            "journal",
        ),
        (
            r"\b(?:letter|message|note|directive|instructions?|circular|dispatch|despatch)\b",
            "letter",
        ),
    )
)
#: A line that is nothing but the document's kind, above its title ("REPORT", "Record of Conversation").
KIND_LINE = re.compile(
    r"^\W*(?P<kind>telegram|cable|report|memorandum|record\s+of\s+(?:a\s+)?conversation|minutes|"
    r"protocol|diary|directive|circular|information)\W*$",
    re.IGNORECASE,
)
_KIND_OF_LINE = {
    "telegram": "telegram",
    "cable": "telegram",
    "report": "report",
    "information": "report",
    "directive": "letter",
    "circular": "letter",
    "diary": "journal",
}
_TELEGRAM_NUMBER = re.compile(r"^\d{2,5}\.\s")
_TELEGRAM_WORDS = re.compile(r"\b(?:telegram|cable|coded|niact|priority)\b", re.IGNORECASE)
_ARTICLE_HEADS = re.compile(
    r"^(?:#+\s*)?(?:abstract|keywords|summary|résumé|resumen|zusammenfassung)\b", re.I
)
_ARTICLE_META = re.compile(
    r"\b(?:doi|issn|journal|published online)\b|"
    r"\bvol(?:\.|ume)\s*(?:\d+|[IVXLC]+\b).{0,30}\b(?:no\.|issue|number)\s*\d",
    re.I,
)
_BLOG_FURNITURE = re.compile(
    r"\b(?:posted|filed under|tag archives?|comments?|leave a reply|blog|categories|tagged)\b", re.I
)
#: A running head with its page number, or a viewer's page count: pages of a printed original.
_PRINTED = re.compile(
    r"^[•·*\s]*(?:\d{1,4}\s+[A-Z][A-Z.,:&'’ -]{12,80}|[A-Z][A-Z.,:&'’ -]{12,80}\s+\d{1,4}|"
    r"(?:[Pp]age\s+)?\d*\s*of\s+\d{2,4}(?:\s+pages?)?)$"
)
_WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_SPEAKER = re.compile(
    r"^(?:Cde\.|Comrade|Mr\.|[A-Z]\.\s?[A-Z]\.)?\s?[A-Z][\w.'’ -]{1,40}(?::|--|—)\s"
)


@dataclass(frozen=True)
class KindDecision:
    kind: str
    confidence: float
    reason: str


#: A letter that opens without a salutation may name its reader in its first sentence ("How is it there
#: is no news from you, dear A. M.?"): a vocative, after a comma, of a capitalised name.
_VOCATIVE = re.compile(
    r",\s+(?:my\s+)?dear(?:est)?\s+(?P<name>[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,2})\s*[?!.,;]"
)


def vocative(body: list[Labelled]) -> str:
    """The name the first paragraph's opening addresses its reader by ("dear A. M."), or ""."""
    m = _VOCATIVE.search(body[0].one_line[:300]) if body else None
    return m["name"].strip() if m else ""


def _labels(blocks: list[Labelled], *names: str) -> list[Labelled]:
    return [b for b in blocks if b.label in names]


def decide_kind(
    blocks: list[Labelled], title: str, aside: list[Labelled], in_compilation: bool = False
) -> KindDecision:
    """The kind of one document from its blocks (``aside``: its furniture and metadata lines);
    ``in_compilation``: a part of a compilation (a printed collection has no blog posts)."""
    body = _labels(blocks, "p", "item")
    opener_text = " ".join(b.one_line for b in _labels(blocks, "opener", "heading"))
    for rx, kind in _TITLE_KINDS:
        if title and rx.search(title[:200]):
            if kind == "letter" and _is_telegram(body, opener_text):
                return KindDecision("telegram", 0.8, f"title {title[:40]!r}, telegram number")
            return KindDecision(kind, 0.9, f"title opens like a {kind}")
    if (entries := sum(1 for b in blocks if b.opens == "entry")) >= 2:
        return KindDecision("journal", 0.75, f"{entries} dated entries (a diary)")
    for b in _labels(blocks, "opener", "heading"):
        if m := KIND_LINE.match(b.one_line):
            word = m["kind"].lower().split()[0]
            kind = _KIND_OF_LINE.get(word, "memorandum")
            return KindDecision(kind, 0.8, f"a line naming the kind ({b.one_line.strip()[:30]!r})")
    heads = [b.one_line for b in _labels(blocks, "heading", "meta", "summary")]
    # a keywords line, set aside for the header, still says "article"
    heads += [b.one_line for b in aside if b.label == "meta" and keyword_terms(b.one_line)]
    aside_text = " ".join(b.one_line for b in aside)
    scholarly = sum(
        (
            any(_ARTICLE_HEADS.match(h) for h in heads),
            bool(_labels(blocks, "byline")) and bool(_labels(blocks, "summary")),
            any(_ARTICLE_META.search(b.one_line) for b in _labels(blocks, "citation", "meta")),
            # a journal's citation heading the text (the first block of a reprint)
            any(len(b.one_line) < 300 and _ARTICLE_META.search(b.one_line) for b in body[:2]),
            bool(_ARTICLE_META.search(aside_text)),
        )
    )
    if scholarly >= 2:
        return KindDecision("article", 0.7, "scholarly apparatus (abstract, byline, journal data)")
    salute = _labels(blocks, "salute")
    closing = _labels(blocks, "closer", "signed")
    if title and (c := correspondents(title, weak=False)) and (c.sender or c.addressee):
        kind = "telegram" if _is_telegram(body, opener_text) else "letter"
        return KindDecision(kind, 0.75, "title names correspondents")
    if title and title.lower().startswith("to ") and (salute or closing):
        return KindDecision("letter", 0.7, "title names the addressee; salutation or closing")
    if salute and closing:
        return KindDecision("letter", 0.85, "salutation and closing")
    if scholarly and not title:
        return KindDecision("article", 0.6, "scholarly apparatus (abstract, byline, journal data)")
    speakers = sum(1 for b in body if b.seg.line_start and _SPEAKER.match(b.one_line))
    record = bool(body) and speakers >= max(2, len(body) // 3)
    printed = sum(1 for b in aside if b.label == "pagefw")
    if not (salute or closing or record) and (printed >= 2 or len(_labels(blocks, "note")) >= 5):
        # running heads and page numbers of a printed original, or a scholarly apparatus of notes:
        # an article or chapter (a web page's post has neither)
        return KindDecision("article", 0.55, "pages of a printed original, or many notes")
    if _BLOG_FURNITURE.search(aside_text) or any(
        _WEEKDAY.search(b.one_line) for b in _labels(blocks, "dateline", "meta")
    ):
        return KindDecision("blog", 0.65, "blog furniture around the post")
    if salute and salute[0] is next(iter(_labels(blocks, "salute", "p")), None):
        return KindDecision("other", 0.6, "an address opening with a salutation (a speech)")
    if record:
        return KindDecision("memorandum", 0.6, "turns of speakers (a record)")
    if salute or closing:
        return KindDecision("letter", 0.55, "salutation or closing")
    if not title and vocative(body):
        return KindDecision("letter", 0.5, "the first sentence addresses its reader by name")

    if scholarly:
        return KindDecision("article", 0.5, "some scholarly apparatus")
    if _labels(blocks, "opener", "dateline", "citation") and body and not _labels(blocks, "byline"):
        return KindDecision("report", 0.45, "an archival document's top (dateline, marks, source)")
    if title and body and in_compilation:
        return KindDecision("article", 0.45, "a titled essay of a compilation")
    if title and body and any(_PRINTED.match(b.one_line) for b in aside):
        # a running head or page marker of a printed original set aside: pages, not a web post
        return KindDecision("article", 0.45, "a titled piece of prose from printed pages")
    if title and body:
        return KindDecision("blog", 0.4, "a titled piece of prose without scholarly apparatus")
    if body:
        return KindDecision("article", 0.35, "prose without title or apparatus")
    return KindDecision("other", 0.3, "no structure recognised")


def _is_telegram(body: list[Labelled], opener_text: str) -> bool:
    first = body[0].one_line if body else ""
    return bool(_TELEGRAM_NUMBER.match(first) or _TELEGRAM_WORDS.search(opener_text))
