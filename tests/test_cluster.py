"""Past one machine: ``teiedit build --cluster ADDRESS`` runs validation, the document pages and the print
parts as tasks on a Dask cluster (here: ``teiedit cluster start --workers 2``, worker processes on this
machine), and writes exactly the files a build on one process writes."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the cluster extra (Dask distributed) is not installed")

REPO = Path(__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "cases"
EDITION = CASES / "exchange" / "edition"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A scheduler and two worker processes (tasks spread over more than one), started by teiedit's
    own command."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "teiedit", "cluster", "start", "--workers", "2", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=ENV,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # the command prints the address once its workers are up
        assert line.startswith("scheduler at tcp://"), line
        yield line.split()[-1]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def _edition(root: Path) -> Path:
    """The exchange test edition (four documents and registers) with the repository's schema, and a
    plaintext source to convert."""
    shutil.copytree(EDITION, root)
    shutil.copytree(REPO / "schema", root / "schema", dirs_exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    shutil.copy(
        REPO / "tests" / "roots" / "mini" / "sources" / "plain-letter.txt", root / "sources"
    )
    return root


def _build(root: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "teiedit", "build", "--edition", str(root), *options],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=600,
    )


def _build_here(root: Path, monkeypatch: pytest.MonkeyPatch, *options: str) -> tuple[int, str]:
    """The same build on one process, run in this one (no Python start-up and teiedit's imports again)."""
    from teiedit.cli import main

    monkeypatch.setenv("SOURCE_DATE_EPOCH", ENV["SOURCE_DATE_EPOCH"])
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["build", "--edition", str(root), *options])
    return code, err.getvalue()


def _outputs(root: Path, *folders: str) -> dict[str, bytes]:
    out = {f"tei/{f.name}": f.read_bytes() for f in sorted((root / "tei").glob("*.xml"))}
    for folder in folders:
        for f in sorted((root / "out" / folder).rglob("*")):
            if f.is_file() and ".teiedit-parts" not in f.parts:
                out[str(f.relative_to(root / "out"))] = f.read_bytes()
    return out


def _same_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, address: str, *options: str
) -> dict[str, bytes]:
    """The files of a build on the cluster, checked to be those of the same build on one process."""
    one, many = tmp_path / "one", tmp_path / "cluster"
    for root in (one, many):
        _edition(root)
    code, err = _build_here(one, monkeypatch, "--jobs", "1", *options)
    assert code == 0, err
    t = time.monotonic()
    clustered = _build(many, "--cluster", address, *options)
    assert clustered.returncode == 0, clustered.stderr
    assert time.monotonic() - t < 600
    folders = ("html",) if "--no-pdf" in options else ("html", "pdf")
    expected, got = _outputs(one, *folders), _outputs(many, *folders)
    assert sorted(got) == sorted(expected)
    assert "tei/plain-letter.xml" in got  # the source was converted (on the cluster: a task)
    different = [name for name in expected if got[name] != expected[name]]
    assert not different, f"the cluster build wrote other bytes in {different}"
    return got


PRINT_TEST = "test_a_build_on_a_cluster_writes_the_same_print_edition"


@pytest.fixture(scope="module")
def same_build(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, scheduler: str
) -> tuple[bool, dict[str, bytes]]:
    """One build on the cluster, compared with the same build on one process: with the print edition
    when the print test runs in this session (its web edition is compared too: the same pages, tasks
    and code), else the web edition alone (`make check` runs no slow test). Building each once instead
    of once per test saves a build on each side."""
    print_too = any(item.name == PRINT_TEST for item in request.session.items)
    with pytest.MonkeyPatch.context() as monkeypatch:
        options = () if print_too else ("--no-pdf",)
        return print_too, _same_build(
            tmp_path_factory.mktemp("same"), monkeypatch, scheduler, *options
        )


def test_a_build_on_a_cluster_writes_the_same_web_edition(
    same_build: tuple[bool, dict[str, bytes]],
) -> None:
    _, files = same_build
    pages = [n for n in files if n.startswith("html/") and n.endswith(".html")]
    assert "html/letter-kim-to-ri.html" in pages and len(pages) >= 4 + 6


@pytest.mark.slow
def test_a_build_on_a_cluster_writes_the_same_print_edition(
    same_build: tuple[bool, dict[str, bytes]],
) -> None:
    print_too, files = same_build
    assert print_too
    pdfs = [n for n in files if n.startswith("pdf/") and n.endswith(".pdf")]
    assert "pdf/edition.pdf" in pdfs and len(pdfs) == 6
    # the build publishes the print edition in the site too (html/pdf/), the same files
    published = [n for n in files if n.startswith("html/pdf/") and n.endswith(".pdf")]
    assert sorted(published) == sorted(f"html/{n}" for n in pdfs)


def test_a_cluster_that_does_not_answer_is_a_clear_error(tmp_path: Path) -> None:
    root = _edition(tmp_path / "e")
    result = _build(root, "--no-pdf", "--cluster", "tcp://127.0.0.1:9")
    assert result.returncode == 2
    assert "no Dask scheduler answers at tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr
