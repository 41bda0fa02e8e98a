"""The character policy: any decoded text made XML-safe, nothing lost without a record.

XML 1.0 cannot hold most C0 control characters, U+FFFE, U+FFFF or lone surrogates, and lxml refuses them.
Plaintext sources contain them anyway: ``pdftotext`` writes a form feed between every two pages, Word
writes a vertical tab for a line break, terminal captures keep ESC and BEL. The decoding layer
(:func:`teiedit.io.decode_source`, and :func:`xml_safe` for text given in memory) applies one policy, so
that every reader gets text it can put into TEI:

- a form feed becomes :data:`PAGE_BREAK`, which readers turn into ``<pb/>`` (:func:`page_breaks_to_pb`);
- a vertical tab becomes a line break (``\\n``);
- every other character XML cannot hold becomes :data:`REPLACEMENT` (U+FFFD, visible in the edition) and is
  recorded (:class:`Replaced`: line, column, code point), so that the conversion report gives it back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from teiedit.document import E, tei

#: Where a source's page ended (a form feed). A Unicode noncharacter: XML may hold it, no source text
#: means it (one that has it gets it replaced and recorded), and no pattern of the readers matches it.
PAGE_BREAK = "\ufdd0"
#: What stands for a character XML cannot hold.
REPLACEMENT = "\ufffd"

# C0 controls other than tab, line feed and carriage return (form feed and vertical tab are handled before),
# the two noncharacters XML excludes, lone surrogates, and the page-break marker itself when a source has it.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff" + PAGE_BREAK + "]")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def is_xml_safe(text: str) -> bool:
    """Whether XML can hold every character of ``text`` (text that went through :func:`xml_safe` can)."""
    return _NOT_XML.search(text) is None


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@dataclass(frozen=True)
class Replaced:
    """One character of the source that the text holds as :data:`REPLACEMENT`."""

    line: int  # 1-based, in the text as readers see it
    column: int  # 1-based
    offset: int  # 0-based, in the text as readers see it
    code_point: int

    def to_json(self) -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "offset": self.offset,
            "character": f"U+{self.code_point:04X}",
            "replaced_by": f"U+{ord(REPLACEMENT):04X}",
        }


@dataclass(frozen=True)
class SafeText:
    """Text every reader can put into XML, with what was done to get it."""

    text: str
    replaced: tuple[Replaced, ...] = ()
    page_breaks: int = 0
    line_breaks: int = 0  # vertical tabs read as line breaks
    final_page_ends: int = 0  # form feeds after the last page, dropped

    def decisions(self) -> list[str]:
        """The policy's decisions in the words of the conversion report."""
        out = []
        if self.page_breaks:
            n = self.page_breaks
            out.append(
                f"{_count(n, 'form feed', 'form feeds')} (page end) read as "
                + ("a page break (pb)" if n == 1 else "page breaks (pb)")
            )
        if self.final_page_ends:
            out.append("the form feed after the last page dropped (no page follows it)")
        if self.line_breaks:
            n = self.line_breaks
            out.append(
                f"{_count(n, 'vertical tab', 'vertical tabs')} read as "
                + ("a line break" if n == 1 else "line breaks")
            )
        if self.replaced:
            codes = sorted({f"U+{r.code_point:04X}" for r in self.replaced})
            shown = ", ".join(codes[:8]) + (", …" if len(codes) > 8 else "")
            out.append(
                f"{_count(len(self.replaced), 'character', 'characters')} XML cannot hold ({shown}) "
                "replaced by U+FFFD, each listed under replaced_characters in the conversion report"
            )
        return out


