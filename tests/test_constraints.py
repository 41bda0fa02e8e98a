"""constraints.txt pins the versions the PDFs are reproducible with, and the environment has them."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "constraints", REPO / "scripts" / "constraints.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_print_stack_is_pinned_and_installed_at_the_pinned_versions() -> None:
    script = _script()
    pins = script.read_pins()
    for (
        name
    ) in script.PRINT_STACK:  # weasyprint, pydyf, pikepdf, fonttools, pillow, lxml, saxonche...
        assert name in pins, f"{name} is not pinned in constraints.txt"
    assert len(script.PRINT_STACK) >= 7
    assert script.differences(pins) == [], "run `make constraints` after upgrading on purpose"


def test_the_makefile_installs_with_the_constraints() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "PIP := $(BIN)/pip install --quiet -c constraints.txt" in makefile
    installs = [line.strip() for line in makefile.splitlines() if "$(PIP)" in line]
    assert installs == ["$(PIP) -e .", '$(PIP) -e ".[test]"', '$(PIP) -e ".[bench]"']
    others = [
        line for line in makefile.splitlines() if "pip install" in line and "PIP :=" not in line
    ]
    assert all("--upgrade pip" in line for line in others), others  # only pip itself is unpinned


def test_a_different_version_is_reported(tmp_path: Path) -> None:
    script = _script()
    pins = dict(script.read_pins())
    pins["lxml"] = "0.0.1"
    assert script.differences(pins) == [f"lxml: installed {script.installed('lxml')}, pinned 0.0.1"]
