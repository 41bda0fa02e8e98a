"""Content models as particles (for XML Schema): build from pure ODD, simplify, check determinism."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from teiedit.document import local_name
from teiedit.odd.model import OddSchema

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
        and all(_same(x, y) for x, y in zip(a.items, b.items, strict=True))
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
