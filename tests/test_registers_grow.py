"""Registers an editor can grow: init's example registers, `teiedit entities add`, registers checked by
build and validate, a bare list rendered on the site, messages for wrong roots and empty registers."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli
from lxml import etree

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture
def edition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    """A new edition from `teiedit init` with one short letter, the current folder."""
    root = tmp_path / "ed"
    code, _, err = run_cli(
        ["init", str(root), "--title", "Letters", "--editor", "Ann Editor"], capsys
    )
    assert code == 0, err
    (root / "sources" / "letter.txt").write_text(
        "Dear Comrade Ivanov,\n\nWe met Kim Tu-bong in Kaesong on 3 March 1956.\n\n"
        "Yours,\nPetrov\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    return root


def _entries(path: Path) -> list[tuple[str, str, list[str]]]:
    root = etree.parse(str(path)).getroot()
    found = []
    for el in root.xpath("//tei:person | //tei:place | //tei:org", namespaces=TEI):
        names = [
            "".join(n.itertext())
            for n in el
            if isinstance(n.tag, str) and n.tag.endswith(("persName", "placeName", "orgName"))
        ]
        found.append(
            (etree.QName(el).localname, el.get("{http://www.w3.org/XML/1998/namespace}id"), names)
        )
    return found


def test_init_writes_commented_example_registers_that_validate(
    edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    regs = edition / "tei" / "registers"
    assert sorted(p.name for p in regs.glob("*.xml")) == ["orgs.xml", "persons.xml", "places.xml"]
    assert _entries(regs / "persons.xml") == [
        ("person", "douglas-adams", ["Douglas Adams", "D. N. Adams", "Adams"])
    ]
    assert _entries(regs / "places.xml") == [("place", "berlin", ["Berlin", "Berlín"])]
    assert _entries(regs / "orgs.xml") == [
        ("org", "united-nations", ["United Nations", "United Nations Organization"])
    ]
    for name in ("persons.xml", "places.xml", "orgs.xml"):
        root = etree.parse(str(regs / name)).getroot()
        comments = root.xpath("//comment()")
        assert len(comments) >= 2, name  # the guide before the root, and inside the entry
        assert root.xpath("//tei:idno", namespaces=TEI), name  # an authority id
    code, out, err = run_cli(["validate"], capsys)  # no PATH: the edition here, registers included
    assert code == 0, err
    assert "4 files checked, 0 invalid" in out  # the introduction and the three registers
    assert err.count("still the example entries of `teiedit init`") == 3


def test_entities_add_keeps_the_file_and_links_on_the_next_build(
    edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    persons = edition / "tei" / "registers" / "persons.xml"
    before = persons.read_text(encoding="utf-8")
    code, out, err = run_cli(
        [
            "entities",
            "add",
            "Kim Tu-bong",
            "--variant",
            "Kim Tu Bong",
            "--description",
            "chairman of the Supreme People's Assembly",
            "--authority",
            "wikidata:Q495410",
        ],
        capsys,
    )
    assert code == 0, err
    assert f"added #kim-tu-bong to {persons}" in out
    after = persons.read_text(encoding="utf-8")
    # everything that was there is there, byte for byte: the new entry is inserted before </listPerson>
    head, _, tail = before.partition("      </listPerson>")
    assert after.startswith(head) and after.endswith("      </listPerson>" + tail)
    added = after[len(head) : len(after) - len("      </listPerson>" + tail)]
    assert added == (
        '        <person xml:id="kim-tu-bong">\n'
        '          <persName type="preferred">Kim Tu-bong</persName>\n'
        '          <persName type="variant">Kim Tu Bong</persName>\n'
        '          <idno type="wikidata">Q495410</idno>\n'
        '          <note type="description">chairman of the Supreme People\'s Assembly</note>\n'
        "        </person>\n"
    )
    # an organisation and a place go to their own registers
    assert run_cli(["entities", "add", "Kaesong", "--kind", "place"], capsys)[0] == 0
    assert ("place", "kaesong", ["Kaesong"]) in _entries(
        edition / "tei" / "registers" / "places.xml"
    )
    # the same spelling again is refused, and nothing is written
    code, _, err = run_cli(["entities", "add", "kim tu bong"], capsys)
    assert code == 2 and "already a spelling of #kim-tu-bong" in err
    assert persons.read_text(encoding="utf-8") == after
    # a fresh id when the name's id is taken by another entry
    code, out, _ = run_cli(["entities", "add", "Kim Tu-Bong Jr", "--id", "kim-tu-bong"], capsys)
    assert code == 2
    code, _, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 0, err
    letter = etree.parse(str(edition / "tei" / "letter.xml")).getroot()
    refs = letter.xpath("//tei:body//*[@ref]/@ref", namespaces=TEI)
    assert "#kim-tu-bong" in refs and "#kaesong" in refs


def test_entities_add_from_a_suggestion_file(
    edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(["build", "--no-pdf"], capsys)[0] == 0
    code, out, _ = run_cli(["entities", "suggest", "--format", "json"], capsys)
    assert "Capital of Germany" not in out  # the registers' descriptions are no documents
    assert code == 0
    suggestions = edition / "names.json"
    suggestions.write_text(out, encoding="utf-8")
    assert "Kim Tu-bong" in out
    code, out, err = run_cli(
        ["entities", "add", "--suggestions", str(suggestions), "Kim Tu-bong"], capsys
    )
    assert code == 0, err
    entries = _entries(edition / "tei" / "registers" / "persons.xml")
    assert ("person", "kim-tu-bong", ["Kim Tu-bong", "Kim Tu Bong"]) in entries
    code, _, err = run_cli(["entities", "add", "--suggestions", str(suggestions), "Nobody"], capsys)
    assert code == 2 and "not among the suggestions: Nobody" in err


def test_build_checks_registers_and_renders_a_bare_list(
    edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    regs = edition / "tei" / "registers"
    for p in regs.glob("*.xml"):
        p.unlink()
    # a natural minimal register: the list alone
    (regs / "people.xml").write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0">\n'
        '  <person xml:id="petrov"><persName>Petrov</persName></person>\n'
        "</listPerson>\n",
        encoding="utf-8",
    )
    code, _, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 0, err
    # named on the command line inside the edition, it is checked as the register it is
    code, out, err = run_cli(["validate", "tei/registers/people.xml"], capsys)
    assert (code, out) == (0, "1 files checked, 0 invalid\n"), err
    page = (edition / "out" / "html" / "persons.html").read_text(encoding="utf-8")
    assert "This register has no entries" not in page
    assert 'id="petrov"' in page and "Petrov" in page
    # a misspelt element no longer passes; a list in no namespace and an empty one say what to do
    (regs / "people.xml").write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0">\n'
        '  <person xml:id="petrov"><persName>Petrov</persName><persname>P.</persname></person>\n'
        "</listPerson>\n",
        encoding="utf-8",
    )
    (regs / "orgs.xml").write_text(
        "<listOrg>\n<org xml:id='x'><orgName>X</orgName></org>\n</listOrg>\n"
    )
    (regs / "places.xml").write_text('<listPlace xmlns="http://www.tei-c.org/ns/1.0"/>\n')
    code, _, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 1
    assert (
        f"{regs / 'people.xml'}:2: error: <persname> is not an element of this schema (inside <person>)"
        in err
    )
    assert "did you mean <persName>?" in err
    assert f"{regs / 'orgs.xml'}:1: error: <listOrg> is a register list in no namespace" in err
    assert 'add xmlns="http://www.tei-c.org/ns/1.0" to <listOrg>' in err
    assert f"{regs / 'places.xml'}: warning: this register has no entries" in err
    assert "add one with `teiedit entities add`" in err


def test_entities_add_goes_to_the_register_of_its_kind_beside_other_lists(
    edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second file of persons that sorts before persons.xml does not take the new entries."""
    regs = edition / "tei" / "registers"
    extra = regs / "a-extra.xml"
    extra.write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="x-y"><persName>X Y'
        "</persName></person></listPerson>\n",
        encoding="utf-8",
    )
    before = extra.read_bytes()
    code, out, err = run_cli(["entities", "add", "Pak Chang-ok"], capsys)
    assert code == 0, err
    assert f"added #pak-chang-ok to {regs / 'persons.xml'}" in out
    assert ("person", "pak-chang-ok", ["Pak Chang-ok"]) in _entries(regs / "persons.xml")
    assert extra.read_bytes() == before
    # without a persons.xml, the other file of persons takes it
    (regs / "persons.xml").unlink()
    code, out, err = run_cli(["entities", "add", "Choe Chang-ik"], capsys)
    assert code == 0, err
    assert f"added #choe-chang-ik to {extra}" in out
    assert ("person", "choe-chang-ik", ["Choe Chang-ik"]) in _entries(extra)
