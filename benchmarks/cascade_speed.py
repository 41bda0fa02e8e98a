#!/usr/bin/env python3
"""Throughput of conversion: the cascade reader alone and the whole pipeline (reader, every pass and the
safety check between passes), in CPU seconds, with MB/s, the ratio of seconds per MB to the smallest
size's, and where the time goes.

Usage: python benchmarks/cascade_speed.py [--sizes 1,3,10] [--reader-only] [--rev REV]

The sized texts are the edition's own sources (sources/*.txt) flattened onto one line and repeated up to
each size in MB: the worst layout for a segmenter (no line breaks) and the case issue 14 names (a 10 MB
one-line file). Linear means the seconds per MB stay the same as the size grows. Since the text repeats,
the caches of repeated words help more than on a fresh text: the rows for ``sources/`` and for the
development corpus (``../shared/corpora/plaintext-dev``, when present), each file converted once, are
the figures for text that does not repeat.

Every figure is measured after a warm-up conversion that loads the models (the start-up is printed on
its own). ``--rev REV`` measures the revision REV's code (``git archive``) in the same run, on the same
texts, and prints both side by side.
Target: >= 1 MB/s through the whole pipeline, linear in the size.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEV_CORPUS = REPO / ".." / "shared" / "corpora" / "plaintext-dev"


def one_line_text(size: int) -> str:
    """The edition's sources on one line, repeated to ``size`` characters."""
    text = " ".join(
        re.sub(r"\s+", " ", p.read_text(encoding="utf-8"))
        for p in sorted((REPO / "sources").glob("*.txt"))
    )
    return (text * (size // len(text) + 1))[:size]


def cpu(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def measure(src: Path, sizes: list[float], reader_only: bool) -> dict[str, Any]:
    """The figures of the code in ``src`` (run in a process of its own: one revision per process)."""
    sys.path.insert(0, str(src))
    import teiedit.transforms as passes
    from teiedit.config import default_settings
    from teiedit.pipeline import ConvertOptions, convert_text
    from teiedit.readers import Source
    from teiedit.readers.cascade.reader import CascadeReader

    edition = default_settings(REPO)
    stages: dict[str, float] = {}
    _time_stages(passes, stages)

    def source(text: str, name: str) -> Any:
        return Source(text=text, name=name, filename=f"{name}.txt", sha256="0" * 64)

    def convert(s: Any) -> None:
        convert_text(s, edition, ConvertOptions())

    def convert_all(texts: list[Any]) -> None:
        for t in texts:
            convert(t)

    files = sorted((REPO / "sources").glob("*.txt"))
    out: dict[str, Any] = {
        "startup": cpu(lambda: convert(source(files[0].read_text("utf-8"), "w")))
    }
    corpora = [("sources/", files)]
    if DEV_CORPUS.is_dir() and not reader_only:
        corpora.append(("development corpus", sorted(DEV_CORPUS.glob("*.txt"))))
    out["corpora"] = []
    for label, paths in corpora:
        texts = [source(p.read_text(encoding="utf-8"), p.stem) for p in paths]
        mb = sum(len(t.text.encode("utf-8")) for t in texts) / 1e6
        seconds = 0.0 if reader_only else cpu(lambda: convert_all(texts))  # noqa: B023
        out["corpora"].append({"label": label, "files": len(texts), "mb": mb, "s": seconds})
    out["sizes"] = []
    for mb in sizes:
        text = source(one_line_text(int(mb * 1_000_000)), "one-line")
        reader_s = cpu(lambda: CascadeReader().read(text, edition))  # noqa: B023
        stages.clear()
        pipeline_s = 0.0 if reader_only else cpu(lambda: convert(text))  # noqa: B023
        row = {"mb": mb, "reader": reader_s, "pipeline": pipeline_s, "stages": dict(stages)}
        out["sizes"].append(row)
    return out


def _time_stages(passes: Any, stages: dict[str, float]) -> None:
    """Count the CPU seconds of each pass and of the safety check into ``stages``."""
    ordered, reading = passes.ordered_passes, passes.original_reading

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args)
            finally:
                stages[name] = stages.get(name, 0.0) + time.process_time() - start

        return run

    class Timed:
        def __init__(self, p: Any) -> None:
            self.name, self.enabled, self._call = p.name, p.enabled, timed(p.name, p)

        def __call__(self, doc: Any, ctx: Any) -> Any:
            return self._call(doc, ctx)

    passes.ordered_passes = lambda: [Timed(p) for p in ordered()]
    passes.original_reading = timed("safety check", reading)


def run_measure(src: Path, args: argparse.Namespace) -> dict[str, Any]:
    """``measure`` in a fresh process (so two revisions never share a module or a cache)."""
    cmd = [sys.executable, __file__, "--measure", str(src), "--sizes", args.sizes]
    if args.reader_only:
        cmd.append("--reader-only")
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout))


