"""`teiedit convert` output: one file per document (a compilation gives the whole and its parts), the
JSON report per source, stale parts removed, clashes refused, and nothing written when any source fails."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import run_cli

REPO = Path(__file__).resolve().parent.parent
BULLETIN = REPO / "tests/cases/readers/compilation/bulletin-two-documents.txt"
WEB = REPO / "tests/cases/readers/webcapture/capture-with-footnote.txt"


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *srcs: Path) -> tuple[int, dict, Path]:
    out = tmp_path / "out"
    code, _, err = run_cli(
        ["convert", *map(str, srcs), "--out", str(out), "--report", str(tmp_path / "r.json")],
        capsys,
    )
    assert "Traceback" not in err
    report = json.loads((tmp_path / "r.json").read_text()) if (tmp_path / "r.json").exists() else {}
    return code, report, out


def test_compilation_gives_whole_and_parts_and_the_report_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, report, out = _run(tmp_path, capsys, BULLETIN, WEB)
    assert code == 0
    bulletin, web = report["sources"]
    names = [Path(p).name for p in bulletin["outputs"]]
    assert names == [
        "bulletin-two-documents.xml",
        "bulletin-two-documents-01.xml",
        "bulletin-two-documents-02.xml",
        "bulletin-two-documents-03.xml",
    ]
    assert all((out / n).is_file() for n in names)
    assert bulletin["profile"] == "compilation"
    assert any(d.startswith("split into 3 parts") for d in bulletin["decisions"])
    assert bulletin["set_aside"][0] == {
        "text": ". 7",
        "reason": "page furniture of the printed original (running head, page number or page marker)",
        "line": 9,
    }
    assert [o["n"] for o in bulletin["orphan_notes"]] == ["4", "3"]
    assert any(s["kind"] == "moved" for s in bulletin["carried_elsewhere"])
    reasons = {s["reason"] for s in web["set_aside"]}
    assert {
        "web-site navigation",
        "funder statement of the web site",
        "label of a web-page panel",
    } <= reasons
    assert web["orphan_notes"] == [{"n": "2", "line": 15, "kind": "marker without a note body"}]
    assert any("decoded as UTF-8" in d for d in web["decisions"])
    # every decision of the cascade carries its confidence: the kind, the title, each block's role
    assert any(re.search(r"kind letter \(0\.\d\d", d) for d in web["decisions"])
    assert any(re.search(r"^line 5: title \(\d\.\d\d", d) for d in web["decisions"])


def test_parts_no_longer_made_are_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "bull.txt"
    shutil.copy(BULLETIN, src)
    _run(tmp_path, capsys, src)
    assert (tmp_path / "out/bull-03.xml").exists()
    text = BULLETIN.read_text(encoding="utf-8")
    src.write_text(text[: text.index("**Memorandum of Conversation")], encoding="utf-8")
    code, report, out = _run(tmp_path, capsys, src)
    assert code == 0
    # Only the essay left: no longer a compilation, so every part file goes; the whole is rewritten.
    assert report["sources"][0]["profile"] != "compilation"
    assert report["sources"][0]["removed"] == [str(out / f"bull-0{i}.xml") for i in (1, 2, 3)]
    assert sorted(p.name for p in out.glob("*.xml")) == ["bull.xml"]


def test_of_two_sources_writing_the_same_file_the_first_is_converted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first by name (``bull-01.txt``) is converted; compilation ``bull.txt``, whose part 1 is
    ``bull-01.xml`` too, is reported and none of its files is written (exit 1)."""
    a = tmp_path / "src" / "bull.txt"
    b = tmp_path / "src" / "bull-01.txt"
    a.parent.mkdir()
    shutil.copy(BULLETIN, a)
    b.write_text("A note\n\nSome text.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["convert", str(a), str(b), "--out", str(out)], capsys)
    assert code == 1
    assert (
        f"{a}: error: not converted: bull.txt and bull-01.txt would both write bull-01.xml" in err
    )
    assert "rename bull.txt (or bull-01.txt)" in err and "Traceback" not in err
    assert sorted(p.name for p in out.glob("*.xml")) == ["bull-01.xml"]
    assert "Some text." in (out / "bull-01.xml").read_text(encoding="utf-8")


def test_an_internal_failure_in_one_source_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from teiedit import pipeline

    real = pipeline.convert_text
    calls: list[str] = []

    def flaky(source, edition, options):  # type: ignore[no-untyped-def]
        calls.append(source.name)
        if len(calls) == 2:
            raise RuntimeError("simulated bug")
        return real(source, edition, options)

    monkeypatch.setattr(pipeline, "convert_text", flaky)
    code, _, out = _run(tmp_path, capsys, WEB, BULLETIN)
    assert code == 2
    assert not out.exists() or not list(out.glob("*.xml"))
