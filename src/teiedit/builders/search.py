"""The site's search index: built at build time, sharded, loaded by the search page from ``file://``.

Everything is JavaScript files that call ``teieditSearch.<kind>(...)`` (browsers refuse ``fetch`` of
local files; a ``<script>`` loads from anywhere), in ``search/``:

- ``meta.js``: what every query needs: per result page its length, kind and year; the register entries
  (facets, and the written forms of their names, which expand a query: "Kim Il Sung" also finds the pages
  naming that person in any spelling); and the first term of each shard;
- ``s<k>.js``: the shards: terms in sorted order, cut where a shard passes SHARD_BYTES, each term with
  its postings (page, weighted frequency, positions for phrase queries). A query loads only the shards of
  its terms;
- ``f<n>.js``: per result page, its title, date, link and text blocks (with their ids on the page): the
  snippets of the results shown, loaded only for those.

Terms: the corrected reading, folded (case, diacritics; apostrophes inside words dropped). The source's
original reading is a field of its own: its words that the corrected reading lacks are terms prefixed
with ``~``. A register entry named in a page is the term ``@<id>``. Fields weigh in the frequency:
title WEIGHTS["t"], header WEIGHTS["h"], text and notes 1. site.js ranks with BM25.
"""

from __future__ import annotations

import heapq
import itertools
import json
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from teiedit.builders.search_records import HEADER, NOTE, TEXT, TITLE, Block
from teiedit.io import write_text_atomic

#: A shard is closed when its text passes this size (a frequent term may make one larger on its own).
SHARD_BYTES = 48_000
#: Postings held in memory before they are written to a run on disk (about, in bytes).
SPILL_BYTES = 48_000_000
#: What a short string costs beside its characters (CPython's header; a list's pointer to it).
_STRING_BYTES = 57
WEIGHTS = {TITLE: 5, HEADER: 2, TEXT: 1, NOTE: 1}
#: Positions between two blocks: a phrase never runs from one block into the next.
BLOCK_GAP = 8
FORMAT = 1

_APOSTROPHE = re.compile(r"(?<=\w)['\u2019\u02bc\u2018`](?=\w)")
_TOKEN = re.compile(r"[^\W_]+")


class _Marks(dict[int, "int | None"]):
    """Code point -> None for a combining mark (str.translate drops it), else itself; filled as met."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code)).startswith("M") else code
        self[code] = kept
        return kept


_MARKS = _Marks()


def fold(text: str) -> str:
    """Lower case without diacritics (as site.js's fold): "P'yŏngyang" -> "p'yongyang"."""
    if text.isascii():  # no decomposition, no mark: most of an edition's text, at C speed
        return text.lower()
    # the marks are dropped by one translate over a table filled once per character met (the search
    # index folds every word of the edition)
    bare = unicodedata.normalize("NFKD", text).translate(_MARKS)
    # Composed again: Hangul syllables come back whole (NFKD spells them as letters).
    return unicodedata.normalize("NFC", bare).lower()


def tokens(text: str) -> list[str]:
    """The terms of a text, in order (as site.js's tokens)."""
    return _TOKEN.findall(_APOSTROPHE.sub("", fold(text)))


@dataclass
class SearchPage:
    """A result the search can open: a document, or the page of a register entry."""

    href: str
    title: str
    date: str
    kind: str
    year: str
    blocks: list[Block]
    entries: list[str] = field(default_factory=list)  # register ids it names
    #: A factor of its scores: a register entry's page is short and names its words in its title, so
    #: it would outrank the documents on every word of its description.
    boost: float = 1.0


@dataclass
class SearchEntry:
    """A register entry as the search knows it: for facets and for expanding queries."""

    id: str
    name: str
    register: str  # persons | places | orgs
    href: str
    forms: tuple[str, ...]


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


#: The base-36 spelling of the small numbers (page and position deltas, weights), made once.
_B36_SMALL = 36 * 36
_B36 = [_b36(i) for i in range(_B36_SMALL)]


def _small36(n: int) -> str:
    return _B36[n] if 0 <= n < _B36_SMALL else _b36(n)


class _Postings:
    """term -> its postings, encoded as pages come (``d.w.p.p...;d.w...``: page and position deltas and
    weights in base 36), so that memory holds text, not objects per position. When what is held passes
    ``spill_bytes``, it goes to a file of its own (a run: its terms in sorted order) and memory starts
    again; :meth:`sorted_terms` merges the runs, so memory does not grow with the edition."""

    def __init__(self, spill_bytes: int | None = None) -> None:
        self.chunks: dict[str, list[str]] = {}
        self.last: dict[str, int] = {}
        self.spill_bytes = SPILL_BYTES if spill_bytes is None else spill_bytes
        self.held = 0  # about the bytes the chunks take (their text and a string's overhead)
        self.runs: list[Path] = []
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    def add_page(self, n: int, encoded: dict[str, str]) -> None:
        """One page's terms: term -> its weight and positions as :func:`encode_terms` gives them."""
        last_of, chunks_of = self.last, self.chunks  # every term of every page passes here
        held = self.held
        for term, rest in encoded.items():
            delta = n - last_of.get(term, 0)
            last_of[term] = n
            chunk = f"{_small36(delta)}.{rest}"
            held += len(chunk) + _STRING_BYTES
            chunks = chunks_of.get(term)
            if chunks is None:
                chunks_of[term] = [chunk]
            else:
                chunks.append(chunk)
                if len(chunks) > 32:
                    chunks[:] = [";".join(chunks)]
        self.held = held
        if held > self.spill_bytes:
            self._spill()

    def _spill(self) -> None:
        """Write the postings held as a run (lines of the term as JSON, a tab, its postings; terms
        sorted) and drop them. (A term is in JSON: an imported register's id may hold any character.)"""
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="teiedit-postings-")
        run = Path(self._folder.name) / f"run{len(self.runs)}.txt"
        with run.open("w", encoding="utf-8", newline="\n") as f:
            for term in sorted(self.chunks):
                f.write(f"{json.dumps(term)}\t{';'.join(self.chunks[term])}\n")
        self.runs.append(run)
        self.chunks, self.held = {}, 0

    def sorted_terms(self) -> Iterator[tuple[str, str]]:
        """Every term in sorted order with its encoded postings (the runs and what is held, merged:
        a term's postings are in the order of its pages)."""
        if not self.runs:
            for term in sorted(self.chunks):
                yield term, ";".join(self.chunks[term])
            return
        if self.chunks:
            self._spill()
        files = [run.open(encoding="utf-8", newline="\n") for run in self.runs]
        try:
            merged = heapq.merge(*(_run_lines(f, k) for k, f in enumerate(files)))
            for term, group in itertools.groupby(merged, key=lambda item: item[0]):
                yield term, ";".join(postings for _, _, postings in group)
        finally:
            for f in files:
                f.close()

    def close(self) -> None:
        """Remove the runs."""
        if self._folder is not None:
            self._folder.cleanup()
            self._folder, self.runs = None, []


