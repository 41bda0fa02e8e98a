"""What a compiled RELAX NG grammar allows, per element name: children, attributes, values.

Validation messages need it to say "allowed: ..." and to suggest the nearest name; it is read from the
RNG itself (ours, tei_all, or any other), so it is right for whichever grammar a document is checked
against. Elements defined several times (in different contexts) get the union of their definitions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree

from teiedit.document import local_name
from teiedit.io import read_xml

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_OPTIONAL = {"optional", "zeroOrMore", "choice"}


@dataclass
class AttInfo:
    required: bool = False
    values: list[str] = field(default_factory=list)  # enumerated values (closed list) if any
    datatypes: list[str] = field(default_factory=list)  # xsd type names
    free: bool = False  # any value (text or an open token list) is allowed


@dataclass
class ElementInfo:
    children: set[str] = field(default_factory=set)
    attributes: dict[str, AttInfo] = field(default_factory=dict)
    text: bool = False


def _rng_children(el: etree._Element) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str) and etree.QName(c).namespace == RNG_NS]


class Grammar:
    """Element name -> ElementInfo for one RELAX NG grammar (XML syntax, as teiedit and TEI write it)."""

    def __init__(self, root: etree._Element) -> None:
        self.defines: dict[str, list[etree._Element]] = {}
        for d in root.iter(f"{{{RNG_NS}}}define"):
            self.defines.setdefault(d.get("name", ""), []).append(d)
        self._nodes: dict[str, list[etree._Element]] = {}
        for el in root.iter(f"{{{RNG_NS}}}element"):
            name = self._name(el)
            if name:
                self._nodes.setdefault(name, []).append(el)
        self._info: dict[str, ElementInfo] = {}

    @property
    def names(self) -> list[str]:
        """Every element name the grammar declares, sorted."""
        return sorted(self._nodes)

    @staticmethod
    def _name(el: etree._Element) -> str:
        if el.get("name"):
            return str(el.get("name", "")).split(":")[-1]
        for c in _rng_children(el):
            if local_name(c) == "name":
                return (c.text or "").strip()
            break
        return ""

    def _walk(
        self,
        node: etree._Element,
        info: ElementInfo,
        *,
        required: bool,
        seen: set[str],
        top: bool = False,
    ) -> None:
        for child in _rng_children(node):
            kind = local_name(child)
            if kind == "element":
                if not top or child is not node:
                    name = self._name(child)
                    info.children.add(name or "*")
            elif kind == "attribute":
                self._attribute(child, info, required)
            elif kind == "text" or kind == "mixed":
                info.text = True
                if kind == "mixed":
                    self._walk(child, info, required=False, seen=seen)
            elif kind == "ref":
                name = child.get("name", "")
                if name in seen:
                    continue
                seen.add(name)
                for d in self.defines.get(name, []):
                    self._walk(d, info, required=required, seen=seen)
            elif kind in (
                "name",
                "anyName",
                "nsName",
                "data",
                "value",
                "empty",
                "notAllowed",
                "param",
            ):
                if kind in ("data", "value"):
                    info.text = True
            else:  # group, interleave, choice, optional, zeroOrMore, oneOrMore, list
                self._walk(child, info, required=required and kind not in _OPTIONAL, seen=seen)

    def _attribute(self, att: etree._Element, info: ElementInfo, required: bool) -> None:
        name = att.get("name", "")
        if not name:
            kids = _rng_children(att)
            name = (kids[0].text or "").strip() if kids and local_name(kids[0]) == "name" else ""
            if kids and local_name(kids[0]) == "name" and kids[0].get("ns") == XML_NS:
                name = "xml:" + name
        elif att.get("ns") == XML_NS:
            name = "xml:" + name
        if not name:
            return
        a = info.attributes.setdefault(name, AttInfo())
        a.required = a.required or required
        self._values(att, a, set())

    def _values(self, node: etree._Element, a: AttInfo, seen: set[str]) -> None:
        kids = _rng_children(node)
        if not kids and local_name(node) == "attribute":
            a.free = True
        for c in kids:
            kind = local_name(c)
            if kind == "value":
                if (c.text or "") not in a.values:
                    a.values.append(c.text or "")
            elif kind == "data":
                t = c.get("type", "string")
                if t not in a.datatypes:
                    a.datatypes.append(t)
                if t in ("string", "token", "normalizedString") and not any(
                    local_name(p) == "param" for p in _rng_children(c)
                ):
                    a.free = True
            elif kind == "text":
                a.free = True
            elif kind == "ref":
                name = c.get("name", "")
                if name not in seen:
                    seen.add(name)
                    for d in self.defines.get(name, []):
                        self._values(d, a, seen)
            elif kind != "name":
                self._values(c, a, seen)

    def info(self, name: str) -> ElementInfo | None:
        """What <name> allows (computed on first use: only names that appear in messages cost time)."""
        if name not in self._nodes:
            return None
        if name not in self._info:
            info = ElementInfo()
            for el in self._nodes[name]:
                self._walk(el, info, required=True, seen=set(), top=True)
            self._info[name] = info
        return self._info[name]


@lru_cache(maxsize=8)
def load_grammar(path: Path) -> Grammar:
    """Read once per process; large grammars (tei_all) take a moment."""
    return Grammar(read_xml(path).getroot())
