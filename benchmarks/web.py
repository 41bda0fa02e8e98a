"""The web edition: build times, search quality and cost against Pagefind, and the site-level pages and
the search index at scale. Prints CPU seconds (wall time on a shared machine is noise) and sizes.

    PYTHONPATH=src python benchmarks/web.py [--no-browser] [--no-pagefind] [--scale 1000,4000,10000]

1. This edition (tei/): a full build, a rebuild with nothing changed, a rebuild after one document changed.
2. Search on this edition, in Chromium: precision and recall of the top 10 on the 20 queries of
   benchmarks/eval/search-queries.tsv, time to the first results, bytes read per query, index size;
   the same for Pagefind (`pip install -e '.[bench]'`, which `make bench` does) on the same pages.
3. Synthetic editions of N documents (copies of this edition's documents with new ids, titles and page
   names): the site-level pages (index, timeline, registers, entity pages) and the search index built
   from the documents' summaries, their CPU time, the largest page, the index's size, and what a query
   costs the reader's browser.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from lxml import etree

from teiedit.builder import BuildOptions
from teiedit.builders.html import HtmlBuilder
from teiedit.builders.search import SearchIndex
from teiedit.builders.sitepages import document_page, entry_pages, render_site
from teiedit.config import load_settings
from teiedit.document import TEI_NS, XML_ID
from teiedit.edition import Edition, EditionDoc
from teiedit.facts import DocumentFacts, document_facts
from teiedit.summary import Summary, summarise


def cpu() -> float:
    return time.process_time()


def build_times(tmp: Path) -> Path:
    """Section 1; returns the built site."""
    settings = load_settings(REPO)
    out = tmp / "html"
    builder = HtmlBuilder()
    t = cpu()
    written = builder.build(Edition.load(settings), out, BuildOptions())
    full = cpu() - t
    t = cpu()
    again = builder.build(Edition.load(settings), out, BuildOptions())
    noop = cpu() - t
    copy_dir = tmp / "tei"
    shutil.copytree(settings.tei, copy_dir)
    first = sorted(copy_dir.glob("*.xml"))[0]
    first.write_bytes(first.read_bytes().replace(b"</TEI>", b"<!-- touched --></TEI>", 1))
    edition = Edition.from_files(settings, sorted(copy_dir.glob("*.xml")))
    t = cpu()
    one = builder.build(edition, out, BuildOptions())
    touched = cpu() - t
    docs = sum(1 for _ in Edition.load(settings).documents())
    print(f"== this edition: {docs} documents")
    print(f"full build (cold, compiles):  {full:6.2f} s CPU  ({len(written)} files)")
    print(f"rebuild, nothing changed:     {noop:6.2f} s CPU  ({len(again)} files)")
    print(f"rebuild, one document changed:{touched:6.2f} s CPU  ({len(one)} files)")
    return out


def search_quality(site: Path, pagefind: bool) -> None:
    """Section 2."""
    from websearch import (
        browser,
        build_pagefind,
        read_queries,
        run_ours,
        run_pagefind,
        serve,
        summary,
    )

    queries = read_queries()
    ours_size = sum(f.stat().st_size for f in (site / "search").glob("*.js"))
    print(
        f"\n== search on this edition: {len(queries)} queries (benchmarks/eval/search-queries.tsv)"
    )
    with browser() as b:
        ours_file = run_ours(b, site, queries, site.as_uri() + "/")
        with serve(site) as base:
            ours_http = run_ours(b, site, queries, base)
        print(summary("teiedit", ours_file) + f"  index {ours_size / 1024:.0f} KB (file://)")
        print(summary("teiedit", ours_http) + "  (http://127.0.0.1)")
        if pagefind:
            pf_cpu, pf_size = build_pagefind(site)
            with serve(site) as base:
                theirs = run_pagefind(b, site, queries, base)
            print(
                summary("Pagefind", theirs)
                + f"  index {pf_size / 1024:.0f} KB, built in {pf_cpu:.2f} s CPU (http only)"
            )
            print("\nper query (precision / recall of the top 10): teiedit | Pagefind")
            for o, p in zip(ours_file, theirs, strict=True):
                print(
                    f"  {o.query.text:<28} {o.precision:.2f} / {o.recall:.2f} | "
                    f"{p.precision:.2f} / {p.recall:.2f}"
                )


@dataclass
class _Copy:
    """A synthetic document: a copy of one of the edition's with a new id, title and page name."""

    root: etree._Element
    page: str
    facts: DocumentFacts
    imported: bool = False


