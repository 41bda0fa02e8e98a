"""The `rendition` pass: case table (input block -> expected block, canonical compare), the original reading
kept (the marks come back from the rend tokens), idempotence, damaged text untouched, validity."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import canonical
from lxml import etree

from teiedit.config import default_settings
from teiedit.diagnostics import Level
from teiedit.document import TEI_NS, TeiDocument, xpath
from teiedit.transforms import PassContext, original_reading, run_passes
from teiedit.transforms.rendition import DECL_N

REPO = Path(__file__).resolve().parent.parent
NS = f' xmlns="{TEI_NS}"'

SKELETON = f"""<TEI{NS}><teiHeader><fileDesc><titleStmt><title>A *title*</title></titleStmt>
<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>
</fileDesc></teiHeader><text><body><div>{{body}}</div></body></text></TEI>"""

IT = 'rend="italic mark-asterisk"'
BOLD = 'rend="bold mark-asterisk2"'

#: input block -> expected block (None: unchanged)
CASES: list[tuple[str, str | None]] = [
    (
        "<p>see *The Making of a Town* (1990)</p>",
        f"<p>see <hi {IT}>The Making of a Town</hi> (1990)</p>",
    ),
    ("<p>**Documents #2 and #5** are</p>", f"<p><hi {BOLD}>Documents #2 and #5</hi> are</p>"),
    (
        "<p>before [**Document #3**], after</p>",
        f"<p>before [<hi {BOLD}>Document #3</hi>], after</p>",
    ),
    (
        "<p>a _word_ and __strong__ here</p>",
        '<p>a <hi rend="italic mark-underscore">word</hi> and '
        '<hi rend="bold mark-underscore2">strong</hi> here</p>',
    ),
    # bold holding italics
    (
        "<p>**a *b* c**</p>",
        f"<p><hi {BOLD}>a <hi {IT}>b</hi> c</hi></p>",
    ),
    # across inline markup of the same element
    (
        "<p>*From <persName>Ann</persName> to Bob*, 12.</p>",
        f"<p><hi {IT}>From <persName>Ann</persName> to Bob</hi>, 12.</p>",
    ),
    # inside a note and a quotation
    (
        '<p>text<note place="foot" n="1">*Ibid*, 3.</note></p>',
        f'<p>text<note place="foot" n="1"><hi {IT}>Ibid</hi>, 3.</note></p>',
    ),
    # not emphasis: inside words, arithmetic, a list bullet, a lone star, an escaped mark, unbalanced
    ("<p>snake_case_name and 2*3*4 and a * b</p>", None),
    ("<p>* Local tax will be added</p>", None),
    ("<p>\\*not this\\* nor *this</p>", None),
    # damaged text and editorial markup are never looked into
    (
        '<p><choice><sic>*vjg"*</sic><corr resp="#teiedit" type="shift">the</corr></choice></p>',
        None,
    ),
    ('<p><gap reason="illegible"><desc>*x*</desc></gap></p>', None),
    # rules
    (
        "<p>\\_\\_\\_\\_\\_</p>",
        '<ab type="rule"><milestone unit="section" rend="rule"/>\\_\\_\\_\\_\\_</ab>',
    ),
    ("<p>-----</p>", '<ab type="rule"><milestone unit="section" rend="rule"/>-----</ab>'),
    ("<p> * * * </p>", '<ab type="rule"><milestone unit="section" rend="asterism"/> * * * </ab>'),
    ("<p>--</p>", None),
    ("<p>-- a dash --</p>", None),
]


def _doc(body: str) -> TeiDocument:
    root = etree.fromstring(SKELETON.format(body=body))
    return TeiDocument(tree=etree.ElementTree(root), name="doc")


def _run(doc: TeiDocument) -> PassContext:
    ctx = PassContext(settings=default_settings(REPO))
    diags = run_passes(doc, ctx, strict=True, only=["rendition"])
    assert not [d for d in diags if d.level is Level.FATAL], [d.message for d in diags]
    return ctx


def _block(doc: TeiDocument) -> etree._Element:
    return xpath(doc.root, "tei:text/tei:body/tei:div/*")[0]


def _c14n(el: etree._Element) -> str:
    return canonical(etree.tostring(el, with_tail=False))


def _wrap(xml: str) -> str:
    head, rest = xml.split(">", 1)
    return (head.replace(" ", NS + " ", 1) if " " in head else head + NS) + ">" + rest


@pytest.mark.parametrize(("source", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_case(source: str, expected: str | None) -> None:
    doc = _doc(source)
    before = original_reading(xpath(doc.root, "tei:text")[0])
    _run(doc)
    want = etree.fromstring(_wrap(expected if expected is not None else source))
    assert _c14n(_block(doc)) == _c14n(want)
    assert original_reading(xpath(doc.root, "tei:text")[0]) == before
    once = etree.tostring(doc.root)
    _run(doc)
    assert etree.tostring(doc.root) == once


def test_header_untouched_and_conventions_stated() -> None:
    doc = _doc("<p>*one*</p><p>-----</p>")
    ctx = _run(doc)
    title = xpath(doc.root, "tei:teiHeader//tei:title")[0]
    assert len(title) == 0 and title.text == "A *title*"
    decl = xpath(doc.root, f"tei:teiHeader//tei:editorialDecl/tei:p[@n='{DECL_N}']")
    assert len(decl) == 1
    assert "hi" in decl[0].text and "milestone" in decl[0].text
    assert sorted(str(r["kind"]) for r in ctx.records["rendition"]) == [
        "italic mark-asterisk",
        "rule",
    ]


def test_no_marks_no_declaration() -> None:
    doc = _doc("<p>plain text</p>")
    _run(doc)
    assert not xpath(doc.root, "//tei:editorialDecl")


def test_cases_valid_against_project_rng_and_tei_all(tei_all: etree.RelaxNG) -> None:
    body = "".join(src for src, _ in CASES)
    doc = _doc(body)
    _run(doc)
    assert len(xpath(doc.root, "//tei:hi")) >= 8 and len(xpath(doc.root, "//tei:milestone")) == 3
    rng = etree.RelaxNG(etree.parse(str(REPO / "schema" / "build" / "teiedit.rng")))
    assert rng.validate(doc.tree), str(rng.error_log)[:3000]
    assert tei_all.validate(doc.tree), str(tei_all.error_log)[:3000]
