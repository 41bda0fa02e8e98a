"""Test helpers: canonical XML comparison with a golden-update switch, and running the CLI in-process."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from lxml import etree

from teiedit.cli import main


def canonical(data: bytes | etree._Element) -> str:
    """C14N 2.0 of an XML document (comments kept), for comparisons that ignore attribute order."""
    root = etree.fromstring(data) if isinstance(data, bytes) else data
    return etree.tostring(root, method="c14n2").decode("utf-8")


def assert_golden(actual: bytes, golden: Path, update: bool) -> None:
    """Compare XML canonically with a golden file; with --update-goldens, rewrite it instead."""
    if update or not golden.exists():
        if not update:
            pytest.fail(f"golden {golden} is missing; run pytest --update-goldens and review it")
        golden.write_bytes(actual)
        return
    want, got = canonical(golden.read_bytes()), canonical(actual)
    if want != got:
        diff = "\n".join(
            difflib.unified_diff(
                want.splitlines(), got.splitlines(), "expected", "actual", lineterm="", n=2
            )
        )
        pytest.fail(
            f"output differs from {golden.name} (run with --update-goldens if intended):\n{diff[:6000]}"
        )


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def transform_tei(
    stylesheet: Path,
    tree: etree._ElementTree | etree._Element,
    params: dict[str, str] | None = None,
) -> str:
    """A web or print stylesheet run on one TEI tree, with the facts teiedit computes for it."""
    from teiedit.facts import facts_document
    from teiedit.xslt import transform

    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    return transform(stylesheet, root, params=params, facts=facts_document(root)).output
