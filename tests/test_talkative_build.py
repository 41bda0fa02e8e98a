"""A talkative build: one line per stage on standard error when piped (every step with -v, only problems
with -q), a live bar on a terminal without log paths, a second build waiting for the lock says so, and
Ctrl-C stops the build and its layout workers quietly with exit 130."""

from __future__ import annotations

import os
import pty
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from teiedit.config import load_settings
from teiedit.lock import folder_lock

STAGE = re.compile(r"^teiedit: (.+?): (?:(\d+) steps?, )?(\d+\.\d) s \((\d+\.\d) s CPU here\)$")


def teiedit(root: Path, *args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", **kw.pop("env", {})}  # type: ignore[dict-item]
    return subprocess.run(
        [sys.executable, "-m", "teiedit", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


def test_piped_build_prints_one_line_per_stage_with_counts_and_times(mini_edition: Path) -> None:
    run = teiedit(mini_edition, "build", "--no-pdf")
    assert run.returncode == 0, run.stderr
    stages = [STAGE.match(line) for line in run.stderr.splitlines() if line.startswith("teiedit: ")]
    assert stages and all(stages), run.stderr
    names = [m[1] for m in stages if m]
    assert names == [
        "converting 2 sources",
        "loading the edition",
        "validating 2 documents",
        "writing the web edition",
    ]
    steps = {m[1]: int(m[2] or 0) for m in stages if m}
    assert steps["converting 2 sources"] == 2 and steps["writing the web edition"] >= 2
    assert run.stdout.startswith("2 TEI files written")
    # -v: every step too, indented under its stage; -q: no progress, no summary
    verbose = teiedit(mini_edition, "-v", "build", "--no-pdf", "--force")
    steps_shown = [line for line in verbose.stderr.splitlines() if line.startswith("teiedit:   ")]
    assert any(
        re.match(r"teiedit:   converting plain-letter\.txt \(\d/2\) \(\d+\.\d s\)$", s)
        for s in steps_shown
    )
    quiet = teiedit(mini_edition, "build", "--no-pdf", "-q")
    assert quiet.returncode == 0
    assert quiet.stdout == ""
    problems = quiet.stderr.splitlines()
    assert problems and all(": warning: " in line for line in problems)  # problems only


def test_terminal_progress_is_a_bar_without_log_paths(mini_edition: Path) -> None:
    leader, follower = pty.openpty()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "COLUMNS": "100", "TERM": "xterm"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "teiedit", "build", "--no-pdf"],
        cwd=mini_edition,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the other end closed
            break
        if not data:
            break
        chunks.append(data)
    assert proc.wait(timeout=600) == 0
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8", "replace")
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown)
    assert "console.py" not in text  # rich's log path used to end every line
    for stage in ("converting 2 sources", "validating 2 documents", "writing the web edition"):
        assert re.search(rf"{stage}: .*\d+\.\d s", text), stage
    assert "2 TEI files written" in text


def test_a_build_waiting_for_the_lock_says_so_when_piped(mini_edition: Path) -> None:
    settings = load_settings(mini_edition)
    with folder_lock(settings.tei):
        run = teiedit(mini_edition, "build", "--no-pdf", env={"TEIEDIT_LOCK_WAIT": "1"})
    assert run.returncode == 2
    lines = run.stderr.splitlines()
    assert lines[0].startswith("teiedit: waiting for pid ") and lines[0].endswith(" to finish"), (
        run.stderr
    )
    assert "another teiedit is working on this folder" in run.stderr


def _long_report(paragraphs: int) -> str:
    """A plain report of about ``paragraphs`` / 4 pages, the longest document of the mini edition."""
    sentences = [
        "The committee met again on the following morning and heard the reports of the delegations.",
        "Several speakers asked that the minutes record their objections to the proposed resolution.",
        "The secretary read the letters received since the last session and answered the questions.",
        "It was agreed that the matter of the provincial organisations would be taken up in the autumn.",
    ]
    body = "\n\n".join(
        " ".join(sentences[(i + j) % len(sentences)] for j in range(6)) for i in range(paragraphs)
    )
    return "Report on the sessions of the committee\n\n" + body + "\n"


def _ctrl_c_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
def test_ctrl_c_in_the_print_stage_stops_every_worker_quietly(mini_edition: Path) -> None:
    # The documents are laid out longest first and their "laid out" lines come in that order: the
    # first comes once the longest is laid out, in the round that lays out the draft front matter too;
    # the workers then lay out the front matter and the running heads, and the signal lands there,
    # inside the stage. A report of a dozen pages keeps the running heads a job of several pages; one
    # of 400 paragraphs (100 pages) made the test cost twice the CPU and gave the signal no later a
    # place: everything it added was laid out before the first line came.
    (mini_edition / "sources" / "long-report.txt").write_text(_long_report(60), encoding="utf-8")
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": "1700000000",
        "TEIEDIT_PDF_WORKERS": "2",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "teiedit", "-v", "build"],
        cwd=mini_edition,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # its own process group, as a terminal's foreground job is
        # and Ctrl-C at its default, as in a terminal (a test run started in the background of a
        # shell inherits it ignored, and Python then leaves it ignored)
        preexec_fn=_ctrl_c_default,
    )
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:  # the first part laid out: the print stage is under way
        seen.append(line)
        if "laid out" in line:
            break
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends: the whole foreground group
    rest = proc.stderr.read()
    code = proc.wait(timeout=120)
    stderr = "".join(seen) + rest
    assert any("writing the web edition" in s for s in seen), stderr
    assert not any("writing the print edition" in s for s in seen), stderr
    assert code == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert stderr.rstrip().endswith("teiedit: interrupted"), stderr
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)  # any process of the group left?
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        pytest.fail("processes of the interrupted build are still running")


def test_a_stage_line_counts_its_steps_in_words() -> None:
    from teiedit.console import Stages

    lines: list[str] = []
    stages = Stages(lines.append, verbose=False)
    for message in ("writing the print edition", "laying out", "loading the edition"):
        stages.step(message)
    stages.close()
    assert [re.sub(r"\d+\.\d s", "T", line) for line in lines] == [
        "writing the print edition: 1 step, T (T CPU here)",
        "loading the edition: T (T CPU here)",
    ]


def test_ctrl_c_caught_inside_exec_still_exits_130(tmp_path: Path) -> None:
    """A Ctrl-C raised in code run by exec() (a dataclass being defined by a lazy import) is handled like
    any other: exit status 130, not death by SIGINT (which Python would choose on its own)."""
    (tmp_path / "stop_in_exec.py").write_text(
        "import argparse, sys\n"
        "from teiedit import cli\n"
        "def stop(args):\n"
        "    exec('raise KeyboardInterrupt')\n"
        "argparse.ArgumentParser.parse_args = lambda self, argv=None: argparse.Namespace(\n"
        "    run=stop, verbosity=0, debug=False)\n"
        "sys.exit(cli.main([]))\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "stop_in_exec"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 130, run.stderr
    assert run.stderr == "teiedit: interrupted\n"
