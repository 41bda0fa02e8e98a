"""`teiedit entities suggest` and `teiedit entities report`, run through the CLI in a small edition."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import run_cli

REGISTERS = Path(__file__).parent / "cases" / "entities" / "registers"

DOC = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>d</title></titleStmt>
<publicationStmt><p>d</p></publicationStmt><sourceDesc><p>d</p></sourceDesc></fileDesc></teiHeader>
<text><body>
<p>Cde. <persName ref="#p-kim" resp="#teiedit">Kim Il Sung</persName> met Cde. Yun Kong-hum in
<placeName ref="#pl-moscow">Moscow</placeName>. Yun Kong-hum and N. T. Fedorenko spoke; Kim Il Sung listened.</p>
<p>Later <persName ref="#p-ri">Li</persName> and <persName ref="#p-ri-pil-gyu">Li</persName> wrote to
Ambassador Ivanov about <persName ref="#p-nobody">Nobody</persName>. Kim Kwang-hyop agreed.</p>
</body></text></TEI>"""


@pytest.fixture
def edition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "ed"
    (root / "tei").mkdir(parents=True)
    (root / "teiedit.toml").write_text('[edition]\ntitle = "Test"\n', encoding="utf-8")
    shutil.copytree(REGISTERS, root / "tei" / "registers")
    (root / "tei" / "doc.xml").write_text(DOC, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_suggest_lists_unknown_names_with_counts_and_contexts(
    edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(["entities", "suggest", "--format", "json"], capsys)
    assert code == 0
    found = {c["text"]: c for c in json.loads(out)}
    assert found["Yun Kong-hum"]["count"] == 2
    assert found["Yun Kong-hum"]["kind"] in {"title", "korean"}
    assert any(
        "[Yun Kong-hum]" in ctx and "Moscow" in ctx for ctx in found["Yun Kong-hum"]["contexts"]
    )
    assert "N. T. Fedorenko" in found and found["N. T. Fedorenko"]["kind"] == "russian"
    assert found["Ivanov"]["kind"] == "title"
    # names the registers know, marked or not, are not suggested
    assert not [t for t in found if "Kim" in t or "Moscow" in t]


def test_suggest_reads_plaintext_sources_too(
    edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = edition / "note.txt"
    src.write_text(
        "Comrade Pak Kil-yong told Kim Il Sung.\n\nPak Kil-yong left.\n", encoding="utf-8"
    )
    code, out, _ = run_cli(["entities", "suggest", str(src)], capsys)
    assert code == 0
    assert "   2  Pak Kil-yong  (title; note)" in out
    assert "Kim Il Sung" not in out.replace("told Kim Il Sung", "")


def test_suggest_groups_a_name_with_initials_with_the_one_full_name_and_add_takes_both(
    edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = edition / "minutes.txt"
    src.write_text(
        "Professor Michael Okonkwo opened the session. M. Okonkwo spoke again after lunch,\n"
        "and Ngozi Okonkwo answered. Later A. Okonkwo, N. Okonkwo and Dr. T. Ibekwe left.\n",
        encoding="utf-8",
    )
    code, out, _ = run_cli(["entities", "suggest", "--format", "json", str(src)], capsys)
    assert code == 0
    found = {c["text"]: c for c in json.loads(out)}
    # "M." fits Michael alone; "N." fits Ngozi alone; "A." fits no full name; "T. Ibekwe" has none
    assert found["Michael Okonkwo"]["variants"] == ["M. Okonkwo"]
    assert found["Michael Okonkwo"]["count"] == 2
    assert found["Ngozi Okonkwo"]["variants"] == ["N. Okonkwo"]
    assert "M. Okonkwo" not in found and "N. Okonkwo" not in found
    assert found["A. Okonkwo"]["variants"] == [] and found["T. Ibekwe"]["variants"] == []
    code, text, _ = run_cli(["entities", "suggest", str(src)], capsys)
    assert "Michael Okonkwo (also M. Okonkwo)" in text
    # entities add takes the grouped spelling as a variant of the entry
    suggestions = edition / "names.json"
    suggestions.write_text(out, encoding="utf-8")
    code, _, err = run_cli(
        ["entities", "add", "--suggestions", str(suggestions), "Michael Okonkwo"], capsys
    )
    assert code == 0, err
    persons = (edition / "tei" / "registers").glob("*.xml")
    written = "".join(p.read_text(encoding="utf-8") for p in persons)
    assert '<persName type="preferred">Michael Okonkwo</persName>' in written
    assert '<persName type="variant">M. Okonkwo</persName>' in written


def test_suggest_takes_the_editions_own_titles_and_words_that_are_no_names(
    edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = edition / "chapter.txt"
    src.write_text(
        "Abbot Wulfric wrote to the Synod Chapter. Later Abbot Wulfric and Brother Aelred met\n"
        "Lord Mayor Hugh Grey.\n",
        encoding="utf-8",
    )
    code, out, _ = run_cli(["entities", "suggest", "--format", "json", str(src)], capsys)
    found = {c["text"]: c["kind"] for c in json.loads(out)}
    assert code == 0
    assert found.get("Synod Chapter") == "capitalised" and "Mayor" not in found
    assert found.get("Abbot Wulfric") == "capitalised"  # "Abbot" is no title teiedit knows
    toml = edition / "teiedit.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8")
        + '[entities]\ntitles = ["Abbot", "Brother"]\nnot_names = ["Synod"]\n',
        encoding="utf-8",
    )
    code, out, _ = run_cli(["entities", "suggest", "--format", "json", str(src)], capsys)
    found = {c["text"]: c["kind"] for c in json.loads(out)}
    assert code == 0
    assert found.get("Wulfric") == "title" and found.get("Aelred") == "title"
    assert "Synod Chapter" not in found and "Abbot Wulfric" not in found


def test_report_counts_mentions_and_flags_problems(
    edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(["entities", "report", "--format", "json"], capsys)
    assert code == 1  # a link to an id no register has
    report = json.loads(out)
    entries = {e["id"]: e for e in report["entries"]}
    assert entries["p-kim"]["mentions"] == 1 and entries["p-kim"]["machine_made"] == 1
    assert entries["pl-moscow"]["forms"] == {"Moscow": 1}
    assert report["same_string_different_entries"] == {"li": {"p-ri": 1, "p-ri-pil-gyu": 1}}
    assert report["unknown_ids"] == {"p-nobody": ["doc"]}
    assert "p-bulganin" in report["never_mentioned"] and "p-kim" not in report["never_mentioned"]
    assert report["left_unlinked"] == [
        {
            "document": "doc",
            "text": "Kim",
            "reason": "another name next to it",
            "next to": "Kwang-hyop",
            "candidates": ["p-kim"],
        }
    ]


def test_report_human_output(edition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["entities", "report"], capsys)
    assert code == 1
    assert "p-kim (Kim Il Sung): 1 mentions in 1 documents: Kim Il Sung ×1" in out
    assert "same string, different entries: 'li' -> p-ri ×1, p-ri-pil-gyu ×1" in out
    assert "unknown id: #p-nobody (in doc)" in out
    assert (
        "left unlinked in doc: 'Kim': another name next to it (next to Kwang-hyop); "
        "candidates: p-kim" in out
    )


def test_report_without_registers_is_an_error(
    edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(edition / "tei" / "registers")
    code, _, err = run_cli(["entities", "report"], capsys)
    assert code == 2 and "no registers" in err and "Traceback" not in err


def test_suggest_missing_path_is_an_error(
    edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(["entities", "suggest", "nope.xml"], capsys)
    assert code == 2 and "nope.xml" in err
