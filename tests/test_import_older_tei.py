"""Older forms of TEI are imported, not refused: TEI P4 is converted to P5, the entities a DOCTYPE declares
are expanded (never one that names a file), and every word of the text is kept and rendered."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree, html
from test_behaviours import build_site

from teiedit.config import load_settings
from teiedit.exchange.importer import import_files

CASES = Path(__file__).resolve().parent / "cases" / "exchange"
TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI_NS}

P4 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE TEI.2 [ <!ENTITY mill "the old mill"> ]>
<TEI.2 id="p4doc" lang="en" TEIform="TEI.2"><teiHeader><fileDesc><titleStmt><title>An old P4 text</title>
</titleStmt><publicationStmt><p>Synthetic P4.</p></publicationStmt><sourceDesc><p>None.</p></sourceDesc>
</fileDesc></teiHeader>
<text><body><div1 type="chapter" id="ch1"><head>Chapter I</head><p>It was a <hi rend="italic">dark</hi>
night at &mill;.<note place="foot" n="1">A note in P4.</note></p>
<div2 type="section"><head>A section</head><p lang="la">Dormit molinarius. <xref target="ch1 ch1">Back</xref>
<ref target="elsewhere.xml">Other</ref></p></div2></div1></body></text></TEI.2>
"""


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    """The P4 document (with an entity of its own) imported into a copy of the test edition."""
    root = tmp_path_factory.mktemp("older") / "edition"
    shutil.copytree(CASES / "edition", root)
    source = root.parent / "old-p4.xml"
    source.write_text(P4, encoding="utf-8")
    report = import_files([source], load_settings(root))
    (item,) = report.files
    assert item.status == "imported", item.reason
    return report.target_dir / item.name, item.to_json(report.target_dir)


def test_p4_is_stored_as_p5(imported: tuple[Path, dict[str, object]]) -> None:
    stored, entry = imported
    tree = etree.parse(str(stored))
    root = tree.getroot()
    assert root.tag == f"{{{TEI_NS}}}TEI"
    assert tree.docinfo.internalDTD is None
    assert root.get("{http://www.w3.org/XML/1998/namespace}id") == "p4doc"
    assert root.xpath("string(//tei:p[@xml:lang='la'])", namespaces=NS).startswith("Dormit")
    assert root.xpath("//tei:ref/@target", namespaces=NS) == ["#ch1 #ch1", "elsewhere.xml"]
    assert root.xpath("//@TEIform | //*[namespace-uri() != $ns]", namespaces=NS, ns=TEI_NS) == []
    assert entry["stored_as"] == "its DOCTYPE's entities expanded; converted from TEI P4 to P5"


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_p4_keeps_every_word_and_renders(imported: tuple[Path, dict[str, object]]) -> None:
    stored, _ = imported
    source = etree.fromstring(P4.encode(), etree.XMLParser(resolve_entities=True))
    words = _words(" ".join(source.find("text").itertext()))
    assert "old" in words and len(words) > 15
    stored_root = etree.parse(str(stored)).getroot()
    assert _words(" ".join(stored_root.find(f"{{{TEI_NS}}}text").itertext())) == words
    out = stored.parent.parent / "site"
    build_site([stored], out, stored.parent)
    page = html.parse(str(out / f"{stored.stem}.html")).getroot()
    shown = set(_words(" ".join(page.xpath("//article")[0].itertext())))
    assert [w for w in words if w not in shown] == []
    assert page.xpath("string(//section[contains(@class, 'chapter')]/h2)") == "Chapter I"
    assert page.xpath("string(//a[. = 'Back']/@href)") == "#ch1"


def test_manifest_says_how_the_file_was_stored(imported: tuple[Path, dict[str, object]]) -> None:
    stored, _ = imported
    manifest = json.loads((stored.parent / "manifest.json").read_text(encoding="utf-8"))
    (entry,) = manifest["files"]
    assert "converted from TEI P4 to P5" in entry["reason"]


@pytest.mark.parametrize(
    ("doctype", "text", "words"),
    [
        ('<!ENTITY x SYSTEM "secret.txt">', "&x;", "declares entities that read other files (x)"),
        ('<!ENTITY ok "fine">', "&ok; &mdash;", "Entity 'mdash' not defined"),
    ],
)
def test_entities_that_cannot_be_expanded_safely_are_refused(
    tmp_path: Path, doctype: str, text: str, words: str
) -> None:
    root = tmp_path / "edition"
    shutil.copytree(CASES / "edition", root)
    (tmp_path / "secret.txt").write_text("do not read", encoding="utf-8")
    source = tmp_path / "doc.xml"
    source.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE TEI [ {doctype} ]>\n<TEI xmlns="{TEI_NS}"><teiHeader/>'
        f"<text><body><p>{text}</p></body></text></TEI>",
        encoding="utf-8",
    )
    (item,) = import_files([source], load_settings(root)).files
    assert item.status == "refused"
    assert words in item.reason
    assert "do not read" not in item.reason


def test_a_short_transcript_with_its_speakers_in_the_header_is_a_document(tmp_path: Path) -> None:
    root = tmp_path / "edition"
    shutil.copytree(CASES / "edition", root)
    source = tmp_path / "interview.xml"
    source.write_text(
        f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>I</title></titleStmt>'
        "<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>"
        '<profileDesc><particDesc><listPerson><person xml:id="a"><persName>Ann</persName></person>'
        "</listPerson></particDesc></profileDesc></teiHeader>"
        '<text><body><u who="#a">Yes.</u></body></text></TEI>',
        encoding="utf-8",
    )
    (item,) = import_files([source], load_settings(root)).files
    assert (item.status, item.role) == ("imported", "document")
