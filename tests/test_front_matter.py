"""The front matter an editor signs: placeholders of teiedit.toml reported before they reach a title page,
the introduction's place (tei/front), and the example `teiedit init` writes there."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli
from lxml import etree

from teiedit.config import Editor, Settings, load_settings
from teiedit.edition_files import edition_tei_files
from teiedit.front_matter import EXAMPLE_PARAGRAPH, front_files, placeholder_findings

REPO = Path(__file__).resolve().parent.parent


def _rules(edition: Settings) -> list[str]:
    return sorted(d.rule for d in placeholder_findings(edition))


@pytest.mark.parametrize(
    ("settings", "rules"),
    [
        ({"title": "Untitled edition"}, ["placeholder-title"]),
        ({"title": ""}, ["placeholder-title"]),
        ({"editors": ()}, ["no-editor"]),
        ({"editors": (Editor(id="ed-1", name="Your Name"),)}, ["placeholder-editor"]),
        ({"base_url": "https://example.org/kwp/"}, ["placeholder-url"]),
        ({"base_url": "http://localhost:8000/"}, ["placeholder-url"]),
        ({"base_url": "https://examples.org/kwp/"}, []),  # a real domain that begins alike
        ({}, []),
    ],
)
def test_placeholders_are_reported(
    tmp_path: Path, settings: dict[str, object], rules: list[str]
) -> None:
    signed: dict[str, object] = {
        "title": "Letters of a Winter",
        "editors": (Editor(id="ed-a", name="Ada Editor"),),
        "base_url": "https://letters.example-press.net/",
    }
    edition = Settings(root=tmp_path, **{**signed, **settings})  # type: ignore[arg-type]
    findings = placeholder_findings(edition)
    assert sorted(d.rule for d in findings) == rules
    for d in findings:  # the file, what is wrong, what to do
        assert d.path.endswith("teiedit.toml") and d.level.value == "warning" and d.suggestion


def test_init_writes_an_example_introduction_that_is_valid_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "new"
    code, _, err = run_cli(
        ["init", str(target), "--title", "Letters", "--editor", "Ada Editor"], capsys
    )
    assert code == 0, err
    intro = target / "tei" / "front" / "introduction.xml"
    root = etree.parse(str(intro)).getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}id") == "introduction"
    assert EXAMPLE_PARAGRAPH in intro.read_text(encoding="utf-8")
    assert "<!--" in intro.read_text(encoding="utf-8")  # it says what it is for
    code, _, err = run_cli(["validate", str(intro)], capsys)
    assert code == 0, err
    edition = load_settings(target)
    assert front_files(edition) == [intro]
    assert intro not in edition_tei_files(edition)  # front matter, not a document of the edition
    # title and editor came from init's options; the example introduction is still to be written
    assert _rules(edition) == ["placeholder-introduction"]


def test_this_editions_front_matter_is_signed() -> None:
    edition = load_settings(REPO)
    assert [p.name for p in front_files(edition)] == ["introduction.xml"]
    # only the example address of the web edition is left to set
    assert _rules(edition) == ["placeholder-url"]


@pytest.mark.slow  # converts and renders the mini edition
def test_build_reports_the_placeholders(
    mini_edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(mini_edition)
        code, _, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 0, err
    assert (
        "teiedit.toml: warning: the edition's address 'https://example.org/mini/' is an example"
        in err
    )
