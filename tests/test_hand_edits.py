"""Re-running a conversion never destroys an editor's hand corrections: they are merged with the fresh
conversion, conflicts are listed and can be resolved either way, and the state can be lost safely."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import run_cli

from teiedit.state import TeiState

SOURCE = "A Title\n\nFirst paragraph.\n\nSecond paragraph here.\n"


def _convert(src: Path, out: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    code, stdout, stderr = run_cli(["convert", str(src), "--out", str(out), *extra], capsys)
    assert code == 0, stderr
    return stdout + stderr


def _setup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, Path]:
    src = tmp_path / "doc.txt"
    src.write_text(SOURCE, encoding="utf-8")
    out = tmp_path / "tei"
    _convert(src, out, capsys)
    return src, out, out / "doc.xml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_hand_edit_and_source_change_elsewhere_are_merged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out, target = _setup(tmp_path, capsys)
    _edit(target, "<p>First paragraph.</p>", "<p>First paragraph (corrected).</p>")
    src.write_text(SOURCE.replace("Second paragraph here.", "Second paragraph, new."), "utf-8")
    said = _convert(src, out, capsys)
    text = target.read_text(encoding="utf-8")
    assert "<p>First paragraph (corrected).</p>" in text  # the editor's correction stays
    assert "<p>Second paragraph, new.</p>" in text  # the source's change arrives
    assert "merged your hand edits" in said
    assert not (out / ".pending" / "doc.xml").exists()
    entry = json.loads((out / ".teiedit-state.json").read_text(encoding="utf-8"))["files"][
        "doc.xml"
    ]
    assert "conflicts" not in entry


def test_conflict_keeps_the_editors_reading_and_resolve_takes_either_side(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out, target = _setup(tmp_path, capsys)
    _edit(target, "<p>First paragraph.</p>", "<p>First paragraph (corrected).</p>")
    _edit(target, '<title type="main">A Title</title>', '<title type="main">Better</title>')
    src.write_text(SOURCE.replace("First paragraph.", "First paragraph, changed."), "utf-8")
    said = _convert(src, out, capsys)
    text = target.read_text(encoding="utf-8")
    assert "<p>First paragraph (corrected).</p>" in text
    line = next(n for n, s in enumerate(text.splitlines(), 1) if "(corrected)" in s)
    assert f"doc.xml:{line}: conflict" in said
    assert "merged your hand edits with the fresh conversion (1 conflict, listed below)" in said
    assert "'First paragraph (corrected).'" in said and "'First paragraph, changed.'" in said
    state = json.loads((out / ".teiedit-state.json").read_text(encoding="utf-8"))
    (conflict,) = state["files"]["doc.xml"]["conflicts"]
    assert (conflict["line"], conflict["mine"]) == (line, "First paragraph (corrected).")
    assert (out / ".teiedit" / "conflicts" / "doc.xml").is_file()

    code, said, err = run_cli(["resolve", str(target), "--take", "fresh"], capsys)
    assert code == 0, err
    assert f"{target}: 1 conflict resolved, the fresh conversion's readings taken" in said
    text = target.read_text(encoding="utf-8")
    assert "<p>First paragraph, changed.</p>" in text  # the conversion's reading at the conflict
    assert '<title type="main">Better</title>' in text  # the other correction stays
    assert not (out / ".teiedit" / "conflicts" / "doc.xml").exists()
    state = json.loads((out / ".teiedit-state.json").read_text(encoding="utf-8"))
    assert "conflicts" not in state["files"]["doc.xml"]
    code, _, err = run_cli(["resolve", str(target), "--take", "mine"], capsys)
    assert code == 2 and "no conflicts recorded" in err


def test_resolve_mine_keeps_the_file_and_forgets_the_conflicts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out, target = _setup(tmp_path, capsys)
    _edit(target, "<p>First paragraph.</p>", "<p>First paragraph (corrected).</p>")
    src.write_text(SOURCE.replace("First paragraph.", "First paragraph, changed."), "utf-8")
    _convert(src, out, capsys)
    before = target.read_bytes()
    assert run_cli(["resolve", str(target), "--take", "mine"], capsys)[0] == 0
    assert target.read_bytes() == before
    state = json.loads((out / ".teiedit-state.json").read_text(encoding="utf-8"))
    assert "conflicts" not in state["files"]["doc.xml"]


def test_copying_the_fresh_conversion_over_the_edited_file_is_no_hand_edit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out, target = _setup(tmp_path, capsys)
    _edit(target, "<p>First paragraph.</p>", "<p>First paragraph!</p>")
    shutil.rmtree(out / ".teiedit")
    (out / ".teiedit-state.json").unlink()  # no record: the edit cannot be told from the conversion
    src.write_text(SOURCE.replace("Second", "2nd"), "utf-8")
    said = _convert(src, out, capsys)
    pending = out / ".pending" / "doc.xml"
    assert "kept your hand-edited version" in said and str(pending) in said
    assert "First paragraph!" in target.read_text(encoding="utf-8")
    shutil.copyfile(pending, target)  # the editor takes the fresh conversion
    said = _convert(src, out, capsys)
    assert "kept" not in said and "lines differ" not in said
    assert not pending.exists()
    assert not TeiState.load(out).is_hand_edited("doc.xml")


def test_force_overwrites_hand_edits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out, target = _setup(tmp_path, capsys)
    _edit(target, "<p>First paragraph.</p>", "<p>First paragraph (corrected).</p>")
    _convert(src, out, capsys, "--force")
    assert "(corrected)" not in target.read_text(encoding="utf-8")
    assert target.read_bytes() == (out / ".teiedit" / "base" / "doc.xml").read_bytes()


def test_unchanged_source_is_not_converted_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out, target = _setup(tmp_path, capsys)
    mtime = target.stat().st_mtime_ns
    _convert(src, out, capsys)
    assert target.stat().st_mtime_ns == mtime


def test_a_lost_state_is_rebuilt_from_the_files_without_assuming_hand_edits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out, target = _setup(tmp_path, capsys)
    (out / ".teiedit-state.json").unlink()
    shutil.rmtree(out / ".teiedit")  # the bases too: the stamp alone says the file is unedited
    src.write_text(SOURCE.replace("Second", "2nd"), "utf-8")
    said = _convert(src, out, capsys)
    assert "<p>2nd paragraph here.</p>" in target.read_text(encoding="utf-8")
    assert "kept" not in said and "merged" not in said
    assert not (out / ".pending").exists()


def test_a_lost_state_keeps_hand_edits_merged_with_the_base(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out, target = _setup(tmp_path, capsys)
    _edit(target, "<p>First paragraph.</p>", "<p>First paragraph (corrected).</p>")
    (out / ".teiedit-state.json").unlink()
    src.write_text(SOURCE.replace("Second", "2nd"), "utf-8")
    said = _convert(src, out, capsys)
    text = target.read_text(encoding="utf-8")
    assert "(corrected)" in text and "<p>2nd paragraph here.</p>" in text
    assert "merged your hand edits" in said


def test_a_renamed_hand_edited_file_is_merged_under_its_new_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out, target = _setup(tmp_path, capsys)
    _edit(target, "<p>First paragraph.</p>", "<p>First paragraph (corrected).</p>")
    renamed = out / "my-letter.xml"
    target.rename(renamed)
    src.write_text(SOURCE.replace("Second", "2nd"), "utf-8")
    _convert(src, out, capsys)
    assert not target.exists()  # never converted again under its old name
    text = renamed.read_text(encoding="utf-8")
    assert "(corrected)" in text and "<p>2nd paragraph here.</p>" in text
    state = json.loads((out / ".teiedit-state.json").read_text(encoding="utf-8"))["files"]
    assert sorted(state) == ["my-letter.xml"]
    assert state["my-letter.xml"]["doc"] == "doc.xml"
    mtime = renamed.stat().st_mtime_ns
    _convert(src, out, capsys)  # current now: nothing to do
    assert renamed.stat().st_mtime_ns == mtime and not target.exists()


def test_a_conflict_line_is_right_when_the_editor_removed_the_stamp(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out, target = _setup(tmp_path, capsys)
    text = target.read_text(encoding="utf-8")
    stamp_line = next(
        line for line in text.splitlines(keepends=True) if line.startswith("<?teiedit ")
    )
    target.write_text(
        text.replace(stamp_line, "").replace("First paragraph.", "First (fixed)."), "utf-8"
    )
    src.write_text(SOURCE.replace("First paragraph.", "First paragraph, changed."), "utf-8")
    said = _convert(src, out, capsys)
    merged = target.read_text(encoding="utf-8")
    assert merged.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<?teiedit doc="doc.xml"')
    line = next(n for n, s in enumerate(merged.splitlines(), 1) if "First (fixed)." in s)
    assert f"doc.xml:{line}: conflict" in said
