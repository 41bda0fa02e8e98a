"""XInclude, resolved by teiedit itself: local files under one folder only, bounded, never fetched.

Two callers, one set of rules. Validation (:func:`teiedit.validate.resolve_xincludes`) reports a refused
include and goes on checking the rest of the document; ``teiedit import``
(:mod:`teiedit.exchange.xinclude`) stops the file at the first refusal. The difference is the ``policy``
argument (:class:`OnRefusal`); everything else is shared:

- where a target may be: a relative ``href`` under ``root.folder`` (the document's folder when validating,
  the import root when importing); any URI scheme (``http:``, ``file:``, …) is refused, so nothing is
  ever fetched, and a path that escapes the folder (``../``, an absolute path, a symlink) is refused, as
  is a hidden file or a file in a hidden folder (``.env``, ``.git/config``);
- what may be pointed to: ``xpointer="id"`` or ``xpointer="element(id)"``, or the same id as the
  ``href``'s fragment (``href="part.xml#id"``); ``parse="text"`` with an optional ``encoding``;
- ``xi:fallback`` takes the place of a missing target (as the XInclude recommendation says);
- cycles, nesting deeper than ``max_depth``, files over :data:`MAX_BYTES`, more than
  :data:`MAX_INCLUDES` includes, and more than a total budget of bytes and elements pulled in by one
  document (each inclusion of a file counted) are refused;
- every included XML file is parsed with :func:`teiedit.io.safe_parser` (no DTD, no entity expansion,
  no network), and one that declares or uses entities is refused, as an imported file would be; a text
  include must be text (no control characters XML cannot hold).

Every refusal names its rule (``xinclude/hidden``, ``xinclude/budget``…: see
:mod:`teiedit.xinclude_rules`, where the rules live).

lxml's own ``xinclude()`` is not used: it goes through libxml2's resolvers, which would load anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from lxml import etree

from teiedit.diagnostics import Diagnostic, Level, TeieditError
from teiedit.document import replace_with
from teiedit.io import parse_xml_bytes
from teiedit.mixed import content
from teiedit.xinclude_rules import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_INCLUDES,
    MAX_TOTAL_BYTES,
    MAX_TOTAL_NODES,
    Budget,
    IncludeRoot,
    Missing,
    Refused,
    decode_text,
    pointer_of,
    refuse_entities,
    select,
    target_of,
)

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_INCLUDES",
    "MAX_TOTAL_BYTES",
    "MAX_TOTAL_NODES",
    "IncludeRoot",
    "OnRefusal",
    "XIncludeResult",
    "has_xincludes",
    "is_xinclude",
    "resolve",
]

XI_NAMESPACES = ("http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude")


class OnRefusal(Enum):
    """What a refused include does to the run."""

    #: Validation: the refusal becomes an error Diagnostic, the include's xi:fallback (or nothing) takes
    #: its place, and resolution goes on, so the rest of the document is still checked.
    REPORT = "report"
    #: Import: the first refusal raises TeieditError; the file is refused with that reason.
    STOP = "stop"


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
        self.budget = Budget()

    def resolve_below(self, node: etree._Element, path: Path, stack: list[Path]) -> None:
        for inc in list(_includes(node)):
            self.seen += 1
            if self.seen > MAX_INCLUDES:
                raise Refused(
                    f"the document has more than {MAX_INCLUDES} XIncludes",
                    stack[0],
                    0,
                    "split the set or resolve the includes beforehand",
                    "count",
                ).error()
            self._resolve_one(inc, path, stack)

    def _resolve_one(self, inc: etree._Element, path: Path, stack: list[Path]) -> None:
        """Put what ``inc`` includes in its place. A missing target with an xi:fallback is not a
        refusal: the fallback is used (REPORT notes it as information). Any other refusal stops (STOP)
        or is reported, and then the fallback, if there is one, or nothing takes its place (REPORT).
        Going over the document's budget stops both policies: what follows would only go over it too."""
        line = inc.sourceline or 0
        href = (inc.get("href") or "").strip()
        fallback = next((c for c in inc if is_xinclude(c, "fallback")), None)
        try:
            if inc.getparent() is None:
                raise Refused(
                    "the root element is an xi:include",
                    path,
                    line,
                    "wrap it in a TEI document",
                    "root",
                )
            parts = self._load(inc, href, path, stack)
        except Missing as missing:
            if fallback is None:
                self._refuse(missing)
                parts = []
            else:
                self.result.fallbacks.append(href)
                if self.policy is OnRefusal.REPORT:
                    note = Refused(
                        f"{missing.message}; its xi:fallback is used instead",
                        path,
                        line,
                        "",
                        "missing",
                    )
                    self.result.diagnostics.append(note.diagnostic(Level.INFO))
                parts = self._fallback_parts(fallback, path, stack)
        except Refused as refused:
            if refused.rule == "xinclude/budget":
                raise refused.error() from None
            self._refuse(refused)
            parts = self._fallback_parts(fallback, path, stack) if fallback is not None else []
        if inc.getparent() is not None:
            replace_with(inc, parts)

    def _refuse(self, refused: Refused) -> None:
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
        target = target_of(href, path, line, self.root, stack, self.max_depth)
        parse = inc.get("parse", "xml")
        if parse not in ("xml", "text"):
            raise Refused(
                f"includes {href!r} with parse={parse!r}, which XInclude does not define",
                path,
                line,
                'use parse="xml" or parse="text"',
                "parse",
            )
        # the bytes are counted before they are read: a budget that runs out stops at once
        self.budget.spend(target.stat().st_size, 0, href, path, line)
        data = target.read_bytes()
        self.result.included.append(target)
        if parse == "text":
            return [decode_text(data, inc.get("encoding"), href, path, line)]
        try:
            sub = parse_xml_bytes(data, target)
        except TeieditError as exc:
            bad = exc.diagnostic
            raise Refused(
                f"{bad.message} (included from {path.name}, line {line})",
                target,
                bad.line,
                bad.suggestion,
                "not-xml",
            ) from None
        refuse_entities(sub, target, path, line)
        self.budget.spend(0, sum(1 for _ in sub.getroot().iter()), href, path, line)
        self.resolve_below(sub.getroot(), target, [*stack, target])
        pointer = pointer_of(inc, href, path, line)
        return [select(sub.getroot(), pointer, href, path, line) if pointer else sub.getroot()]
