"""The web edition in a real browser: Playwright driving Debian's chromium (/usr/bin/chromium), headless,
over file:// (the site needs no server).

Accessibility: there is no network at test time, so instead of axe-core these tests check what axe's
serious rules check on our pages: landmarks, names of form controls and links, heading order, colour
contrast of the palette (WCAG AA), visible keyboard focus, and that the skip link comes first.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import reused_page
from lxml import html

from teiedit.builder import BuildOptions
from teiedit.builders.html import HtmlBuilder
from teiedit.config import default_settings
from teiedit.edition import Edition
from teiedit.workers import Workers

pytestmark = pytest.mark.browser

CASES = Path(__file__).resolve().parent.parent / "cases" / "html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    src = root / "src"
    shutil.copytree(CASES, src)
    edition = dataclasses.replace(
        default_settings(root), title="Test Edition", base_url="https://example.org/test/"
    )
    out = root / "html"
    HtmlBuilder().build(
        Edition.from_files(edition, sorted(src.rglob("*.xml"))), out, BuildOptions()
    )
    return out


@pytest.fixture(scope="module")
def tab(session_browser):  # type: ignore[no-untyped-def]
    """One page for the module's tests that need no context of their own (see ``reused_page``)."""
    context = session_browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def page(tab):  # type: ignore[no-untyped-def]
    """The module's page, for one test; ``page.errors``: console errors and uncaught exceptions."""
    yield from reused_page(tab)


def url(site: Path, name: str) -> str:
    return (site / name).as_uri()


