"""The cascade reader: segment -> label -> assemble, for any plaintext of the five kinds.

1. ``segment``: the text becomes blocks with offsets, whatever its line discipline;
2. ``model.label``: each block gets a role (title, dateline, paragraph, signature, furniture, ...) from
   the trained labeller, with a confidence;
3. furniture, page furniture and page metadata are set aside (each with its reason); the rest is split
   into documents (a title after running text starts the next one: a compilation), each document's
   kind is decided (``kinds``), its notes are paired (``notelink``) and its TEI assembled in source order
   (``assemble``), its header filled from the blocks (``document``).
Every decision carries a confidence; those below ``labels.LOW_CONFIDENCE`` that matter (a title, a kind)
are reported as warnings. Kind-specific assembly lives in ``assemble`` and ``document``; no rule here
knows a site.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from teiedit.config import Edition
from teiedit.document import E, TeiDocument
from teiedit.readers.base import Conversion, SetAside, Source
from teiedit.readers.cascade import (
    body_start,
    divisions,
    letter_head,
    neighbours,
    panels,
    pdf_pages,
    post_rules,
    shape_rules,
)
from teiedit.readers.cascade.document import build_document, low_confidence
from teiedit.readers.cascade.labels import LOW_CONFIDENCE, SET_ASIDE
from teiedit.readers.cascade.model import (
    EDITION_MODEL,
    SHIPPED_MODEL,
    Labelled,
    label,
    model_path,
)
from teiedit.readers.cascade.notice import set_all_aside, unavailable_notice
from teiedit.readers.cascade.segment import segment
from teiedit.readers.common.boilerplate import boilerplate_reason
from teiedit.readers.common.build import header_info, make_tei
from teiedit.readers.common.lines import Block
from teiedit.text import PAGE_BREAK

UNTITLED_COMPILATION = "Untitled compilation"
_SPLIT_STATEMENT = (
    "This document is part {n} of a compilation that teiedit split into one document per part "
    "({whole} lists them in order); page furniture of the printed original is left out and listed in "
    "the conversion report."
)
_META_REASON = (
    "metadata of the web page or publication (read into the header where teiedit knows it)"
)
#: The profile names the report uses for the kinds (the families of the former per-kind readers).
_PROFILE = {
    "compilation": "compilation",
    "article": "article",
    "blog": "blog",
    "other": "plain",
}


class CascadeReader:
    """Any plaintext source, read by the trained cascade."""

    name = "auto"
    description = (
        "any source of the five kinds: segmented, labelled by the trained model, assembled per kind"
    )

    def __init__(self, model: Path | None = None) -> None:
        self.model = model

    def detect(self, text: str) -> float:
        return 0.5

    def read(self, source: Source, edition: Edition) -> Conversion:
        conv = Conversion(source=source, profile=self.name)
        path = model_path(edition.root, self.model)
        blocks = label(segment(source.text), len(source.text), path)
        conv.decisions.append(f"labeller model: {path.name} ({_where(path, edition)})")
        conv.decisions.extend(panels.apply(blocks))
        conv.decisions.extend(shape_rules.apply(blocks))
        conv.decisions.extend(neighbours.apply(blocks))
        conv.decisions.extend(letter_head.apply(blocks, source.text))
        conv.decisions.extend(pdf_pages.apply(blocks, source.text))
        conv.decisions.extend(divisions.apply(blocks))
        conv.decisions.extend(body_start.apply(blocks))
        conv.decisions.extend(post_rules.apply(blocks))
        _set_aside(blocks, conv)
        if gone := unavailable_notice(blocks):
            set_all_aside(blocks, gone, conv)
            _trim_page_marks(conv)
            return conv
        parts = _page_top(split_documents(blocks), conv)
        documents = []
        for idx, part in enumerate(parts, start=1):
            doc_id = source.name if len(parts) == 1 else f"{source.name}-{idx:0{_width(parts)}d}"
            doc, kind = build_document(part, doc_id, source, edition, conv, len(parts) > 1)
            documents.append((doc_id, doc, kind))
        if len(documents) == 1:
            _, doc, kind = documents[0]
            conv.documents.append(doc)
            conv.profile = _profile(kind, conv)
        else:
            whole_title = _whole_title(parts[0])
            if whole_title == UNTITLED_COMPILATION:
                conv.diagnostics.append(
                    low_confidence(
                        "the compilation has no title of its own: its listing is called "
                        f"{UNTITLED_COMPILATION!r}",
                        source.filename,
                        1,
                    )
                )
            for n, (_, doc, _) in enumerate(documents, start=1):
                point_to_whole(doc.root, source.name, whole_title, n, edition)
                decl = doc.root.find(f"{_TEI}teiHeader/{_TEI}encodingDesc/{_TEI}editorialDecl")
                if decl is not None:
                    decl.append(E.p(_SPLIT_STATEMENT.format(n=n, whole=f"{source.name}.xml")))
                conv.documents.append(doc)
            whole = _whole(source, edition, whole_title, documents)
            conv.documents.insert(0, whole)
            conv.whole = whole.name
            conv.profile = "compilation"
            conv.decisions.append(
                f"split into {len(documents)} parts; the whole is {source.name}.xml"
            )
        for b in blocks:
            if b.label != "p" or b.confidence < LOW_CONFIDENCE:
                alt = (
                    f"; next {b.alternative[0]} {b.alternative[1]:.2f}" if b.alternative[0] else ""
                )
                conv.decisions.append(
                    f"line {b.seg.line}: {b.label} ({b.confidence:.2f}{alt}): {b.one_line[:60]!r}"
                )
        _trim_page_marks(conv)
        return conv


def _trim_page_marks(conv: Conversion) -> None:
    """Set-aside spans start and end at text: white space (any Unicode space, U+2028 included) and a
    page-break marker at their edge are layout (the marker becomes no pb there, and the round trip reads
    it as white space), so they are left out of the span."""
    for i, s in enumerate(conv.set_aside):
        text = s.text.lstrip(_EDGE)
        cut = len(s.text) - len(text)
        if cut or text != text.rstrip(_EDGE):
            conv.set_aside[i] = SetAside(
                text.rstrip(_EDGE),
                s.reason,
                s.line + s.text.count("\n", 0, cut),
                s.offset + cut if s.offset >= 0 else s.offset,
            )


#: White space (as str.isspace and re's \s read it) and the page-break marker.
_EDGE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + PAGE_BREAK


def _where(path: Path, edition: Edition) -> str:
    if path == edition.root / EDITION_MODEL:
        return "the edition's own, retrained from its TEI"
    return "shipped with teiedit" if path == SHIPPED_MODEL else "given with --model"


def _width(parts: list[list[Labelled]]) -> int:
    return max(2, len(str(len(parts))))


def _profile(kind: str, conv: Conversion) -> str:
    if kind in _PROFILE:
        return _PROFILE[kind]
    web = any("web-site" in s.reason for s in conv.set_aside)
    return "webcapture" if web else "archival"


def _set_aside(blocks: list[Labelled], conv: Conversion) -> None:
    """Furniture and page metadata out of the text, each with its reason (all of it, if nothing else)."""
    if all(b.label in SET_ASIDE or b.label == "meta" for b in blocks):
        # a page of nothing but furniture: what has no furniture shape is kept as its text (a notice,
        # its heading); if every block has one, all of it, rather than a document of nothing
        shaped = [bool(boilerplate_reason(Block(b.seg.line, b.text))) for b in blocks]
        for b, shape in zip(blocks, shaped, strict=True):
            if not shape or all(shaped):
                b.label = _likeliest_text_role(b)
        kept = "all" if all(shaped) else "the blocks without a furniture shape"
        conv.decisions.append(f"every block looked like furniture: {kept} kept as text")
        if all(shaped):
            return
    for b in blocks:
        reason = SET_ASIDE.get(b.label) or (_META_REASON if b.label == "meta" else "")
        if b.label == "furniture":
            # the labeller decided; the common furniture shapes only say more precisely what it is
            reason = boilerplate_reason(Block(b.seg.line, b.text)) or reason
        if reason:
            b.aside = reason
            conv.set_aside.append(SetAside(b.text, reason, b.seg.line, b.seg.start))


def _likeliest_text_role(b: Labelled) -> str:
    """The role of a block kept as text from a page of furniture: the labeller's likeliest among the
    document's roles (a heading stays one), a paragraph if it has none."""
    roles = {lab: p for lab, p in b.marginals.items() if lab not in SET_ASIDE and lab != "meta"}
    best = max(roles, key=lambda lab: roles[lab], default="p")
    return (
        best if roles.get(best, 0.0) >= 0.2 and best in ("heading", "title", "p", "item") else "p"
    )


