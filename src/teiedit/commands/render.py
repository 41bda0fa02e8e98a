"""teiedit html / teiedit pdf: render any TEI files (also TEI written elsewhere)."""

from __future__ import annotations

import argparse
from pathlib import Path

from teiedit.config import default_edition, find_edition_root, load_edition
from teiedit.console import out_console, progress
from teiedit.diagnostics import EXIT_OK, TeieditError
from teiedit.io import iter_xml_files


def _render(builder_name: str, args: argparse.Namespace) -> int:
    from teiedit.builders import get_builder

    edition = load_edition() if find_edition_root(Path.cwd()) else default_edition()
    files = list(iter_xml_files(args.paths))
    if not files:
        raise TeieditError("no XML files found", " ".join(map(str, args.paths)),
                           hint="name TEI files or folders that contain *.xml")
    with progress() as step:
        written = get_builder(builder_name).build(files, args.out, edition, progress=step)
    out_console.print(f"{len(written)} files written to {args.out}", markup=False)
    return EXIT_OK


class Html:
    @staticmethod
    def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
        p = sub.add_parser("html", help="render TEI files as a static web site",
                           description="Render TEI files or folders to HTML pages and an index in DIR.")
        p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="TEI files or folders")
        p.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
        p.set_defaults(run=lambda a: _render("html", a))


class Pdf:
    @staticmethod
    def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
        p = sub.add_parser("pdf", help="render TEI files as PDF",
                           description="Render TEI files or folders to one PDF each and edition.pdf in DIR.")
        p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="TEI files or folders")
        p.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
        p.set_defaults(run=lambda a: _render("pdf", a))
