"""Which TEI files of a build can be published: one bad document is reported and left out, and the rest
of the edition still builds.

A file that is not well-formed (a hand edit that repeats an ``xml:id`` is the usual case: XML forbids
it) is reported with every line that uses the id; two documents whose root elements share one
``xml:id`` (a renamed copy beside a fresh conversion) are reported with both locations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from teiedit.diagnostics import Diagnostic, Level, TeieditError
from teiedit.imported_registers import stored_name

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_REPEATED = re.compile(r"ID (?P<id>\S+) already defined")


def duplicate_roots(docs: Iterable[tuple[Path, etree._Element]]) -> list[Diagnostic]:
    """A diagnostic for each document whose root ``xml:id`` an earlier one already has (both are
    published; their links clash)."""
    return duplicate_root_ids(
        (path, root.get(XML_ID) or "", root.sourceline or 0) for path, root in docs
    )


def duplicate_root_ids(docs: Iterable[tuple[Path, str, int]]) -> list[Diagnostic]:
    """As :func:`duplicate_roots`, from each document's root ``xml:id`` and its line (no trees)."""
    problems: list[Diagnostic] = []
    roots: dict[str, tuple[Path, int]] = {}
    for path, ident, line_no in docs:
        if ident and ident in roots:
            other, line = roots[ident]
            problems.append(
                Diagnostic(
                    message=f"the root xml:id {ident!r} is also the root xml:id of {other} "
                    f"(line {line}); both documents are published, their links clash",
                    path=str(path),
                    line=line_no,
                    level=Level.ERROR,
                    origin="build",
                    rule="duplicate-root-id",
                    suggestion="if one is a renamed copy of the other, remove one of them; "
                    "else give one of them another xml:id",
                )
            )
        elif ident:
            roots[ident] = (path, line_no)
    return problems


def unreadable(path: Path, exc: TeieditError) -> list[Diagnostic]:
    """What to report for a TEI file that cannot be read (it is left out of the outputs)."""
    return _unreadable(path, exc)


def _unreadable(path: Path, exc: TeieditError) -> list[Diagnostic]:
    found = _REPEATED.search(exc.diagnostic.message)
    if found is None:
        d = exc.diagnostic
        return [
            Diagnostic(
                message=f"{d.message}; this document is left out of the web and print editions",
                path=d.path,
                line=d.line,
                level=Level.ERROR,
                origin="build",
                rule="not-well-formed",
                suggestion=d.suggestion,
            )
        ]
    ident = found.group("id")
    lines = _lines_with_id(path, ident)
    shown = ", ".join(str(n) for n in lines) or "?"
    return [
        Diagnostic(
            message=f"xml:id {ident!r} is used twice (lines {shown}); XML allows an id once, so "
            "this document is left out of the web and print editions",
            path=str(path),
            line=lines[-1] if lines else exc.diagnostic.line,
            level=Level.ERROR,
            origin="build",
            rule="duplicate-id",
            suggestion="give one of them another xml:id (and update pointers to it)",
        )
    ]


def _lines_with_id(path: Path, ident: str) -> list[int]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    pattern = re.compile(rf"""xml:id\s*=\s*["']{re.escape(ident)}["']""")
    return [n for n, line in enumerate(text.splitlines(), start=1) if pattern.search(line)]


def pointers_to_missing_files(
    docs: Iterable[tuple[Path, Iterable[tuple[str, int]]]], files: Iterable[str]
) -> list[Diagnostic]:
    """A warning for each file that imported documents point into (``@ref="persons.xml#p1"``) and that
    is not among the imported ``files`` (their stored names): once per file, at the first pointer, with how many
    documents point there; those names then link nowhere and no register counts them. ``docs``: each
    imported document's path and its pointers into files with their lines."""
    known = set(files)
    first: dict[str, tuple[Path, int, str]] = {}
    pointing: dict[str, int] = {}
    for path, pointers in docs:
        seen: set[str] = set()
        for pointer, line in pointers:
            name = pointer.rpartition("#")[0]
            if stored_name(name) in known or name in seen:
                continue
            seen.add(name)
            first.setdefault(name, (path, line, pointer))
            pointing[name] = pointing.get(name, 0) + 1
    problems = []
    for name, (path, line, pointer) in first.items():
        others = pointing[name] - 1
        also = f" (and pointers of {others} other documents)" if others else ""
        problems.append(
            Diagnostic(
                message=f"the pointer {pointer!r}{also} names an entry of {name}, a file that was "
                "not imported: its names link nowhere and no register counts them",
                path=str(path),
                line=line,
                level=Level.WARNING,
                origin="build",
                rule="pointer-to-missing-file",
                suggestion=f"import {name} with the documents (teiedit import), or point to an entry "
                "of the edition's registers",
            )
        )
    return problems
