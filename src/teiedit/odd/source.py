"""Resolve a TEI customisation against a TEI source (p5subset.xml) into a pure schemaSpec ("odd2odd").

Users with their own customisations reference TEI's modules instead of declaring everything; the user
supplies the source (teiedit never fetches one). Supported: ``moduleRef`` (``include``/``except``, and
``moduleRef/@url``, an external RELAX NG module found through XML catalogs: odd/external.py),
``elementRef``, ``classRef``, ``macroRef`` and ``dataRef`` at schema level; ``elementSpec``/``classSpec``/
``macroSpec``/``dataSpec`` with ``mode`` add, change, replace or delete; inside them ``classes`` (memberOf
add/delete, or replace), ``content`` (replaced), and ``attList`` with ``attDef`` add, change (merged
child by child), replace and delete, and ``valList`` add/replace.

The result is one schemaSpec where every element spells out all its attributes (attribute classes
are flattened into it, so a changed or deleted class attribute needs no special case later), references
to elements and classes that did not survive are pruned as TEI's own processor does, and the ordinary
compiler (odd/rng.py) takes over.
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree

from teiedit.diagnostics import TeieditError
from teiedit.document import TEI_NS, XML_NS, local_name, xpath
from teiedit.odd.external import ExternalModule, external_name, load_external
from teiedit.odd.odd_xinclude import expand_xincludes

T = f"{{{TEI_NS}}}"
SPEC_KINDS = ("elementSpec", "classSpec", "macroSpec", "dataSpec")


def read_odd(path: Path) -> etree._ElementTree:
    """Read an ODD or a TEI source; duplicate xml:ids (tei_simplePrint has some) are tolerated, as
    TEI's own processor tolerates them."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, collect_ids=False
    )
    try:
        return etree.parse(str(path), parser)
    except (etree.XMLSyntaxError, OSError) as exc:
        raise TeieditError(
            f"cannot read this XML file: {exc}", path, hint="check the path and the markup"
        ) from None


class SourceIndex:
    """The specs of a TEI source by ident, and its modules."""

    def __init__(self, path: Path) -> None:
        tree = read_odd(path)
        self.specs: dict[str, etree._Element] = {}
        for kind in SPEC_KINDS:
            for s in tree.iter(T + kind):
                self.specs.setdefault(s.get("ident", ""), s)
        self.modules = {m.get("ident", "") for m in tree.iter(T + "moduleSpec")}

    def in_module(self, module: str, kind: str) -> list[str]:
        return [
            i for i, s in self.specs.items() if local_name(s) == kind and s.get("module") == module
        ]


def _changed_copy(base: etree._Element, change: etree._Element) -> etree._Element:
    """A copy of ``base`` with the attributes of a mode="change" spec (other than @mode) set on it."""
    out = copy.deepcopy(base)
    for k, v in change.attrib.items():
        if k != "mode":
            out.set(k, v)
    return out


def _element_children(el: etree._Element) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str)]


def _merge_attdef(base: etree._Element, change: etree._Element) -> etree._Element:
    """attDef mode="change": children the change has replace those of the base; the rest is kept."""
    out = _changed_copy(base, change)
    for child in _element_children(change):
        if child.tag == T + "valList" and child.get("mode") == "add":
            existing = out.find(T + "valList")
            if existing is not None:
                existing.extend(copy.deepcopy(list(child)))
                continue
        for old in out.findall(child.tag):
            out.remove(old)
        out.append(copy.deepcopy(child))
    out.attrib.pop("mode", None)
    return out


def _att_key(att: etree._Element) -> str:
    """attDefs by ident; an attRef (a RELAX NG pattern of attributes, as an external module gives)
    by its name, under a key no ident can take."""
    if att.tag == T + "attRef":
        return "attRef " + str(att.get("name", ""))
    return str(att.get("ident", ""))


