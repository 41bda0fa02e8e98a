"""RepairDamage: mark PDF-extraction damage in the text and propose the repaired reading, reversibly.

The pass works on any TEI: it reads the text nodes of ``tei:text`` (never attributes; see below for the header), one
container at a time (an element with text of its own: ``p``, ``head``, ``item``, ...), with inline markup inside
the container read as part of its text, so that the language model sees the whole paragraph. A repair is applied
only when it lies inside one text node; it becomes

    <choice><sic>vjg"</sic><corr resp="#teiedit" cert="high" type="shift">the</corr></choice>

(``sic`` keeps every damaged character, so the original reading is unchanged); raw PDF operators, which
cannot be repaired, become ``<choice><sic><seg type="pdf-debris">…</seg></sic><corr …
type="debris"><gap reason="damage" agent="pdf-extraction"/></corr></choice>``: a marked omission. A word hyphenated across a paragraph or page break of the extraction
(``Commu-`` ending one ``p``, ``nist`` starting the next) is joined last, across the two blocks: the blocks are
merged and the break is kept inside ``sic`` as ``lb[@type="paragraph"]`` (``teiedit.repair.across_blocks``). Already edited spans (``choice``, ``sic``, ``corr``, ``reg``, ``orig``,
teiedit's notes, debris) are left alone, so running the pass twice changes nothing. Every repair is recorded
with its confidence for the conversion report, and the conventions are declared in
``encodingDesc/editorialDecl/correction``.

The header's copies of the source's words (its titles, source description and abstract) are one reading, with
no room for ``choice``: a word split there by a layout hyphen and a space (``Sept- ember``) is written joined,
and recorded for the report with ``where``; the text keeps the split form in ``sic``.

Turned off by ``teiedit convert --no-repair`` (``ctx.options["repair"] = False``).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from teiedit.diagnostics import Diagnostic
from teiedit.document import (
    RESP_TEIEDIT,
    TEI_NS,
    E,
    TeiDocument,
    editorial_decl,
    is_pdf_debris,
    is_tei,
    is_teiedit_note,
    local_name,
    text_roots,
    xpath,
)
from teiedit.repair.across_blocks import join_across_blocks
from teiedit.repair.find import document_shift, document_words, find_repairs
from teiedit.repair.hyphenation import HYPHENS, join_split_words
from teiedit.repair.model import english
from teiedit.repair.record import BLOCK_BREAK, Repair
from teiedit.transforms import PassContext, register

#: Elements whose content the pass never touches: earlier editorial decisions and teiedit's own output.
_SKIP = frozenset(
    {
        "choice",
        "sic",
        "corr",
        "reg",
        "orig",
        "expan",
        "abbr",
        "ex",
        "gap",
        "fw",
        "formula",
        "code",
        "egXML",
    }
)

CORRECTION_TEXT = (
    "Damage from PDF extraction was repaired by teiedit, and every repair is marked so that it can be undone: "
    "choice holds the damaged text as extracted (sic, every character kept) and the repaired reading "
    '(corr resp="#teiedit" with cert and type). Types: shift, text from a font whose encoding is shifted '
    "(vjg for the), shifted back by the offset under which an English word-frequency model (wordfreq) reads "
    "it best; letterspace, letter-spaced runs cut into words by the same model; ligature, glyphs standing for "
    "fi, fl, ff, ffi or ffl; quote, glyphs standing for quotation marks or apostrophes; hyphenation, words "
    "broken across a line, or split by a hyphen and a space where the extraction flattened the line break "
    "(inter- national; never a suspended hyphen such as pre- and post-war, nor a compound of capitalised "
    "words). In the header's titles, abstract and source description such a split word is written "
    "joined; its split form stays in the text (in sic) and in the conversion report. Garbled words in damaged text are read as the nearest known word, preferring words "
    "the document itself uses. cert: high, the reading is a known word; medium, an unknown word (often a name), "
    "a word one edit away, or a letter-spaced run; low, a word two edits away. Raw PDF operators and the garbled "
    'characters around them cannot be repaired: sic keeps them in seg type="pdf-debris", and the corr '
    '(type="debris") holds a gap with reason="damage": the passage is omitted from the reading.'
)


@dataclass
class _Segment:
    """One text node of a container: ``owner.text`` or ``owner.tail``, at ``offset`` in the container's string."""

    owner: etree._Element
    kind: str  # "text" | "tail" | "break" (between blocks nested in the container: no text node)
    offset: int
    value: str


