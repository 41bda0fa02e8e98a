"""The harvestable site: a crawl from the sitemap resolves every link and TEI pointer; the published TEI
validates against the published schemas; JSON-LD, the TEI alternate link, the exports, BEACON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from harvest import NS, REPO, build_exchange_edition, harvest
from lxml import etree, html

from teiedit.builder import BuildOptions
from teiedit.builders.registry import get_builder
from teiedit.config import load_settings
from teiedit.edition import Edition
from teiedit.validate import schematron_diagnostics

BASE = "https://example.org/exchange-test/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_exchange_edition(tmp_path_factory.mktemp("site")) / "out" / "html"


def test_a_crawl_from_the_sitemap_resolves_every_link_and_pointer(site: Path) -> None:
    crawl = harvest(site, BASE)
    assert crawl.problems == []
    names = {p.name for p in crawl.tei}
    # every document and every register reached, with their pointers
    assert {"letter-kim-to-ri.xml", "memo-plenum.xml", "persons.xml", "places.xml"} <= names
    assert len(crawl.pages) >= 8 and crawl.pointers > 50


def test_published_tei_points_at_published_registers_and_schemas(site: Path) -> None:
    tree = etree.parse(str(site / "tei" / "letter-kim-to-ri.xml"))
    refs = set(tree.xpath("//tei:correspDesc//@ref", namespaces=NS))
    assert refs == {
        "registers/persons.xml#kim-il-sung",
        "registers/persons.xml#ri-sang-jo",
        "registers/places.xml#moscow",
        "registers/places.xml#pyongyang",
    }
    pis = [p.text for p in tree.xpath("/processing-instruction('xml-model')")]
    assert [p.split('"')[1] for p in pis] == [
        "../schema/build/teiedit.rng",
        "../schema/build/teiedit.sch",
    ]
    register = etree.parse(str(site / "tei" / "registers" / "persons.xml"))
    assert "../../schema/build/teiedit.rng" in register.xpath("string(/processing-instruction())")
    # the edition's own file is unchanged
    source = etree.parse(str(site.parent.parent / "tei" / "letter-kim-to-ri.xml"))
    assert "#kim-il-sung" in source.xpath("//tei:correspDesc//@ref", namespaces=NS)


def test_downloaded_tei_validates_against_the_schemas_it_names(site: Path) -> None:
    rng = etree.RelaxNG(etree.parse(str(site / "schema" / "build" / "teiedit.rng")))
    files = sorted((site / "tei").rglob("*.xml"))
    assert len(files) == 7
    for f in files:
        tree = etree.parse(str(f))
        assert rng.validate(tree), (f.name, rng.error_log)
        findings = schematron_diagnostics(tree, str(f), site / "schema" / "build" / "teiedit.sch")
        assert [d for d in findings if d.level.value == "error"] == [], f.name


def _head(page: Path) -> etree._Element:
    return html.parse(str(page)).getroot().find("head")


def test_document_pages_carry_json_ld_and_a_tei_alternate(site: Path) -> None:
    head = _head(site / "letter-kim-to-ri.html")
    (link,) = head.xpath("link[@rel='alternate'][@type='application/tei+xml']")
    assert link.get("href") == "tei/letter-kim-to-ri.xml"
    (script,) = head.xpath("script[@type='application/ld+json']")
    data = json.loads(script.text)
    assert data["@context"] == "https://schema.org" and data["@type"] == "CreativeWork"
    assert data["name"] == "Letter from Kim Il Sung to Ri Sang-jo"
    assert data["encoding"]["contentUrl"] == BASE + "tei/letter-kim-to-ri.xml"
    assert data["encoding"]["encodingFormat"] == "application/tei+xml"
    (author,) = data["author"]
    assert author["@type"] == "Person" and author["name"] == "Kim Il Sung"
    assert "http://viaf.org/viaf/91810738" in author["sameAs"]
    assert [r["name"] for r in data["recipient"]] == ["Ri Sang-jo"]
    mentioned = {m["name"]: m["@type"] for m in data["mentions"]}
    assert mentioned["Pyongyang"] == "Place"
    pages = sorted(site.glob("*.html"))
    docs = [p for p in pages if (site / "tei" / f"{p.stem}.xml").is_file()]
    assert len(docs) == 4
    for page in docs:
        assert len(_head(page).xpath("script[@type='application/ld+json']")) == 1, page.name


def test_entity_pages_carry_json_ld_of_their_entry(site: Path) -> None:
    head = _head(site / "entities" / "kim-il-sung.html")
    (script,) = head.xpath("script[@type='application/ld+json']")
    data = json.loads(script.text)
    assert data["@type"] == "Person" and data["name"] == "Kim Il Sung"
    assert data["@id"] == data["url"] == BASE + "entities/kim-il-sung.html"
    assert "http://viaf.org/viaf/91810738" in data["sameAs"]
    pages = sorted((site / "entities").glob("*.html"))
    assert len(pages) >= 5
    for page in pages:  # each page its own entry's description, never a document's
        (one,) = _head(page).xpath("script[@type='application/ld+json']")
        assert json.loads(one.text)["@type"] in ("Person", "Place", "Organization"), page.name


def test_exports_are_published_with_the_site(site: Path) -> None:
    cmif = etree.parse(str(site / "data" / "cmif.xml"))
    rng = etree.RelaxNG(etree.parse(str(REPO.parent / "shared" / "cmif" / "cmi-customization.rng")))
    assert rng.validate(cmif), rng.error_log
    findings = schematron_diagnostics(
        cmif, "cmif.xml", REPO.parent / "shared" / "cmif" / "cmif.sch"
    )
    assert findings == []
    assert cmif.xpath("string(//tei:idno[@type='url'])", namespaces=NS) == BASE + "data/cmif.xml"
    assert cmif.xpath("string(//tei:editor/tei:email)", namespaces=NS) == "editor@example.org"
    corpus = etree.parse(str(site / "data" / "corpus.xml")).getroot()
    assert etree.QName(corpus).localname == "teiCorpus" and len(corpus.findall("tei:TEI", NS)) == 7
    tables = json.loads((site / "data" / "registers" / "registers.json").read_text("utf-8"))
    assert {row["id"] for row in tables["persons"]} >= {"kim-il-sung", "ri-sang-jo"}


def test_beacon_lists_persons_with_authority_ids(site: Path) -> None:
    lines = (site / "beacon" / "viaf.txt").read_text("utf-8").splitlines()
    header = dict(line[1:].split(": ", 1) for line in lines if line.startswith("#"))
    assert header["FORMAT"] == "BEACON" and header["PREFIX"] == "http://viaf.org/viaf/"
    assert header["TIMESTAMP"] == "2023-11-14"
    links = [line for line in lines if not line.startswith("#")]
    assert links == ["91810738||" + BASE + "entities/kim-il-sung.html"]
    # a person without an authority identifier is in no BEACON file
    assert not any("ri-sang-jo" in f.read_text("utf-8") for f in (site / "beacon").glob("*.txt"))


def test_sitemap_lists_pages_and_tei_with_absolute_urls(site: Path) -> None:
    locs = etree.parse(str(site / "sitemap.xml")).xpath("//sm:loc/text()", namespaces=NS)
    assert BASE + "index.html" in locs and BASE + "tei/registers/places.xml" in locs
    # entity pages too: each has its own URL and JSON-LD for a harvester to find
    assert BASE + "entities/kim-il-sung.html" in locs
    assert all(str(loc).startswith(BASE) for loc in locs)
    pages = [*site.glob("*.html"), *site.glob("entities/*.html")]
    assert len(locs) == len(set(locs)) == len(pages) + 7


def test_a_second_build_writes_nothing_and_a_changed_register_everything(tmp_path: Path) -> None:
    root = build_exchange_edition(tmp_path)
    settings = load_settings(root)
    builder, out = get_builder("site"), root / "out" / "html"
    assert builder.build(Edition.load(settings), out, BuildOptions()) == []
    places = root / "tei" / "registers" / "places.xml"
    places.write_text(places.read_text("utf-8").replace("Pyongyang", "P'yŏngyang", 1), "utf-8")
    written = builder.build(Edition.load(settings), out, BuildOptions())
    assert out / "tei" / "registers" / "places.xml" in written
    assert "P'yŏngyang" in (out / "tei" / "registers" / "places.xml").read_text("utf-8")


@pytest.mark.slow
def test_this_editions_site_is_harvestable(tmp_path: Path) -> None:
    """The repository's own edition: web edition and site formats, crawled from the sitemap."""
    edition = Edition.load(load_settings(REPO))
    out = tmp_path / "html"
    options = BuildOptions({"link_pdf": False})
    get_builder("html").build(edition, out, options)
    get_builder("site").build(edition, out, options)
    crawl = harvest(out, edition.settings.base_url)
    assert crawl.problems == []
    assert len(crawl.tei) == len(list(edition.documents())) + len(edition.registers.files)
    oai = etree.parse(str(out / "oai" / "static.xml"))
    records = oai.xpath("//oai:record", namespaces={"oai": "http://www.openarchives.org/OAI/2.0/"})
    assert len(records) == 2 * len(list(edition.documents()))


