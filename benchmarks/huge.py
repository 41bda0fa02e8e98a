#!/usr/bin/env python3
"""Huge documents: CPU seconds and peak memory of validate, web and print as one document grows.

Usage: python benchmarks/huge.py [--full] [--sizes N,N,...] [--print-sizes N,N,...]

Each document is one TEI file whose body holds N short paragraphs (the shape of the 9 MB, one-million-
paragraph file of issue 22 at --full). Every stage runs as its own ``teiedit`` process, so that the
figures are that stage's: CPU seconds of the process and its workers, and the process's peak memory.
The ratio column (CPU seconds per thousand paragraphs) stays flat when a stage is linear. Print lays
out documents up to the limit of builders/print_limit.py (MAX_PRINT_ELEMENTS) and leaves larger ones
out (exit 1, the other documents printed): the last line shows how long that takes. Documents are made in processes of their own: a process
started by this one would count this one's memory as its own peak.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from lxml import etree

from teiedit.builders.print_limit import MAX_PRINT_ELEMENTS

TEI_NS = "http://www.tei-c.org/ns/1.0"
HEADER_FROM = REPO / "tei" / "bulletin-cwihp-1956-crisis-documents-02.xml"


def make_document(n: int, path: Path) -> int:
    """A valid TEI document (an edition document's header) with ``n`` paragraphs; its size in bytes."""
    tree = etree.parse(str(HEADER_FROM))
    body = tree.getroot().find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
    assert body is not None
    for child in list(body):
        body.remove(child)
    body.text = "\n"
    for i in range(n):
        p = etree.SubElement(body, f"{{{TEI_NS}}}p")
        p.text = f"Paragraph {i}."
        p.tail = "\n"
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    path.write_bytes(data)
    return len(data)


def run(args: list[str], cwd: Path) -> tuple[float, float, int]:
    """(CPU seconds of the process and its workers, its peak memory in MB, exit code)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "teiedit", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--full", action="store_true", help="add the one-million-paragraph document")
    ap.add_argument("--sizes", default="10000,30000,100000", help="paragraphs, validate and web")
    ap.add_argument("--print-sizes", default="2000,6000,20000", help="paragraphs, print")
    ap.add_argument("--make", nargs=2, metavar=("N", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.make:  # in a process of its own, so that the stages do not inherit its memory
        make_document(int(args.make[0]), Path(args.make[1]))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")] + ([1_000_000] if args.full else [])
    print_sizes = [int(s) for s in args.print_sizes.split(",")]
    print(
        f"{'stage':<10}{'paragraphs':>12}{'MB in':>8}{'CPU s':>9}{'s/1k par':>10}{'peak MB':>9}  exit"
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        jobs = [("validate", n) for n in sizes] + [("web", n) for n in sizes]
        jobs += [("print", n) for n in print_sizes] + [
            ("print", max(sizes + [MAX_PRINT_ELEMENTS * 2]))
        ]
        for stage, n in jobs:
            folder = work / f"in-{n}"
            doc = folder / f"huge-{n}.xml"
            if not doc.is_file():
                folder.mkdir()
                subprocess.run([sys.executable, __file__, "--make", str(n), str(doc)], check=True)
            size = doc.stat().st_size / 2**20
            command = {
                "validate": ["validate", str(doc)],
                "web": ["html", str(folder), "--out", str(work / f"html-{n}")],
                "print": ["pdf", str(folder), "--out", str(work / f"pdf-{n}")],
            }[stage]
            cpu, peak, code = run(command, work)
            note = " (left out: over the print limit)" if stage == "print" and code == 1 else ""
            print(
                f"{stage:<10}{n:>12,}{size:>8.1f}{cpu:>9.1f}{cpu / n * 1000:>10.3f}{peak:>9.0f}"
                f"  {code}{note}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
