"""Script in every place a TEI file's text or attributes can reach the web edition, checked in Chromium.

The html test cases (documents and registers) are made hostile mechanically: every text node gets markup
and script as text, and every attribute is set to (or extended with) a script URL, a quote that would end
the attribute, an event handler, or the URL of a local listener. The edition's title is hostile too. Every
page of the site is then opened (the search page with a search that finds the hostile text): no dialog
opens, no request leaves the site (the listener hears nothing), and the DOM holds no event-handler
attribute, no script URL and no script but the site's own.
"""

from __future__ import annotations

import dataclasses
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from teiedit.builder import BuildOptions
from teiedit.builders.html import HtmlBuilder
from teiedit.config import default_settings
from teiedit.edition import Edition

pytestmark = pytest.mark.browser

CASES = Path(__file__).resolve().parents[1] / "cases" / "html"
TEXT_PAYLOAD = (
    '<script>alert("t")</script><img src=x onerror=alert("i")>'
    "</script><svg onload=alert(1)>javascript:alert(1) {alert(1)} ${alert(1)}"
)
ATTRIBUTE_PAYLOADS = {
    "scheme": lambda value, listen: "javascript:alert(document.domain)",
    "data": lambda value, listen: "data:text/html,<script>alert(1)</script>",
    "quote": lambda value, listen: value + '" onmouseover="alert(1)" x=\'',
    "single": lambda value, listen: value + "' onfocus='alert(1)' autofocus x='",
    "braces": lambda value, listen: value + "{alert(1)}",
    "remote": lambda value, listen: f"{listen}/{value.strip('#')}",
}
#: The scripts the site's pages load (paths in the site): its own, the bundled map library and coastline,
#: the timeline's data and the search index's files (meta, term shards, result fragments).
SITE_SCRIPTS = re.compile(
    r"js/(site|search|timeline|map|world)\.js|vendor/leaflet/leaflet\.js|timeline-data\.js"
    r"|search/(meta|s[0-9]+|f[0-9]+)\.js"
)
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def listener() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request (the site may make none)."""
    heard: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            heard.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", heard
    server.shutdown()


def make_hostile(tree: etree._ElementTree, how: str, listen: str) -> int:
    """Poison every text node and attribute of ``tree``; return how many places were poisoned."""
    places = 0
    for el in tree.getroot().iter():
        if not isinstance(el.tag, str):
            continue
        if el.text is not None or len(el) == 0:
            el.text = (el.text or "") + TEXT_PAYLOAD
            places += 1
        for name, value in list(el.attrib.items()):
            if name == XML_ID:  # the parser insists on an NCName; ids reach the HTML as ids only
                continue
            el.set(name, ATTRIBUTE_PAYLOADS[how](value, listen))
            places += 1
    return places


@pytest.fixture(scope="module", params=sorted(ATTRIBUTE_PAYLOADS))
def hostile_site(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    listener: tuple[str, list[str]],
) -> tuple[Path, int]:
    how = str(request.param)
    root = tmp_path_factory.mktemp(f"hostile-{how}")
    files = []
    places = 0
    for f in sorted(CASES.rglob("*.xml")):
        tree = etree.parse(str(f))
        places += make_hostile(tree, how, listener[0])
        target = root / "src" / f.relative_to(CASES)
        target.parent.mkdir(parents=True, exist_ok=True)
        tree.write(str(target), xml_declaration=True, encoding="UTF-8")
        files.append(target)
    edition = dataclasses.replace(
        default_settings(root),
        title=f"Edition {TEXT_PAYLOAD}",
        base_url="https://example.org/test/",
        registers=root / "src" / "registers",  # the entries' own pages get the payloads too
    )
    out = root / "html"
    HtmlBuilder().build(Edition.from_files(edition, files), out, BuildOptions())
    return out, places


@pytest.fixture(scope="module")
def tab(session_browser):  # type: ignore[no-untyped-def]
    """One page for the module's tests. A browser context and its first page cost about half a second
    of CPU (a renderer process started), as much as a few page loads: opened once, not once per hostile
    site. The sites keep no state in the browser but their reading switch, which no test switches; each
    test listens to the page only while it runs and leaves it blank."""
    context = session_browser.new_context()
    yield context.new_page()
    context.close()


DOM_FINDINGS = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const v = a.value.trim().toLowerCase();
      if (a.name.startsWith('on')) found.push(el.tagName + ' @' + a.name);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(a.name)
          && /^(javascript|data|vbscript):/.test(v)) found.push(el.tagName + ' @' + a.name + '=' + v);
    }
    // the page's JSON-LD is data, never run: allowed only in the head and only as JSON that parses
    const data = el.tagName === 'SCRIPT' && el.getAttribute('type') === 'application/ld+json';
    if (data) {
      try { JSON.parse(el.textContent); } catch (e) { found.push('JSON-LD that does not parse'); }
      if (el.parentElement.tagName !== 'HEAD') found.push('JSON-LD outside the head');
    } else if (el.tagName === 'SCRIPT' && (el.textContent.trim() || !el.getAttribute('src')))
      found.push('inline script');
    if (['IFRAME', 'OBJECT', 'EMBED', 'SVG', 'IMG'].includes(el.tagName)) found.push(el.tagName);
  }
  return found;
}"""


