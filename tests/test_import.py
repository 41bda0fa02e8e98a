"""teiedit import: foreign TEI enters the edition unaltered, hostile files are refused with a reason."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import run_cli
from lxml import etree

from teiedit.config import load_settings
from teiedit.exchange.importer import import_files

CASES = Path(__file__).resolve().parent / "cases" / "exchange"
TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    root = tmp_path / "edition"
    shutil.copytree(CASES / "edition", root)
    return root


@pytest.fixture(scope="module")
def shared_import(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, dict[str, object]]]:
    """The whole shared external corpus imported once into a copy of the test edition."""
    shared = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "external-tei"
    if not shared.is_dir():
        pytest.fail(f"the shared corpus is missing at {shared}")
    root = tmp_path_factory.mktemp("shared") / "edition"
    shutil.copytree(CASES / "edition", root)
    report = import_files([shared], load_settings(root))
    return shared, {str(f.source): f.to_json(report.target_dir) for f in report.files}


def test_every_shared_file_is_imported_included_or_refused_with_a_reason(
    shared_import: tuple[Path, dict[str, dict[str, object]]],
) -> None:
    shared, outcome = shared_import
    assert sorted(outcome) == sorted(str(p.resolve()) for p in shared.rglob("*.xml"))
    for source, entry in outcome.items():
        assert entry["status"] in ("imported", "included", "refused"), source
        if entry["status"] == "refused":
            assert len(str(entry["reason"])) > 15, source
        if entry["status"] == "included":
            assert "included into" in str(entry["reason"])
    # the CMIF template's xml:id="[UUID]" is not well-formed; it must be refused, not half-imported
    template = next(s for s in outcome if s.endswith("cmif-digital-edition.xml"))
    assert outcome[template]["status"] == "refused"
    assert "NCName" in str(outcome[template]["reason"])


def test_imported_files_are_stored_unaltered(
    shared_import: tuple[Path, dict[str, dict[str, object]]],
) -> None:
    _, outcome = shared_import
    imported = [e for e in outcome.values() if e["status"] == "imported"]
    copies = [e for e in imported if e["stored_as"] == "byte-identical copy"]
    resolved = [e for e in imported if e["stored_as"] == "resolved XInclude"]
    assert len(copies) > 35 and len(resolved) == 7  # 6 I.Sicily files (fallbacks) + the SGA master
    assert all(e["xinclude"] or e["xinclude_fallbacks"] for e in resolved)
    for entry in copies:
        assert Path(str(entry["file"])).read_bytes() == Path(str(entry["source"])).read_bytes()


def test_xinclude_set_is_resolved_into_one_document(
    shared_import: tuple[Path, dict[str, dict[str, object]]],
) -> None:
    _, outcome = shared_import
    master = next(e for s, e in outcome.items() if s.endswith("hu-hm_2177.xml"))
    assert master["status"] == "imported" and len(master["xinclude"]) == 4  # type: ignore[arg-type]
    tree = etree.parse(str(master["file"]))
    assert not tree.xpath("//xi:include", namespaces={"xi": "http://www.w3.org/2001/XInclude"})
    for inc in master["xinclude"]:  # type: ignore[attr-defined]
        part = etree.parse(inc["file"]).getroot()
        words = " ".join("".join(part.itertext()).split())
        assert words in " ".join("".join(tree.getroot().itertext()).split())
    fragments = [e for s, e in outcome.items() if "/hu-hm_2177/" in s]
    assert len(fragments) == 3 and all(e["status"] == "included" for e in fragments)


def test_manifest_lists_imports_and_register_conflicts(edition: Path) -> None:
    (edition / "foreign").mkdir()
    (edition / "foreign" / "people.xml").write_text(
        """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>P</title>
        </titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc>
        </teiHeader><standOff><listPerson>
        <person xml:id="P17"><persName>Kim Il-sung</persName><idno type="URI">http://www.wikidata.org/entity/Q39464</idno></person>
        <person xml:id="P18"><persName>Ri Sang-jo</persName></person>
        </listPerson></standOff><text><body><p>A register.</p></body></text></TEI>""",
        encoding="utf-8",
    )
    (
        edition / "foreign" / ".git"
    ).mkdir()  # hidden folders (version control, caches) are not imported
    (edition / "foreign" / ".git" / "x.xml").write_text("<not-tei/>", encoding="utf-8")
    report = import_files([edition / "foreign"], load_settings(edition))
    assert [f.source.name for f in report.files] == ["people.xml"]
    kinds = {(c.type, frozenset(e.id for e in c.entries)) for c in report.conflicts}
    assert ("same-authority", frozenset({"kim-il-sung", "P17"})) in kinds
    assert ("same-name", frozenset({"ri-sang-jo", "P18"})) in kinds
    manifest = json.loads(
        (edition / "tei" / "imported" / "manifest.json").read_text(encoding="utf-8")
    )
    assert [f["name"] for f in manifest["files"]] == ["people.xml"]
    assert manifest["files"][0]["source_sha256"] == manifest["files"][0]["stored_sha256"]
    assert len(manifest["conflicts"]) == len(report.conflicts)
    # importing again changes nothing and keeps the name
    again = import_files([edition / "foreign"], load_settings(edition))
    assert [(f.status, f.name) for f in again.files] == [("unchanged", "people.xml")]


def test_xinclude_local_set_with_text_fallback_and_pointer(edition: Path) -> None:
    report = import_files([CASES / "xinclude"], load_settings(edition))
    status = {Path(f.source).name: f.status for f in report.files}
    assert status == {
        "master.xml": "imported",
        "chapter-1.xml": "included",
        "chapter-2.xml": "included",
        "nested.xml": "included",
    }
    tree = etree.parse(str(edition / "tei" / "imported" / "master.xml"))
    body = tree.find(f"{TEI}text/{TEI}body")
    assert [etree.QName(c).localname for c in body] == ["div", "p", "p", "p"]
    assert "".join(body[0].itertext()) == "Chapter oneA nested paragraph & more."
    assert "".join(body[1].itertext()) == "Quoted from a text file: To be, or not to be."
    assert "".join(body[2].itertext()) == "Chapter 3 is lost."
    assert body[3].get("{http://www.w3.org/XML/1998/namespace}id") == "second-para"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("xxe.xml", "declares entities that read other files"),
        ("billion-laughs.xml", "entities expand to"),
        ("undeclared-entity.xml", "does not expand"),
        ("xinclude-remote.xml", "never fetches"),
        ("xinclude-escape.xml", "outside the folder"),
        ("xinclude-cycle-a.xml", "cycle"),
        ("not-tei.xml", "is not TEI"),
        ("empty.xml", "empty"),
        ("broken.xml", "not well-formed"),
        ("fragment.xml", "fragment"),
    ],
)
def test_hostile_and_odd_files_are_refused_with_exit_2(
    edition: Path, capsys: pytest.CaptureFixture[str], name: str, words: str
) -> None:
    code, _, err = run_cli(
        ["import", str(CASES / "hostile" / name), "--into", str(edition)], capsys
    )
    assert code == 2
    assert words in err and name in err
    assert "Traceback" not in err and "root:" not in err
    assert not (edition / "tei" / "imported").exists()
    assert "root:x:0:0" not in err  # nothing of /etc/passwd leaked into a message


@pytest.mark.parametrize("depth", [6, 9])
def test_a_deeply_nested_entity_bomb_is_refused_as_one(
    edition: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, depth: int
) -> None:
    """Nested entities that libxml2 stops itself (its amplification limit) are named for what they
    are, not as a syntax error with a hint about unclosed tags."""
    declarations = ['<!ENTITY e0 "ha">'] + [
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, depth + 1)
    ]
    bomb = tmp_path / "nested.xml"
    bomb.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [\n' + "\n".join(declarations) + "\n]>\n"
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>'
        "</titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc>"
        f"</fileDesc></teiHeader><text><body><p>&e{depth};</p></body></text></TEI>",
        encoding="utf-8",
    )
    code, _, err = run_cli(["import", str(bomb), "--into", str(edition)], capsys)
    assert code == 2
    assert "nested.xml" in err and "expand too far" in err and "refused for safety" in err
    assert "unclosed" not in err and "not well-formed" not in err and "Traceback" not in err
    assert not (edition / "tei" / "imported").exists()


def test_import_cli_reports_and_writes_json(
    edition: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run_cli(
        [
            "import",
            str(CASES / "xinclude"),
            "--into",
            str(edition),
            "--report",
            str(tmp_path / "r.json"),
        ],
        capsys,
    )
    assert code == 1  # imported, with schema problems against teiedit's schema
    assert "imported as imported/master.xml" in out and "1 imported" in out
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    master = next(f for f in data["files"] if f["name"] == "master.xml")
    assert master["problems"] and master["problems"][0]["line"] > 0
    assert "<p>" in master["problems"][0]["message"]  # a <p> directly in publicationStmt


def test_declared_local_schema_is_used(edition: Path, tmp_path: Path) -> None:
    folder = tmp_path / "withschema"
    folder.mkdir()
    (folder / "tiny.rng").write_text(
        """<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="TEI"
        ns="http://www.tei-c.org/ns/1.0"><zeroOrMore><choice><text/><element><anyName/><text/></element>
        </choice></zeroOrMore></element></start></grammar>""",
        encoding="utf-8",
    )
    (folder / "doc.xml").write_text(
        '<?xml-model href="tiny.rng" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>flat</text></TEI>',
        encoding="utf-8",
    )
    report = import_files([folder], load_settings(edition))
    (item,) = report.files
    assert item.status == "imported" and item.problems == []
    assert Path(item.schema).name == "tiny.rng" and item.schema_reason.startswith(
        "the schema the file declares"
    )


def test_tei_all_is_used_when_supplied(edition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With --tei-all, files without a local schema are checked against it (lines as in SOURCES.md)."""
    tests = (
        Path(__file__).resolve().parent.parent.parent
        / "shared"
        / "corpora"
        / "external-tei"
        / "TEIC"
        / "TEI"
        / "P5"
        / "Test"
    )
    tei_all = (
        Path(__file__).resolve().parent.parent.parent
        / "shared"
        / "tei-p5"
        / "schemas"
        / "rng"
        / "tei_all.rng"
    )
    code, out, err = run_cli(
        [
            "import",
            str(tests / "testspoken.xml"),
            str(tests / "testgos.xml"),
            "--into",
            str(edition),
            "--tei-all",
            str(tei_all),
        ],
        capsys,
    )
    assert code == 1
    (line,) = [ln for ln in out.splitlines() if "imported/testspoken.xml" in ln]
    assert line.endswith("; valid (schema: tei_all (given with --tei-all))")
    (problem,) = [ln for ln in err.splitlines() if "testgos.xml:32:" in ln]  # as SOURCES.md says
    assert "error" in problem and "<date>" in problem and "publicationStmt" in problem
    code, _, err = run_cli(
        [
            "import",
            str(tests / "testspoken.xml"),
            "--into",
            str(edition),
            "--tei-all",
            str(edition / "missing.rng"),
        ],
        capsys,
    )
    assert code == 2 and "--tei-all does not exist" in err