#: What a repeated line's key drops: ``[\W_]`` is exactly the characters ``str.isalnum`` rejects, and the
#: substitution runs in C (a long run-on block has millions of characters).
_NOT_ALNUM = re.compile(r"[\W_]+")


def split_documents(blocks: list[Labelled]) -> list[list[Labelled]]:
    """Documents of a source: a title after running text starts the next one (a compilation)."""
    parts: list[list[Labelled]] = [[]]
    body_seen = False
    # The folded lines of the blocks before the one asked about, folded only when a block is asked about
    # (a title after running text: few blocks), each block once.
    seen: set[str] = set()
    folded = 0
    for i, b in enumerate(blocks):
        prev = blocks[i - 1].label if i else ""
        if (
            b.label == "title"
            and body_seen
            and prev != "title"
            and _body_follows(blocks, i)
            and b.confidence >= LOW_CONFIDENCE
        ):
            seen.update(_folded_line(x) for x in blocks[folded:i])
            folded = i
            if (
                _folded_line(b) not in seen
            ):  # a line of the site's menu, repeated on the page, splits nothing
                parts.append([])
                body_seen = False
        parts[-1].append(b)
        if b.label in ("p", "item") and not b.aside:
            body_seen = True
    return [p for p in parts if p]


def _folded_line(b: Labelled) -> str:
    """A block's line lowercased, letters and digits only: what a repeated menu line has in common."""
    return _NOT_ALNUM.sub("", b.one_line.lower())


