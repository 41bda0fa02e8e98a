"""teiedit validate: check TEI files against the edition's compiled schema (or the one they declare)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from teiedit.commands.base import Subparsers, add_jobs, workers_from
from teiedit.config import find_edition_root, load_settings
from teiedit.console import out_console, print_diagnostic, summary
from teiedit.diagnostics import Diagnostic, Report, TeieditError

if TYPE_CHECKING:  # the validators are imported when the command runs (quick --help)
    from teiedit.validate import Schemas
    from teiedit.workers import Workers

HELP = """\
Validate TEI files or folders (recursively): RELAX NG and Schematron (schema/build/teiedit.rng and .sch),
or XML Schema with --xsd. A file that declares a local RELAX NG in an xml-model processing instruction is
checked against that schema; one whose declared schema is remote is checked against --tei-all if given,
else against teiedit. A Schematron a file declares runs only with --trust-schematron (and then without
access to files, network or host). XInclude is resolved for local files under the document's folder only.
Without a PATH, the edition around the current folder: its documents, front matter and registers (a
register file is checked as a register: a bare <listPerson>, <listPlace> or <listOrg> against the grammar
started there). Exit 0 when all are valid, 1 when some are invalid, 2 on bad input (a missing file, a
file that is no XML, a folder without XML files)."""


def add_parser(sub: Subparsers) -> None:
    p = sub.add_parser("validate", help="validate TEI files against the schema", description=HELP)
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="TEI files or folders (none: the edition around the current folder, its documents, "
        "front matter and registers)",
    )
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
        metavar="FILE.xsd",
        help="use XML Schema (xmlschema) instead of RELAX NG, by default teiedit.xsd beside the RNG "
        "(a value that is no .xsd file is taken as a PATH to validate)",
    )
    p.add_argument(
        "--xsd-file", type=Path, metavar="FILE", help="use XML Schema, this one (implies --xsd)"
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

    _xsd_option(args)
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
    with workers_from(args) as workers:
        if not args.paths:
            report = validate_edition_here(schemas, workers)
        else:
            files = checked_inputs(args.paths)
            registers = edition_registers(files)
            report = validate_paths([f for f in files if f not in registers], schemas, workers)
            if registers:  # the edition's register files, checked as registers (a bare list is one)
                from teiedit.register_check import check_registers
                from teiedit.registers import load_registers

                checked = check_registers(registers, schemas, load_registers(load_settings()).ids())
                report.files_checked.extend(checked.files_checked)
                report.extend(checked.diagnostics)
    report.diagnostics = [explain_input(d) for d in report.diagnostics]
    emit(report, args.format, args.output)
    return report.exit_code


def _xsd_option(args: argparse.Namespace) -> None:
    """``--xsd FILE`` takes FILE only when it is an XML Schema: ``--xsd a.xml`` validates a.xml (with the
    default XSD), as it would have before the option took a value."""
    if isinstance(args.xsd, str) and not args.xsd.endswith(".xsd"):
        args.paths.insert(0, Path(args.xsd))
        args.xsd = True
    if args.xsd_file is not None:
        args.xsd = str(args.xsd_file)


def checked_inputs(paths: list[Path]) -> list[Path]:
    """The files to check: every path must exist, and a folder must hold XML."""
    from teiedit.io import iter_xml_files

    files: list[Path] = []
    for p in paths:
        if not p.exists():
            raise TeieditError("no such file or folder", p, hint="check the path")
        found = list(iter_xml_files([p]))
        if p.is_dir() and not found:
            raise TeieditError(
                "no XML files in this folder (nor below it)",
                p,
                hint="name TEI files (*.xml) or a folder that holds some",
            )
        files += found
    return files


def edition_registers(files: list[Path]) -> list[Path]:
    """Those of ``files`` that are register files of the edition around the current folder."""
    if find_edition_root(Path.cwd()) is None:
        return []
    folder = load_settings().registers
    return [f for f in files if folder in f.resolve().parents]


def validate_edition_here(schemas: Schemas, workers: Workers | None = None) -> Report:
    """Everything of the edition around the current folder: its documents, front matter, registers."""
    from teiedit.edition_files import edition_tei_files
    from teiedit.front_matter import front_files
    from teiedit.register_check import check_edition_registers
    from teiedit.registers import load_registers
    from teiedit.validate import validate_paths

    if find_edition_root(Path.cwd()) is None:
        raise TeieditError(
            "no PATH given and no edition here (no teiedit.toml here or above)",
            Path.cwd(),
            hint="name TEI files or folders, or run this inside an edition folder",
        )
    settings = load_settings()
    files = [*edition_tei_files(settings), *front_files(settings)]
    if not files and not settings.registers.is_dir():
        raise TeieditError(
            "the edition has no TEI files yet",
            settings.tei,
            hint="run `teiedit build` to convert the sources first",
        )
    report = validate_paths(files, schemas, workers)
    registers = check_edition_registers(settings, schemas, load_registers(settings))
    report.files_checked.extend(registers.files_checked)
    report.extend(registers.diagnostics)
    return report


def explain_input(diag: Diagnostic) -> Diagnostic:
    """A file that is not XML at all (plain text, a PDF) is said to be that, not a broken tag."""
    from dataclasses import replace

    if not diag.message.startswith("not well-formed XML") or not diag.path:
        return diag
    try:
        with open(diag.path, "rb") as handle:
            head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return diag
    if head.startswith(b"<"):
        return diag
    from teiedit.source_check import what_is

    found = what_is(Path(diag.path))
    what = found[0] if found else "plain text"
    return replace(
        diag,
        message=f"not XML: this file is {what}, not TEI",
        line=0,
        suggestion="convert a plaintext source to TEI with `teiedit convert FILE --out DIR` "
        "(or `teiedit build` in an edition), then validate the TEI",
    )


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
        summary(f"{len(report.files_checked)} files checked, {n_bad} invalid")
        return
    if output:
        from teiedit.io import write_text_atomic

        write_text_atomic(output, text)
    else:
        out_console.file.write(text)
