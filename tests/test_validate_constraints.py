"""The edition's Schematron rules checked in lxml (teiedit/validate/constraints.py) against Saxon running
the compiled schema: a document the checks pass has no finding in Saxon, the documents of the edition
pass without Saxon, and every kind of mistake the schema reports sends the document to Saxon."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from teiedit import xslt
from teiedit.io import read_xml
from teiedit.validate import constraints
from teiedit.validate.schematron import schematron_stylesheet

REPO = Path(__file__).resolve().parents[1]
SCH = REPO / "schema" / "build" / "teiedit.sch"
CASES = Path(__file__).resolve().parent / "cases" / "validate"
TEI = "http://www.tei-c.org/ns/1.0"
SVRL = "http://purl.oclc.org/dsdl/svrl"
IDS = ("ri-sang-jo", "kim-il-sung", "moscow", "pyongyang", "kwp-cc")  # cases/validate/registers


def saxon_findings(tree: etree._ElementTree, ids: tuple[str, ...] = IDS) -> list[str]:
    """The patterns Saxon reports for the document, one per finding."""
    out = xslt.transform_sandboxed(
        schematron_stylesheet(SCH), tree, params={"register-ids": " ".join(ids)}
    ).output
    svrl = etree.fromstring(out.encode())
    return [f.get("pattern", "") for f in svrl.iter(f"{{{SVRL}}}failed-assert")]


def test_every_pattern_of_the_edition_schema_has_a_pinned_check() -> None:
    patterns = constraints.schema_patterns(SCH)
    assert len(patterns) >= 6
    stale = [pid for pid, h in patterns if constraints.PINS.get(pid) != h]
    assert not stale, (
        f"the patterns {stale} changed in the ODD: update their checks in "
        "src/teiedit/validate/constraints.py and their PINS (or remove them: Saxon then runs the schema)"
    )
    assert constraints.checks_for(SCH) is not None


def test_a_changed_pattern_is_run_in_saxon(tmp_path: Path) -> None:
    changed = tmp_path / "teiedit.sch"
    changed.write_bytes(SCH.read_bytes().replace(b"count($same) = 1", b"count($same) = 2"))
    assert constraints.checks_for(changed) is None
    tree = read_xml(CASES / "valid" / "letter-full.xml")
    assert not constraints.passes(tree, changed, IDS)


def _documents() -> list[Path]:
    files = [
        *sorted((CASES / "valid").glob("*.xml")),
        *sorted((CASES / "invalid").glob("*.xml")),
        *sorted((REPO / "tei").glob("*.xml")),
    ]
    return [f for f in files if f.parent.name != "registers"]


@pytest.mark.parametrize("path", _documents(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_checks_agree_with_saxon(path: Path) -> None:
    tree = read_xml(path)
    ids = IDS if "cases" in path.parts else tuple(_edition_ids())
    fast = constraints.passes(tree, SCH, ids)
    findings = saxon_findings(tree, ids)
    if fast:
        assert findings == [], f"the checks passed {path.name}, Saxon reports {findings}"
    if path.parent.name in ("valid", "tei"):
        assert fast and not findings  # the edition's own documents never need Saxon


def _edition_ids() -> list[str]:
    out: list[str] = []
    for f in sorted((REPO / "tei" / "registers").glob("*.xml")):
        out += [str(i) for i in read_xml(f).xpath("//@xml:id")]
    return out


def _letter() -> etree._ElementTree:
    return read_xml(CASES / "valid" / "letter-full.xml")


def _first(tree: etree._ElementTree, expr: str) -> etree._Element:
    found = tree.xpath(expr, namespaces={"tei": TEI})
    assert found, expr
    el: etree._Element = found[0]
    return el


def _dangling(t: etree._ElementTree) -> None:
    _first(t, "//tei:persName[@ref]").set("ref", "#nobody")


def _resp_without_registers(t: etree._ElementTree) -> None:
    _first(t, "//tei:text//tei:p").set("resp", "#nobody")


def _bad_date(t: etree._ElementTree) -> None:
    _first(t, "//tei:date[@when]").set("when", "1956-02-30")


def _backwards(t: etree._ElementTree) -> None:
    el = _first(t, "//tei:date[@when]")
    del el.attrib["when"]
    el.set("from", "1956-05-02")
    el.set("to", "1956-05-01")


def _duplicate_note(t: etree._ElementTree) -> None:
    note = _first(t, "//tei:note[@n]")
    note.addnext(copy.deepcopy(note))
    for el in note.getnext().iter():
        el.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None)


def _note_key_joined(t: etree._ElementTree) -> None:
    """Two notes whose place and number differ but join to the same key string, as the schema joins."""
    note = _first(t, "//tei:note[@n]")
    twin = copy.deepcopy(note)
    for el in twin.iter():
        el.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None)
    note.set("place", "foot|1"), note.set("n", "2")
    twin.set("place", "foot"), twin.set("n", "1|2")
    note.addnext(twin)


def _no_addressee(t: etree._ElementTree) -> None:
    received = _first(t, "//tei:correspAction[@type='received']")
    received.getparent().remove(received)


def _telegram_without_addressee(t: etree._ElementTree) -> None:
    """The letter made a telegram (its kind and its division), which must name its addressee too."""
    kinds = t.xpath(
        "//tei:keywords/tei:term[. = 'letter'] | //tei:body/tei:div[@type = 'letter']",
        namespaces={"tei": TEI},
    )
    assert kinds
    for el in kinds:
        if el.get("type") == "letter":
            el.set("type", "telegram")
        else:
            el.text = "telegram"
    _no_addressee(t)


def _duplicate_id(t: etree._ElementTree) -> None:
    ids = t.xpath("//tei:text//@xml:id", namespaces={"tei": TEI})
    assert len(ids) >= 2
    ids[1].getparent().set("{http://www.w3.org/XML/1998/namespace}id", str(ids[0]))


def _half_choice(t: etree._ElementTree) -> None:
    p = _first(t, "//tei:text//tei:p")
    choice = etree.SubElement(p, f"{{{TEI}}}choice")
    etree.SubElement(choice, f"{{{TEI}}}sic").text = "teh"
    etree.SubElement(choice, f"{{{TEI}}}orig").text = "the"


MISTAKES = {
    "pointers-resolve": _dangling,
    "dates-iso": _bad_date,
    "note-numbers-unique": _duplicate_note,
    "letters-have-correspDesc": _no_addressee,
    "ids-unique": _duplicate_id,
    "choice-both-readings": _half_choice,
}


@pytest.mark.parametrize(
    ("pattern", "spoil"),
    [
        *MISTAKES.items(),
        ("dates-iso", _backwards),
        ("note-numbers-unique", _note_key_joined),
        ("letters-have-correspDesc", _telegram_without_addressee),
    ],
    ids=lambda m: m if isinstance(m, str) else m.__name__,
)
def test_each_kind_of_mistake_goes_to_saxon(
    pattern: str, spoil: Callable[[etree._ElementTree], None]
) -> None:
    tree = _letter()
    assert constraints.passes(tree, SCH, IDS) and saxon_findings(tree) == []
    spoil(tree)
    assert pattern in saxon_findings(tree)
    assert not constraints.passes(tree, SCH, IDS)


def test_without_registers_only_resp_and_who_must_resolve() -> None:
    tree = _letter()
    _dangling(tree)
    assert constraints.passes(tree, SCH, ()) and saxon_findings(tree, ()) == []
    _resp_without_registers(tree)
    assert "pointers-resolve" in saxon_findings(tree, ())
    assert not constraints.passes(tree, SCH, ())


def test_the_mistakes_cover_every_pattern() -> None:
    assert (
        set(MISTAKES) == set(constraints.CHECKS) == {p for p, _ in constraints.schema_patterns(SCH)}
    )


# -- dates: a value the checks take as an ISO date is one for Saxon -----------------------------------

_DATEISH = st.text(alphabet="0123456789-:TZ+. \n", min_size=1, max_size=26)
_PLAUSIBLE = st.builds(
    lambda y, m, d, rest: f"{y:04d}-{m:02d}-{d:02d}{rest}",
    st.integers(0, 10000),
    st.integers(0, 13),
    st.integers(0, 32),
    st.sampled_from(["", "Z", "+14:00", "+14:01", "-13:59", "T24:00:00", "T23:59:59.5", "T10:00"]),
)


def _castable(values: list[str]) -> list[bool]:
    xp = xslt.processor().new_xpath_processor()
    xp.declare_namespace("xs", "http://www.w3.org/2001/XMLSchema")
    out = []
    for v in values:
        xp.set_parameter("v", xslt.processor().make_string_value(v))
        test = " or ".join(
            f"$v castable as xs:{t}"
            for t in ("date", "gYear", "gYearMonth", "dateTime", "gMonthDay")
        )
        out.append(str(xp.evaluate_single(test)) == "true")
    return out


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_DATEISH, _PLAUSIBLE), min_size=1, max_size=20))
def test_a_date_the_checks_accept_is_castable_in_saxon(values: list[str]) -> None:
    verdicts = _castable(values)
    for value, castable in zip(values, verdicts, strict=True):
        if constraints.certainly_iso(value):
            assert castable, value


def test_common_dates_are_decided_without_saxon() -> None:
    common = ["1956", "1956-10", "1956-10-22", "--10-22", "2000-02-29", "1956-10-22T10:30:00Z"]
    assert all(constraints.certainly_iso(v) for v in common)
    assert _castable(common) == [True] * len(common)
    assert not any(constraints.certainly_iso(v) for v in ["1900-02-29", "1956-13", "56", ""])
