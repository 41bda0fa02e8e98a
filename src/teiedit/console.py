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
        self, text: str, *, style: str = "", markup: bool = False, soft_wrap: bool = False
    ) -> None:
        """One message, as it is (``markup`` is accepted and ignored: content is never markup; with
        ``soft_wrap`` a terminal does not break the line, an address say, into lines of its width)."""
        if self.file.isatty():
            from rich.text import Text

            _rich(self._stderr).print(Text(text, style=style), soft_wrap=soft_wrap)
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
    from rich.text import Text

    console = err_console.rich()
    with console.status(Text("starting…")) as status:

        def step(message: str) -> None:
            status.update(Text(message))  # a str would be read as markup
            console.log(Text(message))

        yield step


def print_diagnostic(diag: Diagnostic) -> None:
    style = {Level.FATAL: "bold red", Level.ERROR: "red", Level.WARNING: "yellow"}.get(
        diag.level, ""
    )
    err_console.print(diag.format(), style=style, markup=False)
