"""The register files checked against the edition's ODD: a TEI document holding lists is validated as any
document is; a bare ``<listPerson>``, ``<listPlace>`` or ``<listOrg>`` file against the same grammar
started at that list. Wrong roots and empty registers get a message saying what to do."""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

from lxml import etree

from teiedit.config import Settings
from teiedit.diagnostics import Diagnostic, Level, Report, TeieditError
from teiedit.document import TEI_NS, local_name
from teiedit.io import read_xml
from teiedit.odd.grammar import load_grammar
from teiedit.register_examples import EXAMPLE_MARK
from teiedit.registers import LISTS, Registers, entries_in, register_files
from teiedit.validate import Schemas, validate_parsed
from teiedit.validate.messages import explain_rng_error, readable_path

RNG_NS = "http://relaxng.org/ns/structure/1.0"
_WHAT_TO_DO = (
    "a register file is a TEI document whose body holds <listPerson>, <listPlace> or <listOrg>, or one "
    "of these lists alone (in the TEI namespace); `teiedit init` writes examples"
)


def _finding(
    message: str, path: Path, level: Level, hint: str, rule: str, line: int = 0
) -> Diagnostic:
    return Diagnostic(
        message=message,
        path=str(path),
        line=line,
        level=level,
        origin="registers",
        rule=rule,
        suggestion=hint,
    )


def check_registers(files: list[Path], schemas: Schemas, register_ids: tuple[str, ...]) -> Report:
    """Validate each register file; findings for wrong roots, lists in no namespace, empty registers."""
    report = Report()
    for path in files:
        report.files_checked.append(str(path))
        try:
            tree = read_xml(path)
        except TeieditError as exc:
            report.add(exc.diagnostic)
            continue
        report.extend(check_register_tree(tree, path, schemas, register_ids))
    return report


def check_register_tree(
    tree: etree._ElementTree, path: Path, schemas: Schemas, register_ids: tuple[str, ...]
) -> list[Diagnostic]:
    """The findings for one parsed register file."""
    root = tree.getroot()
    name, ns = local_name(root), etree.QName(root).namespace
    if ns != TEI_NS:
        listed = name in LISTS or name == "TEI"
        return [
            _finding(
                f"<{name}> is {'a register list' if listed else 'no TEI'} in "
                + (f"the namespace {ns!r}" if ns else "no namespace")
                + ": teiedit reads nothing from it",
                path,
                Level.ERROR,
                f'add xmlns="{TEI_NS}" to <{name}>' if listed else _WHAT_TO_DO,
                "register-namespace",
                root.sourceline or 0,
            )
        ]
    if name in LISTS:
        found = list_diagnostics(tree, path, schemas.rng)
    elif name in ("TEI", "teiCorpus"):
        found = validate_parsed(tree, path, schemas, register_ids=register_ids)
    else:
        return [
            _finding(f"<{name}> is no register", path, Level.ERROR, _WHAT_TO_DO, "register-root")
        ]
    entries = entries_in(root, str(path))
    examples = [e.id for e in entries if EXAMPLE_MARK in e.description]
    if examples:
        found.append(
            _finding(
                f"still the example entries of `teiedit init` ({', '.join(examples)}): the site and "
                "the book list them, and their names are linked in your documents",
                path,
                Level.WARNING,
                "replace them with entries of your sources, or delete them",
                "register-example",
            )
        )
    if not entries:
        found.append(
            _finding(
                "this register has no entries (an entry is a person, place or org with an xml:id)",
                path,
                Level.WARNING,
                "add one with `teiedit entities add`, or delete the file",
                "register-empty",
            )
        )
    return found


def check_edition_registers(settings: Settings, schemas: Schemas, registers: Registers) -> Report:
    """The checks of every file of the edition's registers folder, on the trees already loaded (a file
    the registers could not hold, one that does not parse, is read here and reported)."""
    loaded = {
        path.resolve(): root for path, root in zip(registers.files, registers.roots, strict=True)
    }
    report = Report()
    ids = registers.ids()
    for path in register_files(settings):
        root = loaded.get(path.resolve())
        if root is None:
            report.extend(check_registers([path], schemas, ids).diagnostics)
        else:
            report.extend(check_register_tree(root.getroottree(), path, schemas, ids))
        report.files_checked.append(str(path))
    return report


@lru_cache(maxsize=8)
def _list_grammar(rng: Path, start: str) -> etree.RelaxNG:
    """The edition's grammar started at one list element (the schema's own start is TEI)."""
    tree = copy.deepcopy(read_xml(rng))
    grammar = tree.getroot()
    start_el = grammar.find(f"{{{RNG_NS}}}start")
    if start_el is None or grammar.find(f"{{{RNG_NS}}}define[@name='{start}']") is None:
        raise TeieditError(
            f"the compiled schema has no <{start}>",
            rng,
            hint="recompile it with `teiedit schema`",
        )
    for child in list(start_el):
        start_el.remove(child)
    etree.SubElement(start_el, f"{{{RNG_NS}}}ref", name=start)
    return etree.RelaxNG(tree)


def list_diagnostics(tree: etree._ElementTree, path: Path, rng: Path) -> list[Diagnostic]:
    """A bare list checked against the ODD's grammar, one finding per line."""
    relaxng = _list_grammar(rng.resolve(), local_name(tree.getroot()))
    if relaxng.validate(tree):
        return []
    grammar = load_grammar(rng)
    found: dict[int, Diagnostic] = {}
    for err in relaxng.error_log:
        message, hint, el = explain_rng_error(err, tree, grammar)
        line = (el.sourceline if el is not None and el.sourceline else err.line) or 0
        found.setdefault(
            line,
            Diagnostic(
                message=message,
                path=str(path),
                line=line,
                column=err.column or 0,
                level=Level.ERROR,
                origin="rng",
                xpath=readable_path(el) if el is not None else "",
                suggestion=hint,
                rule="rng",
            ),
        )
    return list(found.values())


__all__ = ["check_edition_registers", "check_register_tree", "check_registers"]
