"""teiedit export cmif|corpus|registers: the edition in formats other archives ingest."""

from __future__ import annotations

import argparse
from pathlib import Path

from teiedit.commands.base import Subparsers
from teiedit.console import out_console

HELP = """\
Export the edition for other archives:
  cmif       a CMIF v1.1 file (what correspSearch harvests): one correspDesc per letter, persons and
             places with authority URIs from the registers
  corpus     one teiCorpus file with every document and the registers (ids kept unique, internal
             references resolvable); with --out ending in .zip, a zip of the TEI files and a manifest
  registers  persons, places and organisations as CSV (one file per kind) and registers.json in --out DIR
"""


def add_parser(sub: Subparsers) -> None:
    p = sub.add_parser(
        "export",
        help="export CMIF, a teiCorpus or the registers",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("format", choices=["cmif", "corpus", "registers"], help="what to export")
    p.add_argument(
        "--out", type=Path, required=True, metavar="PATH", help="output file (folder for registers)"
    )
    p.add_argument(
        "--edition",
        type=Path,
        metavar="DIR",
        help="the edition folder (default: the edition around the current folder)",
    )
    p.add_argument(
        "--url", metavar="URL", help="cmif: the URL where the CMIF file will be published"
    )
    p.add_argument(
        "--email", metavar="ADDRESS", help="cmif: contact e-mail of the editor (CMIF asks for one)"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teiedit.config import load_edition

    edition = load_edition(args.edition) if args.edition else load_edition()
    if args.format == "cmif":
        from teiedit.exchange.cmif import write_cmif

        summary = write_cmif(edition, args.out, url=args.url, email=args.email)
    elif args.format == "corpus":
        from teiedit.exchange.corpus_export import write_corpus

        summary = write_corpus(edition, args.out)
    else:
        from teiedit.exchange.registers_export import write_registers

        summary = write_registers(edition, args.out)
    out_console.print(summary, markup=False)
    return 0
