"""Cuts inside the segments once lines are grouped into blocks (``segment``): a run-in heading ended
by a bar ("Cut from Soviet Cloth | First, ...") and page stamps run into a block, each their own segment."""

from __future__ import annotations

import re
from dataclasses import replace

from teiedit.readers.cascade.segment_type import Segment
from teiedit.readers.cascade.stamps import stamp_pieces

#: A heading run into its paragraph with a bar: "Cut from Soviet Cloth | First, Kim Il-sung ..."
_RUN_IN_HEAD = re.compile(r"(?P<head>[^|\n]{6,120}?[^\s.,;:|])(?P<bar>\s\|)\s+(?=\S)")


def split_run_in_heads(text: str, segs: list[Segment]) -> list[Segment]:
    """Cut a run-in heading (up to its bar) from the paragraph it opens; the bar stays with the heading."""
    out: list[Segment] = []
    for seg in segs:
        m = _RUN_IN_HEAD.match(seg.text)
        rest = seg.text[m.end() :] if m else ""
        if not m or seg.piece or len(rest) < 80 or "|" in rest[:100] or len(m["head"].split()) < 2:
            out.append(seg)
            continue
        cut = seg.start + m.end()
        head_end = seg.start + m.end("bar")
        head = replace(seg, end=head_end, text=text[seg.start : head_end], end_line=seg.line)
        out.append(replace(head, blank_after=False, lines=1, piece=True, line_start=True))
        tail = replace(seg, start=cut, text=text[cut : seg.end], blank_before=False)
        out.append(replace(tail, page_before=False, indent=0, piece=True, line_start=False))
    return out


def split_stamps(segs: list[Segment]) -> list[Segment]:
    """Cut the page stamps run into a segment out of it (``stamps``): each stretch its own segment."""
    out: list[Segment] = []
    for seg in segs:
        parts = stamp_pieces(seg.text) if len(seg.text) > 40 else []
        if len(parts) < 2:
            out.append(seg)
            continue
        for k, (a, b) in enumerate(parts):
            out.append(
                seg.stretch(
                    a,
                    b,
                    blank_before=seg.blank_before and k == 0,
                    blank_after=seg.blank_after and k == len(parts) - 1,
                    page_before=seg.page_before and k == 0,
                    lines=seg.text.count("\n", a, b) + 1,
                    indent=seg.indent if k == 0 else 0,
                    line_start=k == 0 and seg.line_start or "\n" in seg.text[max(0, a - 2) : a],
                )
            )
    return out
