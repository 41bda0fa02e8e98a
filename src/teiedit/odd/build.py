"""Compile an ODD file into the files of schema/build/: RELAX NG, ISO Schematron, XML Schema, HTML reference."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from teiedit.io import write_atomic
from teiedit.odd.model import OddSchema, load_odd
from teiedit.odd.rng import odd_to_rng
from teiedit.odd.schematron import odd_to_schematron


def _outputs() -> dict[str, Callable[[OddSchema], bytes]]:
    out: dict[str, Callable[[OddSchema], bytes]] = {"rng": odd_to_rng, "sch": odd_to_schematron}
    try:
        from teiedit.odd.xsd import odd_to_xsd

        out["xsd"] = odd_to_xsd
    except ImportError:  # pragma: no cover - while the XSD writer is not there
        pass
    try:
        from teiedit.odd.reference import odd_to_html

        out["html"] = odd_to_html
    except ImportError:  # pragma: no cover
        pass
    return out


def compiled_files(odd: OddSchema) -> dict[str, bytes]:
    """suffix -> bytes of every compiled output, in a fixed order."""
    return {suffix: make(odd) for suffix, make in _outputs().items()}


def compile_odd(odd_path: Path, out_dir: Path) -> list[Path]:
    """Write ``<ident>.rng``, ``.sch`` (and ``.xsd``, ``.html``) for the ODD's schemaSpec; returns the files."""
    odd = load_odd(odd_path)
    files = compiled_files(odd)  # all compiled before any is written: no half-updated build folder
    written = []
    for suffix, data in files.items():
        target = Path(out_dir) / f"{odd.ident}.{suffix}"
        write_atomic(target, data)
        written.append(target)
    return written
