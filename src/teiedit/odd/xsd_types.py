"""ODD datatypes (attDef datatype and valList, dataSpec, dataRef) as XML Schema simple types.

A ``dataRef key`` to a dataSpec the ODD declares becomes one named simpleType, compiled from the
dataSpec's content; keys the ODD does not declare fall back to TEI's definitions in
:mod:`teiedit.odd.datatypes`. Patterns are kept to what every XML Schema processor knows: libxml2 has
no ``\\p{Cs}`` and xmlschema takes seconds over the unassigned code points of ``\\p{C}``.
"""

from __future__ import annotations

from lxml import etree

from teiedit.document import local_name, xpath
from teiedit.odd.datatypes import resolve
from teiedit.odd.model import AttDef, OddSchema

XS = "http://www.w3.org/2001/XMLSchema"
XML_NS = "http://www.w3.org/XML/1998/namespace"
#: XSD facets a dataFacet may name (XML Schema 1.0 Part 2, 4.3).
FACETS = frozenset(
    "length minLength maxLength pattern enumeration whiteSpace maxInclusive maxExclusive "
    "minExclusive minInclusive totalDigits fractionDigits".split()
)


def X(tag: str, parent: etree._Element | None = None, **attrs: str) -> etree._Element:
    """An element in the XML Schema namespace (appended to ``parent`` when given)."""
    el = (
        etree.Element(f"{{{XS}}}{tag}")
        if parent is None
        else etree.SubElement(parent, f"{{{XS}}}{tag}")
    )
    for k, v in attrs.items():
        el.set(k, v)
    return el


def portable_pattern(pattern: str) -> str:
    r"""A regular expression every XSD processor compiles: ``\p{C}`` without Cn and Cs.

    Unassigned (Cn) and surrogate (Cs) code points never occur in an XML document's characters, so
    leaving them out changes no verdict.
    """
    return pattern.replace(r"\p{C}", r"\p{Cc}\p{Cf}\p{Co}")


def _union(members: list[etree._Element | str]) -> etree._Element | str:
    if len(members) == 1:
        return members[0]
    union = X("simpleType")
    u = X("union", union)
    names = [m for m in members if isinstance(m, str)]
    if names:
        u.set("memberTypes", " ".join(names))
    for m in members:
        if not isinstance(m, str):
            u.append(m)
    return union


def _enumeration(values: list[str]) -> etree._Element:
    st = X("simpleType")
    r = X("restriction", st, base="xs:token")
    for v in values:
        X("enumeration", r, value=v)
    return st


class SimpleTypes:
    """Simple types of one ODD; named types (one per dataSpec) collect in ``named``."""

    def __init__(self, odd: OddSchema) -> None:
        self.odd = odd
        self.named: dict[str, etree._Element] = {}
        self._building: set[str] = set()

    def for_attribute(self, att: AttDef) -> etree._Element | str:
        """An anonymous simpleType for an attribute, or the name of a (built-in or named) type."""
        vallists = xpath(att.spec, "tei:valList")
        if vallists and vallists[0].get("type") == "closed":
            return _enumeration([v.get("ident", "") for v in xpath(vallists[0], "tei:valItem")])
        datatype = xpath(att.spec, "tei:datatype")
        if not datatype:
            return "xs:string"
        dt = datatype[0]
        refs = [c for c in dt if isinstance(c.tag, str)]
        item = self.content(refs[0]) if refs else "xs:string"
        if dt.get("maxOccurs", "1") == "1":
            return item
        st = X("simpleType")
        if isinstance(item, str):
            X("list", st, itemType=item)
        else:
            X("list", st).append(item)
        wrap = X("simpleType")
        r = X("restriction", wrap)
        r.append(st)
        X("minLength", r, value="1")
        return wrap

    def content(self, node: etree._Element) -> etree._Element | str:
        """One node of a datatype or dataSpec content: dataRef, alternate, valList, textNode."""
        name = local_name(node)
        if name == "dataRef":
            return self.data_ref(node)
        if name == "alternate":
            return _union([self.content(c) for c in node if isinstance(c.tag, str)])
        if name == "valList":
            return _enumeration([v.get("ident", "") for v in xpath(node, "tei:valItem")])
        if name == "content":
            kids = [c for c in node if isinstance(c.tag, str)]
            return self.content(kids[0]) if len(kids) == 1 else "xs:string"
        return "xs:string"  # textNode, anything an attribute value cannot be more precise about

    def data_ref(self, node: etree._Element) -> etree._Element | str:
        key = node.get("key", "")
        restriction = node.get("restriction", "")
        if key and not restriction:
            return self._named(key)
        # a restricted TEI datatype, or an XSD type by name (TEI's table for keys the ODD lacks)
        types = resolve(key) if key else [(node.get("name", "string"), "")]
        facets = [(f.get("name", ""), f.get("value", "")) for f in xpath(node, "tei:dataFacet")]
        return self._restricted(types, restriction, facets)

    @staticmethod
    def _restricted(
        types: list[tuple[str, str]], restriction: str, facets: list[tuple[str, str]]
    ) -> etree._Element | str:
        members: list[etree._Element | str] = []
        for t, pattern in types:
            pattern = portable_pattern(restriction or pattern)
            own = [("pattern", pattern)] if pattern else []
            own += [(n, v) for n, v in facets if n in FACETS]
            if own:
                st = X("simpleType")
                r = X("restriction", st, base=f"xs:{t}")
                for facet, value in own:
                    X(facet, r, value=value)
                members.append(st)
            else:
                members.append(f"xs:{t}")
        return _union(members)

    def _named(self, key: str) -> str:
        """The name of the simpleType for datatype ``key``, compiled once (its patterns too)."""
        if key not in self.named and key not in self._building:
            self._building.add(key)
            spec = self.odd.datas.get(key)
            if spec is None:  # not declared in the ODD: TEI's definition
                built = self._restricted(resolve(key), "", [])
            else:
                built = self.content(spec.content) if spec.content is not None else "xs:string"
            self._building.discard(key)
            if isinstance(built, str):
                wrap = X("simpleType")
                X("restriction", wrap, base=built)
                built = wrap
            built.set("name", key)
            self.named[key] = built
        return f"tei:{key}"
