#!/usr/bin/env python3
"""Editorial brackets: what the pass finds in sources/ and how fast it runs.

Usage: python benchmarks/brackets.py [--big-mb N]
Prints, per source, the bracket expressions found by kind; the time of the pass alone over the converted
sources; and the time over synthetic single-line paragraphs (a capture without line breaks): one of
--big-mb MB (default 10) of prose with a bracket group every ~2 KB, one of --dense-mb MB (default 1) made
of nothing but bracket-dense sentences. The original reading is checked after each run.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# A script's own folder comes first on sys.path; keep benchmarks/ off it, so that a benchmark named
# like a module (pdf.py, web.py) can never shadow an import of the code it measures.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != REPO / "benchmarks"]
sys.path.insert(0, str(REPO / "src"))

from lxml import etree  # noqa: E402

from teiedit.config import default_settings  # noqa: E402
from teiedit.document import TEI_NS, TeiDocument, xpath  # noqa: E402
from teiedit.pipeline import ConvertOptions, convert_text, source_from_file  # noqa: E402
from teiedit.transforms import PassContext, ordered_passes, original_reading, run_passes  # noqa: E402
from teiedit.transforms.brackets import MarkEditorialBrackets  # noqa: E402

SAMPLE = (
    "The plan [two words illegible] was sent to comrades Smith and [Jones], S[o] Hwi said, and "
    "Pak Heon-yeong [Pak Hon Yong] of the CC [Central Committee] Presidium [SIC] replied finances[?] "
    "[...] Authenticated: [signed] B. Petrov [Document #3] [1]. "
)


def _time_pass(doc: TeiDocument, edition: object) -> tuple[float, PassContext]:
    ctx = PassContext(settings=edition)  # type: ignore[arg-type]
    text = xpath(doc.root, "tei:text")[0]
    before = original_reading(text)
    t0 = time.perf_counter()
    diags = run_passes(doc, ctx, strict=False, only=["brackets"])
    elapsed = time.perf_counter() - t0
    assert not diags and original_reading(text) == before, "original reading changed"
    return elapsed, ctx


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big-mb", type=float, default=10.0)
    parser.add_argument("--dense-mb", type=float, default=1.0)
    args = parser.parse_args()
    edition = default_settings(REPO)

    total = 0.0
    print(f"{'source':55} {'brackets':>8}  kinds")
    for path in sorted((REPO / "sources").glob("*.txt")):
        # the passes that run before this one in the pipeline (PDF repair, notes, ...), then this one alone
        names = [p.name for p in ordered_passes()]
        earlier = names[: names.index(MarkEditorialBrackets.name)]
        conversion, _, _ = convert_text(
            source_from_file(path), edition, ConvertOptions(passes=earlier)
        )
        counts: Counter[str] = Counter()
        for doc in conversion.documents:
            elapsed, ctx = _time_pass(doc, edition)
            total += elapsed
            counts.update(r["kind"] for r in ctx.records.get("brackets", []))  # type: ignore[misc]
        kinds = ", ".join(f"{k} {n}" for k, n in counts.most_common())
        print(f"{path.name[:55]:55} {sum(counts.values()):8}  {kinds}")
    print(f"pass over all sources: {total * 1000:.1f} ms")

    filler = "Plain running prose of the document without any editorial intervention at all. " * 24
    for label, unit, mb in (
        ("sparse", SAMPLE + filler, args.big_mb),
        ("dense", SAMPLE, args.dense_mb),
    ):
        repeats = int(mb * 1_000_000 / len(unit)) or 1
        root = etree.fromstring(
            f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body><p/></body></text></TEI>'
        )
        root.find(f".//{{{TEI_NS}}}p").text = unit * repeats
        doc = TeiDocument(tree=etree.ElementTree(root), name="big")
        elapsed, ctx = _time_pass(doc, edition)
        found = len(ctx.records.get("brackets", []))
        size = len(unit) * repeats / 1e6
        print(
            f"{label}: one {size:.1f} MB paragraph, {found} brackets: {elapsed:.2f} s "
            f"({size / elapsed:.1f} MB/s, {found / elapsed:,.0f} brackets/s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
