#!/usr/bin/env python3
"""CPU seconds of teiedit's ODD compiler beside the TEI's own ODD processor (TEI Stylesheets in saxonche).

Usage: python benchmarks/odd.py [--stylesheets DIR] [--p5subset FILE] [--repeat N]

A third set of rows: the exemplars that bring in external RELAX NG modules (tei_math, tei_svg, tei_its,
tei_odds), their grammars found beside them in ../shared/tei-p5/odd through a catalog; the TEI side is given
a copy of each ODD whose moduleRef/@url names the local file (it would fetch the URL otherwise).

Two jobs, each done both ways: schema/teiedit.odd to RELAX NG + Schematron (teiedit also writes the XSD and
the HTML reference in its time), and tei_all (an ODD of moduleRefs, compiled against p5subset.xml) to
RELAX NG. The TEI side is odd2odd, then odd2relax and extract-isosch on the compiled ODD, run in this
process through teiedit's one Saxon processor (stylesheets compiled once, outside the timing). The
Stylesheets and p5subset.xml are not part of teiedit: give their paths, or keep the reference data in
../shared/tei-p5 beside the repository. Each figure is the best of N runs (process CPU time).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from lxml import etree

from teiedit import xslt
from teiedit.io import read_xml
from teiedit.odd.build import compile_odd, compiled_files
from teiedit.odd.catalog import local_file
from teiedit.odd.model import load_odd

SHARED = REPO.parent / "shared" / "tei-p5"


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def tei_toolchain(
    stylesheets: Path, p5subset: Path, odd: Path | etree._ElementTree, isosch: bool
) -> None:
    """odd2odd, odd2relax (and extract-isosch) as the TEI's own build runs them."""
    compiled = xslt.transform(
        stylesheets / "odds" / "odd2odd.xsl",
        read_xml(odd) if isinstance(odd, Path) else odd,
        params={"defaultSource": p5subset.resolve().as_uri()},
    ).output
    tree = etree.fromstring(compiled.encode("utf-8"))
    xslt.transform(stylesheets / "odds" / "odd2relax.xsl", tree)
    if isosch:
        xslt.transform(stylesheets / "odds" / "extract-isosch.xsl", tree)


def external_catalog(odd_dir: Path, out: Path) -> Path:
    """TEI's catalog, and the Exemplars/ URLs tei_its and tei_odds use, which it does not map."""
    catalog = out / "teiedit-bench-catalog.xml"
    catalog.write_text(
        '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">'
        f'<nextCatalog catalog="{(odd_dir / "catalog.xml").as_uri()}"/>'
        '<rewriteURI uriStartString="https://www.tei-c.org/release/xml/tei/Exemplars/" '
        f'rewritePrefix="{odd_dir.as_uri()}/"/></catalog>',
        encoding="utf-8",
    )
    return catalog


def with_local_modules(odd: Path, catalog: Path) -> etree._ElementTree:
    """The ODD with each moduleRef/@url replaced by the local file the catalog maps it to."""
    tree = read_xml(odd)
    for ref in tree.iter("{http://www.tei-c.org/ns/1.0}moduleRef"):
        if ref.get("url"):
            local = local_file(ref.get("url", ""), [catalog], odd.parent)
            assert local is not None, ref.get("url")
            ref.set("url", local.as_uri())
    return tree


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stylesheets", type=Path, default=SHARED / "stylesheets")
    ap.add_argument("--p5subset", type=Path, default=SHARED / "p5subset.xml")
    ap.add_argument("--tei-all", type=Path, default=SHARED / "odd" / "tei_all.odd")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    for need in (args.stylesheets / "odds" / "odd2odd.xsl", args.p5subset, args.tei_all):
        if not need.is_file():
            print(f"missing {need}: give --stylesheets, --p5subset and --tei-all", file=sys.stderr)
            return 2
    ours_odd = REPO / "schema" / "teiedit.odd"
    for name in ("odd2odd", "odd2relax", "extract-isosch"):  # compile once, outside the timing
        xslt.compile_stylesheet(args.stylesheets / "odds" / f"{name}.xsl")

    out = Path("/tmp") if Path("/tmp").is_dir() else REPO / "out"
    rows = [
        (
            "schema/teiedit.odd -> rng + sch (+ xsd, html)",
            best(lambda: compiled_files(load_odd(ours_odd)), args.repeat),
            best(
                lambda: tei_toolchain(args.stylesheets, args.p5subset, ours_odd, True), args.repeat
            ),
        ),
        (
            "tei_all.odd + p5subset.xml -> rng",
            best(lambda: compile_odd(args.tei_all, out, source=args.p5subset), args.repeat),
            best(
                lambda: tei_toolchain(args.stylesheets, args.p5subset, args.tei_all, False),
                args.repeat,
            ),
        ),
    ]
    odd_dir = args.tei_all.parent
    catalog = external_catalog(odd_dir, out)
    for name in ("tei_math", "tei_svg", "tei_its", "tei_odds"):
        odd = odd_dir / f"{name}.odd"
        ours = partial(compile_odd, odd, out, source=args.p5subset, catalogs=[catalog])
        local = with_local_modules(odd, catalog)
        theirs = partial(tei_toolchain, args.stylesheets, args.p5subset, local, False)
        rows.append(
            (
                f"{name}.odd (external module) -> rng",
                best(ours, args.repeat),
                best(theirs, args.repeat),
            )
        )
    print(f"{'job':48} {'teiedit':>9} {'TEI XSLT':>9} {'ratio':>6}")
    for job, ours, theirs in rows:
        print(f"{job:48} {ours:8.2f}s {theirs:8.2f}s {theirs / ours:5.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
