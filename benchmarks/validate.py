#!/usr/bin/env python3
"""Time schema loading and validation of the edition; targets: load < 1 s, all of tei/ (RNG + Schematron) < 2 s.

Usage: python benchmarks/validate.py [--tei DIR] [--repeat N] [--xsd]
Each figure is the best of N runs in a fresh process state where it matters (load times are measured
with the caches cleared). Prints one line per figure.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from teiedit import validate as v
from teiedit import xslt
from teiedit.io import iter_xml_files
from teiedit.odd.build import compiled_files
from teiedit.odd.model import load_odd
from teiedit.validate.schematron import schematron_stylesheet
from teiedit.validate.xsd import load_xsd


def best(fn: Callable[[], object], repeat: int, reset: Callable[[], None] | None = None) -> float:
    times = []
    for _ in range(repeat):
        if reset:
            reset()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def clear_caches() -> None:
    v.clear_caches()
    xslt._compiled.clear()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tei", type=Path, default=REPO / "tei")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--xsd", action="store_true", help="also time the XML Schema engine")
    args = ap.parse_args()
    build = REPO / "schema" / "build"
    rng, sch, xsd = build / "teiedit.rng", build / "teiedit.sch", build / "teiedit.xsd"
    files = list(iter_xml_files([args.tei]))
    schemas = v.Schemas(rng=rng, sch=sch)

    compile_s = best(lambda: compiled_files(load_odd(REPO / "schema" / "teiedit.odd")), args.repeat)
    load_rng = best(lambda: v.load_rng(rng), args.repeat, clear_caches)

    def load_sch() -> None:
        from lxml import etree

        stylesheet = schematron_stylesheet(sch)
        xslt.compile_sandboxed(stylesheet, sch)
        etree.fromstring(b"<x/>")

    load_sch_s = best(load_sch, args.repeat, clear_caches)

    def load_all() -> None:
        v.load_rng(rng)
        load_sch()

    load_all_s = best(load_all, args.repeat, clear_caches)

    def validate_all() -> None:
        report = v.validate_paths([args.tei], schemas)
        assert report.exit_code in (0, 1)

    load_all()  # warm: the figure below is validation itself, then cold = load + validation
    warm = best(validate_all, args.repeat)
    cold = best(lambda: (load_all(), validate_all()), args.repeat, clear_caches)

    print(f"compile ODD -> rng, sch, xsd, html        {compile_s:7.3f} s")
    print(f"load RELAX NG (lxml)                      {load_rng:7.3f} s")
    print(f"load Schematron (sch -> XSLT 3 -> Saxon)  {load_sch_s:7.3f} s")
    print(
        f"load both (target < 1 s)                  {load_all_s:7.3f} s  {'ok' if load_all_s < 1 else 'SLOW'}"
    )
    print(
        f"validate {len(files):3d} files, RNG + Schematron    {warm:7.3f} s  "
        f"({len(files) / warm:.1f} files/s; target < 2 s: {'ok' if warm < 2 else 'SLOW'})"
    )
    print(
        f"load + validate, cold                     {cold:7.3f} s  {'ok' if cold < 2 else 'SLOW'}"
    )
    if args.xsd:
        load_xsd_s = best(lambda: load_xsd(xsd), 1, clear_caches)
        xsd_schemas = v.Schemas(rng=rng, xsd=xsd, use_xsd=True, schematron=False)
        xsd_run = best(lambda: v.validate_paths([args.tei], xsd_schemas), args.repeat)
        print(f"load XML Schema (xmlschema)               {load_xsd_s:7.3f} s")
        print(f"validate {len(files):3d} files, XSD                 {xsd_run:7.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
