"""Shared fixtures: paths, a fixed conversion date, the golden-update switch, mini editions."""

from __future__ import annotations

import copy
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings
from lxml import etree

from teiedit.diagnostics import Diagnostic
from teiedit.readers import Conversion, Source

Records = dict[str, list[dict[str, object]]]

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CASES = Path(__file__).resolve().parent / "cases"
ROOTS = Path(__file__).resolve().parent / "roots"

#: 2026-01-01T00:00:00Z: conversions in tests carry this date, so goldens do not change daily.
FIXED_EPOCH = "1767225600"

# Test outputs are thrown away: teiedit's writes skip fsync (tens of thousands in a run, each a fraction
# of a millisecond of CPU), here and in every teiedit process a test starts. tests/test_io.py checks that
# writes are flushed to the disk without it.
os.environ["TEIEDIT_NO_FSYNC"] = "1"

# Compiled bytecode is kept even where PYTHONDONTWRITEBYTECODE is set (__pycache__ is ignored by git):
# without it each run compiles every test module again for pytest's assertion rewriting (collection 5.7
# -> 2.5 s of CPU) and every teiedit process a test starts compiles teiedit's modules again.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

#: The test profile: "bounded" (the default) runs each long property with fewer generated examples and each
#: size sweep at a smaller size; TEIEDIT_TESTS=full runs them all at full size. Both assert the same things.
PROFILE = os.environ.get("TEIEDIT_TESTS", "bounded") or "bounded"
if PROFILE not in ("bounded", "full"):
    raise pytest.UsageError(f"TEIEDIT_TESTS={PROFILE!r}: use 'full' or leave it unset (bounded)")
FULL = PROFILE == "full"

# Property tests: the bounded run draws the same examples every time (a red CI is always reproducible and
# never a new random draw); TEIEDIT_TESTS=full draws fresh ones, to explore.
hypothesis_settings.register_profile("bounded", derandomize=True, database=None)
hypothesis_settings.register_profile("full", derandomize=False)
hypothesis_settings.load_profile(PROFILE)


def bounded(full: int, default: int) -> int:
    """``full`` with TEIEDIT_TESTS=full, else ``default``: an example count or a size, never zero."""
    assert 0 < default <= full
    return full if FULL else default


def pytest_report_header(config: pytest.Config) -> str:
    other = "TEIEDIT_TESTS=full runs them at full size" if not FULL else "the full profile"
    return f"teiedit test profile: {PROFILE} (long properties and size sweeps; {other})"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite expected outputs (goldens) from the current code; review the diff before committing",
    )
    parser.addoption(
        "--cpu-durations",
        type=int,
        default=0,
        metavar="N",
        help="list the N tests that took most CPU (user+sys, child processes included) per phase",
    )


#: Per test phase, the CPU seconds (user+sys of this process and its finished children) it took.
_CPU: list[tuple[float, str, str]] = []


