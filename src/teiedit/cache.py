"""Files teiedit derives and keeps between runs (compiled Schematron): private, keyed by content, checked.

A cache in a shared temporary folder is a place where another local user can plant code that teiedit
would run. So the cache lives in ``$TMPDIR/teiedit-<uid>/<kind>/``, created with mode 0700; a folder
that is not the current user's, or that others may write to, is not used (the value is made afresh each
time). A cached file that is not the current user's, or that others may write to, is used only when it
holds exactly what teiedit would make now (it is made again and compared).
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from teiedit.io import write_atomic


def current_uid() -> int:
    """The user the cache belongs to (a function, so that tests can play another user)."""
    return os.getuid()


def owner_of(path: Path) -> int:
    """The user a file belongs to (a function, so that tests can plant files of another user)."""
    return path.lstat().st_uid


def _private(path: Path) -> bool:
    """Whether ``path`` belongs to the current user and nobody else may write to it."""
    try:
        st = path.lstat()
        owner = owner_of(path)
    except OSError:
        return False
    if stat.S_ISLNK(st.st_mode):
        return False
    return owner == current_uid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def cache_folder(kind: str) -> Path | None:
    """``$TMPDIR/teiedit-<uid>/<kind>``, made private if new; None when it is not safely ours."""
    top = Path(tempfile.gettempdir()) / f"teiedit-{current_uid()}"
    folder = top / kind
    try:
        for p in (top, folder):
            p.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    for p in (top, folder):
        if not _private(p) or p.lstat().st_mode & 0o077:
            return None
    return folder


def key(*parts: bytes) -> str:
    """A content key: the SHA-256 of the parts (each length-prefixed, so that they cannot run together)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def cached(kind: str, name: str, make: Callable[[], bytes]) -> bytes:
    """The bytes ``make()`` gives, kept under ``name`` (a content key) in the private cache folder."""
    folder = cache_folder(kind)
    if folder is None:
        return make()
    path = folder / name
    if path.is_file() and not path.is_symlink():
        data = path.read_bytes()
        if _private(path):
            return data
        fresh = make()  # another user's file: used only if it is what teiedit makes
        if fresh != data:
            path.unlink(missing_ok=True)
            write_atomic(path, fresh)
        return fresh
    fresh = make()
    if path.is_symlink():
        path.unlink()
    write_atomic(path, fresh)
    return fresh
