"""Registers of imported TEI join the edition's on the site: entity pages, register overviews, mentions by
document and search facets (teiedit/imported_registers.py)."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from lxml import etree, html

from teiedit.builder import BuildOptions
from teiedit.builders.html import HtmlBuilder
from teiedit.builders.sitedata import ORIGINS_SHOWN, SiteData, entity_pages
from teiedit.config import load_settings
from teiedit.edition import Edition
from teiedit.exchange.import_report import ImportReport
from teiedit.exchange.importer import import_files
from teiedit.imported_registers import Imported, join_imported, resolved
from teiedit.registers import Registers
from teiedit.summary import Mention, Party, Summary, summarise

CASES = Path(__file__).resolve().parent / "cases" / "exchange"
TEI_NS = "http://www.tei-c.org/ns/1.0"

# Two letters of a foreign project, written for this test. Letter A names Kim Il Sung by Wikidata id
# (an edition entry), Hanna Probst and Graz (its own); letter B names Kim Il Sung by the Wikidata URI
# under another id, Hanna Probst under the same id, and Erna Fremd under an id the edition gives to
# another person.
LETTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>{title}</title></titleStmt>
      <publicationStmt><p>Test project.</p></publicationStmt>
      <sourceDesc><p>Written for the test.</p></sourceDesc>
    </fileDesc>
    <profileDesc><correspDesc>
      <correspAction type="sent"><persName ref="#{sender}">{sender_name}</persName>
        <date when="{date}"/></correspAction>
    </correspDesc></profileDesc>
  </teiHeader>
  <text>
    <body><div><p>{body}</p></div></body>
    <back>
      <listPerson>{persons}</listPerson>
      <listPlace>{places}</listPlace>
    </back>
  </text>
</TEI>
"""

A = LETTER.format(
    title="Letter A",
    sender="hp",
    sender_name="Hanna Probst",
    date="1957-03-01",
    body='<persName ref="#kis">Kim</persName> met <persName ref="#hp">Hanna Probst</persName>'
    ' in <placeName ref="#graz">Graz</placeName>.',
    persons='<person xml:id="kis"><persName>Kim Il Sung</persName>'
    '<idno type="wikidata">Q39464</idno></person>'
    '<person xml:id="hp"><persName>Hanna Probst</persName><note>Translator.</note>'
    '<idno type="wikidata">Q98765432</idno></person>',
    places='<place xml:id="graz"><placeName>Graz</placeName>'
    "<location><geo>47.07 15.44</geo></location></place>",
)
B = LETTER.format(
    title="Letter B",
    sender="ri-sang-jo",
    sender_name="Erna Fremd",
    date="1957-04-02",
    body='<persName ref="#kim">Kim Il-sung</persName> wrote to <persName ref="#hp">Frau'
    ' Probst</persName>; <persName ref="#ri-sang-jo">Erna Fremd</persName> signed.',
    persons='<person xml:id="kim"><persName>Kim Ir Sen</persName>'
    "<idno>https://www.wikidata.org/wiki/Q39464</idno></person>"
    '<person xml:id="hp"><persName>Hanna Probst</persName></person>'
    '<person xml:id="ri-sang-jo"><persName>Erna Fremd</persName></person>',
    places="",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Edition]:
    """The exchange test edition with the two letters imported, built as a site."""
    tmp = tmp_path_factory.mktemp("impreg")
    report, site = _imported_site(tmp, {"brief-a.xml": A, "brief-b.xml": B})
    assert sorted(f.status for f in report.files) == ["imported", "imported"]
    return site


def _imported_site(tmp: Path, files: dict[str, str]) -> tuple[ImportReport, tuple[Path, Edition]]:
    """The exchange test edition copied into ``tmp``, with ``files`` (name: TEI) imported and the whole
    edition built as a site in ``tmp/html``: the import's report, and the site with its edition."""
    root = tmp / "edition"
    shutil.copytree(CASES / "edition", root)
    foreign = tmp / "foreign"
    foreign.mkdir()
    for name, text in files.items():
        (foreign / name).write_text(text, encoding="utf-8")
    settings = load_settings(root)
    report = import_files([foreign], settings)
    edition = Edition.load(settings)
    out = tmp / "html"
    HtmlBuilder().build(edition, out, BuildOptions({"link_pdf": False}))
    return report, (out, edition)


