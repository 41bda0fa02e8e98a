"""XInclude for ``teiedit import``: the shared resolver (:mod:`teiedit.xinclude`) with the import's policy.

An import stops a file at the first include it refuses (a remote href, a target outside the folder being
imported, a cycle, …): the file is refused with that reason and nothing of it is stored. The rules
themselves live in :mod:`teiedit.xinclude`, shared with validation.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiedit.xinclude import (
    MAX_DEPTH,
    IncludeRoot,
    OnRefusal,
    XIncludeResult,
    has_xincludes,
    resolve,
)

__all__ = ["XIncludeResult", "has_xincludes", "resolve_xincludes"]


def resolve_xincludes(
    tree: etree._ElementTree, path: Path, root: Path, *, max_depth: int = MAX_DEPTH
) -> XIncludeResult:
    """Replace every xi:include of ``tree`` (read from ``path``) in place; raise TeieditError on refusal.

    Included files must lie under ``root``, the folder being imported (or ``--include-root``).
    """
    scope = IncludeRoot(
        folder=Path(root),
        name="the folder being imported",
        hint="import a folder that contains both files (or pass --include-root)",
    )
    return resolve(tree, path, scope, policy=OnRefusal.STOP, max_depth=max_depth)
