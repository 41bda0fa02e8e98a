"""The entity pass: names of the registers become persName/placeName/orgName with @ref and @resp.

Cases are data: tests/cases/entities/<case>.xml goes through the entities and dates passes with the registers
in tests/cases/entities/registers/ and is compared with <case>.expected.xml (pytest --update-goldens).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import assert_golden
from lxml import etree

from teiedit.config import Settings
from teiedit.document import NSMAP, TeiDocument
from teiedit.io import parse_xml_bytes
from teiedit.registers import load_registers
from teiedit.serialize import serialize_tei
from teiedit.transforms import PassContext, original_reading, run_passes

CASES = Path(__file__).parent / "cases" / "entities"
REGISTERS = CASES / "registers"
INPUTS = sorted(p for p in CASES.glob("*.xml") if not p.name.endswith(".expected.xml"))

TEMPLATE = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title>
</titleStmt><publicationStmt><p>t</p></publicationStmt><sourceDesc><p>t</p></sourceDesc></fileDesc>
</teiHeader><text><body>{body}</body></text></TEI>"""


def run(doc: TeiDocument, registers: Path = REGISTERS) -> PassContext:
    ctx = PassContext(settings=Settings(root=registers.parent, registers=registers))
    diags = run_passes(doc, ctx, strict=True, only=["entities", "dates"])
    assert not [d for d in diags if d.level.value == "fatal"], diags
    return ctx


def tagged(body: str, registers: Path = REGISTERS) -> tuple[etree._Element, PassContext]:
    doc = TeiDocument(tree=parse_xml_bytes(TEMPLATE.format(body=body).encode()), name="t")
    ctx = run(doc, registers)
    return doc.root.find(".//{http://www.tei-c.org/ns/1.0}body"), ctx


def names(body_el: etree._Element) -> list[tuple[str, str, str]]:
    """(element, @ref, text) of every entity element, in document order."""
    found = body_el.xpath(".//tei:persName | .//tei:placeName | .//tei:orgName", namespaces=NSMAP)
    return [(etree.QName(e).localname, e.get("ref", ""), "".join(e.itertext())) for e in found]


@pytest.mark.parametrize("src", INPUTS, ids=[p.stem for p in INPUTS])
def test_case(src: Path, update_goldens: bool) -> None:
    doc = TeiDocument(tree=parse_xml_bytes(src.read_bytes(), src), name=src.stem)
    before = original_reading(doc.root.find("{http://www.tei-c.org/ns/1.0}text"))
    run(doc)
    assert original_reading(doc.root.find("{http://www.tei-c.org/ns/1.0}text")) == before
    assert_golden(
        serialize_tei(doc.tree), src.with_name(f"{src.stem}.expected.xml"), update_goldens
    )


def test_case_outputs_and_the_edition_registers_are_valid_tei_all(tei_all: etree.RelaxNG) -> None:
    """In one test: the case outputs and the registers of this edition."""
    rng = tei_all
    registers = sorted((Path(__file__).resolve().parent.parent / "tei" / "registers").glob("*.xml"))
    assert [f.name for f in registers] == ["orgs.xml", "persons.xml", "places.xml"]
    assert INPUTS
    for f in registers:
        assert rng.validate(etree.parse(str(f))), (f.name, str(rng.error_log))
    for src in INPUTS:
        doc = TeiDocument(tree=parse_xml_bytes(src.read_bytes(), src), name=src.stem)
        run(doc)
        assert rng.validate(doc.tree), (src.name, str(rng.error_log))


def test_titles_and_possessives_stay_outside_the_name() -> None:
    body, _ = tagged("<p>Cde. Kim Il Sung's speech and Ambassador Li Sangjo’s letter.</p>")
    assert names(body) == [
        ("persName", "#p-kim", "Kim Il Sung"),
        ("persName", "#p-ri", "Li Sangjo"),
    ]
    p = body.find("{http://www.tei-c.org/ns/1.0}p")
    assert p.text == "Cde. " and p[0].tail == "'s speech and Ambassador "


