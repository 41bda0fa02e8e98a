"""Fault injection at scale: kill `teiedit build` of the mini edition at every write point and after
random delays, and count the trials in which a file of tei/ or out/ was neither its old nor its new
version, or the next build did not converge to a clean build's files (see tests/fault_trials.py).

    python benchmarks/faults.py [--points all|N] [--kills M] [--pdf] [--seed S]

--points all kills at every write point of the build (default), N at N points spread over it;
--kills M adds M SIGKILLs at random delays within the build's duration (default 20); --pdf builds the
print edition too (slower). Prints the number of trials, failures (with their problems) and seconds.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fault_trials import Trial, prepare, trial_after_delay, trial_at_point  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--points", default="all")
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--pdf", action="store_true")
    parser.add_argument("--seed", type=int, default=22)
    args = parser.parse_args(argv)
    start = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sc = prepare(work, pdf=args.pdf)
        n = sc.points
        if args.points == "all":
            points = list(range(1, n + 1))
        else:
            k = max(1, int(args.points))
            points = sorted({max(1, round(i * n / k)) for i in range(1, k + 1)})
        print(f"build of the changed mini edition: {n} write points, {sc.seconds:.1f} s")
        trials: list[Trial] = [trial_at_point(sc, work, k) for k in points]
        chance = random.Random(args.seed)
        for i in range(args.kills):
            trials.append(trial_after_delay(sc, work, chance.uniform(0.1, sc.seconds), i))
    failed = [t for t in trials if t.problems]
    killed = sum(1 for t in trials if t.exit_code != 0)
    print(
        f"{len(trials)} trials ({len(points)} at write points, {args.kills} SIGKILL at random delays; "
        f"{killed} runs actually cut off): {len(failed)} failed, {time.monotonic() - start:.0f} s"
    )
    for t in failed:
        print(f"  {t.how}: " + "; ".join(t.problems[:5]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
