"""Page numbers written into the slots a laid-out part left for them (the contents, the index, the
running heads).

Why slots: the contents, the index and the running heads print page numbers, and a document that grows
by a page moves every number after it. Laying those parts out again costs seconds (the two-column index
most), while their layout depends on how wide the numbers are, not on which they are. So they are laid
out with a placeholder as wide as any page number of the book (builders/pdf/parts.py, :class:`Slot`;
builders/pdf/folios.py, :class:`Stamp`), kept as long as their entries are the same, and the numbers are
written here: a change of length costs a rewrite of a few text operators instead of a layout.

The number replaces the placeholder's glyphs in the same text operator, inside the same marked-content
sequence: it is real text, in reading order, under the link it belongs to in the structure tree (PDF/UA),
and the link annotation keeps its target. A slot is found through the structure tree: a link annotation
to the slot's target, its Link element (the parent tree), and under it the marked content that reads
exactly the placeholder (a running head's: the text operator that reads it). The font is WeasyPrint's
(Type0, Identity-H: two bytes per glyph); the codes of the digits come from its ToUnicode map and their
widths from its /W array. Whatever does not fit this (another font encoding, a glyph the subset lacks, a
slot not found) raises :class:`SlotError`, and the part is laid out with the numbers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from teiedit.builders.pdf.folios import page_range
from teiedit.builders.pdf.glyphs import Font, SlotError, font_of
from teiedit.builders.pdf.parts import Slot
from teiedit.builders.pdf.pdf_io import open_pdf, save_pdf
from teiedit.builders.pdf.structure import parent_tree

__all__ = ["NumberedForms", "SlotError", "fill_slots"]


def _target(annotation: pikepdf.Object) -> str:
    action = annotation.get(Name.A)
    dest = action.get(Name.D) if isinstance(action, Dictionary) else annotation.get(Name.Dest)
    return str(dest) if isinstance(dest, pikepdf.String) else ""


def _marked(
    element: pikepdf.Object, page: tuple[int, int]
) -> Iterator[tuple[tuple[int, int], int]]:
    """(page object id, MCID) of the marked content directly under a structure element (``page``: the
    page of its annotation, where an MCID without a page of its own is)."""
    page = element.Pg.objgen if Name.Pg in element else page
    kids = element.get(Name.K)
    for kid in kids if isinstance(kids, Array) else [kids] if kids is not None else []:
        if isinstance(kid, int):  # pikepdf gives a PDF integer as int
            yield page, kid
        elif isinstance(kid, Dictionary) and kid.get(Name.Type) == Name.MCR:
            yield (kid.Pg.objgen if Name.Pg in kid else page), int(kid.MCID)


@dataclass
class _Run:
    """A text operator of a page."""

    at: int  # the instruction's index in the page's content stream
    font: str
    size: float  # the font size (text space units)
    scale: float  # user space units (points) per text space unit, horizontally
    tm: int | None  # the index of the Tm that places this operator alone, if there is one


def _times(m: list[float], ctm: list[float]) -> list[float]:
    """The matrix ``m`` × ``ctm`` (what ``cm`` makes the current transformation matrix)."""
    a, b, c, d, e, f = m
    return [
        a * ctm[0] + b * ctm[2],
        a * ctm[1] + b * ctm[3],
        c * ctm[0] + d * ctm[2],
        c * ctm[1] + d * ctm[3],
        e * ctm[0] + f * ctm[2] + ctm[4],
        e * ctm[1] + f * ctm[3] + ctm[5],
    ]


class _Page:
    """A page's content stream as instructions, with the text operators of each MCID."""

    def __init__(self, page: pikepdf.Page) -> None:
        self.page = page
        self.ops: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] = list(
            pikepdf.parse_content_stream(page)
        )
        self.runs: dict[int, list[_Run]] = {}
        self.order: list[_Run] = []  # every text operator, in the stream's order
        self.ranks: dict[int, int] = {}
        self.changed = False
        marks: list[int | None] = []
        font, size, tm = "", 0.0, None
        ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
        saved: list[list[float]] = []
        for i, ins in enumerate(self.ops):
            if not isinstance(ins, pikepdf.ContentStreamInstruction):
                continue  # an inline image
            op, operands = str(ins.operator), ins.operands
            if op == "q":
                saved.append(ctm)
            elif op == "Q" and saved:
                ctm = saved.pop()
            elif op == "cm":
                ctm = _times([float(x) for x in operands], ctm)
            elif op == "Tm":
                tm = i
            elif op == "BDC":
                tm = None  # a Tm before the marked content places other text too
                props = operands[1] if len(operands) > 1 else None
                mcid = props.get(Name.MCID) if isinstance(props, Dictionary) else None
                marks.append(int(mcid) if mcid is not None else None)
            elif op == "BMC":
                tm = None
                marks.append(None)
            elif op == "EMC" and marks:
                marks.pop()
            elif op == "Tf":
                font, size = str(operands[0]), float(operands[1])
            elif op in ("TJ", "Tj"):
                run = _Run(i, font, size, abs(ctm[0]), tm)
                self.order.append(run)
                if marks and marks[-1] is not None:
                    self.runs.setdefault(marks[-1], []).append(run)
                tm = None  # the next operator is placed by the text position after this one

    def rank(self, run: _Run) -> int:
        """The place of ``run`` among the page's text operators."""
        if len(self.ranks) != len(self.order):
            self.ranks = {r.at: k for k, r in enumerate(self.order)}
        return self.ranks[run.at]

    def move(self, run: _Run, dx: float) -> tuple[float, float]:
        """Move a text operator placed by a Tm of its own by ``dx``; returns where it was (x, y)."""
        assert run.tm is not None
        a, b, c, d, x, y = (float(v) for v in self.ops[run.tm].operands)
        if dx:
            moved = [a, b, c, d, x + dx, y]
            self.ops[run.tm] = pikepdf.ContentStreamInstruction(moved, pikepdf.Operator("Tm"))
            self.changed = True
        return x, y

    def codes(self, run: _Run) -> list[int]:
        operands = self.ops[run.at].operands
        items = operands[0] if str(self.ops[run.at].operator) == "TJ" else [operands[0]]
        data = b"".join(bytes(s) for s in items if isinstance(s, pikepdf.String))
        return [int.from_bytes(data[k : k + 2], "big") for k in range(0, len(data) - 1, 2)]


