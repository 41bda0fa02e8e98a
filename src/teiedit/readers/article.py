"""Journal article pages: header lines, abstract, sections, numbered notes, contributors, shop furniture.

Shapes recognised:
- page furniture (usage counters, login and shop panels, related reading) is set aside with a reason;
- the title is the first substantial block; an imprint line (``Pages 233-251 | Published online: ...``,
  ``Volume``, ``DOI``) follows it; a lone ``&`` or a names line is the byline;
- a section heading is a short block without final punctuation followed by text (``ABSTRACT``,
  ``Acknowledgments``, ``Notes``); a heading directly followed by another heading opens a containing
  section (``Additional information`` > ``Funding``);
- in the notes section, blocks ``N text`` are note bodies; markers in the text (``<sup>N</sup>`` or a
  number glued after a word, taken only in sequence) are paired with them; unpaired bodies are orphans;
- the contributors section gives the authors (a short name block followed by a biography opening
  with that name).
"""

from __future__ import annotations

import re

from lxml import etree

from teiedit.config import Edition
from teiedit.dates import find_full_dates
from teiedit.document import E, append_text
from teiedit.readers.base import Conversion, SetAside, Source
from teiedit.readers.common.boilerplate import boilerplate_reason
from teiedit.readers.common.build import header_info, make_tei
from teiedit.readers.common.lines import Block, looks_like_prose, split_blocks
from teiedit.readers.common.notes import NoteLinker, orphan_note

_COUNTER = re.compile(
    r"^(?:views|crossref citations to date|altmetric|citations|downloads|shares?)$", re.IGNORECASE
)
_NUMBER = re.compile(r"^\d[\d,.]*$")
_PAGES = re.compile(r"\bPages?\s+(?P<from>\d+)\s*[-–]\s*(?P<to>\d+)", re.IGNORECASE)
_DOI = re.compile(
    r"\b(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(?P<doi>10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE
)
_IMPRINT = re.compile(
    r"\b(?:Pages?\s+\d|Published online|Volume\s+\d|Vol\.\s*\d|Issue\s+\d|doi\b|DOI\b)",
    re.IGNORECASE,
)
#: "Cold War History, Volume 18, Issue 3" / "Journal of X, Vol. 4, No. 2".
_JOURNAL = re.compile(
    r"^(?P<journal>[A-Z][^|,]{2,80}?),?\s+(?:Volume|Vol\.)\s*(?P<vol>\d+)"
    r"(?:,?\s+(?:Issue|No\.)\s*(?P<issue>\d+))?"
)
_NOTE_BODY = re.compile(r"^(?P<label>(?P<n>\d{1,3})\.?)\s+\S")
#: A number glued after a word or punctuation, as PDF/HTML extraction leaves footnote markers: "state.12 The".
GLUED_ANCHOR = re.compile(
    r"(?<=[A-Za-z.,;:”’\")])(?P<n>\d{1,3})(?=\s|$)|\s?<sup>\s*(?P<n2>\d{1,3})\s*</sup>"
)
_NAMES_SPLIT = re.compile(r"\s*(?:&|,|\band\b)\s*")
_NAME = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4}$")
_SECTION_KIND = {
    "abstract": "abstract",
    "notes": "notes",
    "endnotes": "notes",
    "footnotes": "notes",
    "notes on contributors": "contributors",
    "about the authors": "contributors",
    "contributors": "contributors",
    "references": "bibliography",
    "bibliography": "bibliography",
}


def _heading(b: Block) -> bool:
    t = b.one_line
    return (
        "\n" not in b.text
        and 2 <= len(t) <= 60
        and t[-1] not in ".,;:!?"
        and not _NUMBER.match(t)
        and not _IMPRINT.search(t)
        and (t[0].isupper() or t.isupper())
        and len(t.split()) <= 6
    )


def explode_short_lines(blocks: list[Block]) -> list[Block]:
    """Split blocks made only of short lines (page furniture glued together) into one block per line."""
    out: list[Block] = []
    for b in blocks:
        lines = b.text.splitlines()
        if len(lines) > 1 and all(len(ln.strip()) <= 40 for ln in lines):
            out.extend(Block(b.line + i, ln.strip()) for i, ln in enumerate(lines) if ln.strip())
        else:
            out.append(b)
    return out