#: Blocks that may sit inside a container with text of its own (the items of a distribution list inside an
#: ``ab``): their texts are kept apart by a break, so that words of two items never read as one.
_BLOCKS = frozenset(
    {
        "list",
        "item",
        "p",
        "ab",
        "l",
        "lg",
        "head",
        "label",
        "table",
        "row",
        "cell",
        "opener",
        "closer",
        "dateline",
        "salute",
        "signed",
        "floatingText",
        "div",
    }
)


@register
class RepairDamage:
    name = "repair"

    def enabled(self, ctx: PassContext) -> bool:
        return ctx.options.get("repair", True) is not False

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        containers = [c for t in text_roots(doc.root) for c in _containers(t) if _english(c)]
        if not containers:
            return []
        model = english()
        segmented = [_segments(c) for c in containers]
        texts = ["".join(s.value for s in segs) for segs in segmented]
        k = document_shift(texts, model)
        vocab = document_words(texts) if k else None
        done = 0
        for segs in segmented:
            text = "".join(s.value for s in segs)
            found = find_repairs(text, k, model, vocab)
            placed = _place(segs, found)
            applied = {id(r) for _seg, rs in placed for r in rs}
            for r in found:
                if id(r) not in applied:  # it spans inline markup: left for an editor, but reported
                    ctx.record(
                        "repair-not-applied",
                        {
                            "document": doc.name,
                            **r.to_json(),
                            "reason": "the damaged span crosses inline markup",
                        },
                    )
            for seg, repairs in placed:
                _apply(seg, repairs)
                for r in repairs:
                    item: dict[str, object] = {"document": doc.name, **r.to_json()}
                    if r.type == "shift":
                        item["shift"] = k
                    ctx.record("repair", item)
                    done += 1
        for text_el in text_roots(doc.root):
            if not _english(text_el):
                continue
            for join in join_across_blocks(text_el, model, _skipped, k):
                method = "joined across a paragraph or page break"
                if join.replaces:
                    _forget(ctx, doc.name, *join.replaces)
                    method = "shifted text decoded, " + method
                ctx.record(
                    "repair",
                    {
                        "document": doc.name,
                        "original": join.original,
                        "reading": join.reading,
                        "type": "hyphenation",
                        "cert": "high",
                        "method": method,
                    },
                )
                done += 1
        done += _header_copies(doc, ctx)
        if done:
            _declare(doc)
        return []


#: The parts of the header that copy the source's words (its title, abstract and citation): their split words
#: are joined in place, the split form being kept in the text (in ``sic``) and in the report.
_HEADER_COPIES = (
    "tei:fileDesc/tei:titleStmt/tei:title",
    "tei:fileDesc/tei:seriesStmt/tei:title",
    "tei:fileDesc/tei:sourceDesc",
    "tei:profileDesc/tei:abstract",
)


def _header_copies(doc: TeiDocument, ctx: PassContext) -> int:
    """Join the split words (``Sept- ember``) of the header's copies of the source: one reading there,
    so the join replaces the text and is recorded for the report. Returns how many were joined."""
    header = doc.root.find(f"{{{TEI_NS}}}teiHeader")
    if header is None:
        return 0
    model = english()
    done = 0
    for path in _HEADER_COPIES:
        for part in xpath(header, path):
            where = f"teiHeader {local_name(part)}"
            for el in part.iter():
                if not isinstance(el.tag, str):
                    continue  # comments and processing instructions hold no text of the source
                for attr in ("text", "tail") if el is not part else ("text",):
                    value = getattr(el, attr)
                    if not value or not any(h in value for h in HYPHENS):
                        continue
                    joined, found = join_split_words(value, model)
                    if not found:
                        continue
                    setattr(el, attr, joined)
                    for r in found:
                        ctx.record("repair", {"document": doc.name, **r.to_json(), "where": where})
                    done += len(found)
    return done


def _forget(ctx: PassContext, document: str, original: str, reading: str) -> None:
    """Drop the record of a shift repair that a join across blocks has replaced (it is no longer in the TEI)."""
    records = ctx.records.get("repair", [])
    for i in range(len(records) - 1, -1, -1):
        r = records[i]
        if (r.get("document"), r.get("original"), r.get("reading"), r.get("type")) == (
            document,
            original,
            reading,
            "shift",
        ):
            del records[i]
            return


