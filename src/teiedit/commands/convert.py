"""teiedit convert: plaintext sources to TEI files, with a JSON report of everything set aside."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

from teiedit.commands.base import Subparsers, UsageParser
from teiedit.config import (
    CONFIG_NAME,
    Settings,
    default_settings,
    find_edition_root,
    load_settings,
)
from teiedit.console import print_diagnostic, progress, summary
from teiedit.diagnostics import EXIT_ERROR, EXIT_OK, TeieditError

HELP = """\
Convert plaintext SOURCE files to TEI in DIR (one or more files per source; a compilation is split into
its documents). The profile (kind of source) is detected from the text's structure unless --profile is
given. Files in DIR that an editor changed by hand are merged with the fresh conversion (your corrections
stay, places both changed keep your reading and are listed as conflicts); when that is not possible the
fresh conversion goes to DIR/.pending/ and the report says so (--force overwrites). --report writes a JSON report listing, per
source, its outputs and every span set aside (e.g. web-site boilerplate) with the reason.

Per-source settings: in an edition, teiedit.toml may hold a table for one source, which `teiedit build`
and `teiedit convert` use (the command line's options come first); --remember writes this command's
--profile, --no-repair, --language and --kind there, so that the next build keeps them. The table
[sources."letter-1956.txt"] holds, one per line: profile = "webcapture" (the kind of source, see
--profile); repair = false (no repair of PDF-extraction damage); language = "ko" (the text's language
when detection is unsure); kind = "letter" (the kind of document, a textClass term).
A change to a source's table converts that source again (it is part of its fingerprint)."""
# argparse fills the description as one paragraph: the per-source table is told in words, not drawn


def add_parser(sub: Subparsers) -> None:
    # the readers (for --profile's choices) are imported only when this command is used
    sub.add_parser(
        "convert", help="convert plaintext sources to TEI", description=HELP, setup=setup
    )


def setup(p: UsageParser) -> None:
    from teiedit.readers import READERS

    p.add_argument("sources", nargs="+", type=Path, metavar="SOURCE", help="plaintext files")
    p.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder for the TEI files"
    )
    p.add_argument(
        "--report", type=Path, metavar="FILE", help="write the JSON conversion report here"
    )
    p.add_argument(
        "--profile", choices=sorted(READERS), help="the kind of source (default: detect)"
    )
    p.add_argument("--no-repair", action="store_true", help="do not repair PDF-extraction damage")
    p.add_argument(
        "--language", metavar="CODE", help="the text's language when detection is unsure (ISO 639)"
    )
    p.add_argument("--kind", metavar="KIND", help="the kind of document (letter, memorandum, ...)")
    p.add_argument("--force", action="store_true", help="overwrite hand-edited TEI files")
    p.add_argument(
        "--remember",
        action="store_true",
        help='write --profile, --no-repair, --language and --kind to [sources."NAME.txt"] in the '
        "edition's teiedit.toml, for every later build",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teiedit.commands.outcomes import print_hand_edits
    from teiedit.io import write_text_atomic
    from teiedit.pipeline import ConvertOptions, convert_files

    for s in args.sources:
        if not s.exists():
            raise TeieditError("no such file", s, hint="check the path")
        if s.is_dir():
            raise TeieditError(
                "this is a folder, not a source file", s, hint="name the .txt files inside it"
            )
    if args.out.exists() and not args.out.is_dir():
        raise TeieditError("--out must be a folder, and this is a file", args.out)
    edition = load_settings() if find_edition_root(Path.cwd()) else default_settings()
    if args.remember:
        edition = remember(args, edition)
    if args.language:
        edition = replace(edition, language=args.language)
    options = ConvertOptions(
        profile=args.profile, repair=not args.no_repair, force=args.force, kind=args.kind
    )
    # Read and check every source before writing anything, so that bad input leaves no output at all.
    from teiedit.pipeline import source_from_file

    for s in args.sources:
        source_from_file(s)
    with progress() as step:
        results = convert_files(args.sources, args.out, edition, options, step)
    status = EXIT_OK
    for r in results:
        for d in r.diagnostics:
            print_diagnostic(d)
            if d.level.value == "fatal":
                status = EXIT_ERROR
    print_hand_edits(results)
    if args.report:
        report = {"sources": [r.to_json() for r in results]}
        write_text_atomic(args.report, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    written = sum(len(r.outputs) for r in results)
    if args.remember:
        summary(
            f"remembered in {edition.root / CONFIG_NAME}: "
            + ", ".join(s.name for s in args.sources)
        )
    summary(f"{len(results)} sources, {written} TEI files in {args.out}")
    return status


def remember(args: argparse.Namespace, edition: Settings) -> Settings:
    """Write the options to each source's table in teiedit.toml; the settings as they now read."""
    from teiedit.settings_write import remember_source

    if find_edition_root(Path.cwd()) is None:
        raise TeieditError(
            "--remember writes to the edition's teiedit.toml, and there is none here or above",
            Path.cwd(),
            hint="run this in an edition folder (or leave out --remember)",
        )
    values: dict[str, str | bool] = {}
    if args.profile:
        values["profile"] = args.profile
    if args.no_repair:
        values["repair"] = False
    if args.language:
        values["language"] = args.language
    if args.kind:
        values["kind"] = args.kind
    if not values:
        raise TeieditError(
            "--remember has nothing to remember",
            hint="give --profile, --no-repair, --language or --kind with it",
        )
    for source in args.sources:
        if source.resolve().parent != edition.sources:
            raise TeieditError(
                "--remember is for the edition's own sources, and this one is elsewhere",
                source,
                hint=f"put it in {edition.sources} first",
            )
        remember_source(edition.root / CONFIG_NAME, source.name, values)
    return load_settings()
