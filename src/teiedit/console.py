"""Terminal output: progress that shows on a terminal and stays quiet otherwise; printing reports."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.text import Text

from teiedit.diagnostics import Diagnostic, Level

# Everything printed holds user and content text (file names, messages quoting TEI): no markup, no emoji
# codes, no highlighting, so that "@reason=':warning:'" and "root:x:0" are printed as they are.
err_console = Console(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)
out_console = Console(highlight=False, soft_wrap=True, markup=False, emoji=False)


@contextmanager
def progress(enabled: bool | None = None) -> Iterator[Callable[[str], None]]:
    """A callable ``step(message)`` that shows a live status line on a terminal, nothing otherwise."""
    show = sys.stderr.isatty() if enabled is None else enabled
    if not show:
        yield lambda message: None
        return
    with err_console.status(Text("starting…")) as status:

        def step(message: str) -> None:
            status.update(Text(message))  # a str would be read as markup
            err_console.log(Text(message))

        yield step


def print_diagnostic(diag: Diagnostic) -> None:
    style = {Level.FATAL: "bold red", Level.ERROR: "red", Level.WARNING: "yellow"}.get(
        diag.level, ""
    )
    err_console.print(diag.format(), style=style, markup=False)
