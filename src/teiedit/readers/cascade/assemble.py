"""Assemble one document's labelled blocks into TEI, in source order (see docs/tei-conventions.md).

The blocks fall into three zones: the *top* (before the first block of running text), the *body* and
the *bottom* (after the last). Top blocks open the document's division: the title and inner headings as
``head``, the byline, datelines, top lines (classification, routing, docket) and the salutation in an
``opener``, a source line as ``note[@type='source']``; an abstract or an editor's headnote at the top
becomes a division of its own (``div[@type='abstract'|'summary']``) and what follows it a section.
Body blocks are paragraphs, lists (items with their numbers in ``@n``), figures (captions) and sections
(a heading after text opens ``div[@type='section']``). Bottom blocks close it: closing formula, signature
and closing date in a ``closer``, a postscript; after them, in ``back``, unpaired note bodies, a summary
placed after the text, and the source citation, each in a division of its kind. Nothing is reordered:
the original reading of the TEI follows the source, which the lossless check relies on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from teiedit.document import E, local_name
from teiedit.readers.base import Span
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.cascade.notelink import Linker
from teiedit.readers.cascade.shapes import ab_runs, opener_type

#: Longest paragraph made of the pieces of one line (characters).
PARAGRAPH = 4000
#: Labels of running text.
BODY = frozenset({"p", "item", "caption"})
#: Labels whose text may hold note calls.
TEXT = frozenset(
    {"p", "item", "caption", "title", "heading", "opener", "salute", "summary", "closer"}
)
_BOLD = re.compile(r"^\*\*(?P<t>[^*]+)\*\*$", re.DOTALL)
_BAR = re.compile(r"\s(?P<bar>\|)$")
_ITEM_NUMBER = re.compile(r"^\(?(?P<n>\d{1,3}|[A-Za-z]|[ivxIVX]{1,5})[.)]\s")
_OPENER = frozenset({"dateline", "opener", "salute"})
_CLOSER = frozenset({"closer", "signed", "dateline", "salute", "opener", "byline"})


@dataclass
class Assembled:
    """A document's division and back matter, and what assembly learnt on the way."""

    div: etree._Element
    back: list[etree._Element] = field(default_factory=list)
    #: the text of blocks read for the header: abstracts, summaries, citations
    summaries: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)


