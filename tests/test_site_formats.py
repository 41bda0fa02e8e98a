"""IIIF Presentation 3 manifests for documents with facsimiles, authority data in the registers
(coordinates, the entities report's list of entries without identifiers), CMIF for every document
with a correspDesc whatever its kind, and the site formats' command-line rows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from harvest import EXCHANGE, REPO
from helpers import run_cli
from lxml import etree

from teiedit.builder import BuildOptions
from teiedit.builders.registry import BUILDERS, get_builder
from teiedit.config import load_settings
from teiedit.diagnostics import Diagnostic
from teiedit.edition import Edition
from teiedit.exchange.cmif import build_cmif
from teiedit.registers import entry_from_element

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture
def edition_copy(tmp_path: Path) -> Path:
    root = tmp_path / "edition"
    shutil.copytree(EXCHANGE, root)
    shutil.copytree(REPO / "schema", root / "schema")
    return root


def _with_facsimile(root: Path) -> None:
    from PIL import Image

    images = root / "tei" / "images"
    images.mkdir()
    Image.new("RGB", (30, 50), "white").save(images / "p2.png")
    letter = root / "tei" / "letter-ri-to-kim.xml"
    text = letter.read_text("utf-8")
    text = text.replace(
        "</teiHeader>",
        '</teiHeader><facsimile><surface xml:id="s1"><graphic url="images/p1.png" width="40px"'
        ' height="60px"/></surface></facsimile>',
        1,
    )
    text = text.replace("<body>", '<body><pb facs="images/p2.png"/><pb facs="images/p3.png"/>', 1)
    letter.write_text(text, "utf-8")


def test_iiif_manifest_for_a_document_with_page_images(edition_copy: Path, tmp_path: Path) -> None:
    _with_facsimile(edition_copy)
    edition = Edition.load(load_settings(edition_copy))
    told: list[str] = []
    out = tmp_path / "site" / "iiif"
    written = get_builder("iiif").build(edition, out, BuildOptions(report=told.append))
    assert [p.name for p in written] == ["letter-ri-to-kim.json"]  # the only document with images
    data = json.loads((out / "letter-ri-to-kim.json").read_text("utf-8"))
    base = "https://example.org/exchange-test/iiif/letter-ri-to-kim"
    assert data["@context"] == "http://iiif.io/api/presentation/3/context.json"
    assert data["type"] == "Manifest" and data["id"] == base + ".json"
    assert all(isinstance(v, list) for v in data["label"].values())
    canvases = data["items"]
    # p1's size from the TEI, p2's from the image file; p3 (missing, size unknown) left out, said so
    assert [(c["width"], c["height"]) for c in canvases] == [(40, 60), (30, 50)]
    assert told[:1] == [
        "warning: letter-ri-to-kim: 1 page image of unknown size left out of its IIIF manifest: "
        "images/p3.png"
    ]
    for canvas in canvases:
        assert canvas["type"] == "Canvas" and canvas["id"].startswith(base + "/canvas/")
        (page,) = canvas["items"]
        assert page["type"] == "AnnotationPage"
        (annotation,) = page["items"]
        assert annotation["type"] == "Annotation" and annotation["motivation"] == "painting"
        assert annotation["target"] == canvas["id"]
        body = annotation["body"]
        assert body["type"] == "Image" and body["format"] == "image/png"
        assert (body["width"], body["height"]) == (canvas["width"], canvas["height"])
    ids = [c["id"] for c in canvases]
    assert len(ids) == len(set(ids))
    assert canvases[1]["items"][0]["items"][0]["body"]["id"] == (
        "https://example.org/exchange-test/tei/images/p2.png"
    )
    assert (tmp_path / "site" / "tei" / "images" / "p2.png").is_file()
    assert data["seeAlso"][0]["format"] == "application/tei+xml"


def test_many_documents_with_unsized_page_images_are_told_in_one_line(
    edition_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from teiedit.builders.site import builders

    for name in ("letter-ri-to-kim", "letter-kim-to-ri"):
        letter = edition_copy / "tei" / f"{name}.xml"
        text = letter.read_text("utf-8").replace("<body>", '<body><pb facs="images/gone.png"/>', 1)
        letter.write_text(text, "utf-8")
    edition = Edition.load(load_settings(edition_copy))
    told: list[Diagnostic] = []
    monkeypatch.setattr(builders, "IIIF_NOTES", 1)
    builders.write_iiif(edition, edition_copy / "iiif", told.append)
    (line,) = told
    assert line.message == (
        "2 documents have page images of unknown size, left out of their IIIF manifests (or no "
        "manifest): letter-kim-to-ri, letter-ri-to-kim"
    )
    assert line.path == str(edition.settings.tei)


def test_registers_read_coordinates_and_authority_ids() -> None:
    place = etree.fromstring(
        '<place xmlns="http://www.tei-c.org/ns/1.0" xmlns:xml="http://www.w3.org/XML/1998/namespace"'
        ' xml:id="pyongyang"><placeName type="preferred">Pyongyang</placeName>'
        '<idno type="geonames">1871859</idno><idno type="wikidata">Q18808</idno>'
        "<location><geo>39.0194 125.7381</geo></location></place>"
    )
    entry = entry_from_element(place)
    assert entry is not None and entry.coordinates == (39.0194, 125.7381)
    assert entry.authority_uris() == [
        ("geonames", "http://www.geonames.org/1871859"),
        ("wikidata", "http://www.wikidata.org/entity/Q18808"),
    ]
    for bad in ("north", "95 10", ""):
        place.find(f"{TEI}location/{TEI}geo").text = bad
        assert entry_from_element(place).coordinates is None  # type: ignore[union-attr]


def test_entities_report_lists_entries_without_authority_ids(
    edition_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(edition_copy)
    code, out, _ = run_cli(["entities", "report", "--format", "json"], capsys)
    assert code == 0
    report = json.loads(out)
    assert report["without_authority_id"] == {"org": ["kwp-cc"], "person": ["ri-sang-jo"]}
    assert report["places_without_coordinates"] == ["moscow", "pyongyang"]
    code, text, _ = run_cli(["entities", "report"], capsys)
    assert "person entries without an authority identifier (1): ri-sang-jo" in text


def test_cmif_takes_every_document_with_a_correspdesc_whatever_its_kind(edition_copy: Path) -> None:
    """A telegram and a directive are correspondence when their header says who wrote to whom."""
    source = (edition_copy / "tei" / "letter-ri-to-cc.xml").read_text("utf-8")
    for kind in ("telegram", "directive"):
        text = source.replace("letter-ri-to-cc", f"{kind}-1")
        text = text.replace(">letter</term>", f">{kind}</term>").replace(
            'type="letter"', f'type="{kind}"'
        )
        (edition_copy / "tei" / f"{kind}-1.xml").write_text(text, "utf-8")
    tree = build_cmif(Edition.load(load_settings(edition_copy))).tree
    refs = tree.xpath("//tei:correspDesc/@ref", namespaces=NS)
    assert {r.rsplit("/", 1)[1] for r in refs} >= {"telegram-1", "directive-1", "letter-ri-to-cc"}
    assert len(refs) == 5
    places = tree.xpath("//tei:correspAction/tei:placeName/@ref", namespaces=NS)
    assert places and all(p.startswith("http://www.geonames.org/") for p in places)


def test_each_site_format_is_a_row_with_an_export_command(
    edition_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("site", "sitemap", "oai", "dts", "iiif", "beacon"):
        assert BUILDERS[name].group == "export"
    out = tmp_path / "beacon"
    code, text, _ = run_cli(
        ["export", "beacon", "--edition", str(edition_copy), "--out", str(out)], capsys
    )
    assert code == 0 and (out / "viaf.txt").is_file()
    code, _, err = run_cli(
        ["export", "oai", "--edition", str(edition_copy), "--out", str(tmp_path / "o.xml")], capsys
    )
    assert code == 2 and "email" in err and "Traceback" not in err


def test_the_site_skips_what_the_edition_cannot_give_and_says_so(
    edition_copy: Path, tmp_path: Path
) -> None:
    for letter in (edition_copy / "tei").glob("letter-*.xml"):
        letter.unlink()
    toml = edition_copy / "teiedit.toml"
    toml.write_text(toml.read_text("utf-8").replace("base_url", "# base_url"), "utf-8")
    told: list[str] = []
    out = tmp_path / "html"
    get_builder("site").build(
        Edition.load(load_settings(edition_copy)), out, BuildOptions(report=told.append)
    )
    notes = "\n".join(told)
    assert "CMIF not published: CMIF needs the URL" in notes
    assert "sitemap not published" in notes and "OAI-PMH not published" in notes
    # what needs neither letters nor a base URL is there
    assert (out / "data" / "corpus.xml").is_file() and (out / "dts" / "index.json").is_file()
    assert (out / "tei" / "registers" / "persons.xml").is_file()
    entry = json.loads((out / "dts" / "index.json").read_text("utf-8"))
    assert entry["collection"] == "./collection{/id}.json"


def test_a_build_lists_what_the_site_cannot_publish_and_what_to_do(
    edition_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`teiedit build` names the site formats it left out and why, where the fix is (teiedit.toml),
    and an image it could not size, in the document that names it."""
    toml = edition_copy / "teiedit.toml"
    toml.write_text(toml.read_text("utf-8").replace("base_url", "# base_url"), "utf-8")
    letter = edition_copy / "tei" / "letter-ri-to-kim.xml"
    letter.write_text(
        letter.read_text("utf-8").replace("<body>", '<body><pb facs="images/gone.png"/>', 1),
        "utf-8",
    )
    (edition_copy / "sources").mkdir()
    monkeypatch.chdir(edition_copy)
    code, out, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 0
    config = f"{edition_copy / 'teiedit.toml'}: info:"
    told = [
        line
        for line in (out + err).splitlines()
        if ": info: " in line or "letter-ri-to-kim:" in line
    ]
    assert told == [
        f"{config} CMIF not published: CMIF needs the URL where the file will be published"
        " — pass --url URL or set base_url in teiedit.toml",
        f"{config} OAI-PMH not published: an OAI-PMH repository needs the URL where the site is"
        ' published — set base_url in teiedit.toml (e.g. "https://example.org/edition/")',
        f"{letter}: warning: letter-ri-to-kim: no IIIF manifest: none of its page images could be"
        " sized — give graphic/@width and @height, or put the image files beside the TEI",
        f"{config} sitemap not published: a sitemap needs the URL where the site is published"
        ' — set base_url in teiedit.toml (e.g. "https://example.org/edition/")',
    ]
    # a build with nothing to write says it again, as long as it is true
    code, out, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 0
    again = [
        line
        for line in (out + err).splitlines()
        if ": info: " in line or "letter-ri-to-kim:" in line
    ]
    assert again == told
    # what needs no base URL is published all the same; a manifest without a canvas is not
    assert (edition_copy / "out" / "html" / "data" / "corpus.xml").is_file()
    assert list((edition_copy / "out" / "html" / "iiif").iterdir()) == []


