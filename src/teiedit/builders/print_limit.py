"""Which documents the print edition lays out: a document over the size limit is left out of print only."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, replace

from teiedit.diagnostics import Diagnostic, Level, TeieditError
from teiedit.edition import EditionDoc

#: The largest document the print edition lays out: its text may hold at most this many elements and
#: characters. Layout costs memory in proportion (about 35 MB per thousand paragraphs in WeasyPrint), so a
#: document far beyond a long novel (8,000 elements, 0.9 MB, 490 pages) is left out of print with a reason
#: at once instead of running out of memory hours later. The web edition has no such limit (it is linear).
MAX_PRINT_ELEMENTS = 50_000
MAX_PRINT_CHARACTERS = 5_000_000
#: The environment variables that change the limits (for a machine with the memory for more).
ELEMENTS_VARIABLE = "TEIEDIT_PDF_MAX_ELEMENTS"
CHARACTERS_VARIABLE = "TEIEDIT_PDF_MAX_CHARACTERS"


def _limit(variable: str, default: int) -> int:
    value = os.environ.get(variable, "").strip()
    if not value:
        return default
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        number = 0
    if number < 1:
        raise TeieditError(
            f"{variable}={value!r} is not a positive whole number",
            hint=f"set it to a number such as {default} (the default), or unset it",
        )
    return number


@dataclass(frozen=True)
class PrintLimits:
    """The largest text (elements, characters) a document may have to be printed."""

    elements: int = MAX_PRINT_ELEMENTS
    characters: int = MAX_PRINT_CHARACTERS
    #: documents (page, reason) the layout engine failed on in this build: left out like the oversized
    failed: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_environment(cls) -> PrintLimits:
        """The limits, as the environment sets them (a bad value is an error naming the variable)."""
        return cls(
            _limit(ELEMENTS_VARIABLE, MAX_PRINT_ELEMENTS),
            _limit(CHARACTERS_VARIABLE, MAX_PRINT_CHARACTERS),
        )

    def fits(self, ed: EditionDoc) -> bool:
        """Whether the print edition lays out this document."""
        elements, characters = ed.record.text_size
        failed = self._failure(ed) is not None
        return not failed and elements <= self.elements and characters <= self.characters

    def failing(self, page: str, reason: str) -> PrintLimits:
        """These limits, with the document of this page left out because its layout failed."""
        return replace(self, failed=(*self.failed, (page, reason)))

    def _failure(self, ed: EditionDoc) -> str | None:
        """What the layout engine said when it failed on this document in this build, if it did."""
        return next((reason for page, reason in self.failed if page == ed.page), None)

    def refusal(self, ed: EditionDoc) -> Diagnostic:
        """Why the document is left out of print, and what to do."""
        reason = self._failure(ed)
        if reason is not None:
            return _left_out(
                ed,
                f"the layout engine (WeasyPrint) failed on it: {reason}",
                "print-failed",
                "the rest of the print edition is built; look for unusual markup in this document "
                "(run `teiedit pdf` on it alone with --debug for the details) and report the failure "
                "with the file",
            )
        elements, characters = ed.record.text_size
        return _left_out(
            ed,
            f"its text has {elements:,} elements and {characters:,} characters, and the print edition "
            f"lays out at most {self.elements:,} elements and {self.characters:,} characters per "
            "document",
            "print-too-large",
            "split its source into several documents; or, on a machine with the memory for it "
            f"(about 35 MB per thousand paragraphs), raise the limit with {ELEMENTS_VARIABLE} "
            f"and {CHARACTERS_VARIABLE}",
        )


def _left_out(ed: EditionDoc, why: str, rule: str, suggestion: str) -> Diagnostic:
    """The finding for a document left out of print: why, under a stable rule, and what to do."""
    return Diagnostic(
        message=f"left out of the print edition (its web page is built): {why}",
        path=str(ed.path),
        level=Level.ERROR,
        origin="pdf",
        rule=rule,
        suggestion=suggestion,
    )


def printable(
    docs: Iterable[EditionDoc], limits: PrintLimits
) -> tuple[list[EditionDoc], list[Diagnostic]]:
    """The documents the print edition lays out (in the given order), and a finding for each other."""
    kept: list[EditionDoc] = []
    left: list[Diagnostic] = []
    for ed in docs:
        if limits.fits(ed):
            kept.append(ed)
        else:
            left.append(limits.refusal(ed))
    return kept, left