def report(columns: list[tuple[str, dict[str, Any]]], reader_only: bool) -> None:
    def line(label: str, values: list[str]) -> None:
        print(f"{label:44}" + "".join(f"{v:>16}" for v in values))

    print(f"{'CPU, after a warm-up':44}" + "".join(f"{name:>16}" for name, _ in columns))
    line("start-up (models loaded), s", [f"{r['startup']:.2f}" for _, r in columns])
    if not reader_only:
        for i, c in enumerate(columns[0][1]["corpora"]):
            corpus = [r["corpora"][i] for _, r in columns]
            label = f"{c['label']} ({c['files']} files, {c['mb']:.2f} MB), MB/s"
            line(label, [_rate(x["mb"], x["s"]) for x in corpus])
    for i, row in enumerate(columns[0][1]["sizes"]):
        mb, rows = row["mb"], [r["sizes"][i] for _, r in columns]
        figures = {
            "reader MB/s": [_rate(mb, r["reader"]) for r in rows],
            "pipeline s": [f"{r['pipeline']:.2f}" for r in rows],
            "pipeline MB/s": [_rate(mb, r["pipeline"]) for r in rows],
            "s/MB, ratio to the first size": [_ratio(r, i) for _, r in columns],
        }
        print(f"{mb:g} MB on one line")
        for name, values in figures.items():
            if reader_only and name != "reader MB/s":
                continue
            line(f"  {name}", values)
    if reader_only:
        return
    last = columns[-1][1]["sizes"][-1]
    print(f"\nwhere the time goes at {last['mb']:g} MB ({columns[-1][0]}), CPU s:")
    stages = dict(last["stages"])
    stages["reader and the rest"] = last["pipeline"] - sum(stages.values())
    for name, s in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {name:26} {s:7.2f}  {100 * s / last['pipeline']:5.1f} %")
    worst = min(r["mb"] / r["pipeline"] for r in columns[-1][1]["sizes"])
    print(f"target >= 1 MB/s through the whole pipeline: {'met' if worst >= 1 else 'NOT met'}")


def _rate(mb: float, seconds: float) -> str:
    return f"{mb / seconds:.2f}" if seconds else "-"


def _ratio(r: dict[str, Any], i: int) -> str:
    first, row = r["sizes"][0], r["sizes"][i]
    if not first["pipeline"]:  # --reader-only: the pipeline was not run
        return "-"
    return f"{(row['pipeline'] / row['mb']) / (first['pipeline'] / first['mb']):.2f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--sizes", default="1,3,10", help="sizes in MB, comma-separated")
    ap.add_argument("--reader-only", action="store_true", help="time the reader alone")
    ap.add_argument("--rev", help="also measure this git revision's code, side by side")
    ap.add_argument("--measure", metavar="SRC", help=argparse.SUPPRESS)
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    if args.measure:
        print(json.dumps(measure(Path(args.measure), sizes, args.reader_only)))
        return 0
    columns: list[tuple[str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.rev:
            archive = subprocess.run(
                ["git", "-C", str(REPO), "archive", args.rev, "src"],
                check=True,
                capture_output=True,
            ).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            columns.append((args.rev, run_measure(Path(tmp) / "src", args)))
        columns.append(("working tree", run_measure(REPO / "src", args)))
    report(columns, args.reader_only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
