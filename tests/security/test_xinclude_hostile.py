"""Hostile XIncludes and DOCTYPEs: no hidden files, no symlinks out, no binaries, a budget for the whole
document, and entities refused with a reason (never expanded, never a raw Saxon error).

Both policies of the one resolver (validation reports, import stops) are checked on the same inputs;
every refusal names its rule.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from teiedit.cli import main
from teiedit.diagnostics import TeieditError
from teiedit.io import read_xml
from teiedit.xinclude import MAX_TOTAL_BYTES, MAX_TOTAL_NODES, IncludeRoot, OnRefusal, resolve

TEI_NS = "http://www.tei-c.org/ns/1.0"
XI = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
TOKEN = "S3CRET-9f2e"


def document(folder: Path, *includes: str, name: str = "main.xml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        f'<TEI xmlns="{TEI_NS}" {XI}><teiHeader/><text><body><p>kept</p>'
        + "".join(includes)
        + "</body></text></TEI>\n",
        encoding="utf-8",
    )
    return path


def run(path: Path, policy: OnRefusal) -> tuple[etree._ElementTree, list[str], str]:
    """(the resolved tree, the rules that refused, the tree's text) under ``policy``."""
    tree = read_xml(path)
    scope = IncludeRoot(path.parent, "the test folder", "keep it in the test folder")
    try:
        result = resolve(tree, path, scope, policy=policy)
    except TeieditError as exc:
        return tree, [exc.diagnostic.rule], ""
    return tree, [d.rule for d in result.diagnostics], "".join(tree.getroot().itertext())


@pytest.fixture
def secrets(tmp_path: Path) -> Path:
    """A project folder with the usual hidden files, and a secret outside it."""
    folder = tmp_path / "project"
    (folder / ".git").mkdir(parents=True)
    (folder / ".env").write_text(f"API_KEY={TOKEN}\n", encoding="utf-8")
    (folder / ".git" / "config").write_text(f"[remote]\n\turl = {TOKEN}\n", encoding="utf-8")
    (folder / "sub" / ".hidden").mkdir(parents=True)
    (folder / "sub" / ".hidden" / "part.xml").write_text(
        f'<p xmlns="{TEI_NS}">{TOKEN}</p>', encoding="utf-8"
    )
    (folder / "notes.txt").symlink_to(folder / ".env")
    (tmp_path / "outside.txt").write_text(TOKEN, encoding="utf-8")
    (folder / "link-out.txt").symlink_to(tmp_path / "outside.txt")
    (folder / "fine.txt").write_text("an ordinary text\n", encoding="utf-8")
    (folder / "alias.txt").symlink_to(folder / "fine.txt")
    return folder


CASES = [
    ('<xi:include href=".env" parse="text"/>', "xinclude/hidden"),
    ('<xi:include href=".git/config" parse="text"/>', "xinclude/hidden"),
    ('<xi:include href="sub/.hidden/part.xml"/>', "xinclude/hidden"),
    ('<xi:include href="sub/../.env" parse="text"/>', "xinclude/hidden"),
    ('<xi:include href="notes.txt" parse="text"/>', "xinclude/hidden"),  # a link to a hidden file
    ('<xi:include href="link-out.txt" parse="text"/>', "xinclude/symlink-out"),
    ('<xi:include href="../outside.txt" parse="text"/>', "xinclude/outside"),
    ('<xi:include href="file:///etc/hostname" parse="text"/>', "xinclude/remote"),
]


@pytest.mark.parametrize("policy", list(OnRefusal))
@pytest.mark.parametrize(("include", "rule"), CASES, ids=[c for c, _ in CASES])
def test_hidden_files_and_symlinks_out_are_refused(
    secrets: Path, include: str, rule: str, policy: OnRefusal
) -> None:
    _, rules, text = run(document(secrets, include), policy)
    assert rules == [rule]
    assert TOKEN not in text


@pytest.mark.parametrize("policy", list(OnRefusal))
def test_a_symlink_inside_the_folder_is_followed(secrets: Path, policy: OnRefusal) -> None:
    _, rules, text = run(document(secrets, '<xi:include href="alias.txt" parse="text"/>'), policy)
    assert rules == [] and "an ordinary text" in text


@pytest.mark.parametrize("policy", list(OnRefusal))
def test_a_binary_file_is_not_text(tmp_path: Path, policy: OnRefusal) -> None:
    (tmp_path / "image.txt").write_bytes(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;\x1b[31m")
    _, rules, text = run(document(tmp_path, '<xi:include href="image.txt" parse="text"/>'), policy)
    assert rules == ["xinclude/not-text"] and "GIF" not in text


@pytest.mark.parametrize("policy", list(OnRefusal))
def test_one_big_file_included_many_times_is_refused_early(
    tmp_path: Path, policy: OnRefusal
) -> None:
    """The issue's case: a 10 KB document including one 5 MB text file 200 times (1 GB in all)."""
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (1024 * 1024))  # 5 MB
    main_doc = document(tmp_path, *['<xi:include href="big.txt" parse="text"/>'] * 200)
    assert main_doc.stat().st_size < 10 * 1024
    tree = read_xml(main_doc)
    scope = IncludeRoot(tmp_path, "the test folder", "")
    with pytest.raises(TeieditError) as caught:
        resolve(tree, main_doc, scope, policy=policy)
    diag = caught.value.diagnostic
    assert diag.rule == "xinclude/budget"
    assert f"more than {MAX_TOTAL_BYTES // 2**20} MB" in diag.message
    # it stopped before reading more than the budget: at most this many copies were put in
    texts = sum(len(t) for t in tree.getroot().itertext())
    assert texts <= MAX_TOTAL_BYTES


def test_the_element_budget_counts_every_inclusion(tmp_path: Path) -> None:
    many = MAX_TOTAL_NODES // 3 + 1
    (tmp_path / "many.xml").write_text(
        f'<div xmlns="{TEI_NS}">' + "<p/>" * many + "</div>", encoding="utf-8"
    )
    assert (tmp_path / "many.xml").stat().st_size < MAX_TOTAL_BYTES // 4
    main_doc = document(tmp_path, *['<xi:include href="many.xml"/>'] * 4)
    _, rules, _ = run(main_doc, OnRefusal.REPORT)
    assert rules == ["xinclude/budget"]
    assert "elements in all" in _message(main_doc)


def _message(path: Path) -> str:
    tree = read_xml(path)
    try:
        resolve(tree, path, IncludeRoot(path.parent, "f", ""), policy=OnRefusal.STOP)
    except TeieditError as exc:
        return exc.diagnostic.message
    return ""


def test_validate_reports_the_budget_with_its_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * (8 * 1024 * 1024))
    doc = document(tmp_path, *['<xi:include href="big.txt" parse="text"/>'] * 20)
    assert main(["validate", str(doc), "--format", "json"]) == 2
    (diag,) = json.loads(capsys.readouterr().out)
    assert (diag["level"], diag["rule"]) == ("fatal", "xinclude/budget")


def test_import_refuses_hidden_includes_and_stores_nothing_of_them(
    secrets: Path, tmp_path: Path
) -> None:
    edition = tmp_path / "ed"
    assert main(["init", str(edition), "--title", "Letters", "--editor", "Ada Editor"]) == 0
    document(secrets, '<xi:include href=".env" parse="text"/>', name="leak.xml")
    document(secrets, '<xi:include href="fine.txt" parse="text"/>', name="good.xml")
    report = tmp_path / "report.json"
    main(["import", str(secrets), "--into", str(edition), "--report", str(report)])
    files = {Path(f["source"]).name: f for f in json.loads(report.read_text())["files"]}
    assert files["leak.xml"]["status"] == "refused"
    assert "[rule xinclude/hidden]" in files["leak.xml"]["reason"]
    assert files["good.xml"]["status"] == "imported"
    # every file stored, the merge bases kept under .teiedit/ included
    stored = [f for f in (edition / "tei").rglob("*") if f.is_file()]
    assert any(f.name == "good.xml" for f in stored)
    for f in stored:
        assert TOKEN not in f.read_text(encoding="utf-8")


# -- DOCTYPEs with entities ---------------------------------------------------------------------------------

ENTITY_FILES = {
    "internal": '<!DOCTYPE TEI [<!ENTITY ed "the editor">]>',
    "external": '<!DOCTYPE TEI [<!ENTITY ext SYSTEM "file:///etc/passwd">]>',
    "laughs": '<!DOCTYPE TEI [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
}
USES = {"internal": "&ed;", "external": "&ext;", "laughs": "&c;"}


def _entity_document(tmp_path: Path, case: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    doc = folder / "doc.xml"
    doc.write_text(
        f'<?xml version="1.0"?>\n{ENTITY_FILES[case]}\n<TEI xmlns="{TEI_NS}"><teiHeader/><text>'
        f"<body><p>{USES[case]}</p></body></text></TEI>\n",
        encoding="utf-8",
    )
    return doc


@pytest.mark.parametrize("case", sorted(ENTITY_FILES))
@pytest.mark.parametrize("command", ["validate", "html"])
def test_entities_get_a_reason_not_a_saxon_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, command: str
) -> None:
    doc = _entity_document(tmp_path, case)
    if command == "html":
        args = ["html", str(doc), "--out", str(tmp_path / "site")]
    else:
        args = ["validate", str(doc)]
    assert main(args) == 2
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert "declares its own entities" in said and "does not expand entities" in said
    assert "SXXP0003" not in said and "Saxon" not in said
    assert "root:" not in said and "lollol" not in said


def _import(tmp_path: Path, doc: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    assert main(["init", str(tmp_path / "ed"), "--title", "Letters", "--editor", "Ada Editor"]) == 0
    capsys.readouterr()
    code = main(["import", str(doc), "--into", str(tmp_path / "ed")])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_import_refuses_entities_that_read_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said = _import(tmp_path, _entity_document(tmp_path, "external"), capsys)
    assert code == 2
    assert "declares entities that read other files" in said and "refused" in said
    assert "root:" not in said and "Saxon" not in said
    stored = [f for f in (tmp_path / "ed" / "tei").rglob("*.xml") if "registers" not in f.parts]
    assert not [f for f in stored if "passwd" in f.read_text(encoding="utf-8")]
    assert not (tmp_path / "ed" / "tei" / "imported" / "doc.xml").exists()


@pytest.mark.parametrize(("case", "text"), [("internal", "the editor"), ("laughs", "lol" * 100)])
def test_import_expands_a_doctypes_own_entities_within_bounds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, text: str
) -> None:
    """Import (not validate or html) brings an older file's own entities in: expanded, DOCTYPE gone,
    said in the message; a small nesting of entities is no bomb (tests/test_import.py has the bombs)."""
    code, said = _import(tmp_path, _entity_document(tmp_path, case), capsys)
    assert code == 1  # imported; its empty teiHeader is a schema problem
    assert "entities expanded" in said
    stored = (tmp_path / "ed" / "tei" / "imported" / "doc.xml").read_text(encoding="utf-8")
    assert "<!DOCTYPE" not in stored and "<!ENTITY" not in stored
    assert f"<p>{text}</p>" in stored
