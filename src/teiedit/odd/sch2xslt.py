"""ISO Schematron (queryBinding xslt2/xslt3) -> an XSLT 3 stylesheet that writes SVRL.

lxml's Schematron support is XSLT 1 only, and the usual "skeleton" stylesheets are not ours to ship, so
teiedit compiles Schematron itself. Supported: ``ns``, schema-level ``let`` (compiled to stylesheet
parameters, so a caller may supply their values), ``pattern``/``rule``/``assert``/``report`` with
``let``, and messages with ``value-of`` and ``name``. Abstract patterns, ``extends`` and phases are not.

Semantics kept from ISO Schematron: every pattern walks the whole document; within a pattern, a node is
checked by the first rule whose context matches it (document order of the rules). Each failed assertion
carries the location of its node as an XPath that lxml can evaluate (``/tei:TEI[1]/tei:text[1]/@when``),
so that the caller can find the line in its own parse.
"""

from __future__ import annotations

from lxml import etree

from teiedit.odd.schematron import SCH_NS

XSL_NS = "http://www.w3.org/1999/XSL/Transform"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
LOCAL_NS = "urn:teiedit:schematron"
XS_NS = "http://www.w3.org/2001/XMLSchema"

_PATH_FUNCTIONS = f"""
<xsl:stylesheet version="3.0" xmlns:xsl="{XSL_NS}" xmlns:xs="{XS_NS}" xmlns:local="{LOCAL_NS}">
  <xsl:function name="local:step" as="xs:string">
    <xsl:param name="a" as="element()"/>
    <xsl:variable name="same" select="$a/preceding-sibling::*[local-name() = local-name($a) and namespace-uri() = namespace-uri($a)]"/>
    <xsl:sequence select="(if (namespace-uri($a) = 'http://www.tei-c.org/ns/1.0') then 'tei:' || local-name($a)
                           else '*[local-name()=''' || local-name($a) || ''']') || '[' || (count($same) + 1) || ']'"/>
  </xsl:function>
  <xsl:function name="local:path" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="string-join(for $a in $n/ancestor-or-self::* return '/' || local:step($a), '')
                          || (if ($n instance of attribute()) then '/@' || name($n) else '')"/>
  </xsl:function>
</xsl:stylesheet>
"""


def X(tag: str, **attrs: str) -> etree._Element:
    el = etree.Element(f"{{{XSL_NS}}}{tag}")
    for k, v in attrs.items():
        el.set(k, v)
    return el


def _sch(node: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str) and c.tag == f"{{{SCH_NS}}}{name}"]


def _message(source: etree._Element, target: etree._Element) -> None:
    """Copy an assertion's mixed-content message into XSLT instructions that produce its text."""
    if source.text:
        X_text = X("text")
        X_text.text = source.text
        target.append(X_text)
    for child in source:
        if not isinstance(child.tag, str):
            pass
        elif child.tag == f"{{{SCH_NS}}}value-of":
            target.append(X("value-of", select=child.get("select", ".")))
        elif child.tag == f"{{{SCH_NS}}}name":
            target.append(X("value-of", select=f"name({child.get('path', '.')})"))
        else:  # emph, dir, span, foreign elements: keep their text
            _message(child, target)
        if child.tail:
            t = X("text")
            t.text = child.tail
            target.append(t)


def _avt(value: str) -> str:
    """A literal attribute value as an attribute value template: braces are text, never XPath."""
    return value.replace("{", "{{").replace("}", "}}")


def _variable(let: etree._Element, tag: str = "variable") -> etree._Element:
    v = X(tag, name=let.get("name", ""))
    if let.get("value") is not None:
        v.set("select", let.get("value", ""))
    else:
        v.extend(_literal_content(let))
    return v


