"""Register entries across an edition and its imported files that look like one thing under two ids."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from teiedit.registers import Entry


@dataclass
class Conflict:
    """Register entries that look like one thing under several ids, or one id for several things."""

    type: str  # same-authority | same-name | same-id
    kind: str
    key: str
    entries: list[Entry]

    def message(self) -> str:
        where = "; ".join(f"{e.id} ({e.name}) in {Path(e.file).name}" for e in self.entries[:6])
        more = f" and {len(self.entries) - 6} more" if len(self.entries) > 6 else ""
        what = {
            "same-authority": f"one {self.kind} under several ids (same authority identifier {self.key})",
            "same-name": f"possibly one {self.kind} under several ids (same name “{self.key}”)",
            "same-id": f"one id {self.key!r} used for different {self.kind}s (different authority identifiers)",
        }[self.type]
        return f"{what}: {where}{more}"

    def to_json(self) -> dict[str, object]:
        return {
            "type": self.type,
            "kind": self.kind,
            "key": self.key,
            "message": self.message(),
            "entries": [
                {"id": e.id, "name": e.name, "file": e.file, "line": e.line} for e in self.entries
            ],
        }


def find_conflicts(entries: list[Entry]) -> list[Conflict]:
    """Same authority identifier under different ids; same name under different ids; one id, two
    different authority identifiers. The same id with the same identity in several files is fine."""
    conflicts: list[Conflict] = []
    by_uri: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    by_name: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    by_id: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in entries:
        for _, uri in e.authority_uris():
            by_uri[(e.kind, uri)].append(e)
        if e.names:
            key = re.sub(r"[\W_]+", " ", e.names[0].casefold()).strip()
            if key:
                by_name[(e.kind, key)].append(e)
        by_id[(e.kind, e.id)].append(e)

    def distinct_ids(group: list[Entry]) -> list[Entry]:
        seen: dict[str, Entry] = {}
        for e in group:
            seen.setdefault(e.id, e)
        return list(seen.values())

    for (kind, uri), group in by_uri.items():
        ids = distinct_ids(group)
        if len(ids) > 1:
            conflicts.append(Conflict("same-authority", kind, uri, ids))
    flagged = {frozenset(e.id for e in c.entries) for c in conflicts}
    for (kind, _name), group in by_name.items():
        ids = distinct_ids(group)
        if len(ids) > 1 and frozenset(e.id for e in ids) not in flagged:
            conflicts.append(Conflict("same-name", kind, ids[0].name, ids))
    for (kind, ident), group in by_id.items():
        uri_sets = [frozenset(u for _, u in e.authority_uris()) for e in group]
        nonempty = {s for s in uri_sets if s}
        if len(nonempty) > 1 and not frozenset.intersection(*nonempty):
            firsts: dict[frozenset[str], Entry] = {}
            for e, s in zip(group, uri_sets, strict=True):
                if s:
                    firsts.setdefault(s, e)
            conflicts.append(Conflict("same-id", kind, ident, list(firsts.values())))
    return conflicts
