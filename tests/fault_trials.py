"""Fault injection on a whole build: kill it at a write point (TEIEDIT_FAULT_AT) or after a random delay
(SIGKILL), then check that every file of tei/ and out/ is its old or its new complete version, and that
the next build converges to exactly what a clean build writes.

The scenario is the mini edition built once (the old state), then changed the way an editor changes an
edition between two builds: a source edited, a source added, a source removed (its TEI stays), a TEI file
corrected by hand (so the build merges). Used by tests/test_faults.py (a bounded number of trials) and by
benchmarks/faults.py (as many as asked).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOTS = Path(__file__).resolve().parent / "roots"
REPO = Path(__file__).resolve().parent.parent
FIXED_EPOCH = "1767225600"
#: What a killed run may leave that the next run cleans up (not part of the edition's files).
_LEFTOVER = re.compile(
    r"(^|/)\.teiedit/(lock|txn(/.*)?)$|(^|/)\.[^/]+\.(staging|old|complete)-\d+-[^/]+(/.*)?$|\.\d+\.[^/.]+\.tmp$"
)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of tei/ and out/ (paths relative to the edition), leftovers excluded."""
    found: dict[str, bytes] = {}
    for top in ("tei", "out"):
        for path in sorted((root / top).rglob("*")):
            rel = path.relative_to(root).as_posix()
            if path.is_file() and not _LEFTOVER.search(rel):
                found[rel] = path.read_bytes()
    return found


def leftovers(root: Path) -> list[str]:
    """Files and folders a killed run left behind (the lock file excepted: it stays, unlocked)."""
    return sorted(
        rel
        for top in ("tei", "out")
        for path in (root / top).rglob("*")
        if _LEFTOVER.search(rel := path.relative_to(root).as_posix())
        and not rel.endswith(".teiedit/lock")
    )


