#!/usr/bin/env python3
"""CPU seconds of teiedit's ODD compiler beside the TEI's own ODD processor (TEI Stylesheets in saxonche).

Usage: python benchmarks/odd.py [--stylesheets DIR] [--p5subset FILE] [--repeat N]

Two jobs, each done both ways: schema/teiedit.odd to RELAX NG + Schematron (teiedit also writes the XSD and
the HTML reference in its time), and tei_all (an ODD of moduleRefs, compiled against p5subset.xml) to
RELAX NG. The TEI side is odd2odd, then odd2relax and extract-isosch on the compiled ODD, run in this
process through teiedit's one Saxon processor (stylesheets compiled once, outside the timing). The
Stylesheets and p5subset.xml are not part of teiedit: give their paths, or keep the reference data in
../shared/tei-p5 beside the repository. Each figure is the best of N runs (process CPU time).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from lxml import etree

from teiedit import xslt
from teiedit.io import read_xml
from teiedit.odd.build import compile_odd, compiled_files
from teiedit.odd.model import load_odd

SHARED = REPO.parent / "shared" / "tei-p5"


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def tei_toolchain(stylesheets: Path, p5subset: Path, odd: Path, isosch: bool) -> None:
    """odd2odd, odd2relax (and extract-isosch) as the TEI's own build runs them."""
    compiled = xslt.transform(
        stylesheets / "odds" / "odd2odd.xsl",
        read_xml(odd),
        params={"defaultSource": p5subset.resolve().as_uri()},
    ).output
    tree = etree.fromstring(compiled.encode("utf-8"))
    xslt.transform(stylesheets / "odds" / "odd2relax.xsl", tree)
    if isosch:
        xslt.transform(stylesheets / "odds" / "extract-isosch.xsl", tree)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stylesheets", type=Path, default=SHARED / "stylesheets")
    ap.add_argument("--p5subset", type=Path, default=SHARED / "p5subset.xml")
    ap.add_argument("--tei-all", type=Path, default=SHARED / "odd" / "tei_all.odd")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    for need in (args.stylesheets / "odds" / "odd2odd.xsl", args.p5subset, args.tei_all):
        if not need.is_file():
            print(f"missing {need}: give --stylesheets, --p5subset and --tei-all", file=sys.stderr)
            return 2
    ours_odd = REPO / "schema" / "teiedit.odd"
    for name in ("odd2odd", "odd2relax", "extract-isosch"):  # compile once, outside the timing
        xslt.compile_stylesheet(args.stylesheets / "odds" / f"{name}.xsl")

    out = Path("/tmp") if Path("/tmp").is_dir() else REPO / "out"
    rows = [
        (
            "schema/teiedit.odd -> rng + sch (+ xsd, html)",
            best(lambda: compiled_files(load_odd(ours_odd)), args.repeat),
            best(
                lambda: tei_toolchain(args.stylesheets, args.p5subset, ours_odd, True), args.repeat
            ),
        ),
        (
            "tei_all.odd + p5subset.xml -> rng",
            best(lambda: compile_odd(args.tei_all, out, source=args.p5subset), args.repeat),
            best(
                lambda: tei_toolchain(args.stylesheets, args.p5subset, args.tei_all, False),
                args.repeat,
            ),
        ),
    ]
    print(f"{'job':48} {'teiedit':>9} {'TEI XSLT':>9} {'ratio':>6}")
    for job, ours, theirs in rows:
        print(f"{job:48} {ours:8.2f}s {theirs:8.2f}s {theirs / ours:5.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