class _Fonts:
    def __init__(self) -> None:
        self._known: dict[tuple[int, int], Font] = {}

    def of(self, page: _Page, name: str) -> Font:
        font = page.page.Resources.Font[name]
        key = font.objgen
        if key not in self._known:
            self._known[key] = font_of(font)
        return self._known[key]


def fill_slots(pdf_bytes: bytes, slots: Sequence[Slot]) -> bytes:
    """The PDF with each slot's number written over its placeholder (see the module's docstring)."""
    if not slots:
        return pdf_bytes
    pdf = open_pdf(pdf_bytes)
    found = _Slots(pdf)
    line = _Line()
    for slot in slots:
        page, run = found.find(slot)
        font = found.fonts.of(page, run.font)
        width = font.width(page.codes(run)) * run.size / 1000  # the placeholder's
        room = _write(slot, page, run, font)
        # each annotation of the link says the number
        annotations = found.annotations(page, slot.target)
        for annotation in annotations if slot.label else []:
            annotation.Contents = pikepdf.String(slot.label)
        if not slot.right:
            line.close_up(page, run, annotations, room, width)
    for page in found.parsed.values():
        if page.changed:
            page.page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(page.ops))
    return save_pdf(pdf)


class _Slots:
    """Finds the slots of a PDF: from a link annotation to its target, through the parent tree, to its
    Link element and the marked content under it (only the pages that hold slots are parsed)."""

    def __init__(self, pdf: Pdf) -> None:
        self.pages = {p.obj.objgen: p for p in pdf.pages}
        self.parsed: dict[tuple[int, int], _Page] = {}
        self.fonts = _Fonts()
        root = pdf.Root.get(Name.StructTreeRoot)
        self.parents = parent_tree(root) if root is not None else {}
        self.links: dict[str, list[tuple[tuple[int, int], pikepdf.Object]]] = {}
        for page in pdf.pages:
            for annotation in page.obj.get(Name.Annots) or []:
                target = _target(annotation)
                if target:
                    self.links.setdefault(target, []).append((page.obj.objgen, annotation))
        self.used: set[tuple[tuple[int, int], int]] = set()

    def annotations(self, page: _Page, target: str) -> list[pikepdf.Object]:
        """The link annotations of ``page`` to ``target`` (WeasyPrint draws a link as one annotation
        per box it spans)."""
        at = page.page.obj.objgen
        return [a for where, a in self.links.get(target, []) if where == at]

    def page(self, page_id: tuple[int, int]) -> _Page:
        if page_id not in self.parsed:
            self.parsed[page_id] = _Page(self.pages[page_id])
        return self.parsed[page_id]

    def find(self, slot: Slot) -> tuple[_Page, _Run]:
        """The text operator of the slot: under a Link to its target, reading the placeholder."""
        for page_id, annotation in self.links.get(slot.target, []):
            number = annotation.get(Name.StructParent)
            element = self.parents.get(int(number)) if number is not None else None
            if not isinstance(element, Dictionary):
                continue
            for at, mcid in _marked(element, page_id):
                page = self.page(at) if at in self.pages else None
                runs = page.runs.get(mcid, []) if page is not None else []
                if page is None or len(runs) != 1 or (at, runs[0].at) in self.used:
                    continue
                font = self.fonts.of(page, runs[0].font)
                if (
                    "".join(font.text.get(c, "\ufffd") for c in page.codes(runs[0]))
                    == slot.placeholder
                ):
                    self.used.add((at, runs[0].at))
                    return page, runs[0]
        raise SlotError(f"no slot for the page number of {slot.target!r}")


