"""Hostile Schematron: a foreign file's schema never runs unasked, and never reads, fetches or writes.

Three layers, each proved on its own: the opt-in (a Schematron that comes with a file runs only with
--trust-schematron), the static check of its XPath (validate/sch_check.py) and the sandboxed Saxon
processor (xslt.transform_sandboxed), plus the compiler's part: a ``let`` without ``@value`` and literal
attribute values are data, never XSLT.
"""

from __future__ import annotations

import http.server
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from teiedit import xslt
from teiedit.cli import main
from teiedit.diagnostics import TeieditError
from teiedit.odd.sch2xslt import schematron_to_xslt
from teiedit.validate import Schemas, validate_file
from teiedit.validate.sch_check import check_schematron

REPO = Path(__file__).resolve().parents[2]
RNG = REPO / "schema" / "build" / "teiedit.rng"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
TOKEN = "S3CRET-4b1d"
PERMISSIVE_RNG = """<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element>
<anyName/><ref name="any"/></element></start><define name="any"><zeroOrMore><choice><attribute>
<anyName/></attribute><text/><element><anyName/><ref name="any"/></element></choice></zeroOrMore>
</define></grammar>"""


def schematron(body: str, *, ns: str = "") -> str:
    return (
        f'<schema xmlns="{SCH_NS}" queryBinding="xslt3">{ns}'
        f'<pattern id="p"><rule context="/*">{body}</rule></pattern></schema>'
    )


def report_of(select: str) -> str:
    return f'<report test="true()">got: <value-of select="{select}"/></report>'


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(TOKEN, encoding="utf-8")
    return path


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request it gets (none may come)."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(TOKEN.encode())

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()


#: The grammar a foreign document declares beside its Schematron: a local file, one on the web (as
#: EpiDoc's files do: never fetched, so teiedit's grammar checks them), or none.
GRAMMARS = {
    "local": '<?xml-model href="own.rng" schematypens="http://relaxng.org/ns/structure/1.0"?>\n',
    "remote": '<?xml-model href="https://example.org/schema/tei-epidoc.rng" '
    'schematypens="http://relaxng.org/ns/structure/1.0"?>\n',
    "none": "",
}


