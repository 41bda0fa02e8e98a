#!/usr/bin/env python3
"""The long fuzzing run of the converter: N generated inputs, each converted with every profile and
with detection, checked for the property of tests/fuzz_convert.py (no exception, valid TEI, nothing
lost). Prints the counts: examples, conversions, failures, and one example per kind of failure.

Usage: python benchmarks/fuzz.py [--examples N] [--seed S]

CI runs the bounded profile (tests/security/test_fuzz_convert.py); this is the long one.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "src"), str(REPO / "tests")]

from fuzz_convert import INPUTS, check_conversion
from hypothesis import HealthCheck, Phase, given, seed, settings

from teiedit.readers import READERS


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--examples", type=int, default=500, help="generated inputs (default 500)")
    ap.add_argument("--seed", type=int, default=22, help="the generator's seed")
    args = ap.parse_args()
    profiles: list[str | None] = [None, *sorted(READERS)]
    failures: Counter[str] = Counter()
    first: dict[str, str] = {}
    counts = {"examples": 0, "conversions": 0}

    @seed(args.seed)
    @settings(
        max_examples=args.examples,
        phases=[Phase.generate],
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(text=INPUTS)
    def run(text: str) -> None:
        counts["examples"] += 1
        for profile in profiles:
            counts["conversions"] += 1
            try:
                check_conversion(text, profile)
            except Exception as exc:  # every failure is counted, none stops the run
                kind = (
                    f"{profile or 'detect'}: {type(exc).__name__}: {str(exc).splitlines()[0][:100]}"
                )
                failures[kind] += 1
                first.setdefault(kind, text)

    start = time.process_time()
    run()
    cpu = time.process_time() - start
    failed = sum(failures.values())
    print(
        f"examples {counts['examples']}, conversions {counts['conversions']} "
        f"({len(profiles)} per example), failures {failed}, CPU {cpu:.1f} s"
    )
    for kind, n in failures.most_common():
        print(f"{n:>5}  {kind}\n       e.g. {first[kind][:200]!r}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
