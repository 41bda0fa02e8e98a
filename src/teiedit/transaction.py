"""Writing a TEI folder as one transaction: the files, their bases and the state, all or nothing.

Every new file is first written (and synced) into ``<tei>/.teiedit/txn/``; then the journal
``txn/journal.json`` is written atomically: that is the commit. The staged files are then moved into
place one by one, the state file is updated, and the journal removed. A run killed before the commit
leaves the folder as it was (the next run removes ``txn/``); one killed after it is finished by the next
run (``recover``), from the journal and the files' checksums.

Files are grouped per document. Before a group is applied, each target is checked against the checksum
it had when the run planned the write: a file someone changed since (an editor saving while teiedit
works, or after a crash) is never overwritten; its group is skipped whole and reported.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from teiedit.faults import checkpoint
from teiedit.io import fsync_dir, sha256_bytes, write_atomic, write_text_atomic
from teiedit.oserror import environment_error
from teiedit.state import OWN_DIR, OWN_GITIGNORE, write_entries

TXN_DIR = f"{OWN_DIR}/txn"
JOURNAL = "journal.json"
#: ``expect`` of a write that is never checked (teiedit's own files: bases, pending conversions).
ANY = "*"


@dataclass
class Write:
    """Put ``data`` at ``path`` (relative to the folder). ``expect``: the SHA-256 the target must
    still have, None when it must not exist, ANY when it is not checked."""

    path: str
    data: bytes
    expect: str | None = ANY


@dataclass
class Remove:
    path: str
    expect: str | None = ANY


@dataclass
class Group:
    """What one document changes: files written and removed, and its state entry (None: removed)."""

    key: str
    writes: list[Write] = field(default_factory=list)
    removes: list[Remove] = field(default_factory=list)
    entry: dict[str, object] | None = None
    state: bool = True  # whether the group touches the state file at all


@dataclass
class Skipped:
    key: str
    path: str


class Transaction:
    """Collects groups, then commits them (see the module docstring)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.groups: list[Group] = []

    def add(self, group: Group) -> None:
        self.groups.append(group)

    def commit(self) -> list[Skipped]:
        """Stage, commit and apply every group; returns the groups skipped because a target changed."""
        if not self.groups:
            return []
        txn = self.folder / TXN_DIR
        if txn.exists():
            shutil.rmtree(txn)
        _own_dir(self.folder)
        journal: list[dict[str, object]] = []
        n = 0
        for group in self.groups:
            writes = []
            for w in group.writes:
                n += 1
                write_atomic(txn / f"{n}.staged", w.data)
                writes.append(
                    {
                        "path": w.path,
                        "staged": f"{n}.staged",
                        "sha256": sha256_bytes(w.data),
                        "expect": w.expect,
                    }
                )
            journal.append(
                {
                    "key": group.key,
                    "writes": writes,
                    "removes": [{"path": r.path, "expect": r.expect} for r in group.removes],
                    "entry": group.entry,
                    "state": group.state,
                }
            )
        write_text_atomic(txn / JOURNAL, json.dumps({"groups": journal}, indent=1) + "\n")
        fsync_dir(txn)
        return _apply(self.folder, journal)


def recover(folder: Path) -> list[Skipped] | None:
    """Finish a committed transaction a killed run left, or drop an uncommitted one.

    Returns None when there was nothing to recover, else the groups skipped (see ``Transaction``).
    """
    txn = Path(folder) / TXN_DIR
    if not txn.is_dir():
        return None
    try:
        data = json.loads((txn / JOURNAL).read_text(encoding="utf-8"))
        journal = [g for g in data["groups"] if isinstance(g, dict)]
    except (OSError, ValueError, KeyError, TypeError):
        shutil.rmtree(txn, ignore_errors=True)  # never committed: the folder is as it was
        return []
    return _apply(Path(folder), journal)


def _sha(path: Path) -> str | None:
    try:
        return sha256_bytes(path.read_bytes()) if path.is_file() else None
    except OSError:
        return None


def _ready(folder: Path, group: dict[str, object]) -> str:
    """'' when every target of the group is as planned (or already done), else the first that is not."""
    for w in _items(group, "writes"):
        current = _sha(folder / str(w["path"]))
        if w["expect"] != ANY and current not in (w["expect"], w["sha256"]):
            return str(w["path"])
    for r in _items(group, "removes"):
        current = _sha(folder / str(r["path"]))
        if r["expect"] != ANY and current not in (r["expect"], None):
            return str(r["path"])
    return ""


def _items(group: dict[str, object], key: str) -> list[dict[str, object]]:
    items = group.get(key)
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _apply(folder: Path, journal: list[dict[str, object]]) -> list[Skipped]:
    txn = folder / TXN_DIR
    skipped: list[Skipped] = []
    changes: dict[str, dict[str, object] | None] = {}
    try:
        for group in journal:
            changed = _ready(folder, group)
            if changed:
                skipped.append(Skipped(str(group["key"]), changed))
                continue
            for w in _items(group, "writes"):
                staged, target = txn / str(w["staged"]), folder / str(w["path"])
                if staged.is_file():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    checkpoint(f"apply {target}")
                    os.replace(staged, target)
                    checkpoint(f"applied {target}")
            for r in _items(group, "removes"):
                checkpoint(f"remove {folder / str(r['path'])}")
                (folder / str(r["path"])).unlink(missing_ok=True)
            if group.get("state", True):
                entry = group.get("entry")
                changes[str(group["key"])] = entry if isinstance(entry, dict) else None
        fsync_dir(folder)
        if changes:
            write_entries(folder, changes)
        checkpoint(f"committed {folder}")
        (txn / JOURNAL).unlink(missing_ok=True)
    except OSError as exc:
        raise environment_error(exc, folder, "write the TEI folder") from None
    shutil.rmtree(txn, ignore_errors=True)
    return skipped


def _own_dir(folder: Path) -> None:
    """Create teiedit's own folder with a .gitignore for what is never committed (lock, txn/)."""
    own = folder / OWN_DIR
    own.mkdir(parents=True, exist_ok=True)
    ignore = own / ".gitignore"
    if not ignore.is_file():
        write_text_atomic(ignore, OWN_GITIGNORE)
