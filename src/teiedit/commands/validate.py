"""teiedit validate: check TEI files against the edition's compiled schema (or the one they declare)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from teiedit.commands.base import Subparsers, add_jobs, workers_from
from teiedit.config import find_edition_root, load_settings
from teiedit.console import out_console, print_diagnostic
from teiedit.diagnostics import Report, TeieditError

if TYPE_CHECKING:  # the validators are imported when the command runs (quick --help)
    from teiedit.validate import Schemas

HELP = """\
Validate TEI files or folders (recursively): RELAX NG and Schematron (schema/build/teiedit.rng and .sch),
or XML Schema with --xsd. A file that declares a local RELAX NG in an xml-model processing instruction is
checked against that schema; one whose declared schema is remote is checked against --tei-all if given,
else against teiedit. A Schematron a file declares runs only with --trust-schematron (and then without
access to files, network or host). XInclude is resolved for local files under the document's folder only.
Exit 0 when all are valid, 1 when some are invalid, 2 on bad input (missing file, not XML)."""


def add_parser(sub: Subparsers) -> None:
    p = sub.add_parser("validate", help="validate TEI files against the schema", description=HELP)
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="TEI files or folders")
    p.add_argument(
        "--format",
        choices=["human", "json", "junit"],
        default="human",
        help="how to print the findings: human lines, json (one object per diagnostic), junit",
    )
    p.add_argument(
        "--output", type=Path, metavar="FILE", help="write the json/junit report to FILE"
    )
    p.add_argument("--rng", type=Path, help="validate every file against this RELAX NG file")
    p.add_argument("--sch", type=Path, help="and against this ISO Schematron file")
    p.add_argument(
        "--xsd",
        nargs="?",
        const=True,
        default=None,
        metavar="FILE",
        help="use XML Schema (xmlschema) instead of RELAX NG; default teiedit.xsd beside the RNG",
    )
    p.add_argument(
        "--tei-all",
        type=Path,
        metavar="PATH",
        help="tei_all.rng for files whose declared schema is not a local file",
    )
    p.add_argument("--no-schematron", action="store_true", help="check the grammar only")
    p.add_argument(
        "--trust-schematron",
        action="store_true",
        help="also run a Schematron a file declares itself (an xml-model PI naming a schema that is "
        "not the edition's); it runs without access to files, network or host",
    )
    add_jobs(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teiedit.resources import schema_dir
    from teiedit.validate import Schemas, validate_paths
    from teiedit.validate.schemas import edition_schemas

    for opt in (
        args.rng,
        args.sch,
        args.tei_all,
        Path(args.xsd) if isinstance(args.xsd, str) else None,
    ):
        if opt is not None and not Path(opt).is_file():
            raise TeieditError("no such schema file", opt, hint="check the path")
    if args.rng:
        schemas = Schemas(rng=args.rng, sch=args.sch, schematron=args.sch is not None)
    elif find_edition_root(Path.cwd()):
        schemas = replace_defaults(edition_schemas(load_settings()), args)
    else:
        schemas = replace_defaults(Schemas(rng=schema_dir() / "build" / "teiedit.rng"), args)
    if args.xsd:
        from dataclasses import replace

        schemas = replace(
            schemas, use_xsd=True, xsd=Path(args.xsd) if isinstance(args.xsd, str) else None
        )
    if args.no_schematron:
        from dataclasses import replace

        schemas = replace(schemas, schematron=False)
    for p in args.paths:
        if not p.exists():
            raise TeieditError("no such file or folder", p, hint="check the path")
    with workers_from(args) as workers:
        report = validate_paths(args.paths, schemas, workers)
    emit(report, args.format, args.output)
    return report.exit_code


def replace_defaults(schemas: Schemas, args: argparse.Namespace) -> Schemas:
    """The edition's schemas, letting files choose their own declared schema and adding --tei-all/--sch."""
    from dataclasses import replace

    return replace(
        schemas,
        follow_xml_model=True,
        trust_schematron=args.trust_schematron,
        tei_all=args.tei_all,
        **({"sch": args.sch} if args.sch else {}),
    )


def emit(report: Report, fmt: str, output: Path | None) -> None:
    if fmt == "json":
        text = report.to_json() + "\n"
    elif fmt == "junit":
        from teiedit.junit import report_to_junit

        text = report_to_junit(report)
    else:
        for d in report.diagnostics:
            print_diagnostic(d)
        n_bad = report.count_invalid_files()
        out_console.print(
            f"{len(report.files_checked)} files checked, {n_bad} invalid", markup=False
        )
        return
    if output:
        from teiedit.io import write_text_atomic

        write_text_atomic(output, text)
    else:
        out_console.file.write(text)