def all_pages(site: Path, entities: int | None = None) -> list[str]:
    """Every page of the site (paths from its root); ``entities``: at most that many entity pages."""
    pages = sorted(p.name for p in site.glob("*.html"))
    found = sorted(f"entities/{p.name}" for p in (site / "entities").glob("*.html"))
    return pages + (found if entities is None else found[:: max(1, len(found) // entities)])


def test_every_page_loads_without_console_errors(site_walk: Walk) -> None:
    assert "index.html" in site_walk.pages and len(site_walk.pages) > 5
    assert [name for name in site_walk.pages if not site_walk.scripted[name]] == []
    assert site_walk.errors == []  # nor while the audits ran and the reading tools were switched
    assert site_walk.failed == []


def test_reading_switch_shows_the_original_or_the_corrected_reading(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "letter-a.html"))
    corrected = page.locator(".choice.repaired .corr")
    original = page.locator(".choice.repaired .sic")
    assert corrected.is_visible() and not original.is_visible()
    page.get_by_label("as in the source").check()
    assert original.is_visible() and not corrected.is_visible()
    assert (
        page.locator(".choice .orig").is_visible() and not page.locator(".choice .reg").is_visible()
    )
    # the original reading has no teiedit notes (docs/tei-conventions.md)
    assert not page.locator("#noteref-3").is_visible() and page.locator("#noteref-1").is_visible()
    page.get_by_label("corrected").check()
    assert corrected.is_visible() and not original.is_visible()
    # the choice is remembered on the next page load
    page.get_by_label("as in the source").check()
    page.reload()
    assert original.is_visible()
    assert page.errors == []


def test_reading_switch_works_without_javascript(site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(url(site, "letter-a.html"))
    assert pg.locator(".choice.repaired .corr").is_visible()
    pg.get_by_label("as in the source").check()
    assert pg.locator(".choice.repaired .sic").is_visible()
    assert not pg.locator(".choice.repaired .corr").is_visible()
    assert "Ten carts, as said." in pg.locator("main").inner_text()
    pg.goto(url(site, "index.html"))
    assert pg.locator("#documents tbody tr").count() == 4
    context.close()


def test_names_are_highlighted_on_demand(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "letter-a.html"))
    name = page.locator("a.entity.persName").first
    background = (
        "getComputedStyle(document.querySelector('main a.entity.persName')).backgroundColor"
    )
    assert page.evaluate(background) == "rgba(0, 0, 0, 0)"
    page.get_by_label("highlight names").check()
    assert page.evaluate(background) != "rgba(0, 0, 0, 0)"
    assert name.is_visible()
    page.get_by_label("highlight names").uncheck()
    assert page.evaluate(background) == "rgba(0, 0, 0, 0)"


def test_popups_show_descriptions_on_hover_and_focus(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "letter-a.html"))
    page.locator("#m-p-dorn-1").hover()
    popup = page.locator("#teiedit-popup")
    assert popup.is_visible()
    assert popup.inner_text() == "Carl Dorn: Clerk of the Cooperative."
    page.mouse.move(0, 0)
    assert not popup.is_visible()
    page.locator("#m-o-coop-1").focus()
    assert popup.is_visible() and "farmers' cooperative" in popup.inner_text()
    page.keyboard.press("Escape")
    assert not popup.is_visible()
    page.locator("#noteref-1").hover()
    assert popup.inner_text() == "Of cabbages, mostly."
    assert page.errors == []


def search(page, site: Path, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Run a query on the search page; the results' titles."""
    page.goto(url(site, "search.html") + "?q=" + query)
    page.wait_for_function(
        "document.getElementById('search-status').textContent.indexOf('found') >= 0"
    )
    return [a.inner_text() for a in page.locator("#search-results li > a").all()]


def test_search_finds_words_and_links_to_the_hit(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "index.html"))
    page.fill("#site-q", "carts arrived")
    page.press("#site-q", "Enter")
    page.wait_for_url("**/search.html?q=*")
    page.wait_for_function(
        "document.getElementById('search-status').textContent.indexOf('found') >= 0"
    )
    results = page.locator("#search-results li")
    assert results.count() == 1
    assert page.locator("#search-status").inner_text() == "1 page found."
    snippet = results.first.locator(".snippet")
    assert snippet.inner_text() == "Dear Anna, the carts from Northtown arrived."
    assert [m.inner_text() for m in snippet.locator("mark").all()] == ["carts", "arrived"]
    link = results.first.locator("a")
    assert link.inner_text() == "Reply from Carl Dorn to Anna Berg"
    href = link.get_attribute("href")
    assert href.startswith("letter-b.html?hl=carts%20arrived#")
    link.click()
    page.wait_for_url("**/letter-b.html?hl=*")
    fragment = unquote(urlsplit(page.url).fragment)
    target = page.locator(f"[id='{fragment}']")
    assert "carts" in target.inner_text()
    # the words searched are marked on the page the result opens
    assert [m.inner_text() for m in target.locator("mark.search-hit").all()] == ["carts", "arrived"]
    assert page.locator(".search-notice").inner_text().startswith("3 hits of")
    page.get_by_role("button", name="Remove the marks").click()
    assert page.locator("mark.search-hit").count() == 0
    assert page.errors == []


def test_search_ranks_phrases_prefixes_and_register_spellings(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    # case and diacritics do not matter
    assert search(page, site, "CABBAGES") == ["Letter from Anna Berg to Carl Dorn"]
    # a phrase: the words next to each other, in this order
    assert search(page, site, '"ten carts"') == ["Letter from Anna Berg to Carl Dorn"]
    assert search(page, site, '"carts ten"') == []
    # a prefix
    assert "Memorandum on the carts" in search(page, site, "count*")
    # a spelling only the register knows finds the person's page first, then the documents naming her
    found = search(page, site, "Anna Bergov%C3%A1")
    assert found[0] == "Anna Berg"
    assert {"Letter from Anna Berg to Carl Dorn", "Reply from Carl Dorn to Anna Berg"} <= set(found)
    # the damaged reading is not text; it is found only when asked for
    assert search(page, site, "poer") == []
    page.get_by_label("also the source's original reading").check()
    page.wait_for_function(
        "document.getElementById('search-status').textContent.indexOf('1 page') >= 0"
    )
    assert (
        page.locator("#search-results li > a").first.inner_text()
        == "Letter from Anna Berg to Carl Dorn"
    )
    assert page.errors == []


def test_search_facets_narrow_the_results(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    found = search(page, site, "carts")
    assert len(found) == 5 and "Kim Chol" in found  # four documents and a register entry's page
    page.select_option("#facet-kind", "memorandum")
    page.wait_for_function(
        "document.getElementById('search-status').textContent === '1 page found.'"
    )
    assert page.locator("#search-results li > a").first.inner_text() == "Memorandum on the carts"
    assert "kind=memorandum" in page.url
    page.select_option("#facet-kind", "")
    page.select_option("#facet-place", "pl-north")
    page.wait_for_function(
        "document.getElementById('search-status').textContent === '3 pages found.'"
    )
    titles = {a.inner_text() for a in page.locator("#search-results li > a").all()}
    assert "Memorandum on the carts" not in titles
    # facets alone browse: every document naming the organisation
    page.goto(url(site, "search.html") + "?org=o-coop")
    page.wait_for_function(
        "document.getElementById('search-status').textContent === '2 pages found.'"
    )
    assert page.errors == []


def test_index_filters_and_sorting(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "index.html"))
    rows = page.locator("#documents tbody tr")
    visible = page.locator("#documents tbody tr:visible")
    assert page.locator("#filters").is_visible()
    page.select_option("#filter-kind", "memorandum")
    assert visible.count() == 1 and "Memorandum on the carts" in visible.first.inner_text()
    assert page.locator("#filter-count").inner_text() == "1 of 4 documents"
    page.select_option("#filter-kind", "")
    page.select_option("#filter-org", "o-coop")
    assert visible.count() == 2
    page.select_option("#filter-place", "pl-capital")
    assert visible.count() == 1 and "Letter from Anna Berg" in visible.first.inner_text()
    page.select_option("#filter-org", "")
    page.select_option("#filter-place", "")
    page.select_option("#filter-person", "p-dorn")
    assert visible.count() == 2
    page.select_option("#filter-year", "1957")
    assert visible.count() == 0
    page.select_option("#filter-person", "")
    assert visible.count() == 2
    page.select_option("#filter-year", "")
    assert visible.count() == 4
    page.get_by_role("button", name="Title").click()
    titles = [rows.nth(i).locator("td").nth(1).inner_text() for i in range(4)]
    assert titles == sorted(titles, key=str.lower)
    page.get_by_role("button", name="Title").click()
    titles_desc = [rows.nth(i).locator("td").nth(1).inner_text() for i in range(4)]
    assert titles_desc == sorted(titles, key=str.lower, reverse=True)
    assert page.locator("th[aria-sort='descending']").inner_text().startswith("Title")
    assert page.errors == []


def test_internal_links_all_resolve(site: Path) -> None:
    pages = all_pages(site)
    assert "index.html" in pages and len(pages) > 5
    checked = 0
    ids: dict[Path, set[str]] = {}
    for name in pages:
        tree = html.parse(str(site / name))
        for href in tree.xpath("//a/@href | //link/@href | //script/@src | //form/@action"):
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue  # external (authority files, licences, stable URLs)
            checked += 1
            target = (site / name).parent / unquote(parts.path) if parts.path else site / name
            target = target.resolve()
            assert target.is_file(), f"{name}: {href}"
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(html.parse(str(target)).xpath("//@id"))
                assert unquote(parts.fragment) in ids[target], f"{name}: {href}"
    assert checked > 50  # links within the site were followed


# -- entity pages, maps, citations, timeline -------------------------------------------------------


def test_entity_page_shows_mentions_in_context_and_links_to_them(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "letter-a.html"))
    page.locator("#m-p-dorn-1").click()
    page.wait_for_url("**/entities/p-dorn.html")
    assert page.locator("h1").inner_text() == "Carl Dorn"
    kwic = page.locator("ul.kwic li").first
    assert " ".join(kwic.inner_text().split()) == "Dear Carl ,"
    assert page.locator(".letters-sent a").inner_text() == "Reply from Carl Dorn to Anna Berg"
    kwic.locator("a.mention").click()
    page.wait_for_url("**/letter-a.html#m-p-dorn-1")
    assert page.evaluate("document.querySelector(':target').textContent") == "Carl"
    assert page.errors == []


def test_a_place_is_on_its_map_and_on_the_registers_map(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "entities/pl-north.html"))
    canvas = page.locator("#entity-map")
    assert canvas.is_visible()
    view = canvas.get_attribute("data-view")
    assert view in ("leaflet", "still")
    if (
        view == "leaflet"
    ):  # Leaflet is installed (make install): one marker, its tooltip names the place
        markers = page.locator("#entity-map path.leaflet-interactive")
        assert markers.count() == 1
        markers.first.hover()
        assert page.locator(".leaflet-tooltip").inner_text() == "Northtown"
        assert page.get_by_role(
            "button", name="Show the base map (OpenStreetMap; needs a connection)"
        ).is_visible()
    else:
        assert page.locator("#entity-map g.place").get_attribute("data-name") == "Northtown"
    page.goto(url(site, "places.html"))
    names = [
        a.inner_text()
        for a in page.locator("#register-map ~ ul.map-points a, figure.map ul.map-points a").all()
    ]
    assert sorted(set(names)) == ["Northtown", "The Capital"]
    assert page.errors == []