def test_bracketed_parts_stay_inside_the_name() -> None:
    body, _ = tagged(
        '<p>S<supplied rend="brackets">o</supplied> Hwi, <supplied rend="brackets">Bulganin</supplied>'
        " and S[o] Hwi and [Bulganin].</p>"
    )
    assert names(body) == [
        ("persName", "#p-so-hwi", "So Hwi"),
        ("persName", "#p-bulganin", "Bulganin"),
        ("persName", "#p-so-hwi", "S[o] Hwi"),
        ("persName", "#p-bulganin", "[Bulganin]"),
    ]
    first, second = body.xpath(".//tei:persName", namespaces=NSMAP)[:2]
    assert etree.QName(first[0]).localname == "supplied"  # the supplied letter is inside the name
    assert etree.QName(second[0]).localname == "supplied"  # the whole supplied element is inside


def test_adjectives_and_lower_case_words_are_not_names() -> None:
    body, _ = tagged("<p>Soviet comrades, North Korean friends, Korean people; a person; kim.</p>")
    assert names(body) == []


def test_romanisation_variants_link_to_one_entry() -> None:
    body, _ = tagged(
        "<p>Kim Il-sung, Kim Il Sung, KIM IL SUNG, Kim Ir Sen; Ri Sang-jo [Li Sangjo], Yi Sang-cho.</p>"
    )
    refs = [r for _, r, _ in names(body)]
    assert refs == ["#p-kim"] * 4 + ["#p-ri"] * 3


def test_a_name_split_by_a_line_break_is_one_name() -> None:
    body, _ = tagged("<p>Kim Il<lb/>Sung and N. S.<lb/>Khrushchev</p>")
    assert names(body) == [
        ("persName", "#p-kim", "Kim IlSung"),
        ("persName", "#p-khrushchev", "N. S.Khrushchev"),
    ]
    assert body.xpath("count(.//tei:persName/tei:lb)", namespaces=NSMAP) == 2


def test_manual_markup_is_never_changed_or_nested() -> None:
    body, _ = tagged(
        '<p><persName ref="#someone">Kim Il Sung</persName> and <placeName>Moscow</placeName>'
        ' and <orgName type="x">KWP in Moscow</orgName>.</p>'
    )
    assert names(body) == [
        ("persName", "#someone", "Kim Il Sung"),
        ("placeName", "", "Moscow"),
        ("orgName", "", "KWP in Moscow"),
    ]
    assert not body.xpath(".//*[@resp]")


def test_header_is_untouched_but_correspondents_get_refs() -> None:
    src = CASES / "letter.xml"
    doc = TeiDocument(tree=parse_xml_bytes(src.read_bytes(), src), name="letter")
    run(doc)
    header = doc.root.find("{http://www.tei-c.org/ns/1.0}teiHeader")
    assert header.xpath(".//tei:title//tei:persName", namespaces=NSMAP) == []
    sent = header.xpath(".//tei:correspAction[@type='sent']/*", namespaces=NSMAP)
    assert [e.get("ref") for e in sent] == ["#p-ri", "#pl-moscow"]
    # "Kim" alone is a short form: not enough to link a correspondent.
    assert (
        header.xpath(".//tei:correspAction[@type='received']/tei:persName/@ref", namespaces=NSMAP)
        == []
    )


def test_short_forms_follow_the_last_mention_and_ambiguity_is_reported() -> None:
    body, ctx = tagged("<p>Li said so. Li Pilgyu came. Li agreed. Khrushchev and Kim spoke.</p>")
    # Kim: two register entries bear the name and the text names neither
    assert names(body) == [
        ("persName", "#p-ri-pil-gyu", "Li Pilgyu"),
        ("persName", "#p-ri-pil-gyu", "Li"),
        ("persName", "#p-khrushchev", "Khrushchev"),
    ]
    reported = [r for r in ctx.records["entities"] if "reason" in r]
    assert reported == [
        {
            "document": "t",
            "text": "Li",
            "reason": "ambiguous",
            "candidates": ["p-ri", "p-ri-pil-gyu"],
        },
        {
            "document": "t",
            "text": "Kim",
            "reason": "several register entries bear this name",
            "candidates": ["p-kim", "p-kim-tu-bong"],
        },
    ]