class _Builder:
    """Places blocks into the right containers while keeping every container's TEI content model."""

    def __init__(self, kind: str, linker: Linker) -> None:
        self.linker = linker
        self.root = E.div(type=kind)
        self.target = self.root  # where top and body blocks go
        self.has_body = False  # the target already holds running text
        self.back: list[etree._Element] = []
        self.back_div: etree._Element | None = None
        self.last_text: etree._Element | None = None  # the last paragraph or item written

    # -- containers
    def _last_child(self, name: str) -> etree._Element | None:
        if len(self.target) and local_name(self.target[-1]) == name:
            return self.target[-1]
        return None

    def _is_open(self, el: etree._Element) -> bool:
        """Whether ``el`` is still the last thing written where body text goes (nothing after it)."""
        parent = el.getparent()
        if parent is None:
            return False
        if local_name(el) == "item":
            return (
                parent.getparent() is self.target and self.target[-1] is parent and parent[-1] is el
            )
        return parent is self.target and self.target[-1] is el

    def _open_section(self, kind: str = "section") -> None:
        section = E.div(type=kind)
        self.target.append(section)
        self.target = section
        self.has_body = False

    def _fill(self, el: etree._Element, b: Labelled) -> etree._Element:
        return self.linker.fill(el, b)

    def _heading(self, el: etree._Element, b: Labelled) -> etree._Element:
        """A heading's text, without the bar of a run-in heading (recorded as a label span) or the
        Markdown bold marks around it (delimiters, not text)."""
        bold = _BOLD.match(b.text)
        if bold:
            el.text = bold["t"]
            return el
        m = _BAR.search(b.text)
        if not m:
            return self._fill(el, b)
        self.linker.spans.append(
            Span(b.seg.line, "|", "label", offset=b.seg.start + m.start("bar"))
        )
        el.text = b.text[: m.start()]
        return el

    # -- zones
    def top(self, b: Labelled) -> None:
        lab = b.label
        if lab == "summary":
            if not (
                local_name(self.target) == "div"
                and self.target.get("type") in ("abstract", "summary")
            ):
                if self.target is not self.root and self.target.get("type") == "section":
                    self.target = self.root
                self._open_section("abstract" if self._abstract_like() else "summary")
            self.target.append(self._fill(E.p(), b))
            return
        if local_name(self.target) == "div" and self.target.get("type") in ("abstract", "summary"):
            if lab == "heading" and not len(self.target):
                self.target.append(self._fill(E.head(), b))
                return
            self.target = self.root
            self._open_section()
        if lab in ("title", "heading"):
            el = E.head() if lab == "title" else E.head(type="sub")
            if lab == "heading" and not self._has_title():
                el = E.head()
            self.target.append(self._heading(el, b))
        elif lab == "byline":
            self.target.append(self._fill(E.byline(), b))
        elif lab == "citation":
            self.target.append(E.note(E.bibl(b.text), type="source", place="inline"))
        elif lab == "note":
            self.target.append(E.note(self.linker.note_text(b), type="orphan"))
        else:
            opener = self._last_child("opener")
            if opener is None:
                opener = E.opener()
                self.target.append(opener)
            if lab == "dateline":
                opener.append(self._fill(E.dateline(), b))
            elif lab == "salute":
                opener.append(self._fill(E.salute(), b))
            else:
                if len(opener):
                    opener.append(E.lb())
                opener.append(self._fill(E.seg(type=opener_type(b.one_line)), b))

    def body(self, b: Labelled, same_paragraph: bool) -> None:
        lab = b.label
        if local_name(self.target) == "div" and self.target.get("type") in ("abstract", "summary"):
            self.target = self.root
            self._open_section()
        if lab == "heading" and b.opens:
            # a diary's dated entry or a report's numbered section: a division of the document
            self.target = self.root
            self._open_section(b.opens)
            self.target.append(self._heading(E.head(), b))
            return
        if lab in ("heading", "title"):
            if self.has_body:
                parent = self.target if self.target is self.root else self.target.getparent()
                assert parent is not None
                self.target = parent
                self._open_section()
            self.target.append(self._heading(E.head(), b))
            return
        if same_paragraph and self.last_text is not None and self._is_open(self.last_text):
            # a further piece of the same line continues the paragraph or item it belongs to
            self._append_text(self.last_text, " ")
            self._fill(self.last_text, b)
            return
        if lab == "p":
            self.last_text = self._fill(E.p(), b)
            self.target.append(self.last_text)
        elif lab == "item":
            lst = self._last_child("list")
            if lst is None:
                lst = E.list()
                self.target.append(lst)
            m = _ITEM_NUMBER.match(b.text)
            if m is None and len(lst) and lst[-1].get("n"):
                # a paragraph between point n and point n + 1 belongs to point n
                item = lst[-1]
                if not len(item) or local_name(item[0]) != "p":
                    first = E.p()
                    first.text, item.text = item.text, None
                    for child in list(item):
                        first.append(child)
                    item.append(first)
                item.append(self._fill(E.p(), b))
                self.last_text = item[-1]
                self.has_body = True
                return
            item = E.item()
            if m:
                item.set("n", m["n"])
                lst.set("type", "ordered")
            lst.append(self._fill(item, b))
            self.last_text = item
        elif lab == "caption":
            fig = self._last_child("figure")
            if fig is None:
                fig = E.figure(self._fill(E.figDesc(), b))
                self.target.append(fig)
            else:
                fig.append(self._fill(E.head(), b))
        elif lab == "note":
            self.target.append(E.note(self.linker.note_text(b), type="orphan"))
        elif lab == "citation":
            self.target.append(E.note(E.bibl(b.text), type="source", place="inline"))
        else:
            # apparatus in mid-text (a letter inside a compilation's document): a paragraph with its role
            self.target.append(self._fill(E.p(rend=lab), b))
        self.has_body = True

    def ab(self, blocks: list[Labelled], kind: str, in_back: bool) -> None:
        """A stamp or a distribution list (``ab``); after the text it goes to ``back``."""
        ab = E.ab(type=kind)
        if kind == "stamp":
            for i, b in enumerate(blocks):
                if i:
                    ab.append(E.lb())
                self._fill(ab, b)
        else:
            self._fill(ab, blocks[0])
            if len(blocks) > 1:
                ab.append(E.list(*(self._fill(E.item(), b) for b in blocks[1:])))
        if in_back:
            if self.back_div is None or self.back_div.get("type") != "appendix":
                self.back_div = E.div(type="appendix")
                self.back.append(self.back_div)
            self.back_div.append(ab)
            return
        if local_name(self.target) == "div" and self.target.get("type") in ("abstract", "summary"):
            self.target = self.root
            self._open_section()
        self.target.append(ab)
        self.has_body = True

    def bottom(self, b: Labelled, next_label: str) -> None:
        lab = b.label
        if lab == "note" and self.back_div is None and next_label in _CLOSER:
            # an editor's statement among the signatures ("spelling as in the original")
            self._closer().append(E.note(self.linker.note_text(b), type="editorial"))
            return
        if self.back_div is None and lab in _CLOSER:
            closer = self._closer()
            if lab == "signed":
                closer.append(self._fill(E.signed(), b))
            elif lab == "dateline":
                closer.append(self._fill(E.dateline(), b))
            elif lab in ("closer", "salute"):
                closer.append(self._fill(E.salute(), b))
            else:
                if len(closer):
                    closer.append(E.lb())
                closer.append(self._fill(E.seg(type=lab), b))
            return
        if self.back_div is None and lab == "postscript":
            self._bottom_target().append(E.postscript(self._fill(E.p(), b)))
            return
        kinds = {"note": "notes", "summary": "summary", "citation": "source"}
        kind = kinds.get(lab, "")
        if lab == "heading":
            # a heading over what follows ("Notes"): it opens the back division of that kind
            self.back_div = E.div(self._fill(E.head(), b), type=kinds.get(next_label, "appendix"))
            self.back.append(self.back_div)
            return
        head_only = self.back_div is not None and all(
            local_name(c) == "head" for c in self.back_div
        )
        if self.back_div is None or (kind and self.back_div.get("type") != kind and not head_only):
            self.back_div = E.div(type=kind or "appendix")
            self.back.append(self.back_div)
        elif kind and self.back_div.get("type") != kind:
            self.back_div.set("type", kind)  # a heading opened it; what follows it says its kind
        if lab == "note":
            self.back_div.append(E.note(self.linker.note_text(b), type="orphan"))
        elif lab == "citation":
            self.back_div.append(E.bibl(b.text, type="source"))
        else:
            self.back_div.append(self._fill(E.p(), b))

    def finish(self) -> None:
        for div in self.back:
            if all(local_name(c) == "head" for c in div):
                div.append(E.p())  # a heading with nothing after it (the source was cut)

    # -- helpers
    def _bottom_target(self) -> etree._Element:
        return self.target

    def _closer(self) -> etree._Element:
        tgt = self._bottom_target()
        if len(tgt) and local_name(tgt[-1]) == "closer":
            return tgt[-1]
        closer = E.closer()
        tgt.append(closer)
        return closer

    def _has_title(self) -> bool:
        return any(local_name(c) == "head" for c in self.root.iter("{*}head"))

    def _abstract_like(self) -> bool:
        return self.root.get("type") in ("article", "blog")

    @staticmethod
    def _append_text(el: etree._Element, text: str) -> None:
        if len(el):
            el[-1].tail = (el[-1].tail or "") + text
        else:
            el.text = (el.text or "") + text


