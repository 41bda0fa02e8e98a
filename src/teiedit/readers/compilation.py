"""Compilations (bulletins): introductory essays and many archival documents, split into one TEI each.

Boundaries are found by structure, tolerant of PDF-extraction damage:
- a document starts at its title: the nearest whole-bold block (``**...**``) among the two blocks before a
  ``[Source: ...]`` block, else the short block right before it;
- a document without a source line starts at a title of the document kind with a document's top (date,
  stamps, addressee) after it or the previous document's end (signature, distribution list) before it,
  scored so that headings and title-like lines inside a body do not split it (``doc_starts``);
- a source line after a body (after prose, a signature, a date: or, when unclear, because most source
  lines of the compilation stand there) closes the document above it, and what follows starts another;
- before the first document, a whole-bold block that is not a document title starts a new essay;
- lone page numbers (``. 24``) are page furniture and set aside.
Essays keep their ``<sup>n</sup>`` markers paired with their numbered note lists; documents are parsed
like single archival documents, with the source line parsed into ``msDesc``. The whole is ``<slug>.xml``,
listing the parts in order; each part ``<slug>-NN.xml`` points back to it (seriesStmt, relatedItem).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from teiedit.config import Edition
from teiedit.dates import find_full_dates
from teiedit.document import E
from teiedit.readers.archival import (
    corresp_desc,
    editorial_statements,
    parse_document,
    personal_name,
)
from teiedit.readers.base import Conversion, SetAside, Source
from teiedit.readers.build import header_info, make_tei
from teiedit.readers.citation import parse_archival, source_line_body
from teiedit.readers.doc_starts import ends_document, is_document_start, start_score, title_shape
from teiedit.readers.lines import SUP_ANCHOR, Block, letter_title, looks_like_prose, split_blocks
from teiedit.readers.notes import NoteLinker, orphan_note

_SPLIT_STATEMENT = (
    "This document is part {n} of a compilation that teiedit split into one document per essay and "
    "archival document ({whole} lists them in order); page numbers of the printed original are omitted "
    "and listed in the conversion report."
)
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


class CompilationReader:
    """A bulletin or collection: essays and archival documents with ``[Source: ...]`` lines."""

    name = "compilation"
    description = (
        "a compilation (bulletin): essays and archival documents, split into one TEI per part"
    )

    def detect(self, text: str) -> float:
        blocks = split_blocks(text)
        sources = sum(1 for b in blocks if source_line_body(b.text) is not None)
        if sources < 2:
            return 0.0
        return min(1.0, 0.5 + 0.1 * sources)

    def read(self, source: Source, edition: Edition) -> Conversion:
        conv = Conversion(source=source, profile=self.name)
        blocks, furniture = content_blocks(source.text)
        conv.set_aside.extend(
            SetAside(b.text, "page number of the printed original (PDF furniture)", b.line)
            for b in furniture
        )
        parts = find_parts(blocks)
        whole_title = _title_from_name(source.name)
        width = max(2, len(str(len(parts))))
        entries: list[tuple[str, str]] = []
        for idx, part in enumerate(parts, start=1):
            doc_id = f"{source.name}-{idx:0{width}d}"
            linker = NoteLinker(anchor=SUP_ANCHOR) if part.kind == "essay" else NoteLinker()
            if part.kind == "essay":
                div, _ = essay_body(part, linker)
                back_divs: list[tuple[int, etree._Element]] = []
                title = part.title or _first_words(part.blocks)
                facts_kind = "essay"
                info = header_info(source, title, kind="essay")
                info.source_description = (
                    f"Part {idx} of the compilation {source.filename} (an essay)"
                )
                info.editorial.extend(editorial_statements(notes=bool(linker.bodies))[1:])
            else:
                prelude: list[etree._Element] = []
                rest = list(part.blocks)
                after: list[Block] = []  # blocks after a source line that closes the document
                if part.title_block is not None:
                    prelude.append(E.head(part.title))
                    rest.remove(part.title_block)
                    if not part.source_after_body:
                        # Lines between the title and the source line (a subtitle, often damaged) stay there.
                        t = rest.index(part.source_block) if part.source_block in rest else 0
                        for b in rest[:t]:
                            prelude.append(E.head(b.text, type="sub"))
                        rest = rest[t:]
                cit = None
                if part.source_block is not None:
                    src_note = E.note(E.bibl(part.source_block.text), type="source", place="inline")
                    t = rest.index(part.source_block)
                    if part.source_after_body:
                        rest, after = rest[:t], rest[t + 1 :]
                    else:
                        # A note (model.global) so that an opener may still follow it in the division's top.
                        prelude.append(src_note)
                        rest.remove(part.source_block)
                    cit = parse_archival(source_line_body(part.source_block.text) or "")
                # Blocks between the title and the source line (damaged debris) stay, after the source.
                div, back_divs, facts = parse_document(
                    rest, linker, prelude=prelude, title=part.title
                )
                if part.source_after_body:
                    # Where the source line stands: after the body, or after the summary when there is one.
                    last = back_divs[-1][1] if back_divs else div
                    last.append(src_note)
                    for b in after:
                        last.append(linker.fill(E.p(), b.text, b.line))
                title = part.title or facts.title or _first_words(part.blocks)
                facts_kind = facts.kind
                info = header_info(
                    source,
                    title,
                    kind=facts.kind,
                    date_when=facts.date.when if facts.date else "",
                    date_text=facts.date.text if facts.date else "",
                    source_language=facts.source_language,
                    translation=facts.translation,
                    abstract=facts.summary,
                    editorial=facts.editorial,
                )
                if cit is not None:
                    info.source_desc = cit.ms_desc()
                    if cit.note and not info.translation and "translat" in cit.note.lower():
                        info.translation = cit.note
                    elif cit.note:
                        info.notes.append(cit.note)
                in_title = find_full_dates(title) if len(title) <= 400 else []
                if not info.date_when and in_title:
                    info.date_when, info.date_text = in_title[-1].when, in_title[-1].text
                if facts.kind == "letter" and (m := letter_title(title)):
                    info.author = personal_name(m["sender"].strip(" ,"))
                    cd = corresp_desc(
                        title,
                        facts.date or facts.closing_date or (in_title[-1] if in_title else None),
                        facts.place,
                    )
                    if cd is not None:
                        info.profile_extra.append(cd)
                info.editorial.extend(editorial_statements(notes=bool(linker.bodies)))
            info.editorial.append(_SPLIT_STATEMENT.format(n=idx, whole=f"{source.name}.xml"))
            info.series_title = whole_title
            if edition.base_url:
                info.series_idno = edition.base_url.rstrip("/") + "/" + source.name
            back = E.back()
            orphans = linker.orphan_bodies()
            if orphans:
                back.append(E.div(*(_orphan_with_extra(o) for o in orphans), type="notes"))
            for _, d in back_divs:
                back.append(d)
            for body in linker.bodies.values():
                if body.used:
                    for line, _, text in getattr(body, "extra", []):
                        _note_for(div, body.n).text += "\n" + text  # type: ignore[operator]
                        conv.spans.append(_moved(line, text))
            conv.spans.extend(linker.spans)
            conv.orphan_notes.extend({**o, "part": doc_id} for o in linker.orphan_report())
            doc = make_tei(doc_id, info, edition, E.body(div), back=back)
            _point_to_whole(doc.root, source.name, whole_title, idx)
            conv.documents.append(doc)
            first, last = part.blocks[0].line, part.blocks[-1].end_line
            conv.decisions.append(
                f"split: part {idx:0{width}d} ({facts_kind}) lines {first}-{last}: {title[:80]!r}"
                + ("" if part.source_block is None else " (source line found)")
            )
            entries.append((doc_id, title))
        whole = self._whole(source, edition, whole_title, entries)
        conv.documents.insert(0, whole)
        conv.whole = whole.name
        conv.decisions.append(f"split into {len(parts)} parts; the whole is {source.name}.xml")
        return conv

    def _whole(
        self, source: Source, edition: Edition, title: str, entries: list[tuple[str, str]]
    ) -> object:
        info = header_info(source, title, kind="compilation")
        info.source_description = (
            f"Compilation {source.filename}, split by teiedit into {len(entries)} parts"
        )
        items = [
            E.item(E.ref(t, target=f"{doc_id}.xml"), n=str(i))
            for i, (doc_id, t) in enumerate(entries, 1)
        ]
        body = E.body(E.div(E.head(title), E.list(*items, type="parts"), type="compilation"))
        return make_tei(source.name, info, edition, body)


def _orphan_with_extra(body: object) -> etree._Element:
    note = orphan_note(body)  # type: ignore[arg-type]
    for _, _, text in getattr(body, "extra", []):
        note.text = (note.text or "") + "\n" + text
    return note


def _note_for(div: etree._Element, n: str) -> etree._Element:
    for note in div.iter("{http://www.tei-c.org/ns/1.0}note"):
        if note.get("n") == n and note.get("place") == "foot":
            return note
    raise LookupError(n)


def _moved(line: int, text: str) -> object:
    from teiedit.readers.base import Span

    return Span(line, text, "moved")


def _point_to_whole(root: etree._Element, whole: str, whole_title: str, n: int) -> None:
    """Point a part at its whole: ``seriesStmt`` (title, file, part number) and a ``note[@type=part-of]``."""
    ns = "{http://www.tei-c.org/ns/1.0}"
    file_desc = root.find(f"{ns}teiHeader/{ns}fileDesc")
    assert file_desc is not None
    notes = file_desc.find(f"{ns}notesStmt")
    if notes is None:
        notes = E.notesStmt()
        source_desc = file_desc.find(f"{ns}sourceDesc")
        assert source_desc is not None
        source_desc.addprevious(notes)
    notes.append(E.note(E.ref(whole_title, target=f"{whole}.xml"), type="part-of"))
    series = file_desc.find(f"{ns}seriesStmt")
    assert series is not None
    series.append(E.idno(f"{whole}.xml", type="file"))
    series.append(E.biblScope(str(n), unit="part"))


def _title_from_name(name: str) -> str:
    words = name.replace("-", " ").split()
    return (" ".join(words)[:1].upper() + " ".join(words)[1:]) if words else "Compilation"


def _first_words(blocks: list[Block]) -> str:
    text = SUP_ANCHOR.sub("", " ".join(b.one_line for b in blocks[:1]))
    words = text.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
