"""teiedit's own ODD compiler: a pure ODD customisation to RELAX NG (and, later, XSD, Schematron, docs)."""

from __future__ import annotations

from teiedit.odd.model import OddSchema, load_odd
from teiedit.odd.rng import odd_to_rng

__all__ = ["OddSchema", "load_odd", "odd_to_rng"]