def _write(slot: Slot, page: _Page, run: _Run, font: Font) -> float:
    """Write the slot's number over its placeholder; returns the room left (thousandths of the size)."""
    page.ops[run.at], room = _numbered(
        page.codes(run), slot.text, font, "right" if slot.right else ""
    )
    page.changed = True
    return room


def _numbered(
    placeholder: Sequence[int], text: str, font: Font, align: str
) -> tuple[pikepdf.ContentStreamInstruction, float]:
    """A TJ that shows ``text`` where ``placeholder`` (codes) was shown, at its left, its right
    (``align`` "right") or its middle ("center"), and the room it leaves (thousandths of the size)."""
    missing = [ch for ch in text if ch not in font.code]
    if missing:
        raise SlotError(f"the font of the slot has no glyph for {''.join(missing)!r}")
    codes = [font.code[ch] for ch in text]
    room = font.width(placeholder) - font.width(codes)
    shown = pikepdf.String(b"".join(c.to_bytes(2, "big") for c in codes))
    # In TJ a number moves the next glyph left by that many thousandths of the font size: a negative
    # one moves the text right, to end where the placeholder ended (or half as far, to centre it).
    before = {"right": room, "center": room / 2}.get(align, 0.0)
    items: list[object] = [-before, shown] if before else [shown]
    return pikepdf.ContentStreamInstruction([Array(items)], pikepdf.Operator("TJ")), room


class NumberedForms:
    """Folio templates (builders/pdf/folios.py) as form XObjects with a page's number written over the
    template's slot (``slot``, the placeholder it was laid out with), and the pages its head names
    written over the slots its head ends with (``tails``: by template, "" where it names none)."""

    def __init__(self, slot: str, tails: Sequence[str] = ()) -> None:
        self.slot = slot
        self.tails = tails
        self._fonts = _Fonts()
        self._found: dict[int, tuple[_Page, _Run, _Run | None]] = {}

    def form(
        self,
        pdf: Pdf,
        key: int,
        template: pikepdf.Page,
        number: str,
        align: str,
        pages: Sequence[str] = (),
    ) -> pikepdf.Object:
        """Template ``template`` (``key``: its number among the templates) as a form of ``pdf``."""
        page, run, head = self.check(key, template)
        ops = list(page.ops)
        ops[run.at], _ = _numbered(page.codes(run), number, self._fonts.of(page, run.font), align)
        if head is not None:
            tail = page_range(tuple(pages))
            ops[head.at] = _new_tail(page, head, len(self.tails[key]), tail, self._fonts)
        form = pdf.copy_foreign(template.as_form_xobject())
        form.write(pikepdf.unparse_content_stream(ops))
        return form

    def check(self, key: int, template: pikepdf.Page) -> tuple[_Page, _Run, _Run | None]:
        """The template's slot, and the text operator of its head that ends with its pages' slots
        (raises SlotError when it has none)."""
        if key not in self._found:
            self._found[key] = self._slot(
                template, self.tails[key] if key < len(self.tails) else ""
            )
        return self._found[key]

    def _slot(self, template: pikepdf.Page, tail: str) -> tuple[_Page, _Run, _Run | None]:
        page = _Page(template)
        number: _Run | None = None
        head: _Run | None = None
        for run in page.order:
            font = self._fonts.of(page, run.font)
            text = "".join(font.text.get(c, "\ufffd") for c in page.codes(run))
            if number is None and text == self.slot:
                number = run
            elif tail and head is None and text.endswith(tail) and text != tail:
                head = run
        if number is None:
            raise SlotError("a folio template has no slot for its number")
        if tail and head is None:
            raise SlotError(f"a folio template's head does not end with {tail!r}")
        return page, number, head


