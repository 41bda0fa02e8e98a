"""XInclude before validation: local files under the document's folder only, a refusal reported."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiedit.diagnostics import Diagnostic
from teiedit.xinclude import IncludeRoot, OnRefusal, resolve


def resolve_xincludes(tree: etree._ElementTree, doc: Path) -> list[Diagnostic]:
    """Replace xi:include by the included local files (under the document's folder only); never fetch.

    The rules are :mod:`teiedit.xinclude`'s, shared with ``teiedit import``; validation only chooses to
    report a refused include and go on, so that the rest of the document is still checked.
    """
    scope = IncludeRoot(
        folder=Path(doc).resolve().parent,
        name="the document's folder",
        hint="move the included file into the document's folder (or a folder below it)",
    )
    return resolve(tree, Path(doc), scope, policy=OnRefusal.REPORT).diagnostics
