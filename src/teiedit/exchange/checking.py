"""Validation of imported TEI: which schema, and problems said in an editor's words.

A thin adapter over :mod:`teiedit.validate` (whose API it only calls): it picks the schema a document
declares in an ``xml-model`` processing instruction when that schema is a local file, else tei_all when
the user supplied it, else teiedit's own schema; it never fetches a declared remote schema. RELAX NG
messages from libxml2 ("Did not expect element org there") are rephrased for editors, and repeats of
the same message are folded into one line with a count.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiedit.diagnostics import Diagnostic, Level, TeieditError

RNG_NS = "http://relaxng.org/ns/structure/1.0"


@dataclass(frozen=True)
class SchemaChoice:
    """The RELAX NG grammar a document is checked against, and why that one."""

    rng: Path
    label: str
    reason: str


def declared_schemas(tree: etree._ElementTree) -> list[tuple[str, str]]:
    """``(href, schematypens)`` of the document's xml-model processing instructions, in order."""
    out: list[tuple[str, str]] = []
    node = tree.getroot().getprevious()
    pis = []
    while node is not None:
        pis.append(node)
        node = node.getprevious()
    for pi in reversed(pis):
        if isinstance(pi, etree._ProcessingInstruction) and pi.target == "xml-model":
            attrs = dict(re.findall(r'(\w+)\s*=\s*["\']([^"\']*)["\']', pi.text or ""))
            if attrs.get("href"):
                out.append((attrs["href"], attrs.get("schematypens", "")))
    return out


def _is_rng(href: str, ns: str) -> bool:
    return ns == RNG_NS or (not ns and href.lower().endswith(".rng"))


def choose_schema(tree: etree._ElementTree, path: Path, *, tei_all: Path | None,
                  own_rng: Path) -> SchemaChoice:
    """Declared local RNG > tei_all (if supplied) > teiedit's schema. Never looks at the network."""
    notes: list[str] = []
    for href, ns in declared_schemas(tree):
        if not _is_rng(href, ns):
            continue
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href):
            notes.append(f"declares the schema {href}, which is not local (teiedit never downloads)")
            continue
        local = (Path(path).parent / href).resolve()
        if local.is_file():
            return SchemaChoice(local, local.name, f"the schema the file declares ({href})")
        notes.append(f"declares the schema {href}, which is not there")
    if tei_all is not None:
        reason = "tei_all (given with --tei-all)"
        label = "tei_all"
    else:
        tei_all, label = own_rng, "teiedit"
        reason = "teiedit's own schema (no local declared schema; pass --tei-all PATH to use tei_all)"
    xsd = tree.getroot().get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation")
    if xsd:
        notes.append(f"declares an XML Schema ({' '.join(xsd.split()[1::2]) or xsd}), which teiedit does not use")
    if notes:
        reason = "; ".join(notes) + "; checked against " + reason
    return SchemaChoice(Path(tei_all), label, reason)


_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Did not expect element (\S+) there$"),
     "<{0}> is not allowed at this place{ctx}"),
    (re.compile(r"^Element (\S+) has extra content: (\S+)$"),
     "<{0}> contains something the schema does not allow there (first: {1})"),
    (re.compile(r"^Invalid attribute (\S+) for element (\S+)$"),
     "<{1}> may not carry the attribute @{0}"),
    (re.compile(r"^Expecting element (\S+), got (\S+)$"),
     "<{0}> was expected here, but <{1}> was found{ctx}"),
    (re.compile(r"^Expecting an element (\S+), got nothing$"),
     "a required <{0}> is missing{ctx}"),
    (re.compile(r"^Element (\S+) failed to validate attributes$"),
     "an attribute of <{0}> has a value the schema does not accept"),
    (re.compile(r"^Element (\S+) failed to validate content$"),
     "the content of <{0}> does not follow the schema"),
    (re.compile(r"^Expecting element (\S+)$"),
     "<{0}> is required here{ctx}"),
    (re.compile(r"^Element (\S+): (.*)$"),
     "<{0}>: {1}"),
]


def editor_message(message: str, context: str = "") -> str:
    """A libxml2 RELAX NG message rephrased for an editor; unknown messages are kept as they are."""
    message = " ".join(message.split())
    ctx = f" (inside <{context}>)" if context else ""
    for pattern, template in _RULES:
        m = pattern.match(message)
        if m:
            return template.format(*m.groups(), ctx=ctx)
    return message


def check(tree: etree._ElementTree, shown_path: str, choice: SchemaChoice) -> list[Diagnostic]:
    """Validate with :func:`teiedit.validate.validate_tree`; editor-language, repeats folded."""
    from teiedit.validate import Schemas, validate_tree

    try:
        raw = validate_tree(tree, shown_path, Schemas(rng=choice.rng))
    except TeieditError as exc:
        return [exc.diagnostic]
    folded: OrderedDict[str, tuple[Diagnostic, int]] = OrderedDict()
    for d in raw:
        context = _parent_name(tree, d.xpath)
        text = editor_message(d.message, context)
        if text in folded:
            first, n = folded[text]
            folded[text] = (first, n + 1)
        else:
            folded[text] = (Diagnostic(message=text, path=d.path, line=d.line, level=Level.ERROR,
                                       origin=f"rng ({choice.label})", rule="import-schema"), 1)
    out: list[Diagnostic] = []
    for first, n in folded.values():
        if n > 1:
            first = Diagnostic(message=f"{first.message} ({n} times; first here)", path=first.path,
                               line=first.line, level=first.level, origin=first.origin, rule=first.rule)
        out.append(first)
    return out


def _parent_name(tree: etree._ElementTree, xpath: str) -> str:
    if not xpath:
        return ""
    try:
        found = tree.xpath(xpath)
    except etree.XPathError:
        return ""
    if found and isinstance(found[0], etree._Element):
        parent = found[0].getparent()
        if parent is not None and isinstance(parent.tag, str):
            return etree.QName(parent).localname
    return ""
