"""teiedit html / teiedit pdf: render any TEI files (also TEI written elsewhere)."""

from __future__ import annotations

import argparse
from pathlib import Path

from teiedit.commands.base import Subparsers
from teiedit.config import default_edition, find_edition_root, load_edition
from teiedit.console import out_console, progress
from teiedit.diagnostics import EXIT_OK, TeieditError
from teiedit.io import iter_xml_files


def _render(builder_name: str, args: argparse.Namespace) -> int:
    from teiedit.builders import get_builder

    edition = load_edition() if find_edition_root(Path.cwd()) else default_edition()
    files = list(iter_xml_files(args.paths))
    if not files:
        raise TeieditError(
            "no XML files found",
            " ".join(map(str, args.paths)),
            hint="name TEI files or folders that contain *.xml",
        )
    with progress() as step:
        written = get_builder(builder_name).build(files, args.out, edition, progress=step)
    out_console.print(f"{len(written)} files written to {args.out}", markup=False)
    return EXIT_OK


class Html:
    @staticmethod
    def add_parser(sub: Subparsers) -> None:
        p = sub.add_parser(
            "html",
            help="render TEI files as a static web site",
            description="Render TEI files or folders to HTML pages and an index in DIR.",
        )
        p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="TEI files or folders")
        p.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
        p.set_defaults(run=lambda a: _render("html", a))


class Pdf:
    @staticmethod
    def add_parser(sub: Subparsers) -> None:
        p = sub.add_parser(
            "pdf",
            help="render TEI files as PDF",
            formatter_class=argparse.RawDescriptionHelpFormatter,
            description="Render TEI files or folders to edition.pdf and one PDF per document in DIR.",
            epilog="""\
edition.pdf is the print edition as a book: title page, editorial conventions, contents, the documents
in date order (each from a new page, footnotes at the foot of the page), an index of persons, places and
organisations with the pages of every mention. Each document's own PDF is its part of the book, with the
book's page numbers and a first-page line naming the edition. Register files (listPerson, listPlace,
listOrg) feed the index. Every PDF is PDF/A-3b with its TEI source attached.

Title, editors, publisher and licence come from teiedit.toml when run inside an edition folder.
Environment: TEIEDIT_PDF_WORKERS=N lays out on N processes (default: one per core, at most 2);
SOURCE_DATE_EPOCH=seconds fixes the dates in the PDFs, so the same TEI gives the same bytes.""",
        )
        p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="TEI files or folders")
        p.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
        p.set_defaults(run=lambda a: _render("pdf", a))
