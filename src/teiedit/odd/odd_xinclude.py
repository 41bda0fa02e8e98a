"""XInclude inside an ODD's schemaSpec (tei_allPlus takes the moduleRefs of tei_svg and tei_math so).

Only a file beside the ODD or below its folder, named by a relative ``href``, is read (nothing fetched);
``xpointer`` may be an id, ``element(id)``, or ``xmlns(p=uri)`` parts followed by ``xpointer(XPath)`` (or
``xpath1(XPath)``), which TEI's exemplars use; ``xi:fallback`` stands in for a file that is not there when it
holds elements (TEI's fallbacks hold an error message, which is reported instead).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from urllib.parse import urlparse

from lxml import etree

from teiedit.diagnostics import TeieditError
from teiedit.io import safe_parser

XI = "{http://www.w3.org/2001/XInclude}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
PART = re.compile(r"\s*(\w+)\(((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)")


def _parts(pointer: str) -> list[tuple[str, str]]:
    """The scheme parts of an XPointer, in order; a bare name is an id."""
    if re.fullmatch(r"[\w.-]+", pointer):
        return [("id", pointer)]
    parts = []
    pos = 0
    while pos < len(pointer.rstrip()):
        m = PART.match(pointer, pos)
        if m is None:
            raise ValueError(pointer[pos:])
        parts.append((m.group(1), m.group(2)))
        pos = m.end()
    return parts


def _pointed(tree: etree._ElementTree, pointer: str) -> list[etree._Element]:
    """The elements the XPointer selects: the first part that selects any, as XPointer says."""
    namespaces: dict[str, str] = {}
    for scheme, body in _parts(pointer):
        if scheme == "xmlns" and "=" in body:
            prefix, uri = body.split("=", 1)
            namespaces[prefix.strip()] = uri.strip()
            continue
        if scheme in ("xpointer", "xpath1"):
            found = tree.xpath(body, namespaces=namespaces)
        elif scheme in ("id", "element") and re.fullmatch(r"[\w.-]+", body):
            found = tree.xpath("//*[@xml:id=$id]", id=body)
        else:
            continue  # a scheme this resolver does not know selects nothing, as XPointer says
        hits = (
            [h for h in found if isinstance(h, etree._Element)] if isinstance(found, list) else []
        )
        if hits:
            return hits
    return []


def expand_xincludes(schema_spec: etree._Element, odd_path: Path) -> None:
    """Replace each xi:include child of the schemaSpec by the elements it points to, in place."""
    folder = odd_path.resolve().parent
    for inc in [c for c in schema_spec if c.tag == XI + "include"]:
        href = inc.get("href", "")
        line = inc.sourceline or 0
        target = (folder / href).resolve()
        if urlparse(href).scheme or Path(href).is_absolute() or not target.is_relative_to(folder):
            raise TeieditError(
                f"xi:include href={href!r}: only a file in the ODD's folder is included (nothing fetched)",
                odd_path,
                line=line,
                hint="copy the included file beside the ODD and give its relative path",
            )
        if not target.is_file():
            fallback = inc.find(XI + "fallback")
            kept = [c for c in fallback if isinstance(c.tag, str)] if fallback is not None else []
            if not kept:
                raise TeieditError(
                    f"xi:include href={href!r}: no such file beside the ODD", odd_path, line=line
                )
            nodes = [copy.deepcopy(c) for c in kept]
        else:
            tree = etree.parse(str(target), safe_parser())
            try:
                nodes = (
                    [copy.deepcopy(n) for n in _pointed(tree, inc.get("xpointer", ""))]
                    if (inc.get("xpointer"))
                    else [copy.deepcopy(tree.getroot())]
                )
            except (ValueError, etree.XPathError) as exc:
                raise TeieditError(
                    f"xi:include xpointer={inc.get('xpointer')!r}: cannot read it ({exc})",
                    odd_path,
                    line=line,
                    hint="use xmlns(p=uri)xpointer(XPath), element(id) or an id",
                ) from None
            if not nodes:
                raise TeieditError(
                    f"xi:include href={href!r} xpointer={inc.get('xpointer')!r} selects nothing",
                    odd_path,
                    line=line,
                )
        for node in nodes:
            node.tail = None
            # as XInclude says: the included elements name the file they come from, so that a relative
            # moduleRef/@url is read against its folder and an error names that file with the line
            node.set(XML_BASE, href)
        at = schema_spec.index(inc)
        schema_spec.remove(inc)
        for i, node in enumerate(nodes):
            schema_spec.insert(at + i, node)