def test_dts_files_already_there_are_not_written_again(tmp_path: Path) -> None:
    """The DTS folder is brought to the files it should hold: the same bytes stay (not rewritten),
    changed ones are written, files and folders it should no longer hold go."""
    from teiedit.builders.site.builders import _update_dir

    out = tmp_path / "dts"
    first = {
        out / "index.json": b"{}\n",
        out / "document" / "a.xml": b"<a/>",
        out / "old" / "x": b"x",
    }
    _update_dir(out, first)
    assert {p: p.read_bytes() for p in first} == first
    kept = (out / "index.json").stat().st_ino
    second = {out / "index.json": b"{}\n", out / "document" / "a.xml": b"<b/>"}
    assert _update_dir(out, second) == list(second)
    assert (out / "index.json").stat().st_ino == kept  # not replaced
    assert (out / "document" / "a.xml").read_bytes() == b"<b/>"
    assert not (out / "old").exists()
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "document",
        "document/a.xml",
        "index.json",
    ]


@pytest.mark.parametrize(
    ("inside", "units"),
    [
        # a dictionary: its entries are the body's blocks
        (
            "<text><body><entry><form><orth>a</orth></form></entry><entry><form><orth>b</orth>"
            "</form></entry></body></text>",
            [("1", "block"), ("2", "block")],
        ),
        # a collection in text/group: each text, then its blocks
        (
            "<text><group><text><body><p>one</p><p>two</p></body></text><text><body><p>three</p>"
            "</body></text></group></text>",
            [("1", "text"), ("1.1", "block"), ("1.2", "block"), ("2", "text"), ("2.1", "block")],
        ),
        # a transcription in sourceDoc: its surfaces, then their zones
        (
            "<sourceDoc><surface><zone><line>a</line></zone><zone><line>b</line></zone></surface>"
            "</sourceDoc>",
            [("1", "surface"), ("1.1", "zone"), ("1.2", "zone")],
        ),
        # a corpus: its documents, then their blocks
        (
            "<teiCorpus><teiHeader/><TEI><teiHeader/><text><body><p>a</p></body></text></TEI>"
            "<TEI><teiHeader/><text><body><p>b</p><p>c</p></body></text></TEI></teiCorpus>",
            [
                ("1", "document"),
                ("1.1", "block"),
                ("2", "document"),
                ("2.1", "block"),
                ("2.2", "block"),
            ],
        ),
    ],
)
def test_dts_cites_dictionaries_collections_and_transcriptions(
    inside: str, units: list[tuple[str, str]]
) -> None:
    from teiedit.builders.site.dts_cite import citation_units

    root = etree.fromstring(
        inside.replace("<teiCorpus>", '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">')
        if inside.startswith("<teiCorpus>")
        else f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>{inside}</TEI>'
    )
    assert [(u.identifier, u.cite_type) for u in citation_units(root)] == units
