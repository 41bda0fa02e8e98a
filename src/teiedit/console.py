"""Terminal output: progress that shows on a terminal and stays quiet otherwise; printing reports.

rich (colours, the live status line) is imported only when a terminal is there to show them: a command
whose output goes to a file or a pipe starts without it, and prints plain lines.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, TextIO

from teiedit.diagnostics import Diagnostic, Level

if TYPE_CHECKING:
    from rich.console import Console


@cache
def _rich(stderr: bool) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


class Stream:
    """Standard output or standard error: plain lines, or through rich on a terminal."""

    def __init__(self, stderr: bool) -> None:
        self._stderr = stderr

    @property
    def file(self) -> TextIO:
        # looked up on each use, so that a replaced sys.stdout (a test's capture) is honoured
        return sys.stderr if self._stderr else sys.stdout

    def print(self, text: str, *, style: str = "", markup: bool = False) -> None:
        """One message (``markup``: rich's [bold]…[/] tags, which only a terminal shows)."""
        if self.file.isatty():
            _rich(self._stderr).print(text, style=style or None, markup=markup)
        else:
            self.file.write(text + "\n")

    def rich(self) -> Console:
        """The rich console of this stream (imports rich)."""
        return _rich(self._stderr)


err_console = Stream(stderr=True)
out_console = Stream(stderr=False)


@contextmanager
def progress(enabled: bool | None = None) -> Iterator[Callable[[str], None]]:
    """A callable ``step(message)`` that shows a live status line on a terminal, nothing otherwise."""
    show = sys.stderr.isatty() if enabled is None else enabled
    if not show:
        yield lambda message: None
        return
    console = err_console.rich()
    with console.status("starting…") as status:

        def step(message: str) -> None:
            status.update(message)
            console.log(message)

        yield step


def print_diagnostic(diag: Diagnostic) -> None:
    style = {Level.FATAL: "bold red", Level.ERROR: "red", Level.WARNING: "yellow"}.get(
        diag.level, ""
    )
    err_console.print(diag.format(), style=style, markup=False)
