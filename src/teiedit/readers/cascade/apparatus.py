"""A letter's closing apparatus the labeller left as paragraphs: the complimentary close and signature.

After a letter's or telegram's last paragraph of running text come, in every layout, a few short lines:
a close ("Yours,", "With the truest respect ... I have the honor to be"), then a name, initials or a
dateline with a name ("4/XI-56 N. FIRIUBIN"). Those the labeller called paragraphs are relabelled by
their shape; a long block after them (an editor's note, a postscript) ends the search.
"""

from __future__ import annotations

import re

from teiedit.readers.cascade.features import shapes
from teiedit.readers.cascade.model import Labelled

#: A short line of names or initials, perhaps in brackets, perhaps after a short date.
_SIGNATURE = re.compile(
    r"^[\[(⟨<*]*(?:\d{1,2}[./][\dIVXivx]{1,4}[./-]\d{2,4}\s+)?"
    r"(?:[A-ZÀ-Þ][\w’'.-]*|[A-ZÀ-Þ]\.)(?:\s+(?:[A-ZÀ-Þ][\w’'.-]*|[A-ZÀ-Þ]\.|de|von|van|la|le)){0,4}"
    r"[\])⟩>*.,]*$"
)
_RUNNING = 120


def mark_bottom(blocks: list[Labelled]) -> list[str]:
    """Relabel the close and signature after a letter's last paragraph; return the decisions."""
    kept = [b for b in blocks if not b.aside and b.label not in ("note", "heading", "title")]
    long = [i for i, b in enumerate(kept) if b.label == "p" and len(b.one_line) > _RUNNING]
    if not long:
        return []
    start = _close_start(kept, long[0])
    if start is None:
        return []
    out: list[str] = []
    closed = signed = False
    i = start
    while i < len(kept):
        b = kept[i]
        text = b.one_line
        if len(text) > _RUNNING:
            break
        if b.label != "p":
            closed = closed or b.label == "closer"
            signed = signed or b.label == "signed"
        elif "closing" in shapes(text, []) and not signed:
            b.label, closed = "closer", True
        elif len(text) <= 40 and _signature(text):
            b.label, signed = "signed", True
        else:
            break
        if b.label in ("closer", "signed"):
            out.append(
                f"line {b.seg.line}: {b.label} (a letter's close, by its shape): {text[:60]!r}"
            )
        i += 1
    if closed and signed:
        # what follows a letter's close and signature is a postscript, or an editor's note about it
        for b in kept[i:]:
            if b.label != "p":
                break
            b.label = "summary" if "describes" in shapes(b.one_line, []) else "postscript"
            out.append(f"line {b.seg.line}: {b.label} (after the signature)")
    return out


def _signature(text: str) -> bool:
    return bool(_SIGNATURE.match(text)) or "name_like" in shapes(text, [])


def _close_start(kept: list[Labelled], first_long: int) -> int | None:
    """Where a letter's close begins: its first closing line or labelled close, else the last short
    signature-like line right after a paragraph of running text."""
    for i in range(first_long + 1, len(kept)):
        b = kept[i]
        if b.label in ("closer", "signed") or (
            b.label == "p" and len(b.one_line) <= _RUNNING and "closing" in shapes(b.one_line, [])
        ):
            return i
    last = None
    for i in range(first_long + 1, len(kept)):
        prev, b = kept[i - 1], kept[i]
        if (
            b.label == "p"
            and len(b.one_line) <= 40
            and _signature(b.one_line)
            and prev.label == "p"
            and len(prev.one_line) > _RUNNING
        ):
            last = i
    return last
