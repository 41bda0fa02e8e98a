"""A wheel of teiedit works on its own: it ships the stylesheets and schema and reads them from the package.

The wheel is built offline from a copy of the working tree (so the checkout gets no build/ or egg-info),
installed with ``pip install --target`` into a folder, and run with only that folder on PYTHONPATH from a
folder outside the repository, so nothing can fall back to the checkout's xslt/ or schema/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import CASES, REPO
from lxml import etree

pytestmark = pytest.mark.slow

TEI = "{http://www.tei-c.org/ns/1.0}"
#: Top-level folders left out of the copy the wheel is built from: version control, virtual environments,
#: build output, tests (schema/build/ is kept: only the repository's own build/ is left out).
_NOT_COPIED = {
    ".git",
    ".venv",
    "venv",
    "build",
    "dist",
    "out",
    "tests",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
}


def _ignore(folder: str, names: list[str]) -> set[str]:
    top = Path(folder).resolve() == REPO
    return {
        n
        for n in names
        if (top and n in _NOT_COPIED) or n == "__pycache__" or n.endswith(".egg-info")
    }


def _pip(*args: str, cwd: Path) -> None:
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}"


def _setuptools_builds_wheels() -> bool:
    major, minor = (int(x) for x in version("setuptools").split(".")[:2])
    return (major, minor) >= (70, 1)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built offline (no build isolation, no index) from a copy of the working tree."""
    if not _setuptools_builds_wheels():
        pytest.fail(
            f"setuptools {version('setuptools')} cannot build a wheel offline without the `wheel` "
            "package: install the test extras (`pip install -e '.[test]'`, setuptools>=70.1)"
        )
    base = tmp_path_factory.mktemp("wheel")
    tree = base / "tree"
    shutil.copytree(REPO, tree, ignore=_ignore)
    _pip(
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "-q",
        "-w",
        str(base / "dist"),
        str(tree),
        cwd=base,
    )
    built = sorted((base / "dist").glob("teiedit-*.whl"))
    assert len(built) == 1, built
    return built[0]


