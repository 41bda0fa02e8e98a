"""Labelled examples for training: annotated texts, their synthetic variants, and labels per segment.

An annotation gives labelled character spans of a text (``[start, end, label]``), never the text itself:
the text is read at training time from the corpus the annotation names, and checked against the
annotation's SHA-256 (of the file's bytes; offsets count characters of the decoded text). Variants are
the same labelled spans laid out in other line disciplines (blank-line paragraphs, single newlines,
hard-wrapped lines, one run-on line), so that the labeller learns roles, not one site's line breaks.
Labels reach the segments the segmenter makes of a text by the largest overlap.
"""

from __future__ import annotations

import hashlib
import json
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from teiedit.diagnostics import TeieditError
from teiedit.io import decode_source
from teiedit.readers.cascade.segment import segment
from teiedit.readers.cascade.segment_type import Segment
from teiedit.readers.cascade.sequence import sequence_features

Span = tuple[int, int, str]


@dataclass(frozen=True)
class Example:
    """A text with labelled spans; ``name`` says where it came from (for reports and leave-out)."""

    name: str
    text: str
    spans: tuple[Span, ...]


def load_annotation(path: Path, corpus: Path | None, repository: Path | None = None) -> Example:
    """An annotation file read together with the source text it labels (in the corpus, or in the
    repository when the annotation says ``"root": "repository"``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    base = repository if data.get("root") == "repository" else corpus
    if base is None:
        raise TeieditError("no folder to read the annotated source from", path)
    source = base / data["source"]
    if not source.is_file():
        raise TeieditError(
            "the annotated source is missing",
            source,
            hint="give the corpus folder the annotations were made on (--corpus)",
        )
    raw = source.read_bytes()
    if hashlib.sha256(raw).hexdigest() != data["sha256"]:
        raise TeieditError(
            "the source differs from the one that was annotated (SHA-256 mismatch)",
            source,
            hint="restore the original file, or annotate the new one",
        )
    text = decode_source(raw, source).text
    spans = tuple((int(a), int(b), str(lab)) for a, b, lab in data["labels"])
    return Example(name=str(data["source"]), text=text, spans=spans)


def segment_labels(segments: list[Segment], spans: tuple[Span, ...]) -> list[str]:
    """The label of each segment: that of the annotated span it overlaps most ("p" if none)."""
    out: list[str] = []
    k = 0
    ordered = sorted(spans)
    for seg in segments:
        while k < len(ordered) and ordered[k][1] <= seg.start:
            k += 1
        best, best_overlap = "p", 0
        j = k
        while j < len(ordered) and ordered[j][0] < seg.end:
            a, b, lab = ordered[j]
            overlap = min(b, seg.end) - max(a, seg.start)
            if overlap > best_overlap:
                best, best_overlap = lab, overlap
            j += 1
        out.append(best)
    return out


def sequence(example: Example) -> tuple[list[list[str]], list[str]]:
    """Features and labels of an example's segments, as the trainer takes them."""
    # Trained without the cuts of a flattened text (segment.flat_cuts): on run-on copies cut so, whose
    # pieces' labels are only as good as the cuts, the labeller lost on the original layouts
    # (leave-one-host-out 94.2 -> 91.3 %); without the run-on copies at all, far more (86.9 %).
    segments = segment(example.text, flat=False)
    return sequence_features(segments, len(example.text)), segment_labels(segments, example.spans)


# -- variants -------------------------------------------------------------------------------------------


def _layout(example: Example, name: str, join: str, wrap: int = 0, fuse: bool = False) -> Example:
    """The example's labelled spans laid out again: joined by ``join``, wrapped at ``wrap`` columns,
    or (``fuse``) with every line break inside a span turned into a space."""
    pieces: list[str] = []
    spans: list[Span] = []
    pos = 0
    for a, b, lab in sorted(example.spans):
        chunk = example.text[a:b]
        if fuse or wrap:
            chunk = " ".join(chunk.split())
        if wrap and len(chunk) > wrap:
            chunk = "\n".join(textwrap.wrap(chunk, wrap, break_long_words=False))
        if pieces:
            pieces.append(join)
            pos += len(join)
        pieces.append(chunk)
        spans.append((pos, pos + len(chunk), lab))
        pos += len(chunk)
    return Example(name=f"{example.name}#{name}", text="".join(pieces), spans=tuple(spans))


VARIANTS = ("blank-lines", "single-newlines", "wrapped", "run-on")


def variants(example: Example, which: tuple[str, ...] = VARIANTS) -> list[Example]:
    """Synthetic variants of an example in other line disciplines."""
    made = {
        "blank-lines": lambda: _layout(example, "blank-lines", "\n\n"),
        "single-newlines": lambda: _layout(example, "single-newlines", "\n", fuse=True),
        "wrapped": lambda: _layout(example, "wrapped", "\n\n", wrap=72),
        "run-on": lambda: _layout(example, "run-on", " ", fuse=True),
    }
    return [made[name]() for name in which]


def repository_root() -> Path | None:
    """The repository checkout this module runs from, if any (training data lives there)."""
    root = Path(__file__).resolve().parents[4]
    return root if (root / "training" / "labels").is_dir() else None


def annotated(
    corpus: Path | None, folder: Path, exclude: set[str] | None = None
) -> Iterator[Example]:
    """Every annotated example of ``folder`` whose source is not in ``exclude``."""
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if exclude and data["source"] in exclude:
            continue
        yield load_annotation(path, corpus, repository_root())


def write_annotation(example: Example, source: str, raw: bytes, out: Path, root: str = "") -> None:
    """An annotation file for ``example``: labelled offsets and the source's SHA-256, no text."""
    data: dict[str, object] = {"source": source}
    if root:
        data["root"] = root
    data["sha256"] = hashlib.sha256(raw).hexdigest()
    data["labels"] = [[a, b, lab] for a, b, lab in example.spans]
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
