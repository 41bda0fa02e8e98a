"""The mentions' anchors, texts and contexts of an edition's documents, kept on disk instead of in the
loaded edition: a SQLite file beside the record cache (teiedit/scan.py), or a private temporary one
when a command keeps no cache. The records hold each mention's entry only (teiedit/summary.py
``compact``); an entity page reads the contexts of the mentions it shows, document by document.

A document's rows are keyed by its record's key; the file says which code made them (a change to the
code that makes records makes them again), and only the records of the last build stay in it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from teiedit.summary import Context

#: Bump when what a row holds changes.
FORMAT = 1

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS record (key TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS mention (key TEXT NOT NULL, k INTEGER NOT NULL, anchor TEXT,"
    " text TEXT, before TEXT, after TEXT, PRIMARY KEY (key, k)) WITHOUT ROWID",
)


class MentionStore:
    """Contexts by record key and mention index (``k``: the mention's place in its summary)."""

    def __init__(self, path: Path | None, code: str) -> None:
        self.path = path
        self._db = self._open(path, f"{FORMAT} {code}")
        self.keys = {str(k) for (k,) in self._db.execute("SELECT key FROM record")}
        self._used: set[str] = set()

    @staticmethod
    def _open(path: Path | None, code: str) -> sqlite3.Connection:
        """The file at ``path`` (made again when it is damaged or was made by other code); ``None``: a
        private temporary file SQLite removes when it is closed."""
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        for attempt in (1, 2):
            db = sqlite3.connect(str(path) if path is not None else "")
            try:
                # a cache: a build killed mid-write leaves the last commit or nothing usable
                db.execute("PRAGMA synchronous = OFF")
                for statement in _SCHEMA:
                    db.execute(statement)
                found = db.execute("SELECT value FROM meta WHERE name = 'code'").fetchone()
                if found is None or found[0] != code:
                    db.execute("DELETE FROM mention")
                    db.execute("DELETE FROM record")
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('code', ?)", (code,))
                    db.commit()
                return db
            except sqlite3.DatabaseError:
                db.close()
                if path is None or attempt == 2:
                    raise
                path.unlink(missing_ok=True)  # damaged: its records are made again
        raise AssertionError("unreachable")

    def has(self, key: str) -> bool:
        """Whether the contexts of the record ``key`` are kept (its record may be used as it is)."""
        if key in self.keys:
            self._used.add(key)
            return True
        return False

    def put(self, key: str, contexts: list[Context]) -> None:
        """Keep the contexts of a new record (committed by :meth:`save`)."""
        self._db.execute("DELETE FROM mention WHERE key = ?", (key,))
        self._db.executemany(
            "INSERT INTO mention VALUES (?, ?, ?, ?, ?, ?)",
            ((key, k, *c) for k, c in enumerate(contexts)),
        )
        self._db.execute("INSERT OR IGNORE INTO record VALUES (?)", (key,))
        self.keys.add(key)
        self._used.add(key)

    def get(self, key: str, ks: Iterable[int]) -> dict[int, Context]:
        """The contexts of mentions ``ks`` of the record ``key``."""
        wanted = sorted(set(ks))
        if not wanted:
            return {}
        # each one by the primary key: an entry's few mentions of a long document, not its range
        marks = ",".join("?" * len(wanted))
        rows = self._db.execute(
            f"SELECT k, anchor, text, before, after FROM mention WHERE key = ? AND k IN ({marks})",
            (key, *wanted),
        )
        return {int(k): (a, t, b, f) for k, a, t, b, f in rows}

    def save(self, keep_only: bool) -> None:
        """Commit; with ``keep_only``, drop the records this build did not use first."""
        if keep_only:
            gone = self.keys - self._used
            self._db.executemany("DELETE FROM mention WHERE key = ?", ((k,) for k in gone))
            self._db.executemany("DELETE FROM record WHERE key = ?", ((k,) for k in gone))
            self.keys -= gone
        self._db.commit()

    def close(self) -> None:
        self._db.close()