def foreign_document(folder: Path, sch_text: str, grammar: str = "local") -> Path:
    """A TEI file from elsewhere that declares a grammar (by default its own permissive RELAX NG) and
    the given Schematron."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "own.rng").write_text(PERMISSIVE_RNG, encoding="utf-8")
    (folder / "own.sch").write_text(sch_text, encoding="utf-8")
    doc = folder / "doc.xml"
    doc.write_text(
        GRAMMARS[grammar] + f'<?xml-model href="own.sch" schematypens="{SCH_NS}"?>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</p></body></text></TEI>\n',
        encoding="utf-8",
    )
    return doc


# -- opt-in ---------------------------------------------------------------------------------------------


def test_declared_schematron_does_not_run_unasked(tmp_path: Path, secret: Path) -> None:
    doc = foreign_document(
        tmp_path / "in", schematron(report_of(f"unparsed-text('{secret.as_uri()}')"))
    )
    diags = validate_file(doc, Schemas(rng=RNG, follow_xml_model=True))
    assert [(d.level.value, d.rule) for d in diags] == [("info", "xml-model-schematron")]
    assert "--trust-schematron" in diags[0].suggestion
    assert all(TOKEN not in d.message for d in diags)


def test_a_harmless_declared_schematron_runs_when_trusted(tmp_path: Path) -> None:
    doc = foreign_document(tmp_path / "in", schematron(report_of("count(//*)")))
    diags = validate_file(doc, Schemas(rng=RNG, follow_xml_model=True, trust_schematron=True))
    assert [(d.origin, d.message) for d in diags] == [("schematron", "got: 4")]


@pytest.mark.parametrize("grammar", ["remote", "none"])
def test_a_schematron_declared_without_a_usable_grammar_is_held_to_the_same_terms(
    tmp_path: Path, secret: Path, grammar: str
) -> None:
    """A Schematron beside a grammar on the web (or none) was silently dropped, trusted or not."""
    hostile = foreign_document(
        tmp_path / "hostile",
        schematron(report_of(f"unparsed-text('{secret.as_uri()}')")),
        grammar,
    )
    diags = validate_file(hostile, Schemas(rng=RNG, follow_xml_model=True))
    notes = [d for d in diags if d.rule == "xml-model-schematron"]
    assert [(d.level.value, d.path) for d in notes] == [("info", str(hostile))]
    assert "own.sch" in notes[0].message and "--trust-schematron" in notes[0].suggestion
    assert all(TOKEN not in d.message for d in diags)
    harmless = foreign_document(tmp_path / "harmless", schematron(report_of("count(//*)")), grammar)
    trusted = Schemas(rng=RNG, follow_xml_model=True, trust_schematron=True)
    diags = validate_file(harmless, trusted)
    assert [d.message for d in diags if d.origin == "schematron"] == ["got: 4"]
    assert not [d for d in diags if d.rule == "xml-model-schematron"]
    # trusted, the hostile one is refused by the sandbox's static check, with its rule
    diags = validate_file(hostile, trusted)
    fatal = [d.message for d in diags if d.level.value == "fatal"]
    assert len(fatal) == 1 and "schematron-sandbox/outside-access" in fatal[0]
    assert all(TOKEN not in d.message for d in diags)
    # a declared Schematron that is not there is said, not silently skipped
    (harmless.parent / "own.sch").unlink()
    diags = validate_file(harmless, trusted)
    notes = [d for d in diags if d.rule == "xml-model-schematron"]
    assert [(d.level.value, d.message) for d in notes] == [
        ("info", "the declared Schematron own.sch does not exist; it was not run")
    ]


def test_trusted_but_reading_files_is_refused_with_the_rule(
    tmp_path: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = foreign_document(
        tmp_path / "in", schematron(report_of(f"unparsed-text('{secret.as_uri()}')"))
    )
    code = main(["validate", str(doc), "--trust-schematron", "--format", "json"])
    out = capsys.readouterr().out
    diags = json.loads(out)
    assert code == 2
    assert [d["level"] for d in diags] == ["fatal"]
    assert "unparsed-text()" in diags[0]["message"]
    assert "schematron-sandbox/outside-access" in diags[0]["message"]
    assert diags[0]["path"].endswith("own.sch")
    assert TOKEN not in out


def test_import_never_runs_it_unasked_and_never_stores_what_it_read(
    tmp_path: Path, secret: Path
) -> None:
    edition = tmp_path / "ed"
    assert main(["init", str(edition), "--title", "Letters", "--editor", "Ada Editor"]) == 0
    doc = foreign_document(
        tmp_path / "in", schematron(report_of(f"unparsed-text('{secret.as_uri()}')"))
    )
    for extra in ([], ["--trust-schematron"]):
        report = tmp_path / f"report{len(extra)}.json"
        main(["import", str(doc), "--into", str(edition), "--report", str(report), *extra])
        assert report.is_file()
        assert TOKEN not in report.read_text(encoding="utf-8")
        manifest = edition / "tei" / "imported" / "manifest.json"
        assert TOKEN not in manifest.read_text(encoding="utf-8")


# -- the static check -----------------------------------------------------------------------------------

REFUSED = [
    ("unparsed-text('file:///etc/passwd')", "outside-access"),
    ("unparsed-text-lines('/etc/passwd')", "outside-access"),
    ("unparsed-text-available('x')", "outside-access"),
    ("string(doc('http://example.org/x'))", "outside-access"),
    ("fn:doc-available('x')", "outside-access"),
    ("count(collection('file:///'))", "outside-access"),
    ("count(uri-collection('.'))", "outside-access"),
    ("json-doc('x')", "outside-access"),
    ("environment-variable('HOME')", "outside-access"),
    ("available-environment-variables()", "outside-access"),
    ("system-property('java.version')", "outside-access"),
    ("transform(map{})", "outside-access"),
    ("parse-xml('&lt;x/&gt;')", "outside-access"),
    ("function-lookup(xs:QName('fn:doc'), 1)('x')", "outside-access"),
    ("(doc#1)('x')", "outside-access"),
    ("Q{http://www.w3.org/2005/xpath-functions}doc('x')", "outside-access"),
    ("saxon:eval('1')", "extension-function"),
    ("Q{java:java.lang.Runtime}getRuntime()", "extension-function"),
    ("file:read-text('/etc/passwd')", "extension-function"),
    ("undeclared:f()", "namespace"),
]


@pytest.mark.parametrize(("xpath", "rule"), REFUSED, ids=[x for x, _ in REFUSED])
def test_static_check_refuses(xpath: str, rule: str) -> None:
    ns = (
        '<ns prefix="saxon" uri="http://saxon.sf.net/"/>'
        '<ns prefix="file" uri="http://expath.org/ns/file"/>'
    )
    tree = etree.fromstring(schematron(report_of(xpath), ns=ns))
    assert [r.rule for r in check_schematron(tree)] == [rule]


def test_static_check_reads_every_xpath_attribute() -> None:
    places = [
        '<rule context="*[doc-available(\'x\')]"><assert test="true()">m</assert></rule>',
        '<rule context="/"><assert test="doc(\'x\')">m</assert></rule>',
        '<rule context="/"><let name="v" value="doc(\'x\')"/><assert test="1">m</assert></rule>',
        '<rule context="/"><report test="1"><value-of select="doc(\'x\')"/></report></rule>',
        '<rule context="/"><report test="1"><name path="doc(\'x\')"/></report></rule>',
    ]
    seen = 0
    for rule in places:
        tree = etree.fromstring(
            f'<schema xmlns="{SCH_NS}"><let name="g" value="1"/><pattern>{rule}</pattern></schema>'
        )
        assert [r.rule for r in check_schematron(tree)] == ["outside-access"], rule
        seen += 1
    assert seen == len(places)


def test_static_check_accepts_ordinary_schematron() -> None:
    harmless = [
        "count(//tei:p) > 0 and string-length(normalize-space(.)) lt 10",
        "every $i in //@xml:id satisfies matches($i, '^[a-z]')",
        "'doc(x) and unparsed-text(y) in a string'",
        "map:merge(for $i in //@xml:id return map { string($i) : 1 })",
        "xs:integer(@n) = (1 to 3) and text() and element() and node()",
        "if (@when) then true() else false()",
        "let $f := function($x) { $x + 1 } return $f(1)",
    ]
    ns = '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>'
    for xpath in harmless:
        tree = etree.fromstring(schematron(f'<assert test="{xpath}">m</assert>', ns=ns))
        assert check_schematron(tree) == [], xpath
    shared = REPO.parent / "shared" / "tei-p5" / "schemas" / "isosch" / "tei_all.isosch"
    if shared.is_file():
        assert check_schematron(etree.parse(str(shared))) == []


# -- the sandbox (the static check bypassed) --------------------------------------------------------------


def _run_sandboxed(body: str, ns: str = "") -> str:
    """The compiled Schematron run in the sandbox; the output, or the error's text."""
    sheet = schematron_to_xslt(etree.fromstring(schematron(body, ns=ns)))
    try:
        return xslt.transform_sandboxed(sheet, etree.fromstring("<a/>")).output
    except TeieditError as exc:
        return f"ERROR {exc}"


