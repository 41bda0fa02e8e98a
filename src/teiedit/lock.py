"""One teiedit at a time per TEI folder: a lock that a second build waits for, then names the holder of.

The lock is an advisory lock of the operating system on ``<tei>/.teiedit/lock`` (``flock``; on Windows
``msvcrt.locking``), so the system releases it when its process ends, however it ends: the lock of a
killed build is taken over at once, never left stale. The file also says who holds it (process id and
command), for the message the second build prints. A process may take the lock again while it holds it
(the build holds it and calls the conversion, which takes it too).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from teiedit.diagnostics import Progress, TeieditError
from teiedit.oserror import environment_error
from teiedit.state import OWN_DIR, OWN_GITIGNORE

LOCK_NAME = f"{OWN_DIR}/lock"
#: How long a second run waits for the first before giving up (seconds; TEIEDIT_LOCK_WAIT overrides).
DEFAULT_WAIT = 60.0
_held: dict[Path, tuple[IO[str], int]] = {}


def _try_lock(fh: IO[str]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""
    return text.splitlines()[0] if text else ""


def wait_seconds() -> float:
    """How long to wait for another run (TEIEDIT_LOCK_WAIT, in seconds; default 60)."""
    value = os.environ.get("TEIEDIT_LOCK_WAIT", "")
    try:
        return max(0.0, float(value)) if value else DEFAULT_WAIT
    except ValueError:
        raise TeieditError(
            f"TEIEDIT_LOCK_WAIT must be a number of seconds, not {value!r}",
            hint="unset it, or set it to e.g. 60",
        ) from None


@contextmanager
def folder_lock(
    folder: Path, *, wait: float | None = None, say: Progress | None = None
) -> Iterator[None]:
    """Hold the lock of a TEI folder; wait up to ``wait`` seconds for another holder, then exit 2."""
    folder = Path(folder).resolve()
    path = folder / LOCK_NAME
    if path in _held:
        fh, depth = _held[path]
        _held[path] = (fh, depth + 1)
        try:
            yield
        finally:
            _release(path)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        ignore = path.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text(OWN_GITIGNORE, encoding="utf-8")
        fh = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held beyond this block
    except OSError as exc:
        raise environment_error(exc, path, "take the lock of the TEI folder") from None
    limit = wait_seconds() if wait is None else wait
    deadline = time.monotonic() + limit
    told = False
    while not _try_lock(fh):
        if time.monotonic() >= deadline:
            fh.close()
            holder = _holder(path)
            raise TeieditError(
                f"another teiedit is working on this folder ({holder or 'process unknown'})",
                path,
                hint=f"wait for it to finish (waited {limit:g} s; TEIEDIT_LOCK_WAIT sets how long) "
                "or stop that process; its lock ends with it",
            )
        if say is not None and not told:
            say(f"waiting for {_holder(path) or 'another teiedit'} to finish")
            told = True
        time.sleep(0.1)
    fh.seek(0)
    fh.truncate()
    fh.write(f"pid {os.getpid()}: {' '.join([Path(sys.argv[0]).name, *sys.argv[1:3]])}\n")
    fh.flush()
    _held[path] = (fh, 1)
    try:
        yield
    finally:
        _release(path)


def _release(path: Path) -> None:
    fh, depth = _held[path]
    if depth > 1:
        _held[path] = (fh, depth - 1)
        return
    del _held[path]
    try:
        fh.seek(0)
        fh.truncate()
    except OSError:
        pass
    fh.close()  # closing the file releases the system's lock