def test_a_map_without_leaflet_is_a_still_picture(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.route("**/vendor/leaflet/*", lambda route: route.abort())
    page.goto(url(site, "places.html"))
    assert page.locator("#register-map").get_attribute("data-view") == "still"
    names = {g.get_attribute("data-name") for g in page.locator("#register-map g.place").all()}
    assert names == {"Northtown", "The Capital"}


def test_permalinks_show_the_passage_url_in_the_cite_box(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "letter-a.html"))
    paragraph = page.locator("main .tei-text p", has_text="The harvest")
    pid = paragraph.get_attribute("id")
    paragraph.locator("a.permalink").click()
    box = page.locator(".paragraph-link")
    assert box.is_visible()
    assert box.locator("a").inner_text() == f"https://example.org/test/letter-a.html#{pid}"
    # a note has its link too, and a URL with the passage's id shows it at once
    assert page.locator("section.footnotes li a.permalink").count() >= 1
    page.goto(url(site, "letter-a.html") + "#note-1")
    assert page.locator(".paragraph-url").inner_text().endswith("letter-a.html#note-1")
    assert page.errors == []


def test_the_passage_link_copies_its_url_from_the_keyboard(site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    pg = context.new_page()
    pg.goto(url(site, "letter-a.html"))
    paragraph = pg.locator("main .tei-text p", has_text="The harvest")
    link = paragraph.locator("a.permalink")
    link.focus()
    pg.keyboard.press("Enter")
    pg.wait_for_function("document.querySelector('a.permalink[data-copied=yes]') !== null")
    expected = f"https://example.org/test/letter-a.html#{paragraph.get_attribute('id')}"
    assert pg.evaluate("navigator.clipboard.readText()") == expected
    assert pg.locator(".paragraph-url").inner_text() == expected
    context.close()


def test_timeline_chart_zooms(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "timeline.html"))
    chart = page.locator("#timeline-chart")
    assert chart.is_visible()
    points = page.locator(".chart-canvas circle.point")
    total = points.count()
    assert total == 4 + 1  # the documents and Kim Chol's birth
    assert "5 of 5 dates" in page.locator(".chart-range").inner_text()
    listed = [a.inner_text() for a in page.locator(".chart-selection a").all()]
    assert listed[0] == "Kim Chol: birth" and "Memorandum on the carts" in listed
    for _ in range(6):
        page.get_by_role("button", name="Zoom in").click()
    assert points.count() < total
    page.get_by_role("button", name="Whole period").click()
    assert points.count() == total
    page.locator(".chart-canvas").focus()
    page.keyboard.press("+")
    assert "of 5 dates" in page.locator(".chart-range").inner_text()
    assert page.errors == []


