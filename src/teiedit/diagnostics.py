"""Diagnostics (a located message) and Report (a collection with an exit code).

Errors are values until the CLI: passes, readers and validators return diagnostics; only the CLI turns a
report into an exit code. Exit codes are stable: 0 ok, 1 findings (invalid documents), 2 errors.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TypeAlias

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

#: What the library calls with a short message as it goes (the CLI shows it as a status line).
Progress: TypeAlias = Callable[[str], None]


class Level(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"  # a finding: the document is invalid
    FATAL = "fatal"  # the input could not be processed at all


@dataclass(frozen=True)
class Diagnostic:
    """A message about one place in one file, in an editor's words."""

    message: str
    path: str = ""
    line: int = 0
    column: int = 0
    level: Level = Level.ERROR
    origin: str = "teiedit"  # which component said it: rng, schematron, xsd, reader, pass name, ...
    xpath: str = ""
    suggestion: str = ""
    rule: str = ""  # a stable identifier of the check, for filtering and JUnit test names

    def location(self) -> str:
        loc = self.path or "<input>"
        if self.line:
            loc += f":{self.line}"
            if self.column:
                loc += f":{self.column}"
        return loc

    def format(self) -> str:
        text = f"{self.location()}: {self.level.value}: {self.message}"
        if self.xpath:
            text += f" (at {self.xpath})"
        if self.suggestion:
            text += f" — {self.suggestion}"
        return text

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["level"] = self.level.value
        return data


@dataclass
class Report:
    """Diagnostics gathered over a run, with the exit code they imply."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_checked: list[str] = field(default_factory=list)

    def add(self, diag: Diagnostic) -> None:
        self.diagnostics.append(diag)

    def extend(self, diags: list[Diagnostic]) -> None:
        self.diagnostics.extend(diags)

    def count(self, level: Level) -> int:
        return sum(1 for d in self.diagnostics if d.level is level)

    @property
    def exit_code(self) -> int:
        if self.count(Level.FATAL):
            return EXIT_ERROR
        if self.count(Level.ERROR):
            return EXIT_FINDINGS
        return EXIT_OK

    def count_invalid_files(self) -> int:
        return len({d.path for d in self.diagnostics if d.level in (Level.ERROR, Level.FATAL)})

    def for_file(self, path: str) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.path == path]

    def to_json(self) -> str:
        return json.dumps([d.to_json() for d in self.diagnostics], ensure_ascii=False, indent=2)


class TeieditError(Exception):
    """An error the user can fix: bad input, a missing file, a wrong option. Carries one Diagnostic."""

    def __init__(self, message: str, path: str | Path = "", line: int = 0, hint: str = "") -> None:
        super().__init__(message)
        self.diagnostic = Diagnostic(
            message=message, path=str(path), line=line, level=Level.FATAL, suggestion=hint
        )

    def __str__(self) -> str:
        return self.diagnostic.format()
