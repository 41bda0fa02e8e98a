"""Bring fresh conversions into a TEI folder: write them, merge them with hand edits, or keep the
editor's file; all of it as one transaction (see :mod:`teiedit.transaction`).

For each file a conversion gives:

- no file yet (or ``--force``): the fresh conversion is written;
- the file is the pure conversion teiedit last wrote (its base): the fresh conversion replaces it;
- the editor changed it: the three-way merge of base, file and fresh conversion is written (see
  :mod:`teiedit.merge`); places both changed keep the editor's reading and are listed as conflicts, and
  the base the merge started from is kept for ``teiedit resolve``;
- the editor changed it and teiedit has no base for it, or the versions cannot be merged: the file is
  kept and the fresh conversion written to ``.pending/``.

A file the editor renamed is found by its stamp and merged under its new name; outputs a source no longer
gives are removed unless edited by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from teiedit.io import sha256_bytes
from teiedit.merge import MergeRefused, merge_documents
from teiedit.stamp import Stamp, read_stamp, stamp, stamp_like
from teiedit.state import BASE_DIR, CONFLICTS_DIR, FileState, TeiState
from teiedit.transaction import Group, Remove, Skipped, Transaction, Write

PENDING_DIR = ".pending"


@dataclass
class Planned:
    """One source's fresh conversion: its documents as serialised TEI (not yet stamped)."""

    source: str  # the source's file name
    source_sha256: str
    payloads: list[tuple[str, bytes]]
    #: The source's own conversion fingerprint (its settings in teiedit.toml); "": the edition's.
    fingerprint: str = ""


