#!/usr/bin/env python3
"""What compiling the conversion's pure-Python modules with mypyc would give: the same source measured
interpreted and compiled, side by side, with the compile time and a byte-for-byte check of the output.

Usage: python benchmarks/compiled.py [--sizes 1,3] [--modules PATTERN,...]

The working tree's ``src/`` is copied to a temporary folder and the modules named by ``--modules`` (glob
patterns under ``src/``) are compiled there by mypyc (it ships with mypy, a test dependency) with the
repository's mypy settings; ``benchmarks/cascade_speed.py --measure`` then times both copies, each in a
process of its own, and its table is printed with one column each. The TEI of ``sources/`` and of a one-line
text is made by both copies and compared byte for byte.

teiedit ships no compiled module, and this script is the measurement behind that choice (README's figures
table): compiled, the whole pipeline is 13-15 % faster (the repair's Viterbi alone 1.7x), where the target
of 1 MB/s needs 65 %, because most of the time is already spent in C (dictionary look-ups, string methods,
regular expressions, lxml) that mypyc does not make faster. The price would be a compile of minutes in every
install and wheel build, mypy as a build dependency, a wheel per platform, and a second behaviour to test:
a compiled class has no ``__dict__`` and a compiled module's own calls do not see a replaced function.

Left out of the default modules: ``transforms/__init__.py`` (the benchmark times the passes by replacing
its functions, which a compiled module's own calls would not see), ``transforms/dates.py`` (mypyc stops
with an internal error on it) and the reader (compiled dataclasses have no ``__dict__``, which its
neighbour rules read: the compiled reader fails on the sources).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from cascade_speed import report, run_measure

DEFAULT_MODULES = (
    "teiedit/repair/*.py",
    "teiedit/entities/*.py",
    "teiedit/dates.py",
    "teiedit/mixed.py",
    "teiedit/transforms/repair.py",
    "teiedit/transforms/entities.py",
    "teiedit/transforms/rendition.py",
    "teiedit/transforms/brackets.py",
    "teiedit/transforms/quotes.py",
    "teiedit/transforms/language.py",
    "teiedit/transforms/document_date.py",
)


def compile_copy(target: Path, patterns: list[str]) -> tuple[float, float, int]:
    """Copy ``src/`` to ``target`` and compile the modules of ``patterns`` there: (wall s, CPU s, modules)."""
    shutil.copytree(REPO / "src", target, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    modules = sorted(
        str(p.relative_to(target)) for pattern in patterns for p in target.glob(pattern)
    )
    if not modules:
        raise SystemExit(f"compiled.py: no module matches {', '.join(patterns)}")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mypyc", "--config-file", str(REPO / "pyproject.toml"), *modules],
        cwd=target,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        errors = [line for line in done.stdout.splitlines() if "error" in line]
        raise SystemExit("compiled.py: mypyc failed:\n" + "\n".join(errors[:20] or [done.stderr]))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, len(modules)


def digests(src: Path) -> dict[str, str]:
    """The sha256 of the TEI that the code in ``src`` makes of each source and of a one-line text."""
    code = f"""
import hashlib, json, sys
sys.path.insert(0, {str(src)!r})
sys.path.insert(1, {str(REPO / "benchmarks")!r})
from pathlib import Path
from cascade_speed import one_line_text
from teiedit.config import default_settings
from teiedit.pipeline import ConvertOptions, convert_text
from teiedit.readers import Source
from teiedit.serialize import serialize_tei
edition = default_settings(Path({str(REPO)!r}))
texts = {{p.name: p.read_text("utf-8") for p in sorted(Path({str(REPO / "sources")!r}).glob("*.txt"))}}
texts["one-line"] = one_line_text(300_000)
out = {{}}
for name, text in texts.items():
    source = Source(text=text, name=name, filename=name, sha256="0" * 64)
    conv, _diags, records = convert_text(source, edition, ConvertOptions())
    blob = b"".join(serialize_tei(d.tree) for d in conv.documents)
    blob += json.dumps(records, sort_keys=True, default=str).encode()
    out[name] = hashlib.sha256(blob).hexdigest()
print(json.dumps(out))
"""
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout))


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument(
        "--sizes", default="1,3", help="sizes in MB of the one-line texts, comma-separated"
    )
    ap.add_argument(
        "--modules",
        default=",".join(DEFAULT_MODULES),
        help="glob patterns under src/ of the modules to compile, comma-separated",
    )
    args = ap.parse_args()
    args.reader_only = False
    if shutil.which("gcc") is None and shutil.which("cc") is None:
        raise SystemExit("compiled.py: no C compiler (gcc or cc) on PATH")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "src"
        wall, cpu, count = compile_copy(copy, args.modules.split(","))
        print(f"mypyc: {count} modules compiled in {wall:.0f} s wall, {cpu:.0f} s CPU")
        columns: list[tuple[str, dict[str, Any]]] = [
            ("interpreted", run_measure(REPO / "src", args)),
            ("mypyc", run_measure(copy, args)),
        ]
        report(columns, reader_only=False)
        same = digests(REPO / "src") == digests(copy)
    print(
        f"TEI and pass records of sources/ and a one-line text: {'identical' if same else 'DIFFER'}"
    )
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
