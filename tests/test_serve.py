"""``teiedit serve`` as a real process, spoken to with a real HTTP client: the site's files, DTS 1.0
(checked against the specification's JSON structure, tests/dts_rules.py) and OAI-PMH 2.0 (checked
against the protocol's rules, tests/oai_rules.py), and the static DTS and OAI files of the site."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from dts_rules import collection_problems, entry_problems, navigation_problems
from harvest import FIXED_EPOCH, build_exchange_edition
from lxml import etree
from oai_rules import response_problems, static_problems

OAI = {"oai": "http://www.openarchives.org/OAI/2.0/", "tei": "http://www.tei-c.org/ns/1.0"}
DTS_NS = "https://w3id.org/api/dts#"


@pytest.fixture(scope="module")
def edition_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_exchange_edition(tmp_path_factory.mktemp("serve"))


@contextmanager
def _serving(root: Path, *options: str) -> Iterator[tuple[httpx.Client, str]]:
    """A `teiedit serve --port 0` process for the edition ``root``, a client for it and its first line."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH, "PYTHONUNBUFFERED": "1"}
    cmd = [
        sys.executable,
        "-m",
        "teiedit",
        "serve",
        "--edition",
        str(root),
        "--port",
        "0",
        *options,
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    first: list[str] = []
    reader = threading.Thread(target=lambda: first.append(proc.stdout.readline()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(timeout=60)
    try:
        assert first and "http://" in first[0], (
            proc.stderr.read() if proc.poll() is not None else "no address"
        )  # type: ignore[union-attr]
        url = first[0].split("http://", 1)[1].split(" ", 1)[0]
        with httpx.Client(base_url=f"http://{url}", timeout=30) as client:
            yield client, first[0]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def server(edition_root: Path) -> Iterator[httpx.Client]:
    """A `teiedit serve --port 0` process and a client for it (stopped after the module)."""
    with _serving(edition_root) as (client, _):
        yield client


def test_without_an_email_oai_pmh_is_off_and_says_why(edition_root: Path, tmp_path: Path) -> None:
    """An Identify with an empty adminEmail is invalid OAI-PMH: /oai answers 503 with the setting."""
    root = tmp_path / "edition"
    shutil.copytree(edition_root, root)
    toml = root / "teiedit.toml"
    toml.write_text(toml.read_text("utf-8").replace('email = "', '# email = "', 1), "utf-8")
    with _serving(root, "--no-build") as (client, line):
        assert "(DTS at /dts, OAI-PMH off: set email in teiedit.toml)" in line
        answer = client.get("/oai", params={"verb": "Identify"})
        assert answer.status_code == 503
        assert answer.text == (
            "OAI-PMH is off: a repository names its administrator's address; "
            "set email in teiedit.toml\n"
        )
        assert client.get("/dts").json()["@type"] == "EntryPoint"  # the rest is served


def test_the_site_is_served(server: httpx.Client) -> None:
    index = server.get("/")
    assert index.status_code == 200 and "Exchange Test Dossier" in index.text
    tei = server.get("/tei/letter-kim-to-ri.xml")
    assert tei.headers["content-type"].startswith("application/tei+xml")
    assert b"registers/persons.xml#kim-il-sung" in tei.content
    assert server.get("/schema/build/teiedit.rng").status_code == 200
    assert server.get("/no-such-page.html").status_code == 404


# -- DTS ----------------------------------------------------------------------------------------


def test_dts_entry_point(server: httpx.Client) -> None:
    r = server.get("/dts")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/ld+json")
    entry = r.json()
    assert entry_problems(entry) == []
    assert entry["collection"] == "/dts/collection{?id,page,nav}"


def test_dts_collections(server: httpx.Client) -> None:
    root = server.get("/dts/collection").json()
    assert collection_problems(root) == []
    assert root["@type"] == "Collection" and root["totalChildren"] == 4
    members = {m["@id"]: m for m in root["member"]}
    assert sorted(members) == [
        "letter-kim-to-ri",
        "letter-ri-to-cc",
        "letter-ri-to-kim",
        "memo-plenum",
    ]
    letter = server.get("/dts/collection", params={"id": "letter-kim-to-ri"}).json()
    assert collection_problems(letter) == []
    assert (
        letter["@type"] == "Resource" and letter["title"] == "Letter from Kim Il Sung to Ri Sang-jo"
    )
    assert letter["dublinCore"]["creator"] == ["Kim Il Sung"]
    (tree,) = letter["citationTrees"]
    assert [s["citeType"] for s in tree["citeStructure"]] == ["section"]
    parents = server.get(
        "/dts/collection", params={"id": "letter-kim-to-ri", "nav": "parents"}
    ).json()
    assert [m["@id"] for m in parents["member"]] == [root["@id"]]
    assert server.get("/dts/collection", params={"id": "nothing"}).status_code == 404


def _nav(server: httpx.Client, **params: str) -> httpx.Response:
    return server.get("/dts/navigation", params={"resource": "letter-ri-to-kim", **params})


def test_dts_navigation_follows_the_citation_tree(server: httpx.Client) -> None:
    whole = _nav(server, down="-1").json()
    assert navigation_problems(whole) == []
    units = whole["member"]
    assert [u["identifier"] for u in units][:3] == ["1", "1.1", "1.2"]
    assert all(u["parent"] is None for u in units if u["level"] == 1)
    assert all(u["parent"] == u["identifier"].rsplit(".", 1)[0] for u in units if u["level"] == 2)
    top = _nav(server, down="1").json()
    assert [u["identifier"] for u in top["member"]] == [
        u["identifier"] for u in units if u["level"] == 1
    ]
    one = _nav(server, ref="1.2").json()
    assert (
        navigation_problems(one) == [] and one["ref"]["identifier"] == "1.2" and "member" not in one
    )
    siblings = _nav(server, ref="1.2", down="0").json()
    assert [u["identifier"] for u in siblings["member"]] == [
        u["identifier"] for u in units if u["level"] == 2 and u["parent"] == "1"
    ]
    children = _nav(server, ref="1", down="1").json()
    assert {u["parent"] for u in children["member"]} == {"1"}
    leaf = _nav(server, ref="1.1", down="1").json()
    assert [u["identifier"] for u in leaf["member"]] == ["1.1"]
    ranged = _nav(server, start="1.1", end="1.2", down="-1").json()
    assert navigation_problems(ranged) == []
    assert [u["identifier"] for u in ranged["member"]] == ["1.1", "1.2"]
    assert ranged["start"]["identifier"] == "1.1" and ranged["end"]["identifier"] == "1.2"


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({}, 400),  # no ref, start/end or down
        ({"down": "0"}, 400),
        ({"ref": "1", "start": "1.1", "end": "1.2"}, 400),
        ({"start": "1.1"}, 400),
        ({"ref": "9.9"}, 404),
        ({"ref": "1", "tree": "pages"}, 404),
    ],
)
def test_dts_navigation_errors(server: httpx.Client, params: dict[str, str], status: int) -> None:
    assert _nav(server, **params).status_code == status
    assert server.get("/dts/navigation", params={"down": "1"}).status_code == 400


def test_dts_document_whole_and_fragments(server: httpx.Client) -> None:
    whole = server.get("/dts/document", params={"resource": "letter-ri-to-kim"})
    assert whole.status_code == 200 and whole.headers["content-type"].startswith(
        "application/tei+xml"
    )
    assert 'rel="collection"' in whole.headers["link"]
    root = etree.fromstring(whole.content)
    assert root.tag == "{http://www.tei-c.org/ns/1.0}TEI"
    (structure,) = root.xpath("//tei:encodingDesc/tei:refsDecl/tei:citeStructure", namespaces=OAI)
    assert structure.get("unit") == "section" and structure[0].get("unit") == "block"
    part = etree.fromstring(
        server.get("/dts/document", params={"resource": "letter-ri-to-kim", "ref": "1.2"}).content
    )
    assert part.tag == "{http://www.tei-c.org/ns/1.0}TEI"
    (wrapper,) = part.iter(f"{{{DTS_NS}}}wrapper")
    (block,) = list(wrapper)
    source = root.xpath("tei:text/tei:body/tei:div[1]/*[not(self::tei:head)]", namespaces=OAI)
    assert etree.tostring(block, method="text") == etree.tostring(
        source[1], method="text", with_tail=False
    )
    ranged = etree.fromstring(
        server.get(
            "/dts/document", params={"resource": "letter-ri-to-kim", "start": "1.1", "end": "1.2"}
        ).content
    )
    assert len(list(next(ranged.iter(f"{{{DTS_NS}}}wrapper")))) == 2
    for params, status in (
        ({}, 400),
        ({"resource": "x"}, 404),
        ({"resource": "letter-ri-to-kim", "ref": "7"}, 404),
    ):
        assert server.get("/dts/document", params=params).status_code == status


def test_static_dts_files_agree_with_the_server(server: httpx.Client, edition_root: Path) -> None:
    dts = edition_root / "out" / "html" / "dts"
    entry = json.loads((dts / "index.json").read_text("utf-8"))
    assert entry_problems(entry) == []
    assert entry["navigation"].endswith("/dts/navigation/{resource}{;down}.json")
    static = json.loads((dts / "navigation" / "letter-ri-to-kim;down=-1.json").read_text("utf-8"))
    assert navigation_problems(static) == []
    served = _nav(server, down="-1").json()
    assert static["member"] == served["member"]
    collection = json.loads((dts / "collection.json").read_text("utf-8"))
    assert collection_problems(collection) == [] and collection["totalChildren"] == 4
    for member in collection["member"]:
        assert (dts / "collection" / f"{member['@id']}.json").is_file()
        assert (dts / "document" / f"{member['@id']}.xml").is_file()


# -- OAI-PMH ------------------------------------------------------------------------------------


def _oai(server: httpx.Client, **params: str) -> etree._ElementTree:
    r = server.get("/oai", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/xml")
    return etree.ElementTree(etree.fromstring(r.content))


def test_oai_verbs_answer_by_the_protocols_rules(server: httpx.Client) -> None:
    identify = _oai(server, verb="Identify")
    assert response_problems(identify) == []
    assert identify.findtext(".//oai:adminEmail", namespaces=OAI) == "editor@example.org"
    formats = _oai(server, verb="ListMetadataFormats")
    assert response_problems(formats) == []
    assert formats.xpath("//oai:metadataPrefix/text()", namespaces=OAI) == ["oai_dc", "tei"]
    sets = _oai(server, verb="ListSets")
    assert response_problems(sets) == []
    assert sets.xpath("//oai:setSpec/text()", namespaces=OAI) == ["letter", "memorandum"]
    ids = _oai(server, verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert response_problems(ids) == []
    identifiers = ids.xpath("//oai:identifier/text()", namespaces=OAI)
    assert identifiers == [
        f"oai:example.org:{p}"
        for p in ("letter-kim-to-ri", "letter-ri-to-cc", "letter-ri-to-kim", "memo-plenum")
    ]
    for prefix in ("oai_dc", "tei"):
        records = _oai(server, verb="ListRecords", metadataPrefix=prefix)
        assert response_problems(records) == [], prefix
        assert len(records.xpath("//oai:record", namespaces=OAI)) == 4
    letters = _oai(server, verb="ListRecords", metadataPrefix="oai_dc", set="letter")
    assert len(letters.xpath("//oai:record", namespaces=OAI)) == 3


def test_oai_get_record_in_both_formats(server: httpx.Client) -> None:
    ident = "oai:example.org:letter-kim-to-ri"
    dc = _oai(server, verb="GetRecord", identifier=ident, metadataPrefix="oai_dc")
    assert response_problems(dc) == []
    ns = {"dc": "http://purl.org/dc/elements/1.1/"}
    assert dc.xpath("//dc:title/text()", namespaces=ns) == ["Letter from Kim Il Sung to Ri Sang-jo"]
    assert dc.xpath("//dc:creator/text()", namespaces=ns) == ["Kim Il Sung"]
    assert "application/tei+xml" in dc.xpath("//dc:format/text()", namespaces=ns)
    tei = _oai(server, verb="GetRecord", identifier=ident, metadataPrefix="tei")
    assert response_problems(tei) == []
    (header,) = tei.xpath("//oai:metadata/tei:teiHeader", namespaces=OAI)
    refs = header.xpath(".//tei:correspDesc//@ref", namespaces=OAI)
    assert "https://example.org/exchange-test/tei/registers/persons.xml#kim-il-sung" in refs
    post = server.post(
        "/oai",
        content=f"verb=GetRecord&identifier={ident}&metadataPrefix=tei",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert (
        etree.fromstring(post.content).find(".//{http://www.openarchives.org/OAI/2.0/}GetRecord")
        is not None
    )


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": "Identify", "extra": "1"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        (
            {
                "verb": "GetRecord",
                "identifier": "oai:example.org:nothing",
                "metadataPrefix": "oai_dc",
            },
            "idDoesNotExist",
        ),
        (
            {
                "verb": "GetRecord",
                "identifier": "oai:example.org:memo-plenum",
                "metadataPrefix": "marc",
            },
            "cannotDisseminateFormat",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2030-01-01",
                "until": "2020-01-01",
            },
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-01-01T00:00:00Z"},
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2999-01-01"},
            "noRecordsMatch",
        ),
        ({"verb": "ListIdentifiers", "resumptionToken": "abc"}, "badResumptionToken"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "poem"}, "noRecordsMatch"),
    ],
)
def test_oai_errors(server: httpx.Client, params: dict[str, str], code: str) -> None:
    tree = _oai(server, **params)
    assert response_problems(tree) == []
    assert tree.xpath("//oai:error/@code", namespaces=OAI) == [code]


def test_oai_static_repository(edition_root: Path) -> None:
    tree = etree.parse(str(edition_root / "out" / "html" / "oai" / "static.xml"))
    assert static_problems(tree) == []
    lists = tree.getroot().findall(
        "{http://www.openarchives.org/OAI/2.0/static-repository}ListRecords"
    )
    assert [el.get("metadataPrefix") for el in lists] == ["oai_dc", "tei"]
    assert [len(el) for el in lists] == [4, 4]
