"""teiedit.toml is an input: checked before use (with the line and the nearest valid key), and every
setting that reaches the TEI is part of the conversion fingerprint."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli

from teiedit.config import load_settings
from teiedit.diagnostics import TeieditError

GOOD = """\
[edition]
title = "Letters"
publisher = "A Press"
licence = "CC-BY-4.0"
licence_url = "https://creativecommons.org/licenses/by/4.0/"
base_url = "https://example.org/letters/"
language = "en"

[[edition.editors]]
id = "ed-one"
name = "Ada Editor"
"""


@pytest.mark.parametrize(
    ("change", "line", "message", "hint"),
    [
        (('licence = "CC', 'licnce = "CC'), 4, "unknown key 'licnce' in [edition]", "'licence'"),
        (("[edition]", "[edition]\nedtors = []"), 2, "unknown key 'edtors'", "'editors'"),
        (("[edition]", "[pths]\nout = 'x'\n[edition]"), 0, "unknown key 'pths'", "'paths'"),
        (('id = "ed-one"', 'id = "ed one"'), 10, "'ed one' is not an XML name", "start with a"),
        (('id = "ed-one"', 'id = "1ed"'), 10, "'1ed' is not an XML name", "letter"),
        (('base_url = "https://', 'base_url = "'), 6, "base_url is not a URL", "https://"),
        (
            ('licence_url = "https://creativecommons.org/licenses/by/4.0/"\n', ""),
            4,
            "licence 'CC-BY-4.1'",
            "'CC-BY-4.0'",
        ),
        (('title = "Letters"', 'title = "Untitled edition"'), 2, "placeholder", "title"),
        (('name = "Ada Editor"', 'name = "Your Name"'), 11, "placeholder 'Your Name'", "name"),
        (('title = "Letters"', "title = 5"), 2, "must be text in quotes", 'title = "'),
        (('language = "en"', 'language = "English"'), 7, "not a language code", "ISO 639"),
        (('name = "Ada Editor"', 'name = ""'), 0, "editor 1 has no name", "name ="),
        (("[edition]", "[entities]\nnot_names = 'Fond'\n[edition]"), 2, "list of single", "["),
        (("[edition]", "[entities]\ntitles = ['Vice Consul']\n[edition]"), 2, "single words", "["),
        (("[edition]", "[entities]\nnot_name = []\n[edition]"), 2, "unknown key", "'not_names'"),
    ],
)
def test_bad_settings_are_errors_with_line_and_fix(
    tmp_path: Path, change: tuple[str, str], line: int, message: str, hint: str
) -> None:
    text = GOOD.replace(*change)
    if "licence 'CC-BY-4.1'" in message:
        text = text.replace('licence = "CC-BY-4.0"', 'licence = "CC-BY-4.1"')
    assert text != GOOD
    (tmp_path / "teiedit.toml").write_text(text, encoding="utf-8")
    with pytest.raises(TeieditError) as caught:
        load_settings(tmp_path)
    d = caught.value.diagnostic
    assert message in d.message and hint in d.suggestion, d.format()
    assert d.line == line and d.path.endswith("teiedit.toml")


def test_good_settings_load_and_an_unknown_licence_with_its_url_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "teiedit.toml").write_text(GOOD, encoding="utf-8")
    assert load_settings(tmp_path).editors[0].id == "ed-one"
    text = GOOD.replace('licence = "CC-BY-4.0"', 'licence = "Our own licence"')
    (tmp_path / "teiedit.toml").write_text(text, encoding="utf-8")
    assert load_settings(tmp_path).licence == "Our own licence"


def test_the_words_of_entities_suggest_are_settings_that_reach_no_tei(tmp_path: Path) -> None:
    from teiedit.config import settings_digest

    (tmp_path / "teiedit.toml").write_text(GOOD, encoding="utf-8")
    before = load_settings(tmp_path)
    words = '[entities]\ntitles = ["Abbot"]\nnot_names = ["Synod", "Chapter"]\n'
    (tmp_path / "teiedit.toml").write_text(words + GOOD, encoding="utf-8")
    after = load_settings(tmp_path)
    assert after.suggest_titles == ("Abbot",)
    assert after.suggest_not_names == ("Synod", "Chapter")
    assert settings_digest(after) == settings_digest(before)  # no source is converted again


def test_a_changed_setting_converts_the_sources_again(
    mini_edition: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mini_edition)
    assert run_cli(["build", "--no-pdf"], capsys)[0] == 0
    letter = mini_edition / "tei" / "plain-letter.xml"
    assert "<publisher>Test Press</publisher>" in letter.read_text(encoding="utf-8")
    toml = mini_edition / "teiedit.toml"
    toml.write_text(toml.read_text().replace("Test Press", "Other Press"), encoding="utf-8")
    code, out, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 0, err
    assert "<publisher>Other Press</publisher>" in letter.read_text(encoding="utf-8")
    assert out.startswith("2 TEI files written")


def test_init_names_every_placeholder_the_first_build_would_stop_at(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first build stops at one placeholder at a time; init says at once what to fill in."""
    code, out, _ = run_cli(["init", str(tmp_path / "a")], capsys)
    assert code == 0
    toml = tmp_path / "a" / "teiedit.toml"
    assert (
        f"First write the edition's title and the editor's name in {toml}: `teiedit build` stops "
        "while they are placeholders (or give `teiedit init` --title and --editor)."
    ) in " ".join(out.split())
    monkeypatch.chdir(tmp_path / "a")
    code, _, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 2 and "placeholder 'Untitled edition'" in err  # what init announced
    code, out, _ = run_cli(["init", str(tmp_path / "b"), "--title", "Letters"], capsys)
    assert code == 0 and "First write the editor's name in" in " ".join(out.split())
    assert "it is a placeholder" in " ".join(out.split())
    code, out, _ = run_cli(["init", str(tmp_path / "c"), "--title", "L", "--editor", "A B"], capsys)
    assert code == 0 and "First write" not in out and "Put sources in" in out
