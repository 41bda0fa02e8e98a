"""teiedit import reads, checks and stores one file at a time: the same outcome, no trees kept."""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from teiedit.config import load_settings
from teiedit.diagnostics import EXIT_ERROR
from teiedit.exchange import importer
from teiedit.exchange.import_manifest import manifest_text
from teiedit.exchange.import_report import ImportedFile
from teiedit.exchange.importer import import_files

CASES = Path(__file__).resolve().parent / "cases" / "exchange"
TEI_NS = "http://www.tei-c.org/ns/1.0"
HEADER = (
    "<teiHeader><fileDesc><titleStmt><title>{title}</title></titleStmt>"
    "<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc>"
    "{profile}</teiHeader>"
)


def _letter(title: str, sender: str) -> str:
    profile = (
        "<profileDesc><correspDesc><correspAction type='sent'>"
        f"<persName>{sender}</persName></correspAction></correspDesc></profileDesc>"
    )
    return (
        f'<TEI xmlns="{TEI_NS}">{HEADER.format(title=title, profile=profile)}'
        f"<text><body><p>Dear friend, {title}.</p></body></text></TEI>"
    )


def _register(pid: str, name: str, wikidata: str) -> str:
    return (
        f'<TEI xmlns="{TEI_NS}">{HEADER.format(title="People", profile="")}'
        f'<standOff><listPerson><person xml:id="{pid}"><persName>{name}</persName>'
        f'<idno type="wikidata">{wikidata}</idno></person></listPerson></standOff>'
        "<text><body><p>A register.</p></body></text></TEI>"
    )


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    root = tmp_path / "edition"
    shutil.copytree(CASES / "edition", root)
    return root


