"""Where teiedit's own stylesheets and schema live: in the repository checkout, or inside the installed package.

Editors edit ``xslt/`` and ``schema/`` at the top of the repository, so a checkout (``PYTHONPATH=src``) and an
editable install (``pip install -e .``, whose package is still ``<checkout>/src/teiedit``) read them there. A
wheel carries copies as ``teiedit/data/xslt`` and ``teiedit/data/schema`` (put there by setup.py's build_py),
and an installed teiedit reads only those: it never guesses at folders two levels above site-packages.
"""

from __future__ import annotations

from pathlib import Path

from teiedit.diagnostics import TeieditError

_PKG = Path(__file__).resolve().parent
_REPO = _PKG.parent.parent  # src/teiedit -> repository root, when this package is a checkout's
_DATA = _PKG / "data"


def in_checkout() -> bool:
    """True when this package is ``<repo>/src/teiedit`` of a teiedit source checkout (also editable)."""
    return (
        _PKG.parent.name == "src"
        and (_REPO / "pyproject.toml").is_file()
        and (_REPO / "xslt").is_dir()
        and (_REPO / "schema").is_dir()
    )


def _resource(name: str) -> Path:
    """The folder ``name`` (xslt or schema) of the checkout, or the packaged copy of an installed teiedit."""
    folder = _REPO / name if in_checkout() else _DATA / name
    if not folder.is_dir():
        raise TeieditError(
            f"teiedit's {name} folder is missing from this installation",
            folder,
            hint="reinstall teiedit from a wheel built with `pip wheel .` in its repository, "
            "or run it from a checkout",
        )
    return folder


def xslt_dir() -> Path:
    """The stylesheets (html/, print/, common/) with the site's css/ and js/."""
    return _resource("xslt")


def css_dir() -> Path:
    return xslt_dir() / "css"


def schema_dir() -> Path:
    """The ODD (teiedit.odd) and its compiled forms in build/ (RNG, XSD, Schematron, HTML reference)."""
    return _resource("schema")