def _apply_attlist(target: dict[str, etree._Element], attlist: etree._Element) -> None:
    for att in attlist.iter(T + "attDef", T + "attRef"):
        if att.tag == T + "attRef" and (att.get("class") or not att.get("name")):
            continue  # a reference to one class attribute: the class's attributes are flattened anyway
        ident = _att_key(att)
        mode = att.get("mode", "add")
        if mode == "delete":
            target.pop(ident, None)
        elif mode == "change" and ident in target:
            target[ident] = _merge_attdef(target[ident], att)
        elif (
            mode == "change"
        ):  # changes an attribute inherited from a class: merged when flattening
            target[ident] = copy.deepcopy(att)
        else:
            fresh = copy.deepcopy(att)
            fresh.attrib.pop("mode", None)
            target[ident] = fresh


def _merge_spec(base: etree._Element, change: etree._Element) -> etree._Element:
    """elementSpec/classSpec mode="change"."""
    out = _changed_copy(base, change)
    for child in _element_children(change):
        name = etree.QName(child).localname
        if name == "classes":
            # TEI's default for classes/@mode is "replace": only mode="change" merges memberships
            classes = out.find(T + "classes")
            if classes is None or child.get("mode", "replace") != "change":
                if classes is not None:
                    out.remove(classes)
                classes = etree.SubElement(out, T + "classes")
            for m in child.iter(T + "memberOf"):
                key = m.get("key")
                for old in classes.findall(T + "memberOf"):
                    if old.get("key") == key:
                        classes.remove(old)
                if m.get("mode", "add") != "delete":
                    etree.SubElement(classes, T + "memberOf", key=key or "")
        elif name == "attList":
            atts = {_att_key(a): a for a in out.iter(T + "attDef", T + "attRef")}
            _apply_attlist(atts, child)
            for old in out.findall(T + "attList"):
                out.remove(old)
            new = etree.SubElement(out, T + "attList")
            new.extend(atts.values())
        else:  # content, constraintSpec, desc, exemplum ...: replaced wholesale
            if name != "constraintSpec":
                for old in out.findall(child.tag):
                    out.remove(old)
            out.append(copy.deepcopy(child))
    return out


def expand_spec_groups(schema_spec: etree._Element, odd_path: Path) -> None:
    """Replace each specGrpRef (and specGrp) in the schemaSpec by the specs it stands for, in place.

    A specGrp may stand anywhere in the ODD (TEI's exemplars keep them in the prose, beside the
    explanation) and is part of the schema only where a specGrpRef inside the schemaSpec points to it.
    A specGrpRef to no specGrp of the file contributes nothing, as in TEI's own processor.
    """
    groups = {
        g.get(f"{{{XML_NS}}}id", ""): g for g in schema_spec.getroottree().iter(T + "specGrp")
    }

    def contents(group: etree._Element, seen: tuple[str, ...]) -> list[etree._Element]:
        out: list[etree._Element] = []
        for child in group:
            if not isinstance(child.tag, str):
                continue
            if child.tag == T + "specGrpRef":
                out.extend(referenced(child, seen))
            elif child.tag == T + "specGrp":
                out.extend(contents(child, seen))
            else:
                out.append(copy.deepcopy(child))
        return out

    def referenced(ref: etree._Element, seen: tuple[str, ...]) -> list[etree._Element]:
        target = ref.get("target", "")
        key = target[1:] if target.startswith("#") else target
        if key not in groups:  # contributes nothing, as in TEI's own processor (tei_simplePrint)
            return []
        if key in seen:
            raise TeieditError(
                f"specGrp {key!r} refers to itself", odd_path, line=ref.sourceline or 0
            )
        return contents(groups[key], (*seen, key))

    for node in list(schema_spec):
        if not isinstance(node.tag, str) or node.tag not in (T + "specGrpRef", T + "specGrp"):
            continue
        parts = referenced(node, ()) if node.tag == T + "specGrpRef" else contents(node, ())
        at = schema_spec.index(node)
        schema_spec.remove(node)
        for i, part in enumerate(parts):
            schema_spec.insert(at + i, part)