def _new_tail(
    page: _Page, run: _Run, count: int, text: str, fonts: _Fonts
) -> pikepdf.ContentStreamInstruction:
    """The text operator ``run`` (a centred head) with its last ``count`` glyphs (the slots it ends
    with: one glyph a character) shown as ``text``; the rest keeps its glyphs and their spacing (the
    numbers of the TJ), and the line moves right by half the room ``text`` leaves, to stay centred."""
    font = fonts.of(page, run.font)
    operands = page.ops[run.at].operands
    items = list(operands[0]) if str(page.ops[run.at].operator) == "TJ" else [operands[0]]
    keep = len(page.codes(run)) - count
    if keep < 0 or any(ch not in font.code for ch in text):
        raise SlotError(f"the font of a folio's head has no glyph for {text!r}")
    kept: list[object] = []
    seen, old = 0, 0.0  # glyphs gone through; width of the slots (thousandths of the size)
    for item in items:
        if not isinstance(item, pikepdf.String):
            if seen < keep:
                kept.append(item)
            else:  # a kerning inside the slots, or between the text and them
                old -= float(item)
            continue
        data = bytes(item)
        codes = [int.from_bytes(data[k : k + 2], "big") for k in range(0, len(data) - 1, 2)]
        take = max(0, min(len(codes), keep - seen))
        if take:
            kept.append(pikepdf.String(data[: 2 * take]))
        old += font.width(codes[take:])
        seen += len(codes)
    codes = [font.code[ch] for ch in text]
    room = old - font.width(codes)
    kept.append(pikepdf.String(b"".join(c.to_bytes(2, "big") for c in codes)))
    # a negative number moves what follows right: half the room, so the line's middle stays put
    return pikepdf.ContentStreamInstruction(
        [Array([-room / 2, *kept] if room else kept)], pikepdf.Operator("TJ")
    )


@dataclass
class _Line:
    """Closes up a line after a number shorter than its slot: the room it leaves would read as a gap
    before the text after it (a comma, a closing parenthesis), so that text, the later slots of the same
    line and the text after each move left by it, and the room gathers at the end of the line (ragged
    right, where it is not seen)."""

    page: _Page | None = None
    y: float = 0.0
    next: int = -1  # the rank of the text operator that continues the line (see :meth:`_Page.rank`)
    shift: float = 0.0  # text space units the next slot of this line moves left

    def close_up(
        self,
        page: _Page,
        run: _Run,
        annotations: list[pikepdf.Object],
        room: float,
        width: float,
    ) -> None:
        if run.tm is None:  # placed together with other text: left where it is
            self.page = None
            return
        rank = page.rank(run)
        _, _, _, _, x, y = (float(v) for v in page.ops[run.tm].operands)
        # the same line: drawn right after the last slot and the text after it (a slot on the same
        # baseline in the other column of the index is not)
        same = page is self.page and rank == self.next and abs(y - self.y) < 0.01
        shift = self.shift if same else 0.0
        page.move(run, -shift)
        left = room * run.size / 1000
        for annotation in annotations:  # the link's area follows its number, and ends with it
            x0, y0, x1, y1 = (float(v) for v in annotation.Rect)
            annotation.Rect = Array(
                [x0 - shift * run.scale, y0, x1 - (shift + left) * run.scale, y1]
            )
        self.page, self.y, self.next, self.shift = page, y, rank + 1, shift + left
        after = page.order[rank + 1] if rank + 1 < len(page.order) else None
        if after is not None and after.tm is not None:
            ax, ay = page.move(after, 0)
            # it starts where the placeholder ended: the text that follows the number on its line
            if abs(ay - y) < 0.01 and x + width - 0.5 <= ax <= x + width + run.size:
                page.move(after, -self.shift)
                self.next = rank + 2
