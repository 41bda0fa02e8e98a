"""Settle the conflicts of a merge: keep the editor's readings, or take the fresh conversion's."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from teiedit.diagnostics import TeieditError
from teiedit.io import sha256_bytes
from teiedit.lock import folder_lock
from teiedit.merge import MergeRefused, merge_documents
from teiedit.stamp import stamp_like
from teiedit.state import BASE_DIR, CONFLICTS_DIR, TeiState
from teiedit.transaction import Group, Remove, Transaction, Write, recover


def resolve(path: Path, take: Literal["mine", "fresh"]) -> int:
    """Resolve the recorded conflicts of the TEI file ``path``; returns how many there were.

    ``mine`` keeps the file as it is and forgets the conflicts; ``fresh`` merges again from the base the
    conflicting merge started from, with the fresh conversion's reading wherever both changed a place
    (every other hand edit stays).
    """
    path = Path(path)
    if not path.is_file():
        raise TeieditError(
            "no such file", path, hint="name a TEI file of the edition's tei/ folder"
        )
    folder, name = path.parent, path.name
    with folder_lock(folder):
        recover(folder)
        state = TeiState.load(folder)
        entry = state.files.get(name)
        before = state.conflicts_path(name)
        if entry is None or (not entry.conflicts and not before.is_file()):
            raise TeieditError(
                "teiedit has no conflicts recorded for this file",
                path,
                hint="`teiedit build` lists the conflicts of each merge; there is nothing to resolve",
            )
        count = len(entry.conflicts)
        mine = path.read_bytes()
        group = Group(name)
        group.removes.append(Remove(f"{CONFLICTS_DIR}/{name}"))
        entry.conflicts = []
        if take == "fresh":
            base, fresh = before.read_bytes(), (folder / BASE_DIR / name).read_bytes()
            try:
                merged = merge_documents(base, mine, fresh, prefer="fresh", path=str(path))
            except MergeRefused as exc:
                raise TeieditError(
                    f"cannot take the fresh conversion's readings: {exc}",
                    path,
                    hint="edit the file by hand, or run `teiedit build --force` to overwrite it",
                ) from None
            final = stamp_like(merged.data, fresh)
            if final != mine:
                group.writes.append(Write(name, final, sha256_bytes(mine)))
            entry.sha256 = sha256_bytes(final)
        group.entry = entry.to_json()
        txn = Transaction(folder)
        txn.add(group)
        if txn.commit():
            raise TeieditError(
                "the file changed while teiedit was resolving it; nothing was changed",
                path,
                hint="run the command again",
            )
        return count
