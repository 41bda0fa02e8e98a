#!/usr/bin/env python3
"""Repair rates and speed on the damaged bulletin, against a hand-made ground truth.

Usage: python benchmarks/repair.py [--source FILE] [--truth TSV] [--show-misses]

The truth (benchmarks/data/repair/bulletin.tsv) was annotated by reading the damaged spans: each row gives a
damaged span exactly as the source has it and the reading it stands for, typed by hand (kind ``shift`` for
one word of shifted-font text, ``letterspace`` for a letter-spaced run, ``hyphenation`` for a word hyphenated
across a line inside a paragraph, ``hyphen-block`` for one hyphenated across a paragraph or page break of the
extraction, whose halves may touch in the TEI). ``anchor`` (optional) is clean text just before the span; spans are searched in source order, after the anchor when one is given.

The bulletin is converted with the normal pipeline (any reader); the repair pass then runs on the TEI. Each
truth span is located in the original reading of the TEI, and counts as
  found     when a repair (choice) overlaps it,
  repaired  when the corrected reading of exactly that span (corr instead of sic) equals the truth,
  left      otherwise.
Comparison collapses whitespace and treats curly and straight quotes alike. The pass's run time on the whole
bulletin is printed with and without building the language model (done once per process).
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# A script's own folder comes first on sys.path; keep benchmarks/ off it, so that a benchmark named
# like a module (pdf.py, web.py) can never shadow an import of the code it measures.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO / "src"))

from lxml import etree

from teiedit.config import default_settings
from teiedit.document import TEI_NS, TeiDocument, local_name, xpath
from teiedit.pipeline import ConvertOptions, convert_text, source_from_file
from teiedit.transforms import PassContext, run_passes

KINDS = ("shift", "letterspace", "hyphenation", "hyphen-block")
SOURCE = REPO / "sources" / "bulletin-cwihp-1956-crisis-documents.txt"
TRUTH = REPO / "benchmarks" / "data" / "repair" / "bulletin.tsv"


@dataclass
class Item:
    kind: str
    anchor: str
    damaged: str
    reading: str


@dataclass
class Segment:
    """A stretch of the text: ``orig`` as the source has it, ``corr`` as the corrected reading has it."""

    orig: str
    corr: str
    repaired: bool


def load_truth(path: Path) -> list[Item]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Item(r["kind"], r["anchor"] or "", r["damaged"], r["reading"]) for r in rows]


def segments(docs: list[TeiDocument]) -> list[Segment]:
    """The text of every document's tei:text in reading order, split at repairs."""
    out: list[Segment] = []

    def text_of(el: etree._Element, skip: frozenset[str]) -> str:
        parts: list[str] = [el.text or ""]
        for child in el:
            if isinstance(child.tag, str) and local_name(child) not in skip:
                parts.append(text_of(child, skip))
            parts.append(child.tail or "")
        return "".join(parts)

    def walk(el: etree._Element) -> None:
        if el.text:
            out.append(Segment(el.text, el.text, False))
        for child in el:
            if isinstance(child.tag, str) and etree.QName(child).namespace == TEI_NS:
                name = local_name(child)
                if name == "choice":
                    sic = xpath(child, "tei:sic | tei:orig")
                    corr = xpath(child, "tei:corr | tei:reg")
                    out.append(
                        Segment(
                            "".join(text_of(s, frozenset()) for s in sic),
                            "".join(text_of(c, frozenset()) for c in corr),
                            True,
                        )
                    )
                elif name == "seg" and child.get("type") == "pdf-debris":
                    t = text_of(child, frozenset())
                    out.append(Segment(t, t, True))
                elif name in {"corr", "reg"} or (
                    name == "note" and child.get("resp") == "#teiedit"
                ):
                    pass
                else:
                    walk(child)
            if child.tail:
                out.append(Segment(child.tail, child.tail, False))

    for doc in docs:
        for text in xpath(doc.root, "//tei:text[not(ancestor::tei:text)]"):
            walk(text)
    return out


def norm(s: str) -> str:
    s = s.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return " ".join(s.split())


