"""Which files of an edition are what: its sources and its TEI documents (the loaded Edition tells its
own documents from those imported, teiedit/edition.py)."""

from __future__ import annotations

from pathlib import Path

from teiedit.config import Settings
from teiedit.diagnostics import TeieditError
from teiedit.front_matter import front_folder


def source_files(edition: Settings) -> list[Path]:
    """The plaintext sources (``sources/*.txt``), in name order."""
    if not edition.sources.is_dir():
        raise TeieditError(
            "the sources folder does not exist",
            edition.sources,
            hint="create it and put plaintext sources (*.txt) in it",
        )
    return sorted(p for p in edition.sources.glob("*.txt") if p.is_file())


def in_front_matter(edition: Settings, path: Path) -> bool:
    """Whether ``path`` lies in the front matter's folder (``tei/front``)."""
    # The book prints these files before the contents' documents (teiedit/front_matter.py): taken as
    # documents too, the introduction would be printed twice.
    return front_folder(edition).resolve() in path.resolve().parents


def edition_tei_files(edition: Settings) -> list[Path]:
    """The edition's documents (registers, the front matter and pending conversions excluded), in name
    order."""
    if not edition.tei.is_dir():
        return []
    regs = edition.registers.resolve()
    return sorted(
        p
        for p in edition.tei.rglob("*.xml")
        if p.is_file()
        and regs not in p.resolve().parents
        and not in_front_matter(edition, p)
        and not any(part.startswith(".") for part in p.relative_to(edition.tei).parts)
    )
