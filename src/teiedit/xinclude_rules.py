"""The rules of :mod:`teiedit.xinclude`: where an included file may be, what it may be, how much in all.

Each refusal names its rule (``xinclude/<rule>``), so that the editor can tell a file that is missing
from one that is hidden, outside the folder or over the budget:

========================  ===========================================================================
``xinclude/no-href``      an include without ``href`` (the same document) is not supported
``xinclude/remote``       a URI scheme (``http:``, ``file:``, …): nothing is ever fetched
``xinclude/outside``      the target lies outside the folder (``../``, an absolute path)
``xinclude/symlink-out``  the path lies in the folder but a symbolic link leads out of it
``xinclude/hidden``       a hidden file or a file in a hidden folder (``.env``, ``.git/config``)
``xinclude/cycle``        the target is already being included
``xinclude/depth``        includes nest deeper than the limit
``xinclude/missing``      no such file (an ``xi:fallback`` then takes its place without complaint)
``xinclude/too-large``    one file over :data:`MAX_BYTES`
``xinclude/budget``       everything the document pulls in over :data:`MAX_TOTAL_BYTES` or
                          :data:`MAX_TOTAL_NODES` (the same file included many times counts each time)
``xinclude/not-xml``      ``parse="xml"`` of a file that is not well-formed XML
``xinclude/entities``     an included file that declares or uses entities (never expanded)
``xinclude/not-text``     ``parse="text"`` of a file that is not text (control characters, bad encoding)
``xinclude/parse``        a ``parse`` value XInclude does not define
``xinclude/pointer``      an XPointer that is not an id, or finds nothing
``xinclude/count``        more than :data:`MAX_INCLUDES` includes in one document
========================  ===========================================================================
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from teiedit.diagnostics import Diagnostic, Level, TeieditError
from teiedit.io import entity_names
from teiedit.text import is_xml_safe

MAX_DEPTH = 8
MAX_INCLUDES = 500
MAX_BYTES = 64 * 1024 * 1024
#: What one document may pull in through all its includes, each inclusion counted.
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_TOTAL_NODES = 1_000_000

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_ID_POINTER = re.compile(r"\s*(?:element\(\s*([A-Za-z_][\w.-]*)\s*\)|([A-Za-z_][\w.-]*))\s*")


@dataclass(frozen=True)
class IncludeRoot:
    """The folder included files must lie under, and how messages speak of it."""

    folder: Path
    #: How a message names the folder: "the document's folder", "the folder being imported".
    name: str
    #: What the editor can do when a target lies outside it.
    hint: str


class Refused(Exception):
    """One include that cannot be resolved, located in the file that holds it, with its rule."""

    def __init__(self, message: str, path: Path, line: int, hint: str, rule: str) -> None:
        super().__init__(message)
        self.message, self.path, self.line, self.hint = message, path, line, hint
        self.rule = f"xinclude/{rule}"

    def error(self) -> TeieditError:
        exc = TeieditError(self.message, self.path, self.line, self.hint)
        exc.diagnostic = replace(exc.diagnostic, origin="xinclude", rule=self.rule)
        return exc

    def diagnostic(self, level: Level = Level.ERROR) -> Diagnostic:
        return Diagnostic(
            message=self.message,
            path=str(self.path),
            line=self.line,
            level=level,
            origin="xinclude",
            rule=self.rule,
            suggestion=self.hint,
        )


class Missing(Refused):
    """A target that does not exist: the one case where xi:fallback applies without complaint."""


@dataclass
class Budget:
    """What one document has pulled in so far through its includes."""

    bytes: int = 0
    nodes: int = 0

    def spend(self, size: int, nodes: int, href: str, path: Path, line: int) -> None:
        self.bytes += size
        self.nodes += nodes
        if self.bytes > MAX_TOTAL_BYTES or self.nodes > MAX_TOTAL_NODES:
            raise Refused(
                f"includes {href!r}, but the document's includes would then pull in more than "
                f"{MAX_TOTAL_BYTES // 2**20} MB or {MAX_TOTAL_NODES:,} elements in all "
                f"({self.bytes // 2**20} MB, {self.nodes:,} elements so far)",
                path,
                line,
                "include less (each inclusion of a file counts), or resolve the includes beforehand",
                "budget",
            )


def target_of(
    href: str, path: Path, line: int, root: IncludeRoot, stack: list[Path], max_depth: int
) -> Path:
    """The local file ``href`` (in ``path``, at ``line``) names, after every rule on where it may be."""
    if not href:
        raise Refused(
            "an xi:include without href (including this same file) is not supported",
            path,
            line,
            "give the included file in @href",
            "no-href",
        )
    if _SCHEME.match(href) or href.startswith("//"):
        raise Refused(
            f"includes {href!r}, which is not a local file: teiedit never fetches remote files",
            path,
            line,
            "save the file next to the document and give a relative href",
            "remote",
        )
    written = Path(os.path.normpath(path.parent / unquote(href.split("#")[0])))
    target = written.resolve()
    folder = root.folder
    if not _under(written, folder):
        raise Refused(
            f"includes {href!r}, which lies outside {root.name} ({folder}): only files under "
            f"{root.name} are included",
            path,
            line,
            root.hint,
            "outside",
        )
    if not _under(target, folder):
        raise Refused(
            f"includes {href!r}, a symbolic link that leads outside {root.name} ({folder}): only "
            f"files under {root.name} are included",
            path,
            line,
            "copy the file into the folder instead of linking to it",
            "symlink-out",
        )
    for candidate in (written, target):
        hidden = [p for p in candidate.relative_to(folder).parts if p.startswith(".")]
        if hidden:
            raise Refused(
                f"includes {href!r}, which is hidden ({hidden[0]}): hidden files and folders are "
                "never included (they hold settings and secrets, not text)",
                path,
                line,
                "move the text to a file whose name and folders do not start with a dot",
                "hidden",
            )
    if target in stack:
        chain = " -> ".join(p.name for p in [*stack[stack.index(target) :], target])
        raise Refused(
            f"includes {href!r}, which is already being included ({chain}): a cycle",
            path,
            line,
            "remove the circular xi:include",
            "cycle",
        )
    if len(stack) > max_depth:
        raise Refused(
            f"includes {href!r}, but XIncludes nest deeper than {max_depth} levels here",
            path,
            line,
            "flatten the include chain",
            "depth",
        )
    if not target.is_file():
        why = "is a folder, not a file" if target.is_dir() else "is missing (no such file)"
        raise Missing(
            f"includes {href!r}, which {why}",
            path,
            line,
            "put the included file in place (or import its folder too), or add an xi:fallback",
            "missing",
        )
    if target.stat().st_size > MAX_BYTES:
        raise Refused(
            f"includes {href!r}, which is larger than {MAX_BYTES // 2**20} MB",
            path,
            line,
            "split the included file",
            "too-large",
        )
    return target


def _under(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def decode_text(data: bytes, encoding: str | None, href: str, path: Path, line: int) -> str:
    """The text of a parse="text" include; without @encoding UTF-8 (a byte-order mark is dropped)."""
    try:
        text = data.decode(encoding or "utf-8-sig")
    except LookupError:
        raise Refused(
            f"includes {href!r} with encoding={encoding!r}, which is not a known encoding",
            path,
            line,
            'give a known encoding such as "UTF-8", or save the file as UTF-8',
            "not-text",
        ) from None
    except UnicodeDecodeError:
        raise Refused(
            f"the text included from {href!r} is not in the declared encoding "
            f"({encoding or 'UTF-8'})",
            path,
            line,
            "save it as UTF-8 or declare its encoding in @encoding",
            "not-text",
        ) from None
    if not is_xml_safe(text):
        raise Refused(
            f"includes {href!r} as text, but it holds control characters XML cannot hold: it is "
            "not a text file",
            path,
            line,
            "include text files only (or convert the file to text first)",
            "not-text",
        )
    return text


def refuse_entities(sub: etree._ElementTree, target: Path, path: Path, line: int) -> None:
    """Entities are never expanded; an included file that needs them would lose text silently."""
    declared, used = entity_names(sub)
    if declared or used:
        names = ", ".join((declared or used)[:5])
        raise Refused(
            f"the included file {target.name} {'declares' if declared else 'uses'} entities "
            f"({names}) that teiedit does not expand (a safety rule) (included from "
            f"{path.name}, line {line})",
            target,
            0,
            "replace the entities by the characters they stand for",
            "entities",
        )


def pointer_of(inc: etree._Element, href: str, path: Path, line: int) -> str:
    """The xpointer, or the href's fragment (``part.xml#id``) when there is none; both is ambiguous."""
    pointer = (inc.get("xpointer") or "").strip()
    fragment = unquote(href.partition("#")[2]).strip()
    if pointer and fragment:
        raise Refused(
            f"includes {href!r} with both a #fragment and an xpointer",
            path,
            line,
            'keep one: xpointer="the-id" is the XInclude way',
            "pointer",
        )
    return pointer or fragment


def select(root: etree._Element, pointer: str, href: str, path: Path, line: int) -> etree._Element:
    """Shorthand pointers (an id) and ``element(id)``; other XPointer schemes are refused."""
    m = _ID_POINTER.fullmatch(pointer)
    if not m:
        raise Refused(
            f"includes {href!r} with the XPointer {pointer!r}, which is not supported (only ids)",
            path,
            line,
            'point to an element by its xml:id: xpointer="the-id"',
            "pointer",
        )
    wanted = m.group(1) or m.group(2)
    found = root.xpath("(//*[@xml:id=$i or @id=$i])[1]", i=wanted)
    if not found:
        raise Refused(
            f"includes {href!r} with the XPointer {pointer!r}, which finds no element",
            path,
            line,
            f'check that an element in {href.split("#")[0]} has xml:id="{wanted}"',
            "pointer",
        )
    return found[0]
