"""`teiedit schema --source p5subset.xml` on the TEI's own exemplar customisations.

Each exemplar ODD (../shared/tei-p5/odd) compiled by teiedit against p5subset.xml must accept and reject
exactly the reference documents the official schema (../shared/tei-p5/schemas/rng, made by the TEI
Stylesheets) accepts and rejects, with Jing as the judge of both; and tei_all's RELAX NG must load in
libxml2 (lxml) with the same verdicts. The exemplars chosen cover moduleRef include/except, specGrp and
specGrpRef (also to nothing), classes replaced in a change, deleted classes and attributes, classRef
expand, duplicate xml:ids in the ODD, and the whole of TEI.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from conftest import FULL
from lxml import etree
from schema_engines import jing_verdicts, reference_documents

pytestmark = pytest.mark.slow  # TEI's exemplars compiled from p5subset, judged by Jing and libxml2

REPO = Path(__file__).resolve().parent.parent
P5 = REPO.parent / "shared" / "tei-p5"
EXEMPLARS = ["tei_all", "tei_bare", "tei_corpus", "tei_drama", "tei_simplePrint"]
# The other exemplars (each agreed with its official schema when this list was written), judged by Jing:
# all of them in the full profile (about 20 s of CPU each), the smallest by default. tei_lite is in
# test_odd_source.py.
MORE_EXEMPLARS = [
    "isofs", "tei_basic", "tei_docs", "tei_enrich", "tei_jtei", "tei_lite_fr",
    "tei_minimal", "tei_ms", "tei_speech", "tei_tite", "tei_xinclude",
] if FULL else ["tei_minimal"]  # fmt: skip
# Without a catalog, teiedit refuses an exemplar whose external RELAX NG module is not beside it (p5odds
# names them by a path in TEI's sources, Exemplars/svg11.rng) rather than compile a schema without those
# elements. With a catalog, they compile: test_odd_external.py.
EXTERNAL_MODULES = ["p5odds", "tei_math"]
# libxml2 takes minutes to load tei_corpus (the official schema as well as teiedit's): Jing judges it.


def _documents() -> list[Path]:
    return reference_documents()


@pytest.fixture(scope="session")
def compiled_exemplars(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The exemplars compiled by teiedit, once per session."""
    from teiedit.odd.build import compile_odd

    if not P5.is_dir():
        pytest.fail(f"../shared is missing at {P5}: the tests need the TEI reference data")
    out = tmp_path_factory.mktemp("exemplars")
    compiled = {}
    for name in EXEMPLARS:
        (compiled[name],) = compile_odd(P5 / "odd" / f"{name}.odd", out, source=P5 / "p5subset.xml")
    return compiled


@cache
def _official(name: str) -> dict[Path, bool]:
    return jing_verdicts(P5 / "schemas" / "rng" / f"{name}.rng", _documents())


@pytest.mark.parametrize("name", ["tei_all", "tei_corpus"])
def test_exemplar_agrees_with_the_official_schema_in_jing(
    name: str, compiled_exemplars: dict[str, Path]
) -> None:
    docs = _documents()
    ours = jing_verdicts(compiled_exemplars[name], docs)
    official = _official(name)
    disagree = {d.name: (ours[d], official[d]) for d in docs if ours[d] != official[d]}
    assert disagree == {}
    assert sum(official.values()) >= 10, f"too few documents valid under {name} to compare"
    assert sum(not v for v in official.values()) >= 10, f"too few documents invalid under {name}"


@pytest.mark.parametrize("name", ["tei_bare", "tei_drama", "tei_simplePrint"])
def test_exemplar_agrees_with_the_official_schema_in_libxml2(
    name: str, compiled_exemplars: dict[str, Path]
) -> None:
    """Smaller exemplars, judged by libxml2 (in process: no Java start per schema)."""
    from teiedit.io import safe_parser

    ours = etree.RelaxNG(etree.parse(str(compiled_exemplars[name])))
    official = etree.RelaxNG(etree.parse(str(P5 / "schemas" / "rng" / f"{name}.rng")))
    verdicts = {}
    for doc in _documents():
        tree = etree.parse(str(doc), safe_parser())
        verdicts[doc.name] = (ours.validate(tree), official.validate(tree))
    assert {k: v for k, v in verdicts.items() if v[0] != v[1]} == {}
    assert sum(1 for v in verdicts.values() if v[1]) >= 10, f"too few valid under {name}"
    assert sum(1 for v in verdicts.values() if not v[1]) >= 10, f"too few invalid under {name}"


def test_tei_all_loads_in_libxml2_with_the_same_verdicts(
    compiled_exemplars: dict[str, Path],
) -> None:
    """The RNG libxml2 refused ("multiple definitions of anyElement without combine") now loads."""
    from teiedit.io import safe_parser

    rng = etree.RelaxNG(etree.parse(str(compiled_exemplars["tei_all"])))
    official = _official("tei_all")
    verdicts = {}
    for doc in _documents():
        verdicts[doc.name] = (rng.validate(etree.parse(str(doc), safe_parser())), official[doc])
    assert len(verdicts) >= 100
    assert {k: v for k, v in verdicts.items() if v[0] != v[1]} == {}


@pytest.mark.parametrize("name", MORE_EXEMPLARS)
def test_other_exemplars_agree_with_their_official_schemas(name: str, tmp_path: Path) -> None:
    from teiedit.odd.build import compile_odd

    (ours_rng,) = compile_odd(P5 / "odd" / f"{name}.odd", tmp_path, source=P5 / "p5subset.xml")
    docs = _documents()
    ours, official = jing_verdicts(ours_rng, docs), _official(name)
    assert {d.name: (ours[d], official[d]) for d in docs if ours[d] != official[d]} == {}
    assert sum(official.values()) >= 1 and sum(not v for v in official.values()) >= 10


@pytest.mark.parametrize("name", EXTERNAL_MODULES)
def test_exemplars_with_external_modules_are_refused_with_the_line(
    name: str, tmp_path: Path
) -> None:
    from teiedit.diagnostics import TeieditError
    from teiedit.odd.build import compile_odd

    odd = P5 / "odd" / f"{name}.odd"
    with pytest.raises(TeieditError) as refused:
        compile_odd(odd, tmp_path, source=P5 / "p5subset.xml")
    found = refused.value.diagnostic
    assert found.path == str(odd) and found.line > 0
    assert "moduleRef url=" in found.message and "--catalog" in found.suggestion
    # the line lxml gives is the start tag's last line
    tag = "".join(odd.read_text(encoding="utf-8").splitlines()[found.line - 3 : found.line])
    assert "<moduleRef" in tag and "url=" in tag
    assert list(tmp_path.iterdir()) == []  # nothing half-written
