"""ODD -> an HTML reference of the customisation: every element with its content model, attributes,
value lists, the Schematron rules that apply to it and an example. One self-contained, deterministic page.
"""

from __future__ import annotations

import copy
import re

from lxml import etree
from lxml.html import builder as H

from teiedit.document import TEI_NS, local_name, xpath
from teiedit.odd.model import AttDef, OddSchema, Spec
from teiedit.odd.schematron import SCH_NS, constraint_specs

EG_NS = "http://www.tei-c.org/ns/Examples"

CSS = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h2{border-top:1px solid #ccc;padding-top:1rem}code,pre{font-family:ui-monospace,monospace}
pre{background:#f6f6f6;padding:.6rem;overflow-x:auto}table{border-collapse:collapse}
td,th{border:1px solid #ddd;padding:.2rem .5rem;vertical-align:top;text-align:left}
.model{background:#f6f9ff;padding:.4rem}nav a{margin-right:.4rem}
"""


def _desc(spec_el: etree._Element) -> str:
    d = xpath(spec_el, "tei:desc")
    return " ".join("".join(d[0].itertext()).split()) if d else ""


def _links(
    names: list[str], prefix: str | None = None, odd: OddSchema | None = None
) -> list[etree._Element | str]:
    """Links to sections, separated by spaces."""
    out: list[etree._Element | str] = []
    for n in names:
        kind = prefix or ("el" if odd is not None and n in odd.elements else "class")
        out.extend([H.A(n, href=f"#{kind}-{n}"), " "])
    return out


def _occ(node: etree._Element) -> str:
    lo, hi = str(node.get("minOccurs", "1")), str(node.get("maxOccurs", "1"))
    if (lo, hi) == ("1", "1"):
        return ""
    if (lo, hi) == ("0", "1"):
        return "?"
    if (lo, hi) == ("0", "unbounded"):
        return "*"
    if (lo, hi) == ("1", "unbounded"):
        return "+"
    return "{" + lo + "," + ("" if hi == "unbounded" else hi) + "}"


class Reference:
    def __init__(self, odd: OddSchema) -> None:
        self.odd = odd
        self.constraints = constraint_specs(odd)

    # -- content models as text with links ---------------------------------------------------------
    def model(self, node: etree._Element, out: list[etree._Element | str]) -> None:
        name = local_name(node)
        if name == "content":
            kids = [c for c in node if isinstance(c.tag, str)]
            for i, k in enumerate(kids):
                if i:
                    out.append(", ")
                self.model(k, out)
            if not kids:
                out.append("empty")
            return
        occ = _occ(node)
        if name in ("sequence", "alternate"):
            kids = [c for c in node if isinstance(c.tag, str)]
            out.append("(")
            for i, k in enumerate(kids):
                if i:
                    out.append(", " if name == "sequence" else " | ")
                self.model(k, out)
            out.append(")" + occ)
        elif name in ("elementRef", "classRef", "macroRef"):
            key = node.get("key", "")
            prefix = {"elementRef": "el", "classRef": "class", "macroRef": "macro"}[name]
            label = f"<{key}>" if name == "elementRef" else key
            out.append(H.A(label, href=f"#{prefix}-{key}"))
            if occ:
                out.append(occ)
        elif name == "textNode":
            out.append("text")
        elif name == "empty":
            out.append("empty")
        elif name == "anyElement":
            out.append("any element" + occ)
        elif name == "dataRef":
            out.append(node.get("key") or node.get("name") or "data")
        else:
            out.append(name)

    def model_html(self, content: etree._Element | None) -> etree._Element:
        parts: list[etree._Element | str] = []
        if content is None:
            parts.append("empty")
        else:
            self.model(content, parts)
        return H.DIV(H.CODE(*parts), H.CLASS("model"))

    # -- attributes ------------------------------------------------------------------------------------
    def all_atts(self, spec: Spec) -> list[tuple[AttDef, str]]:
        out: dict[str, tuple[AttDef, str]] = {}
        for cls in reversed(self.odd.att_classes_of(spec)):
            if cls.ident == "att.global" and spec.kind == "element":
                continue  # listed once, under the class, not on every element
            for a in cls.atts:
                out[a.ident] = (a, cls.ident)
        for a in spec.atts:
            out[a.ident] = (a, "")
        return [out[k] for k in sorted(out)]

    def att_row(self, att: AttDef, source: str) -> etree._Element:
        vallists = xpath(att.spec, "tei:valList")
        datatype = xpath(att.spec, "tei:datatype/tei:dataRef")
        dt = (datatype[0].get("key") or datatype[0].get("name", "")) if datatype else "text"
        if xpath(att.spec, "tei:datatype[@maxOccurs='unbounded']"):
            dt += " (one or more, space-separated)"
        values: list[etree._Element | str] = []
        if vallists:
            kind = vallists[0].get("type", "open")
            label = {"closed": "only", "semi": "suggested, others allowed", "open": "examples"}.get(
                kind, kind
            )
            items = [v.get("ident", "") for v in xpath(vallists[0], "tei:valItem")]
            values = [f"{label}: ", H.CODE(" | ".join(items))]
        return H.TR(
            H.TD(H.CODE("@" + att.ident)),
            H.TD("required" if att.usage == "req" else "optional"),
            H.TD(dt),
            H.TD(*values),
            H.TD(_desc(att.spec)),
            H.TD(H.A(source, href=f"#class-{source}") if source else "own"),
        )

    # -- examples ----------------------------------------------------------------------------------------
    def example(self, spec: Spec) -> str:
        eg = xpath(spec.el, "tei:exemplum")
        if eg:
            nodes = [c for c in eg[0].iter(f"{{{EG_NS}}}egXML")]
            if nodes:
                return "".join(self._eg(c) for c in nodes[0] if isinstance(c.tag, str))
        return self.minimal(spec.ident, depth=0)

    def _eg(self, node: etree._Element) -> str:
        el = copy.deepcopy(node)
        for e in el.iter():
            if isinstance(e.tag, str) and etree.QName(e).namespace == EG_NS:
                e.tag = etree.QName(e).localname
        etree.cleanup_namespaces(el)
        text = etree.tostring(el, encoding="unicode", with_tail=False)
        return re.sub(r' xmlns="[^"]*"', "", text)

    def minimal(self, ident: str, depth: int) -> str:
        """A small generated instance: required attributes and the first required child."""
        spec = self.odd.elements[ident]
        attrs = ""
        for att, _src in self.all_atts(spec):
            if att.usage == "req":
                vals = xpath(att.spec, "tei:valList/tei:valItem")
                attrs += f' {att.ident}="{vals[0].get("ident") if vals else "…"}"'
        if spec.content is None or xpath(spec.content, "tei:empty") or not len(spec.content):
            return f"<{ident}{attrs}/>"
        inner = "…"
        if (
            depth < 2
            and not xpath(spec.content, ".//tei:textNode")
            and not xpath(spec.content, ".//tei:macroRef")
        ):
            first = xpath(spec.content, ".//tei:elementRef[not(@minOccurs='0')]")
            if first and first[0].get("key") in self.odd.elements:
                inner = self.minimal(first[0].get("key", ""), depth + 1) + "…"
        return f"<{ident}{attrs}>{inner}</{ident}>"

    # -- constraints -------------------------------------------------------------------------------------
    def rules_for(self, ident: str) -> list[tuple[str, str]]:
        out = []
        for cid, context, spec in self.constraints:
            rules = spec.iter(f"{{{SCH_NS}}}rule")
            contexts = " ".join(r.get("context", "") for r in rules)
            if context == ident or re.search(rf"tei:{re.escape(ident)}\b", contexts):
                out.append((cid, _desc(spec)))
        return out

    def global_rules(self) -> list[tuple[str, str]]:
        return [(cid, _desc(spec)) for cid, context, spec in self.constraints if not context]

    # -- the page ----------------------------------------------------------------------------------------
    def element_section(self, spec: Spec) -> etree._Element:
        sec = H.DIV(H.H2(H.CODE(f"<{spec.ident}>"), id=f"el-{spec.ident}"))
        if _desc(spec.el):
            sec.append(H.P(_desc(spec.el)))
        sec.append(H.H3("Content"))
        sec.append(self.model_html(spec.content))
        classes = [m for m in spec.member_of if m in self.odd.classes]
        if classes:
            sec.append(H.P("Member of: ", *_links(classes, "class")))
        atts = self.all_atts(spec)
        sec.append(H.H3("Attributes"))
        if "att.global" in [c.ident for c in self.odd.att_classes_of(spec)]:
            sec.append(
                H.P(
                    "The ",
                    H.A("global attributes", href="#class-att.global"),
                    " (@xml:id, @xml:lang, @n, @rend, @resp, @cert ...), and:",
                )
            )
        if atts:
            sec.append(
                H.TABLE(
                    H.TR(
                        *(
                            H.TH(h)
                            for h in (
                                "attribute",
                                "use",
                                "datatype",
                                "values",
                                "description",
                                "from",
                            )
                        )
                    ),
                    *(self.att_row(a, s) for a, s in atts),
                )
            )
        else:
            sec.append(H.P("none"))
        rules = self.rules_for(spec.ident)
        if rules:
            sec.append(H.H3("Rules (Schematron)"))
            sec.append(
                H.UL(*(H.LI(H.A(cid, href=f"#rule-{cid}"), ": ", text) for cid, text in rules))
            )
        sec.append(H.H3("Example"))
        sec.append(H.PRE(self.example(spec)))
        return sec

    def page(self) -> etree._Element:
        odd = self.odd
        nav = H.P(*_links(sorted(odd.elements, key=str.lower), "el"))
        body = H.BODY(
            H.H1(f"The {odd.ident} customisation of TEI P5"),
            H.P(
                f"{len(odd.elements)} elements, {len(odd.classes)} classes, {len(odd.macros)} macros, "
                f"{len(self.constraints)} Schematron rules. Compiled from the ODD by teiedit; every document "
                "valid against it is valid against tei_all. Document elements: "
                + ", ".join(odd.start)
                + "."
            ),
            H.H2("Elements", id="elements"),
            H.E.NAV(nav),
        )
        body.append(H.H2("Rules that apply across elements", id="rules"))
        body.append(
            H.UL(
                *(
                    H.LI(H.CODE(cid), ": ", text, id=f"rule-{cid}")
                    for cid, text in self.global_rules()
                )
            )
        )
        for ident in sorted(odd.elements, key=str.lower):
            body.append(self.element_section(odd.elements[ident]))
        body.append(H.H2("Classes", id="classes"))
        for ident in sorted(odd.classes):
            cls = odd.classes[ident]
            members = [m.ident for m in odd.members(ident)]
            item = H.DIV(H.H3(H.CODE(ident), id=f"class-{ident}"))
            if _desc(cls.el):
                item.append(H.P(_desc(cls.el)))
            if cls.class_type == "atts" and cls.atts:
                item.append(
                    H.TABLE(
                        H.TR(
                            *(
                                H.TH(h)
                                for h in (
                                    "attribute",
                                    "use",
                                    "datatype",
                                    "values",
                                    "description",
                                    "from",
                                )
                            )
                        ),
                        *(self.att_row(a, ident) for a in cls.atts),
                    )
                )
            item.append(H.P("Members: ", *_links(members, None, odd)))
            body.append(item)
        body.append(H.H2("Macros", id="macros"))
        for ident in sorted(odd.macros):
            body.append(
                H.DIV(
                    H.H3(H.CODE(ident), id=f"macro-{ident}"),
                    H.P(_desc(odd.macros[ident].el)),
                    self.model_html(odd.macros[ident].content),
                )
            )
        for cid, context, spec in self.constraints:
            if context:
                body.append(H.P(H.CODE(cid), f" (on <{context}>): ", _desc(spec), id=f"rule-{cid}"))
        return H.HTML(
            H.HEAD(H.META(charset="utf-8"), H.TITLE(f"{odd.ident}: reference"), H.STYLE(CSS)), body
        )


def odd_to_html(odd: OddSchema) -> bytes:
    """The HTML reference page, serialised deterministically."""
    page = Reference(odd).page()
    return (
        b"<!DOCTYPE html>\n" + bytes(etree.tostring(page, method="html", encoding="utf-8")) + b"\n"
    )


__all__ = ["TEI_NS", "odd_to_html"]