_TOP_REASON = (
    "the web page's top, before the document's title (a short run of lines that is no document)"
)
#: A first part with less running text than this, under no confident title, is the page's top.
_TOP_TEXT = 200


def _page_top(parts: list[list[Labelled]], conv: Conversion) -> list[list[Labelled]]:
    """A first part that is no document (a few short lines of the page over an unsure title, then the
    first document's confident title) is the page's top: set aside, and no split there."""
    if len(parts) < 2:
        return parts
    first = parts[0]
    text = sum(len(b.one_line) for b in first if b.label in ("p", "item") and not b.aside)
    sure = any(b.label == "title" and b.confidence >= LOW_CONFIDENCE for b in first)
    # a web page's top has its furniture or an unsure title over it; an essay's notes or a printed
    # page's furniture make the part a short document of its own
    web = any(b.label == "furniture" or b.label == "title" for b in first)
    printed = any(b.label in ("note", "pagefw") for b in first)
    if text >= _TOP_TEXT or sure or not web or printed:
        return parts
    for b in first:
        if not b.aside and b.label in ("p", "item", "heading", "title", "opener", "byline"):
            b.label, b.aside = "furniture", _TOP_REASON
            conv.set_aside.append(SetAside(b.text, _TOP_REASON, b.seg.line, b.seg.start))
    conv.decisions.append(f"line {first[0].seg.line}: the page's top, set aside (no document)")
    return [first + parts[1], *parts[2:]]


def _body_follows(blocks: list[Labelled], i: int) -> bool:
    return any(b.label in ("p", "item") and not b.aside for b in blocks[i + 1 :])


def _whole_title(first_part: list[Labelled]) -> str:
    """The compilation's own title: a title or heading at the top of its first part (a collection's
    heading, the page's title over a list of posts); never a later part's title or the file name."""
    from teiedit.readers.cascade.fields import clean_title
    from teiedit.readers.cascade.titles import title_shape

    for i, b in enumerate(first_part):
        if b.label in ("p", "item") and not b.aside:
            break
        if b.label in ("title", "heading") and not b.aside:
            if b.label == "title":
                # the first part's own title: the page's, if any, is the line over it that was set
                # aside but is shaped like a title ("Tag Archives: ...", over a page of posts)
                above = [x for x in first_part[:i] if x.aside and title_shape(x.text) >= 0.5]
                if above:
                    return clean_title(above[-1].text)
            return clean_title(b.text)
    # no title or heading at the top: a first line of words shaped like a title that the labeller
    # read as a line of the text or of its top ("Documents on the Harbour Dispute, 1901-1903") names
    # the collection better than no title at all
    for b in first_part:
        if b.aside:
            continue
        if len(b.one_line) > 150 or b.label not in ("p", "opener", "byline", "dateline"):
            break
        if title_shape(b.text) >= 0.6 and b.one_line[-1:] not in ".:;,":
            return clean_title(b.text)
        break
    return UNTITLED_COMPILATION


def _whole(
    source: Source, edition: Edition, title: str, documents: list[tuple[str, TeiDocument, str]]
) -> TeiDocument:
    """The listing of a split compilation's parts (not source text: see Conversion.whole)."""
    info = header_info(source, title, kind="compilation")
    info.source_description = (
        f"Compilation {source.filename}, split by teiedit into {len(documents)} parts"
    )
    items = []
    for i, (doc_id, doc, _) in enumerate(documents, 1):
        part_title = doc.root.findtext(f".//{_TEI}title[@type='main']")
        items.append(E.item(E.ref(part_title or doc_id, target=f"{doc_id}.xml"), n=str(i)))
    body = E.body(E.div(E.head(title), E.list(*items, type="parts"), type="compilation"))
    return make_tei(source.name, info, edition, body)


def point_to_whole(root: etree._Element, whole: str, title: str, n: int, edition: Edition) -> None:
    """Point a part at the whole: ``seriesStmt`` (title, file, part number), ``note[@type=part-of]``."""
    file_desc = root.find(f"{_TEI}teiHeader/{_TEI}fileDesc")
    assert file_desc is not None
    series = E.seriesStmt(E.title(title))
    if edition.base_url:
        series.append(E.idno(edition.base_url.rstrip("/") + "/" + whole, type="URI"))
    series.append(E.idno(f"{whole}.xml", type="file"))
    series.append(E.biblScope(str(n), unit="part"))
    pub = file_desc.find(f"{_TEI}publicationStmt")
    assert pub is not None
    pub.addnext(series)
    notes = file_desc.find(f"{_TEI}notesStmt")
    if notes is None:
        notes = E.notesStmt()
        series.addnext(notes)
    notes.append(E.note(E.ref(title, target=f"{whole}.xml"), type="part-of"))


_TEI = "{http://www.tei-c.org/ns/1.0}"


__all__ = ["CascadeReader", "point_to_whole", "split_documents"]
