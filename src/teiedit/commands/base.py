"""What a sub-command provides: ``add_parser(subparsers)``, which adds its parser and sets ``run``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, Protocol, TypeAlias

from teiedit.diagnostics import EXIT_ERROR

if TYPE_CHECKING:
    from teiedit.workers import Workers


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


def add_jobs(p: argparse.ArgumentParser, cluster: bool = False) -> None:
    """``--jobs N`` (and ``--cluster ADDRESS``): where per-document work runs."""
    p.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="processes for per-document work (default: one per core; 1: this process only)",
    )
    if cluster:
        p.add_argument(
            "--cluster",
            metavar="ADDRESS",
            default=None,
            help="run per-document work on this Dask scheduler (tcp://host:port; default: "
            "[cluster] scheduler in teiedit.toml, else this machine)",
        )


def workers_from(args: argparse.Namespace, scheduler: str = "") -> Workers:
    """The workers the options (and the edition's ``[cluster] scheduler``) ask for."""
    from teiedit.diagnostics import TeieditError
    from teiedit.workers import Workers

    jobs = getattr(args, "jobs", None)
    if jobs is not None and jobs < 0:
        raise TeieditError(f"--jobs {jobs} is not a number of processes", hint="give 1 or more")
    address = getattr(args, "cluster", None) or scheduler
    return Workers(jobs=jobs or 0, cluster=address or "")
