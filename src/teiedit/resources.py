"""Where teiedit's own stylesheets and schema live: in the edition's repository checkout, or packaged."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent
_REPO = _PKG.parent.parent  # src/teiedit -> repository root (editable or source checkout)


def _first(*candidates: Path) -> Path:
    for c in candidates:
        if c.is_dir():
            return c
    return candidates[0]


def xslt_dir() -> Path:
    return _first(_REPO / "xslt", _PKG / "data" / "xslt")


def css_dir() -> Path:
    return xslt_dir() / "css"


def schema_dir() -> Path:
    return _first(_REPO / "schema", _PKG / "data" / "schema")
