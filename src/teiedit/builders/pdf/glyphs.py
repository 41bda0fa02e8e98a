"""The codes, text and widths of the glyphs of a PDF font as WeasyPrint writes it (Type0, Identity-H),
for writing page numbers into a laid-out PDF (builders/pdf/numbers.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Name


class SlotError(Exception):
    """The numbers cannot be written into this PDF's slots (the caller lays the part out again)."""


@dataclass
class Font:
    """What the rewrite needs of a Type0 font: text of each code, code of each character, widths."""

    text: dict[int, str]
    code: dict[str, int]
    widths: dict[int, float]
    default: float

    def width(self, codes: Sequence[int]) -> float:
        return sum(self.widths.get(c, self.default) for c in codes)


def font_of(font: pikepdf.Object) -> Font:
    """What :class:`Font` says of a PDF font (raises :class:`SlotError` unless it is a two-byte font)."""
    if font.get(Name.Subtype) != Name.Type0 or font.get(Name.Encoding) != Name("/Identity-H"):
        raise SlotError("the slot's font is not a two-byte (Identity-H) font")
    text = (
        to_unicode(font.ToUnicode.read_bytes().decode("latin-1")) if Name.ToUnicode in font else {}
    )
    cid = font.DescendantFonts[0]
    widths: dict[int, float] = {}
    w = list(cid.get(Name.W, Array()))
    i = 0
    while i + 1 < len(w):
        first = int(w[i])
        if isinstance(w[i + 1], Array):
            for k, value in enumerate(w[i + 1]):
                widths[first + k] = float(value)
            i += 2
        else:
            for c in range(first, int(w[i + 1]) + 1):
                widths[c] = float(w[i + 2])
            i += 3
    code: dict[str, int] = {}
    for c, t in sorted(text.items(), reverse=True):  # the lowest code of a character wins
        code[t] = c
    return Font(text, code, widths, float(cid.get(Name.DW, 1000)))


_HEX = r"<([0-9a-fA-F]+)>"


def to_unicode(cmap: str) -> dict[int, str]:
    """Code -> text of a ToUnicode CMap (bfchar and bfrange entries)."""
    out: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(rf"{_HEX}\s*{_HEX}", block):
            out[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, start in re.findall(rf"{_HEX}\s*{_HEX}\s*{_HEX}", block):
            base = int(start, 16)
            for k, c in enumerate(range(int(low, 16), int(high, 16) + 1)):
                out[c] = chr(base + k)
    return out
