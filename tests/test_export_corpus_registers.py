"""teiedit export corpus|registers: one ingestible teiCorpus (or zip), registers as CSV and JSON."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from helpers import run_cli
from lxml import etree

from teiedit.config import load_settings
from teiedit.edition import Edition
from teiedit.exchange.corpus_export import build_corpus, write_corpus

CASES = Path(__file__).resolve().parent / "cases" / "exchange"
REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}


def pointers(root: etree._Element) -> list[tuple[etree._Element, str]]:
    return [
        (el, tok[1:])
        for el in root.iter()
        if isinstance(el.tag, str)
        for v in el.attrib.values()
        for tok in v.split()
        if tok.startswith("#") and len(tok) > 1
    ]


def test_corpus_keeps_ids_unique_and_every_pointer_resolvable() -> None:
    corpus = build_corpus(Edition.load(load_settings(CASES / "edition")))
    ids = [el.get(XML_ID) for el in corpus.iter() if isinstance(el.tag, str) and el.get(XML_ID)]
    assert len(ids) == len(set(ids))
    unresolved = [
        (etree.QName(el).localname, target) for el, target in pointers(corpus) if target not in ids
    ]
    assert unresolved == []
    # a document's own pointers follow its renamed ids: the note in letter-ri-to-kim still points
    # to the paragraph of that letter, not to the first "p1" of the corpus
    letter = corpus.xpath("tei:TEI[@xml:id='letter-ri-to-kim']", namespaces=NS)[0]
    (ref,) = letter.xpath(".//tei:note//tei:ref", namespaces=NS)
    assert letter.xpath(f".//*[@xml:id='{ref.get('target')[1:]}']", namespaces=NS)[0].tag.endswith(
        "}p"
    )
    # register pointers keep their values
    assert (
        letter.xpath(
            "string(.//tei:correspAction[@type='received']/tei:persName/@ref)", namespaces=NS
        )
        == "#kim-il-sung"
    )


def test_corpus_holds_registers_then_every_document_with_all_its_text() -> None:
    edition = load_settings(CASES / "edition")
    corpus = build_corpus(Edition.load(edition))
    members = corpus.xpath("tei:TEI", namespaces=NS)
    assert [m.get(XML_ID) for m in members] == [
        "register-orgs",
        "register-persons",
        "register-places",
        "letter-kim-to-ri",
        "letter-ri-to-cc",
        "letter-ri-to-kim",
        "memo-plenum",
    ]
    for member in members[3:]:
        original = etree.parse(str(edition.tei / f"{member.get(XML_ID)}.xml")).getroot()
        assert "".join(member.find("tei:text", NS).itertext()) == "".join(
            original.find("tei:text", NS).itertext()
        )


def test_corpus_is_valid_tei_all(tei_all: etree.RelaxNG) -> None:
    rng = tei_all
    corpus = build_corpus(Edition.load(load_settings(CASES / "edition")))
    assert rng.validate(etree.ElementTree(corpus)), rng.error_log


def test_corpus_zip_has_every_file_and_a_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "corpus.zip"
    code, stdout, _ = run_cli(
        ["export", "corpus", "--edition", str(CASES / "edition"), "--out", str(out)], capsys
    )
    assert code == 0 and "7 TEI files" in stdout
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert len(manifest["files"]) == 7
        for entry in manifest["files"]:
            data = zf.read(entry["path"])
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
            assert data == (CASES / "edition" / entry["path"]).read_bytes()


def test_registers_export_csv_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "registers"
    code, _, _ = run_cli(
        ["export", "registers", "--edition", str(CASES / "edition"), "--out", str(out)], capsys
    )
    assert code == 0
    data = json.loads((out / "registers.json").read_text(encoding="utf-8"))
    table = {
        (kind, r["id"]): (r["names"][0], r["mentions"], r["authority_uris"])
        for kind, rows in data.items()
        for r in rows
    }
    assert table == {
        ("persons", "kim-il-sung"): (
            "Kim Il Sung",
            5,
            ["http://www.wikidata.org/entity/Q39464", "http://viaf.org/viaf/91810738"],
        ),
        ("persons", "ri-sang-jo"): ("Ri Sang-jo", 4, []),
        ("places", "moscow"): ("Moscow", 4, ["http://www.geonames.org/524901"]),
        ("places", "pyongyang"): (
            "Pyongyang",
            3,
            ["http://www.geonames.org/1871859", "http://www.wikidata.org/entity/Q18808"],
        ),
        ("orgs", "kwp-cc"): ("Central Committee of the Korean Workers' Party", 3, []),
    }
    for kind, rows in data.items():
        parsed = list(
            csv.DictReader(io.StringIO((out / f"{kind}.csv").read_text(encoding="utf-8")))
        )
        assert [r["id"] for r in parsed] == [r["id"] for r in rows]
        assert [int(r["mentions"]) for r in parsed] == [r["mentions"] for r in rows]
        assert [r["names"].split(" | ") for r in parsed] == [r["names"] for r in rows]
    assert data["persons"][0]["description"].startswith("Chairman")


@pytest.mark.parametrize("root", [CASES / "edition", REPO])
def test_corpus_written_member_by_member_is_the_whole_corpus(root: Path, tmp_path: Path) -> None:
    """The file, serialised one member at a time, is the bytes of the whole teiCorpus at once."""
    from teiedit.exchange.corpus_export import write_corpus

    edition = Edition.load(load_settings(root))
    corpus = build_corpus(edition)
    assert len(corpus) > 2
    out = tmp_path / "corpus.xml"
    write_corpus(edition, out)
    assert out.read_bytes() == etree.tostring(corpus, xml_declaration=True, encoding="UTF-8")


def test_corpus_written_again_after_changes_is_the_corpus_written_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Members kept from the last file are reused only when they read the same: a changed document is
    made again, and so is a later one whose ids are no longer renamed (the first no longer takes them)."""
    import shutil

    from teiedit.exchange import corpus_export
    from teiedit.exchange.corpus_export import write_corpus

    root = tmp_path / "edition"
    shutil.copytree(CASES / "edition", root)
    settings = load_settings(root)
    out = tmp_path / "kept" / "corpus.xml"
    write_corpus(Edition.load(settings), out)
    first = out.read_bytes()
    assert b'xml:id="letter-kim-to-ri.teiedit"' not in first  # the first document takes "teiedit"
    docs = [ed.path for ed in Edition.load(settings).documents()]
    assert len(docs) == 4
    docs[0].write_bytes(docs[0].read_bytes().replace(b'xml:id="teiedit"', b'xml:id="app"', 1))
    docs[2].write_bytes(docs[2].read_bytes().replace(b"</TEI>", b"<!-- edited --></TEI>", 1))
    edition = Edition.load(settings)
    made: list[str] = []
    real = corpus_export._rename_taken_ids

    def counting(root: etree._Element, prefix: str, taken: set[str]) -> dict[str, str]:
        made.append(prefix)
        return real(root, prefix, taken)

    monkeypatch.setattr(corpus_export, "_rename_taken_ids", counting)
    write_corpus(edition, out)
    # the two changed documents and the one after the first (its "teiedit" is no longer renamed)
    assert len(made) == 3, made
    fresh = tmp_path / "fresh" / "corpus.xml"
    write_corpus(edition, fresh)
    assert out.read_bytes() == fresh.read_bytes() != first
    assert out.read_bytes() == etree.tostring(
        build_corpus(edition), xml_declaration=True, encoding="UTF-8"
    )


