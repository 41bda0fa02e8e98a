"""The command line: parse arguments, call the library, print, return an exit code. No XML work here."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import traceback

from teiedit import __version__
from teiedit.commands import COMMANDS
from teiedit.commands.base import UsageParser
from teiedit.console import print_diagnostic, set_verbosity
from teiedit.diagnostics import EXIT_ERROR, Diagnostic, Level, TeieditError
from teiedit.oserror import environment_error

DESCRIPTION = """\
teiedit turns plaintext transcriptions into a TEI P5 edition, validates it against the edition's own
ODD, and publishes it as a static web site and a print PDF.

Exit codes: 0 ok, 1 findings (invalid documents), 2 errors (bad input or usage), 130 stopped (Ctrl-C).
Progress goes to standard error: a live bar on a terminal, one line per stage otherwise; -q and -v go
before or after the command (`teiedit -q build`, `teiedit build -v`).
"""


def make_parser() -> argparse.ArgumentParser:
    parser = UsageParser(
        prog="teiedit",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"teiedit {__version__}")
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks on errors")
    add_verbosity(parser, 0)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=UsageParser)
    for command in COMMANDS:
        command.add_parser(sub)
    # `teiedit build -q` as well as `teiedit -q build` (an alias names the same parser: once each)
    for command_parser in {id(p): p for p in sub.choices.values()}.values():
        add_verbosity(command_parser, argparse.SUPPRESS)
    return parser


def add_verbosity(parser: argparse.ArgumentParser, default: object) -> None:
    """-q and -v: the sub-commands' copies default to SUPPRESS, so that they leave the global one be."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "-q",
        "--quiet",
        dest="verbosity",
        action="store_const",
        const=-1,
        default=default,
        help="print only problems (no progress, no summary)",
    )
    group.add_argument(
        "-v",
        "--verbose",
        dest="verbosity",
        action="store_const",
        const=1,
        default=default,
        help="print every step of every stage with its time",
    )


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_ERROR
    set_verbosity(int(getattr(args, "verbosity", 0)))
    try:
        return int(args.run(args))
    except TeieditError as exc:
        if args.debug:
            traceback.print_exc()
        print_diagnostic(exc.diagnostic)
        return EXIT_ERROR
    except OSError as exc:  # disk full, read-only folder, permission: the path and what to do
        if args.debug:
            traceback.print_exc()
        print_diagnostic(environment_error(exc).diagnostic)
        return EXIT_ERROR
    except KeyboardInterrupt:
        # stopping: a second Ctrl-C while Python exits must not end it by the signal (or a traceback)
        # (ValueError: main() was called from a thread, not from a command line)
        with contextlib.suppress(ValueError):
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        # A Ctrl-C that escaped code run by exec() (a dataclass or namedtuple being defined by a module
        # imported at that moment) marks the process, and Python then ends it by SIGINT at exit even
        # though the interrupt was handled here; exec() clears that mark, so the status is 130 as documented.
        exec("")  # noqa: S102
        sys.stderr.write("teiedit: interrupted\n")
        return 130
    except Exception as exc:  # noqa: BLE001  (a bug: say so in one line unless --debug)
        if args.debug:
            traceback.print_exc()
        print_diagnostic(
            Diagnostic(
                message=f"internal error ({type(exc).__name__}: {exc}); "
                "run again with --debug and report it",
                level=Level.FATAL,
            )
        )
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
