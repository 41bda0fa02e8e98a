"""Authority identifiers in the shapes registers write them, and register entries read from any TEI."""

from __future__ import annotations

import pytest
from lxml import etree

from teiedit.authority import authority_uri
from teiedit.registers import entries_in


@pytest.mark.parametrize(
    ("kind", "value", "uri"),
    [
        ("gnd", "118629662", "http://d-nb.info/gnd/118629662"),
        ("GND", "https://d-nb.info/gnd/118629662/", "http://d-nb.info/gnd/118629662"),
        ("", "viaf:91810738", "http://viaf.org/viaf/91810738"),
        ("wikidata", "q39464", "http://www.wikidata.org/entity/Q39464"),
        ("URI", "https://www.wikidata.org/wiki/Q39464", "http://www.wikidata.org/entity/Q39464"),
        ("geonames", "https://sws.geonames.org/2950159/", "http://www.geonames.org/2950159"),
        ("", "https://example.org/people/17", "https://example.org/people/17"),
        ("shelfmark", "MS 17", None),
        ("", "pmb2121", None),
    ],
)
def test_authority_uri(kind: str, value: str, uri: str | None) -> None:
    assert authority_uri(kind, value) == uri


def test_entries_read_idno_types_subtypes_and_authority_named_ids() -> None:
    root = etree.fromstring(
        """<listPerson xmlns="http://www.tei-c.org/ns/1.0">
          <person xml:id="pmb2121"><persName><surname>Schnitzler</surname><forename>Arthur</forename></persName>
            <idno type="URL" subtype="gnd">118609807</idno><note>Writer.</note></person>
          <person xml:id="gnd-118560093"><persName type="main">Karl V.</persName></person>
          <person xml:id="P3" sameAs="http://viaf.org/viaf/88717722"><persName>Bona Sforza</persName></person>
          <person><persName>No id: not an entry</persName></person>
        </listPerson>"""
    )
    table = [
        (e.id, e.name, e.description, [u for _, u in e.authority_uris()]) for e in entries_in(root)
    ]
    assert table == [
        ("pmb2121", "Schnitzler, Arthur", "Writer.", ["http://d-nb.info/gnd/118609807"]),
        ("gnd-118560093", "Karl V.", "", ["http://d-nb.info/gnd/118560093"]),
        ("P3", "Bona Sforza", "", ["http://viaf.org/viaf/88717722"]),
    ]