def _run_lines(lines: Iterable[str], k: int) -> Iterator[tuple[str, int, str]]:
    """A run's terms and postings, each with the run's number (a term's runs merge in their order)."""
    for line in lines:
        term, _, postings = line.rstrip("\n").partition("\t")
        yield json.loads(term), k, postings


def page_terms(page: SearchPage) -> tuple[dict[str, list[int]], int]:
    """One page's terms (term -> [weight, positions...]) and its length (terms of its reading)."""
    found: dict[str, list[int]] = {}
    position = 0
    for block in page.blocks:
        weight = WEIGHTS.get(block.field, 1)
        words = tokens(block.text)
        for i, term in enumerate(words):
            entry = found.setdefault(term, [0])
            entry[0] += weight
            entry.append(position + i)
        if block.original:
            have = set(words)
            for term in tokens(block.original):
                if term not in have:
                    found.setdefault("~" + term, [0])[0] += 1
        position += len(words) + BLOCK_GAP
    for entry_id in page.entries:
        found.setdefault("@" + entry_id, [0])[0] += 1
    return found, position


def encode_terms(found: dict[str, list[int]]) -> dict[str, str]:
    """A page's terms (term -> [weight, positions...]) as their postings without the page: the weight
    and the position deltas in base 36 (``w.p.p...``), which do not depend on where the page is."""
    out = {}
    for term, (weight, *positions) in found.items():
        items = [_small36(weight)]
        prev = 0
        for p in positions:
            items.append(_small36(p - prev))
            prev = p
        out[term] = ".".join(items)
    return out


def page_postings(page: SearchPage) -> tuple[dict[str, str], int]:
    """A page's encoded terms (:func:`encode_terms`) and its length."""
    found, length = page_terms(page)
    return encode_terms(found), length


def _mean(values: list[int]) -> float:
    return sum(values) / len(values) if values else 1.0


def _script(call: str, *args: object) -> str:
    # ensure_ascii keeps every file plain ASCII: no byte of it can end a script or confuse an encoding.
    data = ",".join(json.dumps(a, ensure_ascii=True, separators=(",", ":")) for a in args)
    return f"teieditSearch.{call}({data});\n"


