"""The TEI folder's transaction, the per-folder lock, and the staging folders of the output builders."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from teiedit.diagnostics import TeieditError
from teiedit.io import sha256_bytes
from teiedit.lock import folder_lock
from teiedit.staging import completed, staged_dir, swapped_dir, sweep_leftovers
from teiedit.state import STATE_NAME, read_entries
from teiedit.transaction import JOURNAL, TXN_DIR, Group, Remove, Transaction, Write, recover

SRC = Path(__file__).resolve().parent.parent / "src"


def _dead_pid() -> int:
    """The id of a process that has ended."""
    done = subprocess.run([sys.executable, "-c", "pass"], check=True)
    assert done.returncode == 0
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


# -- the transaction -------------------------------------------------------------------------------


def test_commit_writes_files_and_state_and_leaves_no_journal(tmp_path: Path) -> None:
    (tmp_path / "old.xml").write_bytes(b"<old/>")
    txn = Transaction(tmp_path)
    txn.add(
        Group(
            "a.xml", writes=[Write("a.xml", b"<a/>", None), Write(".teiedit/base/a.xml", b"<a/>")]
        )
    )
    txn.add(Group("old.xml", removes=[Remove("old.xml", sha256_bytes(b"<old/>"))], entry=None))
    txn.groups[0].entry = {"sha256": sha256_bytes(b"<a/>"), "source": "a.txt"}
    assert txn.commit() == []
    assert (tmp_path / "a.xml").read_bytes() == b"<a/>"
    assert (tmp_path / ".teiedit" / "base" / "a.xml").read_bytes() == b"<a/>"
    assert not (tmp_path / "old.xml").exists()
    assert read_entries(tmp_path) == {"a.xml": {"sha256": sha256_bytes(b"<a/>"), "source": "a.txt"}}
    assert not (tmp_path / TXN_DIR).exists()


def _journal(folder: Path, groups: list[dict[str, object]], staged: dict[str, bytes]) -> None:
    txn = folder / TXN_DIR
    txn.mkdir(parents=True)
    for name, data in staged.items():
        (txn / name).write_bytes(data)
    (txn / JOURNAL).write_text(json.dumps({"groups": groups}), encoding="utf-8")


def test_recover_finishes_a_committed_transaction(tmp_path: Path) -> None:
    """A run killed after its commit: half its files moved in, the state not yet written."""
    (tmp_path / "a.xml").write_bytes(b"<a-new/>")  # already moved in before the kill
    (tmp_path / "b.xml").write_bytes(b"<b-old/>")
    groups: list[dict[str, object]] = [
        {
            "key": "a.xml",
            "writes": [
                {
                    "path": "a.xml",
                    "staged": "1.staged",
                    "sha256": sha256_bytes(b"<a-new/>"),
                    "expect": sha256_bytes(b"<a-old/>"),
                }
            ],
            "removes": [],
            "entry": {"sha256": sha256_bytes(b"<a-new/>")},
        },
        {
            "key": "b.xml",
            "writes": [
                {
                    "path": "b.xml",
                    "staged": "2.staged",
                    "sha256": sha256_bytes(b"<b-new/>"),
                    "expect": sha256_bytes(b"<b-old/>"),
                }
            ],
            "removes": [],
            "entry": {"sha256": sha256_bytes(b"<b-new/>")},
        },
    ]
    _journal(tmp_path, groups, {"2.staged": b"<b-new/>"})
    assert recover(tmp_path) == []
    assert (tmp_path / "a.xml").read_bytes() == b"<a-new/>"
    assert (tmp_path / "b.xml").read_bytes() == b"<b-new/>"
    assert set(read_entries(tmp_path)) == {"a.xml", "b.xml"}
    assert not (tmp_path / TXN_DIR).exists()
    assert recover(tmp_path) is None  # nothing left to do


def test_recover_drops_an_uncommitted_transaction(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(b"<a/>")
    (tmp_path / TXN_DIR).mkdir(parents=True)
    (tmp_path / TXN_DIR / "1.staged").write_bytes(b"<half/>")  # killed before the journal
    assert recover(tmp_path) == []
    assert (tmp_path / "a.xml").read_bytes() == b"<a/>"
    assert not (tmp_path / TXN_DIR).exists() and not (tmp_path / STATE_NAME).exists()


def test_a_file_changed_since_the_plan_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(b"<edited-meanwhile/>")
    txn = Transaction(tmp_path)
    txn.add(
        Group(
            "a.xml",
            writes=[Write("a.xml", b"<fresh/>", sha256_bytes(b"<as-planned/>"))],
            entry={"sha256": "x"},
        )
    )
    (skipped,) = txn.commit()
    assert (skipped.key, skipped.path) == ("a.xml", "a.xml")
    assert (tmp_path / "a.xml").read_bytes() == b"<edited-meanwhile/>"
    assert read_entries(tmp_path) == {}


# -- the lock ----------------------------------------------------------------------------------------


def _holder(folder: Path, seconds: float) -> subprocess.Popen[str]:
    code = (
        "import sys, time\n"
        f"sys.path.insert(0, {str(SRC)!r})\n"
        "from teiedit.lock import folder_lock\n"
        f"with folder_lock({str(folder)!r}, wait=0):\n"
        "    print('held', flush=True)\n"
        f"    time.sleep({seconds})\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_holder_is_refused_with_the_first_ones_pid(tmp_path: Path) -> None:
    proc = _holder(tmp_path, 60)
    try:
        with pytest.raises(TeieditError) as caught:
            with folder_lock(tmp_path, wait=0.3):
                pass
        assert f"pid {proc.pid}" in caught.value.diagnostic.message
        assert "TEIEDIT_LOCK_WAIT" in caught.value.diagnostic.suggestion
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with folder_lock(tmp_path, wait=5):  # the lock of a killed process is free at once
        assert f"pid {os.getpid()}" in (tmp_path / ".teiedit" / "lock").read_text()


def test_a_second_holder_waits_for_the_first(tmp_path: Path) -> None:
    proc = _holder(tmp_path, 0.5)
    start = time.monotonic()
    with folder_lock(tmp_path, wait=30):
        waited = time.monotonic() - start
    assert 0.3 < waited < 30  # taken once the first let go (it held the lock for 0.5 s)
    proc.wait()


def test_a_lock_file_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    (tmp_path / ".teiedit").mkdir()
    (tmp_path / ".teiedit" / "lock").write_text(f"pid {_dead_pid()}: teiedit build\n")
    with folder_lock(tmp_path, wait=0):
        with folder_lock(tmp_path, wait=0):  # the same process may take it again
            pass
    assert (tmp_path / ".teiedit" / ".gitignore").read_text() == "lock\ntxn/\n"


def test_two_builds_at_once_the_second_exits_2_naming_the_first(
    mini_edition: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers import run_cli

    proc = _holder(mini_edition / "tei", 60)
    monkeypatch.chdir(mini_edition)
    monkeypatch.setenv("TEIEDIT_LOCK_WAIT", "0.2")
    try:
        code, _, err = run_cli(["build", "--no-pdf"], capsys)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert code == 2 and f"pid {proc.pid}" in err and "Traceback" not in err
    assert not (mini_edition / "tei" / "plain-letter.xml").exists()


# -- staging folders ---------------------------------------------------------------------------------


def test_leftovers_of_dead_runs_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    target = tmp_path / "html"
    target.mkdir()
    dead, live = _dead_pid(), os.getpid()
    (tmp_path / f".html.staging-{dead}-abc").mkdir()
    (tmp_path / f".html.staging-{live}-abc").mkdir()
    (target / f".index.html.{dead}.xyz.tmp").write_text("half")
    (target / f".index.html.{live}.xyz.tmp").write_text("busy")
    removed = sweep_leftovers(target)
    assert sorted(p.name for p in removed) == [
        f".html.staging-{dead}-abc",
        f".index.html.{dead}.xyz.tmp",
    ]
    assert (tmp_path / f".html.staging-{live}-abc").is_dir()
    assert (target / f".index.html.{live}.xyz.tmp").is_file()


@pytest.mark.parametrize("left", ["complete-staging", "old-only"])
def test_a_swap_cut_off_between_its_renames_is_finished_or_undone(
    tmp_path: Path, left: str
) -> None:
    dead = _dead_pid()
    target = tmp_path / "pdf"
    old, staging = tmp_path / f".pdf.old-{dead}-q", tmp_path / f".pdf.staging-{dead}-q"
    old.mkdir()
    (old / "a.pdf").write_bytes(b"old")
    if left == "complete-staging":
        staging.mkdir()
        (staging / "a.pdf").write_bytes(b"new")
        completed(staging).write_bytes(b"")
    sweep_leftovers(target)
    want = b"new" if left == "complete-staging" else b"old"
    assert (target / "a.pdf").read_bytes() == want
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pdf"]
    assert sorted(p.name for p in target.iterdir()) == ["a.pdf"]


def test_a_swapped_folder_keeps_files_it_does_not_replace(tmp_path: Path) -> None:
    target = tmp_path / "pdf"
    target.mkdir()
    (target / "a.pdf").write_bytes(b"old a")
    (target / "b.pdf").write_bytes(b"a PDF this build does not write")
    inode = target.stat().st_ino
    with swapped_dir(target) as tmp:
        (tmp / "a.pdf").write_bytes(b"new a")
    assert target.stat().st_ino != inode  # swapped as a whole
    assert (target / "a.pdf").read_bytes() == b"new a"
    assert (target / "b.pdf").read_bytes() == b"a PDF this build does not write"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pdf"]


def test_a_failed_staged_build_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "html"
    target.mkdir()
    (target / "a.html").write_text("old")
    with pytest.raises(RuntimeError):
        with staged_dir(target) as tmp:
            (tmp / "a.html").write_text("new")
            raise RuntimeError("the build failed")
    assert (target / "a.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["html"]


def test_temporary_files_of_dead_writers_are_removed_from_the_tei_folder(tmp_path: Path) -> None:
    from teiedit.staging import sweep_temporary_files

    dead, live = _dead_pid(), os.getpid()
    (tmp_path / "imported").mkdir()
    left = [
        tmp_path / f"..teiedit-state.json.{dead}.a1b2.tmp",
        tmp_path / f"imported/.x.xml.{dead}.q.tmp",
    ]
    busy = tmp_path / f".y.xml.{live}.q.tmp"
    for p in [*left, busy]:
        p.write_text("half")
    assert sorted(sweep_temporary_files(tmp_path)) == sorted(left)
    assert busy.is_file()


def test_a_folder_with_other_files_is_never_renamed(tmp_path: Path) -> None:
    """`teiedit pdf x.xml --out .` in someone's folder: new PDFs are moved in, the folder stays put."""
    target = tmp_path / "work"
    target.mkdir()
    (target / "x.xml").write_text("<x/>")
    inode = target.stat().st_ino
    with swapped_dir(target) as tmp:
        (tmp / "x.pdf").write_bytes(b"pdf")
    assert target.stat().st_ino == inode
    assert sorted(p.name for p in target.iterdir()) == ["x.pdf", "x.xml"]
