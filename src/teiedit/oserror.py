"""Environment errors (disk full, read-only folder, no permission) as messages that name the path and
what to do, instead of an internal error."""

from __future__ import annotations

import errno
from pathlib import Path

from teiedit.diagnostics import TeieditError

_HINTS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: (
        "the disk is full",
        "free some space on the disk that holds this path and run again; files already there are "
        "unchanged (every file is written completely or not at all)",
    ),
    errno.EDQUOT: (
        "your disk quota is used up",
        "free some space (or ask for a larger quota) and run again; files already there are unchanged",
    ),
    errno.EROFS: (
        "the file system is read-only",
        "choose a folder on a writable disk (e.g. set [paths] out in teiedit.toml) or remount it "
        "read-write",
    ),
    errno.EACCES: (
        "permission denied",
        "make the folder writable (and the file readable) for your user, or choose another folder",
    ),
    errno.EPERM: (
        "the operation is not permitted",
        "make the folder writable for your user, or choose another folder",
    ),
    errno.ENOENT: ("no such file or folder", "check the path; a folder on the way may be missing"),
    errno.ENOTDIR: ("a part of the path is a file, not a folder", "check the path"),
    errno.EISDIR: ("this is a folder, not a file", "check the path"),
    errno.EMFILE: (
        "too many open files",
        "raise the limit of open files (ulimit -n) and run again",
    ),
}


#: Errors of writing: when an OSError names two paths (a copy, a rename), the second is the one written.
_WRITING = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}


def environment_error(exc: OSError, path: str | Path = "", doing: str = "") -> TeieditError:
    """A TeieditError for an OSError: what happened, on which path, and what to do."""
    # shutil's copies and os.replace put the file read in filename and the file written in filename2:
    # a full disk is the destination's, not the stylesheet's or the staged file's
    written = exc.filename2 if exc.errno in _WRITING else None
    where = written or exc.filename or path
    what, hint = _HINTS.get(
        exc.errno or 0,
        (exc.strerror or type(exc).__name__, "check the path and the disk, then run again"),
    )
    message = f"cannot {doing}: {what}" if doing else what
    return TeieditError(message, str(where) if where else "", hint=hint)
