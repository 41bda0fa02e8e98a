#!/usr/bin/env python3
"""CPU seconds of the harvestable site: the site builder on this edition (cold, and again with nothing
changed), the static formats one by one, and the answers `teiedit serve` computes (DTS navigation and
document, OAI-PMH ListRecords) per request.

Usage: python benchmarks/site.py [--edition DIR] [--repeat N]
Prints one line per figure (best of N, CPU time of this process).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from teiedit.builder import BuildOptions
from teiedit.builders.registry import get_builder
from teiedit.builders.site import dts, oai
from teiedit.config import load_settings
from teiedit.edition import Edition


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", type=Path, default=REPO)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    edition = Edition.load(load_settings(args.edition))
    n = len(edition)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "html"
        get_builder("html").build(edition, site, BuildOptions({"link_pdf": False}))
        builder = get_builder("site")
        cold = best(lambda: builder.build(edition, site, BuildOptions(force=True)), args.repeat)
        warm = best(lambda: builder.build(edition, site, BuildOptions()), args.repeat)
        print(
            f"site builder, {n} documents: {cold:.2f} s CPU cold, {warm:.3f} s with nothing changed"
        )
        for name in ("oai", "dts", "beacon", "sitemap"):
            out = site / (f"{name}.xml" if name in ("oai", "sitemap") else name)
            if name == "sitemap":
                out = site / "sitemap.xml"
            secs = best(
                lambda name=name, out=out: get_builder(name).build(
                    edition, out, BuildOptions(force=True)
                ),
                args.repeat,
            )
            print(f"  {name:<8} {secs:.3f} s CPU")
    setup = best(
        lambda: (dts.Dts(edition, dts.Templates("/dts")), oai.Repository(edition)), args.repeat
    )
    api, repo = dts.Dts(edition, dts.Templates("/dts")), oai.Repository(edition)
    page = max(api.resources, key=lambda p: len(api.resources[p].units))
    units = len(api.resources[page].units)
    nav = best(
        lambda: api.navigation({"resource": page, "down": "-1"}, "/dts/navigation"), args.repeat
    )
    doc = best(lambda: api.document({"resource": page, "ref": "1"}), args.repeat)
    records = best(
        lambda: repo.respond({"verb": ["ListRecords"], "metadataPrefix": ["tei"]}), args.repeat
    )
    print(f"serve: start-up (DTS + OAI-PMH views) {setup:.3f} s CPU")
    print(f"serve: DTS navigation down=-1 of {page} ({units} units) {nav * 1000:.1f} ms CPU")
    print(f"serve: DTS document ref=1 {doc * 1000:.1f} ms CPU")
    print(f"serve: OAI-PMH ListRecords (TEI headers, {n} records) {records * 1000:.1f} ms CPU")


if __name__ == "__main__":
    main()