def assemble(blocks: list[Labelled], kind: str, linker: Linker) -> Assembled:
    """The TEI of one document from its blocks (set-aside blocks are skipped)."""
    kept = [b for b in blocks if not b.aside and not (b.label == "note" and _paired(b, linker))]
    builder = _Builder(kind, linker)
    runs = ab_runs(kept)
    in_run = {j for i, (_, n) in runs.items() for j in range(i, i + n)}
    body_idx = [i for i, b in enumerate(kept) if b.label in BODY or b.opens or i in in_run]
    first = body_idx[0] if body_idx else len(kept)
    last = body_idx[-1] if body_idx else len(kept) - 1
    last = _text_end(kept, body_idx, in_run, last)
    out = Assembled(div=builder.root)
    prev: Labelled | None = None
    paragraph = 0
    skip_to = -1
    for i, b in enumerate(kept):
        if i < skip_to:
            continue
        if i in runs:
            run_kind, n = runs[i]
            builder.ab(kept[i : i + n], run_kind, in_back=i > last)
            skip_to = i + n
            prev = kept[i + n - 1]
            continue
        if b.label == "summary":
            out.summaries.append(b.one_line)
        if b.label == "citation":
            out.citations.append(b.one_line)
        if i < first:
            builder.top(b)
        elif i <= last:
            same = (
                prev is not None
                and prev.label in ("p", "item")
                and b.label in ("p", "item")
                and b.seg.piece
                and not b.seg.line_start
                and prev.seg.physical == b.seg.physical
                and paragraph + len(b.text) < PARAGRAPH
            )
            # pieces of one long line make one paragraph, up to a bounded size (a whole book on one
            # line is not one paragraph: the passes would be quadratic in it)
            paragraph = paragraph + len(b.text) if same else len(b.text)
            builder.body(b, same)
        else:
            builder.bottom(b, kept[i + 1].label if i + 1 < len(kept) else "")
        prev = b
    builder.finish()
    out.back = builder.back
    return out


def _text_end(kept: list[Labelled], body_idx: list[int], in_run: set[int], last: int) -> int:
    """Where the text ends: before a signature that stands between the last paragraph and the
    distribution lists or stamps that end the document (those then go after the text, to ``back``,
    and the signature closes the text, ``closer/signed``)."""
    text = [i for i in body_idx if i not in in_run]
    if not text or text[-1] >= last:
        return last
    between = []
    k = text[-1] + 1
    while k < len(kept) and k not in in_run:
        between.append(kept[k].label)
        k += 1
    trailing_runs = all(j in in_run for j in range(k, len(kept)))
    if between and "signed" in between and set(between) <= {"signed", "closer", "dateline"}:
        return text[-1] if trailing_runs else last
    return last


def _paired(b: Labelled, linker: Linker) -> bool:
    return any(body.block is b and body.used for body in linker.bodies)