class _Sequential(NoteLinker):
    """A linker that takes glued numbers as markers only in sequence (1, 2, 3, ...) and only with a body."""

    _next: int = 1  # the number the next marker must have

    def fill(self, el: etree._Element, text: str, line: int) -> etree._Element:
        pattern = self.anchor
        expected = self._next
        accepted: list[re.Match[str]] = []
        for m in pattern.finditer(text):
            n = m["n"] or m["n2"]
            if int(n) == expected and n in self.bodies and not self.bodies[n].used:
                accepted.append(m)
                expected += 1
        self._next = expected
        if not accepted:
            append_text(el, el[-1] if len(el) else None, text)
            return el
        pos = 0
        last = el[-1] if len(el) else None
        for m in accepted:
            n = m["n"] or m["n2"]
            append_text(el, last, text[pos : m.start()])
            here = line + text.count("\n", 0, m.start())
            body = self.bodies[n]
            body.used = True
            note = E.note(body.text, place="foot", n=n)
            from teiedit.readers.base import Span, context_before

            at = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            self.spans += [
                Span(here, m.group(0).strip(), "label", context_before(text, at)),
                Span(body.line, body.label, "label"),
                Span(body.line, body.text, "moved"),
            ]
            if m.group(0)[:1].isspace():
                append_text(el, last, m.group(0)[:1])
            el.append(note)
            last = note
            pos = m.end()
        append_text(el, last, text[pos:])
        return el


