"""One bad document never stops the edition: a document too large to print is left out of print only,
and of two sources that would write the same file the first is converted and the other reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import run_cli

from teiedit.config import load_settings
from teiedit.edition import Edition


@pytest.fixture
def converted(
    mini_edition: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    monkeypatch.chdir(mini_edition)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    code, _, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 0, err
    return mini_edition


def _too_large(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """Lower the print limit below the larger of the two documents: (the larger's page, the other's)."""
    sizes = {ed.page: ed.record.text_size for ed in Edition.load(load_settings(root)).documents()}
    assert len(sizes) == 2
    (big, big_size), (small, small_size) = sorted(sizes.items(), key=lambda kv: -kv[1][1])
    assert big_size[1] > small_size[1] > 0
    monkeypatch.setenv("TEIEDIT_PDF_MAX_CHARACTERS", str(small_size[1]))
    return big, small


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_document_too_large_to_print_is_left_out_and_the_rest_is_printed(
    converted: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    big, small = _too_large(converted, monkeypatch)
    code, out, err = run_cli(["build", "--jobs", jobs], capsys)
    assert code == 1, err
    tei = converted / "tei" / f"{big}.xml"
    line = next(x for x in err.splitlines() if "left out of the print edition" in x)
    assert line.startswith(f"{tei}: error: left out of the print edition (its web page is built)")
    assert "split its source into several documents" in line
    assert "TEIEDIT_PDF_MAX_CHARACTERS" in line and "Traceback" not in err
    pdf = converted / "out" / "pdf"
    assert sorted(p.name for p in pdf.glob("*.pdf")) == ["edition.pdf", f"{small}.pdf"]
    assert "2 PDFs in" in out and "(0 invalid)" in out  # too large to print is not invalid
    # the web edition has both pages; the one left out of print links no PDF
    html = converted / "out" / "html"
    assert f'href="pdf/{small}.pdf"' in (html / f"{small}.html").read_text(encoding="utf-8")
    page = (html / f"{big}.html").read_text(encoding="utf-8")
    assert "pdf/" not in page.replace("pdf/edition.pdf", "")
    assert sorted(p.name for p in (html / "pdf").glob("*.pdf")) == ["edition.pdf", f"{small}.pdf"]
    # nothing changed: nothing is laid out, and the document is still reported
    code, _, err = run_cli(["build", "--jobs", jobs], capsys)
    assert code == 1 and f"{tei}: error: left out of the print edition" in err
    # the limit raised again: it is printed, and the exit is 0
    monkeypatch.delenv("TEIEDIT_PDF_MAX_CHARACTERS")
    code, _, err = run_cli(["build", "--jobs", jobs], capsys)
    assert code == 0, err
    names = sorted(p.name for p in pdf.glob("*.pdf"))
    assert names == sorted(["edition.pdf", f"{small}.pdf", f"{big}.pdf"])
    assert f'href="pdf/{big}.pdf"' in (html / f"{big}.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_teiedit_pdf_leaves_out_a_document_too_large_and_serial_and_pool_agree(
    converted: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    big, small = _too_large(converted, monkeypatch)
    tei = converted / "tei"
    made: dict[str, dict[str, bytes]] = {}
    for jobs in ("1", "2"):
        out = converted / f"pdf-{jobs}"
        code, _, err = run_cli(["pdf", str(tei), "--out", str(out), "--jobs", jobs], capsys)
        assert code == 1, err
        assert f"{tei / f'{big}.xml'}: error: left out of the print edition" in err
        made[jobs] = {p.name: p.read_bytes() for p in out.glob("*.pdf")}
    assert sorted(made["1"]) == ["edition.pdf", f"{small}.pdf"]
    assert made["1"] == made["2"]


@pytest.mark.slow
def test_a_document_the_layout_engine_fails_on_is_left_out_and_the_rest_is_printed(
    converted: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from teiedit.builders.pdf import layout

    pages = sorted(ed.page for ed in Edition.load(load_settings(converted)).documents())
    assert len(pages) == 2
    bad, good = pages
    real = layout.lay_out

    def failing(job: layout.PrintJob) -> layout.LaidOut:
        if job.output == f"{bad}.pdf":
            raise RuntimeError("an engine failure")
        return real(job)

    monkeypatch.setattr(layout, "lay_out", failing)  # --jobs 1: laid out in this process
    code, out, err = run_cli(["build", "--jobs", "1"], capsys)
    assert code == 1, err
    tei = converted / "tei" / f"{bad}.xml"
    assert (
        f"{tei}: error: left out of the print edition (its web page is built): the layout engine "
        "(WeasyPrint) failed on it: RuntimeError: an engine failure" in err
    ), err
    assert "Traceback" not in err and "internal error" not in err
    pdf = converted / "out" / "pdf"
    assert sorted(p.name for p in pdf.glob("*.pdf")) == ["edition.pdf", f"{good}.pdf"]
    html = converted / "out" / "html"
    assert f'href="pdf/{good}.pdf"' in (html / f"{good}.html").read_text(encoding="utf-8")
    assert 'href="pdf/' not in (html / f"{bad}.html").read_text(encoding="utf-8")
    assert 'href="pdf/edition.pdf"' in (html / "index.html").read_text(encoding="utf-8")
    # the engine mended (here: the patch gone), the next build prints it and links it
    monkeypatch.setattr(layout, "lay_out", real)
    code, _, err = run_cli(["build", "--jobs", "1"], capsys)
    assert code == 0, err
    names = sorted(p.name for p in pdf.glob("*.pdf"))
    assert names == sorted(["edition.pdf", f"{good}.pdf", f"{bad}.pdf"])
    assert f'href="pdf/{bad}.pdf"' in (html / f"{bad}.html").read_text(encoding="utf-8")


def test_with_every_document_too_large_to_print_the_site_links_no_pdf(
    converted: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEIEDIT_PDF_MAX_CHARACTERS", "1")
    code, _, err = run_cli(["build"], capsys)
    assert code == 1, err
    assert err.count("error: left out of the print edition") == 2, err
    assert list((converted / "out" / "pdf").glob("*.pdf")) == []
    html = converted / "out" / "html"
    pages = sorted(html.glob("*.html"))
    assert len(pages) >= 3  # the index and the two documents' pages
    for page in pages:  # no link to a PDF that was not made, the book's included
        assert 'href="pdf/' not in page.read_text(encoding="utf-8"), page.name


def test_a_bad_print_limit_is_an_error_naming_the_variable(
    converted: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEIEDIT_PDF_MAX_ELEMENTS", "lots")
    code, _, err = run_cli(["pdf", str(converted / "tei"), "--out", "pdf"], capsys)
    assert code == 2
    assert "TEIEDIT_PDF_MAX_ELEMENTS='lots' is not a positive whole number" in err
    assert "Traceback" not in err and not (converted / "pdf").exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_of_two_sources_writing_one_file_the_first_is_converted_and_the_other_reported(
    mini_edition: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    jobs: str,
) -> None:
    monkeypatch.chdir(mini_edition)
    sources = mini_edition / "sources"
    (sources / "Note On Cabbages.txt").write_text(
        "Memorandum\n\nA made-up note on turnips, written for this test.\n", encoding="utf-8"
    )
    for attempt in range(2):  # the same outcome on the next build (the owner is unchanged)
        code, out, err = run_cli(["build", "--no-pdf", "--jobs", jobs], capsys)
        assert code == 1, err
        clash = [x for x in err.splitlines() if "would both write" in x]
        assert clash == [
            f"{sources / 'note-on-cabbages.txt'}: error: not converted: note-on-cabbages.txt and "
            "Note On Cabbages.txt would both write note-on-cabbages.xml (their names make the same "
            "document id); Note On Cabbages.txt keeps it — rename note-on-cabbages.txt (or Note On "
            "Cabbages.txt) so that their document ids differ"
        ]
        assert "Traceback" not in err
        # the first by name is converted, the rest of the edition builds
        tei = mini_edition / "tei"
        assert sorted(p.name for p in tei.glob("*.xml")) == [
            "note-on-cabbages.xml",
            "plain-letter.xml",
        ]
        assert "turnips" in (tei / "note-on-cabbages.xml").read_text(encoding="utf-8")
        html = mini_edition / "out" / "html"
        assert (html / "plain-letter.html").is_file() and (html / "note-on-cabbages.html").is_file()
        assert ("2 TEI files written" if attempt == 0 else "0 TEI files written") in out
    # renamed, it is converted too
    (sources / "note-on-cabbages.txt").rename(sources / "note-on-cabbages-2.txt")
    code, _, err = run_cli(["build", "--no-pdf", "--jobs", jobs], capsys)
    assert code == 0, err
    assert (mini_edition / "tei" / "note-on-cabbages-2.xml").is_file()


def test_a_new_source_that_would_take_an_existing_file_is_reported_and_the_file_kept(
    mini_edition: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mini_edition)
    code, _, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 0, err
    tei = mini_edition / "tei" / "plain-letter.xml"
    before = tei.read_bytes()
    shutil.copy(
        mini_edition / "sources" / "note-on-cabbages.txt", mini_edition / "sources" / "A.txt"
    )
    (mini_edition / "sources" / "Plain Letter.txt").write_text(
        "Another letter.\n", encoding="utf-8"
    )
    code, _, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 1, err
    # the earlier owner keeps its file, although "Plain Letter.txt" comes first by name
    assert "not converted: Plain Letter.txt and plain-letter.txt would both write" in err
    assert tei.read_bytes() == before
    assert (mini_edition / "tei" / "a.xml").is_file()  # the rest converts
