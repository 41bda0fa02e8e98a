"""``tei/imported/manifest.json``: the names imported files keep, read back on the next import."""

from __future__ import annotations

import json
import re
from pathlib import Path

from teiedit.diagnostics import TeieditError
from teiedit.exchange.import_report import ImportedFile
from teiedit.imported_registers import stored_name

MANIFEST = "manifest.json"
#: What a stored file may be called: a plain name in ``tei/imported/``, never a path.
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.xml")


def load_manifest(target_dir: Path) -> dict[str, dict[str, object]]:
    """Earlier imports by name; a damaged manifest is an error (it must not be silently replaced)."""
    path = target_dir / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = {str(e["name"]): e for e in data.get("files", []) if e.get("name")}
    except (ValueError, KeyError, AttributeError, TypeError):
        raise TeieditError(
            "the import manifest is damaged",
            path,
            hint="restore it from version control, or remove it to start afresh",
        ) from None
    for name in entries:
        if not SAFE_NAME.fullmatch(name):
            raise TeieditError(
                f"the import manifest names {name!r}, which is not a plain file name in "
                f"{target_dir.name}/ (a manifest that names paths could make teiedit write elsewhere)",
                path,
                hint="restore the manifest from version control, or remove that entry",
            )
    return entries


def assign_names(
    items: list[ImportedFile], earlier: dict[str, dict[str, object]], target: Path
) -> None:
    by_source = {str(e.get("source")): n for n, e in earlier.items()}
    taken = (
        set(earlier) | {p.name for p in target.glob("*.xml")} if target.is_dir() else set(earlier)
    )
    for item in items:
        if item.tree is None:
            continue
        known = by_source.get(str(item.source))
        if known:
            item.name = known
            continue
        name, i = stored_name(item.source.name), 2
        base = name.removesuffix(".xml")
        while name in taken:
            name, i = f"{base}-{i}.xml", i + 1
        taken.add(name)
        item.name = name
