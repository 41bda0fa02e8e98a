"""The loaded edition: its settings, its documents (each TEI file parsed once, with its page name and
facts) and its registers, found by one rule (teiedit/registers.py).

Validation, builders and exports take an :class:`Edition`. ``teiedit build`` loads it once, after its
conversion wrote ``tei/``, and hands the same trees to validation and every builder; ``teiedit html|pdf|
export`` load it from disk (:meth:`Edition.load`) or from the files they are given
(:meth:`Edition.from_files`). Documents are reached through :meth:`Edition.documents`
and :meth:`Edition.inputs`, which yield them in order: callers never need every tree at once (today's
implementation holds them; a later one may stream them).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lxml import etree

from teiedit.config import Settings
from teiedit.diagnostics import Diagnostic, TeieditError
from teiedit.document import TeiDocument, slugify
from teiedit.edition_files import edition_tei_files
from teiedit.facts import DocumentFacts, document_facts
from teiedit.imported_registers import Imported, join_imported
from teiedit.io import read_tei
from teiedit.publishable import duplicate_roots, unreadable
from teiedit.registers import Registers, is_register, load_registers, register_files
from teiedit.summary import Summary, summarise

#: Names the builders give their own outputs: the site's pages (``index.html``, the registers, the search
#: page and its index) and the book (``edition.pdf``). A document never takes one: its page is
#: ``doc-<name>`` instead (a source ``edition.txt`` must not replace the book).
RESERVED_PAGES = frozenset(
    {"index", "timeline", "persons", "places", "orgs", "search", "search-index", "edition"}
)


def safe_page_names(files: list[Path]) -> list[str]:
    """Unique, safe page names from file stems (never from TEI content), avoiding the site's own pages."""
    names: list[str] = []
    for f in files:
        base = slugify(f.stem) or "document"
        if base in RESERVED_PAGES:
            base = f"doc-{base}"
        name, i = base, 2
        while name in names:
            name, i = f"{base}-{i}", i + 1
        names.append(name)
    return names


@dataclass(eq=False)
class EditionDoc:
    """A TEI file of the edition: its tree, its safe output name (``<page>.html``, ``<page>.pdf``), its
    path, whether it was imported from another project, and its facts (computed once)."""

    doc: TeiDocument
    page: str
    path: Path
    imported: bool = False

    @property
    def root(self) -> etree._Element:
        return self.doc.root

    @cached_property
    def facts(self) -> DocumentFacts:
        return document_facts(self.root)

    @cached_property
    def summary(self) -> Summary:
        """What the site pages need of this document (teiedit/summary.py)."""
        return summarise(self)

    @cached_property
    def is_register(self) -> bool:
        return is_register(self.root)


class Edition:
    """Settings, documents and registers of one edition (or of the TEI files a command was given)."""

    def __init__(
        self,
        settings: Settings,
        inputs: list[EditionDoc],
        registers: Registers,
        problems: list[Diagnostic] | None = None,
    ) -> None:
        self.settings = settings
        self._inputs = inputs
        self.registers = registers
        #: Files that could not be read (left out) and documents whose root ids clash, as diagnostics.
        self.problems: list[Diagnostic] = problems or []

    @classmethod
    def load(cls, settings: Settings) -> Edition:
        """The edition's TEI files (``tei/``, registers and pending conversions left out)."""
        return cls.from_files(settings, edition_tei_files(settings))

    @classmethod
    def from_files(cls, settings: Settings, files: list[Path]) -> Edition:
        """An edition of the given TEI files: each is parsed once; those of the registers folder, and
        those that are registers by structure, are its registers."""
        folder = {p.resolve() for p in register_files(settings)}
        given = [Path(f) for f in files if Path(f).resolve() not in folder]
        imported = settings.imported.resolve()
        inputs: list[EditionDoc] = []
        problems: list[Diagnostic] = []
        for path, page in zip(given, safe_page_names(given), strict=True):
            try:
                doc = read_tei(path)
            except (
                TeieditError
            ) as exc:  # one unreadable file is reported; the rest of the edition builds
                problems.extend(unreadable(path, exc))
                continue
            inputs.append(
                EditionDoc(
                    doc=doc, page=page, path=path, imported=imported in path.resolve().parents
                )
            )
        problems += duplicate_roots((ed.path, ed.root) for ed in inputs if not ed.is_register)
        registers = load_registers(settings).merged(
            (ed.path, ed.root) for ed in inputs if ed.is_register
        )
        return cls(settings, inputs, registers, problems)

    @cached_property
    def site_registers(self) -> Registers:
        """The registers the site's register, entity and search pages show: the edition's, with the
        registers of imported documents and imported register files joined in
        (teiedit/imported_registers.py); the edition's registers when it imports nothing."""
        imported = [ed for ed in self._inputs if ed.imported]
        if not imported:
            return self.registers
        files = {ed.path for ed in imported if ed.is_register}
        own = Registers()
        for path, root in zip(self.registers.files, self.registers.roots, strict=True):
            if path not in files:
                own.add(path, root)
        return join_imported(
            own, (Imported(ed.page, ed.path, ed.root, ed.is_register) for ed in imported)
        )

    def inputs(self) -> Iterator[EditionDoc]:
        """Every TEI file of the edition but those of the registers folder, in order."""
        yield from self._inputs

    def documents(self) -> Iterator[EditionDoc]:
        """The edition's documents (its TEI files that are not registers), in order."""
        return (ed for ed in self._inputs if not ed.is_register)

    def own_documents(self) -> Iterator[EditionDoc]:
        """The documents that are the edition's own (not imported from other projects)."""
        return (ed for ed in self.documents() if not ed.imported)

    def __len__(self) -> int:
        return sum(1 for _ in self.documents())
