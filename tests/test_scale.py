"""Editions of any size: the edition streams (records, not trees; trees parsed on demand within a budget),
unchanged files are neither parsed nor validated again, per-document work in a pool of processes gives the
same bytes as one process, and the print edition lays out only the parts whose HTML changed."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from teiedit import io
from teiedit.builder import BuildOptions
from teiedit.builders.html import HtmlBuilder
from teiedit.config import Settings, load_settings
from teiedit.edition import Edition, record_cache
from teiedit.summary import summarise
from teiedit.workers import Workers

REPO = Path(__file__).resolve().parents[1]
EDITION = Path(__file__).resolve().parent / "cases" / "exchange" / "edition"


def _edition(root: Path, copies: int = 1) -> Path:
    """The exchange test edition with its documents copied ``copies`` times under new file names."""
    shutil.copytree(EDITION, root)
    shutil.copytree(REPO / "schema", root / "schema", dirs_exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    originals = sorted((root / "tei").glob("*.xml"))
    for k in range(2, copies + 1):
        for f in originals:
            shutil.copyfile(f, f.with_name(f"{f.stem}-copy{k}.xml"))
    return root


def _counting(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    parsed: Counter[str] = Counter()
    real = io.parse_xml_bytes

    def counting(data: bytes, path: str | Path = "") -> etree._ElementTree:
        parsed[Path(path).name] += 1
        return real(data, path)

    monkeypatch.setattr(io, "parse_xml_bytes", counting)
    return parsed


def test_a_second_load_parses_no_unchanged_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(_edition(tmp_path / "e"))
    parsed = _counting(monkeypatch)
    first = Edition.load(settings, cache=record_cache(settings))
    documents = [ed.path.name for ed in first.documents()]
    assert len(documents) == 4 and all(parsed[name] == 1 for name in documents)
    parsed.clear()
    again = Edition.load(settings, cache=record_cache(settings))
    assert [ed.path.name for ed in again.documents()] == documents
    assert [ed.facts for ed in again.documents()] == [ed.facts for ed in first.documents()]
    assert not any(parsed[name] for name in documents)  # records from the cache
    changed = settings.tei / documents[0]
    changed.write_bytes(changed.read_bytes().replace(b"</TEI>", b"<!-- x --></TEI>"))
    Edition.load(settings, cache=record_cache(settings))
    assert [parsed[name] for name in documents] == [1, 0, 0, 0]


def test_records_hold_the_mentions_entries_and_their_contexts_are_read_back(tmp_path: Path) -> None:
    settings = load_settings(_edition(tmp_path / "e"))
    Edition.load(settings, cache=record_cache(settings))
    store = record_cache(settings).with_name("mentions.sqlite")
    for damaged in (False, True):  # records read back; then a damaged store: all made again
        if damaged:
            store.write_bytes(b"not a database")
        edition = Edition.load(settings, cache=record_cache(settings))
        docs = list(edition.documents())
        contexts = edition.mention_contexts(docs)
        seen = 0
        for i, ed in enumerate(docs):
            whole = summarise(ed).mentions  # from the tree
            held = ed.summary.mentions
            assert [m.entry for m in held] == [m.entry for m in whole]
            assert not any(m.anchor or m.text or m.before or m.after for m in held)
            assert contexts(i, list(range(len(whole)))) == list(whole)
            last = [len(whole) - 1] if whole else []
            assert contexts(i, last) == list(whole[-1:])
            seen += len(whole)
        assert seen >= 9 and store.read_bytes().startswith(b"SQLite format 3")


def test_trees_beyond_the_budget_are_parsed_again_and_nothing_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(_edition(tmp_path / "e"))
    whole = tmp_path / "whole"
    HtmlBuilder().build(Edition.load(settings), whole, BuildOptions(workers=Workers(jobs=1)))
    monkeypatch.setenv("TEIEDIT_TREE_BUDGET_MB", "0")  # one tree at a time
    parsed = _counting(monkeypatch)
    edition = Edition.load(settings)
    assert len(edition.trees._held) == 1
    streamed = tmp_path / "streamed"
    HtmlBuilder().build(edition, streamed, BuildOptions(workers=Workers(jobs=1)))
    assert max(parsed.values()) >= 2  # parsed at load, and again for its page
    files = sorted(p.relative_to(whole) for p in whole.rglob("*") if p.is_file())
    assert len(files) > 10
    assert files == sorted(p.relative_to(streamed) for p in streamed.rglob("*") if p.is_file())
    assert all((whole / f).read_bytes() == (streamed / f).read_bytes() for f in files)


def test_pages_rendered_in_a_pool_are_the_same_bytes(tmp_path: Path) -> None:
    settings = load_settings(_edition(tmp_path / "e", copies=7))
    edition = Edition.load(settings)
    assert len(edition) == 28  # enough for the pool (workers.POOL_THRESHOLD)
    one, two = tmp_path / "one", tmp_path / "two"
    HtmlBuilder().build(edition, one, BuildOptions(workers=Workers(jobs=1)))
    with Workers(jobs=2) as pool:
        assert pool.parallel(len(edition))
        HtmlBuilder().build(edition, two, BuildOptions(workers=pool))
        assert not pool.started  # its processes ended after the document pages (Workers.rest)
    pages = sorted(p.name for p in one.glob("*.html"))
    assert len(pages) == 28 + 6 and pages == sorted(p.name for p in two.glob("*.html"))
    # every file the serial build writes (published TEI, txt/, cite/, entity and search pages, state), the same
    files = sorted(p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file())
    assert {
        "tei/memo-plenum-copy7.xml",
        "txt/memo-plenum-copy7.txt",
        "cite/memo-plenum-copy7.bib",
    } <= set(files)
    assert files == sorted(p.relative_to(two).as_posix() for p in two.rglob("*") if p.is_file())
    assert [f for f in files if (one / f).read_bytes() != (two / f).read_bytes()] == []


def test_validation_findings_are_kept_by_content(tmp_path: Path) -> None:
    from teiedit.pipeline import validate_edition, validation_cache

    root = _edition(tmp_path / "e")
    settings = load_settings(root)
    bad = settings.tei / "letter-kim-to-ri.xml"
    bad.write_bytes(bad.read_bytes().replace(b'when="', b'when="x', 1))
    first = validate_edition(Edition.load(settings), cache=True)
    assert first.count_invalid_files() == 1 and validation_cache(settings).is_file()
    again = validate_edition(Edition.load(settings), cache=True)
    assert again.diagnostics == first.diagnostics and again.files_checked == first.files_checked
    bad.write_bytes(bad.read_bytes().replace(b'when="x', b'when="', 1))
    assert validate_edition(Edition.load(settings), cache=True).count_invalid_files() == 0


def _web(settings: Settings, out: Path, *, force: bool = False) -> list[Path]:
    """The web edition and its harvestable parts (as `teiedit build --no-pdf` writes them) in ``out``."""
    from teiedit.builders.site.site import SiteBuilder

    cache = None if force else record_cache(settings)
    edition = Edition.load(settings, cache=cache)
    options = BuildOptions({"link_pdf": False}, force=force, workers=Workers(jobs=1))
    return HtmlBuilder().build(edition, out, options) + SiteBuilder().build(edition, out, options)


def _files(top: Path) -> dict[str, bytes]:
    return {p.relative_to(top).as_posix(): p.read_bytes() for p in top.rglob("*") if p.is_file()}


def test_an_incremental_build_after_one_change_is_a_cold_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing changed: nothing is written and no tree is parsed; one document changed: the site is,
    file for file (kept states included), the one a cold build of the changed edition writes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    settings = load_settings(_edition(tmp_path / "e"))
    out = tmp_path / "site"
    assert "letter-ri-to-kim.html" in {p.name for p in _web(settings, out)}
    parsed = _counting(monkeypatch)
    assert _web(settings, out) == [] and sum(parsed.values()) == 0
    doc = settings.tei / "letter-ri-to-kim.xml"
    text = doc.read_text(encoding="utf-8")
    changed = text.replace("</p>", " An added sentence.</p>", 1)
    assert changed != text
    doc.write_text(changed, encoding="utf-8")
    again = {p.relative_to(out).as_posix() for p in _web(settings, out)}
    assert "letter-ri-to-kim.html" in again and "letter-kim-to-ri.html" not in again
    assert "An added sentence." in (out / "letter-ri-to-kim.html").read_text(encoding="utf-8")
    cold = tmp_path / "cold"
    _web(settings, cold, force=True)
    here, there = _files(out), _files(cold)
    assert len(there) > 30 and {".teiedit-html-key", "entities/kim-il-sung.html"} <= set(there)
    assert sorted(here) == sorted(there)
    assert [name for name in sorted(here) if here[name] != there[name]] == []


@pytest.mark.slow
def test_a_changed_document_lays_out_only_its_part_and_the_book_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a change, the print edition made from kept parts is byte for byte the one made afresh."""
    from teiedit.builders.pdf import PdfBuilder

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    settings = load_settings(_edition(tmp_path / "e"))
    out = tmp_path / "pdf"
    told: list[str] = []
    options = BuildOptions(progress=told.append, workers=Workers(jobs=1))
    PdfBuilder().build(Edition.load(settings), out, options)
    parts = [m for m in told if "parts laid out" in m]
    assert parts and parts[-1].endswith(", 0 kept from the last build")
    doc = settings.tei / "memo-plenum.xml"
    doc.write_bytes(doc.read_bytes().replace(b"</TEI>", b"<!-- only a comment --></TEI>"))
    told.clear()
    PdfBuilder().build(Edition.load(settings), out, options)
    # nothing prints differently: every part is kept, and the book and the document's PDF are put
    # together again with the changed TEI attached
    assert [m for m in told if "parts laid out" in m][-1].startswith("0 parts laid out")
    assert not [m for m in told if m.startswith("laid out ")]
    with pikepdf.open(out / "memo-plenum.pdf") as pdf:
        assert pdf.attachments["memo-plenum.xml"].get_file().read_bytes() == doc.read_bytes()
    with pikepdf.open(out / "edition.pdf") as pdf:
        assert pdf.attachments["memo-plenum.xml"].get_file().read_bytes() == doc.read_bytes()
    text = doc.read_text(encoding="utf-8")
    changed = text.replace("</p>", " An added sentence.</p>", 1)
    assert changed != text
    with pikepdf.open(out / "memo-plenum.pdf") as pdf:
        pages_before = len(pdf.pages)
    doc.write_text(changed, encoding="utf-8")
    told.clear()
    PdfBuilder().build(Edition.load(settings), out, options)
    laid = [m.removeprefix("laid out ") for m in told if m.startswith("laid out ")]
    with pikepdf.open(out / "memo-plenum.pdf") as pdf:
        same_length = len(pdf.pages) == pages_before
    # the changed document's part; the front matter's draft prints no document text, so it is kept;
    # the contents, the index and the folios only when the document's length moved later pages
    assert "memo-plenum.pdf" in laid and "the front matter (draft)" not in laid, laid
    if same_length:
        assert laid == ["memo-plenum.pdf"], laid
    else:
        assert len(laid) <= 6, laid
    fresh = tmp_path / "fresh"
    PdfBuilder().build(Edition.load(settings), fresh, options)
    names = sorted(p.name for p in fresh.glob("*.pdf"))
    assert "edition.pdf" in names and len(names) == 5
    assert all((out / n).read_bytes() == (fresh / n).read_bytes() for n in names)


