"""schema/teiedit.odd is a subset of TEI: checked spec by spec against p5subset.xml (../shared/tei-p5).

A grammar-level guarantee that "valid against teiedit" implies "valid against tei_all" needs more than
sample documents; these checks compare, for every element we declare, what it may contain, which
attributes it has, which values are closed and which attributes are required.  Orders and counts inside
content models are covered by the sample documents (tests/test_schema.py).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from lxml import etree

from teiedit.document import TEI_NS

REPO = Path(__file__).resolve().parent.parent
NS = {"t": TEI_NS}


class Specs:
    """Element, class and macro specs of one ODD (p5subset or ours), with the queries the checks need."""

    def __init__(self, path: Path) -> None:
        tree = etree.parse(str(path))
        self.specs: dict[str, etree._Element] = {}
        # Our ODD's elementSpec mode="change" only add processing models to TEI's elements (its
        # specGrp of models for the rest of TEI): they declare nothing.
        for s in tree.xpath(
            "//t:elementSpec[not(@mode = 'change')]|//t:classSpec|//t:macroSpec", namespaces=NS
        ):
            self.specs[s.get("ident")] = s
        self.members: dict[str, set[str]] = {}
        for ident, s in self.specs.items():
            for key in s.xpath("t:classes/t:memberOf/@key", namespaces=NS):
                self.members.setdefault(key, set()).add(ident)

    def kind(self, ident: str) -> str:
        return etree.QName(self.specs[ident]).localname

    def elements_in_class(self, cls: str, seen: set[str] | None = None) -> set[str]:
        seen = seen if seen is not None else set()
        out: set[str] = set()
        for m in self.members.get(cls, ()):
            if m in seen or m not in self.specs:
                continue
            seen.add(m)
            if self.kind(m) == "elementSpec":
                out.add(m)
            else:
                out |= self.elements_in_class(m, seen)
        return out

    def children(self, node: etree._Element, seen: set[str] | None = None) -> set[str]:
        """Element names (and '#text') a content model allows as children, ignoring order and counts."""
        seen = seen if seen is not None else set()
        out: set[str] = set()
        for el in node.iter():
            if not isinstance(el.tag, str):
                continue
            name = etree.QName(el).localname
            key = el.get("key", "")
            if name == "textNode" or (name == "text" and etree.QName(el).namespace != TEI_NS):
                out.add("#text")
            elif name == "elementRef":
                out.add(key)
            elif name == "classRef":
                out |= self.elements_in_class(key)
            elif name == "macroRef" and key not in seen and key in self.specs:
                seen.add(key)
                content = self.specs[key].find(f"{{{TEI_NS}}}content")
                if content is not None:
                    out |= self.children(content, seen)
        return out

    def element_children(self, ident: str) -> set[str]:
        content = self.specs[ident].find(f"{{{TEI_NS}}}content")
        return self.children(content) if content is not None else set()

    def att_classes(self, ident: str) -> list[str]:
        out: list[str] = []
        todo = list(self.specs[ident].xpath("t:classes/t:memberOf/@key", namespaces=NS))
        while todo:
            key = todo.pop(0)
            if key in out or key not in self.specs or self.specs[key].get("type") != "atts":
                continue
            out.append(key)
            todo.extend(self.specs[key].xpath("t:classes/t:memberOf/@key", namespaces=NS))
        return out

    def attdefs(self, ident: str) -> dict[str, etree._Element]:
        """attribute name -> attDef, own definitions overriding those of classes."""
        out: dict[str, etree._Element] = {}
        for cls in reversed(self.att_classes(ident)):
            for a in self.specs[cls].xpath("t:attList//t:attDef", namespaces=NS):
                if a.get("mode") != "delete":
                    out[a.get("ident")] = a
        for a in self.specs[ident].xpath("t:attList//t:attDef", namespaces=NS):
            if a.get("mode") == "delete":
                out.pop(a.get("ident"), None)
            else:
                out[a.get("ident")] = a
        return out


def closed_values(attdef: etree._Element) -> set[str] | None:
    vl = attdef.xpath("t:valList[@type='closed']", namespaces=NS)
    if not vl:
        return None
    return {v.get("ident") for v in vl[0].xpath("t:valItem", namespaces=NS)}


@lru_cache(maxsize=1)
def _pair(shared: str) -> tuple[Specs, Specs]:
    return Specs(REPO / "schema" / "teiedit.odd"), Specs(Path(shared) / "tei-p5" / "p5subset.xml")


@pytest.fixture
def odds(shared: Path) -> tuple[Specs, Specs]:
    return _pair(str(shared))


def _our_elements(ours: Specs) -> list[str]:
    return sorted(i for i in ours.specs if ours.kind(i) == "elementSpec")


def test_every_element_is_a_tei_element(odds: tuple[Specs, Specs]) -> None:
    ours, tei = odds
    unknown = [e for e in _our_elements(ours) if e not in tei.specs or tei.kind(e) != "elementSpec"]
    assert not unknown, f"not TEI elements: {unknown}"


def test_class_members_are_members_in_tei(odds: tuple[Specs, Specs]) -> None:
    ours, tei = odds
    wrong = []
    for ident in ours.specs:
        if ours.kind(ident) == "classSpec" and ours.specs[ident].get("type") == "model":
            extra = ours.elements_in_class(ident) - tei.elements_in_class(ident)
            if extra:
                wrong.append((ident, sorted(extra)))
    assert not wrong, f"elements in our classes that TEI does not put there: {wrong}"


def test_content_allows_only_what_tei_allows(odds: tuple[Specs, Specs]) -> None:
    ours, tei = odds
    wrong = []
    for e in _our_elements(ours):
        extra = ours.element_children(e) - tei.element_children(e)
        if extra:
            wrong.append((e, sorted(extra)))
    assert not wrong, f"children TEI does not allow: {wrong}"


def test_attributes_exist_in_tei_with_compatible_values(odds: tuple[Specs, Specs]) -> None:
    ours, tei = odds
    wrong = []
    for e in _our_elements(ours):
        mine, theirs = ours.attdefs(e), tei.attdefs(e)
        for name, a in mine.items():
            if name not in theirs:
                wrong.append(f"{e}/@{name}: not a TEI attribute")
                continue
            tei_closed = closed_values(theirs[name])
            my_closed = closed_values(a)
            if tei_closed is not None and (my_closed is None or not my_closed <= tei_closed):
                wrong.append(f"{e}/@{name}: TEI allows only {sorted(tei_closed)}")
        for name, a in theirs.items():
            if a.get("usage") == "req" and (name not in mine or mine[name].get("usage") != "req"):
                wrong.append(f"{e}/@{name}: required in TEI")
    assert not wrong, "\n".join(wrong)
