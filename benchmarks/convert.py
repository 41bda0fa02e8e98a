#!/usr/bin/env python3
"""Time the conversion of every source in sources/ (read, detect, read into TEI, passes, serialise, write).

Usage: python benchmarks/convert.py [--sources DIR] [--repeat N]
Prints seconds per source (best of N runs), documents written, and the total against the target (< 5 s).
Output goes to a temporary folder, so tei/ is left as it is.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# A script's own folder comes first on sys.path; keep benchmarks/ off it, so that a benchmark named
# like a module (pdf.py, web.py) can never shadow an import of the code it measures.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO / "src"))

from teiedit.config import default_settings, find_edition_root, load_settings
from teiedit.pipeline import ConvertOptions, convert_files

TARGET_SECONDS = 5.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, default=REPO / "sources")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    edition = load_settings(REPO) if find_edition_root(REPO) else default_settings(REPO)
    paths = sorted(args.sources.glob("*.txt"))
    best: dict[str, float] = {}
    docs: dict[str, int] = {}
    profiles: dict[str, str] = {}
    for _ in range(max(1, args.repeat)):
        with tempfile.TemporaryDirectory() as tmp:
            for path in paths:
                start = time.perf_counter()
                (result,) = convert_files([path], Path(tmp), edition, ConvertOptions(force=True))
                elapsed = time.perf_counter() - start
                best[path.name] = min(elapsed, best.get(path.name, elapsed))
                docs[path.name] = len(result.outputs)
                profiles[path.name] = result.profile
    total = sum(best.values())
    size = sum(p.stat().st_size for p in paths)
    width = max((len(n) for n in best), default=10)
    print(f"{'source':<{width}}  {'profile':<12} {'docs':>4}  {'KB':>6}  seconds")
    for path in paths:
        n = path.name
        print(
            f"{n:<{width}}  {profiles[n]:<12} {docs[n]:>4}  {path.stat().st_size / 1024:>6.1f}  {best[n]:.3f}"
        )
    print(
        f"{'total':<{width}}  {'':<12} {sum(docs.values()):>4}  {size / 1024:>6.1f}  {total:.3f}"
        f"  ({size / 1024 / total if total else 0:.0f} KB/s; best of {args.repeat})"
    )
    verdict = "within" if total < TARGET_SECONDS else "OVER"
    print(
        f"target < {TARGET_SECONDS:.0f} s for all of {args.sources.name}/: {verdict} ({total:.2f} s)"
    )
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