def test_sitemap_files_are_the_pages_of_every_kind_and_the_tei(tmp_path: Path) -> None:
    from teiedit.builders.site.sitemap import site_files

    for name in ("index.html", "letter.html", "documents/2.html", "entities/kim.html",
                 "entities/kim-2.html", "vendor/leaflet/x.html", "js/vendor/y.html", "tei/letter.xml",
                 "tei/registers/persons.xml", "schema/build/teiedit.rng"):  # fmt: skip
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", "utf-8")
    assert site_files(tmp_path) == [
        "documents/2.html",
        "entities/kim-2.html",
        "entities/kim.html",
        "index.html",
        "letter.html",
        "tei/letter.xml",
        "tei/registers/persons.xml",
    ]


def test_dts_files_of_unchanged_documents_are_kept(tmp_path: Path) -> None:
    """A changed document makes its own DTS files again; the others' files stay as they were (same
    inode), and the folder is the same bytes as a whole build's."""
    root = build_exchange_edition(tmp_path)
    settings = load_settings(root)
    builder, out = get_builder("site"), root / "out" / "html"
    dts = out / "dts"
    docs = sorted(p.stem for p in (dts / "document").glob("*.xml"))
    assert len(docs) >= 2
    changed, other = docs[0], docs[1]
    inode = (dts / "document" / f"{other}.xml").stat().st_ino
    tei = next(p for p in (root / "tei").rglob(f"{changed}.xml"))
    tei.write_text(tei.read_text("utf-8").replace("</TEI>", "<!-- touched --></TEI>"), "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        builder.build(Edition.load(settings), out, BuildOptions())
        fresh = tmp_path / "fresh"
        builder.build(Edition.load(settings), fresh, BuildOptions(force=True))
    assert "touched" in (dts / "document" / f"{changed}.xml").read_text("utf-8")
    assert (dts / "document" / f"{other}.xml").stat().st_ino == inode

    def files(top: Path) -> dict[str, bytes]:
        return {
            p.relative_to(top).as_posix(): p.read_bytes()
            for p in top.rglob("*")
            if p.is_file() and not p.name.startswith(".")
        }

    assert files(dts) == files(fresh / "dts")
