"""RELAX NG (lxml): load a grammar once, validate, and explain libxml2's errors one per mistake."""

from __future__ import annotations

import time
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

from lxml import etree

from teiedit.diagnostics import Diagnostic, Level, TeieditError
from teiedit.io import read_xml
from teiedit.odd.grammar import load_grammar
from teiedit.validate.messages import ATTRS, CASCADE, WRONG, explain_rng_error, readable_path
from teiedit.validate.schemas import refuse_remote

#: Grammars whose compilation took at least this much CPU (tei_all: 5-6 s) are also kept apart from the
#: LRU cache below: a process that loads many small grammars between two uses of tei_all (an ODD checked
#: against several customisations, a folder whose documents name their own schemas) would otherwise push
#: tei_all out of the eight places and compile it again.
COSTLY_SECONDS = 1.0
#: How many costly grammars stay (each holds tens of MB in libxml2).
COSTLY_KEPT = 2
_COSTLY: OrderedDict[Path, etree.RelaxNG] = OrderedDict()


def load_rng(path: Path) -> etree.RelaxNG:
    """Load a compiled RELAX NG grammar once per process (tei_all takes seconds: never twice)."""
    resolved = _resolved(Path(path))
    kept = _COSTLY.get(resolved)
    if kept is not None:
        _COSTLY.move_to_end(resolved)
        return kept
    return _load_rng(resolved)


def clear_costly() -> None:
    """Forget the costly grammars kept apart (with ``_load_rng.cache_clear()``: every grammar)."""
    _COSTLY.clear()


@lru_cache(maxsize=64)
def _resolved(path: Path) -> Path:
    return path.resolve()


@lru_cache(maxsize=8)
def _load_rng(path: Path) -> etree.RelaxNG:
    tree = read_xml(path)
    refuse_remote(tree, path, "RELAX NG schema")
    started = time.process_time()
    try:
        rng = etree.RelaxNG(tree)
    except etree.RelaxNGParseError as exc:
        raise TeieditError(
            f"the RELAX NG schema does not load: {exc}",
            path,
            hint="recompile it with `teiedit schema`",
        ) from None
    if time.process_time() - started >= COSTLY_SECONDS:
        _COSTLY[path] = rng
        while len(_COSTLY) > COSTLY_KEPT:
            _COSTLY.popitem(last=False)
    return rng


def rng_diagnostics(tree: etree._ElementTree, path: str, rng_path: Path) -> list[Diagnostic]:
    """Validate against a RELAX NG grammar and explain the errors, one per mistake."""
    rng = load_rng(Path(rng_path))
    if rng.validate(tree):
        return []
    grammar = load_grammar(Path(rng_path))
    entries = list(rng.error_log)
    diags: list[Diagnostic] = []
    reported: list[etree._Element] = []
    for err in entries:
        message, hint, el = explain_rng_error(err, tree, grammar)
        # "extra content" / "failed to validate" restate an error already given for a child
        cascade = any(p.search(err.message) for p in CASCADE) or bool(
            ATTRS.search(err.message)
            and any(d.line == err.line and "@" in d.message for d in diags)
        )
        # an error about an element already reported, one of its ancestors or descendants, or a sibling
        related = el is not None and any(
            el is r
            or el in r.iterancestors()
            or r in el.iterancestors()
            or r.getparent() is el.getparent()
            for r in reported
        )
        if (related and (cascade or not WRONG.search(err.message))) or (cascade and diags):
            continue
        if el is not None:
            reported.append(el)
        diags.append(
            Diagnostic(
                message=message,
                path=path,
                line=(el.sourceline if el is not None and el.sourceline else err.line) or 0,
                column=err.column or 0,
                level=Level.ERROR,
                origin="rng",
                xpath=readable_path(el) if el is not None else "",
                suggestion=hint,
                rule=err.type_name.lower().removeprefix("relaxng_err_") or "rng",
            )
        )
    return diags
