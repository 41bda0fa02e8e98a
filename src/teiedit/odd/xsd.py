"""ODD -> W3C XML Schema 1.0 (loadable by xmlschema), deterministic.

RELAX NG content models may be ambiguous; XML Schema requires "unique particle attribution". Each
element's model is translated exactly when it is deterministic (checked here with a Glushkov
construction); otherwise it is widened to "any of its possible children, in any order", which is marked
in the schema with an annotation. So the XSD accepts everything the RNG accepts and, where it had to
widen, may accept orders the RNG rejects. Any global element may be a document root in XML Schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from teiedit.document import TEI_NS, local_name, xpath
from teiedit.odd.datatypes import resolve
from teiedit.odd.model import AttDef, OddSchema, Spec

XS = "http://www.w3.org/2001/XMLSchema"
XML_NS = "http://www.w3.org/XML/1998/namespace"
UNBOUNDED = -1


@dataclass
class Particle:
    """A content-model node: kind is elem | seq | choice | text | empty | any."""

    kind: str
    name: str = ""
    items: list[Particle] = field(default_factory=list)
    lo: int = 1
    hi: int = 1  # UNBOUNDED for many


def _occ(node: etree._Element) -> tuple[int, int]:
    lo = int(node.get("minOccurs", "1"))
    hi_s = node.get("maxOccurs", "1")
    return lo, UNBOUNDED if hi_s == "unbounded" else int(hi_s)


class ParticleBuilder:
    def __init__(self, odd: OddSchema) -> None:
        self.odd = odd

    def class_members(self, key: str, seen: set[str] | None = None) -> list[str]:
        seen = seen if seen is not None else set()
        out: list[str] = []
        for m in self.odd.members(key):
            if m.kind == "element":
                if m.ident not in out:
                    out.append(m.ident)
            elif m.ident not in seen and m.class_type == "model":
                seen.add(m.ident)
                out.extend(x for x in self.class_members(m.ident, seen) if x not in out)
        return out

    def build(self, node: etree._Element) -> Particle:
        name = local_name(node)
        lo, hi = _occ(node)
        if name in ("content", "datatype"):
            kids = [self.build(c) for c in node if isinstance(c.tag, str)]
            return kids[0] if len(kids) == 1 else Particle("seq", items=kids)
        if name in ("sequence", "alternate"):
            kids = [self.build(c) for c in node if isinstance(c.tag, str)]
            return Particle("seq" if name == "sequence" else "choice", items=kids, lo=lo, hi=hi)
        if name == "elementRef":
            key = node.get("key", "")
            return (
                Particle("elem", name=key, lo=lo, hi=hi)
                if key in self.odd.elements
                else Particle("empty")
            )
        if name == "classRef":
            members = self.class_members(node.get("key", ""))
            if not members:
                return Particle("empty")
            return Particle(
                "choice", items=[Particle("elem", name=m) for m in members], lo=lo, hi=hi
            )
        if name == "macroRef":
            spec = self.odd.macros.get(node.get("key", ""))
            if spec is None or spec.content is None:
                return Particle("empty")
            inner = self.build(spec.content)
            return Particle("seq", items=[inner], lo=lo, hi=hi)
        if name == "textNode":
            return Particle("text")
        if name == "anyElement":
            return Particle("any", lo=lo, hi=hi)
        return Particle("empty")


def simplify(p: Particle) -> Particle:
    """Drop text and empties, flatten single-item groups and nested choices, de-duplicate choices."""
    if p.kind in ("seq", "choice"):
        items = [simplify(i) for i in p.items]
        items = [i for i in items if i.kind not in ("text", "empty")]
        flat: list[Particle] = []
        for i in items:
            if i.kind == p.kind and i.lo == 1 and i.hi == 1:
                flat.extend(i.items)
            elif (
                p.kind == "choice"
                and i.kind == "choice"
                and i.lo in (0, 1)
                and i.hi in (1, UNBOUNDED)
                and p.hi == UNBOUNDED
            ):
                flat.extend(i.items)  # (a|(b|c)*)* == (a|b|c)*
                if i.lo == 0:
                    p = Particle(p.kind, items=p.items, lo=0, hi=p.hi)
            else:
                flat.append(i)
        if p.kind == "choice":
            seen: list[Particle] = []
            for i in flat:
                if not any(_same(i, s) for s in seen):
                    seen.append(i)
            flat = seen
        if not flat:
            return Particle("empty")
        if len(flat) == 1 and (p.lo, p.hi) == (1, 1):
            return flat[0]
        if len(flat) == 1 and (flat[0].lo, flat[0].hi) == (1, 1):
            only = flat[0]
            return Particle(only.kind, name=only.name, items=only.items, lo=p.lo, hi=p.hi)
        return Particle(p.kind, items=flat, lo=p.lo, hi=p.hi)
    return p


def _same(a: Particle, b: Particle) -> bool:
    return (
        (a.kind, a.name, a.lo, a.hi) == (b.kind, b.name, b.lo, b.hi)
        and len(a.items) == len(b.items)
        and all(_same(x, y) for x, y in zip(a.items, b.items))
    )


def has_text(p: Particle) -> bool:
    return p.kind == "text" or any(has_text(i) for i in p.items)


def names_in(p: Particle) -> list[str]:
    out: list[str] = []
    if p.kind == "elem":
        out.append(p.name)
    for i in p.items:
        out.extend(n for n in names_in(i) if n not in out)
    return out


# -- determinism (Glushkov) ------------------------------------------------------------------------------
def deterministic(p: Particle) -> bool:
    """True if the model satisfies XML Schema's unique particle attribution (checked on positions)."""
    positions: list[str] = []
    follow: dict[int, set[int]] = {}

    def walk(q: Particle) -> tuple[bool, set[int], set[int]]:
        if q.kind == "elem" or q.kind == "any":
            i = len(positions)
            positions.append(q.name if q.kind == "elem" else "*")
            follow[i] = set()
            nullable, first, last = False, {i}, {i}
        elif q.kind == "seq":
            nullable, first, last = True, set(), set()
            for item in q.items:
                n2, f2, l2 = walk(item)
                for x in last:
                    follow[x] |= f2
                if nullable:
                    first = first | f2
                last = (last | l2) if n2 else l2
                nullable = nullable and n2
        elif q.kind == "choice":
            nullable, first, last = False, set(), set()
            for item in q.items:
                n2, f2, l2 = walk(item)
                nullable, first, last = nullable or n2, first | f2, last | l2
        else:
            return True, set(), set()
        if q.hi == UNBOUNDED or q.hi > 1:
            for x in last:
                follow[x] |= first
        if q.lo == 0:
            nullable = True
        return nullable, first, last

    _, first, _ = walk(p)

    def clash(ids: set[int]) -> bool:
        names = [positions[i] for i in ids]
        return len(names) != len(set(names)) or ("*" in names and len(names) > 1)

    return not clash(first) and not any(clash(f) for f in follow.values())


