"""Per-source settings: ``[sources."name.txt"]`` in teiedit.toml (profile, repair, language, kind),
written by `convert --remember` or by hand, checked with the nearest valid key or value, part of that
source's fingerprint only, used by build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import run_cli
from lxml import etree

from teiedit.config import SourceSettings, load_settings
from teiedit.diagnostics import TeieditError
from teiedit.settings_write import with_source_settings

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
BASE = '[edition]\ntitle = "Letters"\n\n[[edition.editors]]\nid = "ed-one"\nname = "Ada Editor"\n'


@pytest.mark.parametrize(
    ("table", "line", "message", "hint"),
    [
        ('profil = "blog"', 9, "unknown key 'profil' in [sources.\"a.txt\"]", "'profile'"),
        ('repair = "no"', 9, 'repair in [sources."a.txt"] must be true or false', "repair = false"),
        ('language = "Korean"', 9, "language 'Korean' in [sources.\"a.txt\"]", "ISO 639"),
        ('kind = "Letter 1"', 9, "kind 'Letter 1' in [sources.\"a.txt\"]", "one lower-case word"),
        ("profile = 3", 9, 'profile in [sources."a.txt"] must be text in quotes', 'profile = "'),
    ],
)
def test_bad_source_settings_are_errors_with_line_and_fix(
    tmp_path: Path, table: str, line: int, message: str, hint: str
) -> None:
    (tmp_path / "teiedit.toml").write_text(
        f'{BASE}\n[sources."a.txt"]\n{table}\n', encoding="utf-8"
    )
    with pytest.raises(TeieditError) as caught:
        load_settings(tmp_path)
    d = caught.value.diagnostic
    assert message in d.message and hint in d.suggestion, d.format()
    assert d.line == line


def test_source_settings_load(tmp_path: Path) -> None:
    text = f'{BASE}\n[sources."a b.txt"]\nprofile = "blog"\nrepair = false\nlanguage = "ko"\nkind = "letter"\n'
    (tmp_path / "teiedit.toml").write_text(text, encoding="utf-8")
    settings = load_settings(tmp_path)
    assert settings.source_settings("a b.txt") == SourceSettings("blog", False, "ko", "letter")
    assert settings.source_settings("other.txt") == SourceSettings()


def test_remembering_keeps_every_other_line() -> None:
    text = (
        '# my edition\n[edition]\ntitle = "x"  # the title\n\n'
        '[sources."a.txt"]\nprofile = "blog"  # chosen by hand\nkind = "letter"\n\n[paths]\nout = "out"\n'
    )
    assert with_source_settings(text, "a.txt", {"profile": "webcapture", "repair": False}) == (
        '# my edition\n[edition]\ntitle = "x"  # the title\n\n'
        '[sources."a.txt"]\nprofile = "webcapture"\nkind = "letter"\nrepair = false\n\n'
        '[paths]\nout = "out"\n'
    )
    assert with_source_settings(text, "b.txt", {"profile": "plain"}) == (
        text + '\n[sources."b.txt"]\nprofile = "plain"\n'
    )


def _decisions(report: Path) -> dict[str, str]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return {Path(s["source"]).name: s["profile"] for s in data["sources"]}


def test_remember_is_used_by_build_and_converts_only_that_source_again(
    mini_edition: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mini_edition)
    assert run_cli(["build", "--no-pdf"], capsys)[0] == 0
    letter = mini_edition / "tei" / "plain-letter.xml"
    cabbages = mini_edition / "tei" / "note-on-cabbages.xml"
    untouched = cabbages.read_bytes()
    code, out, err = run_cli(
        [
            "convert",
            "sources/plain-letter.txt",
            "--out",
            "tei",
            "--profile",
            "plain",
            "--no-repair",
            "--kind",
            "memorandum",
            "--remember",
            "--report",
            "report.json",
        ],
        capsys,
    )
    assert code == 0, err
    assert _decisions(mini_edition / "report.json") == {"plain-letter.txt": "plain"}
    toml = (mini_edition / "teiedit.toml").read_text(encoding="utf-8")
    assert toml.endswith(
        '\n[sources."plain-letter.txt"]\nprofile = "plain"\nrepair = false\nkind = "memorandum"\n'
    )
    kinds = etree.parse(str(letter)).xpath("//tei:term[@type='kind']/text()", namespaces=TEI)
    assert kinds == ["memorandum"]
    # build keeps the remembered choice: nothing converts again, and the letter stays a memorandum
    code, out, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 0, err
    assert out.startswith("0 TEI files written")
    assert (
        etree.parse(str(letter)).xpath("//tei:term[@type='kind']/text()", namespaces=TEI) == kinds
    )
    # a change to one source's table converts that source only
    (mini_edition / "teiedit.toml").write_text(
        toml.replace('kind = "memorandum"', 'kind = "report"'), encoding="utf-8"
    )
    code, out, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 0, err
    assert out.startswith("1 TEI files written")
    assert etree.parse(str(letter)).xpath("//tei:term[@type='kind']/text()", namespaces=TEI) == [
        "report"
    ]
    assert cabbages.read_bytes() == untouched
    # a register edit converts every source again: the remembered choice still holds (it used to be lost)
    registers = mini_edition / "tei" / "registers"
    registers.mkdir()
    (registers / "persons.xml").write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0">\n'
        '  <person xml:id="nobody"><persName>Nobody Here</persName></person>\n</listPerson>\n',
        encoding="utf-8",
    )
    code, out, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 0, err
    assert out.startswith("2 TEI files written")
    assert etree.parse(str(letter)).xpath("//tei:term[@type='kind']/text()", namespaces=TEI) == [
        "report"
    ]


def test_an_unknown_profile_names_the_nearest(
    mini_edition: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mini_edition)
    toml = mini_edition / "teiedit.toml"
    toml.write_text(toml.read_text() + '\n[sources."plain-letter.txt"]\nprofile = "blgo"\n')
    code, out, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 2
    line = len(toml.read_text().splitlines())
    assert err.startswith(
        f"{toml}:{line}: fatal: profile 'blgo' in [sources.\"plain-letter.txt\"] is not one teiedit "
        "knows — did you mean 'blog'?"
    )


def test_help_documents_the_source_table(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("convert", "build"):
        with pytest.raises(SystemExit):
            run_cli([command, "--help"], capsys)
        out = " ".join(capsys.readouterr().out.split())
        assert '[sources."' in out and "--remember" in out, command
    # convert's help gives every key of the table with what it means, readable once argparse has filled
    # the text into one paragraph (a drawn TOML table came out as one line of keys and '#' comments)
    with pytest.raises(SystemExit):
        run_cli(["convert", "--help"], capsys)
    out = " ".join(capsys.readouterr().out.split())
    for told in (
        'profile = "webcapture" (the kind of source',
        "repair = false (no repair of PDF-extraction damage)",
        'language = "ko" (the text\'s language',
        'kind = "letter" (the kind of document',
    ):
        assert told in out
    assert "# the kind of source" not in out
