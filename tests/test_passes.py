"""The passes run in the one order of ``PASS_ORDER``; a pass missing from it, or listed but absent, fails."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest
from lxml import etree

import teiedit.transforms as transforms
from teiedit.config import default_settings
from teiedit.diagnostics import Diagnostic
from teiedit.document import TeiDocument
from teiedit.transforms import (
    PASSES,
    PassContext,
    UnknownPass,
    ordered_passes,
    pass_names,
    register,
    run_passes,
)

#: The order reviewed by hand; a change to PASS_ORDER must change this table too.
EXPECTED_ORDER = [
    "language",
    "repair",
    "brackets",
    "quotes",
    "rendition",
    "entities",
    "dates",
    "document-date",
    "assign-ids",
]


def test_passes_run_in_the_listed_order() -> None:
    resolved = [p.name for p in ordered_passes()]
    print("\n".join(f"{i}. {name}" for i, name in enumerate(resolved, start=1)))
    assert resolved == EXPECTED_ORDER
    assert pass_names() == EXPECTED_ORDER


def test_every_pass_module_registers_a_listed_pass() -> None:
    modules = [m.name for m in pkgutil.iter_modules(transforms.__path__)]
    assert modules, "no modules found in teiedit.transforms"
    for name in modules:
        importlib.import_module(f"teiedit.transforms.{name}")
    assert sorted(PASSES) == sorted(EXPECTED_ORDER)
    listed_modules = {module for _, module in transforms.PASS_ORDER}
    assert listed_modules == set(modules)
    for name, module in transforms.PASS_ORDER:
        assert PASSES[name].__module__ == f"teiedit.transforms.{module}"


class _Unlisted:
    name = "not-listed"

    def enabled(self, ctx: PassContext) -> bool:
        return True

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        return []


def test_a_pass_missing_from_the_order_fails_on_registration() -> None:
    with pytest.raises(UnknownPass, match="not-listed.*PASS_ORDER"):
        register(_Unlisted)
    assert "not-listed" not in PASSES


def test_a_listed_pass_no_module_registers_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    order = (*transforms.PASS_ORDER[:-1], ("ghost", "stamp_ids"), transforms.PASS_ORDER[-1])
    monkeypatch.setattr(transforms, "PASS_ORDER", order)
    with pytest.raises(UnknownPass, match="'ghost'.*teiedit.transforms.stamp_ids"):
        ordered_passes()


def test_running_an_unknown_pass_by_name_fails(tmp_path: Path) -> None:
    doc = TeiDocument(name="d", tree=etree.ElementTree(etree.fromstring("<TEI/>")))
    with pytest.raises(UnknownPass, match="'no-such-pass'"):
        run_passes(doc, PassContext(settings=default_settings(tmp_path)), only=["no-such-pass"])


class _Records:
    """A pass that only records that it ran (and marks the tree, so a rerun from a copy shows)."""

    enabled = _Unlisted.enabled

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        ctx.record("ran", {"pass": self.name})
        doc.root.set("n", (doc.root.get("n") or "") + self.name)
        return []


class _DropsText(_Records):
    """A pass with a bug: it loses a word of the text."""

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        super().__call__(doc, ctx)
        for p in doc.root.iter("{http://www.tei-c.org/ns/1.0}p"):
            p.text = "lost"
        return []


def _small_doc() -> TeiDocument:
    root = etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>Kim wrote.</p></body>'
        "</text></TEI>"
    )
    return TeiDocument(tree=root.getroottree(), name="small")


def test_a_pass_that_loses_text_is_stopped_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    passes = [_Records("a"), _DropsText("b"), _Records("c")]
    monkeypatch.setattr(transforms, "ordered_passes", lambda: passes)
    doc, ctx = _small_doc(), PassContext(settings=default_settings(tmp_path))
    ctx.record("ran", {"pass": "earlier document"})
    diags = run_passes(doc, ctx, strict=True)
    assert [(d.origin, d.rule, d.level.name) for d in diags] == [
        ("b", "invariant-original-reading", "FATAL")
    ]
    assert "pass 'b' changed the original reading" in diags[0].message
    # the passes up to the culprit ran once on the document kept: nothing after it, nothing twice
    assert ctx.records["ran"] == [{"pass": p} for p in ("earlier document", "a", "b")]
    assert doc.root.get("n") == "ab"
    # without the check every pass runs, and nothing is compared
    doc, ctx = _small_doc(), PassContext(settings=default_settings(tmp_path))
    assert run_passes(doc, ctx, strict=False) == []
    assert [r["pass"] for r in ctx.records["ran"]] == ["a", "b", "c"]


def test_passes_that_keep_the_text_give_no_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    passes = [_Records("a"), _Records("c")]
    monkeypatch.setattr(transforms, "ordered_passes", lambda: passes)
    doc, ctx = _small_doc(), PassContext(settings=default_settings(tmp_path))
    assert run_passes(doc, ctx, strict=True) == []
    assert [r["pass"] for r in ctx.records["ran"]] == ["a", "c"]
    assert doc.root.get("n") == "ac"


def test_dates_read_the_texts_entities_left_as_they_were_and_give_the_same_tei(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The dates pass takes the running texts the entities pass read and did not change from it
    (``PassContext.handover``); run apart, so that it reads every text itself, it marks the same dates."""
    from teiedit.pipeline import ConvertOptions, convert_text, source_from_file
    from teiedit.serialize import serialize_tei
    from teiedit.transforms.entities import FLAT_TEXTS

    repo = Path(__file__).resolve().parents[1]
    edition = default_settings(repo)
    source = source_from_file(sorted((repo / "sources").glob("*.txt"))[0])
    dates = transforms.PASSES["dates"]
    original = dates.__call__
    handed: list[int] = []

    def spy(self: object, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        handed.append(len(ctx.received.get(FLAT_TEXTS, {})))
        return list(original(self, doc, ctx))

    monkeypatch.setattr(dates, "__call__", spy)
    before_entities = ["language", "repair", "brackets", "quotes", "rendition"]
    outputs: dict[str, list[bytes]] = {}
    for run in ("together", "apart"):
        conv, _diags, _records = convert_text(
            source, edition, ConvertOptions(passes=before_entities)
        )
        assert conv.documents
        for doc in conv.documents:
            ctx = PassContext(settings=edition)
            if run == "together":
                run_passes(doc, ctx, only=["entities", "dates"])
                assert ctx.handover == {} and ctx.received == {}  # nothing left for a later call
            else:
                run_passes(doc, ctx, only=["entities"])
                run_passes(doc, ctx, only=["dates"])
            outputs.setdefault(run, []).append(serialize_tei(doc.tree))
        if run == "together":
            assert sum(handed) > 10  # texts were handed over ...
            handed.clear()
    assert handed and not any(handed)  # ... and not when the dates pass ran on its own
    assert outputs["together"] == outputs["apart"]
    assert b"<date " in b"".join(outputs["together"])