def test_the_reading_legend_stays_one_word_on_a_phone(site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 800})
    pg = context.new_page()
    pg.goto(url(site, "letter-a.html"))
    legend = pg.locator(".reading-tools legend")
    height = legend.evaluate("e => e.getBoundingClientRect().height")
    line = legend.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
    assert legend.inner_text() == "Reading" and height < 1.5 * line
    context.close()


# -- accessibility ----------------------------------------------------------------------------------

A11Y_AUDIT = """
() => {
  const problems = [];
  const one = (sel, what) => { if (document.querySelectorAll(sel).length !== 1) problems.push('landmark ' + what); };
  one('body > header', 'banner'); one('main', 'main'); one('body > footer', 'contentinfo');
  if (!document.querySelector('nav[aria-label]')) problems.push('no labelled navigation');
  if (!document.documentElement.lang) problems.push('no lang on html');
  if (!document.title.trim()) problems.push('no title');
  if (document.querySelectorAll('h1').length !== 1) problems.push('h1 count');
  let last = 1;
  for (const h of document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')) {
    const level = +h.tagName[1];
    if (level > last + 1) problems.push('heading jumps to ' + h.tagName + ': ' + h.textContent.trim());
    last = level;
  }
  for (const c of document.querySelectorAll('input, select, textarea, button')) {
    if (c.type === 'hidden') continue;
    const labelled = (c.labels && c.labels.length) || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby')
                     || (c.tagName === 'BUTTON' && c.textContent.trim());
    if (!labelled) problems.push('unlabelled control ' + (c.id || c.name || c.tagName));
  }
  for (const a of document.querySelectorAll('a[href]')) {
    if (!(a.textContent.trim() || a.getAttribute('aria-label'))) problems.push('empty link ' + a.getAttribute('href'));
  }
  for (const el of document.querySelectorAll('[aria-describedby], [aria-labelledby]')) {
    for (const attr of ['aria-describedby', 'aria-labelledby']) {
      for (const id of (el.getAttribute(attr) || '').split(/\\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) problems.push(attr + ' to missing ' + id);
      }
    }
  }
  // colour contrast of every visible text (WCAG AA: 4.5:1, 3:1 for large text)
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = c => { const v = c.slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
                     return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const background = el => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
                             if (c.length === 3 || c[3] > 0) return c; } return [255, 255, 255]; };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || seen.has(el) || !el.checkVisibility()) continue;
    seen.add(el);
    const st = getComputedStyle(el);
    const fg = rgb(st.color), bg = background(el);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const large = parseFloat(st.fontSize) >= 24 || (parseFloat(st.fontSize) >= 18.66 && +st.fontWeight >= 700);
    if (ratio < (large ? 3 : 4.5)) problems.push('contrast ' + ratio.toFixed(2) + ' for "' + el.textContent.trim().slice(0, 30) + '"');
  }
  return problems;
}
"""


