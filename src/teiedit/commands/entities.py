"""teiedit entities: the editor's tools for the registers (suggest new names, report on mentions)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from teiedit.commands import entities_add
from teiedit.commands.base import Subparsers
from teiedit.config import Settings, default_settings, find_edition_root, load_settings
from teiedit.console import out_console
from teiedit.diagnostics import EXIT_FINDINGS, EXIT_OK, TeieditError

if TYPE_CHECKING:  # the registers are loaded when the command runs (quick --help)
    from teiedit.registers import Registers

HELP = """\
Work with the edition's registers of persons, places and organisations (tei/registers/*.xml).

  suggest [PATH...]  candidate names that no register has (titles before names, Korean and Russian name
                     shapes, runs of capitalised words), with counts and contexts; PATHs are TEI files,
                     folders or plaintext sources (default: the edition's tei/ folder)
  add NAME           a new entry (a person, place or organisation) with its spellings, a fresh id and
                     an authority id, written into the register file of its kind (see `add --help`)
  report             per register entry, its mentions across the edition's TEI; flags one string linked to
                     different entries, entries never mentioned and links to unknown ids (exit 1 for those),
                     and lists the names teiedit leaves unlinked with the reason (a family name several
                     entries bear, a generic reference without one referent, ...); lists the entries
                     without an authority identifier (GND, VIAF, Wikidata, GeoNames...) and the places
                     without coordinates"""


def add_parser(sub: Subparsers) -> None:
    p = sub.add_parser(
        "entities",
        help="suggest register entries and report on mentions",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    inner = p.add_subparsers(dest="entities_command", metavar="ACTION", parser_class=type(p))
    s = inner.add_parser(
        "suggest",
        help="candidate names not in any register",
        description="Candidate names not in any register: name shapes first, then by frequency.",
    )
    s.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="TEI files, folders or .txt sources"
    )
    s.add_argument("--format", choices=["human", "json"], default="human")
    s.add_argument(
        "--limit", type=int, default=50, help="show at most N candidates (default 50; 0: all)"
    )
    s.add_argument(
        "--min-count", type=int, default=1, metavar="N", help="only candidates seen N times or more"
    )
    s.set_defaults(run=run_suggest)
    r = inner.add_parser(
        "report",
        help="mentions per register entry",
        description="Mentions per register entry across the edition's TEI files.",
    )
    r.add_argument("--format", choices=["human", "json"], default="human")
    r.add_argument("--output", type=Path, metavar="FILE", help="write the report to FILE")
    r.set_defaults(run=run_report)
    entities_add.add_action(inner)
    p.set_defaults(run=lambda args: _usage(p))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage()
    raise TeieditError("say which action: `teiedit entities suggest`, `add` or `report`")


def _registers() -> tuple[Settings, Registers]:
    """The edition here (or a bare one) and its registers."""
    from teiedit.registers import load_registers

    settings = load_settings() if find_edition_root(Path.cwd()) else default_settings()
    regs = load_registers(settings)
    regs.check_unique()
    return settings, regs


def _texts(paths: list[Path]) -> list[tuple[str, str]]:
    """(document, running text) pairs: TEI text containers, or paragraphs of plaintext sources."""
    from teiedit.document import text_roots
    from teiedit.entities.spans import containers
    from teiedit.io import iter_xml_files, read_tei, read_text

    texts: list[tuple[str, str]] = []
    for p in paths:
        if p.is_file() and p.suffix.lower() == ".txt":
            texts.extend((p.stem, para) for para in read_text(p).text.split("\n\n") if para.strip())
            continue
        for f in iter_xml_files([p]):
            doc = read_tei(f)
            for root in text_roots(doc.root):
                texts.extend((doc.name, flat.reading()) for flat in containers(root))
    return texts


def run_suggest(args: argparse.Namespace) -> int:
    from teiedit.edition_files import edition_tei_files
    from teiedit.entities.matcher import matcher_for
    from teiedit.entities.suggest import suggest

    settings, regs = _registers()
    # the edition's documents: not its registers (their descriptions are no running text)
    paths = args.paths or edition_tei_files(settings)
    for p in paths:
        if not p.exists():
            raise TeieditError("no such file or folder", p, hint="check the path")
    found = [
        c
        for c in suggest(
            _texts(paths),
            matcher_for(regs) if regs.matchable else None,
            titles=settings.suggest_titles,
            not_names=settings.suggest_not_names,
        )
        if c.count >= args.min_count
    ]
    if args.limit:
        found = found[: args.limit]
    if args.format == "json":
        out_console.file.write(
            json.dumps([c.to_json() for c in found], ensure_ascii=False, indent=2) + "\n"
        )
        return EXIT_OK
    for c in found:
        out_console.print(
            f"{c.count:4d}  {c.text}"
            + (f" (also {', '.join(c.variants)})" if c.variants else "")
            + f"  ({c.kind}; {', '.join(sorted(c.documents))})",
            markup=False,
        )
        for ctx in c.contexts:
            out_console.print(f"        {ctx}", markup=False)
    out_console.print(f"{len(found)} candidate names not in any register", markup=False)
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    from teiedit.edition import Edition
    from teiedit.entities.report import mention_report
    from teiedit.pipeline import unlinked_mentions

    settings, regs = _registers()
    if not regs.matchable:
        raise TeieditError(
            "the edition has no registers",
            settings.registers,
            hint="create tei/registers/persons.xml, places.xml and orgs.xml",
        )
    documents = [ed.doc for ed in Edition.load(settings).inputs()]
    report = mention_report(regs, documents)
    report.unlinked = unlinked_mentions(settings, documents)
    if args.format == "json":
        text = json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
    else:
        lines = []
        for e in report.entries:
            if e.count:
                forms = ", ".join(f"{f} ×{n}" for f, n in e.forms.most_common())
                lines.append(
                    f"{e.id} ({e.preferred}): {e.count} mentions in {len(e.documents)} documents: {forms}"
                )
        for key, ids in report.conflicting.items():
            shown = ", ".join(f"{i} ×{n}" for i, n in ids.items())
            lines.append(f"same string, different entries: {key!r} -> {shown}")
        for ref, docs in report.dangling.items():
            lines.append(f"unknown id: #{ref} (in {', '.join(docs)})")
        lines.append(
            f"never mentioned ({len(report.never_mentioned)}): {', '.join(report.never_mentioned)}"
        )
        for kind, bare in report.without_authority.items():
            lines.append(
                f"{kind} entries without an authority identifier ({len(bare)}): {', '.join(bare)}"
            )
        if report.without_coordinates:
            lines.append(
                f"places without coordinates ({len(report.without_coordinates)}): "
                f"{', '.join(report.without_coordinates)}"
            )
        for r in report.unlinked:
            beside = f" (next to {r['next to']})" if r.get("next to") else ""
            cands = r.get("candidates")
            candidates = ", ".join(map(str, cands)) if isinstance(cands, list) and cands else "none"
            lines.append(
                f"left unlinked in {r['document']}: {r['text']!r}: {r['reason']}{beside}; "
                f"candidates: {candidates}"
            )
        text = "\n".join(lines) + "\n"
    if args.output:
        from teiedit.io import write_text_atomic

        write_text_atomic(args.output, text)
    else:
        out_console.file.write(text)
    return EXIT_FINDINGS if report.dangling else EXIT_OK
