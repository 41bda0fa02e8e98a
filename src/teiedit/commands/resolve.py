"""teiedit resolve: settle the conflicts a merge of hand edits listed."""

from __future__ import annotations

import argparse
from pathlib import Path

from teiedit.commands.base import Subparsers
from teiedit.console import summary
from teiedit.diagnostics import EXIT_OK

HELP = """\
When a build merges your hand edits with a fresh conversion and both changed the same place, your reading
is kept and the place is listed as a conflict. `--take mine` keeps the file as it is and forgets the
conflicts; `--take fresh` takes the fresh conversion's reading at every conflicting place (all your other
corrections stay)."""


def add_parser(sub: Subparsers) -> None:
    p = sub.add_parser("resolve", help="settle the conflicts of a merge", description=HELP)
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="TEI files with conflicts")
    p.add_argument(
        "--take",
        choices=("mine", "fresh"),
        required=True,
        help="whose reading to keep where both changed a place",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teiedit.resolve import resolve

    for path in args.files:
        count = resolve(path, args.take)
        side = (
            "your readings kept" if args.take == "mine" else "the fresh conversion's readings taken"
        )
        summary(f"{path}: {count} conflict{'s' if count != 1 else ''} resolved, {side}")
    return EXIT_OK
