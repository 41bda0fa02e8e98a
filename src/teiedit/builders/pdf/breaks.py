"""Break opportunities in long unbreakable strings of the paged HTML (URLs, archival signatures, debris).

A string with no break opportunity wider than the text block runs past the margin. CSS
``overflow-wrap: break-word`` would break it, but WeasyPrint then also breaks ordinary words inside nested
inline boxes (a name in a citation: "for C|WIHP"), so the print edition marks the break opportunities
itself: in a run of ``LONG`` or more characters without a space, a zero-width space goes after each slash,
hyphen, full stop, underscore, comma and the like, and into any stretch longer than ``STEP`` characters
that has none. Shorter words are left alone, so search and copy of ordinary text are not affected.
"""

from __future__ import annotations

import re

#: Runs of this many characters without white space get break opportunities.
LONG = 28
#: The longest stretch left without a break opportunity inside such a run.
STEP = 12
ZWSP = "\u200b"

_TAG = re.compile(r"(<[^>]*>)")
_RUN = re.compile(rf"[^\s<>]{{{LONG},}}")
#: A character reference is one character: never split inside it.
_PIECE = re.compile(r"&#?\w+;|.", re.DOTALL)
_AFTER = frozenset("/-._,;:=&?)]|\u2010\u2011\u2013")


def allow_breaks(html: str) -> str:
    """``html`` with zero-width spaces in the long unbreakable runs of the body's text."""
    at = html.find("<body")
    if at < 0 or not _RUN.search(html, at):
        return html
    parts = _TAG.split(html[at:])
    for i in range(0, len(parts), 2):  # even items are text between tags
        if len(parts[i]) >= LONG:
            parts[i] = _RUN.sub(lambda m: _broken(m.group(0)), parts[i])
    return html[:at] + "".join(parts)


def _broken(run: str) -> str:
    out: list[str] = []
    stretch = 0
    for piece in _PIECE.findall(run):
        out.append(piece)
        stretch += 1
        last = piece if len(piece) == 1 else ""
        if last in _AFTER or stretch >= STEP:
            out.append(ZWSP)
            stretch = 0
    if out and out[-1] == ZWSP:
        out.pop()
    return "".join(out)