def evaluate(items: list[Item], segs: list[Segment]) -> list[tuple[Item, bool, bool, str]]:
    """For every truth item: (item, found, repaired, corrected reading of its span)."""
    original = "".join(s.orig for s in segs)
    starts: list[int] = []
    pos = 0
    for s in segs:
        starts.append(pos)
        pos += len(s.orig)
    results: list[tuple[Item, bool, bool, str]] = []
    cursor = 0
    for item in items:
        if item.anchor:
            # the reader may start a new block inside the anchor (a long line read as two paragraphs):
            # a block break is no text, so the anchor's words may touch there
            words = item.anchor.split()
            anchor = re.compile(r"\s*".join(re.escape(w) for w in words))
            found_anchor = anchor.search(original, cursor)
            if found_anchor is None:
                raise SystemExit(f"truth anchor not found after offset {cursor}: {item.anchor!r}")
            cursor = found_anchor.end()
        # A block break is no text in the TEI: the halves of a word broken across blocks may touch there.
        gap = r"\s*" if item.kind.startswith("hyphen") else r"\s+"
        pattern = gap.join(re.escape(p) for p in item.damaged.split())
        m = re.compile(pattern).search(original, cursor)
        if not m:
            raise SystemExit(f"truth span not found after offset {cursor}: {item.damaged!r}")
        a, b = m.span()
        cursor = b
        found, corrected = False, []
        for s, st in zip(segs, starts, strict=True):
            end = st + len(s.orig)
            if end <= a or st >= b:
                continue
            if s.repaired:
                found = True
                corrected.append(s.corr)
            else:
                corrected.append(s.orig[max(a, st) - st : min(b, end) - st])
        reading = "".join(corrected)
        results.append((item, found, norm(reading) == norm(item.reading), reading))
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--truth", type=Path, default=TRUTH)
    ap.add_argument("--show-misses", action="store_true", help="list the truth spans not repaired")
    args = ap.parse_args()

    edition = default_settings(REPO)
    source = source_from_file(args.source)
    conversion, _diags, _records = convert_text(source, edition, ConvertOptions(repair=False))
    docs = conversion.documents

    from teiedit.repair.model import english

    t0, c0 = time.perf_counter(), time.process_time()
    english()
    t_model, c_model = time.perf_counter() - t0, time.process_time() - c0
    ctx = PassContext(settings=edition, options={"repair": True})
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in docs:
        diags = run_passes(doc, ctx, strict=True, only=["repair"])
        if diags:
            print("\n".join(d.message for d in diags))
            return 1
    t_pass, c_pass = time.perf_counter() - t0, time.process_time() - c0

    results = evaluate(load_truth(args.truth), segments(docs))
    print(
        f"source: {args.source.name}; truth: {args.truth.relative_to(REPO) if args.truth.is_relative_to(REPO) else args.truth}"
    )
    print(
        f"{'kind':<12} {'damaged':>8} {'found':>7} {'repaired':>9} {'left':>6} {'repaired %':>11}"
    )
    for kind in KINDS:
        rows = [r for r in results if r[0].kind == kind]
        n, found, rep = len(rows), sum(r[1] for r in rows), sum(r[2] for r in rows)
        pct = 100.0 * rep / n if n else 0.0
        print(f"{kind:<12} {n:>8} {found:>7} {rep:>9} {n - rep:>6} {pct:>10.1f}%")
    repairs = ctx.records.get("repair", [])
    by_cert: dict[str, int] = {}
    for r in repairs:
        by_cert[str(r["cert"])] = by_cert.get(str(r["cert"]), 0) + 1
    print(
        f"repairs made in the whole bulletin: {len(repairs)} "
        f"({', '.join(f'{k} {v}' for k, v in sorted(by_cert.items()))})"
    )
    print(
        f"repair pass on the whole bulletin: {t_pass:.2f} s wall, {c_pass:.2f} s CPU "
        f"(+ {t_model:.2f} s wall, {c_model:.2f} s CPU to build the language model once per process)"
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(f"machine load average {load:.1f} on {os.cpu_count()} CPUs (wall times grow with it)")
    if args.show_misses:
        for item, found, ok, reading in results:
            if not ok:
                print(
                    f"  {'found' if found else 'MISSED':<6} {item.kind:<11} {item.damaged[:60]!r} -> "
                    f"{reading[:80]!r} (truth {item.reading[:80]!r})"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
