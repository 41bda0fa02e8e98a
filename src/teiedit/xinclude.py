"""XInclude, resolved by teiedit itself: local files under one folder only, bounded, never fetched.

Two callers, one set of rules. Validation (:func:`teiedit.validate.resolve_xincludes`) reports a refused
include and goes on checking the rest of the document; ``teiedit import``
(:mod:`teiedit.exchange.xinclude`) stops the file at the first refusal. The difference is the ``policy``
argument (:class:`OnRefusal`); everything else is shared:

- where a target may be: a relative ``href`` under ``root.folder`` (the document's folder when validating,
  the import root when importing); any URI scheme (``http:``, ``file:``, …) is refused, so nothing is
  ever fetched, and a path that escapes the folder (``../``, an absolute path, a symlink) is refused;
- what may be pointed to: ``xpointer="id"`` or ``xpointer="element(id)"``, or the same id as the
  ``href``'s fragment (``href="part.xml#id"``); ``parse="text"`` with an optional ``encoding``;
- ``xi:fallback`` takes the place of a missing target (as the XInclude recommendation says);
- cycles, nesting deeper than ``max_depth``, files over :data:`MAX_BYTES` and more than
  :data:`MAX_INCLUDES` includes are refused;
- every included XML file is parsed with :func:`teiedit.io.safe_parser` (no DTD, no entity expansion,
  no network), and one that declares or uses entities is refused, as an imported file would be.

lxml's own ``xinclude()`` is not used: it goes through libxml2's resolvers, which would load anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from teiedit.diagnostics import Diagnostic, Level, TeieditError
from teiedit.document import replace_with
from teiedit.io import parse_xml_bytes
from teiedit.mixed import content

XI_NAMESPACES = ("http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude")
MAX_DEPTH = 8
MAX_INCLUDES = 500
MAX_BYTES = 64 * 1024 * 1024

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_ID_POINTER = re.compile(r"\s*(?:element\(\s*([A-Za-z_][\w.-]*)\s*\)|([A-Za-z_][\w.-]*))\s*")


class OnRefusal(Enum):
    """What a refused include does to the run."""

    #: Validation: the refusal becomes an error Diagnostic, the include's xi:fallback (or nothing) takes
    #: its place, and resolution goes on, so the rest of the document is still checked.
    REPORT = "report"
    #: Import: the first refusal raises TeieditError; the file is refused with that reason.
    STOP = "stop"


@dataclass(frozen=True)
class IncludeRoot:
    """The folder included files must lie under, and how messages speak of it."""

    folder: Path
    #: How a message names the folder: "the document's folder", "the folder being imported".
    name: str
    #: What the editor can do when a target lies outside it.
    hint: str


@dataclass
class XIncludeResult:
    """What resolution did: the files included, the includes that fell back, and (policy REPORT) the
    refusals and fallbacks as diagnostics."""

    included: list[Path] = field(default_factory=list)
    fallbacks: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.included or self.fallbacks)


class _Refused(Exception):
    """One include that cannot be resolved, located in the file that holds it."""

    def __init__(self, message: str, path: Path, line: int, hint: str) -> None:
        super().__init__(message)
        self.message, self.path, self.line, self.hint = message, path, line, hint

    def error(self) -> TeieditError:
        return TeieditError(self.message, self.path, line=self.line, hint=self.hint)

    def diagnostic(self, level: Level = Level.ERROR) -> Diagnostic:
        return Diagnostic(
            message=self.message,
            path=str(self.path),
            line=self.line,
            level=level,
            origin="xinclude",
            rule="xinclude",
            suggestion=self.hint,
        )


class _Missing(_Refused):
    """A target that does not exist: the one case where xi:fallback applies without complaint."""


def is_xinclude(el: etree._Element, localname: str = "include") -> bool:
    return (
        isinstance(el.tag, str)
        and etree.QName(el).namespace in XI_NAMESPACES
        and etree.QName(el).localname == localname
    )


def has_xincludes(root: etree._Element) -> bool:
    return any(True for _ in _includes(root))


def _includes(node: etree._Element) -> Iterator[etree._Element]:
    """The outermost xi:include elements at or below ``node``. Includes inside another include's
    xi:fallback are left for when that fallback is used: a fallback that is not used must not load."""
    if is_xinclude(node):
        yield node
        return
    for child in node:
        yield from _includes(child)


def resolve(
    tree: etree._ElementTree,
    path: Path,
    root: IncludeRoot,
    *,
    policy: OnRefusal,
    max_depth: int = MAX_DEPTH,
) -> XIncludeResult:
    """Replace every xi:include of ``tree`` (read from ``path``) in place by what it includes.

    With ``OnRefusal.STOP`` the first refusal raises TeieditError; with ``OnRefusal.REPORT`` refusals are
    returned in ``result.diagnostics`` and resolution goes on. Exceeding :data:`MAX_INCLUDES` raises in
    both policies: it is a guard against runaway input, not a finding about one include.
    """
    path = Path(path).resolve()
    resolver = _Resolver(
        IncludeRoot(Path(root.folder).resolve(), root.name, root.hint), policy, max_depth
    )
    resolver.resolve_below(tree.getroot(), path, [path])
    return resolver.result


class _Resolver:
    """One resolution run: the rules, the policy, and what has been done so far."""

    def __init__(self, root: IncludeRoot, policy: OnRefusal, max_depth: int) -> None:
        self.root, self.policy, self.max_depth = root, policy, max_depth
        self.result = XIncludeResult()
        self.seen = 0

    def resolve_below(self, node: etree._Element, path: Path, stack: list[Path]) -> None:
        for inc in list(_includes(node)):
            self.seen += 1
            if self.seen > MAX_INCLUDES:
                raise TeieditError(
                    f"the document has more than {MAX_INCLUDES} XIncludes",
                    stack[0],
                    hint="split the set or resolve the includes beforehand",
                )
            self._resolve_one(inc, path, stack)

    def _resolve_one(self, inc: etree._Element, path: Path, stack: list[Path]) -> None:
        """Put what ``inc`` includes in its place. A missing target with an xi:fallback is not a
        refusal: the fallback is used (REPORT notes it as information). Any other refusal stops (STOP)
        or is reported, and then the fallback, if there is one, or nothing takes its place (REPORT)."""
        line = inc.sourceline or 0
        href = (inc.get("href") or "").strip()
        fallback = next((c for c in inc if is_xinclude(c, "fallback")), None)
        try:
            if inc.getparent() is None:
                raise _Refused(
                    "the root element is an xi:include", path, line, "wrap it in a TEI document"
                )
            parts = self._load(inc, href, path, stack)
        except _Missing as missing:
            if fallback is None:
                self._refuse(missing)
                parts = []
            else:
                self.result.fallbacks.append(href)
                if self.policy is OnRefusal.REPORT:
                    note = _Refused(
                        f"{missing.message}; its xi:fallback is used instead", path, line, ""
                    )
                    self.result.diagnostics.append(note.diagnostic(Level.INFO))
                parts = self._fallback_parts(fallback, path, stack)
        except _Refused as refused:
            self._refuse(refused)
            parts = self._fallback_parts(fallback, path, stack) if fallback is not None else []
        if inc.getparent() is not None:
            replace_with(inc, parts)

    def _refuse(self, refused: _Refused) -> None:
        if self.policy is OnRefusal.STOP:
            raise refused.error()
        self.result.diagnostics.append(refused.diagnostic())

    def _fallback_parts(
        self, fallback: etree._Element, path: Path, stack: list[Path]
    ) -> list[str | etree._Element]:
        """The fallback's content (its own includes resolved) as text and elements."""
        self.resolve_below(fallback, path, stack)
        return content(fallback)

    def _load(
        self, inc: etree._Element, href: str, path: Path, stack: list[Path]
    ) -> list[str | etree._Element]:
        line = inc.sourceline or 0
        target = self._target(inc, href, path, stack)
        data = target.read_bytes()
        self.result.included.append(target)
        parse = inc.get("parse", "xml")
        if parse == "text":
            return [_decode(data, inc.get("encoding"), href, path, line)]
        if parse != "xml":
            raise _Refused(
                f"includes {href!r} with parse={parse!r}, which XInclude does not define",
                path,
                line,
                'use parse="xml" or parse="text"',
            )
        try:
            sub = parse_xml_bytes(data, target)
        except TeieditError as exc:
            bad = exc.diagnostic
            raise _Refused(
                f"{bad.message} (included from {path.name}, line {line})",
                target,
                bad.line,
                bad.suggestion,
            ) from None
        _refuse_entities(sub, target, path, line)
        self.resolve_below(sub.getroot(), target, [*stack, target])
        pointer = _pointer(inc, href, path, line)
        return [_select(sub.getroot(), pointer, href, path, line) if pointer else sub.getroot()]

    def _target(self, inc: etree._Element, href: str, path: Path, stack: list[Path]) -> Path:
        """The local file ``href`` names, after every rule on where it may be."""
        line = inc.sourceline or 0
        if not href:
            raise _Refused(
                "an xi:include without href (including this same file) is not supported",
                path,
                line,
                "give the included file in @href",
            )
        if _SCHEME.match(href) or href.startswith("//"):
            raise _Refused(
                f"includes {href!r}, which is not a local file: teiedit never fetches remote files",
                path,
                line,
                "save the file next to the document and give a relative href",
            )
        target = (path.parent / unquote(href.split("#")[0])).resolve()
        folder = self.root.folder
        if target != folder and folder not in target.parents:
            raise _Refused(
                f"includes {href!r}, which lies outside {self.root.name} ({folder}): only "
                f"files under {self.root.name} are included",
                path,
                line,
                self.root.hint,
            )
        if target in stack:
            chain = " -> ".join(p.name for p in [*stack[stack.index(target) :], target])
            raise _Refused(
                f"includes {href!r}, which is already being included ({chain}): a cycle",
                path,
                line,
                "remove the circular xi:include",
            )
        if len(stack) > self.max_depth:
            raise _Refused(
                f"includes {href!r}, but XIncludes nest deeper than {self.max_depth} levels here",
                path,
                line,
                "flatten the include chain",
            )
        if not target.is_file():
            why = "is a folder, not a file" if target.is_dir() else "is missing (no such file)"
            raise _Missing(
                f"includes {href!r}, which {why}",
                path,
                line,
                "put the included file in place (or import its folder too), or add an xi:fallback",
            )
        size = target.stat().st_size
        if size > MAX_BYTES:
            raise _Refused(
                f"includes {href!r}, which is larger than {MAX_BYTES // 2**20} MB",
                path,
                line,
                "split the included file",
            )
        return target


