"""Features of a segment in its sequence, for the sequence labeller: its own (``features``), where it
stands (position from the start and the end, the zone of running text, blank lines and page breaks around
it), whether it repeats another segment, and a few of its neighbours' own features.
"""

from __future__ import annotations

from teiedit.readers.cascade.features import _bin, _fold, own_features
from teiedit.readers.cascade.segment_type import Segment

#: The own features a neighbour contributes (by prefix), to keep the model small.
_NEIGHBOUR_KEYS = (
    "len=",
    "w0=",
    "ends_colon",
    "year",
    "last=",
    "upper",
    "date=",
    "label_colon",
    "lex0=",
    "note_start",
    "numlist",
    "first=",
    "url",
    "copy",
    "markdown",
    "shape=",
)


#: The own features a neighbour two places away contributes.
_FAR_KEYS = ("len=", "w0=", "lex0=")
#: The neighbours' offsets and the prefixes of their features.
_OFFSETS = tuple((off, f"{off:+d}:") for off in (-2, -1, 1, 2))


def sequence_features(segments: list[Segment], text_length: int) -> list[list[str]]:
    """Features of every segment, with its position and its neighbours' features."""
    own = [own_features(s) for s in segments]
    # what each segment gives its neighbours, picked once (each is the neighbour of up to four)
    near = [[feat for feat in fs if feat.startswith(_NEIGHBOUR_KEYS)] for fs in own]
    far = [[feat for feat in fs if feat.startswith(_FAR_KEYS)] for fs in own]
    n = len(segments)
    keys = [_repeat_key(s.one_line) for s in segments]
    first_seen: dict[str, int] = {}
    last_seen: dict[str, int] = {}
    for i, k in enumerate(keys):
        if k:
            first_seen.setdefault(k, i)
            last_seen[k] = i
    longest = max((s.end - s.start for s in segments), default=0)
    runon = text_length > 0 and longest > 0.5 * text_length and longest > 2000
    prose = [i for i, s in enumerate(segments) if _is_prose(s)]
    first_prose = prose[0] if prose else n
    last_prose = prose[-1] if prose else -1
    out: list[list[str]] = []
    for i, seg in enumerate(segments):
        f = ["bias", *own[i]]
        f.append(f"at={_bin(seg.start, (0, 200, 500, 1000, 2000, 5000))}")
        f.append(
            "zone=top" if i < first_prose else "zone=bottom" if i > last_prose else "zone=body"
        )
        if i == first_prose:
            f.append("first_prose")
        f.append(f"i={i if i < 6 else 'mid'}")
        f.append(f"ri={n - 1 - i if n - 1 - i < 4 else 'mid'}")
        if text_length:
            f.append(f"rel={min(9, int(10 * seg.start / text_length))}")
        if seg.blank_before:
            f.append("blank_before")
        if seg.blank_after:
            f.append("blank_after")
        if seg.page_before:
            f.append("page_before")
        if runon:
            f.append("doc_runon")
        k = keys[i]
        if k and first_seen[k] < i:
            f.append("repeats_earlier")
        if k and last_seen[k] > i:
            f.append("repeated_later")
        for off, tag in _OFFSETS:
            j = i + off
            if not 0 <= j < n:
                f.append(tag + "none")
                continue
            f.extend([tag + feat for feat in (near[j] if off in (-1, 1) else far[j])])
        out.append(f)
    return out


def _is_prose(seg: Segment) -> bool:
    """Running text: long, and ending like a sentence (or cut off in one)."""
    text = seg.text
    return len(text) > 200 or (len(text) > 80 and text.rstrip()[-1:] in '.!?"”’)')


def _repeat_key(text: str) -> str:
    """Folded letters of a short line, to find repeated titles and captions ("" for long text)."""
    if len(text) > 300:
        return ""
    key = "".join(filter(str.isalnum, _fold(text)))
    return key if len(key) >= 6 else ""