def test_running_twice_gives_the_same_tree() -> None:
    src = CASES / "letter.xml"
    doc = TeiDocument(tree=parse_xml_bytes(src.read_bytes(), src), name="letter")
    run(doc)
    once = serialize_tei(doc.tree)
    run(doc)
    assert serialize_tei(doc.tree) == once


def test_without_registers_the_pass_does_nothing(tmp_path: Path) -> None:
    body, ctx = tagged("<p>Kim Il Sung in Moscow.</p>", registers=tmp_path / "none")
    assert names(body) == []
    assert "entities" not in ctx.records


def test_duplicate_ids_across_registers_are_refused(tmp_path: Path) -> None:
    from teiedit.diagnostics import TeieditError

    for name in ("a.xml", "b.xml"):
        (tmp_path / name).write_bytes((REGISTERS / "places.xml").read_bytes())
    with pytest.raises(TeieditError, match="used twice"):
        load_registers(Settings(root=tmp_path, registers=tmp_path)).check_unique()


def test_an_unresolved_short_form_goes_to_the_much_more_named_entry_with_cert() -> None:
    body, ctx = tagged(
        "<p>Li said so first.</p>" + "<p>" + "x " * 2100 + "</p>"
        "<p>Li Sangjo, Li Sangjo and Li Sangjo wrote; Li Pilgyu did not.</p>"
    )
    first = body.xpath(".//tei:persName", namespaces=NSMAP)[0]
    assert (first.text, first.get("ref"), first.get("cert")) == ("Li", "#p-ri", "medium")
    assert {
        "document": "t",
        "text": "Li",
        "reason": "linked to the most mentioned",
        "candidates": ["p-ri", "p-ri-pil-gyu"],
        "ref": "p-ri",
    } in ctx.records["entities"]


def test_places_in_lower_case_compounds_are_adjectives() -> None:
    body, _ = tagged("<p>anti-Korea struggles, pro-USSR officials, Moscow-Pyongyang relations.</p>")
    assert names(body) == [
        ("placeName", "#pl-moscow", "Moscow"),
        ("placeName", "#pl-pyongyang", "Pyongyang"),
    ]


def test_romanisation_glosses_in_choice_link_both_forms_inside_their_segs() -> None:
    body, _ = tagged(
        '<p>comrades <choice><seg>Ri Sang-jo</seg> <seg type="romanisation" rend="brackets">'
        "Li Sangjo</seg></choice> and <choice><seg>Kim Il</seg> <seg>Sung</seg></choice>.</p>"
    )
    assert names(body) == [("persName", "#p-ri", "Ri Sang-jo"), ("persName", "#p-ri", "Li Sangjo")]
    # each name sits inside its seg; choice keeps only seg children
    assert body.xpath("count(.//tei:choice/tei:seg/tei:persName)", namespaces=NSMAP) == 2
    assert body.xpath("count(.//tei:choice/*[not(self::tei:seg)])", namespaces=NSMAP) == 0


def test_names_in_repaired_words_wrap_the_whole_choices() -> None:
    body, _ = tagged(
        '<p>Cde. <choice><sic>Nk"</sic><corr resp="#teiedit">Li </corr></choice>'
        '<choice><sic>Ucpilq."</sic><corr resp="#teiedit">Sangjo, </corr></choice>said.</p>'
    )
    (name,) = body.xpath(".//tei:persName", namespaces=NSMAP)
    assert name.get("ref") == "#p-ri"
    assert [etree.QName(c).localname for c in name] == ["choice", "choice"]


def test_a_name_inside_a_longer_correction_is_marked_in_the_correction() -> None:
    body, _ = tagged(
        '<p>Talks <choice><sic>h e l d i n M o s c o w</sic><corr resp="#teiedit">held in Moscow'
        " in 1956</corr></choice> ended.</p>"
    )
    corr = body.find(".//{http://www.tei-c.org/ns/1.0}corr")
    assert [(etree.QName(c).localname, c.text) for c in corr] == [
        ("placeName", "Moscow"),
        ("date", "1956"),
    ]
    assert body.find(".//{http://www.tei-c.org/ns/1.0}sic").text == "h e l d i n M o s c o w"