def test_sources_converted_in_a_pool_are_the_same_files(tmp_path: Path) -> None:
    """Conversion runs one task per source on the workers when there are many: tei/ gets the same
    bytes as from one process, and the report the same findings."""
    from teiedit.pipeline import ConvertOptions, convert_files

    mini = REPO / "tests" / "roots" / "mini"
    root = tmp_path / "mini"
    shutil.copytree(mini, root)
    shutil.copytree(REPO / "schema", root / "schema")
    originals = [
        *sorted((root / "sources").glob("*.txt")),
        REPO / "tests" / "cases" / "readers" / "compilation" / "bulletin-two-documents.txt",
    ]
    for k in range(10):  # 30 sources: enough for the pool (workers.POOL_THRESHOLD)
        for src in originals:
            shutil.copyfile(src, root / "sources" / f"{src.stem}-{k}.txt")
    sources = sorted((root / "sources").glob("*-[0-9].txt"))
    assert len(sources) == 30
    settings = load_settings(root)
    made: list[dict[str, bytes]] = []
    reports: list[str] = []
    for jobs in (1, 2):
        out = tmp_path / f"tei-{jobs}"
        with Workers(jobs=jobs) as workers:
            assert workers.parallel(len(sources)) == (jobs > 1)
            results = convert_files(sources, out, settings, ConvertOptions(), workers=workers)
        report = json.dumps([r.to_json() for r in results], sort_keys=True)
        reports.append(report.replace(str(out), "TEI"))
        made.append({f.name: f.read_bytes() for f in sorted(out.glob("*.xml"))})
    assert len(made[0]) >= 40  # every source wrote its files (the compilations two or more)
    assert made[1] == made[0]
    assert reports[1] == reports[0]
    assert all(r["outputs"] and r["profile"] for r in json.loads(reports[0]))