def test_sandbox_reads_no_file(secret: Path) -> None:
    reads = [
        f"unparsed-text('{secret.as_uri()}')",
        f"string-join(unparsed-text-lines('{secret.as_uri()}'))",
        f"unparsed-text-available('{secret.as_uri()}')",
        f"string(doc('{secret.as_uri()}'))",
        f"doc-available('{secret.as_uri()}')",
        f"count(collection('{secret.parent.as_uri()}?select=*.txt'))",
        f"string(json-doc('{secret.as_uri()}'))",
    ]
    outputs = [_run_sandboxed(report_of(r)) for r in reads]
    assert len(outputs) == len(reads)
    for read, out in zip(reads, outputs, strict=True):
        assert TOKEN not in out, read
        assert "ERROR" in out or "got: false" in out or "got: 0" in out, (read, out)


def test_sandbox_fetches_nothing(listener: tuple[str, list[str]]) -> None:
    url, requests = listener
    for call in ("unparsed-text", "doc", "json-doc", "doc-available"):
        out = _run_sandboxed(report_of(f"string({call}('{url}/{call}'))"))
        assert TOKEN not in out
    assert requests == []


def test_sandbox_hides_the_host() -> None:
    os.environ["TEIEDIT_TEST_SECRET"] = TOKEN
    try:
        out = _run_sandboxed(
            report_of("environment-variable('TEIEDIT_TEST_SECRET')")
            + report_of("system-property('java.version')")
            + report_of("string-join(available-environment-variables(), ',')")
        )
    finally:
        del os.environ["TEIEDIT_TEST_SECRET"]
    assert TOKEN not in out and "TEIEDIT_TEST_SECRET" not in out
    assert out.count("got:") == 3  # each ran, each got nothing


