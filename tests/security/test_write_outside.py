"""No write outside the edition: manifest names, links planted in output folders, reserved names and
document names that collide with files already there.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXED_EPOCH

from teiedit.cli import main
from teiedit.config import load_settings
from teiedit.diagnostics import TeieditError
from teiedit.io import output_path
from teiedit.pipeline import ConvertOptions, convert_files
from teiedit.staging import staged_dir

REPO = Path(__file__).resolve().parents[2]
TEI_NS = "http://www.tei-c.org/ns/1.0"
COMPILATION = REPO / "tests" / "cases" / "readers" / "compilation" / "bulletin-two-documents.txt"
LETTER = REPO / "tests" / "roots" / "mini" / "sources" / "plain-letter.txt"


@pytest.mark.parametrize(
    "name", ["../x.xml", "../../../x.xml", "/tmp/x.xml", "a/../../x.xml", "..", ".", ""]
)
def test_output_path_refuses_names_that_leave_the_folder(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(TeieditError, match="refusing to write"):
        output_path(folder, name)


def test_output_path_follows_linked_folders_but_not_a_linked_file(tmp_path: Path) -> None:
    folder, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    (folder / "inner").mkdir()
    (folder / "linked-in").symlink_to(folder / "inner")
    (folder / "linked-out").symlink_to(elsewhere)
    assert output_path(folder, "linked-in/a.xml") == (folder / "inner" / "a.xml").resolve()
    with pytest.raises(TeieditError):
        output_path(folder, "linked-out/a.xml")
    (elsewhere / "victim.txt").write_text("untouched", encoding="utf-8")
    (folder / "page.html").symlink_to(elsewhere / "victim.txt")
    assert output_path(folder, "page.html") == folder.resolve() / "page.html"  # the link, replaced


def test_a_linked_folder_in_the_output_is_not_written_through(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "html", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "tei").symlink_to(elsewhere)
    with pytest.raises(TeieditError, match="outside"), staged_dir(out) as tmp:
        (tmp / "tei").mkdir()
        (tmp / "tei" / "doc.xml").write_text("<x/>", encoding="utf-8")
    assert list(elsewhere.iterdir()) == []


def _imported_edition(tmp_path: Path) -> tuple[Path, Path]:
    edition = tmp_path / "ed"
    assert main(["init", str(edition), "--title", "Letters", "--editor", "Ada Editor"]) == 0
    doc = tmp_path / "in" / "doc.xml"
    doc.parent.mkdir()
    doc.write_text(
        f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body><p>x</p></body></text></TEI>',
        encoding="utf-8",
    )
    assert main(["import", str(doc), "--into", str(edition)]) in (0, 1)
    return edition, doc


@pytest.mark.parametrize("name", ["../../../x.xml", "/tmp/x.xml", "sub/x.xml", ".hidden.xml"])
def test_manifest_names_are_never_trusted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    edition, doc = _imported_edition(tmp_path)
    manifest = edition / "tei" / "imported" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert [f["name"] for f in data["files"]] == ["doc.xml"]
    data["files"][0]["name"] = name
    manifest.write_text(json.dumps(data), encoding="utf-8")
    doc.write_text(doc.read_text(encoding="utf-8").replace(">x<", ">changed<"), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(doc), "--into", str(edition)]) == 2
    err = capsys.readouterr().err
    assert "not a plain file name" in err and "manifest.json" in err
    assert not (tmp_path / "x.xml").exists() and not Path("/tmp/x.xml").exists()
    assert not (edition / "x.xml").exists() and not (edition / "tei" / "x.xml").exists()


def _edition_with(tmp_path: Path, sources: dict[str, Path]) -> Path:
    root = tmp_path / "ed"
    assert main(["init", str(root), "--title", "Letters", "--editor", "Ada Editor"]) == 0
    for name, src in sources.items():
        shutil.copy(src, root / "sources" / name)
    return root


def test_a_document_cannot_take_a_site_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _edition_with(tmp_path, {"index.txt": LETTER, "search.txt": LETTER})
    monkeypatch.chdir(root)
    assert main(["build", "--no-pdf"]) == 0
    html = root / "out" / "html"
    index = (html / "index.html").read_text(encoding="utf-8")
    assert "doc-index.html" in index and "doc-search.html" in index  # the index lists both
    assert (html / "doc-index.html").is_file() and (html / "doc-search.html").is_file()
    assert "js/search.js" in (html / "search.html").read_text(
        encoding="utf-8"
    )  # the site's own page


@pytest.mark.slow
def test_a_source_named_edition_does_not_replace_the_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    root = _edition_with(tmp_path, {"edition.txt": LETTER, "other.txt": LETTER})
    monkeypatch.chdir(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
    result_pdfs: list[Path] = []
    import teiedit.pipeline as pipeline

    real_build = pipeline.build

    def spy(*args: object, **kw: object) -> pipeline.BuildResult:
        result = real_build(*args, **kw)  # type: ignore[arg-type]
        result_pdfs.extend(result.pdfs)
        return result

    monkeypatch.setattr(pipeline, "build", spy)
    assert main(["build"]) == 0
    pdf = root / "out" / "pdf"
    assert sorted(p.name for p in pdf.glob("*.pdf")) == [
        "doc-edition.pdf",
        "edition.pdf",
        "other.pdf",
    ]
    assert sorted(p.name for p in result_pdfs) == ["doc-edition.pdf", "edition.pdf", "other.pdf"]
    book = PdfReader(str(pdf / "edition.pdf"))
    single = PdfReader(str(pdf / "doc-edition.pdf"))
    assert len(book.pages) > len(single.pages)  # the book: title page, contents, both, index


def test_a_new_source_may_not_take_a_file_another_source_wrote(tmp_path: Path) -> None:
    """``a-01.txt`` converted earlier (unchanged now) and a new compilation ``a.txt`` whose part 1 is
    ``a-01.xml``: detected against the file already there, not only within one run."""
    root = _edition_with(tmp_path, {"a-01.txt": LETTER})
    edition = load_settings(root)
    tei = root / "tei"
    convert_files([root / "sources" / "a-01.txt"], tei, edition, ConvertOptions())
    first = (tei / "a-01.xml").read_bytes()
    shutil.copy(COMPILATION, root / "sources" / "a.txt")
    both = sorted((root / "sources").glob("*.txt"))
    results = convert_files(both, tei, edition, ConvertOptions())
    found = {
        Path(r.source).name: [d.message for d in r.diagnostics if d.rule == "same-output"]
        for r in results
    }
    assert found["a.txt"] == [
        "not converted: a.txt and a-01.txt would both write a-01.xml (their names make the same "
        "document id); a-01.txt keeps it"
    ]
    assert (tei / "a-01.xml").read_bytes() == first
    assert not (tei / "a.xml").exists()
