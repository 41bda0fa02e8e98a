"""Laid-out parts kept between builds: a part whose HTML (and title, dates) did not change is not laid out
again. So a change to one document lays out that document's part again, and the book is put together
from the parts, stamped and given its attachments anew (cheap, in pikepdf). The front matter and the
index are laid out again only when what they print changed (a title, a source description, an index
entry), not when only their page numbers moved: those are written into slots (builders/pdf/numbers.py),
and the parts with the numbers in are kept too (:meth:`PartCache.derived`).

Parts are kept by the hash of what WeasyPrint reads (:func:`job_key`) in ``<out>/.teiedit-parts/``:
``<key>.pdf`` and ``<key>.json`` (pages and anchors). A build keeps the parts it used and removes the
others, so the folder holds one book's parts.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from teiedit.builder import digest
from teiedit.builders.pdf.layout import LaidOut, Layout, PrintJob

FOLDER = ".teiedit-parts"


def job_key(job: PrintJob, assets: str) -> str:
    """A hash of everything the layout of ``job`` depends on (its name only as the PDF's file name)."""
    parts: list[str | bytes] = [
        assets,
        job.html,
        job.title,
        job.variant or "",
        str(job.epoch),
        str(job.tagged),
    ]
    return digest(*parts)


class PartCache:
    """Laid-out parts by :func:`job_key`, in a folder (None: nothing is kept)."""

    def __init__(self, folder: Path | None, assets: str) -> None:
        self.folder = folder
        self.assets = assets
        self.used: set[str] = set()
        self.hits = 0
        self.laid_out = 0

    def _get(self, key: str, output: str) -> LaidOut | None:
        if self.folder is None:
            return None
        try:
            meta = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            pdf = (self.folder / f"{key}.pdf").read_bytes()
            anchors = {str(k): int(v) for k, v in meta["anchors"].items()}
            return LaidOut(output, pdf, int(meta["pages"]), anchors)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _put(self, key: str, laid: LaidOut) -> None:
        if self.folder is None:
            return
        from teiedit.io import write_atomic, write_text_atomic

        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.folder / f"{key}.pdf", laid.pdf)
        meta = {"pages": laid.pages, "anchors": laid.anchors}
        write_text_atomic(self.folder / f"{key}.json", json.dumps(meta, sort_keys=True))

    def run(
        self,
        layout: Layout,
        jobs: Iterable[PrintJob],
        done: Callable[[PrintJob], None] | None = None,
        small_here: bool = False,
    ) -> dict[str, LaidOut]:
        """Lay out the jobs not laid out before; results by output name (``small_here``: see
        :meth:`Layout.run`)."""
        out: dict[str, LaidOut] = {}
        todo: dict[str, tuple[PrintJob, str]] = {}
        for job in jobs:
            key = job_key(job, self.assets)
            self.used.add(key)
            found = self._get(key, job.output)
            if found is not None:
                out[job.output] = found
                self.hits += 1
            else:
                todo[job.output] = (job, key)
        if todo:
            laid = layout.run([j for j, _ in todo.values()], done, small_here)
            for name, (_, key) in todo.items():
                self._put(key, laid[name])
                out[name] = laid[name]
            self.laid_out += len(todo)
        return out

    def derived(self, laid: LaidOut, made_of: str, make: Callable[[bytes], bytes]) -> LaidOut:
        """``laid`` with its PDF made anew by ``make`` (same pages and anchors), kept under a key of its
        PDF and ``made_of`` (what else ``make`` reads): made once while both are the same."""
        key = digest(self.assets, "derived", laid.pdf, made_of)
        self.used.add(key)
        found = self._get(key, laid.output)
        if found is None:
            found = LaidOut(laid.output, make(laid.pdf), laid.pages, laid.anchors)
            self._put(key, found)
        return found

    def prune(self) -> None:
        """Remove the parts this build did not use."""
        if self.folder is None or not self.folder.is_dir():
            return
        for f in self.folder.iterdir():
            if f.suffix in (".pdf", ".json") and f.stem not in self.used:
                f.unlink(missing_ok=True)
