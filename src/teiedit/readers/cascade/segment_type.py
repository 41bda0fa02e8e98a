"""The segment: one block of a source with its character offsets and line numbers (readers/cascade/segment.py
finds them; every later step of the cascade reads them)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Segment:
    """One block of the source: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    line: int  # 1-based line of ``start``
    end_line: int  # 1-based line of the last character
    blank_before: bool  # a blank line (or the start of the text) before it
    blank_after: bool  # a blank line (or the end of the text) after it
    page_before: bool  # a form feed between it and the segment before
    lines: int  # physical lines joined into it
    indent: int  # white space before its first character on its line
    physical: int  # index of the physical line it starts on (pieces of one long line share it)
    piece: bool  # a piece of a long line (not a whole line)
    line_start: bool = True  # it starts its line (a piece after the first does not)

    @cached_property
    def one_line(self) -> str:
        """The text on one line (white space runs as one space), computed once."""
        return " ".join(self.text.split())

    def stretch(self, a: int, z: int, **changes: Any) -> Segment:
        """``text[a:z]`` as a piece of its own: offsets and line numbers into the source kept."""
        line = self.line + self.text.count("\n", 0, a)
        end_line = line + self.text.count("\n", a, z)
        return replace(
            self,
            start=self.start + a,
            end=self.start + z,
            text=self.text[a:z],
            line=line,
            end_line=end_line,
            piece=True,
            **changes,
        )
