"""What a sub-command provides: ``add_parser(subparsers)``, which adds its parser and sets ``run``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, Protocol, TypeAlias

from teiedit.diagnostics import EXIT_ERROR


class UsageParser(argparse.ArgumentParser):
    """The parser of ``teiedit`` and its sub-commands: a usage error is one line and exit code 2.

    ``setup``: a function that adds the parser's arguments and description when the parser is first
    used (to parse or to show its help), so that ``teiedit --help`` and the other commands never import
    what only this command's options need (a builder's module, for its options)."""

    def __init__(self, *args: Any, setup: Callable[[UsageParser], None] | None = None, **kw: Any):
        super().__init__(*args, **kw)
        self._setup = setup

    def _ready(self) -> None:
        setup, self._setup = self._setup, None
        if setup is not None:
            setup(self)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self._ready()
        return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        self._ready()
        return super().format_help()

    def format_usage(self) -> str:
        self._ready()
        return super().format_usage()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        sys.exit(EXIT_ERROR)


#: The sub-parsers of the ``teiedit`` parser (argparse keeps the class private, but types it).
Subparsers: TypeAlias = "argparse._SubParsersAction[UsageParser]"


class Command(Protocol):
    """A sub-command: a module (or a class) with an ``add_parser`` function."""

    def add_parser(self, sub: Subparsers) -> None: ...