class ArticleReader:
    """A journal article's web page (or its plaintext): front matter, sections, notes, contributors."""

    name = "article"
    description = (
        "a journal article page: title, imprint, abstract, sections, numbered notes, contributors"
    )

    @staticmethod
    def _front_line(title_page: etree._Element, line: str) -> None:
        _front_line_impl(title_page, line)

    def read(self, source: Source, edition: Edition) -> Conversion:
        conv = Conversion(source=source, profile=self.name)
        blocks = explode_short_lines(split_blocks(source.text))
        kept: list[Block] = []
        for i, b in enumerate(blocks):
            reason = boilerplate_reason(b)
            if (
                reason is None
                and _NUMBER.match(b.one_line)
                and i + 1 < len(blocks)
                and _COUNTER.match(blocks[i + 1].one_line)
            ):
                reason = "usage counter of the web page"
            if reason is None and kept == [] and _COUNTER.match(b.one_line):
                reason = "usage counter of the web page"
            if reason:
                conv.set_aside.append(SetAside(b.text, reason, b.line))
                if reason.startswith("related-reading"):
                    # Everything after a related-reading panel heading is that panel.
                    for rest in blocks[i + 1 :]:
                        if not any(s.line == rest.line for s in conv.set_aside):
                            conv.set_aside.append(SetAside(rest.text, reason, rest.line))
                    break
            else:
                kept.append(b)
        # -- front: section label, title, byline, imprint
        front = E.front()
        title_page = (
            front  # heads and paragraphs: what both tei_all and the project ODD allow in front
        )
        i = 0
        title = ""
        labels: list[Block] = []
        while i < len(kept) and not title:
            b = kept[i]
            if len(b.one_line) >= 25 and not _heading(b) or looks_like_prose(b):
                title = b.one_line
            else:
                labels.append(b)
            i += 1
        for b in labels:
            front.append(E.head(b.text, type="label"))
        if title:
            front.append(E.head(kept[i - 1].text, type="main"))
        doi = published = ""
        pages_m = None
        journal_m = None
        while i < len(kept) and not _heading(kept[i]) and len(kept[i].one_line) < 200:
            b = kept[i]
            for raw in b.text.splitlines():
                line = raw.strip()
                if not line:
                    continue
                self._front_line(title_page, line)
                if _IMPRINT.search(line):
                    pages_m = pages_m or _PAGES.search(line)
                    journal_m = journal_m or _JOURNAL.search(line)
                    d = _DOI.search(line)
                    doi = doi or (d["doi"].rstrip(".") if d else "")
                    dates = find_full_dates(line)
                    if dates and not published:
                        published = dates[0].when
            i += 1
        # -- sections
        sections = _sections(kept[i:])
        linker = _Sequential(anchor=GLUED_ANCHOR)
        for head, body in sections:
            if head is not None and _SECTION_KIND.get(head.one_line.lower()) == "notes":
                for b in body:
                    for off, raw in enumerate(b.text.splitlines()):
                        m = _NOTE_BODY.match(raw.strip())
                        if m:
                            linker.add_body(
                                m["n"],
                                m["label"],
                                raw.strip()[len(m["label"]) :].strip(),
                                b.line + off,
                            )
        body_el = E.body()
        back = E.back()
        target = body_el
        container: etree._Element | None = None
        abstract: list[str] = []
        authors: list[str] = []
        for idx, (head, blocks_) in enumerate(sections):
            kind = (
                _SECTION_KIND.get(head.one_line.lower(), "section")
                if head is not None
                else "section"
            )
            if kind == "notes":
                target = back
                container = None
            div = E.div(type=kind if kind != "bibliography" else "section")
            if head is not None:
                div.append(E.head(head.text))
            if kind == "notes":
                for b in blocks_:
                    for off, raw in enumerate(b.text.splitlines()):
                        m = _NOTE_BODY.match(raw.strip())
                        nb = linker.bodies.get(m["n"]) if m else None
                        if nb is not None and nb.line == b.line + off:
                            if not nb.used:
                                div.append(orphan_note(nb))
                        elif raw.strip():
                            div.append(E.p(raw.strip()))
            else:
                for k, b in enumerate(blocks_):
                    if kind == "abstract":
                        abstract.append(b.one_line)
                    if (
                        kind == "contributors"
                        and k + 1 < len(blocks_)
                        and len(b.one_line) <= 60
                        and blocks_[k + 1].one_line.startswith(b.one_line)
                    ):
                        authors.append(b.one_line)
                        div.append(E.p(E.persName(b.text)))
                        continue
                    div.append(linker.fill(E.p(), b.text, b.line))
            if not blocks_ and head is not None and idx + 1 < len(sections):
                # A heading directly followed by another heading: it contains what follows.
                (container if container is not None else target).append(div)
                container = div
                continue
            if len(div) == 0:
                div.append(E.p())
            (container if container is not None else target).append(div)
        orphans = [o for o in linker.orphan_bodies()]
        conv.orphan_notes.extend(
            {"n": o.n, "line": o.line, "kind": "note body without a marker", "text": o.text[:120]}
            for o in orphans
        )
        conv.spans.extend(linker.spans)
        if len(body_el) == 0:
            body_el.append(E.div(E.p(), type="article"))
        bylined = [
            n
            for line in front.iterfind("{http://www.tei-c.org/ns/1.0}p[@rend='byline']")
            for n in _NAMES_SPLIT.split("".join(line.itertext()))
            if _NAME.match(n.strip())
        ]
        authors = [
            *(n.strip() for n in bylined),
            *(a for a in authors if a not in [n.strip() for n in bylined]),
        ]
        bibl = E.bibl()
        for a in authors:
            bibl.append(E.author(a))
        bibl.append(E.title(title or source.name, level="a"))
        if journal_m:
            bibl.append(E.title(journal_m["journal"].strip(), level="j"))
            bibl.append(E.biblScope(journal_m["vol"], unit="volume"))
            if journal_m["issue"]:
                bibl.append(E.biblScope(journal_m["issue"], unit="issue"))
        if pages_m:
            bibl.append(
                E.biblScope(
                    f"{pages_m['from']}-{pages_m['to']}",
                    unit="page",
                    **{"from": pages_m["from"], "to": pages_m["to"]},
                )
            )
        if published:
            bibl.append(E.date(published, when=published, type="published"))
        if doi:
            bibl.append(E.idno(doi, type="DOI"))
        info = header_info(
            source, title or source.name, kind="article", abstract=abstract, source_desc=bibl
        )
        if authors:
            info.author, info.authors = authors[0], authors[1:]
        doc = make_tei(source.name, info, edition, body_el, front=front, back=back)
        conv.documents.append(doc)
        conv.decisions.append(
            f"structure: title {title[:80]!r}; {len(sections)} sections; authors from contributors: "
            f"{', '.join(authors) or 'none'}; notes {len(linker.bodies)} "
            f"({sum(1 for b in linker.bodies.values() if b.used)} paired with markers)"
        )
        return conv


def _front_line_impl(title_page: etree._Element, line: str) -> None:
    title_page.append(E.p(line, rend="imprint" if _IMPRINT.search(line) else "byline"))


def _sections(blocks: list[Block]) -> list[tuple[Block | None, list[Block]]]:
    out: list[tuple[Block | None, list[Block]]] = []
    current: tuple[Block | None, list[Block]] = (None, [])
    for i, b in enumerate(blocks):
        names_next = i + 1 < len(blocks) and blocks[i + 1].one_line.startswith(b.one_line + " ")
        if _heading(b) and not _NOTE_BODY.match(b.text) and not names_next:
            if current[0] is not None or current[1]:
                out.append(current)
            current = (b, [])
        else:
            current[1].append(b)
    if current[0] is not None or current[1]:
        out.append(current)
    return out
