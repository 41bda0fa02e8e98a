"""Retrain the labeller for one edition from its own corrected TEI (``teiedit train``).

Every source of the edition that has TEI in ``tei/`` is labelled from that TEI (``from_tei``): the roles
an editor gave the blocks by correcting the TEI become the labels. Those examples (with their variants
in other line disciplines, and weighted so that the edition's own layouts count) are trained together
with the sequences the shipped model was trained on (``base-sequences.json.gz``: features and labels,
no text), and the model is written into the edition (``model/labeller.crfsuite``), which conversion
then prefers over the shipped one. Deterministic: the same TEI gives the same model bytes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from teiedit.config import Edition
from teiedit.diagnostics import TeieditError
from teiedit.readers.cascade.examples import sequence, variants
from teiedit.readers.cascade.from_tei import examples_from
from teiedit.readers.cascade.model import EDITION_MODEL
from teiedit.readers.cascade.train import read_base_sequences, train_sequences
from teiedit.state import TeiState

#: How many times an edition's own sequence counts beside one of the base data: an editor's correction
#: of a layout must outweigh what the base data says about layouts like it.
EDITION_WEIGHT = 10


@dataclass
class Retrained:
    """What ``teiedit train`` did, for its summary."""

    model: Path
    sources: list[str] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)
    base_sequences: int = 0


def retrain_edition(
    edition: Edition, *, with_base: bool = True, all_documents: bool = False
) -> Retrained:
    """Train the edition's labeller from its sources and TEI; write it to ``<root>/model/``.

    By default only the documents the editor corrected by hand teach it (a conversion nobody looked at
    would only teach the model its own mistakes); ``all_documents`` takes every TEI document.
    """
    state = TeiState.load(edition.tei)
    only = None if all_documents else {n for n in state.files if state.is_hand_edited(n)}
    own = list(examples_from(edition.sources, edition.tei, only=only))
    if not own:
        raise TeieditError(
            "no corrected TEI to learn from"
            if not all_documents
            else "no source of this edition has TEI to learn from",
            edition.tei,
            hint="correct the TEI of a converted source by hand (or give --all), then train",
        )
    out = Retrained(model=edition.root / EDITION_MODEL, sources=[ex.name for ex in own])
    seqs = []
    for ex in own:
        for variant in (ex, *variants(ex)):
            xseq, yseq = sequence(variant)
            seqs.extend([(xseq, yseq)] * EDITION_WEIGHT)
        out.labels.update(lab for _, _, lab in ex.spans)
    if with_base:
        base = read_base_sequences()
        out.base_sequences = len(base)
        seqs.extend(seq for _, seq in base)
    train_sequences(seqs, out.model)
    return out