class SearchIndex:
    """The index, made page by page (each page's fragment is written at once, only the postings are
    kept), then closed with the register entries: :meth:`finish` writes the shards and meta.js."""

    def __init__(self, folder: Path, existing: Path | None = None) -> None:
        self.folder = folder
        #: The index as it is (the output folder's): a file whose text is the same is not written again.
        self.existing = existing
        self.written: list[str] = []
        folder.mkdir(parents=True, exist_ok=True)
        self.postings = _Postings()
        self.pages: list[tuple[str, int, str, str, float]] = []  # href, length, kind, year, boost
        self.entry_pages: dict[str, list[str]] = {}  # entry id -> hrefs naming it (df)
        self.names: list[str] = []

    def add(self, page: SearchPage, terms: tuple[dict[str, str], int] | None = None) -> None:
        """Add a page (``terms``: its encoded terms and length, when they were kept from an earlier
        build: see :func:`page_postings`)."""
        n = len(self.pages)
        encoded, length = terms if terms is not None else page_postings(page)
        self.postings.add_page(n, encoded)
        self.pages.append((page.href, length, page.kind, page.year, page.boost))
        for entry_id in set(page.entries):
            self.entry_pages.setdefault(entry_id, []).append(page.href)
        blocks = [
            [b.anchor, b.field, b.text, *([b.original] if b.original else [])] for b in page.blocks
        ]
        data = {"h": page.href, "t": page.title, "d": page.date, "k": page.kind, "b": blocks}
        self._write(f"f{n}.js", _script("fragment", n, data))

    def _write(self, name: str, text: str) -> None:
        self.names.append(name)
        if self.existing is not None:
            old = self.existing / name
            if old.is_file() and old.stat().st_size == len(text) and old.read_text("ascii") == text:
                return
        write_text_atomic(self.folder / name, text)
        self.written.append(name)

    def finish(self, entries: list[SearchEntry]) -> list[str]:
        """Write the shards and meta.js; return the names of every file of the index."""
        shards: list[str] = []
        current: dict[str, str] = {}
        size = 0
        for term, encoded in self.postings.sorted_terms():
            if not current:
                shards.append(term)
            current[term] = encoded
            size += len(term) + len(encoded) + 6
            if size >= SHARD_BYTES:
                self._write(f"s{len(shards) - 1}.js", _script("shard", len(shards) - 1, current))
                current, size = {}, 0
        if current:
            self._write(f"s{len(shards) - 1}.js", _script("shard", len(shards) - 1, current))
        self._write("meta.js", _script("meta", self._meta(entries, shards)))
        self.postings.close()
        return self.names

    def _meta(self, entries: list[SearchEntry], shards: list[str]) -> dict[str, object]:
        kinds = sorted({p[2] for p in self.pages})
        years = sorted({p[3] for p in self.pages if p[3]})
        own = {p[0]: n for n, p in enumerate(self.pages)}
        forms: dict[str, list[int]] = {}
        for i, e in enumerate(entries):
            for form in e.forms:
                key = " ".join(tokens(form))
                if key and i not in forms.setdefault(key, []):
                    forms[key].append(i)
        lengths = [p[1] for p in self.pages]
        return {
            "format": FORMAT,
            "pages": len(self.pages),
            "lengths": ",".join(_b36(n) for n in lengths),
            # Lengths are compared within a kind of page: the registers' pages are a line or two.
            "avg": _mean([p[1] for p in self.pages if p[4] == 1.0]),
            "avgEntry": _mean([p[1] for p in self.pages if p[4] != 1.0]),
            "boost": ",".join(_b36(round(p[4] * 100)) for p in self.pages),
            "kinds": kinds,
            "kind": ",".join(_b36(kinds.index(p[2])) for p in self.pages),
            "years": years,
            "year": ",".join(_b36(years.index(p[3]) + 1) if p[3] else "0" for p in self.pages),
            "entries": [
                [
                    e.id,
                    e.name,
                    e.register,
                    e.href,
                    len(self.entry_pages.get(e.id, ())),
                    own.get(e.href, -1),
                ]
                for e in entries
            ],
            "forms": forms,
            "shards": shards,
        }


def search_files(pages: list[SearchPage], entries: list[SearchEntry], folder: Path) -> list[str]:
    """Write the whole index of these pages into ``folder``; the names of its files."""
    index = SearchIndex(folder)
    for page in pages:
        index.add(page)
    return index.finish(entries)


def remove_stale(out: Path, names: list[str]) -> None:
    """Remove the files of a former index in ``out/search`` that the new one (``names``) lacks."""
    keep = set(names)
    if (out / "search").is_dir():
        for old in (out / "search").glob("*.js"):
            if old.name not in keep:
                old.unlink()
