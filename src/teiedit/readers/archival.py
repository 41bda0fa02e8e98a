"""The ``archival`` profile: one archival document in translation (letter, memorandum, report).

Chosen with ``--profile archival``; the structure is parsed by ``common.archival_doc``. A web capture of
such a document is the ``webcapture`` profile (``webcapture.py``).
"""

from __future__ import annotations

from teiedit.config import Edition
from teiedit.document import E
from teiedit.readers.base import Conversion, SetAside, Source
from teiedit.readers.common.archival_doc import (
    _PANEL_LABEL,
    corresp_desc,
    editorial_statements,
    parse_document,
    personal_name,
)
from teiedit.readers.common.boilerplate import boilerplate_reason
from teiedit.readers.common.build import header_info, make_tei
from teiedit.readers.common.citation import parse_archival, source_line_body
from teiedit.readers.common.lines import (
    Block,
    letter_title,
    split_blocks,
)
from teiedit.readers.common.notes import NoteLinker, bracket_bodies, orphan_note


class ArchivalReader:
    """A single archival document in translation (letter, memorandum, report)."""

    name = "archival"
    description = (
        "an archival document in translation: date, title, salutation, body, signatures, summary"
    )
    web = False

    def read(self, source: Source, edition: Edition) -> Conversion:
        conv = Conversion(source=source, profile=self.name)
        blocks = split_blocks(source.text)
        content, citation_blocks = self._set_aside(blocks, conv)
        bodies = bracket_bodies(content)
        not_notes: set[int] = set()
        while True:
            # A [n]text block is a note body; an unpaired one inside the body text is just a paragraph
            # (moving it to back/ would change the text's order), so parse again without it.
            linker = NoteLinker()
            body_lines = set()
            for b, n, label, text in bodies:
                if (
                    b.line not in not_notes and n not in linker.bodies
                ):  # a repeated number stays text
                    linker.add_body(n, label, text, b.line)
                    body_lines.add(b.line)
            doc_blocks = [b for b in content if b.line not in body_lines]
            div, back_items, facts = parse_document(doc_blocks, linker)
            misplaced = {o.line for o in linker.orphan_bodies() if o.line < facts.body_end_line}
            if not misplaced:
                break
            not_notes |= misplaced
        orphans = linker.orphan_bodies()
        if orphans:
            back_items.append(
                (orphans[0].line, E.div(*(orphan_note(o) for o in orphans), type="notes"))
            )
        ms_desc = None
        for b in citation_blocks:
            cit = parse_archival(source_line_body(b.text) or b.text)
            ms_desc = ms_desc if ms_desc is not None else cit.ms_desc()
            back_items.append((b.line, E.div(E.bibl(b.text, type="source"), type="source")))
        # Source order: notes, summary and source citation stay in source order inside back.
        back = E.back(*(el for _, el in sorted(back_items, key=lambda item: item[0])))
        conv.spans.extend(linker.spans)
        conv.orphan_notes.extend(linker.orphan_report())
        for body in linker.bodies.values():
            if body.used:
                conv.decisions.append(
                    f"note {body.n} (line {body.line}) placed at its marker in the text"
                )
        info = header_info(
            source,
            facts.title or source.name,
            kind=facts.kind,
            date_when=facts.date.when if facts.date else "",
            date_text=facts.date.text if facts.date else "",
            source_language=facts.source_language,
            translation=facts.translation,
            abstract=facts.summary,
            editorial=facts.editorial,
        )
        if ms_desc is not None:
            info.source_desc = ms_desc
            note = parse_archival(
                source_line_body(citation_blocks[0].text) or citation_blocks[0].text
            ).note
            if note and not info.translation and "translat" in note.lower():
                info.translation = note
            elif note:
                info.notes.append(note)
        info.editorial.extend(editorial_statements(web=self.web, notes=bool(linker.bodies)))
        if facts.kind == "letter":
            m = letter_title(facts.title)
            if m:
                info.author = personal_name(m["sender"].strip(" ,"))
            cd = corresp_desc(facts.title, facts.date or facts.closing_date, facts.place)
            if cd is not None:
                info.profile_extra.append(cd)
        doc = make_tei(source.name, info, edition, E.body(div), back=back)
        conv.documents.append(doc)
        conv.decisions.append(
            f"structure: title {facts.title!r}; kind {facts.kind}; "
            f"date {facts.date.when if facts.date else 'none'}; salutation {'yes' if facts.salute else 'no'}; "
            f"closing date {facts.closing_date.when if facts.closing_date else 'none'}; "
            f"summary paragraphs {len(facts.summary)}"
        )
        return conv

    def _set_aside(self, blocks: list[Block], conv: Conversion) -> tuple[list[Block], list[Block]]:
        """Web furniture out (with reasons); the information panel's citation found. Archival: nothing."""
        if not self.web:
            return blocks, []
        content: list[Block] = []
        citations: list[Block] = []
        in_panel = False
        after_info_label = False
        for b in blocks:
            reason = boilerplate_reason(b)
            if reason == _PANEL_LABEL:
                in_panel = True
                after_info_label = b.one_line.lower().startswith("document information")
                conv.set_aside.append(SetAside(b.text, reason, b.line))
                continue
            if reason:
                conv.set_aside.append(SetAside(b.text, reason, b.line))
                continue
            if in_panel:
                if after_info_label and not citations:
                    citations.append(b)
                    after_info_label = False
                else:
                    conv.set_aside.append(
                        SetAside(b.text, "value in a web-page information panel", b.line)
                    )
                continue
            content.append(b)
        return content, citations
