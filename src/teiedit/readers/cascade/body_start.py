"""Where the text starts: the lines between a document's title and its first paragraph of prose.

A printed article's first page, after a cover page or a viewer's header, repeats the journal's running
head ("Political Psychology, Vol. 12, No. 4, 1991"), a rubric ("Policy Implications"), the title broken
over lines and the authors' names. A labeller that has not seen the layout reads these short lines as
paragraphs, and the document's text then seems to start with a running head. Before the first paragraph
of prose, after the title, a journal's issue line is page furniture, a line of names the byline and
another short line shaped like a title a heading. Nothing here knows a site or a journal.
"""

from __future__ import annotations

import re

from teiedit.readers.cascade.labels import SET_ASIDE
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.cascade.titles import ARTICLES, lone_name, title_shape

#: A journal's issue line: its name, volume, number and year (season or month, pages), nothing else.
ISSUE_LINE = re.compile(
    r"^[A-Z][\w&'’ .:-]{2,80}?,?\s+vol(?:\.|ume)?\s*(?:\d+|[IVXLC]+)[,.]?\s*"
    r"(?:(?:no\.?|issue|number)\s*\d+[,.]?\s*)?(?:\(?[A-Za-z.]+\s*)?\(?(?:1[89]|20)\d\d\)?"
    r"(?:[,.:]?\s*(?:pp?\.\s*)?\d+(?:\s*[-–]\s*\d+)?)?\.?$",
    re.IGNORECASE,
)
#: The short lines read here: at most this long.
_SHORT = 100
_MARKS = re.compile(r"[\d*†‡'’]+$")


def apply(blocks: list[Labelled]) -> list[str]:
    """The short lines after the title and before the first paragraph, by their shape."""
    kept = [b for b in blocks if not b.aside and b.label not in SET_ASIDE]
    first_p = next((i for i, b in enumerate(kept) if b.label == "p"), len(kept))
    title = max((i for i, b in enumerate(kept[:first_p]) if b.label == "title"), default=None)
    if title is None:
        return []
    run: list[tuple[Labelled, str]] = []
    rest = kept[title + 1 :]
    for b in rest:
        if b.label in ("title", "item", "salute", "closer", "signed"):
            return []  # a compilation's listing, a letter's apparatus: not a printed page's top
        if b.label != "p":
            continue
        role = _top_role(b)
        if not role:
            break  # the first paragraph of the text
        run.append((b, role))
    else:
        return []
    out: list[str] = []
    for b, role in run:
        b.label = role
        out.append(f"line {b.seg.line}: p -> {role} (a short line between the title and the text)")
    return out


def _top_role(b: Labelled) -> str:
    """What a short line of a printed page's top is by its shape, or "" (text)."""
    one = b.one_line
    if len(one) > _SHORT or "\n" in b.text.strip():
        return ""
    if ISSUE_LINE.match(one):
        return "pagefw"
    if _names(one) and re.search(r",|\band\b|&", one):
        return "byline"  # authors' names ("A and B"; one name alone may be a title's words)
    words = [w for w in one.split() if w.lower() not in ARTICLES]
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    if len(one.split()) >= 2 and capitalised >= 0.6 * len(words) and title_shape(one) > 0:
        return "heading"
    return ""


def _names(one: str) -> bool:
    """A line of one or more persons' names ("Aaron Belkin and James G. Blight", note marks after them)."""
    parts = [_MARKS.sub("", p).strip() for p in re.split(r",\s*|\s+and\s+|\s*&\s*", one)]
    return bool(parts) and all(p and lone_name(p) for p in parts)
