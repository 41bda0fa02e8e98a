"""teiedit build: the whole edition (convert changed sources, validate, web and print editions)."""

from __future__ import annotations

import argparse
from pathlib import Path

from teiedit.commands.base import Subparsers, add_jobs, workers_from
from teiedit.config import load_settings
from teiedit.console import print_diagnostic, progress, summary
from teiedit.diagnostics import EXIT_FINDINGS, EXIT_OK, Level

HELP = """\
In an edition folder (one with teiedit.toml): convert the sources that changed into tei/ (hand edits of
TEI files are merged with the fresh conversion, never lost; see `teiedit resolve`), validate tei/, then
write the web edition to out/html/ and the print edition to out/pdf/. Exit 1 when documents are invalid
or a source cannot be read (the rest is still written). One build at a time: a second one waits for the
first (TEIEDIT_LOCK_WAIT seconds, default 60), then exits 2 naming it.

Files in sources/ that are no plaintext (.pdf, images, .docx, anything binary) are listed and skipped.
A source's own settings live in teiedit.toml (`teiedit convert SOURCE --profile P --remember` writes them):
[sources."name.txt"] with profile, repair (true/false), language and kind; see `teiedit convert --help`.
Progress: one line per stage on standard error (-v: every step; -q: problems only)."""


def add_parser(sub: Subparsers) -> None:
    p = sub.add_parser(
        "build", help="build the edition: TEI, validation, HTML and PDF", description=HELP
    )
    p.add_argument("--edition", type=Path, default=None, help="the edition folder (default: here)")
    p.add_argument(
        "--force",
        action="store_true",
        help="convert every source again and overwrite hand-edited TEI files (no merge)",
    )
    p.add_argument("--no-pdf", action="store_true", help="skip the print edition")
    add_jobs(p, cluster=True)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teiedit.commands.outcomes import print_hand_edits
    from teiedit.pipeline import build

    edition = load_settings(args.edition)
    with progress() as step, workers_from(args, edition.scheduler) as workers:
        result = build(
            edition, force=args.force, progress=step, pdf=not args.no_pdf, workers=workers
        )
    merged, kept, conflicting = print_hand_edits(result.conversions)
    for conv in result.conversions:
        for d in conv.diagnostics:
            print_diagnostic(d)
    for d in result.validation.diagnostics:
        print_diagnostic(d)
    converted = sum(len(c.outputs) for c in result.conversions if not c.skipped_unchanged)
    hand = (
        f" (hand edits: {merged} merged, {kept} kept, {conflicting} with conflicts)"
        if merged or kept or conflicting
        else ""
    )
    summary(
        f"{converted} TEI files written{hand}, {len(result.validation.files_checked)} validated "
        f"({result.validation.count_invalid_files()} invalid), {len(result.html_pages)} HTML pages, "
        f"{len(result.pdfs)} PDFs in {edition.out}",
    )
    unread = any(
        d.level is Level.ERROR and d.origin == "convert"
        for c in result.conversions
        for d in c.diagnostics
    )
    code = result.validation.exit_code if result.validation.diagnostics else EXIT_OK
    return max(code, EXIT_FINDINGS) if unread else code
