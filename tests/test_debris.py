"""PDF-operator debris: which spans are found (synthetic strings), and how the repair pass encodes them
(the debris kept in sic, the reading an omission marked as damage)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teiedit.config import default_settings
from teiedit.document import TEI_NS, TeiDocument, xpath
from teiedit.repair.debris import find_debris
from teiedit.repair.model import english
from teiedit.transforms import PassContext, original_reading, run_passes

REPO = Path(__file__).resolve().parent.parent

#: text -> the spans that are debris (synthetic, in the shapes PDF extraction leaves)
SPANS: list[tuple[str, list[str]]] = [
    # a kerning array with text operators, garbled letters before it
    (
        "the minister qzvbr plonkt wer12(ab )-4(cd)-TJ/-2.250 -.125 TDf[(Ka)-12(ro",
        ["qzvbr plonkt wer12(ab )-4(cd)-TJ/-2.250 -.125 TDf[(Ka)-12(ro"],
    ),
    # kerned glyphs whose brackets were lost
    ("and then XY-120ka-120kb-120kc-120kd- it", ["XY-120ka-120kb-120kc-120kd-"]),
    # operators glued to stray glyphs, fragments with digits around them, a real word after
    (
        "mab7e(xo )3kel5 with tc 512sTJq g.hye3 7-40(to )-40(Abc Pa5ty Congress",
        ["mab7e(xo )3kel5 with tc 512sTJq g.hye3 7-40(to )-40(Abc Pa5ty"],
    ),
    # two runs a few lower-case words apart are one passage
    ("x 4(ab )-9(cd)-TJ ol ek he mo AB-150qa-150qb-150qc- end", None),
    # prose with numbers, brackets and abbreviations is never debris
    (
        "In 1956 (p. 12) the 3rd plenum of the 1950s met; see art. 5(1), 12(a)(ii) and -.316 of it.",
        [],
    ),
    ("Fond 5, Opis 28, Delo 410, Listy 22-25; 4.XI.1956; 5/6 October", []),
]


@pytest.mark.parametrize(("text", "expected"), SPANS, ids=[s[0][:30] for s in SPANS])
def test_debris_spans(text: str, expected: list[str] | None) -> None:
    found = [r.original for r in find_debris(text, english())]
    if expected is None:  # one span from the first operator run to the last
        assert len(found) == 1
        assert found[0].startswith("4(ab") and found[0].endswith("150qc-")
    else:
        assert found == expected
    for r in find_debris(text, english()):
        assert text[r.start : r.end] == r.original and r.type == "debris" and r.reading == ""


def test_debris_is_kept_in_sic_and_read_as_a_marked_omission() -> None:
    text = "the minister said wer12(ab )-4(cd)-TJ/-2.250 -.125 TDf[(Ka)-12(ro and left."
    root = etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        "<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc>"
        f"</teiHeader><text><body><p>{text}</p></body></text></TEI>"
    )
    doc = TeiDocument(tree=etree.ElementTree(root), name="d")
    before = original_reading(xpath(root, "tei:text")[0])
    run_passes(doc, PassContext(settings=default_settings(REPO)), only=["repair"])
    choice = xpath(root, "//tei:p/tei:choice")
    assert len(choice) == 1
    seg = xpath(choice[0], "tei:sic/tei:seg[@type='pdf-debris']")
    assert len(seg) == 1 and (seg[0].text or "").startswith("wer12(ab")
    gap = xpath(choice[0], "tei:corr[@type='debris'][@resp='#teiedit']/tei:gap")
    assert [(g.get("reason"), g.get("agent")) for g in gap] == [("damage", "pdf-extraction")]
    assert original_reading(xpath(root, "tei:text")[0]) == before
    corrected = "".join(
        root.xpath("//t:text//t:p//text()[not(ancestor::t:sic)]", namespaces={"t": TEI_NS})
    )
    assert "TJ" not in corrected and corrected.startswith("the minister said")
