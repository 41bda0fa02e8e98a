"""Where per-document work runs: in this process, in a pool of processes on this machine (one per core
by default, ``--jobs N``), or on the workers of a Dask distributed cluster (``--cluster tcp://…``, or
``[cluster] scheduler`` in teiedit.toml).

Every stage hands its work to :meth:`Workers.map` as a list of small, picklable tasks and gets the
results back in the order of the tasks; only this process writes files. So the output is the same,
byte for byte, whatever the number of processes or machines. Tasks read the edition's files by path:
on a cluster, every worker must see the edition folder at the same path (a shared file system), and
have teiedit installed.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import Any, Self, TypeVar

from teiedit.diagnostics import TeieditError

T = TypeVar("T")
R = TypeVar("R")

#: Below this many tasks a stage runs in this process: starting workers costs more than it saves.
POOL_THRESHOLD = 24


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def parse_jobs(value: str, what: str = "--jobs") -> int:
    """A number of processes (0: one per core), or a clear error."""
    value = value.strip()
    if not value.isdigit():
        raise TeieditError(
            f"{what}={value!r} is not a number of processes",
            hint="give a whole number such as 1 or 4 (0: one per core)",
        )
    return int(value)


def exit_with_parent(parent: int) -> None:
    """In a worker: end when the build that started it is gone (killed, it cannot tell the pool to stop,
    and a worker waiting for work would otherwise live on for good). Ctrl-C reaches the whole process
    group: a worker ignores it, so that only the build stops (quietly) and ends its pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="exit-with-parent").start()


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Workers start (and import their modules, WeasyPrint say) while tasks are submitted. SIGINT is
    blocked meanwhile: a spawned process inherits the block from its first instruction (and then ignores
    Ctrl-C for good, see :func:`exit_with_parent`), so Ctrl-C stops only the build, which ends them, never
    a worker in the middle of an import with a traceback. A Ctrl-C during the submission is held, not
    lost: it reaches the build when the block is lifted."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if hasattr(signal, "pthread_sigmask"):
        previous_mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous_mask)
        return
    # no signal masks (Windows): ignore it meanwhile (a Ctrl-C in these milliseconds is lost)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # pragma: no cover
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _run_chunk(fn: Callable[[Any], Any], chunk: Sequence[Any]) -> list[Any]:
    return [fn(item) for item in chunk]


