"""Writing one source's settings into teiedit.toml (``teiedit convert ... --remember``): the table
``[sources."name.txt"]`` is added or its keys set, every other line (comments, order, spacing) kept."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from teiedit.config_check import Checker
from teiedit.diagnostics import TeieditError
from teiedit.io import write_text_atomic


def _toml_value(value: str | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)  # JSON's string escapes are TOML's too


_SOURCE_HEADER = re.compile(
    r"""^\s*\[\s*sources\s*\.\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*\]\s*(#.*)?$"""
)


def _header_source(line: str) -> str | None:
    """The source a ``[sources."name.txt"]`` line opens the table of, None for other lines."""
    m = _SOURCE_HEADER.match(line)
    if not m:
        return None
    try:
        table = tomllib.loads(f"[sources.{m[1]}]")["sources"]
    except tomllib.TOMLDecodeError:
        return None
    return next(iter(table), None)


def with_source_settings(text: str, source: str, values: dict[str, str | bool]) -> str:
    """``text`` (a teiedit.toml) with ``[sources."source"]`` holding ``values``."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if _header_source(line) == source), None)
    if start is None:
        block = ["", f"[sources.{json.dumps(source, ensure_ascii=False)}]"]
        block += [f"{key} = {_toml_value(value)}" for key, value in values.items()]
        while lines and not lines[-1].strip():
            lines.pop()
        return "\n".join(lines + block) + "\n"
    end = start + 1
    while end < len(lines) and not lines[end].lstrip().startswith("["):
        end += 1
    for key, value in values.items():
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        line = f"{key} = {_toml_value(value)}"
        at = next((i for i in range(start + 1, end) if pattern.match(lines[i])), None)
        if at is not None:
            lines[at] = line
            continue
        last = end
        while last > start + 1 and not lines[last - 1].strip():
            last -= 1
        lines.insert(last, line)
        end += 1
    return "\n".join(lines) + "\n"


def remember_source(config: Path, source: str, values: dict[str, str | bool]) -> None:
    """Write ``values`` as the settings of ``source`` into the teiedit.toml at ``config``, checked
    before it is written (atomically)."""
    text = config.read_text(encoding="utf-8")
    new = with_source_settings(text, source, values)
    try:
        data = tomllib.loads(new)
    except tomllib.TOMLDecodeError as exc:
        raise TeieditError(
            f"cannot add the source's settings: {exc}", config, hint="check the file's syntax"
        ) from None
    Checker(config, new).check(data)
    write_text_atomic(config, new)
