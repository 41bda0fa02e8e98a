"""The loaded Edition: settings with absolute paths, documents parsed once with their page names, one
register model found by one rule, and a build that parses each file once."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from teiedit import io
from teiedit.builders.html import HtmlBuilder
from teiedit.builders.pdf import PdfBuilder
from teiedit.config import Settings, load_settings
from teiedit.edition import Edition

CASES = Path(__file__).resolve().parent / "cases"
EXCHANGE = CASES / "exchange" / "edition"
HTML_CASES = CASES / "html"


def test_settings_paths_are_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings(root=Path("ed"), registers=Path("data/regs"))
    assert settings.root == tmp_path / "ed"
    assert settings.registers == tmp_path / "ed" / "data" / "regs"
    assert settings.tei == tmp_path / "ed" / "tei" and settings.out == tmp_path / "ed" / "out"
    assert all(p.is_absolute() for p in (settings.sources, settings.schema, settings.imported))


def test_an_edition_loads_its_documents_in_order_with_pages_and_registers() -> None:
    edition = Edition.load(load_settings(EXCHANGE))
    assert [(ed.page, ed.imported) for ed in edition.documents()] == [
        ("letter-kim-to-ri", False),
        ("letter-ri-to-cc", False),
        ("letter-ri-to-kim", False),
        ("memo-plenum", False),
    ]
    assert len(edition) == 4
    assert [p.name for p in edition.registers.files] == ["orgs.xml", "persons.xml", "places.xml"]
    kinds = {e.id: (e.kind, e.name_tag, e.name) for e in edition.registers.all}
    assert kinds["kim-il-sung"] == ("person", "persName", "Kim Il Sung")
    assert kinds["moscow"] == ("place", "placeName", "Moscow")
    assert edition.registers.entries["kim-il-sung"].element is not None
    assert "kim-il-sung" in edition.registers.ids()


def test_registers_are_the_folder_and_the_register_files_given() -> None:
    """One rule: the settings' registers folder, and the inputs that are registers by structure."""
    settings = load_settings(EXCHANGE)
    files = sorted(HTML_CASES.rglob("*.xml"))
    edition = Edition.from_files(settings, files)
    given = sorted(p.name for p in (HTML_CASES / "registers").glob("*.xml"))
    folder = ["orgs.xml", "persons.xml", "places.xml"]
    assert [p.name for p in edition.registers.files] == folder + given
    assert not any(ed.is_register for ed in edition.documents())
    assert {ed.path.name for ed in edition.inputs() if ed.is_register} == set(given)


def test_imported_documents_are_marked(tmp_path: Path) -> None:
    root = tmp_path / "edition"
    shutil.copytree(EXCHANGE, root)
    (root / "tei" / "imported").mkdir()
    shutil.copyfile(HTML_CASES / "letter-a.xml", root / "tei" / "imported" / "letter-a.xml")
    edition = Edition.load(load_settings(root))
    assert [ed.page for ed in edition.documents() if ed.imported] == ["letter-a"]
    assert "letter-a" not in [ed.page for ed in edition.own_documents()]


