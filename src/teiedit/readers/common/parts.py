"""Where the parts of a compilation (bulletin) begin and end, and an essay's body with its note list.

Boundaries are found by structure, tolerant of PDF-extraction damage (see ``compilation.py`` for the
rules); ``doc_starts`` scores documents that have no source line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from teiedit.document import E
from teiedit.readers.common.citation import source_line_body
from teiedit.readers.common.doc_starts import (
    ends_document,
    is_document_start,
    start_score,
    title_shape,
)
from teiedit.readers.common.lines import (
    Block,
    looks_like_prose,
    split_blocks,
)
from teiedit.readers.common.notes import NoteLinker

_BOLD = re.compile(r"^\*\*(?P<t>.+?)\*\*$", re.DOTALL)
_PAGE_NUMBER = re.compile(r"^\.?\s?\d{1,4}$")
_NOTE_LINE = re.compile(r"^(?P<label>(?P<n>\d{1,3})\.)\s+\S")


@dataclass
class Part:
    kind: str  # "essay" | "document"
    blocks: list[Block] = field(default_factory=list)
    title: str = ""
    title_block: Block | None = None
    source_block: Block | None = None
    source_after_body: bool = False  # the source line follows the document instead of heading it


def _bold_title(b: Block) -> str | None:
    m = _BOLD.match(b.text)
    return " ".join(m["t"].split()) if m and "**" not in m["t"] else None


def content_blocks(text: str) -> tuple[list[Block], list[Block]]:
    """A compilation's blocks without its page furniture (lone page numbers), and that furniture."""
    blocks = split_blocks(text)
    content = [b for b in blocks if not _PAGE_NUMBER.match(b.text)]
    if not content:  # nothing but page numbers: they are the text
        return blocks, []
    return content, [b for b in blocks if _PAGE_NUMBER.match(b.text)]


def find_parts(blocks: list[Block]) -> list[Part]:
    """Split a compilation's blocks (page furniture already removed) into essays and documents.

    Three kinds of evidence, in this order: a ``[Source: ...]`` line under a title (the title starts a
    document); a title of the document kind with a document's header or the previous document's end
    around it (a document without a source line, see ``doc_starts``); a source line after a document's
    body (it closes the document whose title comes before it, and what follows starts a new one).
    """
    sources = [i for i, b in enumerate(blocks) if source_line_body(b.text) is not None]
    places = {s: _source_place(blocks, s) for s in sources}
    # A compilation places its source lines one way: an unclear one goes the way most clear ones go.
    usual = (
        "trailer"
        if sum(p == "trailer" for p in places.values())
        > sum(p == "header" for p in places.values())
        else "header"
    )
    starts: dict[int, _Start] = {}
    trailers: list[int] = []
    header_zone: set[int] = set()
    for s in sources:
        place = usual if places[s] == "either" else places[s]
        if place == "trailer" and _title_between(blocks, _after_previous_source(blocks, s), s - 1):
            trailers.append(s)
            continue
        title_idx = _title_above_source(blocks, s, starts)
        start = title_idx if title_idx is not None else s
        starts[start] = _Start("document", title_idx, s)
        header_zone.update(range(start, s + 1))
    for i in range(len(blocks)):
        if (
            i not in starts
            and i not in header_zone
            and source_line_body(blocks[i].text) is None
            and is_document_start(blocks, i)
        ):
            starts[i] = _Start("document", i, None)
    for s in trailers:
        _place_trailer(blocks, s, starts)
    documents = [i for i, st in starts.items() if st.kind == "document"]
    first_doc = min(documents) if documents else len(blocks)
    for i in range(first_doc):
        if _bold_title(blocks[i]):
            starts[i] = _Start("essay", i, None)
    if 0 not in starts:
        starts[0] = _Start("essay", None, None)
    order = sorted(starts)
    parts: list[Part] = []
    for a, b in zip(order, [*order[1:], len(blocks)], strict=True):
        st = starts[a]
        part = Part(kind=st.kind, blocks=blocks[a:b], source_after_body=st.source_after_body)
        if st.title is not None:
            part.title_block = blocks[st.title]
            part.title = _bold_title(blocks[st.title]) or blocks[st.title].one_line
        if st.source is not None:
            part.source_block = blocks[st.source]
        parts.append(part)
    return [p for p in parts if p.blocks]


@dataclass
class _Start:
    """Where a part starts: its kind, and the indices of its title and source blocks (if any)."""

    kind: str
    title: int | None
    source: int | None
    source_after_body: bool = False


