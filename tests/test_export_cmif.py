"""teiedit export cmif: valid CMIF v1.1 (RELAX NG + Schematron) with the edition's letters."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from helpers import assert_golden, run_cli
from lxml import etree

from teiedit.config import Editor, default_settings, load_settings
from teiedit.edition import Edition
from teiedit.exchange.cmif import build_cmif, edition_letters, serialize_cmif
from teiedit.validate import schematron_diagnostics

CASES = Path(__file__).resolve().parent / "cases" / "exchange"
REPO = Path(__file__).resolve().parent.parent
NS = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def cmif_rng() -> etree.RelaxNG:
    return etree.RelaxNG(
        etree.parse(str(REPO.parent / "shared" / "cmif" / "cmi-customization.rng"))
    )


def assert_valid_cmif(tree: etree._ElementTree, rng: etree.RelaxNG) -> None:
    assert rng.validate(tree), rng.error_log
    findings = schematron_diagnostics(
        tree, "cmif.xml", REPO.parent / "shared" / "cmif" / "cmif.sch"
    )
    assert findings == [], findings


def test_cmif_of_the_test_edition_is_valid_and_matches_the_golden(
    cmif_rng: etree.RelaxNG, update_goldens: bool
) -> None:
    result = build_cmif(Edition.load(load_settings(CASES / "edition")))
    assert result.letters == 3 and result.warnings == []
    assert_valid_cmif(result.tree, cmif_rng)
    assert_golden(serialize_cmif(result), CASES / "cmif.golden.xml", update_goldens)


# letter -> (senders with refs, sender place, date attributes, addressees with refs)
EXPECTED = {
    "letter-ri-to-kim": (
        [("Ri Sang-jo", None)],
        ("Moscow", "http://www.geonames.org/524901"),
        {"when": "1956-10-22"},
        [("Kim Il Sung", "http://viaf.org/viaf/91810738")],
    ),
    "letter-ri-to-cc": (
        [("Ri Sang-jo", None)],
        ("Moscow", "http://www.geonames.org/524901"),
        {"when": "1956-10-12"},
        [("Central Committee of the Korean Workers' Party", None)],
    ),
    "letter-kim-to-ri": (
        [("Kim Il Sung", "http://viaf.org/viaf/91810738")],
        ("Pyongyang", "http://www.geonames.org/1871859"),
        {"notBefore": "1956-09-01", "notAfter": "1956-09-30"},
        [("Ri Sang-jo", None)],
    ),
}


@pytest.mark.parametrize("letter", sorted(EXPECTED))
def test_each_letter_has_its_correspondents_places_and_dates(letter: str) -> None:
    tree = build_cmif(Edition.load(load_settings(CASES / "edition"))).tree
    (desc,) = tree.xpath(
        f"//tei:correspDesc[@ref='https://example.org/exchange-test/{letter}']", namespaces=NS
    )
    senders, place, date, addressees = EXPECTED[letter]
    sent, received = (
        desc.xpath("tei:correspAction[@type='sent']", namespaces=NS)[0],
        desc.xpath("tei:correspAction[@type='received']", namespaces=NS)[0],
    )

    def parties(action: etree._Element) -> list[tuple[str, str | None]]:
        return [
            (p.text, p.get("ref"))
            for p in action.xpath("tei:persName | tei:orgName", namespaces=NS)
        ]

    assert parties(sent) == senders
    assert parties(received) == addressees
    pl = sent.find("tei:placeName", NS)
    assert (pl.text, pl.get("ref")) == place
    assert dict(sent.find("tei:date", NS).attrib) == date
    assert desc.get("source") == "#" + tree.find(".//tei:sourceDesc/tei:bibl", NS).get(
        "{http://www.w3.org/XML/1998/namespace}id"
    )


def test_documents_that_are_not_letters_are_left_out() -> None:
    names = [p.stem for p, _ in edition_letters(Edition.load(load_settings(CASES / "edition")))]
    assert names == ["letter-kim-to-ri", "letter-ri-to-cc", "letter-ri-to-kim"]


def test_cli_writes_cmif_and_refuses_an_edition_without_licence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cmif.xml"
    code, stdout, _ = run_cli(
        [
            "export",
            "cmif",
            "--edition",
            str(CASES / "edition"),
            "--out",
            str(out),
            "--email",
            "editor@example.org",
        ],
        capsys,
    )
    assert code == 0 and "3 letters" in stdout
    assert (
        etree.parse(str(out)).xpath("string(//tei:editor/tei:email)", namespaces=NS)
        == "editor@example.org"
    )
    bare = tmp_path / "bare"
    shutil.copytree(CASES / "edition", bare)
    toml = (bare / "teiedit.toml").read_text(encoding="utf-8")
    (bare / "teiedit.toml").write_text(
        toml.replace("licence_url", "# licence_url"), encoding="utf-8"
    )
    code, _, err = run_cli(
        ["export", "cmif", "--edition", str(bare), "--out", str(tmp_path / "x.xml")], capsys
    )
    assert code == 2 and "licence" in err and "Traceback" not in err
    assert not (tmp_path / "x.xml").exists()


def test_an_edition_without_letters_has_no_cmif(tmp_path: Path) -> None:
    from teiedit.diagnostics import TeieditError

    edition = dataclasses.replace(
        default_settings(tmp_path),
        licence_url="https://creativecommons.org/licenses/by/4.0/",
        base_url="https://example.org/edition/",
        editors=(Editor(id="ed-a", name="Ada Editor"),),
    )
    with pytest.raises(TeieditError, match="no letters") as caught:
        build_cmif(Edition.load(edition))
    assert "imported" not in caught.value.diagnostic.message
    # an edition of imported letters only is told why they are not its CMIF
    edition.imported.mkdir(parents=True)
    shutil.copy(CASES / "edition" / "tei" / "letter-kim-to-ri.xml", edition.imported)
    with pytest.raises(TeieditError) as caught:
        build_cmif(Edition.load(edition))
    assert "no letters of its own" in caught.value.diagnostic.message
    assert "1 imported letter is left out" in caught.value.diagnostic.message


def test_cmif_of_this_edition(cmif_rng: etree.RelaxNG) -> None:
    """The repository's own edition: every letter with a correspDesc appears with its sender and date."""
    edition = Edition.load(load_settings(REPO))
    letters = edition_letters(edition)
    assert len(letters) >= 2  # the edition's letters (the letter and the web capture, at least)
    tree = build_cmif(edition).tree
    assert_valid_cmif(tree, cmif_rng)
    descs = tree.xpath("//tei:correspDesc", namespaces=NS)
    assert len(descs) == len(letters)
    registers = {e.id: e for e in edition.registers.all}

    def expected(action: etree._Element) -> list[str]:
        """Who the letter names: the register's name for a linked party, else the letter's words."""
        out = []
        for party in action.xpath("tei:persName | tei:orgName", namespaces=NS):
            ref = (party.get("ref") or "").removeprefix("#")
            out.append(
                registers[ref].name
                if ref in registers
                else " ".join("".join(party.itertext()).split())
            )
        return out

    for (path, root), desc in zip(letters, descs, strict=True):
        assert desc.get("ref", "").endswith(
            root.get("{http://www.w3.org/XML/1998/namespace}id", path.stem)
        )
        for kind in ("sent", "received"):
            (mine,) = root.xpath(
                f".//tei:correspDesc/tei:correspAction[@type='{kind}']", namespaces=NS
            )
            (theirs,) = desc.xpath(f"tei:correspAction[@type='{kind}']", namespaces=NS)
            names = [p.text for p in theirs.xpath("tei:persName | tei:orgName", namespaces=NS)]
            assert names == (expected(mine) or ["unknown"]), (path.name, kind)
            date = mine.find("tei:date", NS)
            if date is not None and date.get("when"):
                assert theirs.find("tei:date", NS).get("when") == date.get("when"), path.name


