"""Storing an imported file again: never over the editor's corrections.

Each import keeps what it stored as the file's base (``tei/imported/.teiedit/base/``). When the file in
``tei/imported/`` differs from its base, the editor corrected it: a new import of the same source is
merged into it (three-way, see :mod:`teiedit.merge`), places both changed keep the editor's reading and
are reported as conflicts. A corrected file without a base (imported before bases were kept), or one the
merge cannot handle, is kept, and the new import written to ``tei/imported/.pending/``.
"""

from __future__ import annotations

from pathlib import Path

from teiedit.exchange.import_report import ImportedFile
from teiedit.io import output_path, sha256_bytes, write_atomic
from teiedit.merge import MergeRefused, merge_documents
from teiedit.state import BASE_DIR

PENDING_DIR = ".pending"


def store(
    item: ImportedFile, target: Path, stored: bytes, earlier: dict[str, object] | None
) -> None:
    """Write ``stored`` as ``target/item.name`` (merged with corrections), setting the item's status."""
    # names come from the manifest and the inputs: never a path outside the import folder
    dest, base_path = output_path(target, item.name), output_path(target / BASE_DIR, item.name)
    item.stored_sha256 = sha256_bytes(stored)
    if not dest.is_file():
        _write(dest, base_path, stored, stored)
        item.status = "imported"
        return
    mine = dest.read_bytes()
    if mine == stored:
        if not base_path.is_file():
            write_atomic(base_path, stored)
        item.status = "unchanged"
        return
    base = base_path.read_bytes() if base_path.is_file() else None
    known = str((earlier or {}).get("stored_sha256", ""))
    if base is None and known == sha256_bytes(mine):
        base = mine  # the file is what the last import stored: no correction
    if base == mine:
        _write(dest, base_path, stored, stored)
        item.status = "imported"
        return
    if base is not None:
        try:
            merged = merge_documents(base, mine, stored, path=str(dest))
        except MergeRefused as exc:
            _keep(
                item, target, stored, f"your corrections and the new import cannot be merged: {exc}"
            )
            return
        _write(dest, base_path, merged.data, stored)
        item.status = "merged"
        item.merge_conflicts = [c.to_json() for c in merged.conflicts]
        n = len(merged.conflicts)
        item.reason = (
            f"merged your corrections with the new import ({n} conflict{'s' if n != 1 else ''}; "
            "your readings kept)"
        )
        return
    _keep(
        item,
        target,
        stored,
        "the file was corrected by hand and teiedit has no record of the import it came from; "
        "later imports are merged into it",
    )
    write_atomic(base_path, stored)  # from now on the new import is the base of later merges


def _write(dest: Path, base_path: Path, data: bytes, base: bytes) -> None:
    # The file first, then its base: a crash between leaves an old base, and the next merge from it
    # sees the same changes on both sides (no conflict).
    if not dest.is_file() or dest.read_bytes() != data:
        write_atomic(dest, data)
    write_atomic(base_path, base)


def _keep(item: ImportedFile, target: Path, stored: bytes, reason: str) -> None:
    pending = target / PENDING_DIR / item.name
    write_atomic(pending, stored)
    item.status = "kept"
    item.reason = f"{reason}; the new import is in {pending}"
