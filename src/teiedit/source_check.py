"""What is in an edition's sources folder: the plaintext sources, and every other file with the reason it
is not converted (a PDF, an image, a word-processor file, anything binary), never skipped without a word."""

from __future__ import annotations

from pathlib import Path

from teiedit.config import Settings
from teiedit.diagnostics import Diagnostic, Level
from teiedit.edition_files import source_files

#: Leading bytes of formats an editor may drop into sources/, and what to do with each.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF", "a PDF", "extract its text into a .txt file (e.g. `pdftotext -layout FILE.pdf`)"),
    (b"\x89PNG", "a PNG image", "transcribe it into a .txt file; images are not sources"),
    (b"\xff\xd8\xff", "a JPEG image", "transcribe it into a .txt file; images are not sources"),
    (b"GIF8", "a GIF image", "transcribe it into a .txt file; images are not sources"),
    (b"II*\x00", "a TIFF image", "transcribe it into a .txt file; images are not sources"),
    (b"MM\x00*", "a TIFF image", "transcribe it into a .txt file; images are not sources"),
    (
        b"PK\x03\x04",
        "a ZIP archive (a .docx or .odt is one)",
        "save it as plain text (.txt, UTF-8) from the word processor",
    ),
    (
        b"\xd0\xcf\x11\xe0",
        "an old Word or Excel file",
        "save it as plain text (.txt, UTF-8) from the word processor",
    ),
    (b"{\\rtf", "an RTF file", "save it as plain text (.txt, UTF-8) from the word processor"),
)
#: Text files that document the folder rather than being sources (the README `teiedit init` writes).
_NOTES = (".md", ".markdown", ".rst")


def what_is(path: Path) -> tuple[str, str] | None:
    """What a file that is no plaintext is, and what to do with it; None for text."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror})", "check its permissions"
    for magic, what, todo in _MAGIC:
        if head.startswith(magic):
            return what, todo
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 has NULs
        return "a binary file", "give the text as a .txt file (UTF-8)"
    return None


def check_sources(settings: Settings) -> tuple[list[Path], list[Diagnostic]]:
    """The sources to convert (``sources/*.txt``) and a finding for each other file there, or for an
    empty folder."""
    sources = source_files(settings)
    findings: list[Diagnostic] = []
    others = sorted(
        p
        for p in settings.sources.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() != ".txt"
    )
    for path in others:
        found = what_is(path)
        if found is None:
            if path.suffix.lower() in _NOTES:
                continue  # notes about the sources, not sources
            what, todo = "a text file without the .txt extension", "rename it to .txt to convert it"
        else:
            what, todo = found
        findings.append(
            Diagnostic(
                message=f"not a plaintext source ({what}): skipped",
                path=str(path),
                level=Level.WARNING,
                origin="sources",
                rule="not-plaintext",
                suggestion=todo,
            )
        )
    if not sources:
        findings.append(
            Diagnostic(
                message="no plaintext sources (*.txt) in the sources folder: nothing to convert",
                path=str(settings.sources),
                level=Level.WARNING,
                origin="sources",
                rule="no-sources",
                suggestion="put transcriptions as UTF-8 .txt files there, then build again",
            )
        )
    return sources, findings