def test_sandbox_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "written.txt"
    sheet = (
        f'<xsl:stylesheet version="3.0" xmlns:xsl="{XSL_NS}"><xsl:template match="/"><r/>'
        f'<xsl:result-document href="{target.as_uri()}" method="text">x</xsl:result-document>'
        "</xsl:template></xsl:stylesheet>"
    ).encode()
    with pytest.raises(TeieditError, match="result-document"):
        xslt.transform_sandboxed(sheet, etree.fromstring("<a/>"))
    assert not target.exists()


# -- the compiler: a let's content and literal attributes are data ------------------------------------------


def _run_unsandboxed(sheet: bytes) -> str:
    """A compiled Schematron run in the ordinary processor: the compiler alone must make it harmless."""
    proc = xslt.processor()
    executable = proc.new_xslt30_processor().compile_stylesheet(stylesheet_text=sheet.decode())
    return str(executable.transform_to_string(xdm_node=proc.parse_xml(xml_text="<a/>")))


def test_let_content_is_data_not_xslt(tmp_path: Path, secret: Path) -> None:
    target = tmp_path / "let-wrote.txt"
    let = (
        '<let name="v" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        f'<xsl:result-document href="{target.as_uri()}" method="text">pwned</xsl:result-document>'
        f"<xsl:value-of select=\"unparsed-text('{secret.as_uri()}')\"/>"
        f'<x a="{{unparsed-text(\'{secret.as_uri()}\')}}" xsl:use-attribute-sets="s">t</x></let>'
    )
    sheet = schematron_to_xslt(
        etree.fromstring(schematron(let + report_of("string-join($v//@*, '|')")))
    )
    compiled = etree.fromstring(sheet)
    variable = compiled.find(f".//{{{XSL_NS}}}variable[@name='v']")
    assert variable is not None
    made = {etree.QName(el).localname for el in variable.iter() if el is not variable}
    assert made == {"element", "attribute", "text"}
    # even in the ordinary processor (no sandbox), nothing is written or read
    out = _run_unsandboxed(sheet)
    assert not target.exists()
    assert TOKEN not in out
    assert "{unparsed-text(" in out  # the attribute's value, as written


def test_literal_attributes_are_not_templates(secret: Path) -> None:
    avt = f'{{unparsed-text("{secret.as_uri()}")}}'
    tree = etree.fromstring(schematron('<assert test="false()">m</assert>'))
    assertion = tree.find(f".//{{{SCH_NS}}}assert")
    assert assertion is not None
    assertion.set("test", f"false() and '{avt}'")
    assertion.set("id", avt)
    assertion.set("role", avt)
    sheet = schematron_to_xslt(tree)
    out = _run_unsandboxed(sheet)
    assert TOKEN not in out
    assert out.count("{unparsed-text(") == 3  # test, id and role, as written


def test_a_declared_schema_over_the_size_limit_is_not_loaded(tmp_path: Path) -> None:
    from teiedit.validate.xml_model import MAX_SCHEMA_BYTES

    doc = foreign_document(tmp_path / "in", schematron(report_of("1")))
    with (tmp_path / "in" / "own.rng").open("r+b") as fh:
        fh.truncate(MAX_SCHEMA_BYTES + 1)  # a sparse file: its size is all that is read
    diags = validate_file(doc, Schemas(rng=RNG, follow_xml_model=True, trust_schematron=True))
    assert diags[0].rule == "xml-model-size" and "larger than 8 MB" in diags[0].message
    assert diags[1].level.value == "info" and "is too large" in diags[1].message
    assert all(d.origin != "schematron" for d in diags)  # nothing the file declared was run
