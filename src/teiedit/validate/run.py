"""Validation of a tree, a file, or files and folders: every engine's findings, collapsed."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from teiedit.diagnostics import Diagnostic, Report, TeieditError
from teiedit.document import XI_NS
from teiedit.io import iter_xml_files, read_xml, refuse_entities
from teiedit.validate.report import collapse, with_columns
from teiedit.validate.rng import _load_rng, clear_costly, rng_diagnostics
from teiedit.validate.schemas import Schemas
from teiedit.validate.schematron import (
    _resolved_folder,
    _stylesheet,
    register_ids,
    schematron_diagnostics,
)
from teiedit.validate.xinclude import resolve_xincludes
from teiedit.validate.xml_model import schemas_for
from teiedit.validate.xsd import load_xsd, xsd_diagnostics

if TYPE_CHECKING:
    from teiedit.workers import Workers


def validate_tree(
    tree: etree._ElementTree,
    path: str,
    schemas: Schemas,
    doc: Path | None = None,
    register_ids: Sequence[str] | None = None,
) -> list[Diagnostic]:
    """All findings for one parsed document (``register_ids``: what pointers into the registers may
    name; by default, the ids of the registers beside ``doc``)."""
    diags: list[Diagnostic] = []
    if schemas.use_xsd:
        diags.extend(xsd_diagnostics(tree, path, schemas.xsd_path()))
    else:
        diags.extend(rng_diagnostics(tree, path, schemas.rng))
    sch = schemas.schematron_path()
    if sch is not None:
        try:
            diags.extend(
                schematron_diagnostics(
                    tree, path, sch, doc, register_ids, foreign=schemas.foreign_sch
                )
            )
        except TeieditError as exc:
            if not schemas.foreign_sch:
                raise
            # a refused foreign Schematron: the grammar's findings stand
            diags.append(exc.diagnostic)
    diags.sort(key=lambda d: (d.line, d.column))
    return collapse(diags)


def validate_file(file: Path, schemas: Schemas) -> list[Diagnostic]:
    tree = read_xml(file)
    refuse_entities(tree, file)
    return validate_parsed(tree, file, schemas)


def validate_parsed(
    tree: etree._ElementTree,
    file: Path,
    schemas: Schemas,
    register_ids: Sequence[str] | None = None,
) -> list[Diagnostic]:
    """All findings for a document parsed from ``file`` (the tree itself is left as it is)."""
    if next(tree.getroot().iter(f"{{{XI_NS}}}include"), None) is not None:
        tree = copy.deepcopy(tree)  # XIncludes are resolved in place
    diags = resolve_xincludes(tree, file)
    chosen, notes = schemas_for(file, tree, schemas)
    found = validate_tree(tree, str(file), chosen, doc=file, register_ids=register_ids)
    return notes + with_columns(diags + found, Path(file))


def validate_paths(paths: list[Path], schemas: Schemas, workers: Workers | None = None) -> Report:
    """Validate files and folders (recursively); unreadable files become fatal diagnostics. With
    ``workers`` (teiedit.workers), many files are validated in worker processes."""
    report = Report()
    files = list(iter_xml_files(paths))
    if workers is not None and workers.parallel(len(files)):
        found = workers.map(_validate_one, [(f, schemas) for f in files])
    else:
        found = [_validate_one((f, schemas)) for f in files]
    for file, diags in zip(files, found, strict=True):
        report.files_checked.append(str(file))
        report.extend(diags)
    return report


def _validate_one(task: tuple[Path, Schemas]) -> list[Diagnostic]:
    file, schemas = task
    try:
        return validate_file(file, schemas)
    except TeieditError as exc:
        return [exc.diagnostic]


def clear_caches() -> None:
    """Forget every loaded schema and register id list (benchmarks time cold loads with this)."""
    _load_rng.cache_clear()
    clear_costly()
    _stylesheet.cache_clear()
    register_ids.cache_clear()
    _resolved_folder.cache_clear()
    load_xsd.cache_clear()
