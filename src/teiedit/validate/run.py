"""Validation of a tree, a file, or files and folders: every engine's findings, collapsed."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiedit.diagnostics import Diagnostic, Report, TeieditError
from teiedit.io import iter_xml_files, read_xml
from teiedit.validate.report import collapse, with_columns
from teiedit.validate.rng import _load_rng, rng_diagnostics
from teiedit.validate.schemas import Schemas
from teiedit.validate.schematron import register_ids, schematron_diagnostics, schematron_stylesheet
from teiedit.validate.xinclude import resolve_xincludes
from teiedit.validate.xml_model import schemas_for
from teiedit.validate.xsd import load_xsd, xsd_diagnostics


def validate_tree(
    tree: etree._ElementTree, path: str, schemas: Schemas, doc: Path | None = None
) -> list[Diagnostic]:
    """All findings for one parsed document."""
    diags: list[Diagnostic] = []
    if schemas.use_xsd:
        diags.extend(xsd_diagnostics(tree, path, schemas.xsd_path()))
    else:
        diags.extend(rng_diagnostics(tree, path, schemas.rng))
    sch = schemas.schematron_path()
    if sch is not None:
        diags.extend(schematron_diagnostics(tree, path, sch, doc))
    diags.sort(key=lambda d: (d.line, d.column))
    return collapse(diags)


def validate_file(file: Path, schemas: Schemas) -> list[Diagnostic]:
    tree = read_xml(file)
    diags = resolve_xincludes(tree, file)
    chosen, notes = schemas_for(file, tree, schemas)
    return notes + with_columns(
        diags + validate_tree(tree, str(file), chosen, doc=file), Path(file)
    )


def validate_paths(paths: list[Path], schemas: Schemas) -> Report:
    """Validate files and folders (recursively); unreadable files become fatal diagnostics."""
    report = Report()
    for file in iter_xml_files(paths):
        report.files_checked.append(str(file))
        try:
            report.extend(validate_file(file, schemas))
        except TeieditError as exc:
            report.add(exc.diagnostic)
    return report


def clear_caches() -> None:
    """Forget every loaded schema and register id list (benchmarks time cold loads with this)."""
    _load_rng.cache_clear()
    schematron_stylesheet.cache_clear()
    register_ids.cache_clear()
    load_xsd.cache_clear()
