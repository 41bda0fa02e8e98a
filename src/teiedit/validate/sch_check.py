"""A static check of a Schematron from elsewhere: its XPath may not reach files, the network or the host.

Schematron is code: its XPath runs in Saxon. Every Schematron runs in the sandboxed processor
(:func:`teiedit.xslt.transform_sandboxed`), which refuses any access to files and URLs; a Schematron that
comes with a foreign file is also read before it is compiled, so that it is refused with a reason the
editor can act on instead of failing half-way:

- functions that read resources or the host (``doc``, ``unparsed-text``, ``collection``, ``json-doc``,
  ``environment-variable``, ``system-property``, ``transform``, ``parse-xml``…), called or referenced
  (``doc#1``), and ``function-lookup``, which could name any of them at run time;
- functions in any namespace but XPath's own (``fn``, ``math``, ``map``, ``array``, ``xs``): extension
  functions (``saxon:``, ``java:``, EXPath ``file:``…).

Every attribute that the compiler (:mod:`teiedit.odd.sch2xslt`) turns into XPath is read: ``context``,
``test``, ``select``, ``path`` and ``value``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from teiedit.odd.schematron import SCH_NS

FN_NS = "http://www.w3.org/2005/xpath-functions"
#: Namespaces whose functions a Schematron may call.
ALLOWED_NAMESPACES = frozenset(
    {
        FN_NS,
        f"{FN_NS}/math",
        f"{FN_NS}/map",
        f"{FN_NS}/array",
        "http://www.w3.org/2001/XMLSchema",
    }
)
#: XPath and XSLT functions that reach outside the document.
FORBIDDEN = frozenset(
    {
        "doc",
        "doc-available",
        "document",
        "unparsed-text",
        "unparsed-text-lines",
        "unparsed-text-available",
        "collection",
        "uri-collection",
        "json-doc",
        "environment-variable",
        "available-environment-variables",
        "system-property",
        "transform",
        "load-xquery-module",
        "parse-xml",
        "parse-xml-fragment",
        "function-lookup",
        "unparsed-entity-uri",
        "unparsed-entity-public-id",
    }
)
#: Names followed by "(" that are kinds, not function calls.
_KIND_TESTS = frozenset(
    {
        "element",
        "attribute",
        "node",
        "text",
        "comment",
        "processing-instruction",
        "document-node",
        "schema-element",
        "schema-attribute",
        "namespace-node",
        "item",
        "empty-sequence",
        "function",
        "map",
        "array",
        "if",
        "switch",
        "typeswitch",
    }
)
XPATH_ATTRIBUTES = ("context", "test", "select", "path", "value")

_LITERAL = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\(:.*?:\)", re.S)
_CALL = re.compile(
    r"(?<![\w.$:}-])(?:Q\{(?P<uri>[^}]*)\}|(?P<prefix>[A-Za-z_][\w.-]*):)?"
    r"(?P<name>[A-Za-z_][\w.-]*)\s*(?P<how>\(|#\s*\d)"
)


@dataclass(frozen=True)
class Refusal:
    """Why a Schematron may not run: the call, where it is, and the rule."""

    message: str
    line: int
    rule: str


def check_schematron(schema: etree._Element | etree._ElementTree) -> list[Refusal]:
    """Every call in the schema's XPath that reaches outside the document (empty: it may run)."""
    root = schema.getroot() if isinstance(schema, etree._ElementTree) else schema
    namespaces = {
        ns.get("prefix", ""): ns.get("uri", "") for ns in root.iter(f"{{{SCH_NS}}}ns")
    } | {
        "fn": FN_NS,
        "math": f"{FN_NS}/math",
        "map": f"{FN_NS}/map",
        "array": f"{FN_NS}/array",
        "xs": "http://www.w3.org/2001/XMLSchema",
    }
    refusals: list[Refusal] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or etree.QName(el).namespace != SCH_NS:
            continue
        for attr in XPATH_ATTRIBUTES:
            value = el.get(attr)
            if value:
                refusals.extend(_refusals(value, namespaces, el.sourceline or 0))
    return refusals


def _refusals(xpath: str, namespaces: dict[str, str], line: int) -> list[Refusal]:
    code = _LITERAL.sub(" '' ", xpath)
    found: list[Refusal] = []
    for m in _CALL.finditer(code):
        name, prefix, uri = m.group("name"), m.group("prefix"), m.group("uri")
        call = f"{m.group(0).rstrip('(').strip()}()" if m.group("how") == "(" else m.group(0)
        if uri is None and prefix is None:
            if name in _KIND_TESTS:
                continue
            uri = FN_NS
        elif uri is None:
            uri = namespaces.get(str(prefix))
            if uri is None:
                found.append(
                    Refusal(f"calls {call} with the undeclared prefix {prefix}:", line, "namespace")
                )
                continue
        if uri not in ALLOWED_NAMESPACES:
            found.append(
                Refusal(
                    f"calls {call}, an extension function (namespace {uri}), which may do anything",
                    line,
                    "extension-function",
                )
            )
        elif name in FORBIDDEN:
            found.append(
                Refusal(
                    f"calls {call}, which reads outside the document (files, the network or the "
                    "host)",
                    line,
                    "outside-access",
                )
            )
    return found