def test_cmif_schematron_catches_a_missing_addressee_and_an_undated_date() -> None:
    tree = build_cmif(Edition.load(load_settings(CASES / "edition"))).tree
    first = tree.find(".//tei:correspDesc", NS)
    first.remove(first.find("tei:correspAction[@type='received']", NS))
    date = first.find("tei:correspAction/tei:date", NS)
    for attr in list(date.attrib):
        del date.attrib[attr]
    findings = schematron_diagnostics(
        tree, "cmif.xml", REPO.parent / "shared" / "cmif" / "cmif.sch"
    )
    codes = sorted(f.message.split()[0] for f in findings if f.level.value == "error")
    assert codes == ["[E0002]", "[E0004]"]


def test_unlinked_correspondents_and_the_dateline_place_get_their_authorities(
    tmp_path: Path, cmif_rng: etree.RelaxNG
) -> None:
    """A party named without a link is the entry whose full form it is (of whatever kind the
    conversion guessed); a letter whose correspAction names no place was sent from its dateline's."""
    root = tmp_path / "edition"
    shutil.copytree(CASES / "edition", root)
    letter = root / "tei" / "letter-ri-to-kim.xml"
    text = letter.read_text("utf-8")
    for old, new in [
        ('<placeName ref="#moscow">Moscow</placeName><date', "<date"),  # in correspAction only
        ('<persName ref="#kim-il-sung">Kim Il Sung</persName></correspAction>',
         "<persName>kim il-sung</persName></correspAction>"),  # a variant, in other case
    ]:  # fmt: skip
        assert text.count(old) == 1
        text = text.replace(old, new)
    letter.write_text(text, "utf-8")
    other = root / "tei" / "letter-ri-to-cc.xml"
    text = other.read_text("utf-8")
    old = """<orgName ref="#kwp-cc">Central Committee of the Korean Workers' Party</orgName>"""
    assert text.count(old) == 1
    other.write_text(
        text.replace(old, "<persName>Central Committee of the Korean Workers' Party</persName>"),
        "utf-8",
    )
    settings = dataclasses.replace(
        load_settings(root), base_url="https://example.org/x/", email="e@example.org"
    )
    tree = build_cmif(Edition.load(settings)).tree
    assert_valid_cmif(tree, cmif_rng)

    def action(letter_id: str, kind: str) -> list[tuple[str, str, str | None]]:
        (found,) = tree.xpath(
            f"//tei:correspDesc[contains(@ref, '{letter_id}')]/tei:correspAction[@type='{kind}']",
            namespaces=NS,
        )
        return [(etree.QName(el).localname, el.text, el.get("ref")) for el in found if el.text]

    assert action("letter-ri-to-kim", "sent")[1] == (
        "placeName", "Moscow", "http://www.geonames.org/524901"
    )  # fmt: skip
    assert action("letter-ri-to-kim", "received") == [
        ("persName", "Kim Il Sung", "http://viaf.org/viaf/91810738")  # CMIF prefers VIAF
    ]
    assert action("letter-ri-to-cc", "received") == [
        ("orgName", "Central Committee of the Korean Workers' Party", None)
    ]
