"""Train the block labeller: ``python -m teiedit.readers.cascade.train [--corpus DIR] [--out FILE]``.

The one command that makes the shipped model (``labeller.crfsuite`` beside ``model.py``) from data kept
in the repository: the annotations in ``training/labels/<corpus>/`` (labelled offsets of the development
corpus, whose text is read from ``--corpus``, by default ``../shared/corpora/plaintext-dev`` beside the
repository), their synthetic variants (other line disciplines), and the repository's own sources and
reader cases (``training/labels/edition/``, labelled once from their reviewed TEI by ``from_tei``). Training is deterministic: the same data gives the same model
bytes. Besides the model it writes ``base-sequences.json.gz``, the feature sequences of that data (no
source text), from which an edition retrains the labeller together with its own corrected documents.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pycrfsuite

from teiedit.readers.cascade.examples import VARIANTS as ALL_VARIANTS
from teiedit.readers.cascade.examples import (
    Example,
    annotated,
    repository_root,
    sequence,
    variants,
)
from teiedit.readers.cascade.model import SHIPPED_MODEL

#: The synthetic variants trained on (see examples.variants).
VARIANTS = ALL_VARIANTS

BASE_SEQUENCES = SHIPPED_MODEL.with_name("base-sequences.json.gz")
#: CRF settings (L-BFGS with elastic-net regularisation), chosen on the leave-one-host-out figures.
PARAMS = {
    "c1": 0.2,
    "c2": 0.01,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}

Sequence = tuple[list[list[str]], list[str]]


def default_corpus() -> Path | None:
    root = repository_root()
    return (root.parent / "shared" / "corpora" / "plaintext-dev").resolve() if root else None


def examples(corpus: Path | None, exclude: set[str] | None = None) -> list[Example]:
    """The annotated examples of the repository (``training/labels/*/``), with their variants.

    Annotations of the development corpus read their text from ``corpus``; those of the repository's
    own sources and reader cases (labelled once from their reviewed TEI, ``from_tei``) from the checkout.
    """
    root = repository_root()
    out: list[Example] = []
    if root is None:
        return out
    for folder in sorted(p for p in (root / "training" / "labels").iterdir() if p.is_dir()):
        if folder.name != "edition" and (corpus is None or folder.name != corpus.name):
            continue
        for ex in annotated(corpus, folder, exclude):
            out.append(ex)
            out.extend(variants(ex, VARIANTS))
    return out


def train_sequences(seqs: Iterable[Sequence], out: Path) -> Path:
    """Train a model on feature sequences and write it to ``out`` (atomically)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMS)
    n = 0
    for xseq, yseq in seqs:
        if xseq:
            trainer.append(xseq, yseq)
            n += 1
    if not n:
        raise ValueError("no training data")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        tmp_model = Path(tmp) / out.name
        trainer.train(str(tmp_model))
        tmp_model.replace(out)
    return out


def grouped(exs: list[Example]) -> list[tuple[str, Sequence]]:
    """Each example's sequence with its group (the source it is, or is a variant of)."""
    return [(ex.name.split("#")[0], sequence(ex)) for ex in exs]


def train_model(out: Path, *, corpus: Path | None = None, exclude: set[str] | None = None) -> Path:
    """Train on the repository's data (leaving out the sources in ``exclude``) into ``out``."""
    corpus = corpus or default_corpus()
    return train_sequences((seq for _, seq in grouped(examples(corpus, exclude))), out)


def write_base_sequences(groups: list[tuple[str, Sequence]], path: Path) -> None:
    """The training sequences (group, features, labels: no text), gzipped with a fixed timestamp."""
    data = json.dumps([[g, x, y] for g, (x, y) in groups], separators=(",", ":")).encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(data)


def read_base_sequences(path: Path = BASE_SEQUENCES) -> list[tuple[str, Sequence]]:
    if not path.is_file():
        return []
    with gzip.open(path, "rb") as fh:
        data = json.loads(fh.read().decode("utf-8"))
    return [(g, (x, y)) for g, x, y in data]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=default_corpus())
    ap.add_argument("--out", type=Path, default=SHIPPED_MODEL)
    args = ap.parse_args(argv)
    if args.corpus is None or not args.corpus.is_dir():
        print(f"train: the corpus folder {args.corpus} is missing (--corpus DIR)", file=sys.stderr)
        return 2
    groups = grouped(examples(args.corpus))
    train_sequences((seq for _, seq in groups), args.out)
    write_base_sequences(groups, args.out.with_name(BASE_SEQUENCES.name))
    segments = sum(len(y) for _, (_, y) in groups)
    print(f"trained {args.out} on {len(groups)} sequences ({segments} segments)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
