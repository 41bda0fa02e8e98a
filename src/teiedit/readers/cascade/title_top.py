"""The lines around a document's chosen title: a paragraph repeating it, a name alone (the byline), a
section or series line above it, the kind named above it ("REPORT"), a dateline above it, and a web
page's menu lines over a post's date. Each rule relabels blocks and says so in a line of the report."""

from __future__ import annotations

from teiedit.dates import find_dates
from teiedit.readers.base import Conversion, SetAside
from teiedit.readers.cascade.features import date_only, shapes
from teiedit.readers.cascade.kinds import KIND_LINE
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.cascade.titles import ARTICLES, lone_name
from teiedit.readers.common.lines import CLASSIFICATION


def repeated_title(part: list[Labelled], titles: list[Labelled]) -> list[str]:
    """A paragraph that repeats the document's title word for word (a book's title page, a page head
    over the text) is a heading: never the body's first paragraph."""
    key = _folded(" ".join(b.text for b in titles))
    if len(key) < 12:
        return []
    out = []
    for b in part:
        if b.label == "p" and not b.aside and b not in titles and _folded(b.text) == key:
            b.label = "heading"
            out.append(f"line {b.seg.line}: heading (repeats the title), not p")
    return out


def _folded(text: str) -> str:
    return "".join(filter(str.isalnum, text.lower()))


def name_lines(part: list[Labelled], titles: list[Labelled]) -> list[str]:
    """A name alone at the document's top ("Pierre Asselin", "Gusztáv KECSKÉS" over or under the
    title) that the labeller called a heading is its byline."""
    out = []
    for b in part:
        if b.label in ("p", "item") and not b.aside:
            break
        if b.aside or b.label not in ("heading", "title") or any(b is t for t in titles):
            continue
        if lone_name(b.one_line) and not b.opens:  # "I. Background" is a section's heading
            was, b.label = b.label, "byline"
            out.append(f"line {b.seg.line}: byline (a name alone at the top), not {was}")
    return out


_ABOVE_REASON = "the site's section or series line above the document's title"


def above_title(part: list[Labelled], titles: list[Labelled], conv: Conversion) -> list[str]:
    """A short line above the chosen title that the labeller called a title, heading or byline but
    that names nobody ("The Cuban Missile Crisis", "CWIHP eDossier No. 77") is the site's section or
    series line: set aside, not a heading of the text."""
    if not titles:
        return []
    out = []
    for b in part:
        if b is titles[0]:
            break
        if b.aside or b.label not in ("title", "heading", "byline") or len(b.one_line) > 80:
            continue
        words = b.one_line.split()
        if (
            b.label == "byline"
            and "name_like" in shapes(b.one_line, [])
            and not any(w.lower() in ARTICLES for w in words)
        ):
            continue  # an author's name ("The Cuban Missile Crisis" is none)
        if KIND_LINE.match(b.one_line):
            b.label = "opener"  # the document's kind ("REPORT"), a line of its top
            out.append(f"line {b.seg.line}: opener (a line naming the kind above the title)")
            continue
        if _dated_line(b.one_line):
            b.label = "dateline"  # a letter's place and day, above its addressee and salutation
            out.append(f"line {b.seg.line}: dateline (a place and a day above the title)")
            continue
        b.label, b.aside = "furniture", _ABOVE_REASON
        conv.set_aside.append(SetAside(b.text, _ABOVE_REASON, b.seg.line, b.seg.start))
        out.append(f"line {b.seg.line}: furniture (a section line above the title)")
    return out


def _dated_line(text: str) -> bool:
    """A short line naming a day ("Berlin, den 14. März 1957"): no section or series line does."""
    return len(text.split()) <= 6 and any(
        len(d.attrs.get("when", "")) == 10 for d in find_dates(text)
    )


_MENU_REASON = "a line of the site's menu, between its furniture and the post's date"


def menu_above_date(part: list[Labelled], titles: list[Labelled], conv: Conversion) -> list[str]:
    """On a web page, the short lines between the site's furniture and a post's date (a date alone
    above the title) are the site's menu, not the document's top: a post's own lines (its kicker,
    its title) come after its date."""
    if not titles:
        return []
    top = part[: next((i for i, b in enumerate(part) if b is titles[0]), 0)]
    dated = [i for i, b in enumerate(top) if b.label == "dateline" and date_only(b.one_line)]
    if not dated:
        return []
    run = []
    j = dated[0] - 1
    while j >= 0 and _menu_line(top[j]):
        run.append(top[j])
        j -= 1
    if not run or j < 0 or not (top[j].aside or top[j].label == "furniture"):
        return []  # no site furniture over the lines: they are the document's
    for b in run:
        b.label, b.aside = "furniture", _MENU_REASON
        conv.set_aside.append(SetAside(b.text, _MENU_REASON, b.seg.line, b.seg.start))
    return [f"line {b.seg.line}: furniture (a menu line over the post's date)" for b in run]


def _menu_line(b: Labelled) -> bool:
    """A short line of words, no sentence, no mark of an archival document's top."""
    text = b.one_line
    return (
        not b.aside
        and b.label in ("opener", "heading", "title", "byline")
        and len(text) <= 80
        and not text.endswith((":", ";", ","))
        and not (text.endswith((".", "!", "?")) and text.split()[-1][:1].islower())
        and not CLASSIFICATION.match(text)
    )
