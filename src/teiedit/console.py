"""Terminal output: progress (plain stage lines when piped, a live bar on a terminal), verbosity, reports.

rich (colours, the live bar) is imported only when a terminal is there to show them: a command whose
output goes to a file or a pipe starts without it, and prints plain lines.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any, TextIO

from teiedit.diagnostics import Diagnostic, Level

if TYPE_CHECKING:
    from rich.console import Console

#: -1 quiet (problems only), 0 normal (one line per stage), 1 verbose (every step, with its time).
_verbosity = 0

#: A message starting with one of these opens a stage; any other message is a step of the current one.
STAGE_WORDS = ("converting ", "validating ", "writing ", "checking ", "loading ")
#: A step that says how far its stage is: "converting a.txt (3/12)".
_COUNT = re.compile(r"\((\d+)/(\d+)\)$")
#: Messages shown at once whatever the stage (a build waiting for another one's lock).
_AT_ONCE = ("waiting ",)


def set_verbosity(level: int) -> None:
    """Set how much is printed: -1 quiet, 0 normal, 1 verbose (``teiedit -q`` / ``-v``)."""
    global _verbosity
    _verbosity = max(-1, min(1, level))


def verbosity() -> int:
    """The verbosity ``set_verbosity`` set."""
    return _verbosity


@cache
def _rich(stderr: bool) -> Console:
    from rich.console import Console

    # Everything printed holds user and content text (file names, messages quoting TEI): no markup, no
    # emoji codes, no highlighting, so that "@reason=':warning:'" and "root:x:0" are printed as they are.
    return Console(stderr=stderr, highlight=False, soft_wrap=True, markup=False, emoji=False)


class Stream:
    """Standard output or standard error: plain lines, or through rich on a terminal."""

    def __init__(self, stderr: bool) -> None:
        self._stderr = stderr

    @property
    def file(self) -> TextIO:
        # looked up on each use, so that a replaced sys.stdout (a test's capture) is honoured
        return sys.stderr if self._stderr else sys.stdout

    def print(
        self, text: str, *, style: str = "", markup: bool = False, soft_wrap: bool = True
    ) -> None:
        """One message, as it is (``markup`` and ``soft_wrap`` are accepted and ignored: content is
        never markup, and a long line is never broken: the consoles soft-wrap)."""
        if self.file.isatty():
            from rich.text import Text

            _rich(self._stderr).print(Text(text, style=style))
        else:
            self.file.write(text + "\n")
            self.file.flush()

    def rich(self) -> Console:
        """The rich console of this stream (imports rich)."""
        return _rich(self._stderr)


err_console = Stream(stderr=True)
out_console = Stream(stderr=False)


def summary(text: str) -> None:
    """A command's closing line (what was written): on standard output, not with ``-q``."""
    if _verbosity >= 0:
        out_console.print(text)


class Stages:
    """Turns progress messages into stages: a stage opens with a STAGE_WORDS message and gathers the
    steps after it; when it ends, one line says what it was, how many steps it took and how long."""

    def __init__(self, line: Callable[[str], None], verbose: bool) -> None:
        self.line = line
        self.verbose = verbose
        self.name = ""
        self.steps = 0
        self.started = 0.0
        self.cpu = 0.0

    def step(self, message: str) -> None:
        """One progress message."""
        if message.startswith(_AT_ONCE):
            self.line(message)
            return
        if message.startswith(STAGE_WORDS) and not _COUNT.search(message):
            self.close()
            self.name, self.steps = message, 0
            self.started, self.cpu = time.perf_counter(), time.process_time()
            return
        if not self.name:  # a command whose first message is a step: a stage without a name
            self.name, self.started, self.cpu = "working", time.perf_counter(), time.process_time()
        self.steps += 1
        if self.verbose:
            self.line(f"  {message} ({time.perf_counter() - self.started:.1f} s)")

    def close(self) -> None:
        """End the current stage with its line."""
        if not self.name:
            return
        wall = time.perf_counter() - self.started
        cpu = time.process_time() - self.cpu
        count = f"{self.steps} step{'s' if self.steps > 1 else ''}, " if self.steps else ""
        self.line(f"{self.name}: {count}{wall:.1f} s ({cpu:.1f} s CPU here)")
        self.name = ""


@contextmanager
def progress(enabled: bool | None = None) -> Iterator[Callable[[str], None]]:
    """A callable ``step(message)``: on a terminal a live bar of the current stage above the lines of the
    stages done; piped, one line per stage on standard error (every step with ``-v`` or ``enabled``);
    nothing with ``-q`` or ``enabled=False``."""
    if _verbosity < 0 or enabled is False:
        yield lambda message: err_console.print(message) if message.startswith(_AT_ONCE) else None
        return
    if not err_console.file.isatty():
        # enabled=True (asked for progress whatever the stream): every step, as with -v
        verbose = _verbosity > 0 or enabled is True
        plain = Stages(lambda text: err_console.print(f"teiedit: {text}"), verbose)
        try:
            yield plain.step
        finally:
            plain.close()
        return
    with _live_bar() as step:
        yield step


@contextmanager
def _live_bar() -> Iterator[Callable[[str], None]]:
    """The terminal's progress: a spinner, the stage, a bar when the steps say how far they are."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    console = err_console.rich()
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        TextColumn("{task.fields[step]}", markup=False),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    # the stage lines go above the bar; Text, never a str, which rich would read as markup
    stages = Stages(lambda text: bar.console.print(Text(text)), _verbosity > 0)
    task = bar.add_task("starting", total=None, step="")

    def step(message: str) -> None:
        stages.step(message)
        counted = _COUNT.search(message)
        fields: dict[str, Any] = {"description": stages.name or message, "step": ""}
        if counted:
            fields.update(completed=int(counted[1]) - 1, total=int(counted[2]))
        elif stages.name == message:
            fields.update(completed=0, total=None)
        else:
            fields["step"] = message[:60]
        bar.update(task, **fields)

    with bar:
        try:
            yield step
        finally:
            stages.close()


def print_diagnostic(diag: Diagnostic) -> None:
    """One finding on standard error (``-q`` leaves out the informational ones)."""
    if _verbosity < 0 and diag.level is Level.INFO:
        return
    style = {Level.FATAL: "bold red", Level.ERROR: "red", Level.WARNING: "yellow"}.get(
        diag.level, ""
    )
    err_console.print(diag.format(), style=style, markup=False)
