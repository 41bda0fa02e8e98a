"""teiedit entities add: a new register entry, from arguments or from what `entities suggest` found."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from teiedit.config import default_settings, find_edition_root, load_settings
from teiedit.console import print_diagnostic, summary
from teiedit.diagnostics import EXIT_OK, Level, TeieditError

if TYPE_CHECKING:
    from teiedit.register_write import NewEntry

HELP = """\
Add an entry to the edition's registers: the person, place or organisation NAME (its preferred name),
with other spellings (--variant, as often as needed), a one-line description and an authority id. The
entry gets a fresh xml:id made from the name (or --id) and goes at the end of the register file that
lists that kind of entry (tei/registers/persons.xml, places.xml, orgs.xml; created if there is none).
The file keeps its formatting and comments; it is checked against the edition's schema before it is
written, and written whole or not at all. --suggestions FILE adds the candidates of
`teiedit entities suggest --format json > FILE` (those named by NAME, or all of them). The next
`teiedit build` links every spelling in the documents.

  teiedit entities add "Kim Tu-bong" --variant "Kim Tu Bong" --description "chairman of the SPA"
  teiedit entities add Pyongyang --kind place --authority geonames:1871859
  teiedit entities suggest --format json > names.json; teiedit entities add --suggestions names.json"""


def add_action(inner: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``add`` action to ``teiedit entities``."""
    a = inner.add_parser(
        "add",
        help="add an entry (with its spellings) to a register",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    a.add_argument("names", nargs="*", metavar="NAME", help="the entry's preferred name")
    a.add_argument(
        "--kind", choices=["person", "place", "org"], default="person", help="default: person"
    )
    a.add_argument("--variant", action="append", default=[], help="another spelling (repeatable)")
    a.add_argument("--id", dest="ident", default="", help="the xml:id (default: from the name)")
    a.add_argument("--description", default="", help="one line saying who or what it is")
    a.add_argument(
        "--authority",
        default="",
        metavar="TYPE:ID",
        help="a verified authority id, e.g. wikidata:Q39464, gnd:118559796, geonames:1871859",
    )
    a.add_argument("--type", dest="org_type", default="", help="an org's kind (party, embassy...)")
    a.add_argument(
        "--suggestions",
        type=Path,
        metavar="FILE",
        help="the JSON of `teiedit entities suggest --format json`: add its candidates",
    )
    a.set_defaults(run=run_add)


def _entries(args: argparse.Namespace) -> list[NewEntry]:
    from teiedit.register_write import NewEntry

    authority = None
    if args.authority:
        kind, sep, value = args.authority.partition(":")
        if not sep or not kind or not value:
            raise TeieditError(
                f"--authority {args.authority!r} is not TYPE:ID",
                hint="write e.g. --authority wikidata:Q39464",
            )
        authority = (kind, value)
    names: list[tuple[str, list[str]]] = [(n, list(args.variant)) for n in args.names]
    if args.suggestions:
        names = _from_suggestions(args.suggestions, args.names, args.variant)
    if not names:
        raise TeieditError(
            "no name given", hint='give the entry\'s name: teiedit entities add "Kim Tu-bong"'
        )
    if len(names) > 1 and args.ident:
        raise TeieditError("--id names one entry, and several are added", hint="drop --id")
    return [
        NewEntry(
            kind=args.kind,
            name=name.strip(),
            variants=variants,
            ident=args.ident,
            description=args.description,
            authority=authority,
            org_type=args.org_type,
        )
        for name, variants in names
    ]


def _from_suggestions(
    path: Path, chosen: list[str], variants: list[str]
) -> list[tuple[str, list[str]]]:
    """The candidates of a suggestion file (those named, or all): each with the other spellings found
    (its initialled form), and its hyphen-free spelling too, since sources write a romanised name both
    ways (Kim Tu-bong, Kim Tu Bong)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        texts = [str(c["text"]) for c in data]
        found = {str(c["text"]): [str(v) for v in c.get("variants", [])] for c in data}
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise TeieditError(
            f"not a suggestion file ({exc})",
            path,
            hint="make one with `teiedit entities suggest --format json > FILE`",
        ) from None
    if chosen:
        missing = [n for n in chosen if n not in texts]
        if missing:
            raise TeieditError(
                f"not among the suggestions: {', '.join(missing)}",
                path,
                hint="give the names as `entities suggest` prints them",
            )
        texts = [t for t in texts if t in chosen]
    out = []
    for text in texts:
        spellings = [*variants, *(v for v in found[text] if v not in variants)]
        plain = re.sub(r"-(\w)", lambda m: " " + m[1].upper(), text)
        if plain != text and plain not in spellings:
            spellings.append(plain)
        out.append((text, spellings))
    return out


def run_add(args: argparse.Namespace) -> int:
    from teiedit.io import parse_xml_bytes, write_atomic
    from teiedit.register_check import check_register_tree
    from teiedit.register_write import (
        SHAPES,
        add_entry,
        find_list,
        new_register,
        serialize_register,
    )
    from teiedit.registers import load_registers, register_files
    from teiedit.resources import schema_dir
    from teiedit.validate import Schemas

    settings = load_settings() if find_edition_root(Path.cwd()) else default_settings()
    entries = _entries(args)
    registers = load_registers(settings)
    taken = set(registers.ids())
    known = {v.text.casefold(): e.id for e in registers.entries.values() for v in e.variants}
    for entry in entries:
        for spelling in (entry.name, *entry.variants):
            if spelling.casefold() in known:
                raise TeieditError(
                    f"{spelling!r} is already a spelling of #{known[spelling.casefold()]}",
                    hint="add a spelling to that entry by hand, or give this one another name",
                )
    files = register_files(settings)
    found = find_list(files, args.kind)
    if found is None:
        path = settings.registers / SHAPES[args.kind][3]
        if path.exists():
            raise TeieditError(
                f"this file holds no <{SHAPES[args.kind][2]}>",
                path,
                hint="add the list to it, or rename the file",
            )
        tree = new_register(args.kind)
        lst, original = tree.getroot(), b""
    else:
        path, tree, lst = found
        original = path.read_bytes()
    added = []
    for entry in entries:
        if entry.ident and entry.ident in taken:
            raise TeieditError(f"the id {entry.ident!r} is taken", path, hint="choose another --id")
        ident = add_entry(tree, lst, entry, taken)
        taken.add(ident)
        added.append(ident)
    data = serialize_register(tree, original)
    # checked before it is written: a register the schema refuses is not written at all
    rng = settings.rng if settings.rng.is_file() else schema_dir() / "build" / "teiedit.rng"
    staged = parse_xml_bytes(data, path)
    findings = check_register_tree(staged, path, Schemas(rng=rng), tuple(sorted(taken)))
    errors = [d for d in findings if d.level in (Level.ERROR, Level.FATAL)]
    if errors:
        for d in errors:
            print_diagnostic(d)
        raise TeieditError("the register would not be valid: nothing written", path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)
    summary(f"added {', '.join('#' + i for i in added)} to {path}")
    return EXIT_OK