def test_corpus_keeps_a_prefixed_member_in_the_tei_namespace(tmp_path: Path) -> None:
    # TEI written with a tei: prefix under another default namespace, as some projects export it
    root = tmp_path / "edition"
    shutil.copytree(CASES / "edition", root)
    (root / "tei" / "prefixed.xml").write_text(
        '<tei:TEI xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns="http://www.w3.org/1999/xhtml">'
        "<tei:teiHeader><tei:fileDesc><tei:titleStmt><tei:title>Prefixed</tei:title></tei:titleStmt>"
        "<tei:publicationStmt><tei:p>x</tei:p></tei:publicationStmt><tei:sourceDesc><tei:p>x</tei:p>"
        "</tei:sourceDesc></tei:fileDesc></tei:teiHeader><tei:text><tei:body>"
        "<tei:p>Prefixed text <b>kept in XHTML</b>.</tei:p></tei:body></tei:text></tei:TEI>",
        encoding="utf-8",
    )
    edition = Edition.load(load_settings(root))
    out = tmp_path / "corpus.xml"
    write_corpus(edition, out)
    for corpus in (
        etree.parse(str(out)).getroot(),
        etree.fromstring(etree.tostring(build_corpus(edition))),
    ):
        member = corpus.xpath("tei:TEI[tei:teiHeader//tei:title = 'Prefixed']", namespaces=NS)
        assert len(member) == 1
        assert member[0].xpath("string(tei:text/tei:body/tei:p)", namespaces=NS) == (
            "Prefixed text kept in XHTML."
        )
        inner = member[0].xpath("tei:text/tei:body/tei:p/*", namespaces=NS)
        assert [el.tag for el in inner] == ["{http://www.w3.org/1999/xhtml}b"]
        assert (
            corpus.xpath("//*[local-name() = 'TEI'][namespace-uri() != $tei]", tei=NS["tei"]) == []
        )
