"""A capture that holds no document: the host's notice that the document is gone (a takedown, a
removed or missing page). Its text is short and says so in words of ``unavailable-notices.txt``
(editable data); the reader then makes no document and sets every line aside with the reason."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from teiedit.diagnostics import Diagnostic, Level
from teiedit.readers.base import Conversion, SetAside
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.common.boilerplate import data_lines

NOTICES_FILE = Path(__file__).resolve().with_name("unavailable-notices.txt")
#: A notice is short: past this many letters of text the capture holds a document, whatever it says.
MAX_LETTERS = 1200
_APPARATUS = frozenset({"salute", "closer", "signed", "dateline", "postscript"})
REASON = "the host's notice that the document is not available (the capture holds no document)"


@lru_cache(maxsize=1)
def notice_patterns() -> tuple[re.Pattern[str], ...]:
    """The notice phrases of the data file, compiled."""
    return tuple(re.compile(ln, re.IGNORECASE) for ln in data_lines(NOTICES_FILE))


def unavailable_notice(blocks: list[Labelled]) -> Labelled | None:
    """The block that says the document is gone, when the text kept is short enough to be only that."""
    kept = [b for b in blocks if not b.aside]
    if not kept or _more_letters_than(kept, MAX_LETTERS):
        return None
    paragraphs = [b for b in kept if b.label in ("p", "item") and _letters(b) >= 80]
    if any(b.label in _APPARATUS for b in kept) or len(paragraphs) > 3:
        return None  # a letter's or a record's apparatus, or several paragraphs: a document
    for b in kept:
        if any(rx.search(b.one_line) for rx in notice_patterns()):
            return b
    return None


def _letters(b: Labelled) -> int:
    return sum(map(str.isalpha, b.one_line))


def _more_letters_than(blocks: list[Labelled], limit: int) -> bool:
    """Whether the blocks hold more than ``limit`` letters: counted block by block, and no further once
    past the limit (a capture of a document has megabytes of text, a notice a few lines)."""
    total = 0
    for b in blocks:
        total += _letters(b)
        if total > limit:
            return True
    return False


def set_all_aside(blocks: list[Labelled], notice: Labelled, conv: Conversion) -> None:
    """Every block not yet set aside goes to the set-aside list; the report says why, with a warning."""
    for b in blocks:
        if not b.aside:
            b.aside = REASON
            conv.set_aside.append(SetAside(b.text, REASON, b.seg.line, b.seg.start))
    conv.decisions.append(f"line {notice.seg.line}: {REASON}: {notice.one_line[:60]!r}")
    conv.diagnostics.append(
        Diagnostic(
            message=f"no document made: the capture is a notice that its document is not available "
            f"({notice.one_line[:80]!r})",
            path=conv.source.filename,
            line=notice.seg.line,
            level=Level.WARNING,
            origin="reader",
            rule="no-document",
            suggestion="capture the document itself from another copy; every line of this one is "
            "in the conversion report's set-aside list",
        )
    )
