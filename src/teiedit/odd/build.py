"""Compile an ODD file into the files of schema/build/."""

from __future__ import annotations

from pathlib import Path

from teiedit.io import write_atomic
from teiedit.odd.model import load_odd
from teiedit.odd.rng import odd_to_rng


def compile_odd(odd_path: Path, out_dir: Path) -> list[Path]:
    """Write ``<ident>.rng`` for the ODD's schemaSpec; returns the files written."""
    odd = load_odd(odd_path)
    rng = Path(out_dir) / f"{odd.ident}.rng"
    write_atomic(rng, odd_to_rng(odd))
    return [rng]
