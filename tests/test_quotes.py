"""The `quotes` pass: case table (input paragraph -> expected paragraph, canonical compare), damaged text
untouched, header untouched, original-reading invariant, idempotence, validity against the project RNG."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import converted
from helpers import canonical
from lxml import etree

from teiedit.config import default_settings
from teiedit.diagnostics import Level
from teiedit.document import TEI_NS, TeiDocument, tei, xpath
from teiedit.transforms import PassContext, original_reading, run_passes
from teiedit.transforms.quotes import DECL_TEXT

REPO = Path(__file__).resolve().parent.parent
NS = f' xmlns="{TEI_NS}"'

SKELETON = f"""<TEI{NS}><teiHeader><fileDesc><titleStmt><title>The “Title” of it</title></titleStmt>
<publicationStmt><p>Published as "x"</p></publicationStmt><sourceDesc><p>“Source” note</p></sourceDesc>
</fileDesc></teiHeader><text><body>{{body}}</body></text></TEI>"""

#: input paragraph -> expected paragraph (None: unchanged)
CASES: list[tuple[str, str | None]] = [
    # curly double, short -> q
    (
        "<p>the so-called “hostile elements” were</p>",
        "<p>the so-called “<q>hostile elements</q>” were</p>",
    ),
    # curly double, long -> quote
    (
        "<p>He wrote: “We must strengthen the army and prepare for the coming struggle.” Then</p>",
        "<p>He wrote: “<quote>We must strengthen the army and prepare for the coming struggle.</quote>” Then</p>",
    ),
    # two quotations in one paragraph
    ("<p>“a” and “b c”.</p>", "<p>“<q>a</q>” and “<q>b c</q>”.</p>"),
    # nested single inside double: only the outer one
    ("<p>“he said ‘no’ twice”</p>", "<p>“<q>he said ‘no’ twice</q>”</p>"),
    # single quotes vs apostrophes
    (
        "<p>the ‘people’s democracy’ and ‘order’, don’t</p>",
        "<p>the ‘<q>people’s democracy</q>’ and ‘<q>order</q>’, don’t</p>",
    ),
    ("<p>Kim’s letter and the workers’ party</p>", None),
    ("<p>in the ’50s it’s fine</p>", None),
    # straight quotes, balanced and well placed
    (
        '<p>called "volunteers" (or "helpers").</p>',
        '<p>called "<q>volunteers</q>" (or "<q>helpers</q>").</p>',
    ),
    # straight quotes, unbalanced: untouched
    ('<p>a 5" gun and "b</p>', None),
    # PDF shift damage uses " for spaces: never touched
    ('<p>vjg"Uqxkgv"Wpkqp"ku"c"itgcv"rqygt"cpf"vjg"rctv{</p>', None),
    ('<p>Vjg "Uqxkgv" Wpkqp"</p>', None),
    # spans inline markup that nests cleanly
    (
        "<p>the slogan “long live <persName>Kim Il Sung</persName>” was</p>",
        "<p>the slogan “<q>long live <persName>Kim Il Sung</persName></q>” was</p>",
    ),
    # marks split across markup: left alone
    ("<p>the “long <hi>live” it</hi> was</p>", None),
    # inside choice/sic/gap/existing q: untouched
    ("<p><choice><sic>“x”</sic><corr>“x”</corr></choice> and <q>“y”</q></p>", None),
    ('<p><seg type="pdf-debris">“z”</seg></p>', None),
    # other containers
    (
        "<list><item>the “item” text</item></list>",
        "<list><item>the “<q>item</q>” text</item></list>",
    ),
    ("<head>On “Peace”</head>", "<head>On “<q>Peace</q>”</head>"),
    # a quoted day number (“15” October) is not a quotation
    ('<p>on “15” October and "13" May</p>', None),
    # a long quotation where quote is not allowed (dateline holds phrases only) is a q
    (
        "<closer><dateline>“Written at the front line in the first days of the great war”</dateline></closer>",
        "<closer><dateline>“<q>Written at the front line in the first days of the great war</q>”</dateline>"
        "</closer>",
    ),
    # empty quotes: nothing to wrap
    ("<p>an empty “” pair</p>", None),
]


def _doc(body: str) -> TeiDocument:
    root = etree.fromstring(SKELETON.format(body=body))
    return TeiDocument(tree=etree.ElementTree(root), name="doc")


def _run(doc: TeiDocument) -> PassContext:
    ctx = PassContext(settings=default_settings(REPO))
    diags = run_passes(doc, ctx, strict=True, only=["quotes"])
    assert not [d for d in diags if d.level is Level.FATAL], [d.message for d in diags]
    return ctx


def _body_child(doc: TeiDocument) -> etree._Element:
    return xpath(doc.root, "tei:text/tei:body/*")[0]


def _c14n(el: etree._Element) -> str:
    return canonical(etree.tostring(el, with_tail=False))


def _wrap(xml: str) -> str:
    """Declare the TEI namespace on the case's root element."""
    return (
        xml.replace(">", NS + ">", 1)
        if " " not in xml.split(">", 1)[0]
        else xml.replace(" ", NS + " ", 1)
    )


