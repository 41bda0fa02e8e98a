"""The search index (builders/search.py, builders/search_records.py): terms, shards, fragments and
their anchors, the original reading as a field of its own, register names as terms."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path

import pytest
from lxml import html

from teiedit.builder import BuildOptions
from teiedit.builders.html import HtmlBuilder
from teiedit.builders.search import tokens
from teiedit.config import default_settings
from teiedit.edition import Edition

CASES = Path(__file__).resolve().parent / "cases" / "html"


def _calls(path: Path, name: str) -> list[object]:
    """The arguments of the teieditSearch.<name>(...) call a file of the index makes."""
    text = path.read_text(encoding="ascii")
    assert text.startswith(f"teieditSearch.{name}(") and text.endswith(");\n")
    args: list[object] = json.loads("[" + text[len(f"teieditSearch.{name}(") : -3] + "]")
    return args


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("search")
    settings = dataclasses.replace(default_settings(root), title="Test Edition")
    out = root / "html"
    HtmlBuilder().build(
        Edition.from_files(settings, sorted(CASES.rglob("*.xml"))), out, BuildOptions()
    )
    return out


def _fragments(site: Path) -> dict[str, dict[str, object]]:
    out = {}
    for f in sorted((site / "search").glob("f*.js")):
        n, data = _calls(f, "fragment")
        assert f.name == f"f{n}.js"
        assert isinstance(data, dict)
        out[str(data["h"])] = data
    return out


def _meta(site: Path) -> dict[str, object]:
    (meta,) = _calls(site / "search" / "meta.js", "meta")
    assert isinstance(meta, dict)
    return meta


def _shards(site: Path) -> dict[str, str]:
    terms: dict[str, str] = {}
    firsts = []
    for f in sorted((site / "search").glob("s*.js"), key=lambda p: int(p.stem[1:])):
        k, data = _calls(f, "shard")
        assert isinstance(data, dict) and f.name == f"s{k}.js"
        firsts.append(min(data))
        terms.update(data)
    assert firsts == _meta(site)["shards"]
    return terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim Il-sung", ["kim", "il", "sung"]),
        ("P'yŏngyang", ["pyongyang"]),
        ("Workers’ Party", ["workers", "party"]),
        ("Ǉubljana ﬁnal 1956", ["ljubljana", "final", "1956"]),
        ("평양 Москва", ["평양", "москва"]),
        ("THE Korean War", ["the", "korean", "war"]),  # plain ASCII: lowered only
        ("ÉCOLE Ärzte Ǆ ŏ", ["ecole", "arzte", "dz", "o"]),  # a mark met again is dropped again
    ],
)
def test_terms_are_folded_words(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_every_result_links_to_an_id_on_its_page(site: Path) -> None:
    fragments = _fragments(site)
    assert {"letter-a.html", "letter-b.html", "memo-c.html", "compilation-s.html"} <= set(fragments)
    checked = 0
    for href, data in fragments.items():
        ids = set(html.parse(str(site / href)).xpath("//@id"))
        blocks = data["b"]
        assert isinstance(blocks, list) and blocks
        for anchor, *_ in blocks:
            assert anchor == "" or anchor in ids, (href, anchor)
            checked += 1
    assert checked > 40


def test_text_is_the_corrected_reading_and_the_original_a_field_of_its_own(site: Path) -> None:
    blocks = _fragments(site)["letter-a.html"]["b"]
    assert isinstance(blocks, list)
    harvest = next(b for b in blocks if b[2].startswith("The harvest"))
    assert harvest[1] == "x" and "was poor this year" in harvest[2] and "poer" not in harvest[2]
    assert "was poer this year" in harvest[3]  # the source's reading, beside it
    # notes are records of their own (also the orphan note of the back matter)
    notes = {b[2]: b[0] for b in blocks if b[1] == "n"}
    assert notes["Of cabbages, mostly."] == "note-1"
    assert "An orphan note whose anchor was lost." in notes
    assert blocks[0][:3] == ["", "t", "Letter from Anna Berg to Carl Dorn"]
    assert blocks[1][1] == "h" and "Anna asks Carl about the harvest." in blocks[1][2]


def test_shards_hold_terms_entries_and_the_original_field(site: Path) -> None:
    terms = _shards(site)
    meta = _meta(site)
    pages = int(str(meta["pages"]))
    assert pages == 4 + 6  # the documents, then the register entries' pages
    assert "poor" in terms and "poer" not in terms and "~poer" in terms
    assert "@p-dorn" in terms and "cabbages" in terms
    # postings: page deltas, weights and positions, in base 36
    for term, postings in terms.items():
        for entry in postings.split(";"):
            assert re.fullmatch(r"[0-9a-z]+(\.[0-9a-z]+)+", entry), (term, entry)
    entries = meta["entries"]
    assert isinstance(entries, list)
    berg = next(e for e in entries if e[0] == "p-berg")
    assert berg[2:5] == ["persons", "entities/p-berg.html", 2]
    forms = meta["forms"]
    assert isinstance(forms, dict)
    assert forms["anna bergova"] == [entries.index(berg)]


def _search_files(out: Path) -> dict[str, bytes]:
    return {f.name: f.read_bytes() for f in sorted((out / "search").glob("*.js"))}


def test_kept_records_give_the_index_a_whole_build_gives(tmp_path: Path) -> None:
    """A changed document makes its own search record again and reads the others' kept ones: the
    index is the same bytes as one made from nothing; a removed document's record goes."""
    from teiedit.builders.search_cache import FOLDER

    src = tmp_path / "src"
    shutil.copytree(CASES, src)
    settings = dataclasses.replace(default_settings(tmp_path), title="Test Edition")

    def build(out: Path, force: bool = False) -> None:
        files = sorted(src.rglob("*.xml"))
        HtmlBuilder().build(Edition.from_files(settings, files), out, BuildOptions(force=force))

    out = tmp_path / "html"
    build(out)
    kept = {f.name: f.read_bytes() for f in (out / FOLDER).glob("*.json")}
    assert {"letter-a.json", "memo-c.json"} <= set(kept)
    memo = src / "memo-c.xml"
    memo.write_text(
        memo.read_text(encoding="utf-8").replace("again.", "once more."), encoding="utf-8"
    )
    build(out)
    now = {f.name: f.read_bytes() for f in (out / FOLDER).glob("*.json")}
    changed = {n for n in now if now[n] != kept.get(n)}
    assert changed == {"memo-c.json"}
    assert "once more." in now["memo-c.json"].decode("utf-8")
    fresh = tmp_path / "fresh"
    build(fresh, force=True)
    assert _search_files(out) == _search_files(fresh)
    assert len(_search_files(fresh)) > 3
    # a removed document: its record goes (its neighbours' pages, hence their records, are made again)
    (src / "letter-b.xml").unlink()
    build(out)
    assert "letter-b.json" in now and not (out / FOLDER / "letter-b.json").exists()
    build(fresh, force=True)
    assert _search_files(out) == _search_files(fresh)


