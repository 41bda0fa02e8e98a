"""The pinned versions of teiedit's dependencies (constraints.txt): write them from a working environment,
or check that the installed versions are the pinned ones.

    python scripts/constraints.py           # rewrite constraints.txt from this environment (make constraints)
    python scripts/constraints.py --check   # exit 1 listing every installed version that differs

`make edition` and `make test` install with `pip install -c constraints.txt`, so that WeasyPrint, pydyf,
pikepdf, fontTools, Pillow, lxml and Saxon are the versions the byte-identical PDFs were made with.
(No hashes: `pip freeze` has none to give, and pip cannot compute them without the package files.)
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / "constraints.txt"
#: The packages whose versions shape the PDFs: these must be installed and pinned.
PRINT_STACK = (
    "weasyprint",
    "pydyf",
    "pikepdf",
    "fonttools",
    "pillow",
    "lxml",
    "saxonche",
    "tinycss2",
    "cssselect2",
    "pyphen",
)
HEADER = """\
# Versions teiedit is built and tested with (the PDFs are byte-identical with these).
# Regenerate from a working environment: make constraints (python scripts/constraints.py)
# Checked by tests/test_constraints.py: every installed package listed here has this version.
"""


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(path: Path = CONSTRAINTS) -> dict[str, str]:
    """Package (normalised name) -> pinned version."""
    pins: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            pins[_norm(name)] = version.strip()
    return pins


def installed(name: str) -> str | None:
    """The installed version of a package, None when it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def differences(pins: dict[str, str]) -> list[str]:
    """One line per pinned package installed with another version, or a print package missing."""
    out = []
    for name, version in sorted(pins.items()):
        have = installed(name)
        if have is None and name in PRINT_STACK:
            out.append(f"{name}: not installed (pinned {version})")
        elif have is not None and have != version:
            out.append(f"{name}: installed {have}, pinned {version}")
    out += [f"{name}: not pinned in constraints.txt" for name in PRINT_STACK if name not in pins]
    return out


def freeze() -> str:
    """``pip freeze`` of this environment, without teiedit itself (installed editable)."""
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable", "--all"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    keep = [
        line
        for line in frozen.splitlines()
        if "==" in line and _norm(line.split("==")[0]) not in ("teiedit", "pip", "setuptools")
    ]
    return HEADER + "\n".join(sorted(keep, key=lambda s: _norm(s.split("==")[0]))) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare the installed versions")
    args = parser.parse_args()
    if args.check:
        found = differences(read_pins())
        for line in found:
            print(line)
        return 1 if found else 0
    CONSTRAINTS.write_text(freeze(), encoding="utf-8")
    print(f"wrote {CONSTRAINTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
