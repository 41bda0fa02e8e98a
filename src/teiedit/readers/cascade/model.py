"""The trained labeller: which model file is used, and labelling segments with a confidence each.

The model is a linear-chain CRF (python-crfsuite) over the features of ``features.py``. The shipped model
(``labeller.crfsuite`` beside this module) is trained by ``python -m teiedit.readers.cascade.train``; an
edition retrained with ``teiedit train`` keeps its own in ``<edition>/model/labeller.crfsuite``, which
conversion then prefers. The confidence of a segment's label is the model's marginal probability of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from teiedit.diagnostics import TeieditError
from teiedit.readers.cascade.labels import LABELS
from teiedit.readers.cascade.segment_type import Segment
from teiedit.readers.cascade.sequence import sequence_features

SHIPPED_MODEL = Path(__file__).resolve().parent / "labeller.crfsuite"
#: Where an edition keeps the labeller retrained on its own corrected TEI (relative to its root).
EDITION_MODEL = Path("model") / "labeller.crfsuite"


@dataclass
class Labelled:
    """A segment with its label and the labeller's confidence in it."""

    seg: Segment
    label: str
    confidence: float
    #: the runner-up label and its probability, for the report when the decision was close
    alternative: tuple[str, float] = ("", 0.0)
    #: set by later steps: the text is set aside (furniture), with this reason
    aside: str = ""
    #: the probability of every label (marginals), for decisions that pick the likeliest block
    marginals: dict[str, float] = field(default_factory=dict)
    #: set by later steps: the heading opens a division of this type ("entry", "section"; ``divisions``)
    opens: str = ""

    @property
    def text(self) -> str:
        return self.seg.text

    @property
    def one_line(self) -> str:
        return self.seg.one_line

    def relabel(self, label: str, why: str, changes: list[str]) -> None:
        """Give the block ``label`` (its confidence raised to the labeller's probability of that label) and
        say so in ``changes``, for the report; nothing when it has the label already."""
        if self.label != label:
            changes.append(f"line {self.seg.line}: {self.label} -> {label} ({why})")
            self.label = label
            self.confidence = max(self.confidence, self.marginals.get(label, 0.0))


def cut_block(
    b: Labelled, cut: int, rest: int, labels: tuple[str, str], line_start: bool
) -> list[Labelled]:
    """``b`` in two blocks: ``text[:cut]`` (on the block's first line) and ``text[rest:]``, labelled
    ``labels``, offsets into the source kept (what lies between, white space, is in neither).
    ``line_start``: the second block starts its line."""
    seg = b.seg
    head = replace(seg, end=seg.start + cut, text=seg.text[:cut], end_line=seg.line)
    line = seg.line + seg.text.count("\n", 0, rest)
    tail = replace(
        seg,
        start=seg.start + rest,
        text=seg.text[rest:],
        line=line,
        piece=True,
        line_start=line_start,
    )
    return [
        Labelled(seg=head, label=labels[0], confidence=b.confidence, marginals=dict(b.marginals)),
        Labelled(seg=tail, label=labels[1], confidence=b.confidence, marginals=dict(b.marginals)),
    ]


def model_path(edition_root: Path | None, override: Path | None = None) -> Path:
    """The model to use: an explicit one, else the edition's retrained one, else the shipped one."""
    if override is not None:
        return override
    if edition_root is not None and (edition_root / EDITION_MODEL).is_file():
        return edition_root / EDITION_MODEL
    return SHIPPED_MODEL


@lru_cache(maxsize=8)
def _tagger(path: str, mtime: float) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(path)
    except OSError:
        raise TeieditError(
            "the labeller model cannot be read",
            path,
            hint="retrain it (`teiedit train` in an edition, or `python -m teiedit.readers.cascade.train`)",
        ) from None
    return tagger


def tag_sequence(
    tagger: pycrfsuite.Tagger, xseq: list[list[str]]
) -> tuple[list[str], list[dict[str, float]]]:
    """The labels of a sequence and every label's marginal probability at each position."""
    tags = list(tagger.tag(xseq))
    known = [lab for lab in tagger.labels() if lab in LABELS]
    margs = [{lab: tagger.marginal(lab, i) for lab in known} for i in range(len(tags))]
    return tags, margs


def label(segments: list[Segment], text_length: int, path: Path) -> list[Labelled]:
    """Label every segment; each label comes with its marginal probability."""
    if not segments:
        return []
    if not path.is_file():
        raise TeieditError(
            "the labeller model is missing",
            path,
            hint="train it with `python -m teiedit.readers.cascade.train` (see the README)",
        )
    tagger = _tagger(str(path), path.stat().st_mtime)
    xseq = sequence_features(segments, text_length)
    tags, margs = tag_sequence(tagger, xseq)
    out: list[Labelled] = []
    for seg, tag, marginals in zip(segments, tags, margs, strict=True):
        alt = max(
            ((lab, p) for lab, p in marginals.items() if lab != tag),
            key=lambda kv: kv[1],
            default=("", 0.0),
        )
        out.append(
            Labelled(
                seg=seg,
                label=tag,
                confidence=marginals.get(tag, 0.0),
                alternative=alt,
                marginals=marginals,
            )
        )
    return out
