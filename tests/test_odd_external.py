"""`teiedit schema --source` on customisations that bring in external RELAX NG modules (moduleRef/@url).

TEI's exemplars tei_math (MathML), tei_svg (SVG), tei_its (ITS), tei_odds (RELAX NG), tei_allPlus (all of
TEI with SVG and MathML, taken from tei_svg and tei_math by XInclude) and p5odds (the schema of TEI's own
sources), compiled by teiedit from p5subset.xml with the external grammars found through an XML catalog (all
in ../shared/tei-p5/odd, nothing fetched), must give the verdicts of the official schemas
(../shared/tei-p5/schemas/rng, made by the TEI Stylesheets) on the reference documents and on small
documents written here that use each module, and must load in Jing and in libxml2. Each exemplar is
compiled once per session; Jing runs once per schema.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from conftest import FULL
from helpers import run_cli
from lxml import etree
from schema_engines import jing_verdicts, reference_documents

from teiedit.diagnostics import TeieditError
from teiedit.io import safe_parser
from teiedit.odd.build import compile_odd
from teiedit.odd.catalog import local_file, resolve_uri

pytestmark = pytest.mark.slow  # TEI's exemplars compiled from p5subset, judged by Jing and libxml2

REPO = Path(__file__).resolve().parent.parent
P5 = REPO.parent / "shared" / "tei-p5"
OWN = Path(__file__).resolve().parent / "cases" / "odd" / "external"
#: exemplar -> the stems of the documents written here for its modules (stem-valid.xml, stem-invalid.xml);
#: tei_odds and p5odds wire RELAX NG into no content model, so "rng-invalid" misplaces a pattern instead.
EXEMPLARS = {
    "tei_math": ["math"],
    "tei_svg": ["svg"],
    "tei_its": ["its"],
    "tei_odds": ["rng"],
    "tei_allPlus": ["math", "svg"],
    # p5odds wires SVG into tei_model.graphicLike but its schemaSpec has no prefix "tei_": the official
    # schema, like teiedit's, takes SVG nowhere (and MathML nowhere); p5.xml is valid under both.
    "p5odds": [],
}
#: Judged by Jing: p5odds (4 s of CPU) in the full profile only.
JING = [n for n in EXEMPLARS if FULL or n != "p5odds"]
#: libxml2 loads these in a fraction of a second; tei_allPlus takes 5 s (the full profile checks it) and
#: p5odds over 4 minutes (as tei_corpus: Jing judges it alone).
LIBXML2 = ["tei_math", "tei_svg", "tei_its", "tei_odds"] + (["tei_allPlus"] if FULL else [])
TEI_URL = "https://www.tei-c.org/release/xml/tei/"


def _catalog(folder: Path) -> Path:
    """TEI's catalog, and the Exemplars/ URLs tei_its and tei_odds use, which it does not map (it maps
    the same grammars under custom/schema/relaxng/), and the paths in TEI's sources p5odds uses."""
    odd = P5 / "odd"
    catalog = folder / "catalog.xml"
    catalog.write_text(
        '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n'
        f'  <nextCatalog catalog="{(odd / "catalog.xml").as_uri()}"/>\n'
        f'  <rewriteURI uriStartString="{TEI_URL}Exemplars/" rewritePrefix="{odd.as_uri()}/"/>\n'
        f'  <rewriteURI uriStartString="Exemplars/" rewritePrefix="{odd.as_uri()}/"/>\n'
        "</catalog>\n",
        encoding="utf-8",
    )
    return catalog


