"""teiedit import: bring TEI from other projects into the edition (tei/imported/), unaltered."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from teiedit.commands.base import Subparsers
from teiedit.console import out_console, print_diagnostic, summary
from teiedit.diagnostics import Level

HELP = """\
Import TEI files or folders written by other projects into the edition's tei/imported/ folder.
XIncludes are resolved when their targets are local files inside the imported folder (never from the
network); each file is checked against the schema it declares (when that is a local file; its declared
Schematron only with --trust-schematron), else
against tei_all when you pass --tei-all, else against teiedit's schema, and the problems are listed.
Files are stored unaltered (or, with XIncludes, resolved; the entities a DOCTYPE declares, expanded;
TEI P4 converted to P5) and listed in tei/imported/manifest.json,
with a report of register conflicts (one person under two ids). `teiedit build`, `teiedit html` and
`teiedit pdf` render them.

Exit 0 when everything was imported and is valid, 1 when imported files have schema problems,
2 when some files could not be imported (each with its reason) or on bad input."""


def add_parser(sub: Subparsers) -> None:
    p = sub.add_parser(
        "import",
        help="import TEI from other projects into the edition",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="TEI files or folders")
    p.add_argument(
        "--into",
        type=Path,
        metavar="EDITION",
        help="the edition folder (default: the edition around the current folder)",
    )
    p.add_argument(
        "--tei-all",
        type=Path,
        metavar="PATH",
        help="tei_all.rng to check files that declare no local schema",
    )
    p.add_argument(
        "--include-root",
        type=Path,
        metavar="DIR",
        help="folder that XIncludes may reach (default: the folder imported, or the file's folder)",
    )
    p.add_argument(
        "--trust-schematron",
        action="store_true",
        help="also run the Schematron a file declares (it runs without access to files, network or host)",
    )
    p.add_argument("--report", type=Path, metavar="FILE", help="also write the full report as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teiedit.config import load_settings
    from teiedit.exchange.import_report import report_lines
    from teiedit.exchange.importer import import_files
    from teiedit.io import write_text_atomic

    edition = load_settings(args.into) if args.into else load_settings()
    report = import_files(
        args.paths,
        edition,
        tei_all=args.tei_all,
        include_root=args.include_root,
        trust_schematron=args.trust_schematron,
    )
    for d in report_lines(report):
        if d.level is Level.INFO:
            out_console.print(d.format(), markup=False)
        else:
            print_diagnostic(d)
    counts = {
        s: sum(1 for f in report.files if f.status == s)
        for s in ("imported", "unchanged", "included", "refused")
    }
    summary(
        f"{counts['imported']} imported, {counts['unchanged']} unchanged, {counts['included']} included "
        f"into others, {counts['refused']} refused; {len(report.conflicts)} register conflicts",
    )
    if args.report:
        write_text_atomic(
            args.report, json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
        )
    return report.exit_code
