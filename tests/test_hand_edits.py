"""Re-running a conversion never destroys an editor's hand corrections."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli


def _convert(src: Path, out: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> int:
    return run_cli(["convert", str(src), "--out", str(out), *extra], capsys)[0]


def test_hand_edited_file_is_kept_and_fresh_conversion_written_beside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "doc.txt"
    src.write_text("A Title\n\nFirst paragraph.\n", encoding="utf-8")
    out = tmp_path / "tei"
    assert _convert(src, out, capsys) == 0
    target = out / "doc.xml"
    edited = target.read_text(encoding="utf-8").replace(
        "First paragraph.", "First paragraph (corrected)."
    )
    target.write_text(edited, encoding="utf-8")

    src.write_text("A Title\n\nFirst paragraph, changed source.\n", encoding="utf-8")
    assert _convert(src, out, capsys) == 0
    assert target.read_text(encoding="utf-8") == edited  # the editor's version stays
    pending = out / ".pending" / "doc.xml"
    assert "changed source" in pending.read_text(encoding="utf-8")

    assert _convert(src, out, capsys, "--force") == 0
    assert "changed source" in target.read_text(encoding="utf-8")


def test_unchanged_source_is_not_converted_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "doc.txt"
    src.write_text("A Title\n\nText.\n", encoding="utf-8")
    out = tmp_path / "tei"
    _convert(src, out, capsys)
    mtime = (out / "doc.xml").stat().st_mtime_ns
    _convert(src, out, capsys)
    assert (out / "doc.xml").stat().st_mtime_ns == mtime