# -- writing ---------------------------------------------------------------------------------------------
def X(tag: str, parent: etree._Element | None = None, **attrs: str) -> etree._Element:
    el = (
        etree.Element(f"{{{XS}}}{tag}")
        if parent is None
        else etree.SubElement(parent, f"{{{XS}}}{tag}")
    )
    for k, v in attrs.items():
        el.set(k, v)
    return el


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
        self.types: dict[str, etree._Element] = {}

    def simple_type(self, att: AttDef) -> etree._Element | str:
        """An anonymous simpleType for an attribute, or the name of a built-in type."""
        vallists = xpath(att.spec, "tei:valList")
        if vallists and vallists[0].get("type") == "closed":
            st = X("simpleType")
            r = X("restriction", st, base="xs:token")
            for v in xpath(vallists[0], "tei:valItem"):
                X("enumeration", r, value=v.get("ident", ""))
            return st
        datatype = xpath(att.spec, "tei:datatype")
        if not datatype:
            return "xs:string"
        dt = datatype[0]
        refs = [c for c in dt if isinstance(c.tag, str)]
        item = self.data_type(refs[0]) if refs else "xs:string"
        if dt.get("maxOccurs", "1") == "1":
            return item
        st = X("simpleType")
        if isinstance(item, str):
            X("list", st, itemType=item)
        else:
            lst = X("list", st)
            lst.append(item)
        restr_wrap = X("simpleType")
        r = X("restriction", restr_wrap)
        r.append(st)
        X("minLength", r, value="1")
        return restr_wrap

    def data_type(self, node: etree._Element) -> etree._Element | str:
        key = node.get("key", "")
        if key and not node.get("restriction"):
            # one named type per TEI datatype: xmlschema compiles each pattern once, not per attribute
            if key not in self.types:
                plain = etree.Element(node.tag, key=key)
                built = self._data_type(plain)
                if isinstance(built, str):
                    return built
                built.set("name", key)
                self.types[key] = built
            return f"tei:{key}"
        return self._data_type(node)

    def _data_type(self, node: etree._Element) -> etree._Element | str:
        if node.get("key"):
            types = resolve(node.get("key", ""))
        else:
            types = [(node.get("name", "string"), node.get("restriction", ""))]
        members: list[etree._Element | str] = []
        for t, pattern in types:
            pattern = node.get("restriction", "") or pattern
            # \p{C} includes the unassigned code points (Cn), which make xmlschema's regex compiler take
            # seconds; a word never contains unassigned characters in practice, so XSD leaves Cn out.
            pattern = pattern.replace(r"\p{C}", r"\p{Cc}\p{Cf}\p{Co}\p{Cs}")
            if pattern:
                st = X("simpleType")
                r = X("restriction", st, base=f"xs:{t}")
                X("pattern", r, value=pattern)
                members.append(st)
            else:
                members.append(f"xs:{t}")
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

    def attribute(self, att: AttDef, parent: etree._Element) -> None:
        if att.ident in ("xml:id", "xml:lang", "xml:space", "xml:base"):
            a = X("attribute", parent, ref=att.ident)
        else:
            a = X("attribute", parent, name=att.ident)
            st = self.simple_type(att)
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
        X("import", s, namespace=XML_NS)
        for ident in sorted(self.odd.elements):
            spec = self.odd.elements[ident]
            if spec.ns == self.odd.ns:
                s.append(self.element(spec))
        for ident in sorted(self.odd.classes):
            if self.odd.classes[ident].class_type == "atts":
                s.append(self.attribute_group(self.odd.classes[ident]))
        for key in sorted(self.types):
            s.append(self.types[key])
        return s


def odd_to_xsd(odd: OddSchema) -> bytes:
    """Compile the ODD to an XML Schema document, serialised deterministically."""
    s = XsdCompiler(odd).schema()
    etree.indent(s, space="  ")
    return etree.tostring(s, xml_declaration=True, encoding="UTF-8") + b"\n"


__all__ = ["TEI_NS", "Particle", "deterministic", "odd_to_xsd"]
