"""teiedit schema: compile the ODD into schema/build/ (or any customisation against a TEI source)."""

from __future__ import annotations

import argparse
from pathlib import Path

from teiedit.commands.base import Subparsers
from teiedit.config import find_edition_root, load_settings
from teiedit.console import print_diagnostic, summary
from teiedit.diagnostics import EXIT_FINDINGS, EXIT_OK, TeieditError
from teiedit.resources import in_checkout, schema_dir

HELP = """\
Compile the edition's ODD (schema/teiedit.odd) into schema/build/: teiedit.rng (RELAX NG), teiedit.sch
(ISO Schematron), teiedit.xsd (XML Schema), teiedit.html (a reference of the customisation) and
teiedit-pm.xsl / teiedit-pm-print.xsl (the processing model: which behaviour renders each element on the
web and in print, from the ODD's <model> elements). The output is deterministic, so the compiled files can
be committed and editors can point their XML editor at them. Models that name an unknown behaviour,
parameter or output are reported with their line (exit code 1).

With --source P5SUBSET, compile any TEI customisation that references TEI modules (moduleRef, elementRef,
elementSpec/classSpec mode="change|delete|replace", attribute changes) against that TEI source, which you
supply: teiedit never fetches one. This writes <ident>.rng beside the ODD (or into --out). External RELAX NG
modules (moduleRef/@url: MathML, SVG, ITS, RELAX NG) are merged from local files, found through the XML
catalogs given with --catalog (or the edition's) or as a path relative to the ODD."""


def add_parser(sub: Subparsers) -> None:
    p = sub.add_parser(
        "schema", help="compile the ODD into RELAX NG, Schematron, XSD and HTML", description=HELP
    )
    p.add_argument("odd_file", nargs="?", type=Path, metavar="ODD", help="the ODD to compile")
    p.add_argument("--odd", type=Path, help="the ODD to compile (default: schema/teiedit.odd)")
    p.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: schema/build)")
    p.add_argument(
        "--source",
        type=Path,
        metavar="P5SUBSET",
        help="a TEI source (p5subset.xml) to resolve moduleRef and mode=change|delete against",
    )
    p.add_argument(
        "--catalog",
        type=Path,
        action="append",
        metavar="FILE",
        help="an OASIS XML catalog mapping the URLs of external RELAX NG modules (moduleRef/@url) to "
        "local files (default: the edition's schema/catalog.xml); may be given more than once",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teiedit.odd.build import compile_odd

    in_edition = find_edition_root(Path.cwd()) is not None
    base = load_settings().schema if in_edition else schema_dir()
    odd = args.odd_file or args.odd or base / "teiedit.odd"
    if not Path(odd).is_file():
        raise TeieditError(
            "no such ODD file", odd, hint="give the path of the customisation (.odd)"
        )
    if args.source is None and args.out is None and not in_edition and not in_checkout():
        # The default would be the schema folder inside the installed package (site-packages).
        raise TeieditError(
            "outside an edition, an installed teiedit has no schema/build folder to write into",
            odd,
            hint="give --out DIR, or run this in an edition (create one with `teiedit init DIR`)",
        )
    if args.source is not None:
        out = args.out or Path(odd).resolve().parent
    else:
        out = args.out or base / "build"
    catalogs = args.catalog
    if catalogs is None and in_edition and (base / "catalog.xml").is_file():
        catalogs = [base / "catalog.xml"]
    written = compile_odd(odd, out, source=args.source, catalogs=catalogs)
    for w in written:
        summary(f"wrote {w}")
    if args.source is None:
        from teiedit.odd.pm_compile import compile_processing_model

        problems = compile_processing_model(Path(odd)).diagnostics
        for d in problems:
            print_diagnostic(d)
        if problems:
            summary(
                f"{len(problems)} problems in the processing model: those models render their element "
                "as if it had none"
            )
            return EXIT_FINDINGS
    return EXIT_OK