@pytest.mark.parametrize(("source", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_case(source: str, expected: str | None) -> None:
    doc = _doc(source)
    before = original_reading(xpath(doc.root, "tei:text")[0])
    _run(doc)
    want = etree.fromstring(_wrap(expected if expected is not None else source))
    assert _c14n(_body_child(doc)) == _c14n(want)
    assert original_reading(xpath(doc.root, "tei:text")[0]) == before
    # idempotence: a second run changes nothing
    once = etree.tostring(doc.root)
    _run(doc)
    assert etree.tostring(doc.root) == once


def test_header_untouched_and_decl_written() -> None:
    doc = _doc("<p>the “term” here</p>")
    header_before = etree.tostring(xpath(doc.root, "tei:teiHeader/tei:fileDesc")[0])
    ctx = _run(doc)
    assert etree.tostring(xpath(doc.root, "tei:teiHeader/tei:fileDesc")[0]) == header_before
    assert not xpath(doc.root, "tei:teiHeader//tei:q")
    decl = xpath(doc.root, "tei:teiHeader/tei:encodingDesc/tei:editorialDecl/tei:quotation/tei:p")
    assert [p.text for p in decl] == [DECL_TEXT]
    assert [r["kind"] for r in ctx.records["quotes"]] == ["q"]
    _run(doc)  # declared once
    assert len(xpath(doc.root, "//tei:quotation")) == 1


def test_no_quotes_no_decl() -> None:
    doc = _doc('<p>vjg"Uqxkgv"Wpkqp</p>')
    _run(doc)
    assert not xpath(doc.root, "//tei:quotation")


def test_unpaired_recorded() -> None:
    doc = _doc("<p>the “long <hi>live” it</hi> was</p>")
    ctx = _run(doc)
    kinds = [(r["kind"], r["mark"]) for r in ctx.records["quotes"]]
    assert ("unpaired", "“") in kinds and ("unpaired", "”") in kinds


def test_full_document_valid_against_project_rng_and_tei_all(tei_all: etree.RelaxNG) -> None:
    first = [src for src, _ in CASES if src.startswith("<head")]
    last = [src for src, _ in CASES if src.startswith("<closer")]
    body = "".join(first + [src for src, _ in CASES if src not in first + last] + last)
    doc = _doc(f"<div>{body}</div>")
    _run(doc)
    assert len(xpath(doc.root, "//tei:q")) >= 10 and xpath(doc.root, "//tei:quote")
    rng = etree.RelaxNG(etree.parse(str(REPO / "schema" / "build" / "teiedit.rng")))
    ok = rng.validate(doc.tree)
    assert ok, str(rng.error_log)[:3000]
    assert tei_all.validate(doc.tree), str(tei_all.error_log)[:3000]


def test_every_source_converts_with_quotes_and_stays_valid() -> None:
    """Whole pipeline (strict: the invariant is checked after every pass) over the sample sources."""
    rng = etree.RelaxNG(etree.parse(str(REPO / "schema" / "build" / "teiedit.rng")))
    total = 0
    for path in sorted((REPO / "sources").glob("*.txt")):
        _, conversion, diags, records = converted(path)
        assert not [d for d in diags if d.level is Level.FATAL], (
            path.name,
            [d.message for d in diags],
        )
        marked = [r for r in records.get("quotes", []) if r["kind"] in ("q", "quote")]
        total += len(marked)
        for doc in conversion.documents:
            found = xpath(doc.root, "//tei:text//tei:q | //tei:text//tei:quote")
            if found:
                assert xpath(doc.root, "tei:teiHeader//tei:editorialDecl/tei:quotation"), path.name
            assert not xpath(doc.root, "tei:teiHeader//tei:q | tei:teiHeader//tei:quote")
            # marks stay outside the element: the wrapped text never starts or ends with one
            for el in found:
                inner = "".join(el.itertext())
                assert inner[:1] not in '“‘"' and inner[-1:] not in '”’"', (path.name, inner[:60])
            if doc.root.tag == tei("TEI"):
                assert rng.validate(doc.tree), (path.name, str(rng.error_log)[:2000])
    assert total >= 20


def test_long_line_is_handled() -> None:
    """A single very long paragraph (a 10 MB line in a capture) is processed without quadratic work."""
    unit = "the “term” and ‘word’ and Kim’s text, "
    doc = _doc(f"<p>{unit * 20000}</p>")
    before = original_reading(xpath(doc.root, "tei:text")[0])
    ctx = _run(doc)
    assert len([r for r in ctx.records["quotes"] if r["kind"] == "q"]) == 40000
    assert original_reading(xpath(doc.root, "tei:text")[0]) == before