def test_site_pages_made_in_a_process_of_their_own_are_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from teiedit.builders import site_process

    settings = load_settings(_edition(tmp_path / "e"))
    here, apart = tmp_path / "here", tmp_path / "apart"
    monkeypatch.setenv("TEIEDIT_SITE_PROCESS_DOCUMENTS", "1000000")
    HtmlBuilder().build(Edition.load(settings), here, BuildOptions(workers=Workers(jobs=1)))
    submitted: list[str] = []
    real = site_process.SiteTransforms._submit

    def counting(self: site_process.SiteTransforms, call: site_process._Call) -> object:
        submitted.append(call.stylesheet)
        return real(self, call)

    monkeypatch.setattr(site_process.SiteTransforms, "_submit", counting)
    monkeypatch.setenv("TEIEDIT_SITE_PROCESS_DOCUMENTS", "0")
    HtmlBuilder().build(Edition.load(settings), apart, BuildOptions(workers=Workers(jobs=1)))
    # every kind of site page went to the other process: listings, entity pages, the search page
    assert {"index.xsl", "timeline.xsl", "registers.xsl", "entity.xsl", "search.xsl"} <= set(
        submitted
    )
    files = sorted(p.relative_to(here).as_posix() for p in here.rglob("*") if p.is_file())
    assert sum(f.startswith("entities/") for f in files) >= 3 and "index.html" in files
    assert files == sorted(p.relative_to(apart).as_posix() for p in apart.rglob("*") if p.is_file())
    differ = [f for f in files if (here / f).read_bytes() != (apart / f).read_bytes()]
    assert differ == []
