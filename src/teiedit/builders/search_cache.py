"""What the search index holds of each document, kept between builds beside the site: one file per
document in ``.teiedit-search/`` with the key it was made for (the hash of the document's page, which
covers its TEI, the register entries it names, its parameters and the stylesheets, and of the summary
fields its record shows).

A build reads the kept record of an unchanged document instead of parsing its tree, walking its text
and folding every word again: a one-document change makes one document's record. A record that cannot
be read, or whose key differs, is made again.

``.teiedit-search-keys.json`` beside them holds, per document, its record's key and a digest of what the
index holds of it (:func:`content_digest`), and the key of the whole index: a build whose changed
documents say the same to the search (an edited comment, a changed attribute no result shows) finds the
index's key unchanged and writes no index file, without reading the other documents' records.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from teiedit.builder import digest
from teiedit.builders.search import SearchPage, page_postings
from teiedit.builders.search_records import Block
from teiedit.summary import Summary

FOLDER = ".teiedit-search"
KEYS = ".teiedit-search-keys.json"
#: Bump when what a record holds changes (the records of an older build are then made again).
FORMAT = 2

#: A page's encoded terms (term -> weight and positions in base 36) and its length, as
#: :func:`page_postings` gives them.
Terms = tuple[dict[str, str], int]


def named_entries(s: Summary) -> list[str]:
    """The register entries a document's search page names: every mention (the frequency of an entry
    in the page), and its correspondents."""
    return [m.entry for m in s.mentions] + [p.ref for p in (*s.senders, *s.addressees) if p.ref]


def record_key(page_digest: str, s: Summary) -> str:
    """What a document's search record depends on besides its page: the summary fields its header
    block shows and the entries it names."""
    parties = [p.name for p in (*s.senders, *s.addressees)]
    data = [FORMAT, page_digest, s.title, s.kind, s.source, parties, named_entries(s)]
    return digest(json.dumps(data, ensure_ascii=False))


def search_page(s: Summary, blocks: list[Block]) -> SearchPage:
    """The search page of a document from its summary and its blocks."""
    kind = s.kind or "document"
    return SearchPage(f"{s.page}.html", s.title, s.date, kind, s.year, blocks, named_entries(s))


def content_digest(page: SearchPage) -> str:
    """What the index holds of a page (its terms are made from these)."""
    return digest(json.dumps(asdict(page), ensure_ascii=False, sort_keys=True))


def write_keys(out_dir: Path, text: str) -> None:
    """Keep the keys :meth:`SearchRecords.keys_text` gave, after the index is in place."""
    from teiedit.io import write_text_atomic

    write_text_atomic(out_dir / KEYS, text + "\n")


class SearchRecords:
    """The kept records: read from the site folder ``out_dir``, written into its staging folder ``tmp``."""

    def __init__(self, out_dir: Path, tmp: Path) -> None:
        self.old = out_dir / FOLDER
        self.new = tmp / FOLDER
        self.keys_file = (out_dir / KEYS,)
        self.pages: set[str] = set()
        try:
            data = json.loads(self.keys_file[0].read_text(encoding="utf-8"))
            self.whole = str(data["whole"])
            self._kept = {str(k): (str(v[0]), str(v[1])) for k, v in data["pages"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            self.whole, self._kept = "", {}
        self._made: dict[str, tuple[str, str]] = {}

    def content(self, page: str, key: str) -> str | None:
        """The digest of what the index holds of ``page``, when its record was made for ``key``."""
        self.pages.add(page)
        found = self._made.get(page) or self._kept.get(page)
        if found is None or found[0] != key:
            return None
        self._made[page] = found
        return found[1]

    def keys_text(self, whole: str) -> str:
        """The keys of the records and of the whole index, to write once the index is in place
        (:func:`write_keys`): a build stopped while moving the index in must not leave the new key."""
        data = {"whole": whole, "pages": {k: list(v) for k, v in sorted(self._made.items())}}
        return json.dumps(data, ensure_ascii=False)

    def forget_keys(self) -> None:
        """Remove the kept keys: the index is about to change."""
        self.keys_file[0].unlink(missing_ok=True)

    def get(self, page: str, key: str) -> tuple[list[Block], Terms] | None:
        """The blocks and terms kept for ``page`` when they were made for ``key`` (made in this build,
        or kept from the last)."""
        self.pages.add(page)
        made = self.new / f"{page}.json"
        try:
            data = json.loads(
                (made if made.is_file() else self.old / f"{page}.json").read_text(encoding="utf-8")
            )
            if data["key"] != key:
                return None
            blocks = [Block(*b) for b in data["blocks"]]
            found, length = data["terms"], data["length"]
            if not isinstance(found, dict) or not isinstance(length, int):
                return None
            return blocks, (found, length)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def remember(self, page: str, key: str, search: SearchPage) -> str:
        """The content digest of a kept record whose key was not kept (its record stays as it is)."""
        self._made[page] = (key, content_digest(search))
        return self._made[page][1]

    def put(self, page: str, key: str, search: SearchPage) -> Terms:
        """Keep the record of ``page`` (made for ``key``); return its terms."""
        self.pages.add(page)
        terms = page_postings(search)
        blocks = [
            [b.anchor, b.field, b.text, *([b.original] if b.original else [])]
            for b in search.blocks
        ]
        data = {"key": key, "blocks": blocks, "terms": terms[0], "length": terms[1]}
        self._made[page] = (key, content_digest(search))
        self.new.mkdir(parents=True, exist_ok=True)
        # a cache in the staging folder, moved in by one rename: no fsync (a damaged record is made again)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        (self.new / f"{page}.json").write_text(text, encoding="utf-8")
        return terms

    def remove_others(self) -> None:
        """Remove the kept records of documents no longer in the edition."""
        if not self.old.is_dir():
            return
        for f in self.old.glob("*.json"):
            if f.stem not in self.pages:
                f.unlink(missing_ok=True)