@pytest.fixture(scope="session")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The exemplars compiled by teiedit, once per session."""
    if not P5.is_dir():
        pytest.fail(f"../shared is missing at {P5}: the tests need the TEI reference data")
    out = tmp_path_factory.mktemp("external")
    catalog = _catalog(out)
    found = {}
    for name in JING:
        (found[name],) = compile_odd(
            P5 / "odd" / f"{name}.odd", out, source=P5 / "p5subset.xml", catalogs=[catalog]
        )
    return found


@cache
def _documents() -> list[Path]:
    """The reference documents libxml2 parses, and the ones written here."""
    own = sorted(OWN.glob("*.xml"))
    assert len(own) == 8
    return reference_documents() + own


@cache
def _official(name: str) -> dict[Path, bool]:
    return jing_verdicts(P5 / "schemas" / "rng" / f"{name}.rng", _documents())


@pytest.mark.parametrize("name", JING)
def test_exemplar_with_an_external_module_agrees_with_the_official_schema_in_jing(
    name: str, compiled: dict[str, Path]
) -> None:
    docs = _documents()
    ours = jing_verdicts(compiled[name], docs)
    official = _official(name)
    assert {d.name: (ours[d], official[d]) for d in docs if ours[d] != official[d]} == {}
    assert sum(official.values()) >= 10 and sum(not v for v in official.values()) >= 10
    # the documents written for this module: the valid one uses it, the invalid one misuses it
    for stem in EXEMPLARS[name]:
        assert (ours[OWN / f"{stem}-valid.xml"], ours[OWN / f"{stem}-invalid.xml"]) == (True, False)
    assert EXEMPLARS[name] or name == "p5odds"


@pytest.mark.parametrize("name", LIBXML2)
def test_exemplar_with_an_external_module_loads_in_libxml2_with_jings_verdicts(
    name: str, compiled: dict[str, Path]
) -> None:
    rng = etree.RelaxNG(etree.parse(str(compiled[name])))
    official = _official(name)
    verdicts = {
        d.name: (rng.validate(etree.parse(str(d), safe_parser())), official[d])
        for d in _documents()
    }
    assert len(verdicts) >= 100
    assert {k: v for k, v in verdicts.items() if v[0] != v[1]} == {}


def test_the_modules_are_wired_where_the_odd_says(compiled: dict[str, Path]) -> None:
    """formula holds MathML, figure's graphicLike class takes svg, ITS's rules sit in the header and
    its attributes on every element; each module's grammar is in the schema once, without its start."""
    ns = {"r": "http://relaxng.org/ns/structure/1.0"}

    def grammar(name: str) -> etree._Element:
        return etree.parse(str(compiled[name])).getroot()

    math = grammar("tei_math")
    assert math.xpath("//r:define[@name='formula']/r:element/r:ref/@name", namespaces=ns)[0] == (
        "mathml.math"
    )
    assert len(math.xpath("//r:define[@name='mathml.math']", namespaces=ns)) == 1
    svg = grammar("tei_svg")
    wiring = svg.xpath("//r:define[@name='model.graphicLike'][@combine='choice']", namespaces=ns)
    assert [d.xpath("r:ref/@name", namespaces=ns) for d in wiring] == [["svg"]]
    its = grammar("tei_its")
    assert (
        its.xpath("//r:define[@name='p']//r:ref/@name", namespaces=ns).count(
            "its_att.translate.attributes"
        )
        == 1
    )
    assert its.xpath(
        "//r:define[@name='model.teiHeaderPart'][@combine]/r:ref/@name", namespaces=ns
    ) == ["its_rules"]
    for name in JING:
        assert len(grammar(name).xpath("//r:start", namespaces=ns)) == 1
    plus = grammar("tei_allPlus")  # both modules came through XInclude, formula's change too
    assert plus.xpath("//r:define[@name='formula']/r:element/r:ref/@name", namespaces=ns) == [
        "mathml.math"
    ]
    assert len(plus.xpath("//r:define[@name='svg']", namespaces=ns)) == 1


def test_a_url_no_catalog_maps_is_an_error_with_the_odds_line(tmp_path: Path) -> None:
    odd = tmp_path / "custom.odd"
    odd.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n'
        '<schemaSpec ident="custom" start="TEI">\n'
        '  <moduleRef key="tei"/>\n'
        '  <moduleRef url="https://example.org/grammars/unknown.rng"/>\n'
        "</schemaSpec></body></text></TEI>\n",
        encoding="utf-8",
    )
    with pytest.raises(TeieditError) as refused:
        compile_odd(
            odd, tmp_path / "out", source=P5 / "p5subset.xml", catalogs=[_catalog(tmp_path)]
        )
    found = refused.value.diagnostic
    assert (found.path, found.line) == (str(odd), 4)
    assert "https://example.org/grammars/unknown.rng" in found.message
    assert "--catalog" in found.suggestion
    assert not (tmp_path / "out").exists()


def test_a_module_included_from_another_odd_is_reported_in_that_file(tmp_path: Path) -> None:
    """tei_allPlus takes tei_svg's moduleRef by XInclude: without a catalog, the error names tei_svg.odd."""
    with pytest.raises(TeieditError) as refused:
        compile_odd(P5 / "odd" / "tei_allPlus.odd", tmp_path, source=P5 / "p5subset.xml")
    found = refused.value.diagnostic
    assert (Path(found.path).name, found.line) == ("tei_svg.odd", 71)
    assert "svg11.rng" in found.message and "--catalog" in found.suggestion


