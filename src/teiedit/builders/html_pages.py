"""The web edition's document pages, rendered where teiedit.workers says: in this process from the trees
the edition holds, or in worker processes (or on a cluster) that parse each file themselves.

A :class:`PageTask` is everything one page needs besides the file: its name, parameters, links, facts
and the register files whose entries it shows. The worker loads the registers once per process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from teiedit.config import Settings
from teiedit.edition import EditionDoc, Trees
from teiedit.io import read_xml
from teiedit.registers import Registers
from teiedit.scan import DocRecord
from teiedit.workers import Workers


@dataclass(frozen=True)
class PageTask:
    """One document page to render (picklable: it may go to another process or machine)."""

    page: str
    path: Path
    record: DocRecord
    params: dict[str, str]
    links: dict[str, str]
    settings: Settings
    registers: tuple[tuple[str, int, int], ...]  # the register files: path, mtime, size


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
    in_worker: Callable[[PageTask], str],
    here: Callable[[PageTask], str],
    receive: Callable[[PageTask, str], None],
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
            lambda html: receive(next(pending), html),
            done=lambda n: progress(f"rendered {n} of {len(tasks)} pages"),
        )
        return
    for task in tasks:
        progress(f"rendering {task.page}")
        receive(task, here(task))