@dataclass
class Workers:
    """The processes (or cluster) a build runs its per-document tasks on. Use as a context manager:
    the pool, started on first use, is shut down at the end."""

    jobs: int = 0  # processes on this machine; 0: one per core
    cluster: str = ""  # the address of a Dask scheduler
    _pool: Executor | None = field(default=None, repr=False)
    _client: Any = field(default=None, repr=False)

    @property
    def count(self) -> int:
        """How many tasks run at once (on a cluster: its workers' threads)."""
        if self.cluster:
            info = self.client().scheduler_info()
            threads = sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values())
            return max(1, threads)
        return self.jobs or cores()

    @property
    def started(self) -> bool:
        """Whether worker processes (or a cluster's client) are already running."""
        return self._pool is not None or self._client is not None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        # failed: drop the queued tasks rather than run them before stopping; Ctrl-C: stop the running
        # ones too (a long document's layout would otherwise hold the build for minutes)
        interrupted = isinstance(exc[1], KeyboardInterrupt)
        self.close(cancel=exc[0] is not None, stop=interrupted)

    def close(self, cancel: bool = False, stop: bool = False) -> None:
        """Shut the pool down (``cancel``: without running the tasks still queued; ``stop``: ending the
        tasks under way too) and leave the cluster. Workers only compute (the build writes), so stopping
        one loses nothing but its work."""
        if self._pool is not None:
            if stop:
                # the executor offers no public way to end running tasks before Python 3.14
                for process in list(getattr(self._pool, "_processes", {}).values()):
                    process.terminate()
            self._pool.shutdown(cancel_futures=cancel or stop)
            self._pool = None
        if self._client is not None:
            self._client.close()
            self._client = None

    def rest(self) -> None:
        """End this machine's worker processes between stages: each holds what its tasks left (Saxon's
        heap of the document pages, some 300 MB), and a stage that follows may not need them; the next
        task starts new ones. A cluster's workers are not the build's to end: left as they are."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def client(self) -> Any:
        """The Dask client of the cluster (connected on first use)."""
        if self._client is None:
            try:
                from distributed import Client
            except ImportError:
                raise TeieditError(
                    "--cluster needs Dask distributed, which is not installed",
                    hint="pip install 'teiedit[cluster]' (on this machine and every worker)",
                ) from None
            try:
                self._client = Client(  # type: ignore[no-untyped-call]
                    self.cluster, timeout="10s", set_as_default=False
                )
            except OSError as exc:
                raise TeieditError(
                    f"no Dask scheduler answers at {self.cluster}: {exc}",
                    hint="start one with `teiedit cluster start`, or check the address",
                ) from None
        return self._client

    def pool(self) -> Executor:
        if self._pool is None:
            # "spawn": workers start clean, without this process's Saxon (a native runtime with threads)
            self._pool = ProcessPoolExecutor(
                max_workers=self.count,
                mp_context=get_context("spawn"),
                initializer=exit_with_parent,
                initargs=(os.getpid(),),
            )
        return self._pool

    def parallel(self, tasks: int, threshold: int = POOL_THRESHOLD) -> bool:
        """Whether ``tasks`` tasks are worth sending to other processes (at least ``threshold``)."""
        if self.cluster:
            return True
        return (self.jobs or cores()) > 1 and tasks >= max(2, threshold)

    def map(
        self,
        fn: Callable[[T], R],
        items: Sequence[T],
        *,
        chunk: int = 0,
        done: Callable[[int], None] | None = None,
        threshold: int = POOL_THRESHOLD,
    ) -> list[R]:
        """``[fn(item) for item in items]``, run where this Workers says (see :meth:`each`)."""
        out: list[R] = []
        self.each(fn, items, out.append, chunk=chunk, done=done, threshold=threshold)
        return out

    def each(
        self,
        fn: Callable[[T], R],
        items: Sequence[T],
        receive: Callable[[R], None],
        *,
        chunk: int = 0,
        done: Callable[[int], None] | None = None,
        threshold: int = POOL_THRESHOLD,
    ) -> None:
        """``receive(fn(item))`` for each item, in the order of the items, the calls of ``fn`` run where
        this Workers says, in chunks of ``chunk`` items (0: about four chunks per process). Only a few
        chunks are under way at once, so results wait in memory only as long as it takes to receive
        them. ``done(n)`` after each chunk, with the number of items done so far."""
        if not items:
            return
        if not self.parallel(len(items), threshold):
            for i, item in enumerate(items, start=1):
                receive(fn(item))
                if done is not None and (i % 16 == 0 or i == len(items)):
                    done(i)
            return
        size = chunk or max(1, min(64, -(-len(items) // (4 * self.count))))
        chunks = [items[i : i + size] for i in range(0, len(items), size)]
        window = 2 * self.count
        if self.cluster:
            client = self.client()

            def submit(c: Sequence[T]) -> Any:
                return client.submit(_run_chunk, fn, c, pure=False)
        else:
            pool = self.pool()

            def submit(c: Sequence[T]) -> Any:
                # a submission may spawn a worker: it starts with Ctrl-C ignored
                with _workers_ignore_ctrl_c():
                    return pool.submit(_run_chunk, fn, c)

        pending = [submit(c) for c in chunks[:window]]
        finished = 0
        for k in range(len(chunks)):
            results = pending[k].result()
            pending[k] = None
            if k + window < len(chunks):
                pending.append(submit(chunks[k + window]))
            for result in results:
                receive(result)
            finished += len(results)
            if done is not None:
                done(finished)


@contextmanager
def using(workers: Workers | None) -> Iterator[Workers]:
    """The given workers, or a pool of this machine's cores for the time of the block."""
    if workers is not None:
        yield workers
        return
    with Workers() as own:
        yield own