def _decode(data: bytes, encoding: str | None, href: str, path: Path, line: int) -> str:
    """The text of a parse="text" include; without @encoding UTF-8 (a byte-order mark is dropped)."""
    try:
        return data.decode(encoding or "utf-8-sig")
    except LookupError:
        raise _Refused(
            f"includes {href!r} with encoding={encoding!r}, which is not a known encoding",
            path,
            line,
            'give a known encoding such as "UTF-8", or save the file as UTF-8',
        ) from None
    except UnicodeDecodeError:
        raise _Refused(
            f"the text included from {href!r} is not in the declared encoding "
            f"({encoding or 'UTF-8'})",
            path,
            line,
            "save it as UTF-8 or declare its encoding in @encoding",
        ) from None


def _refuse_entities(sub: etree._ElementTree, target: Path, path: Path, line: int) -> None:
    """Entities are never expanded; an included file that needs them would lose text silently."""
    dtd = sub.docinfo.internalDTD
    declared = sorted(e.name for e in dtd.iterentities()) if dtd is not None else []
    used = sorted({str(e.name) for e in sub.getroot().iter(etree.Entity)})
    if declared or used:
        names = ", ".join((declared or used)[:5])
        raise _Refused(
            f"the included file {target.name} {'declares' if declared else 'uses'} entities "
            f"({names}) that teiedit does not expand (a safety rule) (included from "
            f"{path.name}, line {line})",
            target,
            0,
            "replace the entities by the characters they stand for",
        )


