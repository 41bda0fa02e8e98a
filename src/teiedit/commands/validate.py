"""teiedit validate: check TEI files against the edition's compiled schema."""

from __future__ import annotations

import argparse
from pathlib import Path

from teiedit.config import find_edition_root, load_edition
from teiedit.console import out_console, print_diagnostic
from teiedit.diagnostics import Report, TeieditError
from teiedit.io import write_text_atomic

HELP = """\
Validate TEI files or folders (recursively) against the edition's schema (schema/build/teiedit.rng).
Exit 0 when all are valid, 1 when some are invalid, 2 on bad input (missing file, not XML)."""


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("validate", help="validate TEI files against the schema", description=HELP)
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="TEI files or folders")
    p.add_argument("--format", choices=["human", "json", "junit"], default="human",
                   help="how to print the findings (default: human)")
    p.add_argument("--output", type=Path, metavar="FILE", help="write the json/junit report to FILE")
    p.add_argument("--rng", type=Path, help="validate against this RELAX NG file instead")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teiedit.pipeline import edition_schemas
    from teiedit.resources import schema_dir
    from teiedit.validate import Schemas, validate_paths

    if args.rng:
        schemas = Schemas(rng=args.rng)
    elif find_edition_root(Path.cwd()):
        schemas = edition_schemas(load_edition())
    else:
        schemas = Schemas(rng=schema_dir() / "build" / "teiedit.rng")
    for p in args.paths:
        if not p.exists():
            raise TeieditError("no such file or folder", p, hint="check the path")
    report = validate_paths(args.paths, schemas)
    emit(report, args.format, args.output)
    return report.exit_code


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
        out_console.print(f"{len(report.files_checked)} files checked, {n_bad} invalid", markup=False)
        return
    if output:
        write_text_atomic(output, text)
    else:
        out_console.file.write(text)
