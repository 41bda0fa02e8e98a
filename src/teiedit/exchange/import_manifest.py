"""``tei/imported/manifest.json``: the names imported files keep, read back on the next import."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
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


class NameAssigner:
    """Gives each imported file its name in ``target``, one file at a time, in input order.

    A file imported before keeps its name; a new one gets a safe name not yet taken by the manifest,
    by a file already in ``target`` (as it was before this import) or by an earlier file of the batch.
    """

    def __init__(self, earlier: dict[str, dict[str, object]], target: Path) -> None:
        self._by_source = {str(e.get("source")): n for n, e in earlier.items()}
        # taken now, before this import writes anything: its own writes are in _taken via name()
        self._taken = (
            set(earlier) | {p.name for p in target.glob("*.xml")}
            if target.is_dir()
            else set(earlier)
        )

    def name(self, item: ImportedFile) -> None:
        """Set ``item.name`` (only for a file that was read as a TEI document)."""
        if item.tree is None:
            return
        known = self._by_source.get(str(item.source))
        if known:
            item.name = known
            return
        name, i = stored_name(item.source.name), 2
        base = name.removesuffix(".xml")
        while name in self._taken:
            name, i = f"{base}-{i}.xml", i + 1
        self._taken.add(name)
        item.name = name


def manifest_text(
    about: str, files: Iterable[dict[str, object]], conflicts: list[dict[str, object]]
) -> str:
    """The manifest as ``json.dumps`` with ``indent=2`` writes it, built one file entry at a time.

    Dumping the whole document at once holds every entry's dict and a fragment string for every
    value together: on a corpus of thousands of files that, not the files, was the peak of import.
    """

    def dumped(value: object, level: int) -> str:
        # JSON strings never hold a raw newline, so indenting every line nests the text exactly
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)

    entries = ["    " + dumped(entry, 2) for entry in files]
    files_text = "[\n" + ",\n".join(entries) + "\n  ]" if entries else "[]"
    return (
        '{\n  "about": '
        + json.dumps(about, ensure_ascii=False)
        + ',\n  "files": '
        + files_text
        + ',\n  "conflicts": '
        + dumped(conflicts, 1)
        + "\n}\n"
    )
