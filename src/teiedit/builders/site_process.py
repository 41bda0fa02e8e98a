"""The site pages' transforms (index, timeline, registers, entity pages, search page) in a process of
their own, which ends when they are done.

Saxon's heap grows with the size of what it transforms (some 250 to 450 MB over the site pages of a
10,000-document edition) and is never given back to the system while its process lives. The build's
own process makes the pages' input (builders/sitedata.py) and hands each transform, as text, to one
spawned process; that process's memory is returned when it ends, so the build's peak does not carry
Saxon's site-page heap on top of the edition it holds. It starts on the first transform, and only for
editions of at least :data:`SITE_PROCESS_DOCUMENTS` documents (below that, starting it costs more than
the memory it saves); the pages are the same bytes either way.
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Self

from lxml import etree

from teiedit.builders.rendering import rendering
from teiedit.config import Settings
from teiedit.diagnostics import TeieditError
from teiedit.facts import facts_document
from teiedit.resources import xslt_dir
from teiedit.workers import _workers_ignore_ctrl_c, exit_with_parent
from teiedit.xslt import transform

#: From this many documents on, the site pages are transformed in a process of their own (the
#: environment's TEIEDIT_SITE_PROCESS_DOCUMENTS, when set, says otherwise: 0 for every edition).
SITE_PROCESS_DOCUMENTS = 200


def site_process_documents() -> int:
    """From how many documents on the site pages are transformed in a process of their own."""
    value = os.environ.get("TEIEDIT_SITE_PROCESS_DOCUMENTS", "").strip()
    return int(value) if value.isdigit() else SITE_PROCESS_DOCUMENTS


#: Transforms that write their pages themselves (entity pages) queued at once: the next batch is
#: made here while the other process transforms one.
WINDOW = 2

#: The text of a site page's input, made by this process: as safe as io.py's parser, and ids are
#: not collected (an entity page batch repeats a document's ids: Saxon does not mind, libxml2 would).
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, collect_ids=False
)

#: An error raised in the other process, as its parts (message, path, line, hint).
_Failure = tuple[str, str, int, str]


@dataclass(frozen=True)
class _Call:
    """One transform: a stylesheet of xslt/html, its input as XML text, its parameters."""

    stylesheet: str
    source: bytes
    params: dict[str, str]
    settings: Settings
    output_dir: str = ""


def _transform(
    stylesheet: str,
    source: etree._Element,
    params: dict[str, str],
    settings: Settings,
    output_dir: Path | None = None,
) -> str:
    return transform(
        xslt_dir() / "html" / stylesheet,
        source,
        params=params,
        facts=facts_document(source),
        static=rendering(settings).static,
        output_dir=output_dir,
    ).output


def _run(call: _Call) -> tuple[str, _Failure | None]:
    """Run one call in the site process: its output, or the error it raised."""
    try:
        root = etree.fromstring(call.source, _PARSER)
        out_dir = Path(call.output_dir) if call.output_dir else None
        return _transform(call.stylesheet, root, call.params, call.settings, out_dir), None
    except TeieditError as exc:  # sent back as its parts: its path and hint survive the pipe
        d = exc.diagnostic
        return "", (d.message, d.path, d.line, d.suggestion)
    except Exception as exc:  # a bug: as an error that crosses the pipe (lxml's errors do not)
        raise RuntimeError(f"{type(exc).__name__}: {exc}") from None


def _raise(failure: _Failure | None) -> None:
    if failure is not None:
        message, path, line, hint = failure
        raise TeieditError(message, path, line=line, hint=hint)


class SiteTransforms:
    """Where the site pages are transformed: here for a small edition, else in one process of their
    own (started on first use, ended by :meth:`close`). Use as a context manager."""

    def __init__(self, settings: Settings, documents: int) -> None:
        self.settings = settings
        self.separate = documents >= site_process_documents()
        self._pool: ProcessPoolExecutor | None = None
        self._pending: deque[Future[tuple[str, _Failure | None]]] = deque()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(cancel=exc[0] is not None)

    def html(self, stylesheet: str, source: etree._Element, params: dict[str, str]) -> str:
        """The page a stylesheet makes of ``source`` (its primary result)."""
        if not self.separate:
            return _transform(stylesheet, source, params, self.settings)
        call = _Call(stylesheet, etree.tostring(source), params, self.settings)
        output, failure = self._result(self._submit(call))
        _raise(failure)
        return output

    def write_pages(
        self, stylesheet: str, source: etree._Element, params: dict[str, str], output_dir: Path
    ) -> None:
        """Run a stylesheet that writes its pages into ``output_dir`` itself; in the site process,
        while this process goes on (:meth:`close` waits for it)."""
        if not self.separate:
            _transform(stylesheet, source, params, self.settings, output_dir)
            return
        call = _Call(stylesheet, etree.tostring(source), params, self.settings, str(output_dir))
        while len(self._pending) >= WINDOW:
            _raise(self._result(self._pending.popleft())[1])
        self._pending.append(self._submit(call))

    def close(self, cancel: bool = False) -> None:
        """Wait for the transforms under way (unless ``cancel``) and end the site process, which
        returns its memory to the system."""
        try:
            while self._pending and not cancel:
                _raise(self._result(self._pending.popleft())[1])
        finally:
            self._pending.clear()
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None

    def _submit(self, call: _Call) -> Future[tuple[str, _Failure | None]]:
        if self._pool is None:
            # "spawn": a clean process, without this one's Saxon (a native runtime with threads)
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=get_context("spawn"),
                initializer=exit_with_parent,
                initargs=(os.getpid(),),
            )
        with (
            _workers_ignore_ctrl_c()
        ):  # the process starts with Ctrl-C ignored (teiedit/workers.py)
            return self._pool.submit(_run, call)

    @staticmethod
    def _result(future: Future[tuple[str, _Failure | None]]) -> tuple[str, _Failure | None]:
        try:
            return future.result()
        except BrokenProcessPool:
            raise TeieditError(
                "the process rendering the site pages ended before they were done",
                hint="it may have run out of memory: build again with more memory free",
            ) from None