def test_cmif_export_imports_back_as_cmif(edition: Path, tmp_path: Path) -> None:
    from teiedit.edition import Edition
    from teiedit.exchange.cmif import write_cmif

    write_cmif(Edition.load(load_settings(edition)), tmp_path / "cmif" / "letters.xml")
    other = tmp_path / "other"
    shutil.copytree(CASES / "edition", other)
    report = import_files([tmp_path / "cmif"], load_settings(other))
    (item,) = report.files
    assert (item.status, item.role) == ("imported", "cmif")
    stored = other / "tei" / "imported" / "letters.xml"
    assert stored.read_bytes() == (tmp_path / "cmif" / "letters.xml").read_bytes()


def test_other_encodings_are_stored_as_they_are_and_render(edition: Path) -> None:
    from lxml import html as lxml_html

    from teiedit.builders.html import render_page
    from teiedit.edition import Edition

    report = import_files([CASES / "odd"], load_settings(edition))
    assert {f.name: f.status for f in report.files} == {
        "latin1.xml": "imported",
        "utf16.xml": "imported",
    }
    stored = edition / "tei" / "imported"
    for name, words in (
        ("latin1.xml", "Café à São Paulo, «naïve»."),
        ("utf16.xml", "Ελληνικά и кириллица, 조선."),
    ):
        assert (stored / name).read_bytes() == (CASES / "odd" / name).read_bytes()
        settings = load_settings(edition)
        (ed,) = Edition.from_files(settings, [stored / name]).documents()
        assert words in lxml_html.fromstring(render_page(ed, settings)).text_content()