def _pointer(inc: etree._Element, href: str, path: Path, line: int) -> str:
    """The xpointer, or the href's fragment (``part.xml#id``) when there is none; both is ambiguous."""
    pointer = (inc.get("xpointer") or "").strip()
    fragment = unquote(href.partition("#")[2]).strip()
    if pointer and fragment:
        raise _Refused(
            f"includes {href!r} with both a #fragment and an xpointer",
            path,
            line,
            'keep one: xpointer="the-id" is the XInclude way',
        )
    return pointer or fragment


def _select(root: etree._Element, pointer: str, href: str, path: Path, line: int) -> etree._Element:
    """Shorthand pointers (an id) and ``element(id)``; other XPointer schemes are refused."""
    m = _ID_POINTER.fullmatch(pointer)
    if not m:
        raise _Refused(
            f"includes {href!r} with the XPointer {pointer!r}, which is not supported (only ids)",
            path,
            line,
            'point to an element by its xml:id: xpointer="the-id"',
        )
    wanted = m.group(1) or m.group(2)
    found = root.xpath("(//*[@xml:id=$i or @id=$i])[1]", i=wanted)
    if not found:
        raise _Refused(
            f"includes {href!r} with the XPointer {pointer!r}, which finds no element",
            path,
            line,
            f'check that an element in {href.split("#")[0]} has xml:id="{wanted}"',
        )
    return found[0]