def _page(out: Path, rel: str) -> html.HtmlElement:
    assert (out / rel).is_file(), rel
    return html.parse(str(out / rel)).getroot()


def _docs(page: html.HtmlElement) -> list[str]:
    """The documents an entity page lists under its mentions (their page names)."""
    hrefs = page.xpath("//section[contains(@class,'mentions')]//h3/a/@href")
    return sorted(str(h).rsplit("/", 1)[-1].removesuffix(".html") for h in hrefs)


def test_the_rule_joins_by_authority_and_by_id_and_namespaces_collisions(
    site: tuple[Path, Edition],
) -> None:
    _, edition = site
    regs = edition.site_registers
    pages = {ed.path.stem: ed.page for ed in edition.documents() if ed.imported}
    a, b = pages["brief-a"], pages["brief-b"]
    assert regs.aliases[a] == {"kis": "kim-il-sung", "hp": "hp", "graz": "graz"}
    assert regs.aliases[b] == {"kim": "kim-il-sung", "hp": "hp", "ri-sang-jo": f"{b}.ri-sang-jo"}
    kim = regs.entries["kim-il-sung"]
    assert [v.text for v in kim.variants] == ["Kim Il Sung", "Kim Il-sung", "Kim Ir Sen"]
    assert regs.origins["kim-il-sung"] == [a, b]
    assert regs.entries[f"{b}.ri-sang-jo"].name == "Erna Fremd"
    assert regs.entries["ri-sang-jo"].name == "Ri Sang-jo"
    # the edition's own registers are left as they were
    assert "hp" not in edition.registers.entries
    assert [v.text for v in edition.registers.entries["kim-il-sung"].variants] == [
        "Kim Il Sung",
        "Kim Il-sung",
    ]


def test_entity_pages_list_the_imported_documents(site: tuple[Path, Edition]) -> None:
    out, edition = site
    pages = {ed.path.stem: ed.page for ed in edition.documents() if ed.imported}
    a, b = pages["brief-a"], pages["brief-b"]
    kim = _page(out, "entities/kim-il-sung.html")
    assert {a, b} <= set(_docs(kim))
    hp = _page(out, "entities/hp.html")
    assert _docs(hp) == sorted([a, b])
    assert hp.xpath("string(//h1)") == "Hanna Probst"
    origins = hp.xpath("//p[@class='entity-origins']/a/@href")
    assert [str(h).rsplit("/", 1)[-1] for h in origins] == [f"{a}.html", f"{b}.html"]
    # the mentions link to the names on the documents' pages
    anchors = sorted(
        str(h).rsplit("/", 1)[-1] for h in hp.xpath("//li//a[contains(@href,'#m-')]/@href")
    )
    assert anchors == [f"{a}.html#m-hp-1", f"{b}.html#m-hp-1"]
    # a letter's sender from its own register is a correspondent of the edition
    sent = hp.xpath("//section[contains(@class,'letters-sent')]//a/@href")
    assert [str(h).rsplit("/", 1)[-1] for h in sent] == [f"{a}.html"]
    fremd = _page(out, f"entities/{b}.ri-sang-jo.html")
    assert fremd.xpath("string(//h1)") == "Erna Fremd"
    assert _docs(fremd) == [b]
    ri = _page(out, "entities/ri-sang-jo.html")
    assert b not in _docs(ri)
    assert not ri.xpath("//p[@class='entity-origins']")
    graz = _page(out, "entities/graz.html")
    assert _docs(graz) == [a]


def test_the_imported_pages_link_their_names_to_the_entity_pages(
    site: tuple[Path, Edition],
) -> None:
    out, edition = site
    pages = {ed.path.stem: ed.page for ed in edition.documents() if ed.imported}
    a = _page(out, f"{pages['brief-a']}.html")
    links = {
        a.xpath("string(.)"): str(a.get("href"))
        for a in a.xpath("//main//p//a[contains(@class,'entity')]")
    }
    assert links == {
        "Kim": "entities/kim-il-sung.html",
        "Hanna Probst": "entities/hp.html",
        "Graz": "entities/graz.html",
    }
    # letter B's own "#ri-sang-jo" is Erna Fremd, not the edition's Ri Sang-jo of the same id
    b = _page(out, f"{pages['brief-b']}.html")
    fremd = b.xpath("//main//p//a[contains(@class,'entity')][. = 'Erna Fremd']")
    assert fremd  # the sender line and the text
    for link in fremd:
        assert link.get("href") == f"entities/{pages['brief-b']}.ri-sang-jo.html"
        assert link.get("title").startswith("Erna Fremd")
    listed = a.xpath("//aside[@class='entities']//li/a/@href")
    assert sorted(str(h) for h in listed) == [
        "entities/graz.html",
        "entities/hp.html",
        "entities/kim-il-sung.html",
    ]


