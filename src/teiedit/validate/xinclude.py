"""XInclude before validation: local files under the document's folder only, a refusal reported."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiedit.diagnostics import Diagnostic
from teiedit.xinclude import XI_NAMESPACES, IncludeRoot, OnRefusal, resolve

_INCLUDE_TAGS = tuple(f"{{{ns}}}include" for ns in XI_NAMESPACES)


def resolve_xincludes(tree: etree._ElementTree, doc: Path) -> list[Diagnostic]:
    """Replace xi:include by the included local files (under the document's folder only); never fetch.

    The rules are :mod:`teiedit.xinclude`'s, shared with ``teiedit import``; validation only chooses to
    report a refused include and go on, so that the rest of the document is still checked.
    """
    if next(tree.getroot().iter(*_INCLUDE_TAGS), None) is None:
        return []  # most documents have none: found in C, without walking the tree in Python
    scope = IncludeRoot(
        folder=Path(doc).resolve().parent,
        name="the document's folder",
        hint="move the included file into the document's folder (or a folder below it)",
    )
    return resolve(tree, Path(doc), scope, policy=OnRefusal.REPORT).diagnostics