def _cpu_now() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    return (yield from _timed(item, "setup"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    return (yield from _timed(item, "call"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    return (yield from _timed(item, "teardown"))


def _timed(item: pytest.Item, phase: str) -> Iterator[None]:
    # Wall durations say little on a shared, busy machine; CPU seconds are what the budget counts.
    start = _cpu_now()
    try:
        return (yield)
    finally:
        if phase == "teardown" and item.nodeid == _CHROMIUM.last:
            _CHROMIUM.close()  # after the last browser test's own teardown (its contexts closed)
        _CPU.append((_cpu_now() - start, phase, item.nodeid))


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    count = int(config.getoption("--cpu-durations"))
    if not count or not _CPU:
        return
    terminalreporter.section(f"most CPU: {count} test phases (user+sys, children included)")
    for seconds, phase, nodeid in sorted(_CPU, reverse=True)[:count]:
        terminalreporter.write_line(f"{seconds:8.2f}s {phase:<8} {nodeid}")
    total = sum(s for s, _, _ in _CPU)
    terminalreporter.write_line(f"{total:8.2f}s in all {len(_CPU)} test phases")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that uses tei_all is slow: compiling the grammar takes seconds (once per process)."""
    last_browser = -1
    for i, item in enumerate(items):
        if "tei_all" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
        if {"browser", "session_browser"} & set(getattr(item, "fixturenames", ())):
            last_browser = i
    if last_browser >= 0:
        # chromium is closed after the last test of that test's module: the module's own fixtures (a
        # page kept for its tests) are closed in that test's teardown, before it
        path = items[last_browser].path
        while last_browser + 1 < len(items) and items[last_browser + 1].path == path:
            last_browser += 1
        _CHROMIUM.last = items[last_browser].nodeid


@pytest.fixture(autouse=True)
def _fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing at {SHARED}: the tests need the shared reference data")
    return SHARED


def _copy_mini(folder: Path) -> Path:
    root = folder / "mini"
    shutil.copytree(ROOTS / "mini", root)
    shutil.copytree(REPO / "schema", root / "schema")
    return root


_CONVERTED: dict[tuple[Path, str | None], tuple[Any, ...]] = {}


def converted(
    path: Path, profile: str | None = None
) -> tuple[Source, Conversion, list[Diagnostic], Records]:
    """(source, conversion, diagnostics, pass records) of a file converted with the repository's settings
    and all passes. Several test modules read the same conversions: each file is converted once per
    session (the date comes from FIXED_EPOCH) and every caller gets its own copy to read or change."""
    from teiedit.config import default_settings
    from teiedit.pipeline import ConvertOptions, convert_text, source_from_file

    key = (path.resolve(), profile)
    if key not in _CONVERTED:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
            source = source_from_file(path)
            result = convert_text(source, default_settings(REPO), ConvertOptions(profile=profile))
        _CONVERTED[key] = (source, *result)
    source, conversion, diags, records = copy.deepcopy(_CONVERTED[key])
    return source, conversion, diags, records


_TEI_ALL: list[etree.RelaxNG] = []


def tei_all_grammar() -> etree.RelaxNG:
    """tei_all from ../shared, compiled once per process (compiling it takes seconds)."""
    from teiedit.validate import load_rng

    # Kept here, not only in teiedit's cache: that one holds the last few grammars a process loaded, and
    # the session loads many (ODD and schema tests), so tei_all fell out of it and was compiled again.
    if not _TEI_ALL:
        rng = SHARED / "tei-p5" / "schemas" / "rng" / "tei_all.rng"
        if not rng.is_file():
            pytest.fail(f"tei_all.rng is missing at {rng}: the tests need ../shared/tei-p5")
        _TEI_ALL.append(load_rng(rng))
    return _TEI_ALL[0]


@pytest.fixture
def tei_all() -> etree.RelaxNG:
    """tei_all, shared by every test of the session (see ``tei_all_grammar``)."""
    return tei_all_grammar()


class _Chromium:
    """Debian's chromium driven by Playwright, headless: started by the first browser test and closed
    after the last one (an idle chromium still costs CPU for the rest of the session)."""

    def __init__(self) -> None:
        self._playwright: Any = None
        self._browser: Any = None
        self.last: str | None = None  # the node id of the last test that uses it

    def get(self) -> Any:
        if self._browser is None:
            chromium = Path("/usr/bin/chromium")
            if not chromium.exists():
                pytest.fail(
                    "chromium is missing at /usr/bin/chromium: install it (scripts/system-deps.sh)"
                )
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            # RenderDocument (a new render frame for every cross-document navigation) made each page
            # load cost about a third more CPU, in chromium's processes and its renderers; the pages do
            # and show the same without it. 128 loads of the html cases' pages: 11.5 -> 8.5 s of CPU.
            self._browser = self._playwright.chromium.launch(
                executable_path=str(chromium),
                headless=True,
                args=["--disable-features=RenderDocument"],
            )
        return self._browser

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._playwright.stop()
        self._browser = self._playwright = None


_CHROMIUM = _Chromium()


@pytest.fixture
def browser() -> object:
    """One chromium for every browser test (each test opens its own context, so no state is shared);
    launching it once per module cost seconds of CPU each time."""
    return _CHROMIUM.get()


@pytest.fixture(scope="session")
def session_browser() -> object:
    """The same chromium, for a module-scoped fixture that opens pages once for several tests."""
    return _CHROMIUM.get()


def pytest_sessionfinish(session: pytest.Session) -> None:
    _CHROMIUM.close()


def reused_page(tab: Any) -> Iterator[Any]:
    """``tab``, a page a module keeps open for its tests, for one test: its console errors and uncaught
    exceptions in ``tab.errors`` while the test runs; afterwards left as a new page would be (no routes,
    nothing stored, blank, the mouse at the corner).

    A new context for each test cost about half a second of CPU each (its first page starts a renderer
    process), more than most tests' own page loads. The web edition keeps no state in the browser but
    its local storage (the reading switch and the highlighting), which is cleared."""
    tab.errors = []
    listening = {
        "console": lambda m: tab.errors.append(m.text) if m.type == "error" else None,
        "pageerror": lambda e: tab.errors.append(str(e)),
    }
    for event, handler in listening.items():
        tab.on(event, handler)
    try:
        yield tab
    finally:
        for event, handler in listening.items():
            tab.remove_listener(event, handler)
        tab.unroute_all()
        if tab.url.startswith("file:"):
            tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        tab.goto("about:blank")
        tab.mouse.move(0, 0)


@pytest.fixture
def mini_edition(tmp_path: Path) -> Path:
    """A copy of tests/roots/mini with the repository's schema, ready for `teiedit build`."""
    return _copy_mini(tmp_path)


@pytest.fixture(scope="session")
def built_mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/roots/mini after `teiedit build` (TEI, web and print editions), built once per session.

    Tests read it and never change it; a test that edits an edition builds its own (``mini_edition``).
    """
    from teiedit.cli import main

    root = _copy_mini(tmp_path_factory.mktemp("built"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        patch.chdir(root)
        code = main(["build"])
    assert code == 0, "teiedit build of tests/roots/mini failed"
    return root