def _write_batch(folder: Path) -> None:
    """Files whose outcome depends on other files of the batch (names, fragments, conflicts)."""
    files = {
        "a/letter.xml": _letter("first", "Anna"),
        # a fragment read before the file that includes it: included, not refused
        "a/part.xml": f'<div xmlns="{TEI_NS}"><p>An included part.</p></div>',
        # the same file name in another folder: a second name
        "b/letter.xml": _letter("second", "Berta"),
        "b/master.xml": (
            f'<TEI xmlns="{TEI_NS}" xmlns:xi="http://www.w3.org/2001/XInclude">'
            f"{HEADER.format(title='Master', profile='')}<text><body>"
            '<xi:include href="../a/part.xml"/></body></text></TEI>'
        ),
        "c/broken.xml": f'<TEI xmlns="{TEI_NS}"><teiHeader>',
        "c/orphan.xml": f'<div xmlns="{TEI_NS}"><p>Nobody includes me.</p></div>',
        # the edition's register has kim-il-sung with this Wikidata id
        "c/people.xml": _register("P17", "Kim Il-sung", "Q39464"),
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def test_a_batch_imports_with_the_same_names_statuses_and_manifest(
    edition: Path, tmp_path: Path
) -> None:
    foreign = tmp_path / "foreign"
    _write_batch(foreign)
    report = import_files([foreign], load_settings(edition))
    table = [
        (f.source.relative_to(foreign).as_posix(), f.status, f.name, f.role) for f in report.files
    ]
    assert table == [
        ("a/letter.xml", "imported", "letter.xml", "letter"),
        ("a/part.xml", "included", "", ""),
        ("b/letter.xml", "imported", "letter-2.xml", "letter"),
        ("b/master.xml", "imported", "master.xml", "document"),
        ("c/broken.xml", "refused", "", ""),
        ("c/orphan.xml", "refused", "", ""),
        ("c/people.xml", "imported", "people.xml", "register"),
    ]
    reasons = {f.source.name: f.reason for f in report.files}
    assert reasons["part.xml"] == "a <div> fragment, included into master.xml"
    assert reasons["orphan.xml"].startswith("the root element <div> is a TEI fragment")
    assert reasons["master.xml"] == "XIncludes resolved (1 files, 0 fallbacks)"
    assert report.exit_code == EXIT_ERROR
    imported = edition / "tei" / "imported"
    # plain files are stored byte for byte; the XInclude set is stored resolved
    for stored, source in [
        ("letter.xml", "a/letter.xml"),
        ("letter-2.xml", "b/letter.xml"),
        ("people.xml", "c/people.xml"),
    ]:
        assert (imported / stored).read_bytes() == (foreign / source).read_bytes()
    master = etree.parse(str(imported / "master.xml")).getroot()
    assert master.xpath("string(//tei:body/tei:div/tei:p)", namespaces={"tei": TEI_NS}) == (
        "An included part."
    )
    manifest = json.loads((imported / "manifest.json").read_text(encoding="utf-8"))
    assert [(f["name"], f["status"]) for f in manifest["files"]] == [
        ("letter-2.xml", "imported"),
        ("letter.xml", "imported"),
        ("master.xml", "imported"),
        ("people.xml", "imported"),
    ]
    assert [(c["type"], sorted(e["id"] for e in c["entries"])) for c in manifest["conflicts"]] == [
        ("same-authority", ["P17", "kim-il-sung"])
    ]
    # a second import keeps every name and changes nothing
    again = import_files([foreign], load_settings(edition))
    assert [(f.status, f.name) for f in again.files if f.name] == [
        ("unchanged", "letter.xml"),
        ("unchanged", "letter-2.xml"),
        ("unchanged", "master.xml"),
        ("unchanged", "people.xml"),
    ]
    assert [(c.type, sorted(e.id for e in c.entries)) for c in again.conflicts] == [
        ("same-authority", ["P17", "kim-il-sung"])
    ]


def _live_input_documents(folder: Path) -> int:
    """How many documents parsed from files under ``folder`` are still reachable from Python."""
    gc.collect()
    urls = set()
    for obj in gc.get_objects():
        if isinstance(obj, etree._ElementTree):
            url = obj.docinfo.URL or ""
        elif isinstance(obj, etree._Element):
            url = obj.getroottree().docinfo.URL or ""
        else:
            continue
        if url.startswith(str(folder)):
            urls.add(url)
    return len(urls)


def test_import_keeps_no_parsed_file_once_it_is_stored(
    edition: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    for i in range(8):  # each with a register entry, whose element would keep its file alive
        (foreign / f"people-{i}.xml").write_text(
            _register(f"P{i}", f"Person number {i}", f"Q{1000 + i}"), encoding="utf-8"
        )
    live_before_each_read: list[int] = []
    read = importer.read_input

    def counting_read(path: Path, root: Path) -> ImportedFile:
        live_before_each_read.append(_live_input_documents(foreign))
        return read(path, root)

    monkeypatch.setattr(importer, "read_input", counting_read)
    report = import_files([foreign], load_settings(edition))
    assert [f.status for f in report.files] == ["imported"] * 8
    assert live_before_each_read == [0] * 8
    assert _live_input_documents(foreign) == 0


@pytest.mark.parametrize(
    "files, conflicts",
    [
        ([], []),
        (
            [
                {"name": "a.xml", "problems": [], "xinclude": [{"file": "p", "sha256": "0"}]},
                {"name": "b.xml", "reason": "zwei\nZeilen, „Anführung“", "merge_conflicts": []},
            ],
            [{"type": "same-name", "entries": [{"id": "x", "line": 3}], "empty": {}}],
        ),
    ],
)
def test_manifest_text_is_json_dumps_of_the_whole_document(
    files: list[dict[str, object]], conflicts: list[dict[str, object]]
) -> None:
    about = 'Files imported (with a "quote" and a\nnewline).'
    whole = {"about": about, "files": files, "conflicts": conflicts}
    expected = json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert manifest_text(about, iter(files), conflicts) == expected
    assert json.loads(manifest_text(about, iter(files), conflicts)) == whole