def xml_safe(text: str) -> SafeText:
    """Apply the character policy (see the module docstring); linear in the text's length."""
    page_breaks = text.count("\f")
    line_breaks = text.count("\v")
    if not _UNSAFE.search(text):
        return SafeText(text)
    replaced: list[Replaced] = []
    pieces: list[str] = []
    pos = 0
    line, counted = 1, 0  # lines counted up to offset ``counted``
    line_start = 0  # offset just after the last line break before ``counted``
    for m in _UNSAFE.finditer(text):
        ch, start = m.group(0), m.start()
        pieces.append(text[pos:start])
        pos = m.end()
        if ch == "\f":
            pieces.append(PAGE_BREAK)
            continue
        if ch == "\v":
            pieces.append("\n")
            continue
        # lines and columns as readers see them: a vertical tab is a line break too
        breaks = text.count("\n", counted, start) + text.count("\v", counted, start)
        if breaks:
            line += breaks
            line_start = max(text.rfind("\n", counted, start), text.rfind("\v", counted, start)) + 1
        counted = start
        replaced.append(Replaced(line, start - line_start + 1, start, ord(ch)))
        pieces.append(REPLACEMENT)
    pieces.append(text[pos:])
    safe = "".join(pieces)
    # pdftotext ends the last page with a form feed too: no page follows it, so it is no page break
    body, final = safe.rstrip(), 0
    if body.endswith(PAGE_BREAK):
        kept = body.rstrip(PAGE_BREAK + " \t\n")
        final = body[len(kept) :].count(PAGE_BREAK)
        safe = kept + body[len(kept) :].replace(PAGE_BREAK, "") + safe[len(body) :]
    return SafeText(safe, tuple(replaced), page_breaks - final, line_breaks, final)


def restore(text: str, replaced: tuple[Replaced, ...] | list[Replaced]) -> str:
    """The text before :func:`xml_safe` (form feeds and vertical tabs aside: those are layout)."""
    chars = list(text)
    for r in replaced:
        if chars[r.offset] != REPLACEMENT:
            raise ValueError(f"no replacement character at offset {r.offset}")
        chars[r.offset] = chr(r.code_point)
    return "".join(chars)


#: Elements whose content may not hold ``pb`` in teiedit's ODD (tests/test_text.py checks it against the
#: compiled grammar). A page break inside one of them cannot be marked where it stood.
NO_PAGE_BREAK = frozenset(
    """TEI abstract altIdentifier analytic appInfo application availability biblStruct catRef certainty
    choice correction correspAction correspContext correspDesc creation desc editionStmt editorialDecl
    encodingDesc figDesc fileDesc floatingText gap geo graphic history hyphenation idno interpretation
    keywords langUsage lb listBibl listChange listOrg listPerson listPlace location milestone monogr msContents
    msDesc msIdentifier normalization notesStmt pb physDesc place profileDesc projectDesc ptr
    publicationStmt punctuation quotation relatedItem respStmt revisionDesc seriesStmt sourceDesc
    standOff teiCorpus teiHeader text textClass titleStmt""".split()
)


@dataclass
class PageBreaks:
    """What :func:`page_breaks_to_pb` did."""

    marked: int = 0
    #: Page breaks that stood where ``pb`` may not (the header, an attribute, a figure's description):
    #: removed there, by element name.
    unmarked: dict[str, int] = field(default_factory=dict)

    def decisions(self) -> list[str]:
        if not self.unmarked:
            return []
        where = ", ".join(f"{n} in {name}" for name, n in sorted(self.unmarked.items()))
        return [f"page breaks where TEI allows no pb could not be marked ({where})"]


def page_breaks_to_pb(root: etree._Element) -> PageBreaks:
    """Turn every :data:`PAGE_BREAK` in the TEI text into ``<pb/>``.

    Where ``pb`` may not stand (the header, attribute values, the elements of :data:`NO_PAGE_BREAK`) the
    marker is removed: a page break is layout, and the source's text stays whole.
    """
    done = PageBreaks()
    text_el = root.find(tei("text"))
    in_text = set(text_el.iter()) if text_el is not None else set()

    def unmarked(where: str, n: int) -> None:
        done.unmarked[where] = done.unmarked.get(where, 0) + n

    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            if PAGE_BREAK in value:
                unmarked(f"@{etree.QName(name).localname}", value.count(PAGE_BREAK))
                el.set(name, value.replace(PAGE_BREAK, ""))
        for holder, attr in ((el, "text"), (el.getparent(), "tail")):
            value = getattr(el, attr)
            if not value or PAGE_BREAK not in value or holder is None:
                continue
            name = etree.QName(holder).localname
            head, *rest = value.split(PAGE_BREAK)
            if holder not in in_text or name in NO_PAGE_BREAK:
                unmarked(name if holder in in_text else "teiHeader", len(rest))
                setattr(el, attr, "".join([head, *rest]))
                continue
            setattr(el, attr, head)
            at = 0 if attr == "text" else holder.index(el) + 1
            for i, piece in enumerate(rest):
                pb = E.pb()
                pb.tail = piece
                holder.insert(at + i, pb)
            done.marked += len(rest)
    return done
