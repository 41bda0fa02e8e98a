"""Validation of many documents: in worker processes (or on a cluster) when there are many, and
remembered between builds, so that a document validated before against the same schemas and register
ids is not validated again.

The cache (``<out>/.teiedit-cache/validation.json``) holds the findings of each document by its
content hash, for one schema (the bytes of the RELAX NG and Schematron), one list of register ids and
one version of the validation code; any change to those starts it afresh.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from teiedit.diagnostics import Diagnostic, Level, TeieditError
from teiedit.io import read_xml
from teiedit.validate.run import validate_parsed
from teiedit.validate.schemas import Schemas

if TYPE_CHECKING:
    from lxml import etree

    from teiedit.workers import Workers

CACHE_FORMAT = 2


@dataclass(frozen=True)
class ValidationTask:
    """One document to validate (picklable: it may go to another process or machine)."""

    path: Path
    schemas: Schemas
    register_ids: tuple[str, ...]


def validate_task(task: ValidationTask) -> list[Diagnostic]:
    """The findings of one file, parsed here (runs in a worker)."""
    try:
        tree = read_xml(task.path)
        return validate_parsed(tree, task.path, task.schemas, register_ids=task.register_ids)
    except TeieditError as exc:
        return [exc.diagnostic]


def validate_loaded(
    tree: etree._ElementTree, path: Path, schemas: Schemas, register_ids: Sequence[str]
) -> list[Diagnostic]:
    """The findings of one document already parsed (in this process)."""
    try:
        return validate_parsed(tree, path, schemas, register_ids=register_ids)
    except TeieditError as exc:
        return [exc.diagnostic]


def _code() -> str:
    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256(f"format {CACHE_FORMAT}".encode())
    for f in sorted(pkg.glob("*.py")):
        h.update(f.read_bytes())
    return h.hexdigest()


#: Stands for the edition folder in the paths a cache keeps.
BASE = "{edition}/"


def _strings(data: dict[str, Any], change: Callable[[str], str]) -> dict[str, Any]:
    """``data`` with ``change`` applied to its text values (paths in a finding and its message)."""
    return {k: change(v) if isinstance(v, str) else v for k, v in data.items()}


def _diag(data: dict[str, Any]) -> Diagnostic:
    return Diagnostic(**{**data, "level": Level(data["level"])})


class ValidationCache:
    """Findings by document content, for one schema, register ids and validation code."""

    def __init__(
        self,
        path: Path | None,
        schemas: Schemas,
        register_ids: Sequence[str],
        base: Path | None = None,
    ) -> None:
        self.path = path
        # paths under ``base`` (the edition folder) are kept relative to it, so that the cache of a
        # copied or moved edition is the same file and stays valid
        self._base = f"{Path(base).absolute()}/" if base is not None else ""
        h = hashlib.sha256(_code().encode())
        for f in (schemas.rng, schemas.schematron_path()):
            h.update(f.read_bytes() if f is not None and f.is_file() else b"-")
        h.update(repr((schemas.use_xsd, schemas.follow_xml_model, schemas.schematron)).encode())
        h.update("\n".join(register_ids).encode())
        self.key = h.hexdigest()
        self._old: dict[str, list[dict[str, Any]]] = {}
        self._new: dict[str, list[dict[str, Any]]] = {}
        if path is not None and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("key") == self.key:
                    self._old = dict(data["results"])
            except (OSError, ValueError, KeyError, TypeError):
                self._old = {}

    def _key(self, sha256: str, path: Path) -> str:
        # findings name their file: the same content at another path is validated again
        return f"{sha256}:{self._out(str(Path(path).absolute()))}"

    def _out(self, text: str) -> str:
        return text.replace(self._base, BASE) if self._base else text

    def _in(self, text: str) -> str:
        return text.replace(BASE, self._base) if self._base else text

    def get(self, sha256: str, path: Path) -> list[Diagnostic] | None:
        key = self._key(sha256, path)
        found = self._old.get(key)
        if found is None:
            return None
        self._new[key] = found
        return [_diag(_strings(d, self._in)) for d in found]

    def put(self, sha256: str, path: Path, diags: list[Diagnostic]) -> None:
        if any(d.level is Level.FATAL for d in diags):
            return  # an error reading the file: try again next time
        self._new[self._key(sha256, path)] = [_strings(d.to_json(), self._out) for d in diags]

    def save(self) -> None:
        if self.path is None or self._new == self._old:
            return
        from teiedit.io import write_text_atomic

        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"key": self.key, "results": self._new}, sort_keys=True)
        write_text_atomic(self.path, text + "\n")


@dataclass(frozen=True)
class Item:
    """A document to validate: its file, its content hash, and its tree when one is at hand."""

    path: Path
    sha256: str
    tree: Callable[[], etree._ElementTree]


def validate_many(
    items: list[Item],
    schemas: Schemas,
    register_ids: Sequence[str],
    workers: Workers,
    cache: Path | None = None,
    progress: Callable[[str], None] | None = None,
    base: Path | None = None,
) -> list[list[Diagnostic]]:
    """The findings of each item, in order: from the cache (its paths kept relative to ``base``),
    else validated (in workers when many)."""
    memo = ValidationCache(cache, schemas, register_ids, base)
    results: list[list[Diagnostic] | None] = [memo.get(i.sha256, i.path) for i in items]
    todo = [k for k, r in enumerate(results) if r is None]
    ids = tuple(register_ids)
    if progress and todo:
        # a step of the caller's stage (a message starting "validating " would open a stage of its own)
        progress(f"{len(todo)} to validate, {len(items) - len(todo)} unchanged")
    if workers.parallel(len(todo)):
        tasks = [ValidationTask(items[k].path, schemas, ids) for k in todo]
        found = workers.map(validate_task, tasks)
    else:
        found = [validate_loaded(items[k].tree(), items[k].path, schemas, ids) for k in todo]
    for k, diags in zip(todo, found, strict=True):
        results[k] = diags
        memo.put(items[k].sha256, items[k].path, diags)
    memo.save()
    return [r or [] for r in results]