def _literal_content(node: etree._Element) -> list[etree._Element]:
    """A let's element content as constructors that make exactly that content, as data.

    Copied as it stands, the content would be XSLT: elements in the XSLT namespace run as instructions,
    ``{…}`` in attributes are evaluated, ``xsl:`` attributes change how elements are made. Here every
    element, attribute and text becomes an ``xsl:element``/``xsl:attribute``/``xsl:text`` with
    literal names and values. Comments and processing instructions are left out.
    """
    out: list[etree._Element] = []

    def text(value: str | None) -> None:
        if value:
            t = X("text")
            t.text = value
            out.append(t)

    text(node.text)
    for child in node:
        if isinstance(child.tag, str):
            qname = etree.QName(child)
            made = X("element", name=_avt(qname.localname), namespace=_avt(qname.namespace or ""))
            for name, value in child.attrib.items():
                aq = etree.QName(name)
                att = X("attribute", name=_avt(aq.localname), namespace=_avt(aq.namespace or ""))
                value_text = X("text")
                value_text.text = value
                att.append(value_text)
                made.append(att)
            made.extend(_literal_content(child))
            out.append(made)
        text(child.tail)
    return out


def _check(kind: str, node: etree._Element, pattern_id: str) -> etree._Element:
    test = node.get("test", "true()")
    xsl_if = X("if", test=f"not({test})" if kind == "assert" else test)
    out = etree.SubElement(
        xsl_if, f"{{{SVRL_NS}}}{'failed-assert' if kind == 'assert' else 'successful-report'}"
    )
    out.set("test", _avt(test))  # a literal result element's attributes are templates
    attrs = {"id": node.get("id", ""), "role": node.get("role", ""), "pattern": pattern_id}
    for name, value in attrs.items():
        if value:
            out.set(name, _avt(value))
    loc = etree.SubElement(out, f"{{{XSL_NS}}}attribute", name="location")
    loc.set("select", "local:path(.)")
    text = etree.SubElement(out, f"{{{SVRL_NS}}}text")
    _message(node, text)
    return xsl_if


def schematron_to_xslt(schema: etree._Element | etree._ElementTree) -> bytes:
    """Compile a Schematron schema (tree) to the text of an XSLT 3 stylesheet producing SVRL."""
    root = schema.getroot() if isinstance(schema, etree._ElementTree) else schema
    nsmap: dict[str | None, str] = {"xsl": XSL_NS, "svrl": SVRL_NS, "local": LOCAL_NS, "xs": XS_NS}
    for ns in _sch(root, "ns"):
        nsmap[ns.get("prefix")] = ns.get("uri", "")
    sheet = etree.Element(f"{{{XSL_NS}}}stylesheet", nsmap=nsmap)
    sheet.set("version", "3.0")
    sheet.set("exclude-result-prefixes", "#all")
    for fn in etree.fromstring(_PATH_FUNCTIONS):
        sheet.append(fn)
    for let in _sch(root, "let"):
        sheet.append(_variable(let, "param"))

    patterns = _sch(root, "pattern")
    main = etree.SubElement(sheet, f"{{{XSL_NS}}}template", match="/")
    report = etree.SubElement(main, f"{{{SVRL_NS}}}schematron-output")
    for i, pattern in enumerate(patterns):
        mode = f"p{i}"
        active = etree.SubElement(report, f"{{{SVRL_NS}}}active-pattern")
        if pattern.get("id"):
            active.set("id", _avt(pattern.get("id", "")))
        report.append(X("apply-templates", select=".", mode=mode))
        sheet.append(X("mode", name=mode, **{"on-no-match": "shallow-skip"}))
        for let in _sch(pattern, "let"):
            sheet.append(_variable(let))
        rules = _sch(pattern, "rule")
        for j, rule in enumerate(rules):
            template = X(
                "template", match=rule.get("context", "/"), mode=mode, priority=str(len(rules) - j)
            )
            for child in rule:
                if not isinstance(child.tag, str):
                    continue
                name = etree.QName(child).localname
                if name == "let":
                    template.append(_variable(child))
                elif name in ("assert", "report"):
                    template.append(_check(name, child, pattern.get("id", "")))
            template.append(X("apply-templates", select="@* | node()", mode="#current"))
            sheet.append(template)
    etree.indent(sheet, space="  ")
    return bytes(etree.tostring(sheet, xml_declaration=True, encoding="UTF-8")) + b"\n"
