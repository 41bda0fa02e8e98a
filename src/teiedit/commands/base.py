"""What a sub-command provides: ``add_parser(subparsers)``, which adds its parser and sets ``run``."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn, Protocol, TypeAlias

from teiedit.diagnostics import EXIT_ERROR


class UsageParser(argparse.ArgumentParser):
    """The parser of ``teiedit`` and its sub-commands: a usage error is one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        sys.exit(EXIT_ERROR)


#: The sub-parsers of the ``teiedit`` parser (argparse keeps the class private, but types it).
Subparsers: TypeAlias = "argparse._SubParsersAction[UsageParser]"


class Command(Protocol):
    """A sub-command: a module (or a class) with an ``add_parser`` function."""

    def add_parser(self, sub: Subparsers) -> None: ...
