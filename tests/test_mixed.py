"""The one mixed-content helper: flatten an element, cut it into pieces, rebuild it; editorialDecl."""

from __future__ import annotations

from lxml import etree

from teiedit.document import TEI_NS, editorial_decl, local_name, tei
from teiedit.mixed import PLACEHOLDER, content, flatten, rebuild


def _p(xml: str) -> etree._Element:
    return etree.fromstring(f'<p xmlns="{TEI_NS}">{xml}</p>')


def test_flatten_puts_one_placeholder_per_child_and_keeps_every_tail() -> None:
    p = _p("a <hi>b</hi> c<lb/>d")
    flat = flatten(p)
    assert flat.text == f"a {PLACEHOLDER} c{PLACEHOLDER}d"
    assert [local_name(c) for c in flat.children_between(0, len(flat.text))] == ["hi", "lb"]
    assert flat.pieces(0, 3)[:2] == ["a ", p[0]]
    assert (flat.node_start(5), flat.node_end(5)) == (3, 5)


def test_a_text_holding_the_placeholder_gets_another_one() -> None:
    p = _p(f"x{PLACEHOLDER}y<lb/>z")
    flat = flatten(p)
    assert flat.placeholder != PLACEHOLDER
    assert flat.text == f"x{PLACEHOLDER}y{flat.placeholder}z"
    assert flat.positions == [3]


def test_rebuild_swaps_spans_and_keeps_the_rest_unchanged() -> None:
    p = _p("one <hi>two</hi> three four")
    flat = flatten(p)
    start = flat.text.index("three")
    new = etree.Element(tei("q"))
    new.text = "three"
    rebuild(p, flat, [(start, start + len("three"), [new])])
    assert etree.tostring(p, encoding="unicode") == (
        f'<p xmlns="{TEI_NS}">one <hi>two</hi> <q>three</q> four</p>'
    )
    assert [x if isinstance(x, str) else local_name(x) for x in content(p)] == [
        "one ",
        "hi",
        " ",
        "q",
        " four",
    ]


def _header(enc: str) -> etree._Element:
    return etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc/>{enc}</teiHeader><text/></TEI>'
    )


def test_editorial_decl_is_found_or_made_in_its_place() -> None:
    made = _header("")
    decl = editorial_decl(made)
    assert decl is not None
    assert [local_name(c) for c in made[0]] == ["fileDesc", "encodingDesc"]
    before_tags = _header("<encodingDesc><appInfo/><tagsDecl/></encodingDesc>")
    editorial_decl(before_tags)
    assert [local_name(c) for c in before_tags[0][1]] == ["appInfo", "editorialDecl", "tagsDecl"]
    kept = _header("<encodingDesc><editorialDecl><p>x</p></editorialDecl></encodingDesc>")
    assert editorial_decl(kept) is kept[0][1][0]
    assert editorial_decl(etree.fromstring(f'<TEI xmlns="{TEI_NS}"><text/></TEI>')) is None
