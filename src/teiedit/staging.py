"""Folders written as a whole: a staging folder beside the target, then files moved in (``staged_dir``)
or the folder swapped (``swapped_dir``); leftovers of killed runs are cleaned up on the next run.

Staging folders and temporary files carry the writer's process id (``.NAME.staging-PID-XXXX``,
``.NAME.PID.XXXX.tmp``), so that a later run removes only what dead processes left behind.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from teiedit.faults import checkpoint
from teiedit.io import output_path
from teiedit.oserror import environment_error

_STAGING = re.compile(
    r"^\.(?P<name>.+)\.(?P<kind>staging|old|complete)-(?P<pid>\d+)-(?P<tag>[^.]+)$"
)
_TMP = re.compile(r"^\..+\.(?P<pid>\d+)\.[^.]+\.tmp$")


def pid_alive(pid: int) -> bool:
    """True when a process with this id runs (or might: on doubt, say yes and leave its files alone)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - os.kill(pid, 0) would end the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _mkdtemp(target: Path, kind: str) -> Path:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return Path(
            tempfile.mkdtemp(prefix=f".{target.name}.{kind}-{os.getpid()}-", dir=target.parent)
        )
    except OSError as exc:
        raise environment_error(exc, target.parent, "create a folder") from None


def sweep_leftovers(target: Path) -> list[Path]:
    """Remove what killed runs left beside ``target`` and inside it; finish or undo a cut-off swap.

    Returns the paths removed (or restored), for tests and reports.
    """
    target = Path(target)
    done: list[Path] = []
    parent = target.parent
    if parent.is_dir():
        dead = [
            (m.group("kind"), p)
            for p in sorted(parent.iterdir())
            if (m := _STAGING.match(p.name))
            and m.group("name") == target.name
            and not pid_alive(int(m.group("pid")))
        ]
        if not target.exists():
            # A swap was cut off between its two renames: finish it, or put the old folder back.
            complete = [
                p for k, p in dead if k == "staging" and completed(p).exists() and p.is_dir()
            ]
            old = [p for k, p in dead if k == "old"]
            chosen = complete[0] if complete else (old[0] if old else None)
            if chosen is not None:
                os.replace(chosen, target)
                done.append(target)
        for _, p in dead:
            if p.is_dir():
                shutil.rmtree(p, ignore_errors=True)
                done.append(p)
            elif p.exists():
                p.unlink(missing_ok=True)
                done.append(p)
    for folder in (parent, target):
        if not folder.is_dir():
            continue
        for p in sorted(folder.iterdir()):
            m = _TMP.match(p.name)
            if m and p.is_file() and not pid_alive(int(m.group("pid"))):
                p.unlink(missing_ok=True)
                done.append(p)
    return done


def completed(staging: Path) -> Path:
    """The marker, beside a staging folder, that says every file is in it (its swap may be finished)."""
    return staging.with_name(staging.name.replace(".staging-", ".complete-", 1))


def sweep_temporary_files(folder: Path) -> list[Path]:
    """Remove the temporary files of atomic writes that dead processes left anywhere in ``folder``."""
    done: list[Path] = []
    if not Path(folder).is_dir():
        return done
    for p in sorted(Path(folder).rglob("*.tmp")):
        m = _TMP.match(p.name)
        if m and p.is_file() and not pid_alive(int(m.group("pid"))):
            p.unlink(missing_ok=True)
            done.append(p)
    return done


def _only(folder: Path, suffix: str) -> bool:
    """True when ``folder`` holds only files ending in ``suffix`` (hidden files aside), no folders."""
    return all(
        p.name.startswith(".") or (p.is_file() and p.name.endswith(suffix))
        for p in folder.iterdir()
    )


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


@contextmanager
def staged_dir(target: Path) -> Iterator[Path]:
    """Yield a staging folder beside ``target``; on success its files are moved into ``target``.

    A failed build leaves ``target`` as it was; a killed one leaves every file in ``target`` old or new
    (each is moved in by one rename), and its staging folder is removed by the next run.
    """
    target = Path(target)
    sweep_leftovers(target)
    tmp = _mkdtemp(target, "staging")
    try:
        yield tmp
        try:
            target.mkdir(parents=True, exist_ok=True)
            for src in _files(tmp):
                dst = output_path(target, src.relative_to(tmp))  # never outside the folder
                dst.parent.mkdir(parents=True, exist_ok=True)
                checkpoint(f"move {dst}")
                os.replace(src, dst)
                checkpoint(f"moved {dst}")
        except OSError as exc:
            raise environment_error(exc, target, "write into the folder") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@contextmanager
def swapped_dir(target: Path, keep: str = ".pdf") -> Iterator[Path]:
    """Yield a staging folder; on success it replaces ``target`` as a whole (old or new, never mixed).

    Only a folder that holds nothing but files with the ``keep`` suffix (the builder's own outputs, e.g.
    ``.pdf``) is swapped: a folder with anything else in it (someone's own files) is never renamed, its
    new files are moved in one by one instead. Files of ``target`` that the staging folder does not have
    are linked (or copied) into it first, so nothing in the folder is lost. A run killed between the two
    renames of the swap is finished (or undone) by ``sweep_leftovers`` in the next run.
    """
    target = Path(target).resolve()
    if target.is_dir() and not _only(target, keep):
        with staged_dir(target) as tmp:
            yield tmp
        return
    sweep_leftovers(target)
    tmp = _mkdtemp(target, "staging")
    try:
        yield tmp
        try:
            if target.is_dir():
                for src in _files(target):
                    dst = tmp / src.relative_to(target)
                    if dst.exists():
                        continue
                    dst.parent.mkdir(parents=True, exist_ok=True)
                    try:
                        os.link(src, dst)
                    except OSError:
                        shutil.copy2(src, dst)
            marker = completed(tmp)
            marker.write_bytes(b"")
            old = None
            if target.exists():
                old = tmp.with_name(tmp.name.replace(".staging-", ".old-", 1))
                checkpoint(f"swap out {target}")
                os.replace(target, old)
            checkpoint(f"swap in {target}")
            os.replace(tmp, target)
            checkpoint(f"swapped {target}")
            marker.unlink(missing_ok=True)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        except OSError as exc:
            raise environment_error(exc, target, "write into the folder") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
