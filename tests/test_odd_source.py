"""`teiedit schema --source p5subset.xml ODD`: customisations that reference TEI modules.

The reference is TEI's own build: tei_lite compiled by us from ../shared/tei-p5/odd/tei_lite.odd and
p5subset.xml must accept and reject exactly the documents the official tei_lite.rng (shared/tei-p5/schemas)
accepts and rejects.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from helpers import run_cli
from lxml import etree

from teiedit.io import safe_parser
from teiedit.odd.grammar import Grammar

CASES = Path(__file__).resolve().parent / "cases" / "odd"
TEI = "http://www.tei-c.org/ns/1.0"


@lru_cache(maxsize=4)
def _compile(odd: str, source: str, out: str) -> Path:
    from teiedit.odd.build import compile_odd

    (written,) = compile_odd(Path(odd), Path(out), source=Path(source))
    return written


def _documents(shared: Path) -> list[Path]:
    p5 = shared / "tei-p5"
    return sorted(
        [
            *p5.glob("docs/valid-tei_all/*.xml"),
            *p5.glob("docs/invalid/*.xml"),
            *p5.glob("odd/test-instances/*.tei"),
            *p5.glob("stylesheets-test2/inputs/**/*.xml"),
        ]
    )


def test_tei_lite_compiled_here_agrees_with_the_official_schema(
    shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = tmp_path_factory.mktemp("lite")
    ours_path = _compile(
        str(shared / "tei-p5" / "odd" / "tei_lite.odd"),
        str(shared / "tei-p5" / "p5subset.xml"),
        str(out),
    )
    ours_tree, official_tree = (
        etree.parse(str(ours_path)),
        etree.parse(str(shared / "tei-p5" / "schemas" / "rng" / "tei_lite.rng")),
    )
    assert Grammar(ours_tree.getroot()).names == Grammar(official_tree.getroot()).names
    ours, official = etree.RelaxNG(ours_tree), etree.RelaxNG(official_tree)
    verdicts = []
    for doc in _documents(shared):
        try:
            tree = etree.parse(str(doc), safe_parser())
        except etree.XMLSyntaxError:
            continue  # not well-formed (one upstream test file) or rejected by libxml2 (duplicate ids)
        verdicts.append((doc.name, ours.validate(tree), official.validate(tree)))
    disagree = [v for v in verdicts if v[1] != v[2]]
    assert disagree == []
    assert sum(1 for v in verdicts if v[2]) >= 20, (
        "too few documents valid under tei_lite to compare"
    )
    assert sum(1 for v in verdicts if not v[2]) >= 20, (
        "too few documents invalid under tei_lite to compare"
    )


DOC = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
<text><body><div><head>H</head><p>A <hi rend="bold">bold</hi> <name kind="person">Kim</name>.</p></div></body></text></TEI>"""


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        (("", ""), True),
        (('<hi rend="bold">', '<hi rend="sup">'), False),  # valList replaced, closed
        (('<hi rend="bold">', "<hi>"), False),  # usage changed to required
        (("</p></div>", "<note>n</note></p></div>"), False),  # element deleted
        (("<p>A ", '<p xml:lang="en">A '), False),  # class attribute deleted
        (("<p>A ", '<p n="1">A '), True),  # other class attributes kept
        (("<head>H</head>", ""), True),  # content replaced: head optional ...
        (("</p></div>", "</p><head>late</head></div>"), False),  # ... and first
        (('kind="person"', 'kind="thing"'), False),  # element replaced with its own attributes
        (
            ('<name kind="person">Kim</name>', '<name type="person">Kim</name>'),
            False,
        ),  # ... and only those
        (
            ("<title>T</title>", "<title>T</title><author>A</author>"),
            False,
        ),  # not included from core
    ],
)
def test_moduleref_and_modes(
    shared: Path, tmp_path_factory: pytest.TempPathFactory, change: tuple[str, str], valid: bool
) -> None:
    out = tmp_path_factory.mktemp("mini")
    rng = etree.RelaxNG(
        etree.parse(
            str(
                _compile(str(CASES / "mini.odd"), str(shared / "tei-p5" / "p5subset.xml"), str(out))
            )
        )
    )
    assert change[0] in DOC
    doc = etree.fromstring(DOC.replace(*change).encode())
    assert rng.validate(doc) is valid, str(rng.error_log)


def test_cli_schema_source(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(
        [
            "schema",
            "--source",
            str(shared / "tei-p5" / "p5subset.xml"),
            str(CASES / "mini.odd"),
            "--out",
            str(tmp_path),
        ],
        capsys,
    )
    assert code == 0 and (tmp_path / "mini.rng").is_file()
    assert "mini.rng" in out
    code, _, err = run_cli(
        ["schema", "--source", str(tmp_path / "missing.xml"), str(CASES / "mini.odd")], capsys
    )
    assert code == 2 and "no such TEI source file" in err
