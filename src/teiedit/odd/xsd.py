"""ODD -> W3C XML Schema 1.0 (loadable by libxml2 and xmlschema), deterministic.

RELAX NG content models may be ambiguous; XML Schema requires "unique particle attribution". Each
element's model is translated exactly when it is deterministic (checked here with a Glushkov
construction); otherwise it is widened to "any of its possible children, in any order", which is marked
in the schema with an annotation. So the XSD accepts everything the RNG accepts and, where it had to
widen, may accept orders the RNG rejects. Any global element may be a document root in XML Schema.
"""

from __future__ import annotations

from lxml import etree

from teiedit.document import TEI_NS
from teiedit.odd.model import AttDef, OddSchema, Spec
from teiedit.odd.particles import (
    UNBOUNDED,
    Particle,
    ParticleBuilder,
    deterministic,
    has_text,
    names_in,
    simplify,
)
from teiedit.odd.xsd_types import XML_NS, XS, SimpleTypes, X

#: the file name of the XML namespace's schema, written beside every compiled XSD
XML_XSD = "xml.xsd"


# -- writing ---------------------------------------------------------------------------------------------
def _occurs(el: etree._Element, p: Particle) -> None:
    if p.lo != 1:
        el.set("minOccurs", str(p.lo))
    if p.hi != 1:
        el.set("maxOccurs", "unbounded" if p.hi == UNBOUNDED else str(p.hi))


def _particle(p: Particle, parent: etree._Element) -> None:
    if p.kind == "elem":
        _occurs(X("element", parent, ref=f"tei:{p.name}"), p)
    elif p.kind == "any":
        _occurs(X("any", parent, namespace="##any", processContents="lax"), p)
    elif p.kind in ("seq", "choice"):
        group = X("sequence" if p.kind == "seq" else "choice", parent)
        _occurs(group, p)
        for i in p.items:
            _particle(i, group)


class XsdCompiler:
    def __init__(self, odd: OddSchema) -> None:
        self.odd = odd
        self.builder = ParticleBuilder(odd)
        self.types = SimpleTypes(odd)

    def attribute(self, att: AttDef, parent: etree._Element) -> None:
        if att.ident in ("xml:id", "xml:lang", "xml:space", "xml:base"):
            a = X("attribute", parent, ref=att.ident)
        else:
            a = X("attribute", parent, name=att.ident)
            st = self.types.for_attribute(att)
            if isinstance(st, str):
                a.set("type", st)
            else:
                a.append(st)
        if att.usage == "req":
            a.set("use", "required")

    def attributes_of(self, spec: Spec) -> list[AttDef]:
        out: dict[str, AttDef] = {}
        for cls in reversed(self.odd.att_classes_of(spec)):
            for a in cls.atts:
                out[a.ident] = a
        for a in spec.atts:
            out[a.ident] = a
        return [out[k] for k in sorted(out)]

    def element(self, spec: Spec) -> etree._Element:
        el = X("element", name=spec.ident)
        ct = X("complexType", el)
        if spec.content is None:
            p = Particle("empty")
            text = False
        else:
            raw = self.builder.build(spec.content)
            text = has_text(raw)
            p = simplify(raw)
        if text:
            ct.set("mixed", "true")
        if p.kind not in ("empty", "text"):
            if not deterministic(p):
                note = X("annotation", ct)
                doc = X("documentation", note)
                doc.text = (
                    "widened: the RELAX NG content model is not deterministic in XML Schema terms"
                )
                p = Particle(
                    "choice",
                    items=[Particle("elem", name=n) for n in names_in(p)],
                    lo=0,
                    hi=UNBOUNDED,
                )
            wrapper = p if p.kind in ("seq", "choice") else Particle("seq", items=[p])
            _particle(wrapper, ct)
        own = {a.ident for a in spec.atts}
        classes = self.odd.att_classes_of(spec)
        inherited = {a.ident for c in classes for a in c.atts}
        if own & inherited:  # an element redefines a class attribute: spell its attributes out
            for a in self.attributes_of(spec):
                self.attribute(a, ct)
            return el
        for a in sorted(spec.atts, key=lambda a: a.ident):
            self.attribute(a, ct)
        for cls in sorted(classes, key=lambda c: c.ident):
            X("attributeGroup", ct, ref=f"tei:{cls.ident}")
        return el

    def attribute_group(self, cls: Spec) -> etree._Element:
        """An attribute class as an attributeGroup (its own attributes only: classes are listed flat)."""
        group = X("attributeGroup", name=cls.ident)
        for a in sorted(cls.atts, key=lambda a: a.ident):
            self.attribute(a, group)
        return group

    def schema(self) -> etree._Element:
        s = etree.Element(f"{{{XS}}}schema", nsmap={"xs": XS, "tei": self.odd.ns, "xml": XML_NS})
        s.set("targetNamespace", self.odd.ns)
        s.set("elementFormDefault", "qualified")
        note = X("annotation", s)
        doc = X("documentation", note)
        doc.text = (
            f"XML Schema of the {self.odd.ident} customisation, compiled by teiedit from the ODD. "
            f"Document elements: {', '.join(self.odd.start)}."
        )
        X("import", s, namespace=XML_NS, schemaLocation=XML_XSD)
        for ident in sorted(self.odd.elements):
            spec = self.odd.elements[ident]
            if spec.ns == self.odd.ns:
                s.append(self.element(spec))
        for ident in sorted(self.odd.classes):
            if self.odd.classes[ident].class_type == "atts":
                s.append(self.attribute_group(self.odd.classes[ident]))
        for key in sorted(self.types.named):
            s.append(self.types.named[key])
        return s


def xml_namespace_xsd() -> bytes:
    """The XML namespace's attributes (xml:lang, xml:space, xml:base, xml:id) as a schema of their own.

    The XSD imports it by a relative schemaLocation: libxml2 needs one, and nothing is fetched.
    """
    s = etree.Element(f"{{{XS}}}schema", nsmap={"xs": XS})
    s.set("targetNamespace", XML_NS)
    doc = X("documentation", X("annotation", s))
    doc.text = (
        "The attributes of the XML namespace (XML 1.0, xml:id 1.0, XML Base), written by teiedit so "
        "that its XML Schemas import them from a local file."
    )
    lang = X("simpleType", X("attribute", s, name="lang"))
    union = X("union", lang, memberTypes="xs:language")
    X("enumeration", X("restriction", X("simpleType", union), base="xs:string"), value="")
    space = X("restriction", X("simpleType", X("attribute", s, name="space")), base="xs:NCName")
    for value in ("default", "preserve"):
        X("enumeration", space, value=value)
    X("attribute", s, name="base", type="xs:anyURI")
    X("attribute", s, name="id", type="xs:ID")
    etree.indent(s, space="  ")
    return bytes(etree.tostring(s, xml_declaration=True, encoding="UTF-8")) + b"\n"


def odd_to_xsd(odd: OddSchema) -> bytes:
    """Compile the ODD to an XML Schema document, serialised deterministically."""
    s = XsdCompiler(odd).schema()
    etree.indent(s, space="  ")
    return bytes(etree.tostring(s, xml_declaration=True, encoding="UTF-8")) + b"\n"


__all__ = [
    "TEI_NS",
    "UNBOUNDED",
    "XML_XSD",
    "Particle",
    "deterministic",
    "odd_to_xsd",
    "xml_namespace_xsd",
]