def test_pages_pass_the_accessibility_audit(site_walk: Walk) -> None:
    assert "letter-a.html" in site_walk.audit and set(site_walk.audit) == set(site_walk.pages)
    # letter-a.html's findings include those with the highlighting and the original reading on
    assert {name: found for name, found in site_walk.audit.items() if found} == {}


def test_the_audit_catches_poor_contrast(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "memo-c.html"))
    page.add_style_tag(content="main p { color: #bbb !important; }")
    assert any(p.startswith("contrast") for p in page.evaluate(A11Y_AUDIT))


def test_keyboard_focus_is_visible_and_starts_with_the_skip_link(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "letter-a.html"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.locator(".skip").is_visible()
    for _ in range(25):
        page.keyboard.press("Tab")
        style = page.evaluate("""() => { const e = document.activeElement; const s = getComputedStyle(e);
            return [e.tagName, s.outlineStyle, s.outlineWidth]; }""")
        if style[0] in ("A", "BUTTON"):
            assert style[1] != "none" and style[2] != "0px", style
    page.goto(url(site, "letter-a.html"))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


CONTROLS = """() => {
  const found = [];
  document.querySelectorAll('a[href], button, select, input, textarea, summary, [tabindex]').forEach((e, i) => {
    if (!e.checkVisibility() || e.disabled || e.type === 'hidden' || e.tabIndex < 0) return;
    if (e.type === 'radio' && !e.checked) return;  // a radio group is one stop; arrows move within it
    e.dataset.control = String(i);
    found.push([String(i), e.tagName + ' ' + (e.getAttribute('aria-label') || e.textContent || e.id || '').trim().slice(0, 40)]);
  });
  return found;
}"""


REACHED = """() => {
  window.teieditReached = [];
  window.addEventListener('keyup', e => {
    if (e.key === 'Tab') window.teieditReached.push(document.activeElement.dataset.control || '');
  }, true);
}"""


def test_every_control_is_reachable_from_the_keyboard(site: Path, page) -> None:  # type: ignore[no-untyped-def]
    """Tab reaches every visible link, button, field and focusable widget of each page type."""
    unreachable = {}
    for name in ("index.html", "search.html?q=carts", "timeline.html", "places.html",
                 "entities/pl-north.html", "letter-a.html"):  # fmt: skip
        page.goto(url(site, name.split("?")[0]) + (name[name.index("?") :] if "?" in name else ""))
        if name.startswith("search"):
            page.wait_for_function("document.querySelectorAll('#search-results li').length > 0")
        controls = dict(page.evaluate(CONTROLS))
        assert len(controls) >= 5, name
        # what has the focus when each Tab is released, noted by the page and read once at the end
        # (not asked after each press: a round trip to the browser each)
        page.evaluate(REACHED)
        for _ in range(len(controls) + 20):
            page.keyboard.press("Tab")
        reached = set(page.evaluate("window.teieditReached"))
        assert len(reached) > 1, name  # the Tabs were noted
        missing = [label for key, label in controls.items() if key not in reached]
        if missing:
            unreachable[name] = missing
    assert unreachable == {}


# -- the repository's own edition ------------------------------------------------------------------


@pytest.fixture(scope="module")
def edition_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The web edition of this repository's tei/ (documents and registers, whatever they hold today)."""
    from teiedit.config import load_settings
    from teiedit.edition_files import edition_tei_files

    repo = Path(__file__).resolve().parents[2]
    edition = load_settings(repo)
    files = edition_tei_files(edition)
    assert files, "the repository's tei/ holds no documents"
    out = tmp_path_factory.mktemp("edition") / "html"
    # In this process, not a pool's workers (each would start, import teiedit and load the edition
    # again); a pool writes the same pages (tests/test_scale.py).
    serial = BuildOptions(workers=Workers(jobs=1))
    HtmlBuilder().build(Edition.from_files(edition, files), out, serial)
    return out


def test_the_edition_loads_cleanly_and_passes_the_audit(edition_walk: Walk) -> None:
    assert "index.html" in edition_walk.pages and set(edition_walk.audit) == set(edition_walk.pages)
    assert {name: found[:5] for name, found in edition_walk.audit.items() if found} == {}
    assert edition_walk.errors == [] and edition_walk.failed == []


def test_the_edition_links_all_resolve(edition_site: Path) -> None:
    test_internal_links_all_resolve(edition_site)


def test_pages_fit_a_phone_screen(site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 360, "height": 740})
    pg = context.new_page()
    wide = {}
    for name in all_pages(site):
        pg.goto(url(site, name))
        width = pg.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide[name] = width
    context.close()
    assert wide == {}


