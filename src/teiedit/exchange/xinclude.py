"""Safe XInclude: local files inside the importing folder tree only, a depth limit, no network.

lxml's own ``xinclude()`` goes through libxml2's resolvers; this module does the resolution itself so
that every rule is visible here: an ``href`` with a URI scheme (http:, file:, …) is refused, a target
outside ``root`` is refused, every included file is parsed with :func:`teiedit.io.safe_parser` (no DTDs,
no entity expansion), cycles and nesting deeper than ``max_depth`` are refused. ``xi:fallback`` applies
when a target is missing, as the XInclude recommendation says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from teiedit.diagnostics import TeieditError
from teiedit.document import replace_with
from teiedit.io import parse_xml_bytes

XI_NAMESPACES = ("http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude")
MAX_DEPTH = 8
MAX_INCLUDES = 500
MAX_BYTES = 64 * 1024 * 1024


@dataclass
class XIncludeResult:
    """What resolution did: the files included, and the includes that fell back."""

    included: list[Path] = field(default_factory=list)
    fallbacks: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.included or self.fallbacks)


def has_xincludes(root: etree._Element) -> bool:
    return any(True for _ in _includes(root))


def _includes(root: etree._Element) -> list[etree._Element]:
    return [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and etree.QName(el).namespace in XI_NAMESPACES
        and etree.QName(el).localname == "include"
    ]


class _Missing(Exception):
    """A target that does not exist: the one case where xi:fallback applies."""


def resolve_xincludes(
    tree: etree._ElementTree, path: Path, root: Path, *, max_depth: int = MAX_DEPTH
) -> XIncludeResult:
    """Replace every xi:include of ``tree`` (read from ``path``) in place; raise TeieditError on refusal."""
    result = XIncludeResult()
    _resolve(
        tree.getroot(),
        Path(path).resolve(),
        Path(root).resolve(),
        [Path(path).resolve()],
        max_depth,
        result,
    )
    return result


def _resolve(
    node: etree._Element,
    path: Path,
    root: Path,
    stack: list[Path],
    max_depth: int,
    result: XIncludeResult,
) -> None:
    for inc in _includes(node):
        if len(result.included) + len(result.fallbacks) >= MAX_INCLUDES:
            raise TeieditError(
                f"more than {MAX_INCLUDES} XIncludes",
                path,
                hint="split the set or resolve the includes beforehand",
            )
        line = inc.sourceline or 0
        try:
            replacement = _load(inc, path, root, stack, max_depth, result)
        except _Missing as missing:
            fallback = next(
                (
                    c
                    for c in inc
                    if isinstance(c.tag, str)
                    and etree.QName(c).localname == "fallback"
                    and etree.QName(c).namespace in XI_NAMESPACES
                ),
                None,
            )
            if fallback is None:
                raise TeieditError(
                    f"includes {inc.get('href')!r}, which is missing ({missing})",
                    path,
                    line=line,
                    hint="import the folder that holds the included files too, or add an xi:fallback",
                ) from None
            result.fallbacks.append(str(inc.get("href")))
            _resolve(fallback, path, root, stack, max_depth, result)
            replacement = [fallback.text or ""]
            for child in fallback:
                replacement += [child, child.tail or ""]
        _replace(inc, replacement)


def _load(
    inc: etree._Element,
    path: Path,
    root: Path,
    stack: list[Path],
    max_depth: int,
    result: XIncludeResult,
) -> list[object]:
    href = (inc.get("href") or "").strip()
    line = inc.sourceline or 0
    parse = inc.get("parse", "xml")
    if not href:
        raise TeieditError(
            "an xi:include without href (self-inclusion) is not supported",
            path,
            line=line,
            hint="give the included file in @href",
        )
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href) or href.startswith("//"):
        raise TeieditError(
            f"includes {href!r}, which is not a local file: teiedit never fetches anything",
            path,
            line=line,
            hint="download the file next to the document and give a relative href",
        )
    target = (path.parent / unquote(href.split("#")[0])).resolve()
    if root != target and root not in target.parents:
        raise TeieditError(
            f"includes {href!r}, which lies outside the folder being imported ({root})",
            path,
            line=line,
            hint="import a folder that contains both files (or pass --include-root)",
        )
    if len(stack) > max_depth:
        raise TeieditError(
            f"XIncludes nest deeper than {max_depth} levels",
            path,
            line=line,
            hint="flatten the include chain",
        )
    if target in stack:
        raise TeieditError(
            f"includes {href!r}, which includes this file again (a cycle)",
            path,
            line=line,
            hint="remove the circular xi:include",
        )
    if not target.is_file():
        raise _Missing("no such file")
    if target.stat().st_size > MAX_BYTES:
        raise TeieditError(
            f"includes {href!r}, which is larger than {MAX_BYTES // 2**20} MB",
            path,
            line=line,
            hint="split the included file",
        )
    data = target.read_bytes()
    result.included.append(target)
    if parse == "text":
        try:
            return [data.decode(inc.get("encoding") or "utf-8")]
        except (UnicodeDecodeError, LookupError):
            raise TeieditError(
                f"the text included from {href!r} is not in the declared encoding",
                path,
                line=line,
                hint="save it as UTF-8",
            ) from None
    if parse != "xml":
        raise TeieditError(
            f"xi:include with parse={parse!r} is not supported",
            path,
            line=line,
            hint='use parse="xml" or parse="text"',
        )
    sub = parse_xml_bytes(data, target)
    _resolve(sub.getroot(), target, root, [*stack, target], max_depth, result)
    pointer = inc.get("xpointer")
    if pointer:
        return [_select(sub.getroot(), pointer, path, line)]
    return [sub.getroot()]


def _select(root: etree._Element, pointer: str, path: Path, line: int) -> etree._Element:
    """Shorthand pointers (an id) and ``element(id)``; other schemes are refused."""
    m = re.fullmatch(r"\s*(?:element\(\s*)?([A-Za-z_][\w.-]*)\s*\)?\s*", pointer)
    if not m:
        raise TeieditError(
            f"the XPointer {pointer!r} is not supported (only ids)",
            path,
            line=line,
            hint='point to an element by its xml:id: xpointer="the-id"',
        )
    found = root.xpath("//*[@xml:id=$i or @id=$i]", i=m.group(1))
    if not found:
        raise TeieditError(
            f"the XPointer {pointer!r} finds no element",
            path,
            line=line,
            hint="check the id in the included file",
        )
    return found[0]  # type: ignore[no-any-return]


def _replace(inc: etree._Element, parts: list[object]) -> None:
    """Put ``parts`` (text and elements) where ``inc`` was, keeping inc's tail."""
    if inc.getparent() is None:
        raise TeieditError("the root element is an xi:include", hint="wrap it in a TEI document")
    replace_with(inc, parts)  # type: ignore[arg-type]
