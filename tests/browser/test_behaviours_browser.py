"""The processing model's behaviours in a real browser (Playwright driving Debian's chromium), one file of
each kind: a critical collation (sigla shown on hover and focus), a Syriac text (laid out right to left), a
document with a facsimile (its image displayed, and zoomable), a letter with a table (laid out as a table).
The collation, the Syriac text and the letter come from the shared external corpus; the facsimile document
is written for the tests, with an image made here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import reused_page

from teiedit.builder import BuildOptions
from teiedit.builders.html import HtmlBuilder
from teiedit.config import default_settings
from teiedit.edition import Edition, safe_page_names

pytestmark = pytest.mark.browser

TESTS = Path(__file__).resolve().parent.parent
EXTERNAL = TESTS.parent.parent / "shared" / "corpora" / "external-tei"
KINDS = {
    "apparatus": EXTERNAL / "jjmccollum" / "teiphy" / "tests" / "fixed_rates_example.xml",
    "rtl": EXTERNAL / "srophe" / "syriac-corpus" / "data" / "tei" / "175.xml",
    "table": EXTERNAL
    / "stazh"
    / "briefedition-escher"
    / "data"
    / "briefe"
    / "K_8232_Kauffmann_Jakob_an_Escher_1875-05-17.xml",
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Kind -> URL of its page."""
    root = tmp_path_factory.mktemp("behaviours-browser")
    for path in KINDS.values():
        if not path.is_file():
            pytest.fail(f"the shared corpus is missing {path}")
    from PIL import Image

    shutil.copyfile(TESTS / "cases" / "behaviours" / "varia.xml", root / "varia.xml")
    (root / "images").mkdir()
    Image.new("RGB", (400, 200), (200, 180, 120)).save(root / "images" / "page1.png")
    files = [*KINDS.values(), root / "varia.xml"]
    out = root / "html"
    HtmlBuilder().build(Edition.from_files(default_settings(root), files), out, BuildOptions())
    names = dict(zip([*KINDS, "image"], safe_page_names(files), strict=True))
    return {kind: (out / f"{name}.html").as_uri() for kind, name in names.items()}


@pytest.fixture(scope="module")
def tab(session_browser):  # type: ignore[no-untyped-def]
    """One page for the module's tests (see ``reused_page``)."""
    context = session_browser.new_context(viewport={"width": 1300, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def page(tab):  # type: ignore[no-untyped-def]
    """The module's page, for one test; ``page.errors``: console errors and uncaught exceptions."""
    yield from reused_page(tab)


def test_apparatus_sigla_show_on_hover_and_focus(pages: dict[str, str], page) -> None:  # type: ignore[no-untyped-def]
    page.goto(pages["apparatus"])
    apps = page.locator("span.app")
    assert apps.count() == 42
    app = apps.nth(1)
    sigla = app.locator(".app-entry .wit").first
    assert not sigla.is_visible()
    app.hover()
    assert sigla.is_visible()
    assert "UBS" in sigla.inner_text()
    page.mouse.move(0, 0)
    assert not sigla.is_visible()
    app.focus()
    assert sigla.is_visible()
    # the lemma's words are spaced as words
    assert app.locator(".lem").inner_text().split() == ["εν", "τω", "ηγαπημενω"]
    assert page.errors == []


def test_syriac_is_laid_out_right_to_left(pages: dict[str, str], page) -> None:  # type: ignore[no-untyped-def]
    page.goto(pages["rtl"])
    block = page.locator("[lang='syr']").first
    assert block.get_attribute("dir") == "rtl"
    assert block.evaluate("e => getComputedStyle(e).direction") == "rtl"
    line = page.locator("[lang='syr'] p.tei-l").first
    assert line.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # right to left: the line's text ends at the left, its box's right edge is the text's start
    box = line.bounding_box()
    text_right = line.evaluate(
        "e => { const r = document.createRange(); r.selectNodeContents(e); return r.getBoundingClientRect().right; }"
    )
    assert box is not None and abs(text_right - (box["x"] + box["width"])) < 2
    assert page.errors == []


def test_the_facsimile_image_is_displayed_and_zoomable(pages: dict[str, str], page) -> None:  # type: ignore[no-untyped-def]
    page.goto(pages["image"])
    page.wait_for_load_state("load")
    img = page.locator("aside.facsimile img.tei-graphic")
    assert img.count() == 1 and img.is_visible()
    assert img.evaluate("e => e.complete && e.naturalWidth") == 400
    # beside the text, not below it
    text_box = page.locator(".text-column").bounding_box()
    img_box = img.bounding_box()
    assert (
        text_box is not None
        and img_box is not None
        and img_box["x"] > text_box["x"] + text_box["width"]
    )
    # the zone is drawn over the image
    zone = page.locator("#zone1").bounding_box()
    assert zone is not None and img_box["x"] < zone["x"] < img_box["x"] + img_box["width"]
    img.click()
    viewer = page.locator(".image-viewer .openseadragon-canvas").first
    viewer.wait_for(state="visible")
    page.keyboard.press("Escape")
    assert page.locator(".image-viewer").count() == 0
    # the IIIF image is not loaded until asked for: no request left the page
    assert page.locator("button.iiif-open").is_visible()
    assert page.errors == []


def test_a_table_is_laid_out_as_a_table(pages: dict[str, str], page) -> None:  # type: ignore[no-untyped-def]
    page.goto(pages["table"])
    table = page.locator("table.tei-table").first
    assert table.evaluate("e => getComputedStyle(e).display") == "table"
    rows = table.locator("tr")
    assert rows.count() >= 2
    cells = rows.nth(1).locator("td, th")
    assert cells.count() >= 2
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert first is not None and second is not None
    assert abs(first["y"] - second["y"]) < 1 and second["x"] > first["x"]  # side by side, one row
    below = rows.nth(2).locator("td, th").first.bounding_box() if rows.count() > 2 else None
    if below is not None:
        assert below["y"] > first["y"]
    assert page.errors == []
