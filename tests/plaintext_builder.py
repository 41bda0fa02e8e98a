"""A builder that is not part of teiedit: each document's title and reading text as a plain-text file.

tests/test_builders.py adds it to the BUILDERS table (one row) and shows that the CLI then offers it:
this module is all a new builder needs.
"""

from __future__ import annotations

from pathlib import Path

from teiedit.builder import BuildOptions, Group, Manifest, Option, digest
from teiedit.document import corrected_text, text_roots
from teiedit.edition import Edition
from teiedit.io import write_text_atomic

MANIFEST = ".plaintext.json"


class PlainTextBuilder:
    name = "text"
    group: Group = "render"
    help = "write each document as plain text"
    description = "Write each TEI document's title and reading text to <page>.txt in DIR."
    options: tuple[Option, ...] = (
        Option("--heading", "a line written above every document", "TEXT"),
    )

    def __init__(self, name: str = "text", group: Group = "render") -> None:
        self.name, self.group = name, group

    def manifest(self, edition: Edition) -> Manifest:
        new = Manifest(assets=digest(Path(__file__).read_bytes()))
        for ed in edition.documents():
            new.docs[ed.page] = digest(ed.path.read_bytes())
        return new

    def outdated(self, edition: Edition, out: Path) -> set[str]:
        return Manifest.read(out / MANIFEST).outdated(
            self.manifest(edition), lambda page: [out / f"{page}.txt"]
        )

    def build(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        redo = self.outdated(edition, out)
        heading = str(options.get("heading", ""))
        written = []
        for ed in edition.documents():
            if ed.page not in redo:
                continue
            text = "\n".join(" ".join(corrected_text(t).split()) for t in text_roots(ed.root))
            lines = (
                [heading, ed.facts.display_title, text]
                if heading
                else [ed.facts.display_title, text]
            )
            write_text_atomic(out / f"{ed.page}.txt", "\n\n".join(lines) + "\n")
            written.append(out / f"{ed.page}.txt")
        self.manifest(edition).write(out / MANIFEST, 1)
        options.tell(f"{len(written)} text files written to {out}")
        return written
