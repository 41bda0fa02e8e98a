"""Search measurements in Chromium (Playwright, Debian's /usr/bin/chromium) for benchmarks/web.py: teiedit's
search and Pagefind's on the same site and the same queries: the top 10 of each query, its precision and
recall against benchmarks/eval/search-queries.tsv, the time to the first results shown and the bytes a
query makes the browser read. Local only: file:// or an HTTP server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
QUERIES = Path(__file__).resolve().parent / "eval" / "search-queries.tsv"


@dataclass
class Query:
    text: str
    kind: str
    expected: set[str]


@dataclass
class Outcome:
    query: Query
    top: list[str]  # page paths without .html
    ms: float  # time to the first results shown
    bytes: int  # bytes of the files the query made the browser read

    @property
    def precision(self) -> float:
        return sum(p in self.query.expected for p in self.top) / len(self.top) if self.top else 0.0

    @property
    def recall(self) -> float:
        wanted = min(10, len(self.query.expected))
        return sum(p in self.query.expected for p in self.top) / wanted if wanted else 1.0


def read_queries(path: Path = QUERIES) -> list[Query]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("query\t"):
            continue
        text, kind, expected = line.split("\t")
        out.append(Query(text, kind, set(expected.split())))
    return out


def _page(href: str, base: str) -> str:
    path = unquote(urlsplit(href).path)
    if path.startswith(urlsplit(base).path):
        path = path[len(urlsplit(base).path) :]
    return path.lstrip("/").removesuffix(".html")


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """An HTTP server for ``folder`` on 127.0.0.1 (a free port), quiet; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            yield b
        finally:
            b.close()


def _bytes_read(page: object, site: Path, base: str) -> int:
    """What the page made the browser read: the files of its scripts and style sheets (those the search
    added included) and the page itself."""
    urls = page.evaluate(  # type: ignore[attr-defined]
        "[location.href, ...[...document.querySelectorAll('script[src]')].map(s => s.src),"
        " ...[...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href)]"
    )
    total = 0
    for url in dict.fromkeys(urls):
        path = unquote(urlsplit(url).path)
        file = site / path.lstrip("/") if base.startswith("http") else Path(path)
        if file.is_file():
            total += file.stat().st_size
    return total


def run_ours(b: object, site: Path, queries: list[Query], base: str) -> list[Outcome]:
    """teiedit's search, each query on a fresh page (a reader's first query: nothing cached)."""
    out = []
    for q in queries:
        context = b.new_context()  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(base + "search.html?q=" + quote(q.text))
        page.wait_for_function(
            "document.getElementById('search-status').textContent.indexOf('found') >= 0"
            " && (document.body.dataset.searchMs || document.getElementById('search-status')"
            ".textContent.indexOf('0 pages') === 0)"
        )
        hrefs = page.eval_on_selector_all("#search-results li > a", "as => as.map(a => a.href)")
        ms = float(page.evaluate("document.body.dataset.searchMs || 0"))
        size = _bytes_read(page, site, base)  # the page's own scripts and style sheet included
        out.append(Outcome(q, [_page(h, base) for h in hrefs[:10]], ms, size))
        context.close()
    return out


PAGEFIND_QUERY = """async (q) => {
  const t0 = performance.now();
  const pf = await import('/pagefind/pagefind.js');
  await pf.init();
  const r = await pf.search(q);
  const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
  return [performance.now() - t0, data.map(d => d.url)];
}"""


def build_pagefind(site: Path) -> tuple[float, int]:
    """Index ``site`` with Pagefind (the documents' and entries' pages, their main element); return the
    CPU seconds it took (as reported by the OS for the child) and the index's bytes."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site),
            "--root-selector",
            "main",
            "--glob",
            "{*.html,entities/*.html}",
            "--exclude-selectors",
            "nav, .reading-tools, .pager, .entities, .mentions, .cooccurring, .letters",
            "--silent",
        ],
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    size = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
    return cpu, size


def run_pagefind(b: object, site: Path, queries: list[Query], base: str) -> list[Outcome]:
    """Pagefind's JavaScript API on the same site, served over HTTP (it fetches its index)."""
    out = []
    for q in queries:
        context = b.new_context()  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(base + "timeline.html")
        page.evaluate("performance.clearResourceTimings()")
        ms, urls = page.evaluate(PAGEFIND_QUERY, q.text)
        size = sum(
            page.evaluate(
                "performance.getEntriesByType('resource').map(e => e.encodedBodySize || e.transferSize)"
            )
        )
        out.append(Outcome(q, [_page(u, base) for u in urls], float(ms), int(size)))
        context.close()
    return out


def summary(name: str, outcomes: list[Outcome]) -> str:
    n = len(outcomes)
    p = sum(o.precision for o in outcomes) / n
    r = sum(o.recall for o in outcomes) / n
    ms = sorted(o.ms for o in outcomes)
    kb = sorted(o.bytes / 1024 for o in outcomes)
    return (
        f"{name:<10} precision@10 {p:.3f}  recall@10 {r:.3f}  first results {ms[n // 2]:.0f} ms median"
        f" ({ms[-1]:.0f} max)  read {kb[n // 2]:.0f} KB median ({kb[-1]:.0f} max)"
    )
