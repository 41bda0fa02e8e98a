"""The web edition's document pages (their neighbours, their summaries), rendered where teiedit.workers
says: in this process from the trees the edition holds, or in worker processes (or on a cluster) that
parse each file themselves.

A :class:`PageTask` is everything one page needs besides the file: its name, parameters, links, images,
facts and the register files whose entries it shows. The worker loads the registers once per process and
gives back a :class:`PageOut`: the page and the document's downloads (plain text, citations), which this
process writes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from teiedit.builders.citation import citations, plain_text
from teiedit.builders.images import SiteImage
from teiedit.config import Settings
from teiedit.edition import EditionDoc, Trees
from teiedit.io import read_xml
from teiedit.registers import Registers
from teiedit.scan import DocRecord
from teiedit.summary import Summary
from teiedit.workers import Workers

#: Where builds before kept a copy of the documents' summaries (their records hold them).
SUMMARIES = ".teiedit-summaries.json"


@dataclass(frozen=True)
class PageTask:
    """One document page to render (picklable: it may go to another process or machine)."""

    page: str
    path: Path
    record: DocRecord
    params: dict[str, str]
    links: dict[str, str]
    images: tuple[SiteImage, ...]
    settings: Settings
    registers: tuple[tuple[str, int, int], ...]  # the register files: path, mtime, size


@dataclass(frozen=True)
class PageOut:
    """What rendering one page gives: its HTML, the document as plain text, its citation files."""

    html: str
    text: str
    cites: dict[str, str]  # extension -> text


def page_out(ed: EditionDoc, settings: Settings, html: str) -> PageOut:
    """The page ``html`` with the document's downloads (builders/citation.py)."""
    return PageOut(html, plain_text(ed.root, ed.summary, settings), citations(ed.summary, settings))


def register_key(registers: Registers) -> tuple[tuple[str, int, int], ...]:
    """The register files of an edition as a key a worker loads them by."""
    out = []
    for p in registers.files:
        st = Path(p).stat()
        out.append((str(p), st.st_mtime_ns, st.st_size))
    return tuple(out)


@lru_cache(maxsize=4)
def worker_registers(key: tuple[tuple[str, int, int], ...]) -> Registers:
    """The registers of a task, loaded once per worker process."""
    regs = Registers()
    for path, _, _ in key:
        regs.add(Path(path), read_xml(Path(path)).getroot())
    return regs


def task_doc(task: PageTask) -> EditionDoc:
    """The document of a task, parsed when its tree is asked for (in a worker)."""
    return EditionDoc(task.page, task.path, task.record, trees=Trees(0))


def render_pages(
    tasks: list[PageTask],
    workers: Workers,
    in_worker: Callable[[PageTask], PageOut],
    here: Callable[[PageTask], PageOut],
    receive: Callable[[PageTask, PageOut], None],
    progress: Callable[[str], None],
) -> None:
    """Render each task's page (``in_worker`` in worker processes when there are many, else ``here``
    from the trees this process holds) and hand it to ``receive`` with its task, in task order."""
    if not tasks:
        return
    if workers.parallel(len(tasks)):
        progress(f"rendering {len(tasks)} pages on {workers.count} processes")
        pending = iter(tasks)
        workers.each(
            in_worker,
            tasks,
            lambda out: receive(next(pending), out),
            done=lambda n: progress(f"rendered {n} of {len(tasks)} pages"),
        )
        return
    for task in tasks:
        progress(f"rendering {task.page}")
        receive(task, here(task))


def page_params(
    docs: list[EditionDoc],
    i: int,
    pairs: list[frozenset[str]] | None = None,
    same_pair: dict[frozenset[str], list[int]] | None = None,
) -> dict[str, str]:
    """Neighbours of document ``i``: previous/next document, and previous/next letter between the same
    correspondents (``pairs``: the correspondents of every document; ``same_pair``: the documents of
    each pair, in order; both computed once by the caller)."""
    if pairs is None:
        pairs = [frozenset(d.record.correspondents) for d in docs]
    if same_pair is None:
        same_pair = {}
        for j, who in enumerate(pairs):
            same_pair.setdefault(who, []).append(j)
    keys = ("prev", "next", "prev-letter", "next-letter")
    params = dict.fromkeys((*keys, *(f"{k}-title" for k in keys)), "")

    def link(key: str, other: EditionDoc) -> None:
        params[key], params[f"{key}-title"] = other.page, other.facts.title or other.page

    if i > 0:
        link("prev", docs[i - 1])
    if i + 1 < len(docs):
        link("next", docs[i + 1])
    who = pairs[i]
    if len(who) >= 2:
        same = same_pair[who]
        k = same.index(i)
        if k > 0:
            link("prev-letter", docs[same[k - 1]])
        if k + 1 < len(same):
            link("next-letter", docs[same[k + 1]])
    return params


def document_summaries(docs: list[EditionDoc], out_dir: Path) -> list[Summary]:
    """The summary of every document, from its record (teiedit/scan.py: made when the file was read,
    kept in the record cache). Builds before kept a copy beside the pages: it is removed."""
    (out_dir / SUMMARIES).unlink(missing_ok=True)
    return [ed.summary for ed in docs]