def test_the_cli_takes_catalogs_and_reports_a_missing_module(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = P5 / "odd" / "tei_math.odd"
    args = ["schema", "--source", str(P5 / "p5subset.xml"), "--out", str(tmp_path)]
    code, _, err = run_cli([*args, str(odd)], capsys)
    assert code == 2
    assert f"{odd}:66" in err and "mathml2-main.rng" in err and "--catalog" in err
    assert "Traceback" not in err and list(tmp_path.iterdir()) == []
    code, _, err = run_cli([*args, "--catalog", str(P5 / "odd" / "catalog.xml"), str(odd)], capsys)
    assert code == 0, err
    assert (tmp_path / "tei_math.rng").is_file()


def test_catalog_entries_map_urls_to_local_files(tmp_path: Path) -> None:
    (tmp_path / "g").mkdir()
    for name in ("a.rng", "b.rng", "c.rng", "g/d.rng"):
        (tmp_path / name).write_text("<grammar/>", encoding="utf-8")
    inner = tmp_path / "inner.xml"
    inner.write_text(
        '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">'
        '<system systemId="http://x.org/c.rng" uri="c.rng"/></catalog>',
        encoding="utf-8",
    )
    outer = tmp_path / "outer.xml"
    outer.write_text(
        '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">'
        '<uri name="http://x.org/a.rng" uri="a.rng"/>'
        '<group xml:base="g/"><rewriteURI uriStartString="http://x.org/lib/" rewritePrefix="./"/></group>'
        '<uriSuffix uriSuffix="/b.rng" uri="b.rng"/>'
        '<nextCatalog catalog="inner.xml"/></catalog>',
        encoding="utf-8",
    )
    cats = [outer]
    assert local_file("http://x.org/a.rng", cats, tmp_path) == tmp_path / "a.rng"
    assert local_file("http://x.org/lib/d.rng", cats, tmp_path) == tmp_path / "g" / "d.rng"
    assert local_file("https://elsewhere.net/b.rng", cats, tmp_path) == tmp_path / "b.rng"
    assert local_file("http://x.org/c.rng", cats, tmp_path) == tmp_path / "c.rng"  # nextCatalog
    assert local_file("a.rng", [], tmp_path) == tmp_path / "a.rng"  # relative to the ODD's folder
    assert local_file("http://x.org/none.rng", cats, tmp_path) is None  # never fetched
    assert resolve_uri("http://x.org/none.rng", cats) is None


def _module_ref(**attrs: str) -> etree._Element:
    odd = etree.fromstring(
        '<schemaSpec xmlns="http://www.tei-c.org/ns/1.0" xmlns:rng="http://relaxng.org/ns/structure/1.0"'
        ' ident="x" prefix="tei_"><moduleRef><content>'
        '<rng:define name="tei_model.pLike" combine="choice"><rng:ref name="box"/></rng:define>'
        "</content></moduleRef></schemaSpec>"
    )
    ref = odd[0]
    for k, v in attrs.items():
        ref.set(k, v)
    return ref


def test_an_external_grammar_is_merged_with_its_includes_prefix_and_exceptions(
    tmp_path: Path,
) -> None:
    """Names TEI also uses are renamed, @prefix prefixes the rest, @except leaves elements out, an
    include's own define overrides the included one, and the ODD's wiring reads TEI's names unprefixed."""
    from teiedit.odd.external import load_external

    rng = 'xmlns="http://relaxng.org/ns/structure/1.0"'
    (tmp_path / "parts.rng").write_text(
        f'<grammar {rng}><start><ref name="box"/></start>'
        '<define name="shape"><element name="circle"><empty/></element></define></grammar>',
        encoding="utf-8",
    )
    (tmp_path / "boxes.rng").write_text(
        f'<grammar {rng} ns="urn:x-boxes"><start><ref name="box"/></start>'
        '<define name="box"><element name="box"><zeroOrMore><choice><ref name="p"/>'
        '<ref name="shape"/></choice></zeroOrMore></element></define>'
        '<define name="p"><element name="lid"><empty/></element></define>'
        '<include href="parts.rng"><define name="shape"><element name="square"><empty/></element>'
        "</define></include></grammar>",
        encoding="utf-8",
    )
    odd = tmp_path / "custom.odd"
    ref = _module_ref(url="boxes.rng", prefix="bx_", **{"except": "lid"})
    module = load_external(ref, odd, [], {"p", "model.pLike"}, "tei_")
    r = {"r": "http://relaxng.org/ns/structure/1.0"}
    assert sorted(module.div.xpath("//r:define/@name", namespaces=r)) == [
        "bx_box",
        "bx_p",
        "bx_shape",
    ]
    assert module.div.xpath("//r:element/@name", namespaces=r) == ["box", "square"]  # lid left out
    assert module.div.xpath("//r:start", namespaces=r) == []
    assert module.div.get("ns") == "urn:x-boxes"
    (wiring,) = module.content
    assert (wiring.get("name"), wiring.xpath("r:ref/@name", namespaces=r)) == (
        "model.pLike",
        ["bx_box"],
    )
    # without a prefix, the module's "p" would be TEI's p: it is renamed, with its references
    plain = load_external(_module_ref(url="boxes.rng"), odd, [], {"p", "model.pLike"}, "tei_")
    assert sorted(plain.div.xpath("//r:define/@name", namespaces=r)) == ["box", "boxes_p", "shape"]
    assert "boxes_p" in plain.div.xpath("//r:ref/@name", namespaces=r)
    assert plain.div.xpath("//r:element/@name", namespaces=r) == ["box", "lid", "square"]


@pytest.mark.parametrize(
    "href", ["https://example.org/more.odd", "../outside.odd", "/etc/hostname"]
)
def test_an_xinclude_outside_the_odds_folder_is_refused_with_its_line(
    tmp_path: Path, href: str
) -> None:
    from teiedit.odd.odd_xinclude import expand_xincludes

    spec = etree.fromstring(
        '<schemaSpec xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">\n'
        f'<xi:include href="{href}" xpointer="xpointer(//*)"/></schemaSpec>'
    )
    with pytest.raises(TeieditError) as refused:
        expand_xincludes(spec, tmp_path / "sub" / "custom.odd")
    assert refused.value.diagnostic.line == 2 and href in refused.value.diagnostic.message