# -- axe-core, when installed ------------------------------------------------------------------------


def axe_script() -> Path | None:
    """axe-core from npm, installed at set-up time (never fetched by the tests):
    ``npm install --no-save --prefix .venv/node axe-core@4`` or a path in $TEIEDIT_AXE."""
    import os

    repo = Path(__file__).resolve().parents[2]
    for candidate in (
        os.environ.get("TEIEDIT_AXE", ""),
        str(repo / ".venv" / "node" / "node_modules" / "axe-core" / "axe.min.js"),
    ):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def axe_findings(page, script: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """axe's serious and critical findings on the page as it is, with no request of axe's own.

    By default axe.run first reads every stylesheet's rules (its "cssom" preload) and asks by
    XMLHttpRequest for those it may not read: over file:// that is every one (a file:// page is an
    opaque origin), and file:// refuses the requests. The refusals were console errors arriving
    whenever the browser got to them, after the page's next errors or before, so taking them off the
    walk's errors was a race (the request for leaflet.css on a page with a map lost it under load).
    The preload failed anyway, so axe's findings are the same without it; no console error is
    taken off now."""
    page.add_script_tag(url=script.as_uri())  # a URL: V8 keeps its compiled code between pages
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations'], preload: false}))"
        ".violations.map(v => [v.id, v.impact, v.nodes.length])"
    )
    return [
        f"{rule} ({impact}, {n} nodes)"
        for rule, impact, n in violations
        if impact in ("serious", "critical")
    ]


