"""teiedit validate: valid cases pass, each invalid case gives its message at its line, exit codes 0/1/2.

The invalid cases are data: tests/cases/validate/invalid/*.xml with the expected findings in
expected.tsv (file, line, rule, message, suggestion). Each case is one mistake and must give exactly the
expected diagnostics: a second message would be a cascade that should have been collapsed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import run_cli
from lxml import etree

from teiedit.validate import Schemas, validate_file, validate_paths

CASES = Path(__file__).resolve().parent / "cases" / "validate"
REPO = Path(__file__).resolve().parent.parent
RNG = REPO / "schema" / "build" / "teiedit.rng"


def _expected() -> dict[str, list[tuple[int, str, str, str]]]:
    table: dict[str, list[tuple[int, str, str, str]]] = {}
    for line in (CASES / "invalid" / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        file, lineno, rule, message, suggestion = (line.split("\t") + [""])[:5]
        table.setdefault(file, []).append((int(lineno), rule, message, suggestion))
    return table


EXPECTED = _expected()


def test_every_invalid_case_has_expectations() -> None:
    assert sorted(p.name for p in (CASES / "invalid").glob("*.xml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_case_message_and_line(name: str) -> None:
    diags = validate_file(CASES / "invalid" / name, Schemas(rng=RNG))
    got = [(d.line, d.rule, d.message, d.suggestion) for d in diags]
    want = EXPECTED[name]
    assert len(got) == len(want), got
    for (line, rule, message, suggestion), (w_line, w_rule, w_message, w_suggestion) in zip(
        got, want, strict=True
    ):
        assert (line, rule) == (w_line, w_rule), got
        assert w_message in message
        assert w_suggestion in suggestion


def test_valid_cases_and_registers_have_no_findings() -> None:
    report = validate_paths([CASES / "valid", CASES / "registers"], Schemas(rng=RNG))
    assert report.diagnostics == []
    assert len(report.files_checked) >= 5


def test_cli_human_line_format_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    bad = CASES / "invalid" / "misspelt-element.xml"
    code, _, err = run_cli(["validate", str(bad)], capsys)
    assert code == 1
    line = err.strip().splitlines()[0]
    assert line.startswith(f"{bad}:63:115: error: <salut> is not an element of this schema")
    assert "(at /TEI/text/body/div/opener/salut)" in line
    assert line.endswith("did you mean <salute>?")


def test_cli_json_one_object_per_diagnostic(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["validate", str(CASES / "invalid"), "--format", "json"], capsys)
    assert code == 1
    data = json.loads(out)
    assert len(data) == sum(len(v) for v in EXPECTED.values())
    first = data[0]
    assert {
        "path",
        "line",
        "column",
        "level",
        "origin",
        "xpath",
        "message",
        "suggestion",
        "rule",
    } <= set(first)
    assert {d["origin"] for d in data} == {"rng", "schematron"}


def test_cli_junit_one_case_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        [
            "validate",
            str(CASES / "invalid" / "bad-value.xml"),
            str(CASES / "valid" / "letter-full.xml"),
            "--format",
            "junit",
        ],
        capsys,
    )
    assert code == 1
    suite = etree.fromstring(out.encode())
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    failure = suite.find("testcase/failure")
    assert failure is not None and "illegable" in failure.get("message", "")


def test_cli_exit_2_on_not_xml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI><unclosed></TEI>", encoding="utf-8")
    code, _, err = run_cli(["validate", str(broken)], capsys)
    assert code == 2
    assert str(broken) in err and "Traceback" not in err


def test_registers_missing_means_register_pointers_are_not_checked(tmp_path: Path) -> None:
    doc = tmp_path / "tei" / "letter.xml"
    doc.parent.mkdir()
    shutil.copy(CASES / "invalid" / "dangling-ref.xml", doc)
    assert [d.rule for d in validate_file(doc, Schemas(rng=RNG))] == []
    (tmp_path / "registers").mkdir()
    shutil.copy(CASES / "registers" / "persons.xml", tmp_path / "registers" / "persons.xml")
    from teiedit.validate.schematron import register_ids

    register_ids.cache_clear()
    assert [d.rule for d in validate_file(doc, Schemas(rng=RNG))] == ["pointers-resolve"]


def test_declared_local_schema_is_used_and_remote_falls_back(tmp_path: Path, shared: Path) -> None:
    """TEI from elsewhere: its own local xml-model RNG, else --tei-all, else teiedit (with a note)."""
    body = (CASES / "valid" / "letter-full.xml").read_text(encoding="utf-8").split("?>", 1)[1]
    # <mentioned> is TEI (valid under tei_all) but not part of teiedit
    body = body.replace("<stamp>Secret</stamp>", "<mentioned>Secret</mentioned>")
    assert "<mentioned>" in body
    tei_all = shared / "tei-p5" / "schemas" / "rng" / "tei_all.rng"
    rng_ns = "http://relaxng.org/ns/structure/1.0"

    def doc(name: str, href: str, text: str = body) -> Path:
        path = tmp_path / name
        path.write_text(
            f'<?xml version="1.0"?>\n<?xml-model href="{href}" schematypens="{rng_ns}"?>{text}',
            encoding="utf-8",
        )
        return path

    follow = Schemas(rng=RNG, follow_xml_model=True)
    assert validate_file(doc("local.xml", str(tei_all)), follow) == []
    wrong = body.replace("<salute>Dear comrades,</salute>", "<salut>Dear comrades,</salut>")
    diags = validate_file(doc("local-wrong.xml", str(tei_all), wrong), follow)
    # the file is the declaration line, then the xml-model PI followed by the body: body line i is line 2 + i
    expected_line = 2 + next(i for i, line in enumerate(wrong.splitlines()) if "<salut>" in line)
    assert [(d.origin, d.line) for d in diags] == [("rng", expected_line)]  # the line of <salut>
    assert diags[0].suggestion == "did you mean <salute>?"

    remote = doc(
        "remote.xml", "https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"
    )
    diags = validate_file(remote, follow)
    assert diags[0].level.value == "info" and "not a local file" in diags[0].message
    assert any("<mentioned>" in d.message for d in diags[1:])  # checked against teiedit instead
    with_tei_all = Schemas(rng=RNG, follow_xml_model=True, tei_all=tei_all)
    assert [d.level.value for d in validate_file(remote, with_tei_all)] == ["info"]


def test_xinclude_local_only(tmp_path: Path) -> None:
    part = tmp_path / "part.xml"
    part.write_text(
        '<p xmlns="http://www.tei-c.org/ns/1.0">Included <salut>x</salut>.</p>', encoding="utf-8"
    )
    text = (CASES / "valid" / "header-variants.xml").read_text(encoding="utf-8")
    doc = tmp_path / "doc.xml"
    doc.write_text(
        text.replace(
            "<body><p>Text.</p></body>",
            '<body xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="part.xml"/>'
            '<xi:include href="https://example.org/x.xml"/><xi:include href="../../etc/passwd"/></body>',
        ),
        encoding="utf-8",
    )
    diags = validate_file(doc, Schemas(rng=RNG))
    messages = [d.message for d in diags]
    assert any(
        "<salut> is not an element" in m for m in messages
    )  # the included file was validated
    assert any("never fetches remote files" in m for m in messages)
    assert any(
        "only files under the document's folder" in m or "no such file" in m for m in messages
    )


def test_schemas_that_would_fetch_remote_files_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = tmp_path / "evil.rng"
    rng.write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="http://127.0.0.1:9/x.rng"/>'
        '<start><element name="TEI"><empty/></element></start></grammar>',
        encoding="utf-8",
    )
    sch = tmp_path / "evil.sch"
    sch.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3"><pattern>'
        '<rule context="/"><assert test="doc(\'http://127.0.0.1:9/x.xml\')">x</assert></rule>'
        "</pattern></schema>",
        encoding="utf-8",
    )
    doc = CASES / "valid" / "header-variants.xml"
    code, _, err = run_cli(["validate", "--rng", str(rng), str(doc)], capsys)
    assert code == 2 and "never fetches" in err
    code, _, err = run_cli(["validate", "--rng", str(RNG), "--sch", str(sch), str(doc)], capsys)
    assert code == 2 and "never fetch" in err


def test_the_edition_passes_grammar_and_rules() -> None:
    """All of tei/ (documents and registers) passes RELAX NG and Schematron: `teiedit validate tei` exits 0."""
    report = validate_paths([REPO / "tei"], Schemas(rng=RNG))
    assert [d.format() for d in report.diagnostics] == []
    assert any("registers" in f for f in report.files_checked)


def test_a_costly_grammar_outlives_the_small_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A grammar whose compilation was costly stays loaded while many cheap ones pass through the cache."""
    from teiedit.validate import rng

    rng_ns = "http://relaxng.org/ns/structure/1.0"
    paths = []
    for i in range(12):
        path = tmp_path / f"g{i}.rng"
        path.write_text(f'<element name="e{i}" xmlns="{rng_ns}"><empty/></element>', "utf-8")
        paths.append(path)
    monkeypatch.setattr(rng, "_COSTLY", rng.OrderedDict())
    monkeypatch.setattr(rng, "COSTLY_SECONDS", 60.0)  # no grammar counts as costly here ...
    cheap = rng.load_rng(paths[0])
    monkeypatch.setattr(rng, "COSTLY_SECONDS", 0.0)  # ... then every one does
    costly = rng.load_rng(paths[1])
    monkeypatch.setattr(rng, "COSTLY_SECONDS", 60.0)
    for path in paths[2:]:  # ten cheap grammars: more than the LRU cache's eight places
        assert rng.load_rng(path).validate(etree.fromstring(f"<{path.stem.replace('g', 'e')}/>"))
    assert rng.load_rng(paths[1]) is costly
    assert rng.load_rng(paths[0]) is not cheap
    assert list(rng._COSTLY) == [paths[1].resolve()]
    rng.clear_costly()
    assert not rng._COSTLY
