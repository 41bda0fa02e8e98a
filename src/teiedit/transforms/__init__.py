"""TEI -> TEI passes, run in the order of ``PASS_ORDER``, with an invariant check between passes.

A pass does one thing (repair damage, link notes, tag persons, normalise dates, ...). It changes the tree
in place and returns diagnostics. In strict mode the pipeline checks after each pass that the document's
original reading (see ``original_reading``) is unchanged: passes add markup, they never lose text.

Adding a pass is adding its module here (a class decorated with ``@register``) and one line to
``PASS_ORDER``. A registered pass missing from the list, or a listed pass no module registers, is an error
the first time the passes are looked up, never a pass that silently does not run.
"""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from lxml import etree

from teiedit.config import Settings
from teiedit.diagnostics import Diagnostic, Level
from teiedit.document import BRACKETS_REND, TeiDocument, original_reading, xpath


@dataclass
class PassContext:
    """What passes may consult: the edition's settings, options, and a place to record what they did."""

    settings: Settings
    options: dict[str, Any] = field(default_factory=dict)
    #: Per-pass records for the conversion report (e.g. every repair with its confidence).
    records: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    #: What a pass leaves for the pass run right after it (work it need not do again), and what the pass
    #: running now was left by the one before it. ``run_passes`` moves one to the other between two passes
    #: and empties both when it is done: a pass called on its own receives nothing.
    handover: dict[str, Any] = field(default_factory=dict)
    received: dict[str, Any] = field(default_factory=dict)

    def record(self, pass_name: str, item: dict[str, object]) -> None:
        self.records.setdefault(pass_name, []).append(item)


#: The passes, in the order they run: (pass name, its module in this package).
PASS_ORDER: tuple[tuple[str, str], ...] = (
    ("language", "language"),  # first: later passes may consult the document's language
    ("repair", "repair"),  # PDF-extraction damage is mended before any pass reads words
    ("brackets", "brackets"),  # after repair; before entities and ids
    ("quotes", "quotes"),  # after repair and brackets; before entities
    ("rendition", "rendition"),  # after repair and brackets (they skip marks); before entities
    ("entities", "entities"),  # after repairs, notes and editorial brackets; before dates and ids
    ("dates", "dates"),  # after entities (names are not looked into)
    ("document-date", "document_date"),  # after the dates pass has normalised the dates
    ("assign-ids", "stamp_ids"),  # after everything that creates divisions or notes
)


__all__ = [
    "BRACKETS_REND",
    "PASSES",
    "PASS_ORDER",
    "Pass",
    "PassContext",
    "UnknownPass",
    "ordered_passes",
    "original_reading",
    "pass_names",
    "register",
    "run_passes",
]


class UnknownPass(LookupError):
    """A pass registered but not in ``PASS_ORDER``, or listed there but registered by no module."""


class Pass(Protocol):
    """One transform over a TEI document."""

    name: str

    def enabled(self, ctx: PassContext) -> bool: ...

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]: ...


#: The registry: name -> factory, filled by ``@register`` when a pass module is imported.
PASSES: dict[str, Callable[[], Pass]] = {}


def register(factory: Callable[[], Pass]) -> Callable[[], Pass]:
    """Record a pass class under its name; the name must be listed in ``PASS_ORDER``."""
    name = factory().name
    if name not in pass_names():
        raise UnknownPass(
            f"pass {name!r} ({factory.__module__}) is not listed in teiedit.transforms.PASS_ORDER; "
            "add it there at the place where it must run"
        )
    known = PASSES.get(name)
    if known is not None and known.__qualname__ != factory.__qualname__:
        raise UnknownPass(
            f"two passes are named {name!r}: {known.__module__} and {factory.__module__}"
        )
    PASSES[name] = factory
    return factory


def pass_names() -> list[str]:
    """The passes' names in the order they run."""
    return [name for name, _ in PASS_ORDER]


def ordered_passes() -> list[Pass]:
    """One instance of every pass, in the order of ``PASS_ORDER`` (their modules imported here)."""
    out: list[Pass] = []
    for name, module in PASS_ORDER:
        importlib.import_module(f"{__name__}.{module}")
        factory = PASSES.get(name)
        if factory is None:
            raise UnknownPass(
                f"pass {name!r} is listed in PASS_ORDER, but {__name__}.{module} registers no pass "
                "of that name"
            )
        out.append(factory())
    return out


def run_passes(
    doc: TeiDocument, ctx: PassContext, *, strict: bool = True, only: list[str] | None = None
) -> list[Diagnostic]:
    """Run the enabled passes in order; in strict mode stop a pass that changes the original reading."""
    unknown = sorted(set(only or ()) - set(pass_names()))
    if unknown:
        raise UnknownPass(f"no pass named {', '.join(map(repr, unknown))}; passes: {pass_names()}")
    todo = [p for p in ordered_passes() if (only is None or p.name in only) and p.enabled(ctx)]
    try:
        return _run_all(doc, ctx, todo, strict)
    finally:
        ctx.handover, ctx.received = {}, {}


def _run(p: Pass, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
    """Run one pass with what the pass before it left (``PassContext.handover``)."""
    ctx.received, ctx.handover = ctx.handover, {}
    return p(doc, ctx)


def _run_all(
    doc: TeiDocument, ctx: PassContext, todo: list[Pass], strict: bool
) -> list[Diagnostic]:
    ctx.handover, ctx.received = {}, {}
    text_el = _text_element(doc)
    if not strict or text_el is None:
        return [d for p in todo for d in _run(p, doc, ctx)]
    # The reading is compared once, after every pass, on a copy kept of the document (reading the whole
    # text after each pass cost as much as a pass). Passes are deterministic: when the reading changed,
    # they run again from the copy, checked one by one, to stop the pass that changed it.
    before = original_reading(text_el)
    kept, records = copy.deepcopy(doc.tree), {k: list(v) for k, v in ctx.records.items()}
    diags = [d for p in todo for d in _run(p, doc, ctx)]
    text_el = _text_element(doc)
    if text_el is not None and original_reading(text_el) == before:
        return diags
    doc.tree = kept
    ctx.handover, ctx.received = {}, {}  # about the tree just given up
    ctx.records.clear()
    ctx.records.update(records)
    return _run_checked(doc, ctx, todo, before)


def _run_checked(
    doc: TeiDocument, ctx: PassContext, todo: list[Pass], before: str
) -> list[Diagnostic]:
    """Run ``todo`` comparing the original reading after each pass; stop at the pass that changes it."""
    diags: list[Diagnostic] = []
    for p in todo:
        diags.extend(_run(p, doc, ctx))
        text_el = _text_element(doc)
        after = original_reading(text_el) if text_el is not None else ""
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
        before = after
    return diags


def _text_element(doc: TeiDocument) -> etree._Element | None:
    found = xpath(doc.root, "tei:text")
    return found[0] if found else None