def test_a_build_parses_each_file_once(mini_edition: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Conversion, validation and the web edition share one parse of every TEI and register file."""
    from teiedit.pipeline import build

    shutil.copytree(EXCHANGE / "tei" / "registers", mini_edition / "tei" / "registers")
    parsed: Counter[Path] = Counter()
    real = io.parse_xml_bytes

    def counting(data: bytes, path: str | Path = "") -> etree._ElementTree:
        parsed[Path(path).resolve()] += 1
        return real(data, path)

    monkeypatch.setattr(io, "parse_xml_bytes", counting)
    result = build(load_settings(mini_edition), pdf=False)
    assert result.html_pages and not result.validation.count_invalid_files()
    files = [
        *sorted((mini_edition / "tei").glob("*.xml")),
        *sorted((mini_edition / "tei" / "registers").glob("*.xml")),
    ]
    assert len(files) == 5
    assert {f.name: parsed[f.resolve()] for f in files} == {f.name: 1 for f in files}
    # loading again parses the documents (the registers are kept per process and file state), and the
    # print edition's plan parses nothing: it takes the loaded trees
    from teiedit.builders.pdf.plan import plan

    parsed.clear()
    edition = Edition.load(load_settings(mini_edition))
    assert plan(edition).jobs
    assert {f.name: parsed[f.resolve()] for f in files} == {
        f.name: int(f.parent.name == "tei") for f in files
    }


@pytest.mark.slow
def test_the_built_edition_is_not_outdated_until_a_document_changes(
    built_mini: Path, tmp_path: Path
) -> None:
    root = tmp_path / "mini"
    shutil.copytree(built_mini, root)
    settings = load_settings(root)
    edition = Edition.load(settings)
    pages = {ed.page for ed in edition.documents()}
    assert pages == {"note-on-cabbages", "plain-letter"}
    assert HtmlBuilder().outdated(edition, settings.out / "html") == set()
    assert PdfBuilder().outdated(edition, settings.out / "pdf") == set()
    doc = settings.tei / "plain-letter.xml"
    doc.write_bytes(doc.read_bytes().replace(b"</TEI>", b"<!-- touched --></TEI>"))
    edition = Edition.load(settings)
    assert HtmlBuilder().outdated(edition, settings.out / "html") == {"plain-letter"}
    # the book is made whole: every document's PDF is made again
    assert PdfBuilder().outdated(edition, settings.out / "pdf") == pages
    (settings.out / "pdf" / "edition.pdf").unlink()
    doc.write_bytes(doc.read_bytes().replace(b"<!-- touched -->", b""))
    assert PdfBuilder().outdated(Edition.load(settings), settings.out / "pdf") == pages


def test_the_edition_folder_named_on_the_command_line_gives_the_built_documents(
    tmp_path: Path,
) -> None:
    """``teiedit pdf tei/`` hands the builder the documents ``teiedit build`` loads: the front matter
    (printed before the contents' documents), the registers and teiedit's hidden bases are none."""
    from teiedit.builders.pdf.plan import plan
    from teiedit.commands.outputs import given_edition
    from teiedit.front_matter import example_introduction

    root = tmp_path / "edition"
    shutil.copytree(EXCHANGE, root)
    tei = root / "tei"
    (tei / "front").mkdir()
    (tei / "front" / "introduction.xml").write_bytes(example_introduction())
    (tei / ".teiedit" / "base").mkdir(parents=True)
    shutil.copyfile(tei / "memo-plenum.xml", tei / ".teiedit" / "base" / "memo-plenum.xml")
    settings = load_settings(root)

    def listed(edition: Edition) -> list[tuple[str, Path]]:
        return [(ed.page, ed.path.resolve()) for ed in edition.documents()]

    loaded = listed(Edition.load(settings))
    assert [page for page, _ in loaded] == [
        "letter-kim-to-ri",
        "letter-ri-to-cc",
        "letter-ri-to-kim",
        "memo-plenum",
    ]
    folder = given_edition(settings, [tei])
    assert listed(folder) == loaded
    assert [p.name for p in folder.register_paths()] == ["orgs.xml", "persons.xml", "places.xml"]
    book = plan(folder).book
    assert book is not None
    contents = etree.HTML(book.front).xpath("//ol[@class='toc']/li")
    titles = [" ".join("".join(li.itertext()).split()) for li in contents]
    assert titles.count("Introduction") == 1 and titles[0] == "Introduction"
    assert len(titles) == 3 + 4 + 1  # front matter, documents, index


def test_naming_only_registers_or_front_matter_is_a_clear_error(tmp_path: Path) -> None:
    """``teiedit pdf tei/front/introduction.xml`` wrote nothing and said nothing: now it says why (exit 2)."""
    from teiedit.commands.outputs import given_edition
    from teiedit.diagnostics import TeieditError
    from teiedit.front_matter import example_introduction

    root = tmp_path / "edition"
    shutil.copytree(EXCHANGE, root)
    tei = root / "tei"
    (tei / "front").mkdir()
    intro = tei / "front" / "introduction.xml"
    intro.write_bytes(example_introduction())
    settings = load_settings(root)
    registers = sorted(settings.registers.glob("*.xml"))
    assert registers, "the test edition has register files"
    for named in ([intro], registers, [intro, *registers]):
        with pytest.raises(TeieditError) as caught:
            given_edition(settings, named)
        assert "no documents among the files named" in str(caught.value)
        assert "tei/ folder" in caught.value.diagnostic.suggestion
    assert len(given_edition(settings, [intro, tei / "memo-plenum.xml"])) == 1