def test_no_script_runs_and_no_request_leaves_the_site(
    hostile_site: tuple[Path, int], tab, listener: tuple[str, list[str]]
) -> None:  # type: ignore[no-untyped-def]
    site, places = hostile_site
    assert places > 200  # the cases were poisoned everywhere
    page = tab
    dialogs: list[str] = []
    requests: list[str] = []
    errors: list[str] = []
    listening = {
        "dialog": lambda d: (dialogs.append(d.message), d.dismiss()),
        "request": lambda r: requests.append(r.url),
        "pageerror": lambda e: errors.append(str(e)),
    }
    for event, handler in listening.items():
        page.on(event, handler)
    try:
        scripts = _open_every_page(page, site)
    finally:
        page.goto("about:blank")  # the next test starts on no page of this site,
        page.mouse.move(0, 0)  # with the mouse where a new page has it
        for event, handler in listening.items():
            page.remove_listener(event, handler)
    assert dialogs == []
    assert errors == []
    site_uri = site.as_uri()
    assert scripts and all(u.startswith(site_uri + "/") for u in scripts), scripts
    assert [u for u in scripts if not SITE_SCRIPTS.fullmatch(u[len(site_uri) + 1 :])] == []
    assert [u for u in requests if not u.startswith(site_uri)] == []
    assert listener[1] == []


def _open_every_page(page, site: Path) -> set[str]:  # type: ignore[no-untyped-def]
    """Open every page of ``site`` (and two searches for the hostile text) in ``page``, checking each
    page's DOM after a mouse move and a Tab; the sources of the scripts the pages load."""
    pages = sorted(
        p.relative_to(site).as_posix()
        for p in [*site.glob("*.html"), *site.glob("entities/*.html")]
    )
    assert "index.html" in pages and "search.html" in pages and len(pages) > 8
    assert any(p.startswith("entities/") for p in pages)
    scripts: set[str] = set()
    for name in [*pages, "search.html?q=alert", "search.html?q=script"]:
        page.goto(
            (site / name.split("?")[0]).as_uri() + ("?" + name.split("?")[1] if "?" in name else "")
        )
        page.wait_for_load_state("load")
        page.mouse.move(10, 10)
        page.keyboard.press("Tab")
        # the findings and the page's scripts in one round trip to the browser
        findings, sources = page.evaluate(
            f"() => [({DOM_FINDINGS})(), [...document.scripts]"
            ".filter(s => s.type !== 'application/ld+json').map(s => s.src)]"
        )
        assert findings == [], name
        scripts |= set(sources)
        if name.startswith("search.html?q="):
            assert page.locator("#search-results li").count() > 0  # the hostile text was found
    return scripts


def test_the_dom_check_sees_what_it_looks_for(tmp_path: Path, tab) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<html><body><a href="javascript:x()">a</a><p onclick="x()">p</p>'
        '<script>var x = 1;</script><img src="data:,"></body></html>',
        encoding="utf-8",
    )
    tab.goto(bad.as_uri())
    found = tab.evaluate(DOM_FINDINGS)
    tab.goto("about:blank")
    tab.mouse.move(0, 0)
    assert sorted(found) == sorted(
        ["A @href=javascript:x()", "P @onclick", "inline script", "IMG @src=data:,", "IMG"]
    )
