"""The CLI contract: commands, exit codes 0/1/2, one-line errors without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import run_cli

REPO = Path(__file__).resolve().parent.parent


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        from teiedit.cli import main

        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in (
        "init",
        "build",
        "convert",
        "validate",
        "html",
        "pdf",
        "schema",
        "entities",
        "export",
        "import",
    ):
        assert command in out


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary\x00\x00", "binary"),
        (b"caf\xc3\xa9 then \xff\xfe broken", "invalid UTF-8"),
    ],
)
def test_convert_refuses_bad_input_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, words: str
) -> None:
    src = tmp_path / "bad.txt"
    src.write_bytes(content)
    code, _, err = run_cli(["convert", str(src), "--out", str(tmp_path / "out")], capsys)
    assert code == 2
    assert words in err and "bad.txt" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.xml"))


def test_convert_decodes_invalid_utf8_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "latin.txt"
    src.write_bytes("Caf\u00e9 au lait\n\nA second paragraph.\n".encode("cp1252"))
    code, _, _ = run_cli(
        ["convert", str(src), "--out", str(tmp_path / "out"), "--report", str(tmp_path / "r.json")],
        capsys,
    )
    assert code == 0
    xml = (tmp_path / "out" / "latin.xml").read_text(encoding="utf-8")
    assert "Café au lait" in xml and "Windows-1252" in xml
    report = json.loads((tmp_path / "r.json").read_text())
    entry = report["sources"][0]
    assert entry["outputs"] == [str(tmp_path / "out" / "latin.xml")]
    assert isinstance(entry["set_aside"], list)


def test_missing_paths_give_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (
        ["convert", str(tmp_path / "none.txt"), "--out", str(tmp_path)],
        ["validate", str(tmp_path / "no-such-folder")],
        ["html", str(tmp_path / "no-such-folder"), "--out", str(tmp_path / "o")],
    ):
        code, _, err = run_cli(args, capsys)
        assert code == 2, args
        assert "no such file" in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1


def test_convert_of_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["convert", str(tmp_path), "--out", str(tmp_path / "o")], capsys)
    assert code == 2 and "folder" in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        from teiedit.cli import main

        main(["convert"])
    assert info.value.code == 2


def test_validate_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "s.txt"
    src.write_text("A Title\n\nA paragraph.\n", encoding="utf-8")
    assert run_cli(["convert", str(src), "--out", str(tmp_path / "tei")], capsys)[0] == 0
    good = tmp_path / "tei" / "s.xml"
    code, out, _ = run_cli(["validate", str(good)], capsys)
    assert code == 0, out
    bad = tmp_path / "tei" / "bad.xml"  # beside good: its xml-model href is relative
    bad.write_text(
        good.read_text(encoding="utf-8").replace(
            "<p>A paragraph.</p>", "<p>A <bogus>paragraph</bogus>.</p>"
        )
    )
    code, _, err = run_cli(["validate", str(bad)], capsys)
    assert code == 1
    assert "bad.xml:" in err and "bogus" in err
    code, out, _ = run_cli(["validate", str(bad), "--format", "json"], capsys)
    assert code == 1
    diags = json.loads(out)
    assert diags and diags[0]["path"].endswith("bad.xml") and diags[0]["line"] > 0
    code, out, _ = run_cli(["validate", str(bad), str(good), "--format", "junit"], capsys)
    assert code == 1 and 'failures="1"' in out and 'tests="2"' in out
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI>")
    assert run_cli(["validate", str(broken)], capsys)[0] == 2


def test_no_traceback_from_a_real_process(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "teiedit",
            "convert",
            str(tmp_path / "x.txt"),
            "--out",
            str(tmp_path),
        ],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "x.txt" in proc.stderr


def test_init_creates_an_edition_that_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "new-edition"
    code, _, _ = run_cli(["init", str(target), "--title", "My Letters"], capsys)
    assert code == 0
    for part in (
        "teiedit.toml",
        "sources",
        "tei/registers",
        "schema/teiedit.odd",
        "schema/build/teiedit.rng",
    ):
        assert (target / part).exists(), part
    assert 'title = "My Letters"' in (target / "teiedit.toml").read_text()
    assert run_cli(["init", str(target)], capsys)[0] == 2  # never over an existing edition
    # `teiedit new` is the same command
    other = tmp_path / "other-edition"
    assert run_cli(["new", str(other), "--title", "My Letters"], capsys)[0] == 0
    assert sorted(p.relative_to(other) for p in other.rglob("*")) == sorted(
        p.relative_to(target) for p in target.rglob("*")
    )
    (target / "sources" / "a.txt").write_text("A Letter\n\nHello.\n", encoding="utf-8")
    monkeypatch.chdir(target)
    # the placeholder name would reach the TEI
    code, _, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 2 and "teiedit.toml:15:" in err and "'Your Name'" in err
    toml = target / "teiedit.toml"
    toml.write_text(toml.read_text().replace("Your Name", "Ada Editor"), encoding="utf-8")
    code, _, err = run_cli(["build", "--no-pdf"], capsys)
    assert code == 0, err
    assert (target / "out" / "html" / "index.html").is_file()