def build(root: Path, *, pdf: bool, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-m", "teiedit", "build"] + ([] if pdf else ["--no-pdf"])
    full = {k: v for k, v in os.environ.items() if not k.startswith("TEIEDIT_FAULT_")}
    full |= {"SOURCE_DATE_EPOCH": FIXED_EPOCH, **(env or {})}
    return subprocess.Popen(
        args,
        cwd=root,
        env=full,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: what outlives it can be found and ended
    )


def run_build(root: Path, *, pdf: bool, env: dict[str, str] | None = None) -> tuple[int, str]:
    proc = build(root, pdf=pdf, env=env)
    _, err = proc.communicate(timeout=600)
    return proc.returncode, err.decode("utf-8", "replace")


def crash_build(root: Path, *, pdf: bool, at: int) -> int:
    """A build stopped at write point ``at``, run in a child forked from this process: its Python and
    teiedit's imports, schemas and stylesheets are already loaded (``run_build`` paid them on each trial),
    and ``os._exit`` at the point ends the child alone, as it ends a build started from the shell."""
    from teiedit import faults
    from teiedit.builders import rendering
    from teiedit.cli import main

    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 3
        try:
            for k in [k for k in os.environ if k.startswith("TEIEDIT_FAULT_")]:
                del os.environ[k]
            os.environ |= {"SOURCE_DATE_EPOCH": FIXED_EPOCH, "TEIEDIT_FAULT_AT": str(at)}
            faults._count = 0  # the points of this build only, as in a fresh process
            # A fresh process writes the processing model's stylesheets into a private folder of its
            # own (4 write points); this one would find them there, already written by this process.
            rendering._folder = Path(tempfile.mkdtemp(prefix="teiedit-pm-", dir=root.parent))
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.chdir(root)
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                code = main(["build"] + ([] if pdf else ["--no-pdf"]))
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def next_build(root: Path, *, pdf: bool) -> tuple[int, str]:
    """The build after a crash, run in this process: a plain build (no fault injected), like
    ``run_build``'s without a Python start-up and teiedit's imports for each trial."""
    from teiedit.cli import main

    saved = {k: v for k, v in os.environ.items() if k.startswith("TEIEDIT_FAULT_")}
    saved_epoch, cwd, err = os.environ.get("SOURCE_DATE_EPOCH"), Path.cwd(), io.StringIO()
    for k in saved:
        del os.environ[k]
    os.environ["SOURCE_DATE_EPOCH"] = FIXED_EPOCH
    try:
        os.chdir(root)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(["build"] + ([] if pdf else ["--no-pdf"]))
    finally:
        os.chdir(cwd)
        os.environ.update(saved)
        if saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved_epoch
    return code, err.getvalue()


@dataclass
class Trial:
    how: str
    exit_code: int
    problems: list[str] = field(default_factory=list)


@dataclass
class Scenario:
    """An edition with changed inputs and its old outputs (``before``), and both snapshots."""

    before: Path
    old: dict[str, bytes]
    new: dict[str, bytes]
    pdf: bool
    points: int = 0
    seconds: float = 0.0
    #: What each write point does ("write PATH", "apply PATH", ...), in order (point k is labels[k-1]).
    labels: list[str] = field(default_factory=list)


def prepare(work: Path, *, pdf: bool = False) -> Scenario:
    """Build the old state, change the inputs, and build a clean copy of the new state."""
    before = work / "before"
    shutil.copytree(ROOTS / "mini", before)
    shutil.copytree(REPO / "schema", before / "schema")
    (before / "sources" / "to-remove.txt").write_text(
        "A Short Note\n\nThis source will be removed.\n", encoding="utf-8"
    )
    code, err = run_build(before, pdf=pdf)
    assert code == 0, err
    old = snapshot(before)
    letter = before / "tei" / "plain-letter.xml"
    text = letter.read_text(encoding="utf-8")
    assert "All is well here." in text
    letter.write_text(text.replace("All is well here.", "All is very well here."), "utf-8")
    old = {**old, "tei/plain-letter.xml": letter.read_bytes()}  # the hand edit is part of "old"
    src = before / "sources" / "plain-letter.txt"
    src.write_text(
        src.read_text(encoding="utf-8") + "\nA postscript added to the source.\n", "utf-8"
    )
    (before / "sources" / "to-remove.txt").unlink()
    (before / "sources" / "added.txt").write_text(
        "An Added Memorandum\n\nThe memorandum says little.\n", encoding="utf-8"
    )
    clean = work / "clean"
    shutil.copytree(before, clean)
    log = work / "points.log"
    start = time.monotonic()
    code, err = run_build(clean, pdf=pdf, env={"TEIEDIT_FAULT_LOG": str(log)})
    seconds = time.monotonic() - start
    assert code == 0, err
    new = snapshot(clean)
    assert "All is very well here." in new["tei/plain-letter.xml"].decode("utf-8")
    assert "postscript added" in new["tei/plain-letter.xml"].decode("utf-8")
    labels = [line.split(" ", 2)[2] for line in log.read_text(encoding="utf-8").splitlines()]
    return Scenario(before, old, new, pdf, len(labels), seconds, labels)


def check_after_crash(sc: Scenario, root: Path, how: str, exit_code: int) -> Trial:
    """Old-or-new for every file, then convergence of the next build to the clean build."""
    trial = Trial(how, exit_code)
    for rel, data in snapshot(root).items():
        if data != sc.old.get(rel) and data != sc.new.get(rel):
            trial.problems.append(f"{rel}: neither the old nor the new version")
    code, err = next_build(root, pdf=sc.pdf)
    if code != 0:
        trial.problems.append(f"the next build failed ({code}): {err[-500:]}")
    after = snapshot(root)
    for rel in sorted(set(after) | set(sc.new)):
        if after.get(rel) != sc.new.get(rel):
            state = "missing" if rel not in after else "extra" if rel not in sc.new else "differs"
            trial.problems.append(f"{rel}: {state} after the next build")
    trial.problems += [f"{rel}: left behind" for rel in leftovers(root)]
    return trial


def trial_at_point(sc: Scenario, work: Path, k: int) -> Trial:
    root = work / f"point-{k}"
    shutil.copytree(sc.before, root)
    code = crash_build(root, pdf=sc.pdf, at=k)
    trial = check_after_crash(sc, root, f"killed at write point {k}", code)
    shutil.rmtree(root)
    return trial


def trial_after_delay(sc: Scenario, work: Path, delay: float, n: int) -> Trial:
    root = work / f"kill-{n}"
    shutil.copytree(sc.before, root)
    proc = build(root, pdf=sc.pdf)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)  # the build only: its layout workers must end by themselves
    orphans = ""
    try:
        proc.communicate(timeout=60)  # returns once no process of the build holds its stderr
    except subprocess.TimeoutExpired:
        orphans = "processes of the killed build were still running a minute later"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
    trial = check_after_crash(sc, root, f"SIGKILL after {delay:.2f} s", proc.returncode)
    trial.problems += [orphans] if orphans else []
    shutil.rmtree(root)
    return trial
