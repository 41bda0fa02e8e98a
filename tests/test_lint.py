"""scripts/lint.py: findings fail the lint step, except in code listed as still being typed elsewhere."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from conftest import REPO


def _lint() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lint", REPO / "scripts" / "lint.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tool(*lines: str, exit_code: int = 1) -> list[str]:
    """A command that prints ``lines`` like a linter and exits with ``exit_code``."""
    body = "".join(f"print({line!r});" for line in lines)
    return [sys.executable, "-c", f"{body}raise SystemExit({exit_code})"]


def test_findings_block_unless_the_file_is_reported_only() -> None:
    lint = _lint()
    reported_only = lint.OWNED_ELSEWHERE[0]
    blocking, reported = lint.run(
        "fake",
        _tool(
            "src/teiedit/pipeline.py:3:1: F401 `os` imported but unused",
            f"{reported_only}x.py:7: error: Returning Any  [no-any-return]",
            "src/teiedit/pipeline.py:9: note: See the documentation",
            "Would reformat: tests/test_x.py",
            "Found 3 errors.",
        ),
    )
    owned = f"{reported_only}x.py:7: error: Returning Any  [no-any-return]"
    gated = [owned] if lint.GATE_ALL else []
    assert blocking == [
        "src/teiedit/pipeline.py:3:1: F401 `os` imported but unused",
        *gated,
        "Would reformat: tests/test_x.py",
    ]
    assert reported == ([] if lint.GATE_ALL else [owned])


def test_a_tool_that_fails_without_findings_blocks() -> None:
    blocking, reported = _lint().run("fake", _tool("mypy: error: bad configuration", exit_code=2))
    assert reported == [] and len(blocking) == 1
    assert blocking[0].startswith("fake failed (exit 2)") and "bad configuration" in blocking[0]
    assert _lint().run("fake", _tool("All checks passed!", exit_code=0)) == ([], [])
