"""Which files of an edition are what: its sources, its TEI documents, and its own documents among them."""

from __future__ import annotations

from pathlib import Path

from teiedit.config import Edition
from teiedit.diagnostics import TeieditError


def source_files(edition: Edition) -> list[Path]:
    """The plaintext sources (``sources/*.txt``), in name order."""
    if not edition.sources.is_dir():
        raise TeieditError(
            "the sources folder does not exist",
            edition.sources,
            hint="create it and put plaintext sources (*.txt) in it",
        )
    return sorted(p for p in edition.sources.glob("*.txt") if p.is_file())


def edition_tei_files(edition: Edition) -> list[Path]:
    """The edition's documents (registers and pending conversions excluded), in name order."""
    if not edition.tei.is_dir():
        return []
    regs = edition.registers.resolve()
    return sorted(
        p
        for p in edition.tei.rglob("*.xml")
        if p.is_file()
        and regs not in p.resolve().parents
        and not any(part.startswith(".") for part in p.relative_to(edition.tei).parts)
    )


def own_documents(edition: Edition, files: list[Path] | None = None) -> list[Path]:
    """The edition's own documents: ``files`` (default: all its TEI documents) less those imported from
    other projects (``tei/imported/``), which keep their own schema and are not the edition's to export."""
    imported = edition.imported.resolve()
    return [
        p
        for p in (edition_tei_files(edition) if files is None else files)
        if imported not in p.resolve().parents
    ]
