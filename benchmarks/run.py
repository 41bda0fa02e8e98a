#!/usr/bin/env python3
"""Time each stage of the pipeline on this edition and print figures (documents/s, seconds, peak memory).

Usage: python benchmarks/run.py [--edition DIR] [--repeat N]
Stages run on a copy of the edition in a temporary folder, so tei/ and out/ are left as they are.
Other scripts in benchmarks/ measure single concerns (repair rates, entity scores, ...).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from teiedit.builder import BuildOptions  # noqa: E402
from teiedit.builders.registry import get_builder  # noqa: E402
from teiedit.config import load_settings  # noqa: E402
from teiedit.edition import Edition  # noqa: E402
from teiedit.edition_files import edition_tei_files, source_files
from teiedit.pipeline import ConvertOptions, convert_files
from teiedit.validate import validate_paths  # noqa: E402
from teiedit.validate.schemas import edition_schemas


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn: Callable[[], int], repeat: int) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        count = fn()
        best = min(best, time.perf_counter() - t0)
    return best, count


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--edition", type=Path, default=REPO)
    ap.add_argument("--repeat", type=int, default=3, help="runs per stage; the best time is shown")
    ap.add_argument("--no-pdf", action="store_true")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "edition"
        shutil.copytree(
            args.edition, work, ignore=shutil.ignore_patterns("out", ".venv", ".git", "tei")
        )
        edition = load_settings(work)
        sources = source_files(edition)
        stages: list[tuple[str, Callable[[], int]]] = [
            (
                "convert (sources -> tei/)",
                lambda: sum(
                    len(r.outputs)
                    for r in convert_files(
                        sources, edition.tei, edition, ConvertOptions(force=True)
                    )
                ),
            ),
            (
                "validate (tei/)",
                lambda: len(
                    validate_paths(
                        edition_tei_files(edition), edition_schemas(edition)
                    ).files_checked
                ),
            ),
            (
                "load (tei/, parsed once)",
                lambda: sum(1 for _ in Edition.load(edition).inputs()),
            ),
            (
                "html (tei/ -> out/html)",
                lambda: len(
                    get_builder("html").build(
                        Edition.load(edition), edition.out / "html", BuildOptions(force=True)
                    )
                ),
            ),
        ]
        if not args.no_pdf:
            stages.append(
                (
                    "pdf (tei/ -> out/pdf)",
                    lambda: len(
                        get_builder("pdf").build(
                            Edition.load(edition), edition.out / "pdf", BuildOptions(force=True)
                        )
                    ),
                )
            )
        print(f"{'stage':32} {'seconds':>9} {'items':>6} {'items/s':>9} {'peak MB':>9}")
        for name, fn in stages:
            seconds, count = timed(fn, args.repeat)
            rate = count / seconds if seconds else float("inf")
            print(f"{name:32} {seconds:9.3f} {count:6d} {rate:9.1f} {peak_mb():9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
