"""ODD constraintSpecs -> one ISO Schematron schema (queryBinding xslt3).

Each constraintSpec becomes one pattern (its id is the spec's ident, so messages can name the rule).
Inside an elementSpec, bare ``sch:assert``/``sch:report`` get a rule whose context is that element;
top-level ``sch:let`` become schema-level variables, ``sch:ns`` namespace declarations.
"""

from __future__ import annotations

import copy

from lxml import etree

from teiedit.document import TEI_NS, xpath
from teiedit.odd.model import OddSchema

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XS_NS = "http://www.w3.org/2001/XMLSchema"
MAP_NS = "http://www.w3.org/2005/xpath-functions/map"


def S(tag: str, **attrs: str) -> etree._Element:
    el = etree.Element(f"{{{SCH_NS}}}{tag}")
    for k, v in attrs.items():
        el.set(k, v)
    return el


def _sch_children(node: etree._Element) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str) and etree.QName(c).namespace == SCH_NS]


def _clean(el: etree._Element) -> etree._Element:
    """A copy without the ODD's namespace declarations leaking into the Schematron."""
    out = copy.deepcopy(el)
    etree.cleanup_namespaces(out)
    return out


def constraint_specs(odd: OddSchema) -> list[tuple[str, str, etree._Element]]:
    """(ident, context element ident or "", constraintSpec) for every Schematron constraintSpec, in ODD order."""
    assert odd.schema_spec is not None
    out = []
    for spec in xpath(odd.schema_spec, ".//tei:constraintSpec"):
        if spec.get("scheme", "schematron") not in ("schematron", "isoschematron"):
            continue
        if spec.get("mode") == "delete":
            continue
        parent = spec.getparent()
        context = ""
        if parent is not None and etree.QName(parent).localname in ("elementSpec", "attDef"):
            owner = (
                parent
                if etree.QName(parent).localname == "elementSpec"
                else parent.xpath("ancestor::tei:elementSpec[1]", namespaces={"tei": TEI_NS})[0]
            )
            context = owner.get("ident", "")
        out.append((spec.get("ident", ""), context, spec))
    return out


def odd_to_schematron_tree(odd: OddSchema) -> etree._Element:
    schema = etree.Element(
        f"{{{SCH_NS}}}schema",
        nsmap={"sch": SCH_NS, "tei": TEI_NS, "xs": XS_NS, "map": MAP_NS},
    )
    schema.set("queryBinding", "xslt3")
    title = S("title")
    title.text = f"Rules of the {odd.ident} customisation that a grammar cannot express"
    schema.append(title)
    schema.append(S("ns", prefix="tei", uri=TEI_NS))
    schema.append(S("ns", prefix="xs", uri=XS_NS))
    schema.append(S("ns", prefix="map", uri=MAP_NS))
    lets: list[etree._Element] = []
    patterns: list[etree._Element] = []
    for ident, context, spec in constraint_specs(odd):
        for constraint in xpath(spec, "tei:constraint"):
            pattern = S("pattern", id=ident)
            loose: list[etree._Element] = []
            for child in _sch_children(constraint):
                name = etree.QName(child).localname
                if name == "let" and not context:
                    lets.append(_clean(child))
                elif name == "ns":
                    if not any(
                        n.get("prefix") == child.get("prefix")
                        for n in schema.iter(f"{{{SCH_NS}}}ns")
                    ):
                        schema.insert(len(schema) - 0, _clean(child))
                elif name == "pattern":
                    patterns.append(_clean(child))
                elif name == "rule":
                    pattern.append(_clean(child))
                else:  # assert, report, let inside an elementSpec
                    loose.append(_clean(child))
            if loose:
                prefix = (
                    "tei:"
                    if odd.elements.get(context) is None or odd.elements[context].ns == TEI_NS
                    else ""
                )
                rule = S("rule", context=f"{prefix}{context}")
                rule.extend(loose)
                pattern.append(rule)
            if len(pattern):
                patterns.append(pattern)
    schema.extend(lets)
    schema.extend(patterns)
    return schema


def odd_to_schematron(odd: OddSchema) -> bytes:
    """The ISO Schematron schema of the ODD's constraints, serialised deterministically."""
    tree = odd_to_schematron_tree(odd)
    etree.indent(tree, space="  ")
    return bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8")) + b"\n"