def _tei(body: str) -> str:
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">'
        "<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p>"
        f"</publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader><text><body>{body}"
        "</body></text></TEI>"
    )


def _div(body: str) -> str:
    return f'<div xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">{body}</div>'


def test_deep_include_chains_and_include_bombs_are_refused(edition: Path, tmp_path: Path) -> None:
    deep = tmp_path / "deep"
    deep.mkdir()
    (deep / "main.xml").write_text(_tei('<xi:include href="d1.xml"/>'), encoding="utf-8")
    for i in range(1, 12):
        (deep / f"d{i}.xml").write_text(
            _div(f'<xi:include href="d{i + 1}.xml"/>'), encoding="utf-8"
        )
    (deep / "d12.xml").write_text(_div("<p>bottom</p>"), encoding="utf-8")
    bomb = tmp_path / "bomb"
    bomb.mkdir()
    (bomb / "main.xml").write_text(_tei('<xi:include href="b1.xml"/>' * 20), encoding="utf-8")
    (bomb / "b1.xml").write_text(_div('<xi:include href="b2.xml"/>' * 20), encoding="utf-8")
    (bomb / "b2.xml").write_text(_div('<xi:include href="b3.xml"/>' * 20), encoding="utf-8")
    (bomb / "b3.xml").write_text(_div("<p>lol</p>"), encoding="utf-8")
    report = import_files([deep / "main.xml", bomb / "main.xml"], load_settings(edition))
    reasons = {f.source.parent.name: f.reason for f in report.files}
    assert "nest deeper than" in reasons["deep"]
    assert "more than 500 XIncludes" in reasons["bomb"]
    assert all(f.status == "refused" for f in report.files)


def test_include_through_a_symlink_pointing_outside_is_refused(
    edition: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.xml"
    outside.write_text(_div("<p>secret</p>"), encoding="utf-8")
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "link.xml").symlink_to(outside)
    (folder / "main.xml").write_text(_tei('<xi:include href="link.xml"/>'), encoding="utf-8")
    report = import_files([folder / "main.xml"], load_settings(edition))
    (main,) = [f for f in report.files if f.source.name == "main.xml"]
    assert main.status == "refused" and "outside the folder" in main.reason
