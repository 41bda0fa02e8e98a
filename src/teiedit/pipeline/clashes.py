"""Two sources must not write one file: the first is converted, the other reported."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Protocol, TypeVar

from teiedit.diagnostics import Diagnostic, Level, TeieditError
from teiedit.io import output_path
from teiedit.state import TeiState
from teiedit.update import PENDING_DIR, Planned


class Result(Protocol):
    """What a source's result must give here (teiedit.pipeline.SourceResult)."""

    source: str
    diagnostics: list[Diagnostic]


R = TypeVar("R", bound=Result)


def without_name_clashes(
    planned: list[tuple[R, Planned]],
    state: TeiState,
    sources: set[str],
    out_dir: Path,
) -> list[tuple[R, Planned]]:
    """The conversions to write: a source that would write a file another source writes (``Letter
    One.txt`` beside ``letter-one.txt``, ``a-01.txt`` beside part 1 of compilation ``a``) is reported
    and none of its files is written. The file's owner is the source that wrote it before (unchanged
    now, so not converted again), else the first source by name; no output may land outside
    ``out_dir``."""
    owner: dict[str, str] = {
        name: entry.source for name, entry in state.files.items() if entry.source in sources
    }
    kept: list[tuple[R, Planned]] = []
    for result, p in sorted(planned, key=lambda pair: pair[1].source):
        try:
            for name, _ in p.payloads:
                output_path(out_dir, name)
                output_path(out_dir / PENDING_DIR, name)
        except TeieditError as exc:
            result.diagnostics.append(replace(exc.diagnostic, level=Level.ERROR, origin="convert"))
            continue
        clashes = [
            (name, owner[name]) for name, _ in p.payloads if owner.get(name, p.source) != p.source
        ]
        if clashes:
            name, other = clashes[0]
            result.diagnostics.append(
                Diagnostic(
                    message=(
                        f"not converted: {p.source} and {other} would both write {name} "
                        f"(their names make the same document id); {other} keeps it"
                    ),
                    path=result.source,
                    level=Level.ERROR,
                    origin="convert",
                    rule="same-output",
                    suggestion=f"rename {p.source} (or {other}) so that their document ids differ",
                )
            )
            continue
        for name, _ in p.payloads:
            owner[name] = p.source
        kept.append((result, p))
    # in the order given: the report and the transaction see the sources as before
    order = {id(result): i for i, (result, _) in enumerate(planned)}
    return sorted(kept, key=lambda pair: order[id(pair[0])])
