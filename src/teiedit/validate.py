"""Validation: RELAX NG via lxml (Schematron via saxonche and XSD via xmlschema come with the schema work).

Every engine turns its findings into Diagnostics with file, line and an editor-readable message.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from teiedit.diagnostics import Diagnostic, Level, Report, TeieditError
from teiedit.io import iter_xml_files, read_xml


@lru_cache(maxsize=8)
def load_rng(path: Path) -> etree.RelaxNG:
    """Load a compiled RELAX NG grammar once per process."""
    try:
        return etree.RelaxNG(read_xml(path))
    except etree.RelaxNGParseError as exc:
        raise TeieditError(f"the RELAX NG schema does not load: {exc}", path,
                           hint="recompile it with `teiedit schema`") from None


@dataclass(frozen=True)
class Schemas:
    """The compiled schemas a validation run uses."""

    rng: Path


def validate_tree(tree: etree._ElementTree, path: str, schemas: Schemas) -> list[Diagnostic]:
    rng = load_rng(schemas.rng)
    if rng.validate(tree):
        return []
    diags = []
    for err in rng.error_log:
        diags.append(
            Diagnostic(
                message=err.message,
                path=path,
                line=err.line,
                column=err.column,
                level=Level.ERROR,
                origin="rng",
                xpath=err.path or "",
                rule="rng",
            )
        )
    return diags


def validate_paths(paths: list[Path], schemas: Schemas) -> Report:
    """Validate files and folders (recursively); unreadable files become fatal diagnostics."""
    report = Report()
    for file in iter_xml_files(paths):
        report.files_checked.append(str(file))
        try:
            tree = read_xml(file)
        except TeieditError as exc:
            report.add(exc.diagnostic)
            continue
        report.extend(validate_tree(tree, str(file), schemas))
    return report