def _english(el: etree._Element) -> bool:
    """Whether ``el`` is in English (its own or nearest ``xml:lang``, none meaning the document's): the
    repairs read words with an English model, and a German "Gruß" is no ligature debris of "Gruff"."""
    for node in (el, *el.iterancestors()):
        lang: str | None = node.get(_XML_LANG)
        if lang is not None:
            return lang == "en" or lang.startswith("en-")
    return True


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _has_own_text(el: etree._Element) -> bool:
    if el.text and el.text.strip():
        return True
    return any(child.tail and child.tail.strip() for child in el)


def _skipped(el: etree._Element) -> bool:
    if not is_tei(el):
        return True
    name = local_name(el)
    return name in _SKIP or is_teiedit_note(el) or is_pdf_debris(el)


def _containers(el: etree._Element) -> list[etree._Element]:
    """The outermost elements under ``el`` with text of their own (paragraphs, heads, items, ...)."""
    found: list[etree._Element] = []
    for child in el:
        if _skipped(child):
            continue
        if _has_own_text(child):
            found.append(child)
        else:
            found.extend(_containers(child))
    return found


def _segments(container: etree._Element) -> list[_Segment]:
    """The container's text nodes in reading order, skipping the content of skipped elements."""
    out: list[_Segment] = []
    offset = 0

    def add(owner: etree._Element, kind: str, value: str | None) -> None:
        nonlocal offset
        if value:
            out.append(_Segment(owner, kind, offset, value))
            offset += len(value)

    def walk(el: etree._Element) -> None:
        add(el, "text", el.text)
        for child in el:
            if not _skipped(child):
                block = local_name(child) in _BLOCKS
                if block:
                    add(child, "break", BLOCK_BREAK)
                walk(child)
                if block:
                    add(child, "break", BLOCK_BREAK)
            add(child, "tail", child.tail)

    walk(container)
    return out


def _place(segs: list[_Segment], repairs: list[Repair]) -> list[tuple[_Segment, list[Repair]]]:
    """Repairs that lie inside one text node, by node, with offsets into that node's text; the others
    (spanning inline markup) are left out."""
    placed: list[tuple[_Segment, list[Repair]]] = []
    for seg in segs:
        if seg.kind == "break":
            continue
        inside = [
            r for r in repairs if seg.offset <= r.start and r.end <= seg.offset + len(seg.value)
        ]
        if inside:
            placed.append((seg, inside))
    return placed


def _markup(r: Repair) -> etree._Element:
    if r.type == "debris":
        # Not text and not repairable: kept in sic, and the reading is an omission marked as damage.
        return E.choice(
            E.sic(E.seg(r.original, type="pdf-debris")),
            E.corr(
                E.gap(reason="damage", agent="pdf-extraction"),
                resp=RESP_TEIEDIT,
                cert=r.cert,
                type=r.type,
            ),
        )
    # The same elements as E.choice(E.sic(...), E.corr(...)), made without the ElementMaker (a document
    # may hold thousands of repairs).
    choice = etree.Element(_CHOICE, nsmap=_NSMAP)
    etree.SubElement(choice, _SIC).text = r.original
    corr = etree.SubElement(choice, _CORR, resp=RESP_TEIEDIT, cert=r.cert, type=r.type)
    corr.text = r.reading
    return choice


_NSMAP = {None: TEI_NS}
_CHOICE, _SIC, _CORR = (f"{{{TEI_NS}}}{name}" for name in ("choice", "sic", "corr"))


def _apply(seg: _Segment, repairs: list[Repair]) -> None:
    """Split one text node around its repairs (offsets into the container's text) and insert the markup."""
    value = seg.value
    pieces: list[str] = []
    made: list[etree._Element] = []
    pos = 0
    for r in repairs:
        start, end = r.start - seg.offset, r.end - seg.offset
        pieces.append(value[pos:start])
        made.append(_markup(r))
        pos = end
    rest = value[pos:]
    for el, after in zip(made, [*pieces[1:], rest], strict=True):
        el.tail = after or None
    if seg.kind == "text":
        seg.owner.text = pieces[0] or None
        for i, el in enumerate(made):
            seg.owner.insert(i, el)
    else:
        seg.owner.tail = pieces[0] or None
        parent = seg.owner.getparent()
        assert parent is not None
        at = parent.index(seg.owner) + 1
        for i, el in enumerate(made):
            parent.insert(at + i, el)


def _declare(doc: TeiDocument) -> None:
    """Write the repair conventions into encodingDesc/editorialDecl/correction (once)."""
    decl = editorial_decl(doc.root)
    if decl is None:
        return
    for p in xpath(decl, "tei:correction/tei:p"):
        if (p.text or "") == CORRECTION_TEXT:
            return
    decl.append(E.correction(E.p(CORRECTION_TEXT)))
