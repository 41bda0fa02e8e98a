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