@pytest.mark.parametrize("which", ["fixtures", "edition"])
def test_axe_core_finds_nothing_serious(which: str, request: pytest.FixtureRequest) -> None:
    walk: Walk = request.getfixturevalue("site_walk" if which == "fixtures" else "edition_walk")
    if walk.axe is None:
        pytest.fail(
            "axe-core is not installed: `make test` installs it "
            "(npm install --no-save --prefix .venv/node axe-core@4)"
        )
    assert set(walk.pages) <= set(walk.axe)  # every page was audited
    if which == "fixtures":  # the states a reader brings pages into: results shown, hits marked
        assert {"search results", "marked hits"} <= set(walk.axe)
    assert {name: found for name, found in walk.axe.items() if found} == {}


# -- one walk over a site's pages: loading each page once serves the console, audit and axe tests -------


@dataclasses.dataclass
class Walk:
    """What one visit of every page of a site found: the pages (paths from the site's root), whether
    each ran its script, the audit's and axe's findings by page (axe: None when not installed), and
    the console errors and uncaught exceptions of the whole walk, and the requests that failed."""

    pages: list[str]
    scripted: dict[str, bool]
    audit: dict[str, list[str]]
    axe: dict[str, list[str]] | None
    errors: list[str]
    failed: list[str]


def walk_site(browser, root: Path, entities: int | None, states: bool) -> Walk:  # type: ignore[no-untyped-def]
    """Open every page of ``root`` once (in a context of its own) and run the checks on it; on
    letter-a.html also with the highlighting on (axe, the audit) and then the original reading (the
    audit); with ``states``, axe also on a page of search results and on a page with marked hits."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    failed: list[str] = []  # a request refused (one of axe's own, once) is a failure even unlogged
    page.on("requestfailed", lambda r: failed.append(f"{r.resource_type} {r.url}"))
    script = axe_script()
    pages = all_pages(root, entities)
    scripted: dict[str, bool] = {}
    audit: dict[str, list[str]] = {}
    axe: dict[str, list[str]] = {}
    for name in pages:
        page.goto(url(root, name))
        page.wait_for_load_state("load")
        scripted[name] = bool(page.evaluate("document.documentElement.classList.contains('js')"))
        audit[name] = page.evaluate(A11Y_AUDIT)
        if name == "letter-a.html":
            page.get_by_label("highlight names").check()
        if script is not None:
            axe[name] = axe_findings(page, script)
        if name == "letter-a.html":  # the audit again, with the original reading on too
            page.get_by_label("as in the source").check()
            audit[name] += page.evaluate(A11Y_AUDIT)
    if states and script is not None:
        page.goto(url(root, "search.html") + "?q=carts&kind=letter")
        page.wait_for_function("document.querySelectorAll('#search-results li').length > 0")
        axe["search results"] = axe_findings(page, script)
        page.goto(url(root, "letter-b.html") + "?hl=carts")
        assert page.locator("mark.search-hit").count() > 0
        axe["marked hits"] = axe_findings(page, script)
    context.close()
    return Walk(pages, scripted, audit, axe if script is not None else None, errors, failed)


@pytest.fixture(scope="module")
def site_walk(site: Path, session_browser) -> Walk:  # type: ignore[no-untyped-def]
    return walk_site(session_browser, site, None, states=True)


@pytest.fixture(scope="module")
def edition_walk(edition_site: Path, session_browser) -> Walk:  # type: ignore[no-untyped-def]
    return walk_site(session_browser, edition_site, 12, states=False)
