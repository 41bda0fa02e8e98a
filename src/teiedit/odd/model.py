"""Read a pure ODD (schemaSpec with elementSpec, classSpec, macroSpec) into plain Python objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit.diagnostics import TeieditError
from teiedit.document import TEI_NS, xpath
from teiedit.io import read_xml
from teiedit.odd.external import ExternalModule


@dataclass
class AttDef:
    ident: str
    usage: str  # req | opt | rec
    spec: etree._Element  # the attDef element (datatype, valList, desc)


@dataclass
class Spec:
    kind: str  # element | class | macro
    ident: str
    el: etree._Element
    class_type: str = ""  # for classes: model | atts
    member_of: list[str] = field(default_factory=list)
    atts: list[AttDef] = field(default_factory=list)
    content: etree._Element | None = None
    ns: str = TEI_NS


@dataclass
class OddSchema:
    ident: str
    start: list[str]
    ns: str
    elements: dict[str, Spec]
    classes: dict[str, Spec]
    macros: dict[str, Spec]
    source: Path | None = None
    datas: dict[str, Spec] = field(default_factory=dict)
    schema_spec: etree._Element | None = None
    externals: list[ExternalModule] = field(default_factory=list)  # moduleRef/@url, resolved

    def members(self, class_ident: str) -> list[Spec]:
        """Elements and classes that are members of a class, elements first, in ODD order."""
        els = [s for s in self.elements.values() if class_ident in s.member_of]
        cls = [s for s in self.classes.values() if class_ident in s.member_of]
        return els + cls

    def att_classes_of(self, spec: Spec) -> list[Spec]:
        """The attribute classes a spec belongs to, directly or through other attribute classes."""
        seen: list[Spec] = []
        todo = list(spec.member_of)
        while todo:
            key = todo.pop(0)
            cls = self.classes.get(key)
            if cls is None or cls.class_type != "atts" or cls in seen:
                continue
            seen.append(cls)
            todo.extend(cls.member_of)
        return seen


def _atts(spec_el: etree._Element) -> list[AttDef]:
    return [
        AttDef(ident=a.get("ident", ""), usage=a.get("usage", "opt"), spec=a)
        for a in spec_el.findall(f"{{{TEI_NS}}}attList//{{{TEI_NS}}}attDef")
        if a.get("mode", "add") != "delete"
    ]


def load_odd(path: Path) -> OddSchema:
    """Load a pure ODD file; specs are taken as written (no external TEI source needed)."""
    tree = read_xml(path)
    specs = xpath(tree, "//tei:schemaSpec")
    if not specs:
        raise TeieditError(
            "no <schemaSpec> in this ODD", path, hint="an ODD declares its schema in <schemaSpec>"
        )
    return odd_from_schema_spec(specs[0], Path(path))


def odd_from_schema_spec(ss: etree._Element, path: Path | None = None) -> OddSchema:
    """The specs of one schemaSpec (written as pure ODD, or resolved against a TEI source)."""
    elements: dict[str, Spec] = {}
    classes: dict[str, Spec] = {}
    macros: dict[str, Spec] = {}
    datas: dict[str, Spec] = {}
    for el in xpath(ss, ".//tei:elementSpec"):
        content = el.findall(f"{{{TEI_NS}}}content")
        elements[el.get("ident", "")] = Spec(
            kind="element",
            ident=el.get("ident", ""),
            el=el,
            member_of=[
                m.get("key", "") for m in el.findall(f"{{{TEI_NS}}}classes/{{{TEI_NS}}}memberOf")
            ],
            atts=_atts(el),
            content=content[0] if content else None,
            ns=el.get("ns", ss.get("ns", TEI_NS)),
        )
    for el in xpath(ss, ".//tei:classSpec"):
        classes[el.get("ident", "")] = Spec(
            kind="class",
            ident=el.get("ident", ""),
            el=el,
            class_type=el.get("type", "model"),
            member_of=[
                m.get("key", "") for m in el.findall(f"{{{TEI_NS}}}classes/{{{TEI_NS}}}memberOf")
            ],
            atts=_atts(el),
        )
    for el in xpath(ss, ".//tei:macroSpec"):
        content = el.findall(f"{{{TEI_NS}}}content")
        macros[el.get("ident", "")] = Spec(
            kind="macro", ident=el.get("ident", ""), el=el, content=content[0] if content else None
        )
    for el in xpath(ss, ".//tei:dataSpec"):
        content = el.findall(f"{{{TEI_NS}}}content")
        datas[el.get("ident", "")] = Spec(
            kind="data", ident=el.get("ident", ""), el=el, content=content[0] if content else None
        )
    return OddSchema(
        ident=ss.get("ident", "schema"),
        start=(ss.get("start") or "TEI").split(),
        ns=ss.get("ns", TEI_NS),
        elements=elements,
        classes=classes,
        macros=macros,
        source=path,
        schema_spec=ss,
        datas=datas,
    )