def test_overviews_and_search_facets_name_the_imported_entries(
    site: tuple[Path, Edition],
) -> None:
    out, edition = site
    b = next(ed.page for ed in edition.documents() if ed.path.stem == "brief-b")
    persons = _page(out, "persons.html")
    listed = {str(h).rsplit("/", 1)[-1] for h in persons.xpath("//a/@href")}
    assert {"hp.html", "kim-il-sung.html", f"{b}.ri-sang-jo.html"} <= listed
    places = _page(out, "places.html")
    assert "graz.html" in {str(h).rsplit("/", 1)[-1] for h in places.xpath("//a/@href")}
    meta = (out / "search" / "meta.js").read_text(encoding="utf-8")
    data = json.loads(meta[meta.index("(") + 1 : meta.rindex(")")])
    entries = {e[0]: e for e in data["entries"]}
    assert entries["hp"][1] == "Hanna Probst"
    assert entries["hp"][4] == 2  # both letters name her
    assert entries[f"{b}.ri-sang-jo"][1] == "Erna Fremd"
    assert entries["graz"][2] == "places"
    assert "kim ir sen" in data["forms"]  # the imported spelling expands a query


def test_records_and_beacon_name_the_joined_entries(
    site: tuple[Path, Edition], tmp_path: Path
) -> None:
    """The harvestable record of an imported letter (JSON-LD, OAI, DTS) names the entries its own "#ids"
    became on the site, and BEACON lists an imported person's authority id with that person's page."""
    from teiedit.builders.site.builders import write_beacon
    from teiedit.builders.site.records import document_record

    _, edition = site
    docs = {ed.path.stem: ed for ed in edition.documents() if ed.imported}
    b = docs["brief-b"]
    record = document_record(b, edition)
    assert [(p.name, p.entry.id if p.entry else None) for p in record.creators] == [
        ("Erna Fremd", f"{b.page}.ri-sang-jo")
    ]
    assert sorted(e.id for e in record.mentions) == sorted(
        ["kim-il-sung", "hp", f"{b.page}.ri-sang-jo"]
    )
    written = write_beacon(edition, tmp_path / "beacon")
    wikidata = (tmp_path / "beacon" / "wikidata.txt").read_text(encoding="utf-8")
    assert tmp_path / "beacon" / "wikidata.txt" in written
    lines = [line for line in wikidata.splitlines() if not line.startswith("#")]
    assert any(
        line.startswith("Q98765432||") and line.endswith("entities/hp.html") for line in lines
    )
    assert any(
        line.startswith("Q39464||") and line.endswith("entities/kim-il-sung.html") for line in lines
    )


def test_an_imported_register_file_joins_by_the_same_rule(tmp_path: Path) -> None:
    reg = etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><text><body><listPerson>'
        '<person xml:id="k"><persName>Kim Il Sung</persName>'
        "<idno>http://www.wikidata.org/entity/Q39464</idno></person>"
        '<person xml:id="z"><persName>Zora Neu</persName></person>'
        "</listPerson></body></text></TEI>"
    )
    own = Registers()
    own.add(
        CASES / "edition" / "tei" / "registers" / "persons.xml",
        etree.parse(str(CASES / "edition" / "tei" / "registers" / "persons.xml")).getroot(),
    )
    joined = join_imported(own, [Imported("reg", tmp_path / "reg.xml", reg, is_register=True)])
    assert joined.shared == {"k": "kim-il-sung", "z": "z"}
    assert joined.in_files == {"reg.xml": {"k": "kim-il-sung", "z": "z"}}
    assert joined.origins == {"kim-il-sung": ["reg.xml"], "z": ["reg.xml"]}
    assert len(joined.files) == 2
    assert not own.shared and "z" not in own.entries
    # an imported document pointing into the imported register file is read through the join
    letter = Summary(
        page="other",
        title="t",
        date="",
        sort_date="",
        kind="letter",
        kind_class="letter",
        senders=(Party("k", "Kim"),),
        mentions=(Mention("z", "m-z-1", "Zora"), Mention("k", "m-k-1", "Kim")),
        imported=True,
    )
    read = resolved(letter, joined)
    assert [m.entry for m in read.mentions] == ["z", "kim-il-sung"]
    # the same through pointers that name the file; one into a file not imported stays as it is
    by_file = dataclasses.replace(
        letter,
        mentions=(Mention("reg.xml#z", "m-1", "Z"), Mention("other.xml#k", "m-2", "K")),
    )
    assert [m.entry for m in resolved(by_file, joined).mentions] == ["z", "other.xml#k"]
    assert read.senders == (Party("kim-il-sung", "Kim"),)
    assert resolved(dataclasses.replace(letter, imported=False), joined).mentions == letter.mentions


