"""Bad input through `teiedit convert`: converted correctly, or refused with exit 2 and one line, never a
traceback and never partial output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import bounded
from helpers import run_cli

REPO = Path(__file__).resolve().parent.parent
LETTER = REPO / "tests/cases/readers/archival/letter-with-requests.txt"
CAPTURE = REPO / "sources/webcapture-letter-ri-sang-jo-to-kwp-cc-1956-10-12.txt"


def _convert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *paths: Path
) -> tuple[int, str, Path]:
    out = tmp_path / "out"
    code, _, err = run_cli(
        ["convert", *map(str, paths), "--out", str(out), "--report", str(tmp_path / "report.json")],
        capsys,
    )
    assert "Traceback" not in err
    return code, err, out


def _xml_files(out: Path) -> list[Path]:
    return sorted(out.glob("*.xml")) if out.exists() else []


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b" \n\t\r\n", "empty"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_refused_with_one_line_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, words: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    code, err, out = _convert(
        tmp_path, capsys, LETTER, bad
    )  # a good source first: still nothing written
    assert code == 2
    assert words in err and "bad.txt" in err
    assert len(err.strip().splitlines()) == 1
    assert _xml_files(out) == []


def test_utf16_with_bom_converts_and_records_the_decision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "letter16.txt"
    src.write_bytes(LETTER.read_text(encoding="utf-8").encode("utf-16"))
    code, _, out = _convert(tmp_path, capsys, src)
    assert code == 0
    xml = (out / "letter16.xml").read_text(encoding="utf-8")
    assert "UTF-16" in xml and "<salute>Dear Comrade Minister!</salute>" in xml
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["sources"][0]["profile"] == "archival"
    assert any("UTF-16" in d for d in report["sources"][0]["decisions"])


def test_crlf_gives_the_same_text_as_lf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lf = LETTER.read_text(encoding="utf-8")
    src = tmp_path / "crlf.txt"
    src.write_bytes(lf.replace("\n", "\r\n").encode("utf-8"))
    code, _, out = _convert(tmp_path, capsys, src)
    assert code == 0
    crlf_xml = (out / "crlf.xml").read_text(encoding="utf-8")
    assert "\r" not in crlf_xml
    body = crlf_xml[crlf_xml.index("</teiHeader>") :].replace("crlf-", "x-")
    (tmp_path / "lf").mkdir()
    lf_src = tmp_path / "lf" / "crlf.txt"
    lf_src.write_text(lf, encoding="utf-8")
    run_cli(["convert", str(lf_src), "--out", str(tmp_path / "lfout")], capsys)
    lf_xml = (tmp_path / "lfout" / "crlf.xml").read_text(encoding="utf-8")
    assert body == lf_xml[lf_xml.index("</teiHeader>") :].replace("crlf-", "x-")
    assert "normalised" in crlf_xml


#: A line of 10 MB with TEIEDIT_TESTS=full; 2 MB in the default run (conversion is linear in its length).
LONG_LINE = bounded(10_000_000, 2_000_000)


@pytest.mark.slow
def test_a_multi_megabyte_single_line_converts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "long.txt"
    src.write_text("A line without end " + "x" * LONG_LINE + "\n", encoding="utf-8")
    code, _, out = _convert(tmp_path, capsys, src)
    assert code == 0
    assert (out / "long.xml").stat().st_size > LONG_LINE


def test_truncated_capture_converts_what_is_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = CAPTURE.read_text(encoding="utf-8")
    src = tmp_path / "cut.txt"
    src.write_text(
        text[: len(text) // 3], encoding="utf-8"
    )  # cut mid-paragraph, before the footnote
    code, _, out = _convert(tmp_path, capsys, src)
    assert code == 0
    report = json.loads((tmp_path / "report.json").read_text())["sources"][0]
    assert report["profile"] == "webcapture"
    assert report["orphan_notes"] == [] or all(o["kind"] for o in report["orphan_notes"])
    assert "Letter from Ri Sang-jo" in (out / "cut.xml").read_text(encoding="utf-8")


def test_capture_cut_inside_a_character_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = CAPTURE.read_bytes()
    cut = data.index("’".encode()) + 1  # inside a three-byte character
    src = tmp_path / "cut.txt"
    src.write_bytes(data[:cut])
    code, err, out = _convert(tmp_path, capsys, src)
    assert code == 2 and "UTF-8" in err and len(err.strip().splitlines()) == 1
    assert _xml_files(out) == []


def test_profile_override_is_used_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, _, _ = run_cli(
        [
            "convert",
            str(LETTER),
            "--out",
            str(out),
            "--profile",
            "plain",
            "--report",
            str(tmp_path / "r.json"),
        ],
        capsys,
    )
    assert code == 0
    entry = json.loads((tmp_path / "r.json").read_text())["sources"][0]
    assert entry["profile"] == "plain"
    assert "chosen by the user" in entry["decisions"][0]
    assert "<salute>" not in (out / "letter-with-requests.xml").read_text(encoding="utf-8")
