"""The ODD's processing model: reading the models, choosing among them, checking them, compiling them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import run_cli
from lxml import etree, html

from teiedit.builders.rendering import edition_odd
from teiedit.config import default_settings
from teiedit.facts import facts_document
from teiedit.odd.pm import Model, Sequence, behaviour_catalogue, check_models, read_models
from teiedit.odd.pm_compile import compile_processing_model, load_processing_model
from teiedit.odd.pm_xslt import models_to_xslt
from teiedit.resources import xslt_dir
from teiedit.xslt import transform

REPO = Path(__file__).resolve().parent.parent
ODD = REPO / "schema" / "teiedit.odd"
TEI = "http://www.tei-c.org/ns/1.0"

#: A small ODD written for these tests: models with predicates, outputs, a sequence, a group, params
#: and CSS.
SMALL_ODD = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>
<schemaSpec ident="small" start="TEI">
  <elementSpec ident="p">
    <model predicate="@rend = 'aside'" behaviour="block" cssClass="aside-p"/>
    <model output="print" behaviour="block" cssClass="print-p"/>
    <model behaviour="paragraph"><outputRendition>color: red</outputRendition></model>
  </elementSpec>
  <elementSpec ident="hi">
    <modelSequence predicate="@rend = 'twice'">
      <model behaviour="inline" cssClass="first"/>
      <model behaviour="inline" cssClass="second"/>
    </modelSequence>
    <modelGrp output="web"><model behaviour="inline" cssClass="web-hi"/></modelGrp>
  </elementSpec>
  <elementSpec ident="ref"><model behaviour="link"><param name="uri" value="'https://example.org/fixed'"/></model></elementSpec>
</schemaSpec></body></text></TEI>"""

