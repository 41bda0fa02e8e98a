"""The BUILDERS table: one signature, the CLI generated from it, and a builder added with one row.

tests/plaintext_builder.py is a builder written outside teiedit; registering it is one row of the table,
after which ``teiedit text`` (or ``teiedit export text``) exists with its option and its help.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import run_cli
from plaintext_builder import PlainTextBuilder

from teiedit.builder import BuildOptions, Manifest, digest
from teiedit.builders.registry import BUILDERS, LazyBuilder, builders_of, get_builder
from teiedit.cli import make_parser
from teiedit.config import load_settings
from teiedit.diagnostics import TeieditError
from teiedit.edition import Edition

CASES = Path(__file__).resolve().parent / "cases"
EXCHANGE = CASES / "exchange" / "edition"


def _help(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as info:
        make_parser().parse_args(args)
    assert info.value.code == 0
    return capsys.readouterr().out


def test_the_table_holds_every_builder_with_one_signature() -> None:
    site = ["site", "sitemap", "oai", "dts", "iiif", "beacon"]
    assert list(BUILDERS) == ["html", "pdf", "cmif", "corpus", "registers", *site]
    assert [b.name for b in builders_of("render")] == ["html", "pdf"]
    assert [b.name for b in builders_of("export")] == ["cmif", "corpus", "registers", *site]
    for name, builder in BUILDERS.items():
        assert builder.name == name
        assert callable(builder.build) and callable(builder.outdated)
    with pytest.raises(TeieditError, match="unknown builder 'epub'"):
        get_builder("epub")


def test_a_row_lists_what_its_builder_says_of_itself() -> None:
    """The rows name their class by module (imported on first use); what --help lists from a row is
    what the class says."""
    rows = [b for b in BUILDERS.values() if isinstance(b, LazyBuilder)]
    assert len(rows) == len(BUILDERS)
    for row in rows:
        loaded = row.loaded
        assert (row.name, row.group, row.help) == (loaded.name, loaded.group, loaded.help)
        assert row.description == loaded.description and row.options == loaded.options


def test_starting_a_command_imports_no_builder_and_no_engine() -> None:
    """teiedit --help and every command's parser cost only the standard library and teiedit's own
    light modules: lxml, Saxon, rich, WeasyPrint and the builders are imported when work is done."""
    code = (
        "import sys; from teiedit.cli import make_parser; make_parser(); "
        "print(' '.join(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "teiedit.cli" in loaded and "teiedit.builders.registry" in loaded
    heavy = {"lxml", "saxonche", "rich", "weasyprint", "pikepdf", "teiedit.builders.html"}
    assert heavy.isdisjoint(m.split(".")[0] if not m.startswith("teiedit") else m for m in loaded)


def test_the_commands_and_their_help_come_from_the_table(
    capsys: pytest.CaptureFixture[str],
) -> None:
    top = _help(["--help"], capsys)
    for builder in builders_of("render"):
        assert builder.name in top and builder.help in top
    export = _help(["export", "--help"], capsys)
    for builder in builders_of("export"):
        assert builder.name in export
        assert builder.description.split()[0] in export
    assert "{cmif,corpus,registers,site,sitemap,oai,dts,iiif,beacon}" in export
    assert "cmif: the URL where the CMIF file will be published" in export
    assert "no input changed" in _help(["pdf", "--help"], capsys)


def test_a_builder_is_one_module_and_one_row(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setitem(BUILDERS, "text", PlainTextBuilder())
    assert "write each document as plain text" in _help(["--help"], capsys)
    assert "--heading TEXT" in _help(["text", "--help"], capsys)
    out = tmp_path / "txt"
    tei = EXCHANGE / "tei"
    code, stdout, _ = run_cli(["text", str(tei), "--out", str(out), "--heading", "H"], capsys)
    assert code == 0 and "4 text files written" in stdout
    assert sorted(p.name for p in out.glob("*.txt")) == [
        "letter-kim-to-ri.txt",
        "letter-ri-to-cc.txt",
        "letter-ri-to-kim.txt",
        "memo-plenum.txt",
    ]
    first = (out / "memo-plenum.txt").read_text(encoding="utf-8").split("\n\n")
    assert first[0] == "H" and first[1] and first[2]
    # the manifest makes it incremental, as every builder of the table
    code, stdout, _ = run_cli(["text", str(tei), "--out", str(out)], capsys)
    assert code == 0 and "0 text files written" in stdout


def test_an_export_builder_is_offered_by_teiedit_export(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setitem(BUILDERS, "text", PlainTextBuilder(group="export"))
    export = _help(["export", "--help"], capsys)
    assert (
        "{cmif,corpus,registers,site,sitemap,oai,dts,iiif,beacon,text}" in export
        and "text: a line written above" in export
    )
    out = tmp_path / "txt"
    code, _, _ = run_cli(["export", "text", "--edition", str(EXCHANGE), "--out", str(out)], capsys)
    assert code == 0 and len(list(out.glob("*.txt"))) == 4


def test_exports_are_made_again_only_when_their_inputs_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The exports keep a manifest beside their output: unchanged inputs, nothing written."""
    edition = tmp_path / "edition"
    shutil.copytree(EXCHANGE, edition)
    outs = {
        "cmif": tmp_path / "cmif.xml",
        "corpus": tmp_path / "corpus.xml",
        "registers": tmp_path / "registers",
    }
    for name, out in outs.items():
        loaded = Edition.load(load_settings(edition))
        assert get_builder(name).build(loaded, out, BuildOptions()), name
        assert get_builder(name).outdated(loaded, out) == set(), name
        assert get_builder(name).build(loaded, out, BuildOptions()) == [], name
        assert get_builder(name).build(loaded, out, BuildOptions(force=True)), name
    letter = edition / "tei" / "letter-ri-to-cc.xml"
    letter.write_bytes(letter.read_bytes().replace(b"</TEI>", b"<!-- touched --></TEI>"))
    loaded = Edition.load(load_settings(edition))
    for name, out in outs.items():
        assert get_builder(name).outdated(loaded, out) == {"letter-ri-to-cc"}, name
        assert get_builder(name).build(loaded, out, BuildOptions()), name
    # an option is an input too: another URL makes the CMIF file again
    cmif = get_builder("cmif")
    assert cmif.build(loaded, outs["cmif"], BuildOptions({"url": "https://example.org/c.xml"}))


def test_a_manifest_says_which_documents_changed(tmp_path: Path) -> None:
    old = Manifest(assets="a", docs={"x": digest("1"), "y": digest("2")})
    new = Manifest(assets="a", docs={"x": digest("1"), "y": digest("3"), "z": digest("4")})
    (tmp_path / "x.out").write_text("x", encoding="utf-8")
    assert old.outdated(new, lambda page: [tmp_path / f"{page}.out"]) == {"y", "z"}
    old.write(tmp_path / "m.json", 1)
    assert Manifest.read(tmp_path / "m.json") == old
    assert Manifest.read(tmp_path / "missing.json") == Manifest()
    assert digest("ab", "c") != digest("a", "bc")
