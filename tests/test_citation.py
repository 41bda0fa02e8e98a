"""Citations for reference managers and the plain text beside each page (builders/citation.py), and
the PDFs put into the site (builders/publish.py)."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from teiedit.builders.citation import bibtex, csl_json, page_url, plain_text, ris
from teiedit.builders.publish import publish_pdfs
from teiedit.config import Editor, default_settings
from teiedit.io import read_tei
from teiedit.summary import Party, Summary

CASES = Path(__file__).resolve().parent / "cases" / "html"

SUMMARY = Summary(
    page="letter-a",
    title="Letter from Anna Berg to Carl Dorn {draft}",
    date="1956-10-12",
    sort_date="1956-10-12",
    kind="letter",
    kind_class="letter",
    source="City Archive, Box 3",
    senders=(Party("p-berg", "Berg, Anna"),),
    addressees=(Party("p-dorn", "Carl Dorn"),),
)


def _settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    return dataclasses.replace(
        default_settings(tmp_path),
        title="Test Edition",
        publisher="Test Press",
        base_url="https://example.org/test",
        editors=(Editor("ed", "Test Editor"),),
    )


def test_the_permalink_keeps_the_file_name(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    assert page_url(settings, "letter-a") == "https://example.org/test/letter-a.html"
    assert page_url(dataclasses.replace(settings, base_url=""), "letter-a") == ""


def test_csl_json(tmp_path: Path) -> None:
    (item,) = json.loads(csl_json(SUMMARY, _settings(tmp_path)))
    assert item["type"] == "personal_communication"
    assert item["author"] == [{"family": "Berg", "given": "Anna"}]
    assert item["recipient"] == [{"literal": "Carl Dorn"}]
    assert item["editor"] == [{"literal": "Test Editor"}]
    assert item["issued"] == {"date-parts": [[1956, 10, 12]]}
    assert item["URL"] == "https://example.org/test/letter-a.html"
    assert item["container-title"] == "Test Edition"


def test_bibtex_escapes_and_ris_lines(tmp_path: Path) -> None:
    bib = bibtex(SUMMARY, _settings(tmp_path))
    assert bib.startswith("@misc{letter-a,\n")
    assert "title = {Letter from Anna Berg to Carl Dorn \\{draft\\}}" in bib
    assert (
        "author = {{Berg, Anna}}" in bib and "url = {https://example.org/test/letter-a.html}" in bib
    )
    lines = ris(SUMMARY, _settings(tmp_path)).split("\r\n")
    assert lines[0] == "TY  - PCOMM" and "AU  - Berg, Anna" in lines and "DA  - 1956/10/12" in lines
    assert lines[-2:] == ["ER  -", ""]


def test_plain_text_is_the_corrected_reading_with_notes(tmp_path: Path) -> None:
    root = read_tei(CASES / "letter-a.xml").root
    text = plain_text(root, SUMMARY, _settings(tmp_path))
    assert text.startswith("Letter from Anna Berg to Carl Dorn {draft}\n1956-10-12\n")
    assert "The harvest was poor this year" in text and "poer" not in text
    assert "[Note] Of cabbages, mostly." in text
    assert "never came. A new line" in text  # a line break is a space


def test_pdfs_are_put_into_the_site_and_follow_the_print_edition(tmp_path: Path) -> None:
    pdf, site = tmp_path / "pdf", tmp_path / "html"
    pdf.mkdir()
    (pdf / "a.pdf").write_bytes(b"%PDF-a")
    (pdf / "edition.pdf").write_bytes(b"%PDF-edition")
    assert {p.name for p in publish_pdfs(pdf, site)} == {"a.pdf", "edition.pdf"}
    assert (site / "pdf" / "a.pdf").read_bytes() == b"%PDF-a"
    assert os.path.samefile(site / "pdf" / "a.pdf", pdf / "a.pdf")  # a hard link, no copy
    assert publish_pdfs(pdf, site) == []  # nothing changed
    (pdf / "a.pdf").unlink()
    (pdf / "a.pdf").write_bytes(b"%PDF-a2")
    (pdf / "edition.pdf").unlink()
    assert [p.name for p in publish_pdfs(pdf, site)] == ["a.pdf"]
    assert (site / "pdf" / "a.pdf").read_bytes() == b"%PDF-a2"
    assert not (site / "pdf" / "edition.pdf").exists()
