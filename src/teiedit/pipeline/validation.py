"""The edition's own checks in a build: its documents (validated in workers when many, findings kept
by content), its registers and its front matter, against the edition's schema."""

from __future__ import annotations

from pathlib import Path

from teiedit.config import Settings
from teiedit.diagnostics import Diagnostic, Level, Progress, Report
from teiedit.edition import Edition
from teiedit.front_matter import front_files
from teiedit.register_check import check_edition_registers
from teiedit.registers import register_files
from teiedit.validate.schemas import edition_schemas
from teiedit.workers import Workers, using


def validate_edition(
    edition: Edition,
    progress: Progress | None = None,
    workers: Workers | None = None,
    *,
    cache: bool = False,
) -> Report:
    """Check the edition's own TEI files against its schema (from the trees the edition holds, or in
    workers when there are many); with ``cache``, a document validated by an earlier build against
    the same schemas and register ids keeps its findings without being validated again.

    Documents imported from other projects keep their own schema; `teiedit import` checked them against
    it (see tei/imported/manifest.json). The edition's schema checks only the edition's own documents.
    """
    from teiedit.validate import validate_paths
    from teiedit.validate.many import Item, validate_many

    settings = edition.settings
    own = [ed for ed in edition.inputs() if not ed.imported]
    imported = sum(1 for ed in edition.inputs() if ed.imported)
    if progress:
        progress(f"validating {len(own)} documents")
    report = Report()
    if own:
        schemas = edition_schemas(settings)
        items = [Item(ed.path, ed.sha256, lambda ed=ed: ed.doc.tree) for ed in own]  # type: ignore[misc]
        with using(workers) as pool:
            found = validate_many(
                items,
                schemas,
                edition.registers.ids(),
                pool,
                cache=validation_cache(settings) if cache else None,
                progress=progress,
                base=settings.root,
            )
        for ed, diags in zip(own, found, strict=True):
            report.files_checked.append(str(ed.path))
            report.extend(diags)
    if register_files(settings):  # a misspelt element in a register would otherwise pass
        if progress:
            progress("checking the registers")
        registers = check_edition_registers(settings, edition_schemas(settings), edition.registers)
        report.files_checked.extend(registers.files_checked)
        report.extend(registers.diagnostics)
    front = front_files(settings)  # the introduction is the edition's TEI too
    if front:
        front_report = validate_paths(front, edition_schemas(settings))
        report.files_checked.extend(front_report.files_checked)
        report.extend(front_report.diagnostics)
    if imported:
        report.add(
            Diagnostic(
                message=f"{imported} imported documents not checked against the edition's schema",
                path=str(settings.imported.resolve()),
                level=Level.INFO,
                origin="build",
                rule="imported",
                suggestion="they were checked against their own schema on import; "
                "`teiedit validate tei/imported --tei-all PATH` checks them again",
            )
        )
    return report


def validation_cache(settings: Settings) -> Path:
    """Where a build keeps the findings of the documents it validated."""
    return settings.out / ".teiedit-cache" / "validation.json"
