"""Input checked, never silently: what sources/ holds besides plaintext, empty and binary sources, and
`teiedit validate` on what is not TEI (plain text, a register, HTML, an empty folder, --xsd's value)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli

LETTER = "Dear Comrade Ivanov,\n\nWe met in Kaesong on 3 March 1956.\n\nYours,\nPetrov\n"


@pytest.fixture
def edition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    root = tmp_path / "ed"
    assert run_cli(["init", str(root), "--title", "T", "--editor", "Ann Editor"], capsys)[0] == 0
    monkeypatch.chdir(root)
    return root


def test_files_that_are_no_plaintext_are_listed_and_skipped(
    edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = edition / "sources"
    (sources / "letter.txt").write_text(LETTER, encoding="utf-8")
    (sources / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (sources / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (sources / "draft.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00")
    (sources / "blob.bin").write_bytes(bytes(range(256)))
    (sources / "notes.text").write_text("a note", encoding="utf-8")
    code, out, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 0, err
    skipped = {
        line.split(": warning: ")[0]: line.split(": warning: ")[1]
        for line in err.splitlines()
        if "not a plaintext source" in line
    }
    assert skipped == {
        str(
            sources / "blob.bin"
        ): "not a plaintext source (a binary file): skipped — give the text as a .txt file (UTF-8)",
        str(
            sources / "draft.docx"
        ): "not a plaintext source (a ZIP archive (a .docx or .odt is one)): "
        "skipped — save it as plain text (.txt, UTF-8) from the word processor",
        str(sources / "notes.text"): "not a plaintext source (a text file without the .txt "
        "extension): skipped — rename it to .txt to convert it",
        str(sources / "photo.png"): "not a plaintext source (a PNG image): skipped — transcribe it "
        "into a .txt file; images are not sources",
        str(
            sources / "scan.pdf"
        ): "not a plaintext source (a PDF): skipped — extract its text into "
        "a .txt file (e.g. `pdftotext -layout FILE.pdf`)",
    }
    assert "README.md" not in err  # the notes `teiedit init` writes there are no source
    assert (edition / "tei" / "letter.xml").is_file()


def test_an_empty_sources_folder_says_so(edition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 0
    assert (
        f"{edition / 'sources'}: warning: no plaintext sources (*.txt) in the sources folder: "
        "nothing to convert — put transcriptions as UTF-8 .txt files there, then build again"
    ) in err


def test_empty_and_binary_txt_are_reported_and_the_rest_builds(
    edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = edition / "sources"
    (sources / "letter.txt").write_text(LETTER, encoding="utf-8")
    (sources / "empty.txt").write_bytes(b"")
    (sources / "binary.txt").write_bytes(bytes(range(256)) * 4)
    code, out, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 1
    assert f"{sources / 'empty.txt'}: error: the file is empty" in err
    assert f"{sources / 'binary.txt'}" in err
    assert sorted(p.name for p in (edition / "tei").glob("*.xml")) == ["letter.xml"]
    assert (edition / "out" / "html" / "doc-letter.html").is_file() or any(
        "letter" in p.name for p in (edition / "out" / "html").glob("*.html")
    )
    assert not list((edition / "tei").glob("*.tmp*"))  # nothing half-written


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "letter.txt").write_text(LETTER, encoding="utf-8")
    (folder / "list.xml").write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="a"><persName>A</persName>'
        "</person></listPerson>",
        encoding="utf-8",
    )
    (folder / "page.xml").write_text("<html><body/></html>", encoding="utf-8")
    (folder / "empty").mkdir()
    return folder


def test_validate_says_what_a_file_is_when_it_is_no_tei(
    files: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(files)
    code, _, err = run_cli(["validate", "letter.txt"], capsys)
    assert code == 2
    assert err.startswith("letter.txt: fatal: not XML: this file is plain text, not TEI")
    assert "unclosed or misspelt tag" not in err and "teiedit convert" in err
    code, _, err = run_cli(["validate", "list.xml"], capsys)
    assert code == 1
    assert "<listPerson> is a register, not a TEI document: the schema starts with <TEI>" in err
    assert "inside <>" not in err and "tei/registers/" in err
    code, _, err = run_cli(["validate", "page.xml"], capsys)
    assert code == 1
    assert "the root element <html> is not TEI: this file is not a TEI document" in err
    assert "did you mean" not in err
    code, _, err = run_cli(["validate", "empty"], capsys)
    assert code == 2 and "empty: fatal: no XML files in this folder (nor below it)" in err
    code, _, err = run_cli(["validate"], capsys)  # no edition here
    assert code == 2 and "no PATH given and no edition here" in err


def test_xsd_takes_only_a_schema_and_leaves_the_paths_alone(
    built_mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = str(next((built_mini / "tei").glob("*.xml")))
    xsd = str(built_mini / "schema" / "build" / "teiedit.xsd")
    for args in (
        ["--xsd", doc],  # once taken as the schema file: now the path it is
        [doc, "--xsd"],
        [f"--xsd={xsd}", doc],
        ["--xsd", xsd, doc],
        ["--xsd-file", xsd, doc],
    ):
        code, out, err = run_cli(["validate", *args], capsys)
        assert (code, out) == (0, "1 files checked, 0 invalid\n"), (args, err)


def test_validate_without_a_path_checks_the_edition_here(
    built_mini: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(built_mini / "tei")  # anywhere inside the edition
    code, out, err = run_cli(["validate"], capsys)
    assert code == 0, err
    documents = len(list((built_mini / "tei").glob("*.xml")))
    registers = len(list((built_mini / "tei" / "registers").glob("*.xml")))
    assert documents  # (the registers are checked too: tests/test_registers_grow.py)
    assert out == f"{documents + registers} files checked, 0 invalid\n"