@dataclass
class Outcome:
    """What happened to one source's files."""

    outputs: list[str] = field(default_factory=list)
    merged: list[dict[str, str]] = field(default_factory=list)
    kept: list[dict[str, str]] = field(default_factory=list)
    conflicts: list[dict[str, object]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


class Updater:
    """Plans the groups of one transaction over ``folder`` and commits them."""

    def __init__(self, folder: Path, state: TeiState, fingerprint: str, *, force: bool) -> None:
        self.folder = Path(folder)
        self.state = state
        self.fingerprint = fingerprint
        self.force = force
        self.txn = Transaction(self.folder)
        self._renamed: dict[tuple[str, str], str] | None = None
        self._group_source: dict[str, tuple[Outcome, str]] = {}

    def plan(self, planned: Planned) -> Outcome:
        outcome = Outcome()
        fresh_names = set()
        for name, data in planned.payloads:
            fresh_names.add(name)
            st = Stamp(
                name, planned.source, planned.source_sha256, planned.fingerprint or self.fingerprint
            )
            key = self._key(name, planned.source)
            self._one(key, stamp(data, st), st, outcome, renamed_from=name if key != name else "")
        for old in self.state.outputs_of(planned.source):
            doc = self.state.files[old].doc or old
            if doc not in fresh_names and old not in fresh_names:
                self._gone(old, outcome)
        return outcome

    def commit(self) -> list[Skipped]:
        skipped = self.txn.commit()
        for s in skipped:
            outcome, target = self._group_source.get(s.key, (Outcome(), ""))
            outcome.skipped.append(target)
            outcome.outputs = [o for o in outcome.outputs if o != target]
        return skipped

    # -- one file -------------------------------------------------------------------------------------

    def _key(self, name: str, source: str) -> str:
        """The file a document goes to: its own name, or the name the editor renamed it to."""
        if (self.folder / name).exists():
            return name
        if self._renamed is None:
            self._renamed = {}
            for path in sorted(self.folder.glob("*.xml")):
                st, _ = read_stamp(path.read_bytes()) if path.is_file() else (None, False)
                if st is not None and st.doc != path.name:
                    self._renamed.setdefault((st.source, st.doc), path.name)
        return self._renamed.get((source, name), name)

    def _one(
        self, key: str, fresh: bytes, st: Stamp, outcome: Outcome, *, renamed_from: str = ""
    ) -> None:
        target = self.folder / key
        shown = str(target)
        group = Group(key)
        self._group_source[key] = (outcome, shown)
        entry = self.state.files.get(key)
        mine = target.read_bytes() if target.is_file() else None
        conflicts: list[dict[str, object]] = []
        final = fresh
        if mine is not None and mine != fresh and not self.force:
            base = self.state.base_of(key, mine)
            if base is None and renamed_from:
                base = self.state.base_of(renamed_from, mine)
            if base is None:
                self._keep(group, key, fresh, outcome, adopt=True, mine=mine, st=st)
                return
            if mine != base:
                try:
                    merged = merge_documents(base, mine, fresh, path=shown)
                except MergeRefused as exc:
                    self._keep(group, key, fresh, outcome, reason=str(exc))
                    return
                final = stamp_like(merged.data, fresh) if merged.data != mine else mine
                # The stamp line is added when the editor's file had none: conflicts move down by it.
                shift = final.count(b"\n") - merged.data.count(b"\n")
                conflicts = [{**c.to_json(), "line": c.line + shift} for c in merged.conflicts]
                if final != mine:
                    outcome.merged.append({"file": shown, "conflicts": str(len(conflicts))})
                outcome.conflicts.extend({"file": shown, **c} for c in conflicts)
                if conflicts and not (entry and entry.conflicts):
                    group.writes.append(Write(f"{CONFLICTS_DIR}/{key}", base))
                if entry and entry.conflicts:
                    conflicts = _union(entry.conflicts, conflicts)
        if final != mine:
            group.writes.append(Write(key, final, _digest(mine)))
        group.writes.append(Write(f"{BASE_DIR}/{key}", fresh))
        if not conflicts:
            group.removes.append(Remove(f"{CONFLICTS_DIR}/{key}"))
        group.removes.append(Remove(f"{PENDING_DIR}/{key}"))
        group.entry = self._entry(final, fresh, st, conflicts).to_json()
        self.txn.add(group)
        outcome.outputs.append(shown)
        if renamed_from:
            self._forget(renamed_from)

    def _forget(self, name: str) -> None:
        """The state and base of a file the editor renamed (its conversions now go to the new name)."""
        group = Group(name, entry=None)
        group.removes += [Remove(f"{BASE_DIR}/{name}"), Remove(f"{CONFLICTS_DIR}/{name}")]
        self.txn.add(group)

    def _keep(
        self,
        group: Group,
        key: str,
        fresh: bytes,
        outcome: Outcome,
        *,
        reason: str = "",
        adopt: bool = False,
        mine: bytes = b"",
        st: Stamp | None = None,
    ) -> None:
        pending = f"{PENDING_DIR}/{key}"
        group.writes.append(Write(pending, fresh))
        if adopt and st is not None:
            # No record of the conversion the file came from: from now on the fresh conversion is its
            # base, so later conversions are merged into it (what differs now counts as the editor's).
            reason = (
                "teiedit has no record of the conversion this file came from, so it cannot tell your "
                "corrections from older conversion output; from now on conversions are merged into it"
            )
            group.writes.append(Write(f"{BASE_DIR}/{key}", fresh))
            group.entry = self._entry(mine, fresh, st, []).to_json()
        else:
            group.state = (
                False  # the file and its base stay as they are; the next build tries again
            )
        self.txn.add(group)
        outcome.kept.append(
            {
                "file": str(self.folder / key),
                "fresh_conversion": str(self.folder / pending),
                "reason": reason,
            }
        )

    def _gone(self, key: str, outcome: Outcome) -> None:
        """An output the source no longer gives: removed, unless the editor changed it."""
        if self.state.is_hand_edited(key) and not self.force:
            outcome.kept.append(
                {
                    "file": str(self.folder / key),
                    "fresh_conversion": "",
                    "reason": "the source no longer gives this document; your edited file is kept",
                }
            )
            return
        target = self.folder / key
        current = _digest(target.read_bytes()) if target.is_file() else None
        group = Group(key, entry=None)
        group.removes += [
            Remove(key, current),
            Remove(f"{BASE_DIR}/{key}"),
            Remove(f"{CONFLICTS_DIR}/{key}"),
            Remove(f"{PENDING_DIR}/{key}"),
        ]
        self._group_source[key] = (outcome, str(target))
        self.txn.add(group)
        outcome.removed.append(str(target))

    def _entry(
        self, final: bytes, fresh: bytes, st: Stamp, conflicts: list[dict[str, object]]
    ) -> FileState:
        return FileState(
            sha256=sha256_bytes(final),
            base_sha256=sha256_bytes(fresh),
            source=st.source,
            source_sha256=st.source_sha256,
            fingerprint=st.fingerprint,
            doc=st.doc,
            conflicts=conflicts,
        )


def _digest(data: bytes | None) -> str | None:
    return None if data is None else sha256_bytes(data)


def _union(old: list[dict[str, object]], new: list[dict[str, object]]) -> list[dict[str, object]]:
    """Unresolved conflicts of earlier merges and of this one, each once."""
    seen = {(c.get("where"), c.get("mine"), c.get("fresh")) for c in new}
    kept = [c for c in old if (c.get("where"), c.get("mine"), c.get("fresh")) not in seen]
    return kept + new