DOC = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Doc</title></titleStmt>
<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>
<p>plain <hi rend="twice">x</hi> <hi>y</hi> <ref>link</ref></p><p rend="aside">aside</p><unknownThing>kept</unknownThing>
</body></text></TEI>"""


@pytest.fixture
def small(tmp_path: Path) -> dict[str, Path]:
    """The small ODD's compiled models (web and print), over teiedit's own defaults."""
    odd = tmp_path / "small.odd"
    odd.write_text(SMALL_ODD, encoding="utf-8")
    compiled = compile_processing_model(odd)
    assert compiled.diagnostics == []
    paths = {}
    for output, data in compiled.xslt.items():
        paths[output] = tmp_path / f"{output}.xsl"
        paths[output].write_bytes(data)
    return paths


def _render(models: dict[str, Path], doc: str, stylesheet: str) -> html.HtmlElement:
    static = {
        "{urn:teiedit}models": models["web"].as_uri(),
        "{urn:teiedit}print-models": models["print"].as_uri(),
    }
    root = etree.fromstring(doc)
    out = transform(xslt_dir() / stylesheet, root, facts=facts_document(root), static=static).output
    return html.fromstring(out)


def test_reading_the_small_odd(tmp_path: Path) -> None:
    odd = tmp_path / "small.odd"
    odd.write_text(SMALL_ODD, encoding="utf-8")
    pm = read_models(odd)
    p = pm.elements[(TEI, "p")]
    assert [(m.behaviour, m.output, m.predicate) for m in p.rules if isinstance(m, Model)] == [
        ("block", "", "@rend = 'aside'"),
        ("block", "print", ""),
        ("paragraph", "", ""),
    ]
    assert [r.behaviour for r in p.for_output("web") if isinstance(r, Model)] == [
        "block",
        "paragraph",
    ]
    hi = pm.elements[(TEI, "hi")]
    assert isinstance(hi.rules[0], Sequence) and len(hi.rules[0].models) == 2
    assert isinstance(hi.rules[1], Model) and hi.rules[1].output == "web"  # from the modelGrp
    (ref,) = pm.elements[(TEI, "ref")].rules
    assert isinstance(ref, Model) and ref.params[0].name == "uri"


@pytest.mark.parametrize(
    ("stylesheet", "xpath", "expected"),
    [
        # the first model whose predicate holds; the model for the other output is skipped
        ("html/document.xsl", "string(//div[contains(@class, 'aside-p')])", "aside"),
        ("html/document.xsl", "count(//*[contains(@class, 'print-p')])", 0),
        ("html/document.xsl", "count(//p[contains(@class, 'pm-p-')])", 1),
        # a sequence applies each of its models; a group gives its output to its models
        (
            "html/document.xsl",
            "count(//span[contains(@class, 'first')] | //span[contains(@class, 'second')])",
            2,
        ),
        ("html/document.xsl", "string(//span[contains(@class, 'web-hi')])", "y"),
        # params reach the behaviour
        ("html/document.xsl", "string(//a[@class='tei-ref']/@href)", "https://example.org/fixed"),
        # outputRendition becomes CSS of the page, for the classes the page uses
        ("html/document.xsl", "contains(string(//head/style), 'color: red')", True),
        # an element without a model keeps its text, classed by its name
        ("html/document.xsl", "string(//*[@class='tei-unknownThing'])", "kept"),
        # print: its own model comes first, the web-only group does not apply
        ("print/document.xsl", "count(//div[contains(@class, 'print-p')])", 1),
        ("print/document.xsl", "count(//*[contains(@class, 'web-hi')])", 0),
    ],
)
def test_models_are_chosen_in_order_per_output(
    small: dict[str, Path], stylesheet: str, xpath: str, expected: object
) -> None:
    assert _render(small, DOC, stylesheet).xpath(xpath) == expected


def test_compiled_models_are_deterministic_and_committed() -> None:
    a = compile_processing_model(ODD)
    b = compile_processing_model(ODD)
    assert a.xslt == b.xslt and a.diagnostics == []
    for name, data in a.files().items():
        assert (REPO / "schema" / "build" / name).read_bytes() == data, (
            f"run `teiedit schema`: {name}"
        )


def test_every_behaviour_the_odd_names_exists() -> None:
    pm = load_processing_model(ODD)
    catalogue = behaviour_catalogue(xslt_dir())
    assert check_models(pm, catalogue) == []
    named = {
        m.behaviour
        for el in pm.elements.values()
        for r in el.rules
        for m in (r.models if isinstance(r, Sequence) else (r,))
    }
    # the TEI Guidelines' behaviours that the default model uses
    assert {
        "paragraph",
        "heading",
        "list",
        "listItem",
        "note",
        "link",
        "alternate",
        "table",
        "row",
    } <= named
    assert {
        "cell",
        "figure",
        "graphic",
        "break",
        "section",
        "text",
        "inline",
        "block",
        "cit",
    } <= named


def test_an_edition_odd_models_over_teiedits_own(tmp_path: Path) -> None:
    """An edition ODD that models only p still renders every other element with teiedit's models."""
    odd = tmp_path / "edition.odd"
    odd.write_text(SMALL_ODD, encoding="utf-8")
    pm = load_processing_model(odd)
    assert pm.elements[(TEI, "p")].path == odd
    assert pm.elements[(TEI, "note")].path.resolve() == ODD.resolve()


def test_unknown_behaviour_parameter_and_output_are_reported_with_their_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = ODD.read_text(encoding="utf-8")
    bad = text.replace('<model behaviour="quotation"/>', '<model behaviour="quotatoin"/>', 1)
    bad = bad.replace(
        '<model behaviour="link"/>',
        '<model behaviour="link"><param name="target" value="@target"/></model>',
        1,
    )
    bad = bad.replace(
        '<model behaviour="inline" cssClass="forme-work"/>',
        '<model output="epub" behaviour="inline"/>',
        1,
    )
    odd = tmp_path / "bad.odd"
    odd.write_text(bad, encoding="utf-8")
    code, _out, err = run_cli(["schema", str(odd), "--out", str(tmp_path / "build")], capsys)
    assert code == 1
    line = next(i for i, t in enumerate(bad.splitlines(), 1) if "quotatoin" in t)
    assert f"bad.odd:{line}: error: elementSpec 'q': unknown behaviour 'quotatoin'" in err
    assert (
        "unknown parameter 'target' of behaviour 'link'" in err
        and "its parameters: content, uri" in err
    )
    assert "elementSpec 'fw': unknown output 'epub'" in err
    # the compiled model still compiles: the element renders as if it had no model
    assert (tmp_path / "build" / "teiedit-pm.xsl").is_file()