def test_postings_spilled_to_runs_on_disk_give_the_same_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from teiedit.builders import search
    from teiedit.builders.search_records import TEXT, TITLE, Block

    words = ["harvest", "cabbage", "Pjöngjang", "dorn", "berg", "letter", "rain", "field"]
    pages = [
        search.SearchPage(
            f"p{n}.html",
            f"Letter {n}",
            "1956",
            "letter",
            "1956",
            [
                Block(f"b{n}", TITLE, f"Letter {n} {words[n % 8]}"),
                Block("", TEXT, " ".join(words[(n * k) % 8] for k in range(1, 40))),
            ],
            [f"p-{n % 3}", "odd\tid\nwith breaks"],  # any id a register may hold
        )
        for n in range(60)
    ]
    entries = [search.SearchEntry("p-0", "Anna", "persons", "p0.html", ("Anna",))]
    held = tmp_path / "held"
    assert search.search_files(pages, entries, held)
    runs: list[Path] = []
    real = search._Postings._spill

    def spill(self: search._Postings) -> None:
        real(self)
        runs.append(self.runs[-1])

    monkeypatch.setattr(search._Postings, "_spill", spill)
    monkeypatch.setattr(search, "SPILL_BYTES", 2_000)  # a run every few pages
    spilled = tmp_path / "spilled"
    names = search.search_files(pages, entries, spilled)
    assert len(runs) >= 10 and not any(run.exists() for run in runs)  # merged, then removed
    assert sorted(names) == sorted(p.name for p in held.iterdir())
    assert [n for n in names if (held / n).read_bytes() != (spilled / n).read_bytes()] == []
    shard = (held / "s0.js").read_text()
    assert '"harvest":' in shard and "pjongjang" in (held / "meta.js").read_text() + shard