class Resolver:
    def __init__(
        self, odd_path: Path, source_path: Path, catalogs: list[Path] | None = None
    ) -> None:
        self.source = SourceIndex(source_path)
        self.odd_path = odd_path
        self.catalogs = list(catalogs or [])
        self.module_refs: list[etree._Element] = []  # moduleRef/@url, in ODD order
        self.externals: list[ExternalModule] = []
        tree = read_odd(odd_path)
        specs = xpath(tree, "//tei:schemaSpec")
        if not specs:
            raise TeieditError("no <schemaSpec> in this ODD", odd_path)
        self.schema_spec = specs[0]
        expand_xincludes(self.schema_spec, odd_path)
        expand_spec_groups(self.schema_spec, odd_path)
        self.chosen: dict[str, etree._Element] = {}

    def select(self) -> None:
        src = self.source
        for node in self.schema_spec:
            if not isinstance(node.tag, str):
                continue
            name = local_name(node)
            if name == "moduleRef" and node.get("key"):
                module = node.get("key", "")
                if module not in src.modules:
                    raise TeieditError(
                        f"module {module!r} is not in the TEI source",
                        hint="check moduleRef/@key against the source's moduleSpecs",
                    )
                elements = src.in_module(module, "elementSpec")
                if node.get("include"):
                    elements = [e for e in node.get("include", "").split() if e in elements]
                elif node.get("except"):
                    excluded = set(node.get("except", "").split())
                    elements = [e for e in elements if e not in excluded]
                for ident in elements:
                    self.chosen[ident] = copy.deepcopy(src.specs[ident])
                for kind in ("classSpec", "macroSpec", "dataSpec"):
                    for ident in src.in_module(module, kind):
                        self.chosen.setdefault(ident, copy.deepcopy(src.specs[ident]))
            elif name == "moduleRef" and node.get("url"):
                self.module_refs.append(node)  # read once TEI's own pattern names are known
            elif (
                name in ("elementRef", "classRef", "macroRef", "dataRef")
                and node.get("key") in src.specs
            ):
                self.chosen[node.get("key", "")] = copy.deepcopy(src.specs[node.get("key", "")])

    def customise(self) -> None:
        for node in self.schema_spec.iter(*(T + k for k in SPEC_KINDS)):
            ident = node.get("ident", "")
            mode = node.get("mode", "add")
            if mode == "delete":
                self.chosen.pop(ident, None)
            elif mode == "change":
                base = self.chosen.get(ident)
                if base is None and ident in self.source.specs:
                    base = copy.deepcopy(self.source.specs[ident])
                if base is not None:
                    self.chosen[ident] = _merge_spec(base, node)
            else:  # add, replace
                fresh = copy.deepcopy(node)
                fresh.attrib.pop("mode", None)
                self.chosen[ident] = fresh

    # -- flattening and pruning ---------------------------------------------------------------------
    def _class_atts(self, ident: str, seen: set[str]) -> dict[str, etree._Element]:
        spec = self.chosen.get(ident)
        if spec is None or ident in seen or spec.get("type") != "atts":
            return {}
        seen.add(ident)
        out: dict[str, etree._Element] = {}
        for m in spec.iter(T + "memberOf"):
            out.update(self._class_atts(m.get("key", ""), seen))
        for attlist in spec.findall(T + "attList"):
            _apply_attlist(out, attlist)
        return out

    def flatten_attributes(self, spec: etree._Element) -> None:
        atts: dict[str, etree._Element] = {}
        classes = spec.find(T + "classes")
        if classes is not None:
            for m in list(classes.iter(T + "memberOf")):
                key = m.get("key", "")
                atts.update(self._class_atts(key, set()))
        for attlist in spec.findall(T + "attList"):
            _apply_attlist(atts, attlist)
            spec.remove(attlist)
        if classes is not None:
            for m in list(classes.iter(T + "memberOf")):
                target = self.chosen.get(m.get("key", ""))
                if target is None or target.get("type") == "atts":
                    m.getparent().remove(m)
        if atts:
            new = etree.SubElement(spec, T + "attList")
            new.extend(atts[k] for k in sorted(atts))

    def live_classes(self) -> set[str]:
        """Model classes that end up with at least one element (directly or through other classes)."""
        live: set[str] = set()
        changed = True
        while changed:
            changed = False
            for ident, spec in self.chosen.items():
                if local_name(spec) == "classSpec" and spec.get("type") != "model":
                    continue
                if local_name(spec) not in ("elementSpec", "classSpec"):
                    continue
                if local_name(spec) == "classSpec" and ident not in live:
                    continue
                for m in spec.iter(T + "memberOf"):
                    key = m.get("key", "")
                    if (
                        key in self.chosen
                        and key not in live
                        and (local_name(spec) == "elementSpec" or ident in live)
                    ):
                        live.add(key)
                        changed = True
        return live

    def prune(self, content: etree._Element, live: set[str]) -> None:
        """Drop references to things that are not in the schema; empty groups go with them."""
        for ref in list(
            content.iter(T + "elementRef", T + "classRef", T + "macroRef", T + "dataRef")
        ):
            key = ref.get("key")
            if key is None:
                continue
            kind = local_name(ref)
            gone = key not in self.chosen or (kind == "classRef" and key not in live)
            if gone and kind != "classRef" and external_name(key, self.externals) is not None:
                gone = False  # a pattern of an external module (formula's mathml.math)
            if gone and ref.getparent() is not None:
                ref.getparent().remove(ref)
        changed = True
        while changed:
            changed = False
            for group in list(content.iter(T + "sequence", T + "alternate")):
                if not any(isinstance(c.tag, str) for c in group) and group.getparent() is not None:
                    group.getparent().remove(group)
                    changed = True
        if not any(isinstance(c.tag, str) for c in content):
            etree.SubElement(content, T + "empty")

    def resolve(self) -> etree._Element:
        self.select()
        self.customise()
        live = self.live_classes()
        tei_names = {
            i
            for i, s in self.chosen.items()
            if local_name(s) != "classSpec" or (s.get("type") != "atts" and i in live)
        }
        prefix = self.schema_spec.get("prefix", "")
        self.externals = [
            load_external(ref, self.odd_path, self.catalogs, tei_names, prefix)
            for ref in self.module_refs
        ]
        for spec in self.chosen.values():
            if local_name(spec) == "elementSpec":
                self.flatten_attributes(spec)
            for content in spec.findall(T + "content"):
                self.prune(content, live)
            for dt in spec.iter(T + "datatype"):
                self.prune(dt, live)
        out = etree.Element(T + "schemaSpec", nsmap={None: TEI_NS})
        for k in ("ident", "start", "ns", "prefix"):
            if self.schema_spec.get(k):
                out.set(k, self.schema_spec.get(k, ""))
        scope = self.schema_spec.nsmap  # a QName there (eg:egXML) is kept as {namespace}name
        exceptions = [
            f"{{{scope[t.split(':')[0]]}}}{t.split(':')[1]}" if t.split(":")[0] in scope else t
            for t in self.schema_spec.get("defaultExceptions", "").split()
        ]
        if exceptions:
            out.set("defaultExceptions", " ".join(exceptions))
        # The source's order, then the ODD's new specs: classRef expand="sequence" lists a class's
        # members in this order, as TEI's own processor does.
        position = {ident: i for i, ident in enumerate(self.source.specs)}
        for ident in sorted(self.chosen, key=lambda i: (position.get(i, len(position)), i)):
            spec = self.chosen[ident]
            if local_name(spec) == "classSpec" and spec.get("type") == "atts":
                continue  # flattened into the elements
            if local_name(spec) == "classSpec" and ident not in live:
                continue
            out.append(spec)
        return out


def resolve_odd_with_modules(
    odd_path: Path, source_path: Path, catalogs: list[Path]
) -> tuple[etree._Element, list[ExternalModule]]:
    """A pure schemaSpec for a customisation that references TEI modules, against the given source,
    and the external RELAX NG modules its moduleRef/@url bring in."""
    resolver = Resolver(Path(odd_path), Path(source_path), catalogs)
    return resolver.resolve(), resolver.externals