def synthetic(docs: list[EditionDoc], n: int) -> list[_Copy]:
    out = []
    for i in range(n):
        ed = docs[i % len(docs)]
        c = i // len(docs)
        if c == 0:
            out.append(_Copy(ed.root, ed.page, ed.facts))
            continue
        root = copy.deepcopy(ed.root)
        page = f"{ed.page}-c{c}"
        root.set(XML_ID, page)
        for title in root.iter(f"{{{TEI_NS}}}title"):
            if title.getparent() is not None and title.getparent().tag == f"{{{TEI_NS}}}titleStmt":
                title.text = (title.text or "") + f" (copy {c})"
                break
        out.append(_Copy(root, page, document_facts(root)))
    return out


def scale(site: Path, tmp: Path, sizes: list[int], browser_on: bool) -> None:
    """Section 3."""
    settings = load_settings(REPO)
    edition = Edition.load(settings)
    docs = sorted(edition.documents(), key=lambda ed: (ed.facts.date or "9999", ed.page))
    print("\n== site-level pages and search index from summaries, synthetic editions")
    print(
        f"{'documents':>9} {'summaries':>10} {'site pages':>11} {'entity pages':>13} {'index':>8}"
        f" {'index size':>11} {'largest page':>13} {'query (ms, KB)':>16}"
    )
    for n in sizes:
        out = tmp / f"scale-{n}"
        shutil.copytree(site, out, ignore=shutil.ignore_patterns("search", "entities", "pagefind"))
        copies = synthetic(docs, n)
        t = cpu()
        summaries: list[Summary] = [summarise(c) for c in copies]
        t_sum = cpu() - t
        stage = out / ".stage"
        stage.mkdir()
        t = cpu()
        render_site(summaries, edition.registers, settings, stage, out, assets="bench")
        t_site = cpu() - t
        entities = len(list((stage / "entities").glob("*.html")))
        t = cpu()
        index = SearchIndex(stage / "search")
        by_page = {ed.page: ed for ed in docs}
        for c, s in zip(copies, summaries, strict=True):
            original = c.page.rsplit("-c", 1)[0] if c.page not in by_page else c.page
            index.add(document_page(c.root, s, site / f"{original}.html"))
        names = list(entry_pages(edition.registers))
        for page, _ in names:
            index.add(page)
        index.finish([e for _, e in names])
        t_index = cpu() - t
        for f in stage.rglob("*"):
            if f.is_file():
                dest = out / f.relative_to(stage)
                dest.parent.mkdir(parents=True, exist_ok=True)
                f.replace(dest)
        for c in copies[len(docs) :]:
            shutil.copyfile(site / f"{c.page.rsplit('-c', 1)[0]}.html", out / f"{c.page}.html")
        size = sum(f.stat().st_size for f in (out / "search").glob("*.js"))
        largest = max((f for f in out.rglob("*.html")), key=lambda f: f.stat().st_size)
        cost = ""
        if browser_on:
            from websearch import browser, read_queries, run_ours

            qs = [
                q for q in read_queries() if q.text in ("Kim Il Sung", "August plenum", "Mikoyan")
            ]
            with browser() as b:
                got = run_ours(b, out, qs, out.as_uri() + "/")
            cost = (
                f"{sorted(o.ms for o in got)[1]:.0f}, {sorted(o.bytes for o in got)[1] / 1024:.0f}"
            )
        print(
            f"{n:>9} {t_sum:>8.2f} s {t_site:>9.2f} s {entities:>13} {t_index:>6.2f} s"
            f" {size / 2**20:>8.1f} MB {largest.stat().st_size / 2**20:>7.2f} MB"
            f" ({largest.relative_to(out)}) {cost:>10}"
        )
        shutil.rmtree(out)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    parser.add_argument("--no-pagefind", action="store_true", help="skip Pagefind")
    parser.add_argument(
        "--scale", default="1000,4000,10000", help="sizes of the synthetic editions"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        site = build_times(tmp)
        if not args.no_browser:
            search_quality(site, pagefind=not args.no_pagefind)
        sizes = [int(s) for s in args.scale.split(",") if s.strip()]
        scale(site, tmp, sizes, browser_on=not args.no_browser)


if __name__ == "__main__":
    main(sys.argv[1:])
