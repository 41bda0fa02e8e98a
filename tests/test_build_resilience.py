"""One bad document never stops the edition, and environment errors say which path and what to do."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from helpers import run_cli


@pytest.fixture
def built(
    mini_edition: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    monkeypatch.chdir(mini_edition)
    code, _, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 0, err
    return mini_edition


def test_a_hand_edit_that_repeats_an_xml_id_is_reported_and_the_rest_builds(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = built / "tei" / "plain-letter.xml"
    lines = bad.read_text(encoding="utf-8").splitlines()
    body = next(i for i, line in enumerate(lines) if "<body>" in line)
    at = next(i for i, line in enumerate(lines) if i > body and "<p>" in line)
    lines.insert(at + 1, '        <p xml:id="plain-letter-d1">A copied paragraph.</p>')
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first = next(i for i, line in enumerate(lines, 1) if 'xml:id="plain-letter-d1"' in line)
    assert first < at + 2  # the div that first has the id, then the copied paragraph
    other = built / "sources" / "note-on-cabbages.txt"
    other.write_text(other.read_text(encoding="utf-8") + "\nA new last line.\n", encoding="utf-8")
    code, out, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 1
    assert f"plain-letter.xml:{at + 2}: error: xml:id 'plain-letter-d1' is used twice" in err
    assert f"(lines {first}, {at + 2})" in err and "Traceback" not in err
    page = built / "out" / "html" / "note-on-cabbages.html"
    assert "A new last line." in page.read_text(encoding="utf-8")  # the rest was built
    assert "1 TEI files written" in out


def test_two_documents_with_one_root_id_are_reported_with_both_locations(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tei = built / "tei"
    (tei / "copy.xml").write_bytes((tei / "plain-letter.xml").read_bytes())
    code, _, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 1
    assert "root xml:id 'plain-letter' is also the root xml:id of" in err
    assert str(tei / "copy.xml") in err and str(tei / "plain-letter.xml") in err


def test_an_unreadable_source_is_reported_and_the_others_convert(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (built / "sources" / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    other = built / "sources" / "note-on-cabbages.txt"
    other.write_text(other.read_text(encoding="utf-8") + "\nAnother line.\n", encoding="utf-8")
    code, _, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 1
    assert "broken.txt: error: the file looks binary" in err
    assert "Another line." in (built / "tei" / "note-on-cabbages.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("code_", "words"),
    [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "the file system is read-only")],
)
def test_a_full_disk_or_a_read_only_folder_names_the_path(
    built: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    code_: int,
    words: str,
) -> None:
    real = os.replace
    out = str(built / "out")

    def failing(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if str(dst).startswith(out):
            raise OSError(code_, os.strerror(code_), str(dst))
        real(src, dst)

    (built / "sources" / "plain-letter.txt").write_text("A Letter\n\nChanged.\n", "utf-8")
    monkeypatch.setattr(os, "replace", failing)
    code, _, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 2 and words in err and out in err
    assert "internal error" not in err and "Traceback" not in err
    monkeypatch.setattr(os, "replace", real)
    code, _, err = run_cli(["build", "--no-pdf"], capsys)  # once there is room, the build converges
    assert code == 0, err
    assert "Changed." in (built / "out" / "html" / "plain-letter.html").read_text(encoding="utf-8")
    # nothing hidden but teiedit's own caches (no staging folder or temporary file left behind)
    hidden = [p.name for p in (built / "out").iterdir() if p.name.startswith(".")]
    assert hidden in ([], [".teiedit-cache"])


def test_layout_workers_end_when_their_build_is_killed(tmp_path: Path) -> None:
    """A killed print build must not leave its layout processes waiting for work for good."""
    import signal
    import subprocess
    import sys
    import time

    from teiedit.staging import pid_alive

    code = (
        "import os, sys, time\n"
        "from teiedit.workers import Workers\n"
        "if __name__ == '__main__':\n"
        "    pool = Workers(jobs=2).pool()\n"
        "    pids = {pool.submit(os.getpid).result() for _ in range(8)}\n"
        "    print(' '.join(map(str, pids)), flush=True)\n"
        "    time.sleep(60)\n"
    )
    script = tmp_path / "parent.py"
    script.write_text(code, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert workers and all(pid_alive(p) for p in workers)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while any(pid_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(pid_alive(p) for p in workers)
