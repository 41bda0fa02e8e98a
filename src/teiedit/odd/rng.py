"""ODD -> RELAX NG (XML syntax). Deterministic: the same ODD always gives the same bytes."""

from __future__ import annotations

import copy

from lxml import etree

from teiedit.document import TEI_NS, XML_NS, local_name
from teiedit.odd.datatypes import XSD_DT, resolve
from teiedit.odd.external import external_name
from teiedit.odd.model import AttDef, OddSchema, Spec

RNG_NS = "http://relaxng.org/ns/structure/1.0"
A_NS = "http://relaxng.org/ns/compatibility/annotations/1.0"
EXAMPLES_NS = "http://www.tei-c.org/ns/Examples"


def R(tag: str, **attrs: str) -> etree._Element:
    el = etree.Element(f"{{{RNG_NS}}}{tag}")
    for k, v in attrs.items():
        el.set(k.rstrip("_"), v)
    return el


def _occurs(pattern: etree._Element, node: etree._Element) -> etree._Element:
    lo = node.get("minOccurs", "1")
    hi = node.get("maxOccurs", "1")
    if lo == "1" and hi == "1":
        return pattern
    lo_n = int(lo)
    if hi == "unbounded":
        if lo_n == 0:
            wrap = R("zeroOrMore")
            wrap.append(pattern)
            return wrap
        group = R("group")
        for _ in range(lo_n - 1):
            group.append(_copy(pattern))
        more = R("oneOrMore")
        more.append(pattern)
        group.append(more)
        return group if lo_n > 1 else more
    hi_n = int(hi)
    group = R("group")
    for _ in range(lo_n):
        group.append(_copy(pattern))
    for _ in range(hi_n - lo_n):
        opt = R("optional")
        opt.append(_copy(pattern))
        group.append(opt)
    if len(group) == 1:
        return group[0]
    if len(group) == 0:
        return R("empty")
    return group


def _copy(el: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(el))


