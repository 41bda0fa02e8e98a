#!/usr/bin/env python3
"""Throughput of conversion on one-line texts of growing size: the cascade reader alone and the whole
pipeline (reader and every pass), in CPU seconds, with MB/s and the ratio to the smallest size.

Usage: python benchmarks/cascade_speed.py [--sizes 1,3,10] [--reader-only]

The texts are the edition's own sources (sources/*.txt) flattened onto one line and repeated up to
each size in MB: the worst layout for a segmenter (no line breaks) and the case issue 14 names (a
10 MB one-line file). Linear means the seconds per MB stay the same as the size grows.
Target: >= 1 MB/s through the whole pipeline, linear in the size.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO / "src"))

from teiedit.config import default_settings
from teiedit.pipeline import ConvertOptions, convert_text
from teiedit.readers import Source
from teiedit.readers.cascade.reader import CascadeReader


def one_line_text(size: int) -> str:
    """The edition's sources on one line, repeated to ``size`` characters."""
    text = " ".join(
        re.sub(r"\s+", " ", p.read_text(encoding="utf-8"))
        for p in sorted((REPO / "sources").glob("*.txt"))
    )
    return (text * (size // len(text) + 1))[:size]


def cpu(fn: object) -> float:
    start = time.process_time()
    fn()  # type: ignore[operator]
    return time.process_time() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,3,10", help="sizes in MB, comma-separated")
    ap.add_argument("--reader-only", action="store_true", help="time the reader alone")
    args = ap.parse_args()
    edition = default_settings(REPO)
    sizes = [float(s) for s in args.sizes.split(",")]
    print(
        f"{'MB':>5} {'reader s':>9} {'MB/s':>7} {'pipeline s':>11} {'MB/s':>7} {'s/MB vs first':>14}"
    )
    first_rate = 0.0
    worst = 0.0
    for mb in sizes:
        text = one_line_text(int(mb * 1_000_000))
        source = Source(text=text, name="one-line", filename="one-line.txt", sha256="0" * 64)
        reader_s = cpu(lambda: CascadeReader().read(source, edition))  # noqa: B023
        pipeline_s = 0.0
        if not args.reader_only:
            pipeline_s = cpu(lambda: convert_text(source, edition, ConvertOptions()))  # noqa: B023
        per_mb = (pipeline_s or reader_s) / mb
        first_rate = first_rate or per_mb
        ratio = per_mb / first_rate
        rate = mb / pipeline_s if pipeline_s else 0.0
        worst = min(worst, rate) if worst else rate
        print(
            f"{mb:>5.1f} {reader_s:>9.2f} {mb / reader_s:>7.2f} {pipeline_s:>11.2f} "
            f"{rate:>7.2f} {ratio:>14.2f}"
        )
    if not args.reader_only:
        print(f"target >= 1 MB/s through the whole pipeline: {'met' if worst >= 1 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