@pytest.fixture(scope="module")
def site(wheel: Path) -> Path:
    """The wheel installed (without dependencies: /work/venv has them) into a folder of its own."""
    target = wheel.parent.parent / "site"
    _pip(
        "install",
        "--no-deps",
        "--no-index",
        "-q",
        "--target",
        str(target),
        str(wheel),
        cwd=wheel.parent,
    )
    return target


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A working folder outside the repository and outside any edition."""
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m teiedit ARGS`` with only the installed copy importable."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(site)
    return subprocess.run(
        [sys.executable, "-m", "teiedit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def repo_files(*folders: str) -> dict[str, Path]:
    """Every file the repository keeps in these top-level folders, by its path under teiedit/data/."""
    return {
        p.relative_to(REPO).as_posix(): p
        for f in folders
        for p in sorted((REPO / f).rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")
    }


def test_wheel_ships_every_stylesheet_and_schema_file(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        for must in (
            "xslt/print/edition.xsl",
            "xslt/html/document.xsl",
            "xslt/common/functions.xsl",
            "xslt/css/print.css",
            "xslt/css/folio.css",
            "xslt/css/site.css",
            "xslt/js/site.js",
            "schema/teiedit.odd",
            "schema/build/teiedit.rng",
            "schema/build/teiedit.sch",
            "schema/build/teiedit.xsd",
            "schema/build/teiedit.html",
        ):
            assert f"teiedit/data/{must}" in names, must
        shipped = {n.removeprefix("teiedit/data/") for n in names if n.startswith("teiedit/data/")}
        expected = repo_files("xslt", "schema")
        assert shipped == set(expected)
        for rel, path in expected.items():
            assert zf.read(f"teiedit/data/{rel}") == path.read_bytes(), rel
    # Only the package: no stray top-level xslt/ or schema/ in site-packages.
    assert not {n for n in names if n.split("/")[0] in ("xslt", "schema", "src")}


def test_wheel_ships_the_labeller_model(wheel: Path) -> None:
    model_dir = REPO / "src" / "teiedit" / "readers" / "cascade"
    with zipfile.ZipFile(wheel) as zf:
        for name in ("labeller.crfsuite", "base-sequences.json.gz"):
            packaged = zf.read(f"teiedit/readers/cascade/{name}")
            assert packaged == (model_dir / name).read_bytes(), name
        # the furniture shapes' cue data, read beside the rules
        cues = REPO / "src" / "teiedit" / "readers" / "common" / "extraction-placeholders.txt"
        packaged = zf.read("teiedit/readers/common/extraction-placeholders.txt")
        assert packaged == cues.read_bytes()
        notices = model_dir / "unavailable-notices.txt"
        assert zf.read("teiedit/readers/cascade/unavailable-notices.txt") == notices.read_bytes()


def test_installed_convert_reads_with_the_packaged_labeller(site: Path, outside: Path) -> None:
    source = CASES / "readers" / "webcapture" / "capture-with-footnote.txt"
    report = outside / "report.json"
    done = run_installed(
        site,
        outside,
        "convert",
        str(source),
        "--out",
        str(outside / "tei"),
        "--report",
        str(report),
    )
    assert done.returncode == 0, done.stderr
    decisions = json.loads(report.read_text(encoding="utf-8"))["sources"][0]["decisions"]
    assert "labeller model: labeller.crfsuite (shipped with teiedit)" in decisions
    root = etree.parse(str(outside / "tei" / "capture-with-footnote.xml")).getroot()
    assert root.findtext(f".//{TEI}keywords/{TEI}term") == "letter"


def test_installed_teiedit_reads_its_packaged_data(site: Path, outside: Path) -> None:
    done = run_installed(site, outside, "--help")
    assert done.returncode == 0, done.stderr
    for command in ("html", "pdf", "validate", "schema", "init"):
        assert command in done.stdout
    probe = (
        "import teiedit, teiedit.resources as r; "
        "print(teiedit.__file__); print(r.xslt_dir()); print(r.schema_dir()); print(r.in_checkout())"
    )
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "PYTHONPATH": str(site)}
    lines = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert lines == [
        str(site / "teiedit" / "__init__.py"),
        str(site / "teiedit" / "data" / "xslt"),
        str(site / "teiedit" / "data" / "schema"),
        "False",
    ]


def test_installed_html_renders_with_packaged_stylesheets(site: Path, outside: Path) -> None:
    source = CASES / "html" / "letter-a.xml"
    out = outside / "site"
    done = run_installed(site, outside, "html", str(source), "--out", str(out))
    assert done.returncode == 0, done.stderr
    title = etree.parse(str(source)).findtext(f".//{TEI}titleStmt/{TEI}title")
    assert title
    page = (out / "letter-a.html").read_text(encoding="utf-8")
    assert title in page
    assert "css/site.css" in page
    assert (out / "css" / "site.css").read_bytes() == (
        REPO / "xslt" / "css" / "site.css"
    ).read_bytes()
    assert (out / "js" / "site.js").read_bytes() == (REPO / "xslt" / "js" / "site.js").read_bytes()


def test_installed_pdf_renders_with_packaged_print_css(site: Path, outside: Path) -> None:
    from pypdf import PdfReader

    source = CASES / "html" / "letter-a.xml"
    done = run_installed(site, outside, "pdf", str(source), "--out", str(outside / "pdf"))
    assert done.returncode == 0, done.stderr
    text = " ".join(p.extract_text() for p in PdfReader(outside / "pdf" / "letter-a.pdf").pages)
    sender = etree.parse(str(source)).findtext(f".//{TEI}titleStmt/{TEI}author")
    assert sender and sender in text


def test_installed_validate_uses_packaged_schema(site: Path, outside: Path) -> None:
    expected = next(
        line.split("\t")
        for line in (CASES / "validate" / "invalid" / "expected.tsv")
        .read_text(encoding="utf-8")
        .splitlines()
        if line.startswith("misspelt-element.xml\t")
    )
    bad = CASES / "validate" / "invalid" / expected[0]
    done = run_installed(site, outside, "validate", str(CASES / "validate" / "valid"), str(bad))
    assert done.returncode == 1, done.stdout + done.stderr
    report = done.stdout + done.stderr
    assert f"{bad}:{expected[1]}:" in report
    assert expected[3] in report and expected[4] in report
    n_valid = len(list((CASES / "validate" / "valid").glob("*.xml")))
    assert f"{n_valid + 1} files checked, 1 invalid" in report


def test_installed_schema_compiles_the_packaged_odd(site: Path, outside: Path) -> None:
    # Without --out the default folder would be inside the installed package: refused, nothing written.
    packaged = site / "teiedit" / "data" / "schema" / "build"
    before = {p.name: p.stat().st_mtime_ns for p in packaged.iterdir()}
    done = run_installed(site, outside, "schema")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "--out" in done.stderr
    assert {p.name: p.stat().st_mtime_ns for p in packaged.iterdir()} == before
    # With --out it compiles the shipped ODD to exactly the shipped compiled schema (the output is deterministic).
    done = run_installed(site, outside, "schema", "--out", str(outside / "build"))
    assert done.returncode == 0, done.stderr
    for name in ("teiedit.rng", "teiedit.sch", "teiedit.xsd"):
        assert (outside / "build" / name).read_bytes() == (packaged / name).read_bytes(), name


def test_installed_init_copies_packaged_schema(site: Path, outside: Path) -> None:
    done = run_installed(site, outside, "init", "ed")
    assert done.returncode == 0, done.stderr
    for rel in ("teiedit.odd", "build/teiedit.rng"):
        assert (outside / "ed" / "schema" / rel).read_bytes() == (
            REPO / "schema" / rel
        ).read_bytes()


def test_checkout_reads_top_level_folders() -> None:
    """Run from the checkout (as an editable install does), teiedit reads xslt/ and schema/ in place."""
    from teiedit import resources

    assert resources.in_checkout()
    assert resources.xslt_dir() == REPO / "xslt"
    assert resources.schema_dir() == REPO / "schema"
    assert not (REPO / "src" / "teiedit" / "data").exists()
