"""teiedit train: retrain the block labeller from the edition's own corrected TEI."""

from __future__ import annotations

import argparse

from teiedit.commands.base import Subparsers
from teiedit.config import load_settings
from teiedit.console import out_console
from teiedit.diagnostics import EXIT_OK

HELP = """\
Teach the converter the edition's own layouts. Every source in sources/ whose TEI is in tei/ is labelled
from that TEI (by default the documents you corrected by hand; --all takes every one): the role of each block of the source (title, dateline, salutation, paragraph, signature,
note, furniture left out of the TEI, ...) is read from the element that holds its text. Correct a few
documents by hand where the conversion went wrong, run `teiedit train`, and every later conversion of
this edition (`teiedit build --force`, new sources) uses the retrained labeller, which is written to
model/labeller.crfsuite in the edition (delete it to go back to the shipped one). The data teiedit's own
labeller was trained on is included unless --edition-only is given."""


def add_parser(sub: Subparsers) -> None:
    p = sub.add_parser(
        "train",
        help="retrain the block labeller from the edition's corrected TEI",
        description=HELP,
    )
    p.add_argument(
        "--edition-only",
        action="store_true",
        help="train on the edition's documents alone (without the data of the shipped model)",
    )
    p.add_argument(
        "--all",
        action="store_true",
        help="learn from every TEI document of the edition, not only the ones corrected by hand",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teiedit.readers.cascade.retrain import retrain_edition

    edition = load_settings()
    done = retrain_edition(edition, with_base=not args.edition_only, all_documents=args.all)
    labels = ", ".join(f"{k} {v}" for k, v in sorted(done.labels.items()))
    out_console.print(
        f"trained on {len(done.sources)} sources of the edition ({labels})"
        + (f" and {done.base_sequences} base sequences" if done.base_sequences else ""),
        markup=False,
    )
    out_console.print(f"wrote {done.model}", markup=False)
    return EXIT_OK
