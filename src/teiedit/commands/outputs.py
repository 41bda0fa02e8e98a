"""The commands of the BUILDERS table, generated from it: ``teiedit NAME PATH... --out DIR`` for each
renderer (html, pdf) and ``teiedit export NAME --out PATH`` with one choice per export (cmif, corpus,
registers). Each builder's options, help and description come from its row of the table."""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from teiedit.builder import Builder, BuildOptions, Option
from teiedit.builders.registry import BUILDERS, builders_of
from teiedit.commands.base import Subparsers, UsageParser, add_jobs, workers_from
from teiedit.config import Settings, default_settings, find_edition_root, load_settings
from teiedit.console import print_diagnostic, progress, summary
from teiedit.diagnostics import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    Diagnostic,
    Level,
    Report,
    TeieditError,
)

if TYPE_CHECKING:
    from teiedit.edition import Edition

EXPORT_HELP = "Export the edition for other archives:"


def _add_option(parser: argparse.ArgumentParser, option: Option, prefix: str = "") -> None:
    if option.switch:
        parser.add_argument(option.flag, action="store_true", help=prefix + option.help)
    else:
        parser.add_argument(
            option.flag, type=option.type, metavar=option.metavar, help=prefix + option.help
        )


def _values(builder: Builder, args: argparse.Namespace) -> dict[str, object]:
    return {o.dest: getattr(args, o.dest, None) for o in builder.options}


def _run(builder: Builder, edition: Edition, out: Path, args: argparse.Namespace) -> int:
    told: list[str] = []
    found: list[Diagnostic] = []
    with progress() as step, workers_from(args) as workers:
        step(f"writing {builder.name} to {out}")
        options = BuildOptions(
            _values(builder, args),
            progress=step,
            report=told.append,
            notice=found.append,
            workers=workers,
        )
        written = builder.build(edition, out, options)
    for finding in found:  # what the output leaves out, and why (a document too large to print)
        print_diagnostic(finding)
    for line in told:
        summary(line)
    if not told:
        summary(f"{len(written)} files written to {out}")
    report = Report(diagnostics=found)
    return report.exit_code


def given_edition(settings: Settings, paths: list[Path]) -> Edition:
    """The edition of the TEI files and folders a command names (the edition's own ``tei/`` gives the
    documents ``teiedit build`` loads: its registers and front matter are not documents)."""
    from teiedit.edition import Edition
    from teiedit.io import iter_xml_files

    files = list(iter_xml_files(paths))
    if not files:
        raise TeieditError(
            "no XML files found",
            " ".join(map(str, paths)),
            hint="name TEI files or folders that contain *.xml",
        )
    edition = Edition.from_files(settings, files)
    if not edition.problems and not any(True for _ in edition.documents()):
        raise TeieditError(
            "no documents among the files named: they are the edition's registers or front matter",
            " ".join(map(str, paths)),
            hint="registers and front matter are rendered with the documents: name documents, or the"
            " edition's tei/ folder",
        )
    return edition


def run_render(name: str, args: argparse.Namespace) -> int:
    """Render the TEI files given (also files from elsewhere), with the settings of the edition around
    the current folder if there is one."""
    from teiedit.front_matter import placeholder_findings

    in_edition = find_edition_root(Path.cwd()) is not None
    settings = load_settings() if in_edition else default_settings()
    edition = given_edition(settings, args.paths)
    for problem in edition.problems:  # files left out (not readable), clashing root ids
        print_diagnostic(problem)
    if edition.problems and not any(True for _ in edition.inputs()):
        return EXIT_ERROR  # nothing readable was given: nothing is written
    code = _run(BUILDERS[name], edition, args.out, args)
    if edition.problems:
        # a file named on the command line that cannot be read is an error; the others are written
        unread = any(p.level is Level.ERROR for p in edition.problems)
        code = max(code, EXIT_ERROR if unread else EXIT_FINDINGS)
    if in_edition:  # the edition's own teiedit.toml: what its title page and site would print
        for finding in placeholder_findings(settings):
            print_diagnostic(finding)
    return code


def run_export(args: argparse.Namespace) -> int:
    """Export the edition (the one named by --edition, or around the current folder)."""
    from teiedit.edition import Edition

    settings = load_settings(args.edition) if args.edition else load_settings()
    return _run(BUILDERS[args.format], Edition.load(settings), args.out, args)


class Renderers:
    """One command per renderer of the table."""

    @staticmethod
    def add_parser(sub: Subparsers) -> None:
        for builder in builders_of("render"):
            sub.add_parser(
                builder.name,
                help=builder.help,
                formatter_class=argparse.RawDescriptionHelpFormatter,
                # the builder's module is imported only when its command is used
                setup=lambda p, b=builder: Renderers.setup(p, b),
            )

    @staticmethod
    def setup(p: UsageParser, builder: Builder) -> None:
        p.description = builder.description
        p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="TEI files or folders")
        p.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
        add_jobs(p)
        for option in builder.options:
            _add_option(p, option)
        p.set_defaults(run=lambda a, name=builder.name: run_render(name, a))


class Exports:
    """``teiedit export``: one choice per export of the table."""

    @staticmethod
    def add_parser(sub: Subparsers) -> None:
        exports = builders_of("export")
        sub.add_parser(
            "export",
            help=f"export the edition ({', '.join(b.name for b in exports)})",
            formatter_class=argparse.RawDescriptionHelpFormatter,
            setup=lambda p: Exports.setup(p, exports),
        )

    @staticmethod
    def setup(p: UsageParser, exports: list[Builder]) -> None:
        lines = [EXPORT_HELP]
        for b in exports:
            lines += textwrap.wrap(
                b.description,
                width=104,
                initial_indent=f"  {b.name:<11}",
                subsequent_indent=" " * 13,
            )
        p.description = "\n".join(lines)
        p.add_argument("format", choices=[b.name for b in exports], help="what to export")
        p.add_argument(
            "--out", type=Path, required=True, metavar="PATH", help="output file or folder"
        )
        p.add_argument(
            "--edition",
            type=Path,
            metavar="DIR",
            help="the edition folder (default: the edition around the current folder)",
        )
        seen: set[str] = set()
        for b in exports:
            for option in b.options:
                if option.flag not in seen:
                    seen.add(option.flag)
                    _add_option(p, option, prefix=f"{b.name}: ")
        p.set_defaults(run=run_export)
