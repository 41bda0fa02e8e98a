"""What a build keeps of each document once its tree is gone: a :class:`DocRecord` (its facts, whether it
is a register, whom it is between, what it points to, its summary), computed in one pass over the
document and kept in a cache keyed by the file's content, so that a build that finds a file unchanged
does not parse it at all.

The cache (``<out>/.teiedit-cache/documents.json``) holds one record per content hash and the hash of
the code that computes records (:func:`fingerprint`): a change to that code makes every record again.
A record holds its mentions' entries only; their anchors, texts and contexts, which only entity pages
show, are kept beside it (``mentions.sqlite``, teiedit/mention_store.py), not in memory.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from teiedit.document import TEI_NS, XML_ID, register_pointer, text_of, xpath
from teiedit.facts import DocumentFacts, document_facts
from teiedit.header_facts import HeaderFacts, header_facts
from teiedit.mention_store import MentionStore
from teiedit.registers import is_register
from teiedit.summary import Context, compact

CACHE_FORMAT = 9


def correspondents(root: etree._Element) -> frozenset[str]:
    """Who writes to whom in a letter (register ids, else normalised names), regardless of direction."""
    people: set[str] = set()
    for el in xpath(
        root,
        "tei:teiHeader//tei:correspAction[@type='sent' or @type='received']"
        "/*[self::tei:persName or self::tei:orgName or self::tei:name]",
    ):
        ref = (el.get("ref") or "").split()
        people.add(ref[0] if ref else " ".join(text_of(el).split()).casefold())
    people.discard("")
    return frozenset(people)


def referenced_ids(root: etree._Element) -> set[str]:
    """Register ids that names in the document point to (``@ref="#id"``; ``persons.xml#id`` into a
    register file, see :func:`document.register_pointer`), header included."""
    ids = {register_pointer(str(ref)) for ref in root.xpath(".//@ref")}
    ids.discard("")
    return ids


def file_pointers(root: etree._Element) -> list[tuple[str, int]]:
    """The pointers of ``@ref`` into other files (``persons.xml#id``), each once, with the line of its
    first use."""
    found: dict[str, int] = {}
    for el in root.xpath(".//*[@ref]"):
        pointer = register_pointer(el.get("ref"))
        if "#" in pointer:
            found.setdefault(pointer, el.sourceline or 0)
    return list(found.items())


def target_files(root: etree._Element) -> list[str]:
    """The file names that pointers (``@target``) name, each once, in document order."""
    found: dict[str, None] = {}
    for target in root.xpath(".//@target"):
        for token in str(target).split():
            found[token.split("#", 1)[0].rsplit("/", 1)[-1]] = None
    found.pop("", None)
    return list(found)


@dataclass(frozen=True)
class DocRecord:
    """What a build knows of a document without its tree."""

    sha256: str
    root: str  # the root element's local name (TEI, teiCorpus)
    facts: DocumentFacts
    is_register: bool
    correspondents: tuple[str, ...]  # sorted
    refs: tuple[str, ...]  # register ids it names, sorted
    targets: tuple[str, ...]  # file names its pointers name
    summary: dict[str, Any]  # teiedit.summary.Summary.to_dict(), or {} for a register
    root_id: str = ""  # the root element's xml:id (two documents must not share one)
    root_line: int = 0
    #: The size of the root's ``text``: (elements, characters); the print edition's limit reads it.
    text_size: tuple[int, int] = (0, 0)
    #: Its ``#id`` pointers to ids outside it, each with how often it points there (sorted by id):
    #: the register export's mention counts, without the tree.
    pointers: tuple[tuple[str, int], ...] = ()
    #: Its ``@ref`` pointers into other files (``persons.xml#id``), each with the line of its first
    #: use: an imported document's pointer to a file that was not imported is reported.
    file_pointers: tuple[tuple[str, int], ...] = ()
    #: What the harvesting formats and the pages' images read of its header (teiedit/header_facts.py).
    header: HeaderFacts = HeaderFacts()
    #: A digest of its summary: the site pages made from summaries compare it, not the summary.
    summary_key: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocRecord:
        # ids recur in every document naming them: one string each, not one per mention read
        intern = sys.intern
        summary = dict(data["summary"])
        if "mentions" in summary:
            summary["mentions"] = [
                intern(m) if isinstance(m, str) else m for m in summary["mentions"]
            ]
        return cls(
            sha256=str(data["sha256"]),
            root=str(data["root"]),
            facts=DocumentFacts(**data["facts"]),
            is_register=bool(data["is_register"]),
            correspondents=tuple(intern(c) for c in data["correspondents"]),
            refs=tuple(intern(r) for r in data["refs"]),
            targets=tuple(data["targets"]),
            summary=summary,
            root_id=str(data["root_id"]),
            root_line=int(data["root_line"]),
            text_size=(int(data["text_size"][0]), int(data["text_size"][1])),
            pointers=tuple((intern(str(k)), int(n)) for k, n in data["pointers"]),
            file_pointers=tuple((str(k), int(n)) for k, n in data.get("file_pointers", ())),
            header=HeaderFacts.from_json(data["header"]),
            summary_key=str(data["summary_key"]),
        )


def record_of(root: etree._Element, sha256: str, page: str, imported: bool) -> DocRecord:
    """The record of one parsed document."""
    from teiedit.summary import summarise

    facts = document_facts(root)
    register = is_register(root)

    @dataclass(frozen=True)
    class _Doc:  # what summarise reads
        root: etree._Element
        page: str
        facts: DocumentFacts
        imported: bool

    summary = {} if register else summarise(_Doc(root, page, facts, imported)).to_dict()
    return DocRecord(
        sha256=sha256,
        root=etree.QName(root).localname,
        facts=facts,
        is_register=register,
        correspondents=tuple(sorted(correspondents(root))),
        refs=tuple(sorted(referenced_ids(root))),
        targets=tuple(target_files(root)),
        summary=summary,
        root_id=root.get(XML_ID) or "",
        root_line=root.sourceline or 0,
        text_size=text_size(root),
        pointers=tuple(sorted(outside_pointers(root).items())),
        file_pointers=tuple(file_pointers(root)),
        header=header_facts(root),
        summary_key=summary_key(summary),
    )


def compact_record(record: DocRecord) -> tuple[DocRecord, list[Context]]:
    """The record as an edition holds it (its mentions' entries only) and its mentions' anchors, texts
    and contexts (teiedit/summary.py ``compact``)."""
    summary, contexts = compact(record.summary)
    return dataclasses.replace(record, summary=summary), contexts


def summary_key(summary: dict[str, Any]) -> str:
    """A digest of a summary (as :meth:`teiedit.summary.Summary.to_dict` gives it)."""
    text = json.dumps(summary, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def outside_pointers(root: etree._Element) -> dict[str, int]:
    """``#id`` pointers in any attribute of a document to ids it does not have (to the registers),
    with how often each is made."""
    local = {el.get(XML_ID) for el in root.iter() if isinstance(el.tag, str) and el.get(XML_ID)}
    counts: dict[str, int] = {}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for value in el.attrib.values():
            for token in value.split():
                if token.startswith("#") and len(token) > 1 and token[1:] not in local:
                    counts[token[1:]] = counts.get(token[1:], 0) + 1
    return counts


def text_size(root: etree._Element) -> tuple[int, int]:
    """The number of elements and characters in the root's ``text`` ((0, 0) when it has none)."""
    text = root.find(f"{{{TEI_NS}}}text")
    if text is None:
        return (0, 0)
    return (sum(1 for _ in text.iter()), sum(len(t) for t in text.itertext()))


def fingerprint() -> str:
    """A hash of the code that computes records (a record made by other code is made again)."""
    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256(f"format {CACHE_FORMAT}".encode())
    for name in (
        "scan.py",
        "facts.py",
        "header_facts.py",
        "summary.py",
        "registers.py",
        "document.py",
        "mention_store.py",
    ):
        h.update((pkg / name).read_bytes())
    return h.hexdigest()


class RecordCache:
    """Records by content hash (and page: a summary names its page), read from and written to a file:
    a first line saying the format and the code, then one line per record (its key, a tab, its JSON).
    The file is read record by record and only where each record is in it is held: a kept record is
    read when asked for, and written back as the bytes it was read as (not encoded again); a new one is
    encoded when written, one at a time (a copy of every new record as JSON doubled the memory of a
    first build)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.fingerprint = fingerprint()
        #: The mentions' contexts of the records (a private temporary file without ``path``).
        self.mentions = MentionStore(
            path.with_name("mentions.sqlite") if path is not None else None, self.fingerprint
        )
        #: Key -> where its JSON is in the file (offset, length).
        self._old: dict[str, tuple[int, int]] = {}
        self._new: dict[str, tuple[int, int] | DocRecord] = {}
        self._made = False
        self._file: BinaryIO | None = None
        if path is not None and path.is_file():
            try:
                self._file = path.open("rb")
                self._old = self._index(self._file)
            except (OSError, ValueError, AttributeError):
                self._old = {}

    def _index(self, f: BinaryIO) -> dict[str, tuple[int, int]]:
        """Where each record is in the file (none when it was written by other code)."""
        data = json.loads(f.readline())
        if data.get("format") != CACHE_FORMAT or data.get("code") != self.fingerprint:
            return {}
        found: dict[str, tuple[int, int]] = {}
        pos = f.tell()
        for line in f:
            tab = line.find(b"\t")
            if tab > 0 and line.endswith(b"\n"):
                found[line[:tab].decode("utf-8")] = (pos + tab + 1, len(line) - tab - 2)
            pos += len(line)
        return found

    def _read(self, where: tuple[int, int]) -> bytes:
        assert self._file is not None
        self._file.seek(where[0])
        return self._file.read(where[1])

    @staticmethod
    def key(sha256: str, page: str, imported: bool) -> str:
        return f"{sha256}:{page}:{int(imported)}"

    def get(self, key: str) -> DocRecord | None:
        where = self._old.get(key)
        if where is None or not self.mentions.has(key):
            return None
        try:
            record = DocRecord.from_json(json.loads(self._read(where)))
        except (OSError, KeyError, TypeError, ValueError, AttributeError):
            return None
        self._new[key] = where
        return record

    def put(self, key: str, record: DocRecord) -> DocRecord:
        """Keep a new record; return it as the edition holds it (its contexts kept apart)."""
        record, contexts = compact_record(record)
        self.mentions.put(key, contexts)
        self._new[key] = record
        self._made = True
        return record

    def save(self) -> None:
        """Write the records of this build (only those: deleted documents' records go)."""
        # the contexts first: a record whose contexts are missing is made again, never shown without
        self.mentions.save(keep_only=self.path is not None)
        try:
            if self.path is None or (not self._made and self._new.keys() == self._old.keys()):
                return
            from teiedit.io import write_chunks_atomic

            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_chunks_atomic(self.path, self._chunks())
        finally:
            self.close()

    def close(self) -> None:
        """Let go of the file read (the records read from it stay)."""
        if self._file is not None:
            self._file.close()
            self._file = None

    def _chunks(self) -> Iterator[bytes]:
        """The file, line by line (JSON escapes every newline and tab inside a string)."""
        head = json.dumps({"code": self.fingerprint, "format": CACHE_FORMAT}, sort_keys=True)
        yield (head + "\n").encode("utf-8")
        for key in sorted(self._new):
            value = self._new[key]
            if isinstance(value, DocRecord):
                text = json.dumps(
                    value.to_json(), sort_keys=True, ensure_ascii=False, separators=(",", ":")
                ).encode("utf-8")
            else:
                text = self._read(value)
            yield key.encode("utf-8") + b"\t" + text + b"\n"
