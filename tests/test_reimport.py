"""Importing a source again never overwrites the editor's corrections of the imported file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from teiedit.config import load_settings
from teiedit.exchange.importer import import_files

CASES = Path(__file__).resolve().parent / "cases" / "exchange"
FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>A foreign letter</title></titleStmt>
      <publicationStmt><p>Another archive</p></publicationStmt>
      <sourceDesc><p>Born digital</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <p>The first paragraph, with a typo: teh end.</p>
      <p>The second paragraph.</p>
    </body>
  </text>
</TEI>
"""


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path, Path]:
    root = tmp_path / "edition"
    shutil.copytree(CASES / "edition", root)
    source = tmp_path / "foreign" / "letter.xml"
    source.parent.mkdir()
    source.write_text(FOREIGN, encoding="utf-8")
    report = import_files([source.parent], load_settings(root))
    assert [f.status for f in report.files] == ["imported"]
    return root, source, root / "tei" / "imported" / "letter.xml"


def _reimport(root: Path, source: Path) -> tuple[str, str, list[dict[str, object]]]:
    (item,) = import_files([source.parent], load_settings(root)).files
    return item.status, item.reason, item.merge_conflicts


def test_a_corrected_import_is_merged_with_the_new_import(setup: tuple[Path, Path, Path]) -> None:
    root, source, stored = setup
    stored.write_text(stored.read_text("utf-8").replace("teh end", "the end"), "utf-8")
    source.write_text(FOREIGN.replace("The second", "The 2nd"), "utf-8")
    status, reason, conflicts = _reimport(root, source)
    text = stored.read_text("utf-8")
    assert (status, conflicts) == ("merged", [])
    assert "the end" in text and "The 2nd paragraph" in text  # both kept
    assert "0 conflicts" in reason
    manifest = json.loads((stored.parent / "manifest.json").read_text("utf-8"))
    assert manifest["files"][0]["status"] == "merged"


def test_a_conflicting_reimport_keeps_the_editors_reading(setup: tuple[Path, Path, Path]) -> None:
    root, source, stored = setup
    stored.write_text(stored.read_text("utf-8").replace("teh end", "the end"), "utf-8")
    source.write_text(FOREIGN.replace("teh end", "tha end"), "utf-8")
    status, _, conflicts = _reimport(root, source)
    assert status == "merged" and "the end" in stored.read_text("utf-8")
    assert [(c["mine"], c["fresh"]) for c in conflicts] == [
        ("with a typo: the end.", "with a typo: tha end.")
    ]


def test_an_uncorrected_import_is_replaced(setup: tuple[Path, Path, Path]) -> None:
    root, source, stored = setup
    source.write_text(FOREIGN.replace("The second", "The 2nd"), "utf-8")
    assert _reimport(root, source)[0] == "imported"
    assert stored.read_text("utf-8") == source.read_text("utf-8")


def test_a_corrected_import_without_a_base_is_kept(setup: tuple[Path, Path, Path]) -> None:
    root, source, stored = setup
    shutil.rmtree(stored.parent / ".teiedit")  # imported before bases were kept
    corrected = stored.read_text("utf-8").replace("teh end", "the end")
    stored.write_text(corrected, "utf-8")
    source.write_text(FOREIGN.replace("The second", "The 2nd"), "utf-8")
    status, reason, _ = _reimport(root, source)
    pending = stored.parent / ".pending" / "letter.xml"
    assert status == "kept" and str(pending) in reason
    assert stored.read_text("utf-8") == corrected
    assert "The 2nd" in pending.read_text("utf-8")
    source.write_text(FOREIGN.replace("The second", "The 2nd").replace("first", "1st"), "utf-8")
    status, _, _ = _reimport(root, source)  # the kept import became the base: merged from now on
    text = stored.read_text("utf-8")
    assert status == "merged" and "the end" in text and "The 1st paragraph" in text
