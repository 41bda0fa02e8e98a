"""The web edition's document pages (their neighbours, their summaries), rendered where teiedit.workers
says: in this process from the trees the edition holds, or in worker processes (or on a cluster) that
parse each file themselves.

A :class:`PageTask` is everything one page needs besides the file: its name, parameters, links, images,
facts, the register files whose entries it shows and the site's layout (a file the worker reads once). The
worker loads the registers and the layout once per process and gives back a :class:`PageOut`: the page
and the document's downloads (plain text, citations, its published TEI), which this process writes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from teiedit.builders.citation import citations, plain_text
from teiedit.builders.corpus import registers_element
from teiedit.builders.images import SiteImage
from teiedit.builders.site.layout import SiteLayout
from teiedit.builders.site.published import published_root, published_tei
from teiedit.config import Settings
from teiedit.edition import EditionDoc, Trees
from teiedit.io import read_xml, write_text_atomic
from teiedit.registers import Registers
from teiedit.scan import DocRecord
from teiedit.summary import Summary
from teiedit.workers import Workers
from teiedit.xslt import saxon_document

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
    layout: tuple[str, int, int] = ("", 0, 0)  # the site's layout (layout_file): path, mtime, size
    #: the edition's own document (not imported): its TEI names the published schemas
    own: bool = True
    schemas: bool = False  # the site publishes the compiled schemas


@dataclass(frozen=True)
class PageOut:
    """What rendering one page gives: its HTML, the document as plain text, its citation files and
    its TEI as the site publishes it."""

    html: str
    text: str
    cites: dict[str, str]  # extension -> text
    tei: bytes


def page_out(
    ed: EditionDoc, task: PageTask, html: str, layout: SiteLayout, *, own_tree: bool
) -> PageOut:
    """The page ``html`` with the document's downloads (builders/citation.py) and its published TEI
    (``own_tree``: the tree was parsed for this page alone, and its pointers may be rewritten in place)."""
    text = plain_text(ed.root, ed.summary, task.settings)
    here = f"tei/{task.page}.xml"
    if own_tree:  # last: nothing reads the tree after its pointers are rewritten
        tei = published_root(ed.root, task.path, here, layout, own=task.own, schemas=task.schemas)
    else:  # the edition's tree stays as it is: the file is parsed again
        tei = published_tei(task.path, here, layout, own=task.own, schemas=task.schemas)
    return PageOut(html, text, citations(ed.summary, task.settings), tei)


#: Where the site's layout waits for the page workers during a build (in the staging folder).
LAYOUT_FILE = ".teiedit-layout.json"


def layout_file(layout: SiteLayout, folder: Path) -> tuple[str, int, int]:
    """Write the layout for the page workers into ``folder``; the key they load it by."""
    path = folder / LAYOUT_FILE
    write_text_atomic(path, layout.to_json())
    st = path.stat()
    return (str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=2)
def worker_layout(key: tuple[str, int, int]) -> SiteLayout:
    """The site's layout of a task, read once per worker process."""
    return SiteLayout.from_json(Path(key[0]).read_text(encoding="utf-8"))


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


#: The registers as Saxon documents, by their key (register_key): the edition's, one at a time.
_register_documents: dict[tuple[tuple[str, int, int], ...], Any] = {}


def register_document(
    key: tuple[tuple[str, int, int], ...], registers: Registers | None = None
) -> Any:
    """The registers of ``key`` (``registers``, else read from their files) as one ``te:registers``
    document in Saxon: every entry, sorted by id, as a page's bundle held those it names. Parsed once
    per process: the stylesheet looks entries up there, so a page's input holds only its own TEI."""
    known = _register_documents.get(key)
    if known is None:
        regs = registers if registers is not None else worker_registers(key)
        known = saxon_document(registers_element(regs, regs.entries.keys()), "the registers")
        _register_documents.clear()  # (a process builds one edition at a time)
        _register_documents[key] = known
    return known


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