def test_own_documents_are_read_as_they_are(site: tuple[Path, Edition]) -> None:
    _, edition = site
    checked = 0
    for ed in edition.own_documents():
        s = summarise(ed)
        assert resolved(s, edition.site_registers) is s
        checked += 1
    assert checked == 4


def test_an_entry_in_every_letter_names_a_few_of_them_and_counts_the_rest() -> None:
    person = f'<person xmlns="{TEI_NS}" xml:id="p1"><persName>Hanna Probst</persName></person>'
    docs = [
        Imported(f"l{n}", Path(f"l{n}.xml"), etree.fromstring(LETTER_OF.format(person)))
        for n in range(1, 15)
    ]
    joined = join_imported(Registers(), docs)
    assert list(joined.entries) == ["p1"]
    assert joined.origins["p1"] == [f"l{n}" for n in range(1, 15)]
    summaries = [
        Summary(f"l{n}", f"Letter {n}", "", "", "letter", "letter", imported=True)
        for n in range(1, 15)
    ]
    site = SiteData.build(summaries, joined)
    (page,) = entity_pages(site, joined, ["p1"])
    origins = page.find(f"{{{TE}}}origins")
    assert origins is not None and origins.get("count") == "14"
    assert [d.get("page") for d in origins] == [f"l{n}" for n in range(1, ORIGINS_SHOWN + 1)]


LETTER_OF = (
    f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body><p>x</p></body>'
    "<back><listPerson>{}</listPerson></back></text></TEI>"
)
TE = "urn:teiedit"


def test_a_pointer_names_an_id_or_an_entry_of_a_register_file() -> None:
    from teiedit.document import register_pointer

    table = {
        "#p1": "p1",
        "#p1 #p2": "p1",
        "persons.xml#p1": "persons.xml#p1",
        "../indices/listPerson.xml#pmb12": "listPerson.xml#pmb12",
        "https://example.org/persons.xml#p1": "",  # a URL: no register of the edition
        "persons.xml": "",
        "p1": "",
        "": "",
    }
    assert {ref: register_pointer(ref) for ref in table} == table


# A register file and a letter of a foreign project that points into it by file name (written for the
# test): "listPerson.xml#k" is Kim Il Sung by his Wikidata URI (he joins the edition's entry), "#k" the
# same entry, "listPerson.xml#z" and "../registers/listPerson.xml#z" a person of the file only (the file
# is stored as listperson.xml); "places.xml" was not imported: its two pointers are reported once.
HEADER = (
    "<teiHeader><fileDesc><titleStmt><title>{}</title></titleStmt><publicationStmt><p>Test.</p>"
    "</publicationStmt><sourceDesc><p>Written for the test.</p></sourceDesc></fileDesc>"
)
PERSONS_FILE = (
    f'<TEI xmlns="{TEI_NS}">{HEADER.format("Persons")}</teiHeader><text><body><listPerson>'
    '<person xml:id="k"><persName>Kim Il Sung</persName>'
    "<idno>http://www.wikidata.org/entity/Q39464</idno></person>"
    '<person xml:id="z"><persName>Zora Neu</persName></person>'
    "</listPerson></body></text></TEI>"
)
POINTING = (
    f'<TEI xmlns="{TEI_NS}">{HEADER.format("Letter Z")}'
    '<profileDesc><correspDesc><correspAction type="sent">'
    '<persName ref="listPerson.xml#z">Zora Neu</persName><date when="1957-03-01"/>'
    "</correspAction></correspDesc></profileDesc></teiHeader><text><body>\n"
    '<p><persName ref="#k">Kim</persName>, <persName ref="listPerson.xml#k">Kim again</persName>,\n'
    '<persName ref="../registers/listPerson.xml#z">Zora</persName> in\n'
    '<placeName ref="places.xml#q">Quelle</placeName> and <placeName ref="places.xml#r">Rand</placeName>'
    ".</p></body></text></TEI>"
)


