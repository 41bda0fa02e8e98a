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

from lxml import etree

from teiedit.config import Edition
from teiedit.dates import find_full_dates
from teiedit.document import E, TeiDocument
from teiedit.readers.base import Conversion, SetAside, Source, Span
from teiedit.readers.common.archival_doc import (
    corresp_desc,
    editorial_statements,
    parse_document,
    personal_name,
)
from teiedit.readers.common.build import header_info, make_tei
from teiedit.readers.common.citation import parse_archival, source_line_body
from teiedit.readers.common.lines import (
    SUP_ANCHOR,
    Block,
    letter_title,
)
from teiedit.readers.common.notes import NoteLinker, orphan_note
from teiedit.readers.common.parts import content_blocks, essay_body, find_parts

_SPLIT_STATEMENT = (
    "This document is part {n} of a compilation that teiedit split into one document per essay and "
    "archival document ({whole} lists them in order); page numbers of the printed original are omitted "
    "and listed in the conversion report."
)


class CompilationReader:
    """A bulletin or collection: essays and archival documents with ``[Source: ...]`` lines."""

    name = "compilation"
    description = (
        "a compilation (bulletin): essays and archival documents, split into one TEI per part"
    )

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
                        note = _note_for(div, body.n)
                        note.text = (note.text or "") + "\n" + text
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
    ) -> TeiDocument:
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


def _moved(line: int, text: str) -> Span:
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
