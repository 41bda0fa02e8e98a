"""teiedit schema: compile the ODD into schema/build/."""

from __future__ import annotations

import argparse
from pathlib import Path

from teiedit.config import find_edition_root, load_edition
from teiedit.console import out_console
from teiedit.diagnostics import EXIT_OK
from teiedit.resources import schema_dir

HELP = """\
Compile the edition's ODD (schema/teiedit.odd) into schema/build/: teiedit.rng (RELAX NG). The output is
deterministic, so the compiled files can be committed and editors can point their XML editor at them."""


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("schema", help="compile the ODD into RELAX NG", description=HELP)
    p.add_argument("--odd", type=Path, help="the ODD to compile (default: schema/teiedit.odd)")
    p.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: schema/build)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from teiedit.odd.build import compile_odd

    base = load_edition().schema if find_edition_root(Path.cwd()) else schema_dir()
    odd = args.odd or base / "teiedit.odd"
    out = args.out or base / "build"
    written = compile_odd(odd, out)
    for w in written:
        out_console.print(f"wrote {w}", markup=False)
    return EXIT_OK
