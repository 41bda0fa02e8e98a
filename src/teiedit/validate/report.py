"""The findings of one file as an editor reads them: one message per mistake, with columns."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from teiedit.diagnostics import Diagnostic

_ATTRIBUTE = re.compile(r"@([\w:]+)=\"([^\"]*)\"")


def _attribute_in(message: str) -> str:
    """The first ``@name="value"`` a message quotes, or ""."""
    found = _ATTRIBUTE.search(message)
    return found.group(0) if found else ""


def collapse(diags: list[Diagnostic]) -> list[Diagnostic]:
    """One message per mistake: the grammar and the rules often both flag the same bad value, and one
    missing declaration (a register entry, resp="#teiedit" without its application) fires on every use."""
    repeats: dict[tuple[str, str], int] = {}
    for d in diags:
        if d.origin == "schematron":
            repeats[(d.rule, d.message)] = repeats.get((d.rule, d.message), 0) + 1
    first_seen: set[tuple[str, str]] = set()
    merged: list[Diagnostic] = []
    for d in diags:
        key = (d.rule, d.message)
        if d.origin == "schematron" and repeats.get(key, 1) > 1:
            if key in first_seen:
                continue
            first_seen.add(key)
            d = replace(
                d, message=f"{d.message} ({repeats[key]} places in this file; the first is shown)"
            )
        merged.append(d)
    out: list[Diagnostic] = []
    for d in merged:
        attr = _ATTRIBUTE.search(d.message)
        if attr and any((o.line, _attribute_in(o.message)) == (d.line, attr.group(0)) for o in out):
            continue
        out.append(d)
    return out


def with_columns(diags: list[Diagnostic], file: Path) -> list[Diagnostic]:
    """Engines give lines only; the column of the element's start tag is where an editor should jump."""
    if not diags:
        return diags  # a valid file is not read again
    try:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return diags
    out = []
    for d in diags:
        name = d.xpath.rsplit("/", 1)[-1].split("[")[0] if d.xpath else ""
        if name.startswith("@"):
            name = d.xpath.rsplit("/", 2)[-2].split("[")[0]
        if not d.column and d.line and name and 0 < d.line <= len(lines):
            col = lines[d.line - 1].find(f"<{name}")
            if col < 0:
                col = lines[d.line - 1].find(f":{name}")  # a prefixed element
            if col >= 0:
                d = replace(d, column=col + 1)
        out.append(d)
    return out