def _source_place(blocks: list[Block], s: int) -> str:
    """Whether the source line ``blocks[s]`` clearly heads its document (under a title), clearly closes
    it (after prose, a signature, a date or a distribution list), or may do "either"."""
    if (
        s == 0
        or any(s - back >= 0 and _bold_title(blocks[s - back]) for back in (1, 2))
        or title_shape(blocks[s - 1])
    ):
        return "header"
    if looks_like_prose(blocks[s - 1]) or ends_document(blocks[s - 1]):
        return "trailer"
    return "either"


def _title_above_source(blocks: list[Block], s: int, starts: dict[int, _Start]) -> int | None:
    """The title of the document whose source line is ``blocks[s]``, when the source line is under it."""
    for back in (1, 2):
        if s - back >= 0 and _bold_title(blocks[s - back]) and (s - back) not in starts:
            return s - back
    if (
        s >= 1
        and len(blocks[s - 1].one_line) <= 300
        and not looks_like_prose(blocks[s - 1])
        and source_line_body(blocks[s - 1].text) is None
    ):
        return s - 1
    return None


def _title_between(blocks: list[Block], lo: int, hi: int) -> bool:
    return any(title_shape(blocks[j]) for j in range(lo, hi))


def _after_previous_source(blocks: list[Block], s: int) -> int:
    j = s - 1
    while j >= 0 and source_line_body(blocks[j].text) is None:
        j -= 1
    return j + 1


def _place_trailer(blocks: list[Block], s: int, starts: dict[int, _Start]) -> None:
    """Give the source line ``blocks[s]`` to the document above it, and start a new part after it."""
    lo = _after_previous_source(blocks, s)
    owner = max((i for i in starts if lo <= i < s), default=None)
    if owner is None or starts[owner].kind != "document" or starts[owner].source is not None:
        # No document start found yet: the best title between the previous source line and this one.
        first = lo if owner is None else max(lo, owner + 1)
        scored = [
            (sum(start_score(blocks, j)), -j) for j in range(first, s - 1) if title_shape(blocks[j])
        ]
        if not scored:
            starts[s] = _Start("document", None, s)
            return
        owner = -max(scored)[1]
        starts[owner] = _Start("document", owner, None)
    starts[owner].source, starts[owner].source_after_body = s, True
    nxt = min((i for i in starts if i > s), default=len(blocks))
    if s + 1 < len(blocks) and nxt - (s + 1) > 2:
        starts[s + 1] = _Start("document", s + 1 if title_shape(blocks[s + 1]) else None, None)


def essay_body(part: Part, linker: NoteLinker) -> tuple[etree._Element, etree._Element | None]:
    """An essay's div, with its numbered note list turned into notes at their ``<sup>`` markers."""
    blocks = [b for b in part.blocks if b is not part.title_block]
    # The note list: from the first block whose first line is "N. text" after some prose.
    note_start = len(blocks)
    seen_prose = False
    for i, b in enumerate(blocks):
        if not _NOTE_LINE.match(b.text):
            seen_prose = True
        elif seen_prose and _NOTE_LINE.match(b.text):
            note_start = i
            break
    last: tuple[str, int] | None = None
    pieces: dict[str, list[tuple[int, str, str]]] = {}
    stray: list[Block] = []
    for b in blocks[note_start:]:
        for off, raw in _lines_with_offsets(b):
            m = _NOTE_LINE.match(raw)
            if m and m["n"] not in pieces:
                pieces[m["n"]] = [(b.line + off, m["label"], raw[len(m["label"]) :].strip())]
                last = (m["n"], b.line + off)
            elif last is not None:
                pieces[last[0]].append((b.line + off, "", raw.strip()))
            else:
                stray.append(Block(b.line + off, raw.strip()))
    for n, ps in pieces.items():
        line, label, text = ps[0]
        linker.add_body(n, label, text, line)
        body = linker.bodies[n]
        body.extra = ps[1:]  # type: ignore[attr-defined]
    div = E.div(type="essay")
    if part.title_block is not None:
        div.append(E.head(part.title))
    for b in blocks[:note_start]:
        div.append(linker.fill(E.p(), b.text, b.line))
    for b in stray:
        div.append(E.p(b.text))
    return div, None


def _lines_with_offsets(b: Block) -> list[tuple[int, str]]:
    return [(i, ln) for i, ln in enumerate(b.text.splitlines()) if ln.strip()]