def test_a_place_name_for_a_group_is_no_place() -> None:
    body, _ = (
        tagged("""<p>the "Soviet" and "Moscow" factions, the Moscow "group", the Moscow [old] faction;
        in Moscow grouped.</p>""")
    )
    assert names(body) == [("placeName", "#pl-moscow", "Moscow")]


def _context_case() -> tuple[etree._Element, list[dict[str, object]]]:
    src = CASES / "context.xml"
    doc = TeiDocument(tree=parse_xml_bytes(src.read_bytes(), src), name="context")
    ctx = run(doc)
    return doc.root, [r for r in ctx.records["entities"] if "reason" in r]


def test_a_bare_family_name_beside_another_given_name_is_reported_not_linked() -> None:
    root, records = _context_case()
    beside = [
        (r["text"], r["next to"]) for r in records if r["reason"] == "another name next to it"
    ]
    assert beside == [("Kim", "Kwang-hyop"), ("Kim", "Suzy")]
    # Kim Kwang-hyop and Suzy Kim stay plain text
    p = root.xpath(".//tei:p[3]", namespaces=NSMAP)[0]
    assert p[-1].tail == " read the decree; Kim Kwang-hyop and Suzy Kim listened."


def test_a_family_name_several_entries_bear_is_linked_only_from_the_context() -> None:
    root, records = _context_case()
    # first paragraph: no Kim named yet, two entries bear the name
    assert [r for r in records if r["text"] == "Kim"][0] == {
        "document": "context",
        "text": "Kim",
        "reason": "several register entries bear this name",
        "candidates": ["p-kim", "p-kim-tu-bong"],
    }
    kims = [
        (e.get("ref"), e.get("cert"))
        for e in root.xpath(".//tei:persName[.='Kim']", namespaces=NSMAP)
    ]
    # after Kim Il Sung: his short form; after Kim Tu-bong in the same paragraph: Kim Tu-bong, uncertain
    assert kims == [("#p-kim", None), ("#p-kim-tu-bong", "medium")]


def test_generic_references_resolve_only_to_one_named_organisation() -> None:
    root, records = _context_case()
    generic = [
        (e.text, e.get("ref"), e.get("cert"))
        for e in root.xpath(".//tei:text//tei:orgName[@cert]", namespaces=NSMAP)
    ]
    # the header's sender is the embassy; one central committee was named before
    assert generic == [
        ("Embassy", "#o-embassy", "medium"),
        ("Central Committee", "#o-kwp-cc", "medium"),
    ]
    left = [
        (r["text"], r["candidates"])
        for r in records
        if str(r["reason"]).startswith("generic reference")
    ]
    assert left == [
        ("Party", ["o-cpsu", "o-kwp"]),  # no party named before, two in the document
        ("Party", ["o-cpsu", "o-kwp"]),  # two parties named before
        ("Party", ["o-cpsu", "o-kwp"]),
        ("Government", []),
        ("Ministry", []),
    ]


def test_a_generic_reference_named_only_later_is_low() -> None:
    body, _ = tagged("<p>The Party met. Later the KWP published its decision.</p>")
    assert [
        (e.text, e.get("ref"), e.get("cert")) for e in body.iter(f"{{{NSMAP['tei']}}}orgName")
    ] == [
        ("Party", "#o-kwp", "low"),
        ("KWP", "#o-kwp", None),
    ]


def test_names_inside_citations_and_institutions_stay_whole() -> None:
    root, records = _context_case()
    longer = sorted(
        (r["text"], r["next to"]) for r in records if r["reason"] == "part of a longer name"
    )
    assert longer == [
        ("Korea", "Journal"),
        ("Moscow", "University"),
        ("Pyongyang", "Ch'ulp'ansa"),
    ]
    note = root.xpath(".//tei:note", namespaces=NSMAP)[0]
    # the imprint's city is linked, the publisher's name and the journal title are not split
    assert [e.text for e in note.iter(f"{{{NSMAP['tei']}}}placeName")] == ["Pyongyang"]
