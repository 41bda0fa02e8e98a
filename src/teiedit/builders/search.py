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

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from teiedit.builders.search_records import HEADER, NOTE, TEXT, TITLE, Block
from teiedit.io import write_text_atomic

#: A shard is closed when its text passes this size (a frequent term may make one larger on its own).
SHARD_BYTES = 48_000
WEIGHTS = {TITLE: 5, HEADER: 2, TEXT: 1, NOTE: 1}
#: Positions between two blocks: a phrase never runs from one block into the next.
BLOCK_GAP = 8
FORMAT = 1

_APOSTROPHE = re.compile(r"(?<=\w)['\u2019\u02bc\u2018`](?=\w)")
_TOKEN = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower case without diacritics (as site.js's fold): "P'yŏngyang" -> "p'yongyang"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
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


class _Postings:
    """term -> page -> [weight, positions...]."""

    def __init__(self) -> None:
        self.terms: dict[str, dict[int, list[int]]] = defaultdict(dict)

    def add(self, term: str, page: int, weight: int, position: int | None) -> None:
        entry = self.terms[term].setdefault(page, [0])
        entry[0] += weight
        if position is not None:
            entry.append(position)

    def encode(self, term: str) -> str:
        """``d.w.p.p...;d.w...``: page and position deltas and weights in base 36."""
        parts = []
        last = 0
        for page in sorted(self.terms[term]):
            weight, *positions = self.terms[term][page]
            items = [_b36(page - last), _b36(weight)]
            prev = 0
            for p in positions:
                items.append(_b36(p - prev))
                prev = p
            parts.append(".".join(items))
            last = page
        return ";".join(parts)


def _index_page(postings: _Postings, n: int, page: SearchPage) -> int:
    """Add one page's terms; return its length (terms of its reading)."""
    position = 0
    for block in page.blocks:
        weight = WEIGHTS.get(block.field, 1)
        words = tokens(block.text)
        for i, term in enumerate(words):
            postings.add(term, n, weight, position + i)
        if block.original:
            have = set(words)
            for term in tokens(block.original):
                if term not in have:
                    postings.add("~" + term, n, 1, None)
        position += len(words) + BLOCK_GAP
    for entry in page.entries:
        postings.add("@" + entry, n, 1, None)
    return position


def _script(call: str, *args: object) -> str:
    # ensure_ascii keeps every file plain ASCII: no byte of it can end a script or confuse an encoding.
    data = ",".join(json.dumps(a, ensure_ascii=True, separators=(",", ":")) for a in args)
    return f"teieditSearch.{call}({data});\n"


def search_files(pages: list[SearchPage], entries: list[SearchEntry]) -> dict[str, str]:
    """Every file of the index (path under ``search/`` -> text)."""
    postings = _Postings()
    lengths = [_index_page(postings, n, page) for n, page in enumerate(pages)]
    files: dict[str, str] = {}
    shards: list[str] = []
    current: dict[str, str] = {}
    size = 0

    def close() -> None:
        nonlocal current, size
        if current:
            files[f"s{len(shards) - 1}.js"] = _script("shard", len(shards) - 1, current)
        current, size = {}, 0

    for term in sorted(postings.terms):
        encoded = postings.encode(term)
        if not current:
            shards.append(term)
        current[term] = encoded
        size += len(term) + len(encoded) + 6
        if size >= SHARD_BYTES:
            close()
    close()
    kinds = sorted({p.kind for p in pages})
    years = sorted({p.year for p in pages if p.year})
    index = {e.id: i for i, e in enumerate(entries)}
    forms: dict[str, list[int]] = {}
    for i, e in enumerate(entries):
        for form in e.forms:
            key = " ".join(tokens(form))
            if key and i not in forms.setdefault(key, []):
                forms[key].append(i)
    df: dict[int, int] = defaultdict(int)
    for p in pages:
        for entry_id in set(p.entries):
            if entry_id in index:
                df[index[entry_id]] += 1
    own = {p.href: n for n, p in enumerate(pages)}
    meta = {
        "format": FORMAT,
        "pages": len(pages),
        "lengths": ",".join(_b36(n) for n in lengths),
        "avg": sum(lengths) / max(1, len(lengths)),
        "boost": ",".join(_b36(round(p.boost * 100)) for p in pages),
        "kinds": kinds,
        "kind": ",".join(_b36(kinds.index(p.kind)) for p in pages),
        "years": years,
        "year": ",".join(_b36(years.index(p.year) + 1) if p.year else "0" for p in pages),
        "entries": [
            [e.id, e.name, e.register, e.href, df[i], own.get(e.href, -1)]
            for i, e in enumerate(entries)
        ],
        "forms": forms,
        "shards": shards,
    }
    files["meta.js"] = _script("meta", meta)
    for n, page in enumerate(pages):
        blocks = [
            [b.anchor, b.field, b.text, *([b.original] if b.original else [])] for b in page.blocks
        ]
        data = {"h": page.href, "t": page.title, "d": page.date, "k": page.kind, "b": blocks}
        files[f"f{n}.js"] = _script("fragment", n, data)
    return files


def write_search(files: dict[str, str], tmp: Path, out: Path) -> list[Path]:
    """Write the index into ``tmp`` (the staging folder of ``out``) and remove the files of the former
    index in ``out`` that are no longer part of it; return the files as paths in ``out``."""
    (tmp / "search").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        write_text_atomic(tmp / "search" / name, text)
    if (out / "search").is_dir():
        for old in (out / "search").glob("*.js"):
            if old.name not in files:
                old.unlink()
    return [out / "search" / name for name in files]
