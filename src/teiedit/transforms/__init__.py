"""TEI -> TEI passes, run in order of priority, with an invariant check between passes.

A pass does one thing (repair damage, link notes, tag persons, normalise dates, ...). It changes the tree
in place and returns diagnostics. In strict mode the pipeline checks after each pass that the document's
original reading (see ``original_reading``) is unchanged: passes add markup, they never lose text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from lxml import etree

from teiedit.config import Edition
from teiedit.diagnostics import Diagnostic, Level
from teiedit.document import TEI_NS, TeiDocument, local_name, xpath

#: Elements whose content is an editorial addition, not part of the source's reading.
_NOT_ORIGINAL = frozenset({"corr", "reg", "expan", "ex"})


#: rend token marking an element that stands for a square-bracket expression of the source.
BRACKETS_REND = "brackets"


def original_reading(el: etree._Element) -> str:
    """The source's own text under ``el``: everything but corrections, regularisations and teiedit notes.

    An element with ``@rend="brackets"`` stands for a bracketed expression of the source (``[illegible]``
    encoded as ``gap``, ``[or]`` as ``supplied``, ...): its brackets are given back around its own reading.
    """
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if isinstance(node.tag, str):
            name = local_name(node)
            in_tei = etree.QName(node).namespace == TEI_NS
            skip = in_tei and (
                name in _NOT_ORIGINAL or (name == "note" and node.get("resp") == "#teiedit")
            )
            if not skip:
                bracketed = in_tei and BRACKETS_REND in (node.get("rend") or "").split()
                if bracketed:
                    parts.append("[")
                if node.text:
                    parts.append(node.text)
                for child in node:
                    walk(child)
                if bracketed:
                    parts.append("]")
        if node.tail:
            parts.append(node.tail)

    if el.text:
        parts.append(el.text)
    for child in el:
        walk(child)
    return "".join(parts)


@dataclass
class PassContext:
    """What passes may consult: the edition, options, and a place to record what they did."""

    edition: Edition
    options: dict[str, Any] = field(default_factory=dict)
    #: Per-pass records for the conversion report (e.g. every repair with its confidence).
    records: dict[str, list[dict[str, object]]] = field(default_factory=dict)

    def record(self, pass_name: str, item: dict[str, object]) -> None:
        self.records.setdefault(pass_name, []).append(item)


class Pass(Protocol):
    """One transform over a TEI document."""

    name: str
    priority: int  # lower runs first

    def enabled(self, ctx: PassContext) -> bool: ...

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]: ...


#: The registry: name -> factory. Passes register themselves with ``@register``.
PASSES: dict[str, Callable[[], Pass]] = {}


def register(factory: Callable[[], Pass]) -> Callable[[], Pass]:
    instance = factory()
    PASSES[instance.name] = factory
    return factory


def ordered_passes() -> list[Pass]:
    _load_builtin_passes()
    return sorted((f() for f in PASSES.values()), key=lambda p: (p.priority, p.name))


def _load_builtin_passes() -> None:
    # Importing the modules runs their @register decorators. Each module is one pass.
    from teiedit.transforms import (
        brackets,
        dates,
        document_date,
        entities,
        language,
        quotes,
        repair,
        stamp_ids,
    )  # noqa: F401


def run_passes(
    doc: TeiDocument, ctx: PassContext, *, strict: bool = True, only: list[str] | None = None
) -> list[Diagnostic]:
    """Run the enabled passes in order; in strict mode stop a pass that changes the original reading."""
    diags: list[Diagnostic] = []
    text_el = _text_element(doc)
    for p in ordered_passes():
        if only is not None and p.name not in only:
            continue
        if not p.enabled(ctx):
            continue
        before = original_reading(text_el) if (strict and text_el is not None) else None
        diags.extend(p(doc, ctx))
        if before is not None and text_el is not None:
            after = original_reading(text_el)
            if after != before:
                diags.append(
                    Diagnostic(
                        message=f"pass {p.name!r} changed the original reading of the text "
                        f"({len(before)} -> {len(after)} characters); this is a bug in teiedit",
                        path=doc.name,
                        level=Level.FATAL,
                        origin=p.name,
                        rule="invariant-original-reading",
                    )
                )
                break
    return diags


def _text_element(doc: TeiDocument) -> etree._Element | None:
    found = xpath(doc.root, "tei:text")
    return found[0] if found else None
