"""The example registers `teiedit init` writes: one person, one place, one organisation, each part
explained in an XML comment, valid against the edition's ODD. Real entries with verified authority ids,
so that the example shows what a finished entry looks like; build warns while they are still there."""

from __future__ import annotations

from lxml import etree
from lxml.builder import ElementMaker

from teiedit.document import TEI_NS, XML_ID, XML_LANG
from teiedit.serialize import serialize_tei

E = ElementMaker(namespace=TEI_NS, nsmap={None: TEI_NS})

#: The words every example entry's description carries: build warns while an entry holds them.
EXAMPLE_MARK = "an example entry written by teiedit init"
_REPLACE = f"{EXAMPLE_MARK}: replace it with one of your sources, or delete it"

_GUIDE = """
  A register of the edition: teiedit links every spelling of every entry in the documents' text (a
  persName, placeName or orgName with ref="#the-entry's-xml:id") on the next `teiedit build`, and the web
  and print editions list the entries. Add entries here by hand or with `teiedit entities add NAME`
  (`teiedit entities suggest` lists names the registers do not have yet).
"""


def _c(text: str) -> etree._Element:
    return etree.Comment(f" {text} ")


def _person() -> etree._Element:
    return E.person(
        _c('xml:id: what the documents\' ref="#..." points to; letters, digits and hyphens'),
        _c(
            "the preferred name, split into forename and surname: the index lists it "
            '"Adams, Douglas" (a name written surname first, as Korean names are, is listed as written)'
        ),
        E.persName(E.forename("Douglas"), " ", E.surname("Adams"), type="preferred"),
        _c("another spelling the sources use: it is linked too"),
        E.persName("D. N. Adams", type="variant"),
        _c("a family name alone: linked only where the document says whose it is"),
        E.persName("Adams", type="short"),
        E.birth(E.date("1952", when="1952-03-11")),
        E.death(E.date("2001", when="2001-05-11")),
        E.note(f"English writer; {_REPLACE}.", type="description"),
        _c("an authority id, only when verified (wikidata, viaf, gnd, lc, isni, orcid)"),
        E.idno("Q42", type="wikidata"),
        {XML_ID: "douglas-adams"},
    )


def _place() -> etree._Element:
    return E.place(
        E.placeName("Berlin", type="preferred"),
        _c("a spelling in another language: xml:lang says which"),
        E.placeName("Berlín", {XML_LANG: "es"}, type="variant"),
        _c("where it is: latitude and longitude in decimal degrees (the site's map and exports)"),
        E.location(E.geo("52.5200 13.4050")),
        E.note(f"Capital of Germany; {_REPLACE}.", type="description"),
        _c("authority ids: GeoNames first for places, then Wikidata"),
        E.idno("2950159", type="geonames"),
        E.idno("Q64", type="wikidata"),
        {XML_ID: "berlin"},
    )


def _org() -> etree._Element:
    return E.org(
        _c(
            'type: the kind of body (party, embassy, ministry...); "the Organisation" in a text is '
            "linked to the one of that kind the document names"
        ),
        E.orgName("United Nations", type="preferred"),
        E.orgName("United Nations Organization", type="variant"),
        E.idno("Q1065", type="wikidata"),
        E.note(f"International organisation founded in 1945; {_REPLACE}.", type="description"),
        {XML_ID: "united-nations", "type": "international"},
    )


#: file name -> (title, list element, entry)
_REGISTERS = {
    "persons.xml": ("Register of persons", "listPerson", _person),
    "places.xml": ("Register of places", "listPlace", _place),
    "orgs.xml": ("Register of organisations", "listOrg", _org),
}


def example_registers() -> dict[str, bytes]:
    """The three example registers, by file name."""
    out: dict[str, bytes] = {}
    for name, (title, list_tag, entry) in _REGISTERS.items():
        lst = E(list_tag, entry())
        root = E.TEI(
            E.teiHeader(
                E.fileDesc(
                    E.titleStmt(E.title(title, type="main")),
                    E.publicationStmt(E.p("A register of the edition.")),
                    E.sourceDesc(E.p("Compiled by the editors from the sources of the edition.")),
                )
            ),
            E.text(E.body(lst)),
            {XML_ID: f"register-{name.removesuffix('.xml')}", XML_LANG: "en"},
        )
        root.addprevious(etree.Comment(_GUIDE))
        out[name] = serialize_tei(
            root.getroottree(),
            rng_href="../../schema/build/teiedit.rng",
            sch_href="../../schema/build/teiedit.sch",
        )
    return out
