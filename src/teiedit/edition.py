"""The loaded edition: its settings, its documents (each with its page name and its record: facts,
correspondents, what it points to, its summary) and its registers, found by one rule (teiedit/
registers.py).

Validation, builders and exports take an :class:`Edition`. ``teiedit build`` loads it once, after its
conversion wrote ``tei/``; ``teiedit html|pdf|export`` load it from disk (:meth:`Edition.load`) or from
the files they are given (:meth:`Edition.from_files`). Documents are reached through
:meth:`Edition.documents` and :meth:`Edition.inputs`, in order.

The edition streams: loading reads every file once and keeps its record (teiedit/scan.py), not its
tree. A document's tree (``ed.doc``, ``ed.root``) is parsed when asked for and kept in a cache bounded
by the memory its trees take (:data:`TREE_BUDGET`): a small edition is parsed once and held whole,
a large one is parsed again by the stages that need its trees, and memory stays flat whatever its size.
A build that keeps a record cache (``cache=``) does not parse an unchanged file at load time at all.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from lxml import etree

from teiedit import io
from teiedit.config import Settings
from teiedit.diagnostics import Diagnostic, TeieditError
from teiedit.document import TeiDocument, slugify
from teiedit.edition_files import edition_tei_files, in_front_matter
from teiedit.facts import DocumentFacts
from teiedit.imported_registers import Imported, join_imported
from teiedit.mention_store import MentionStore
from teiedit.publishable import duplicate_root_ids, pointers_to_missing_files, unreadable
from teiedit.registers import Registers, load_registers, register_files
from teiedit.scan import DocRecord, RecordCache, record_of
from teiedit.summary import Mention, Summary
from teiedit.summary import mentions as summary_mentions

#: Names the builders give their own outputs: the site's pages (``index.html``, the registers, the search
#: page and its index) and the book (``edition.pdf``). A document never takes one: its page is
#: ``doc-<name>`` instead (a source ``edition.txt`` must not replace the book).
RESERVED_PAGES = frozenset(
    {"index", "timeline", "persons", "places", "orgs", "search", "search-index", "edition"}
)

#: Bytes of memory an edition's parsed trees may take (TEIEDIT_TREE_BUDGET_MB overrides): below it a
#: build parses each file once, above it the least recently used trees are dropped and parsed again.
#: About 16 MB of TEI: a build's passes over the documents go in one order, so a budget short of the
#: whole edition saves few parses, and a larger one is memory every large edition holds.
TREE_BUDGET = 160 * 1024 * 1024

#: What a parsed tree takes in memory for each byte of its file (libxml2's nodes, their names and
#: text: 9.4 measured on this edition's documents, whose text is mostly English).
TREE_BYTES_PER_BYTE = 10


def tree_budget() -> int:
    value = os.environ.get("TEIEDIT_TREE_BUDGET_MB", "").strip()
    return int(float(value) * 1024 * 1024) if value.replace(".", "", 1).isdigit() else TREE_BUDGET


def safe_page_names(files: list[Path]) -> list[str]:
    """Unique, safe page names from file stems (never from TEI content), avoiding the site's own pages."""
    names: list[str] = []
    taken: set[str] = set()
    for f in files:
        base = slugify(f.stem) or "document"
        if base in RESERVED_PAGES:
            base = f"doc-{base}"
        name, i = base, 2
        while name in taken:
            name, i = f"{base}-{i}", i + 1
        names.append(name)
        taken.add(name)
    return names


