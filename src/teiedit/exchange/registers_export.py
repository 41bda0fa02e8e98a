"""Register export: persons, places and organisations as CSV (one file per kind) and JSON.

Each row: id, names, description, identifiers (as written, and as authority URIs where teiedit knows
the authority), and how often the edition's documents point to the entry (``@ref="#id"`` and other
``#id`` pointers that do not resolve inside the document itself).
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path
from typing import TypedDict

from lxml import etree

from teiedit.authority import authority_uri
from teiedit.builder import BuildOptions, Group, Manifest, Option, digest
from teiedit.diagnostics import TeieditError
from teiedit.edition import Edition
from teiedit.io import write_text_atomic
from teiedit.registers import Entry
from teiedit.scan import outside_pointers
from teiedit.staging import staged_dir

KIND_FILES = {"person": "persons", "place": "places", "org": "orgs"}
COLUMNS = ["id", "names", "description", "identifiers", "authority_uris", "mentions"]


class Identifier(TypedDict):
    """An identifier as written, with its authority URI where teiedit knows the authority."""

    type: str
    value: str
    uri: str | None


class RegisterRow(TypedDict):
    """One register entry as exported (the CSV's columns, the JSON's objects)."""

    id: str
    names: list[str]
    description: str
    identifiers: list[Identifier]
    authority_uris: list[str]
    mentions: int


def count_mentions(roots: list[etree._Element]) -> Counter[str]:
    """``#id`` pointers in the documents that point outside themselves (i.e. to the registers)."""
    counts: Counter[str] = Counter()
    for root in roots:
        counts.update(outside_pointers(root))
    return counts


def register_rows(edition: Edition) -> dict[str, list[RegisterRow]]:
    """Rows by kind file name (persons, places, orgs): the entries of the edition's own registers."""
    settings = edition.settings
    if not settings.registers.is_dir():
        raise TeieditError(
            "the edition has no registers folder",
            settings.registers,
            hint="registers live in tei/registers/{persons,places,orgs}.xml",
        )
    folder = settings.registers
    entries = [e for e in edition.registers.all if folder in Path(e.file).resolve().parents]
    mentions: Counter[str] = Counter()
    for ed in edition.inputs():
        if not ed.imported:  # counted when the document was read (its record), not from its tree
            mentions.update(dict(ed.record.pointers))
    rows: dict[str, list[RegisterRow]] = {name: [] for name in KIND_FILES.values()}
    for e in entries:
        rows[KIND_FILES[e.kind]].append(_row(e, mentions[e.id]))
    return rows


def _row(e: Entry, mentions: int) -> RegisterRow:
    return {
        "id": e.id,
        "names": list(e.names),
        "description": e.description,
        "identifiers": [
            {"type": t, "value": v, "uri": authority_uri(t, v)} for t, v in e.identifiers
        ],
        "authority_uris": [uri for _, uri in e.authority_uris()],
        "mentions": mentions,
    }


def to_csv(rows: list[RegisterRow]) -> str:
    """CSV with lists joined by " | " (a separator that names and URIs do not contain)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        idents = [
            f"{i['type']}:{i['value']}" if i["type"] else i["value"] for i in r["identifiers"]
        ]
        writer.writerow(
            [
                r["id"],
                " | ".join(r["names"]),
                r["description"],
                " | ".join(idents),
                " | ".join(r["authority_uris"]),
                r["mentions"],
            ]
        )
    return buf.getvalue()


def write_registers(edition: Edition, out_dir: Path) -> str:
    """Write persons.csv, places.csv, orgs.csv and registers.json into ``out_dir``."""
    rows = register_rows(edition)
    with staged_dir(Path(out_dir)) as tmp:
        for name, kind_rows in rows.items():
            write_text_atomic(tmp / f"{name}.csv", to_csv(kind_rows))
        write_text_atomic(
            tmp / "registers.json", json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
        )
    counts = ", ".join(f"{len(v)} {k}" for k, v in rows.items())
    return f"registers ({counts}) written to {out_dir}: persons.csv, places.csv, orgs.csv, registers.json"


MANIFEST = ".teiedit-registers.json"


class RegistersBuilder:
    """``teiedit export registers``: the registers as tables, with mention counts."""

    name = "registers"
    group: Group = "export"
    help = "the registers as CSV and JSON"
    description = "persons, places and organisations as CSV (one file per kind) and registers.json in --out DIR"
    options: tuple[Option, ...] = ()
    files = ("persons.csv", "places.csv", "orgs.csv", "registers.json")

    def manifest(self, edition: Edition) -> Manifest:
        new = Manifest(assets=digest(Path(__file__).read_bytes()))
        for ed in edition.inputs():
            if not ed.imported:
                new.docs[ed.page] = digest(ed.path.read_bytes())
        registers = [part for p in edition.registers.files for part in (str(p), p.read_bytes())]
        new.lists = digest(new.assets, *new.docs.values(), *registers)
        return new

    def outdated(self, edition: Edition, out: Path) -> set[str]:
        new = self.manifest(edition)
        return Manifest.read(out / MANIFEST).outdated(new, lambda _: [out / f for f in self.files])

    def build(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        new = self.manifest(edition)
        fresh = Manifest.read(out / MANIFEST) == new and all(
            (out / f).is_file() for f in self.files
        )
        if fresh and not options.force:
            options.tell(f"{out} is up to date")
            return []
        options.tell(write_registers(edition, out))
        new.write(out / MANIFEST, 1)
        return [out / f for f in self.files]
