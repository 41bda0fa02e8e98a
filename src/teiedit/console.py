"""Terminal output: progress that shows on a terminal and stays quiet otherwise; printing reports."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console

from teiedit.diagnostics import Diagnostic, Level

err_console = Console(stderr=True, highlight=False, soft_wrap=True)
out_console = Console(highlight=False, soft_wrap=True)


@contextmanager
def progress(enabled: bool | None = None) -> Iterator[Callable[[str], None]]:
    """A callable ``step(message)`` that shows a live status line on a terminal, nothing otherwise."""
    show = sys.stderr.isatty() if enabled is None else enabled
    if not show:
        yield lambda message: None
        return
    with err_console.status("starting…") as status:

        def step(message: str) -> None:
            status.update(message)
            err_console.log(message)

        yield step


def print_diagnostic(diag: Diagnostic) -> None:
    style = {Level.FATAL: "bold red", Level.ERROR: "red", Level.WARNING: "yellow"}.get(
        diag.level, ""
    )
    err_console.print(diag.format(), style=style, markup=False)