class Trees:
    """Parsed trees of an edition's files, the least recently used dropped beyond a budget of bytes of
    memory (a tree counts :data:`TREE_BYTES_PER_BYTE` times its file's size)."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self._held: OrderedDict[Path, tuple[TeiDocument, int]] = OrderedDict()
        self._bytes = 0

    def get(self, path: Path, data: bytes | None = None) -> TeiDocument:
        held = self._held.get(path)
        if held is not None:
            self._held.move_to_end(path)
            return held[0]
        if data is None:
            data = io.read_bytes(path)
        doc = io.tei_from_bytes(data, path)
        self.put(path, doc, len(data) * TREE_BYTES_PER_BYTE)
        return doc

    def put(self, path: Path, doc: TeiDocument, size: int) -> None:
        self._held[path] = (doc, size)
        self._bytes += size
        while self._bytes > self.budget and len(self._held) > 1:
            _, (_, dropped) = self._held.popitem(last=False)
            self._bytes -= dropped

    def drop(self, path: Path) -> None:
        held = self._held.pop(path, None)
        if held is not None:
            self._bytes -= held[1]


@dataclass(eq=False)
class EditionDoc:
    """A TEI file of the edition: its safe output name (``<page>.html``, ``<page>.pdf``), its path,
    whether it was imported from another project, its record, and its tree on demand."""

    page: str
    path: Path
    record: DocRecord
    imported: bool = False
    trees: Trees = field(default_factory=lambda: Trees(0), repr=False)

    @property
    def doc(self) -> TeiDocument:
        """The parsed document (parsed now if the edition does not hold it)."""
        return self.trees.get(self.path)

    @property
    def root(self) -> etree._Element:
        return self.doc.root

    @property
    def facts(self) -> DocumentFacts:
        return self.record.facts

    @property
    def is_register(self) -> bool:
        return self.record.is_register

    @property
    def sha256(self) -> str:
        return self.record.sha256

    @cached_property
    def summary(self) -> Summary:
        """What the site pages need of this document (teiedit/summary.py), kept in its record."""
        return Summary.from_dict(self.record.summary)


class Edition:
    """Settings, documents and registers of one edition (or of the TEI files a command was given)."""

    def __init__(
        self,
        settings: Settings,
        inputs: list[EditionDoc],
        registers: Registers,
        trees: Trees,
        problems: list[Diagnostic] | None = None,
        mentions: MentionStore | None = None,
    ) -> None:
        self.settings = settings
        #: The mentions' anchors, texts and contexts, kept apart from the records (on disk).
        self.mentions = mentions
        self._inputs = inputs
        self.registers = registers
        self.trees = trees
        #: Files that could not be read (left out) and documents whose root ids clash, as diagnostics.
        self.problems: list[Diagnostic] = problems or []

    @classmethod
    def load(cls, settings: Settings, *, cache: Path | None = None) -> Edition:
        """The edition's TEI files (``tei/``, registers and pending conversions left out)."""
        return cls.from_files(settings, edition_tei_files(settings), cache=cache)

    @classmethod
    def from_files(
        cls, settings: Settings, files: list[Path], *, cache: Path | None = None
    ) -> Edition:
        """An edition of the given TEI files: each is read once (and parsed unless ``cache``, a record
        cache written by an earlier build, knows its content); those of the registers folder, and those
        that are registers by structure, are its registers; those of the front matter's folder are left
        out (the book prints them as its front matter)."""
        folder = {p.resolve() for p in register_files(settings)}
        # ``teiedit pdf tei/`` names the edition's whole folder: the same documents as Edition.load
        given = [
            Path(f)
            for f in files
            if Path(f).resolve() not in folder and not in_front_matter(settings, Path(f))
        ]
        imported = settings.imported.resolve()
        trees = Trees(tree_budget())
        records = RecordCache(cache)
        inputs: list[EditionDoc] = []
        problems: list[Diagnostic] = []
        for path, page in zip(given, safe_page_names(given), strict=True):
            try:
                data = io.read_bytes(path)
                sha = hashlib.sha256(data).hexdigest()
                is_imported = imported in path.resolve().parents
                key = RecordCache.key(sha, page, is_imported)
                record = records.get(key)
                if record is None:
                    doc = trees.get(path, data)
                    record = records.put(key, record_of(doc.root, sha, page, is_imported))
            except TeieditError as exc:  # one unreadable file is reported; the rest builds
                problems.extend(unreadable(path, exc))
                continue
            inputs.append(EditionDoc(page, path, record, is_imported, trees))
        problems += duplicate_root_ids(
            (ed.path, ed.record.root_id, ed.record.root_line) for ed in inputs if not ed.is_register
        )
        problems += pointers_to_missing_files(
            ((ed.path, ed.record.file_pointers) for ed in inputs if ed.imported),
            (ed.path.name for ed in inputs if ed.imported),
        )
        registers = load_registers(settings).merged(
            (ed.path, ed.root) for ed in inputs if ed.is_register
        )
        for ed in inputs:
            if ed.is_register:
                trees.drop(ed.path)  # the registers hold their own trees
        edition = cls(settings, inputs, registers, trees, problems, records.mentions)
        records.save()
        return edition

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

    def mention_contexts(self, docs: list[EditionDoc]) -> Callable[[int, list[int]], list[Mention]]:
        """The mentions ``ks`` of ``docs[i]`` with their anchors, texts and contexts, read from the
        store (the summaries an edition holds have their entries only)."""
        store = self.mentions

        def contexts(i: int, ks: list[int]) -> list[Mention]:
            ed = docs[i]
            mentions = ed.summary.mentions
            if store is None:
                return [mentions[k] for k in ks]
            found = store.get(RecordCache.key(ed.sha256, ed.page, ed.imported), ks)
            if any(k not in found for k in ks):  # the store lost them (another build): made again
                whole = summary_mentions(ed.root)
                return [whole[k] for k in ks]
            return [Mention(mentions[k].entry, *found[k]) for k in ks]

        return contexts

    def register_paths(self) -> list[Path]:
        """Every register file: the registers folder's and the inputs that are registers."""
        return list(self.registers.files)

    def __len__(self) -> int:
        return sum(1 for _ in self.documents())


def record_cache(settings: Settings) -> Path:
    """Where a build of the edition keeps its document records."""
    return settings.out / ".teiedit-cache" / "documents.json"
