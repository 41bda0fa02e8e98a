"""teiedit init DIR: create a new, empty edition with the same shape as this one."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from teiedit.commands.base import Subparsers
from teiedit.config import CONFIG_NAME
from teiedit.console import summary
from teiedit.diagnostics import EXIT_OK, TeieditError
from teiedit.resources import schema_dir

TEMPLATE = """\
# Settings of this edition (see `teiedit --help`).
[edition]
title = {title}
short_title = {title}
publisher = ""
pub_place = ""
licence = "CC-BY-4.0"
licence_url = "https://creativecommons.org/licenses/by/4.0/"
base_url = ""      # where the site is published: sitemap, OAI-PMH, DTS and IIIF need it
email = ""         # the editors' contact address for harvesters (OAI-PMH, CMIF)
language = "en"

[[edition.editors]]
id = "ed-1"
name = {editor}
resp = "editor"

[paths]
sources = "sources"
tei = "tei"
registers = "tei/registers"
schema = "schema"
out = "out"

# Your own words for `teiedit entities suggest`: titles before a name, capitalised words that name nobody.
# [entities]
# titles = ["Abbot", "Brother"]
# not_names = ["Synod"]
"""


def add_parser(sub: Subparsers) -> None:
    p = sub.add_parser(
        "init",
        aliases=["new"],  # the word an editor starting an edition may try first
        help="create a new empty edition folder",
        description="Create DIR with teiedit.toml, sources/, tei/registers/ (example registers of "
        "persons, places and organisations, each part explained in a comment), tei/front/ (an "
        "example introduction), schema/ and out/.",
    )
    p.add_argument("dir", type=Path, help="the folder to create (must not hold an edition already)")
    p.add_argument(
        "--title",
        default="Untitled edition",
        help="the edition's title (until it is set in teiedit.toml, building stops and asks for it)",
    )
    p.add_argument(
        "--editor",
        default="Your Name",
        help="the name of the edition's editor (likewise asked for until it is set)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    target: Path = args.dir
    if (target / CONFIG_NAME).exists():
        raise TeieditError(
            "an edition already exists here", target / CONFIG_NAME, hint="choose another folder"
        )
    if target.exists() and not target.is_dir():
        raise TeieditError("this path is a file", target, hint="choose a folder name")
    for sub in ("sources", "tei/registers", "tei/front", "out"):
        (target / sub).mkdir(parents=True, exist_ok=True)
    schema_src = schema_dir()
    shutil.copytree(schema_src, target / "schema", dirs_exist_ok=True)
    # VS Code (Red Hat XML) validates tei/ as you type with these settings; Oxygen's framework and the
    # XML catalog came with schema/ (schema/oxygen, schema/catalog.xml).
    vscode = schema_src / "vscode" / "settings.json"
    if vscode.is_file() and not (target / ".vscode" / "settings.json").exists():
        (target / ".vscode").mkdir(exist_ok=True)
        shutil.copyfile(vscode, target / ".vscode" / "settings.json")
    from teiedit.front_matter import FRONT_FOLDER, example_introduction
    from teiedit.io import write_atomic, write_text_atomic
    from teiedit.register_examples import example_registers

    write_text_atomic(
        target / CONFIG_NAME,
        TEMPLATE.format(title=_quoted(args.title), editor=_quoted(args.editor)),
    )
    write_text_atomic(target / ".gitignore", "/out/\n")
    # example registers (a person, a place, an organisation), each part explained in a comment
    for name, data in example_registers().items():
        write_atomic(target / "tei" / "registers" / name, data)
    # the introduction of the print edition, to be written by the editor (warned about until then)
    write_atomic(target / "tei" / FRONT_FOLDER / "introduction.xml", example_introduction())
    write_text_atomic(
        target / "sources" / "README.md",
        "# Sources\n\nPut plaintext transcriptions (*.txt) here; `teiedit build` converts them.\n",
    )
    # the first build stops at each placeholder in turn (config_check.PLACEHOLDERS): name them all now
    from teiedit.config_check import PLACEHOLDERS

    unset = [
        what
        for what, key, given in (
            ("the edition's title", ("edition", "title"), args.title),
            ("the editor's name", ("edition.editors", "name"), args.editor),
        )
        if given == PLACEHOLDERS[key][0]
    ]
    first = (
        f" First write {' and '.join(unset)} in {target / CONFIG_NAME}: `teiedit build` stops while "
        + ("they are placeholders" if len(unset) > 1 else "it is a placeholder")
        + " (or give `teiedit init` --title and --editor)."
        if unset
        else ""
    )
    summary(
        f"Created an empty edition in {target}.{first} Put sources in {target / 'sources'} and run "
        "`teiedit build` there.",
    )
    return EXIT_OK


def _quoted(value: str) -> str:
    """``value`` as a TOML basic string (JSON's string escapes are TOML's too)."""
    return json.dumps(value, ensure_ascii=False)