@pytest.fixture(scope="module")
def pointing(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Edition]:
    """The exchange test edition with the register file and the letter pointing into it, as a site."""
    tmp = tmp_path_factory.mktemp("pointers")
    report, site = _imported_site(tmp, {"listPerson.xml": PERSONS_FILE, "letter-z.xml": POINTING})
    assert sorted((f.name, f.role) for f in report.files) == [
        ("letter-z.xml", "letter"),
        ("listperson.xml", "register"),  # the name it is stored under
    ]
    return site


def test_pointers_into_an_imported_register_file_link_to_its_entries(
    pointing: tuple[Path, Edition],
) -> None:
    out, edition = pointing
    (letter,) = (ed.page for ed in edition.documents() if ed.imported)
    page = _page(out, f"{letter}.html")
    names = [
        (a.tag, a.text_content(), a.get("href"), a.get("id"))
        for a in page.xpath("//main//p//*[contains(@class,'entity')]")
    ]
    assert names == [
        ("a", "Zora Neu", "entities/z.html", None),  # the sender (a header name: no mention id)
        ("a", "Kim", "entities/kim-il-sung.html", "m-k-1"),
        ("a", "Kim again", "entities/kim-il-sung.html", "m-listPerson.xml_k-1"),
        ("a", "Zora", "entities/z.html", "m-listPerson.xml_z-1"),
        ("span", "Quelle", None, None),  # places.xml was not imported
        ("span", "Rand", None, None),
    ]
    listed = page.xpath("//aside[@class='entities']//li/a/@href")
    assert sorted(str(h) for h in listed) == ["entities/kim-il-sung.html", "entities/z.html"]


def test_the_registers_count_the_mentions_made_through_a_file_pointer(
    pointing: tuple[Path, Edition],
) -> None:
    out, edition = pointing
    (letter,) = (ed.page for ed in edition.documents() if ed.imported)
    regs = edition.site_registers
    assert regs.in_files["listperson.xml"] == {"k": "kim-il-sung", "z": "z"}
    zora = _page(out, "entities/z.html")
    mentions = zora.xpath("//section[contains(@class,'mentions')]//a[contains(@href,'#m-')]/@href")
    assert [str(h) for h in mentions] == [f"../{letter}.html#m-listPerson.xml_z-1"]
    sent = zora.xpath("//section[contains(@class,'letters-sent')]//a/@href")
    assert [str(h) for h in sent] == [f"../{letter}.html"]
    kim = _page(out, "entities/kim-il-sung.html")
    anchors = kim.xpath(f"//a[starts-with(@href, '../{letter}.html#')]/@href")
    assert sorted(str(h).rsplit("#", 1)[1] for h in anchors) == ["m-k-1", "m-listPerson.xml_k-1"]
    meta = (out / "search" / "meta.js").read_text(encoding="utf-8")
    data = json.loads(meta[meta.index("(") + 1 : meta.rindex(")")])
    entries = {e[0]: e for e in data["entries"]}
    assert entries["z"][1:5] == ["Zora Neu", "persons", "entities/z.html", 1]


def test_a_pointer_into_a_file_not_imported_is_reported_once(
    pointing: tuple[Path, Edition],
) -> None:
    _, edition = pointing
    found = [p for p in edition.problems if p.rule == "pointer-to-missing-file"]
    assert len(found) == 1  # two pointers into places.xml: one report
    (problem,) = found
    assert Path(problem.path).name == "letter-z.xml" and problem.line == 4
    assert "'places.xml#q'" in problem.message and "places.xml" in problem.suggestion
    assert problem.level == "warning"
