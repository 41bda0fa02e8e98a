"""Shared fixtures: paths, a fixed conversion date, the golden-update switch, mini editions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CASES = Path(__file__).resolve().parent / "cases"
ROOTS = Path(__file__).resolve().parent / "roots"

#: 2026-01-01T00:00:00Z: conversions in tests carry this date, so goldens do not change daily.
FIXED_EPOCH = "1767225600"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite expected outputs (goldens) from the current code; review the diff before committing",
    )


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


@pytest.fixture
def mini_edition(tmp_path: Path) -> Path:
    """A copy of tests/roots/mini with the repository's schema, ready for `teiedit build`."""
    root = tmp_path / "mini"
    shutil.copytree(ROOTS / "mini", root)
    shutil.copytree(REPO / "schema", root / "schema")
    return root
