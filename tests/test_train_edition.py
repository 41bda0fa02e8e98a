"""`teiedit train`: an edition teaches the converter its own layout from TEI corrected by hand.

A ledger whose entries the shipped labeller reads wrongly (its running head taken for the title, the
end mark kept as text) is converted; one entry is corrected by hand in the TEI; after `teiedit train`
the other entry, never corrected, converts right. Retraining is deterministic.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli
from lxml import etree

from teiedit.document import E

TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"tei": TEI[1:-1]}

ENTRY = """LEDGER OF THE HARBOUR BOARD · ENTRY {n}

{title}

Entered {date} by the clerk

{first}

{second}

~ end of entry ~
"""
ENTRIES = {
    "entry-17": dict(
        n=17,
        title="The Dredger Returned to Service",
        date="3 May 1958",
        first="The dredger returned to service after the repairs of the spring. The board thanked "
        "the crew and noted that the channel was open again for the ferries of the northern route.",
        second="The cost of the repairs was paid from the reserve of the board.",
    ),
    "entry-18": dict(
        n=18,
        title="A New Crane for the Eastern Quay",
        date="9 May 1958",
        first="The board decided to buy a new crane for the eastern quay, since the old one could no "
        "longer lift the containers of the timber ships.",
        second="The purchase is to be paid in two instalments.",
    ),
}


def _text(root: etree._Element) -> str:
    text = root.find(f"{TEI}text")
    assert text is not None
    return " ".join("".join(text.itertext()).split())


def _convert(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(
        ["convert", "sources/entry-17.txt", "sources/entry-18.txt", "--out", "tei"], capsys
    )
    assert code in (0, 1), err


def _correct_by_hand(path: Path, fields: dict[str, object]) -> None:
    """What an editor does: the entry's title as head, its date line in an opener, no ledger furniture."""
    tree = etree.parse(str(path))
    body = tree.getroot().find(f"{TEI}text/{TEI}body")
    assert body is not None
    for child in list(body):
        body.remove(child)
    body.append(
        E.div(
            E.head(str(fields["title"])),
            E.opener(E.dateline(f"Entered {fields['date']} by the clerk")),
            E.p(str(fields["first"])),
            E.p(str(fields["second"])),
            type="note",
        )
    )
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


@pytest.fixture
def ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    root = tmp_path / "ledger"
    assert (
        run_cli(["init", str(root), "--title", "Ledger", "--editor", "Test Editor"], capsys)[0] == 0
    )
    for name, fields in ENTRIES.items():
        (root / "sources" / f"{name}.txt").write_text(ENTRY.format(**fields), encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_the_shipped_labeller_reads_this_layout_wrongly(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _convert(capsys)
    root = etree.parse(str(ledger / "tei" / "entry-18.xml")).getroot()
    title = root.findtext(".//tei:titleStmt/tei:title[@type='main']", namespaces=NS)
    wrong = title != ENTRIES["entry-18"]["title"] or "end of entry" in _text(root)
    assert wrong, (
        "the layout is read right already: this test needs one the shipped model gets wrong"
    )


@pytest.mark.slow
def test_retrained_from_a_corrected_entry_the_other_entry_converts_right(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _convert(capsys)
    _correct_by_hand(ledger / "tei" / "entry-17.xml", ENTRIES["entry-17"])
    code, out, err = run_cli(["train"], capsys)
    assert code == 0, err
    assert "trained on 1 sources of the edition" in out
    model = ledger / "model" / "labeller.crfsuite"
    assert model.is_file()
    _convert(
        capsys
    )  # the corrected entry is kept; the other one converts again (the model changed)
    root = etree.parse(str(ledger / "tei" / "entry-18.xml")).getroot()
    table = [
        ("string(.//tei:titleStmt/tei:title[@type='main'])", ENTRIES["entry-18"]["title"]),
        ("string(.//tei:body//tei:head[1])", ENTRIES["entry-18"]["title"]),
        ("count(.//tei:body//tei:head)", 1.0),
        ("string(.//tei:profileDesc/tei:creation/tei:date/@when)", "1958-05-09"),
        ("string(.//tei:opener/tei:dateline)", "Entered 9 May 1958 by the clerk"),
        ("count(.//tei:body//tei:p)", 2.0),
    ]
    for expr, want in table:
        got = root.xpath(expr, namespaces=NS)
        assert (" ".join(got.split()) if isinstance(got, str) else got) == want, expr
    assert "LEDGER" not in _text(root) and "end of entry" not in _text(root)
    hand = etree.parse(str(ledger / "tei" / "entry-17.xml")).getroot()
    assert (
        hand.xpath("string(.//tei:body/tei:div/@type)", namespaces=NS) == "note"
    )  # kept as edited
    # the same corrections give the same model, byte for byte
    first = model.read_bytes()
    assert run_cli(["train"], capsys)[0] == 0
    assert model.read_bytes() == first


def test_train_without_corrections_says_what_to_do(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _convert(capsys)
    code, _, err = run_cli(["train"], capsys)
    assert code == 2
    assert "no corrected TEI to learn from" in err
    assert "Traceback" not in err
