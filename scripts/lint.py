"""The lint step of `make test` and `make check`: ruff check, ruff format --check, mypy --strict, and no
module of src/ longer than MAX_LINES.

Every finding is printed. While GATE_ALL is False, findings in the modules of OWNED_ELSEWHERE (code whose
owners are still typing and formatting it) are listed but do not fail the step; every other finding fails
it (exit 1). Setting GATE_ALL to True is the one line that gates all of src/.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGETS = ["src", "tests", "benchmarks", "scripts"]

GATE_ALL = True
OWNED_ELSEWHERE = ("src/teiedit/readers/",)
REPORT_ONLY = () if GATE_ALL else OWNED_ELSEWHERE

#: "No module over about 400 lines": past this a module holds more than one concern; split it by concern.
MAX_LINES = 420

#: A finding names its file first (ruff check, mypy) or after "Would reformat:" (ruff format).
_FILE = re.compile(r"^(?:Would reformat: )?(?P<path>[\w./-]+\.pyi?)(?::|$)")


def run(name: str, command: list[str]) -> tuple[list[str], list[str]]:
    """Run one tool; (blocking findings, report-only findings). A tool that fails without findings
    (a crash, a bad configuration) counts as one blocking finding."""
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    lines = (done.stdout + done.stderr).splitlines()
    blocking: list[str] = []
    reported: list[str] = []
    for line in lines:
        found = _FILE.match(line)
        if found is None or ": note: " in line:  # mypy's notes explain an error printed beside them
            continue
        path = found.group("path")
        (reported if path.startswith(REPORT_ONLY) else blocking).append(line)
    if done.returncode != 0 and not blocking and not reported:
        blocking.append(f"{name} failed (exit {done.returncode}):\n" + "\n".join(lines[-20:]))
    return blocking, reported


def long_modules() -> list[str]:
    """Modules of src/ over MAX_LINES, as findings."""
    found = []
    for path in sorted((REPO / "src").rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            name = path.relative_to(REPO).as_posix()
            found.append(f"{name}:1: {lines} lines, over {MAX_LINES}: split it by concern")
    return found


def main() -> int:
    python = sys.executable
    tools = [
        ("ruff check", [python, "-m", "ruff", "check", "--output-format", "concise", *TARGETS]),
        ("ruff format", [python, "-m", "ruff", "format", "--check", *TARGETS]),
        ("mypy", [python, "-m", "mypy"]),  # files and --strict come from pyproject.toml
    ]
    failed = False
    for name, command in tools:
        blocking, reported = run(name, command)
        for line in reported:
            print(f"{line}  [reported only]")
        for line in blocking:
            print(line)
        print(f"{name}: {len(blocking)} findings, {len(reported)} reported only", file=sys.stderr)
        failed = failed or bool(blocking)
    sizes = long_modules()
    for line in sizes:
        print(line)
    print(f"module size: {len(sizes)} findings", file=sys.stderr)
    return 1 if failed or sizes else 0


if __name__ == "__main__":
    sys.exit(main())