def test_models_to_xslt_dispatches_only(tmp_path: Path) -> None:
    """The compiled stylesheet calls behaviours; it builds no HTML itself (except the style element)."""
    pm = load_processing_model(ODD)
    sheets = models_to_xslt(pm, behaviour_catalogue(xslt_dir()))
    calls = {}
    for output, data in sheets.items():
        root = etree.fromstring(data)
        literal = [
            e
            for e in root.iter()
            if isinstance(e.tag, str) and not e.tag.startswith("{http://www.w3.org/1999/XSL")
        ]
        assert all(etree.QName(e).localname == "style" for e in literal)
        calls[output] = root.xpath("count(//*[local-name() = 'call-template'])")
    assert calls["web"] > 100 and calls["print"] >= 10  # print holds only the models that differ


@pytest.mark.slow  # builds a whole edition three times
def test_an_odd_change_re_renders_the_site(
    mini_edition: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(mini_edition)
    assert run_cli(["build", "--no-pdf"], capsys)[0] == 0
    pages = sorted((mini_edition / "out" / "html").glob("*.html"))
    doc_pages = [
        p
        for p in pages
        if p.stem not in {"index", "timeline", "persons", "places", "orgs", "search"}
    ]
    assert doc_pages
    before = {p: p.stat().st_mtime_ns for p in doc_pages}
    assert run_cli(["build", "--no-pdf"], capsys)[0] == 0
    assert {
        p: p.stat().st_mtime_ns for p in doc_pages
    } == before  # nothing changed, nothing rendered

    odd = edition_odd(default_settings(mini_edition))
    assert odd.resolve().is_relative_to(mini_edition.resolve())
    text = odd.read_text(encoding="utf-8")
    at = text.index('<elementSpec ident="p">')
    end = text.index("</elementSpec>", at)
    spec = text[at:end].replace('behaviour="paragraph"', 'behaviour="paragraph" cssClass="retold"')
    odd.write_text(text[:at] + spec + text[end:], encoding="utf-8")
    assert run_cli(["build", "--no-pdf"], capsys)[0] == 0
    changed = [p for p in doc_pages if p.stat().st_mtime_ns != before[p]]
    assert changed == doc_pages
    assert any(html.parse(str(p)).xpath("//*[contains(@class, 'retold')]") for p in doc_pages)


def test_the_build_refuses_an_odd_with_unknown_behaviours(
    mini_edition: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(mini_edition)
    odd = mini_edition / "schema" / "teiedit.odd"
    odd.write_text(
        odd.read_text(encoding="utf-8").replace(
            '<model behaviour="heading"/>', '<model behaviour="headline"/>', 1
        ),
        encoding="utf-8",
    )
    code, _out, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 2
    assert (
        "teiedit.odd:" in err and "unknown behaviour 'headline'" in err and "Traceback" not in err
    )


def test_a_copy_of_the_schema_without_models_still_renders(tmp_path: Path) -> None:
    """An edition made before the processing model (its ODD has no models) renders with teiedit's."""
    odd = tmp_path / "schema" / "teiedit.odd"
    odd.parent.mkdir()
    shutil.copyfile(ODD, odd)
    root = etree.parse(str(odd))
    for model in root.xpath("//t:model | //t:modelSequence | //t:modelGrp", namespaces={"t": TEI}):
        model.getparent().remove(model)
    root.write(str(odd))
    assert read_models(odd).elements == {}
    pm = load_processing_model(odd)
    assert pm.elements[(TEI, "p")].path.resolve() == ODD.resolve()
    assert (TEI, "app") in pm.elements