class RngCompiler:
    def __init__(self, odd: OddSchema) -> None:
        self.odd = odd
        self.wildcards: list[etree._Element] = []  # one define per anyElement, as TEI names them

    def any_element(self) -> str:
        """Define a wildcard for one anyElement: any element outside the excluded namespaces.

        Each gets its own name (``anyElement_N``): an ODD may also declare the TEI element
        ``anyElement``, and one shared definition would clash with it.
        """
        name = f"anyElement_{len(self.wildcards) + 1}"
        ss = self.odd.schema_spec
        default = f"{self.odd.ns} teix:egXML"
        excluded = (ss.get("defaultExceptions") if ss is not None else None) or default
        any_name = R("anyName")
        except_ = R("except")
        scope = ss.nsmap if ss is not None else {}
        for token in dict.fromkeys(excluded.split()):
            prefix, _, local = token.partition(":")
            if token.startswith("{"):  # {namespace}name: a QName the source resolver read
                named = R("name", ns=token[1:].partition("}")[0])
                named.text = token.partition("}")[2]
                except_.append(named)
            elif token == "teix:egXML" or (local and not local.startswith("/") and prefix in scope):
                # a QName: one element (TEI's examples, whatever prefix the ODD binds them to)
                named = R("name", ns=scope.get(prefix) or EXAMPLES_NS)
                named.text = local
                except_.append(named)
            else:
                except_.append(R("nsName", ns=token))
        any_name.append(except_)
        el = R("element")
        el.append(any_name)
        atts = R("zeroOrMore")
        atts.append(R("attribute"))
        atts[0].append(R("anyName"))
        inner = R("zeroOrMore")
        ch = R("choice")
        ch.append(R("text"))
        ch.append(R("ref", name=name))
        inner.append(ch)
        el.extend([atts, inner])
        define = R("define", name=name)
        define.append(el)
        self.wildcards.append(define)
        return name

    # -- content models ------------------------------------------------------------------------------
    def content(self, node: etree._Element) -> etree._Element:
        """Translate one pure-ODD content node (sequence, alternate, elementRef, ...) to RNG."""
        ns = etree.QName(node).namespace
        name = local_name(node)
        if ns == RNG_NS:
            return _copy(node)
        if name in ("sequence", "alternate"):
            wrap = R("group" if name == "sequence" else "choice")
            for child in node:
                if isinstance(child.tag, str):
                    wrap.append(self.content(child))
            if len(wrap) == 0:
                wrap = R("empty")
            return _occurs(wrap, node)
        if name in ("elementRef", "macroRef") and node.get("key", "") not in (
            self.odd.elements if name == "elementRef" else self.odd.macros
        ):
            outside = external_name(node.get("key", ""), self.odd.externals)
            return _occurs(R("ref", name=outside) if outside else R("notAllowed"), node)
        if name == "elementRef":
            return _occurs(R("ref", name=node.get("key", "")), node)
        if name == "classRef":
            key = node.get("key", "")
            if key not in self.odd.classes:
                return _occurs(R("notAllowed"), node)
            expand = node.get("expand", "alternation")
            return _occurs(
                R("ref", name=key) if expand == "alternation" else self.expanded(key, expand), node
            )
        if name == "macroRef":
            return _occurs(R("ref", name=node.get("key", "")), node)
        if name == "textNode":
            return R("text")
        if name == "empty":
            return R("empty")
        if name == "anyElement":
            return _occurs(R("ref", name=self.any_element()), node)
        if name == "dataRef":
            return self.data(node)
        if name == "valList":
            return self.vallist(node, in_content=True)
        if name == "content":
            group = R("group")
            for child in node:
                if isinstance(child.tag, str):
                    group.append(self.content(child))
            if len(group) == 0:
                return R("empty")
            return group[0] if len(group) == 1 else group
        raise ValueError(f"unsupported content node <{name}>")

    def expanded(self, key: str, how: str) -> etree._Element:
        """classRef expand="sequence|sequenceOptional|sequenceOptionalRepeatable|sequenceRepeatable":
        the class's members one after the other, each once, optional, any number or at least once."""
        wrap = {
            "sequenceOptional": "optional",
            "sequenceOptionalRepeatable": "zeroOrMore",
            "sequenceRepeatable": "oneOrMore",
        }.get(how)
        group = R("group")
        for m in self.odd.members(key):
            if m.kind == "element":
                item = R("ref", name=m.ident)
            elif m.class_type == "model":
                item = self.expanded(m.ident, how)
            else:
                continue
            if wrap is not None:
                outer = R(wrap)
                outer.append(item)
                item = outer
            group.append(item)
        if len(group) == 0:
            return R("empty") if how.startswith("sequenceOptional") else R("notAllowed")
        return group[0] if len(group) == 1 else group

    def data(self, node: etree._Element) -> etree._Element:
        key = node.get("key")
        if key and key in self.odd.datas and not node.get("restriction"):
            return R("ref", name=key)  # the source's own dataSpec
        if key:
            types = resolve(key)
        else:
            nm = node.get("name", "string")
            types = [(nm, "")]
        restriction = node.get("restriction", "")
        facets = [
            (f.get("name", ""), f.get("value", "")) for f in node.findall(f"{{{TEI_NS}}}dataFacet")
        ]
        pats = []
        for t, pattern in types:
            d = R("data", type=t, datatypeLibrary=XSD_DT)
            pat = restriction or pattern
            params = [("pattern", pat)] if pat else []
            for name, value in [*params, *facets]:
                p = R("param", name=name)
                p.text = value
                d.append(p)
            pats.append(d)
        if len(pats) == 1:
            return pats[0]
        ch = R("choice")
        ch.extend(pats)
        return ch

    def vallist(self, node: etree._Element, *, in_content: bool = False) -> etree._Element:
        """Closed lists (and, in a dataSpec's content, any list: TEI reads it so) as a choice of values."""
        values = [v.get("ident", "") for v in node.findall(f"{{{TEI_NS}}}valItem")]
        closed = node.get("type", "open") == "closed" or in_content
        if not closed or not values:
            return R("data", type="token", datatypeLibrary=XSD_DT)
        ch = R("choice")
        for v in values:
            val = R("value")
            val.text = v
            ch.append(val)
        return ch

    # -- attributes ----------------------------------------------------------------------------------
    def attribute(self, att: AttDef) -> etree._Element:
        ident = att.ident
        if ident.startswith("xml:"):
            a = R("attribute", name=ident[4:], ns=XML_NS)
        else:
            a = R("attribute", name=ident, ns="")
        vallists = att.spec.findall(f"{{{TEI_NS}}}valList")
        datatype = att.spec.findall(f"{{{TEI_NS}}}datatype")
        if vallists and vallists[0].get("type") == "closed":
            value = self.vallist(vallists[0])
        elif datatype:
            dt = datatype[0]
            inner = [c for c in dt if isinstance(c.tag, str)]
            value = self.content(inner[0]) if inner else R("text")
            if dt.get("maxOccurs", "1") != "1":  # a list of values, as many as the datatype says
                lst = R("list")
                lst.append(_occurs(value, dt))
                value = lst
            elif dt.get("minOccurs", "1") == "0":  # the value may be empty
                opt = R("optional")
                opt.append(value)
                value = opt
        else:
            value = R("text")
        a.append(value)
        if att.usage == "req":
            return a
        opt = R("optional")
        opt.append(a)
        return opt

    def attributes_of(self, spec: Spec) -> list[etree._Element]:
        out: list[etree._Element] = []
        for key in spec.member_of:
            cls = self.odd.classes.get(key)
            if cls is not None and cls.class_type == "atts":
                out.append(R("ref", name=f"{key}.attributes"))
        out.extend(self.attribute(a) for a in spec.atts)
        for ref in spec.el.findall(f"{{{TEI_NS}}}attList/{{{TEI_NS}}}attRef"):
            # attributes an external module defines as a pattern (ITS's on att.global)
            name = ref.get("name", "")
            if name and not ref.get("class"):
                out.append(R("ref", name=external_name(name, self.odd.externals) or name))
        return out

    # -- the grammar ---------------------------------------------------------------------------------
    def grammar(self) -> etree._Element:
        g = etree.Element(
            f"{{{RNG_NS}}}grammar",
            nsmap={None: RNG_NS, "a": A_NS, "xlink": "http://www.w3.org/1999/xlink"},
        )
        g.set("ns", self.odd.ns)
        g.set("datatypeLibrary", XSD_DT)
        start = R("start")
        choice = R("choice")
        for s in self.odd.start:
            choice.append(R("ref", name=s))
        start.append(choice if len(choice) > 1 else choice[0])
        g.append(start)
        for ident in sorted(self.odd.macros):
            spec = self.odd.macros[ident]
            d = R("define", name=ident)
            d.append(self.content(spec.content) if spec.content is not None else R("empty"))
            g.append(d)
        for ident in sorted(self.odd.datas):
            spec = self.odd.datas[ident]
            d = R("define", name=ident)
            d.append(self.content(spec.content) if spec.content is not None else R("text"))
            g.append(d)
        for ident in sorted(self.odd.classes):
            spec = self.odd.classes[ident]
            if spec.class_type == "atts":
                d = R("define", name=f"{ident}.attributes")
                parts = self.attributes_of(spec)
                if parts:
                    d.extend(parts)
                else:
                    d.append(R("empty"))
            else:
                d = R("define", name=ident)
                members = [
                    m
                    for m in self.odd.members(ident)
                    if m.kind == "element" or m.class_type == "model"
                ]
                if members:
                    ch = R("choice")
                    for m in members:
                        ch.append(R("ref", name=m.ident))
                    d.append(ch if len(ch) > 1 else ch[0])
                else:
                    d.append(R("notAllowed"))
            g.append(d)
        for ident in sorted(self.odd.elements):
            spec = self.odd.elements[ident]
            d = R("define", name=ident)
            el = R("element", name=ident)
            if spec.ns != self.odd.ns:
                el.set("ns", spec.ns)
            el.append(self.content(spec.content) if spec.content is not None else R("empty"))
            atts = self.attributes_of(spec)
            if len(atts) > 1:
                # One group for the attributes: validators that walk a pattern recursively (Jing) then
                # reach the content, and the elements within it, at depth 2 instead of after every
                # attribute; with tei_all's elements each carrying dozens, the stack overflowed.
                group = R("group")
                group.extend(atts)
                atts = [group]
            el.extend(atts)
            d.append(el)
            g.append(d)
        g.extend(self.wildcards)
        # As the TEI's own processor does: each external grammar, then the RELAX NG that wires it in.
        for module in self.odd.externals:
            g.append(etree.Comment(f" {module.url} "))
            g.append(copy.deepcopy(module.div))
            g.extend(copy.deepcopy(c) for c in module.content)
        return g


def odd_to_rng(odd: OddSchema) -> bytes:
    """Compile the ODD to a RELAX NG grammar, serialised deterministically."""
    g = RngCompiler(odd).grammar()
    etree.indent(g, space="  ")
    return bytes(etree.tostring(g, xml_declaration=True, encoding="UTF-8")) + b"\n"
