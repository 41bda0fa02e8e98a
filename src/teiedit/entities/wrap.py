"""Wrapping a span of a container's running text in a new element, and unwrapping one again.

``clean_span`` takes the two tree positions of a span (from ``FlatText``) into one parent, lifting them out
of inline elements whose whole content the span covers; ``wrap`` then puts the span into the new element.
A span that does not nest cleanly is refused, so that well-formedness and the text are never broken.
"""

from __future__ import annotations

from lxml import etree

from teiedit.entities.spans import TRANSPARENT, Position, run_at, set_run_at, tei_local


def _at_start(p: Position) -> bool:
    return p.index == 0 and p.offset == 0


def _at_end(p: Position) -> bool:
    return p.index == len(p.parent) and p.offset == len(run_at(p.parent, p.index))


def _lift_start(p: Position) -> Position:
    el = p.parent
    parent = el.getparent()
    idx = parent.index(el)
    return Position(parent, idx, len(run_at(parent, idx)))


def _lift_end(p: Position) -> Position:
    el = p.parent
    parent = el.getparent()
    return Position(parent, parent.index(el) + 1, 0)


def _is_ancestor(a: etree._Element, b: etree._Element) -> bool:
    """True when ``a`` is a proper ancestor of ``b``."""
    node = b.getparent()
    while node is not None:
        if node is a:
            return True
        node = node.getparent()
    return False


def _liftable(p: Position, container: etree._Element) -> bool:
    """An end may leave an inline element, but never into a ``choice`` (whose children are alternatives)."""
    if p.parent is container or tei_local(p.parent) not in TRANSPARENT:
        return False
    grand = p.parent.getparent()
    return grand is not None and tei_local(grand) != "choice"


def clean_span(
    start: Position, end: Position, container: etree._Element
) -> tuple[Position, Position] | None:
    """Both ends in one parent, lifted out of inline elements whose whole content the span covers."""
    s, e = start, end
    for _ in range(64):  # bounded: each step moves one level up
        if s.parent is e.parent:
            if _liftable(s, container) and _at_start(s) and _at_end(e):
                s, e = _lift_start(s), _lift_end(e)
                continue
            if s.index > e.index or (s.index == e.index and s.offset >= e.offset):
                return None
            if tei_local(s.parent) == "choice":
                return None  # a span across alternatives
            return s, e
        lift_s = _liftable(s, container) and _at_start(s) and not _is_ancestor(s.parent, e.parent)
        lift_e = _liftable(e, container) and _at_end(e) and not _is_ancestor(e.parent, s.parent)
        if lift_s:
            s = _lift_start(s)
        elif lift_e:
            e = _lift_end(e)
        else:
            return None
    return None


def wrap(start: Position, end: Position, element: etree._Element) -> etree._Element:
    """Put the content between two positions of the same parent into ``element`` (which must be empty)."""
    parent = start.parent
    assert parent is end.parent
    i1, i2 = start.index, end.index
    run1 = run_at(parent, i1)
    if i1 == i2:
        set_run_at(parent, i1, run1[: start.offset])
        element.text = run1[start.offset : end.offset] or None
        element.tail = run1[end.offset :] or None
        parent.insert(i1, element)
        return element
    run2 = run_at(parent, i2)
    moved = list(parent)[i1:i2]
    set_run_at(parent, i1, run1[: start.offset])
    element.text = run1[start.offset :] or None
    for child in moved:
        element.append(child)  # the child's tail moves with it
    moved[-1].tail = run2[: end.offset] or None
    element.tail = run2[end.offset :] or None
    parent.insert(i1, element)
    return element


def unwrap(el: etree._Element) -> None:
    """Replace an element by its content (text, children, tail), keeping every character."""
    parent = el.getparent()
    if parent is None:
        return
    idx = parent.index(el)
    before = run_at(parent, idx)
    children = list(el)
    if children:
        set_run_at(parent, idx, before + (el.text or ""))
        last = children[-1]
        last.tail = (last.tail or "") + (el.tail or "") or None
        parent.remove(el)  # note: removing first would drop el.tail; it was copied above
        for k, child in enumerate(children):
            parent.insert(idx + k, child)
    else:
        set_run_at(parent, idx, before + (el.text or "") + (el.tail or ""))
        el.tail = None
        parent.remove(el)
