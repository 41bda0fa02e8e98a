"""What a builder is: an entry of the BUILDERS table (teiedit/builders/registry.py) with one signature,
``build(edition, out, options) -> list[Path]``, and Sphinx's ``outdated(edition, out)``: the names of the
documents whose outputs must be made again.

Incremental rebuilds come from one mechanism, the :class:`Manifest` a builder keeps beside its outputs:
a hash of its own code and assets, a hash per document of what that document's outputs depend on, and a
hash of what the edition-level outputs depend on. A build compares the new hashes with the manifest's and
redoes only what changed (or is missing). Each builder declares its command-line options (:class:`Option`);
the CLI's commands, choices and ``--help`` are generated from the table.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from teiedit.diagnostics import Diagnostic, Progress

if TYPE_CHECKING:
    from teiedit.edition import Edition
    from teiedit.workers import Workers

#: "render": a command of its own, ``teiedit NAME PATH... --out DIR``, over any TEI files;
#: "export": a format of ``teiedit export NAME --out PATH``, over the edition around the current folder.
Group = Literal["render", "export"]


@dataclass(frozen=True)
class Option:
    """A command-line option of a builder (``--url URL``); its value reaches ``build`` as
    ``options.get(dest)``."""

    flag: str
    help: str
    metavar: str | None = None
    type: Callable[[str], object] = str
    #: A switch (``--flag``, True when given) rather than an option with a value.
    switch: bool = False

    @property
    def dest(self) -> str:
        return self.flag.lstrip("-").replace("-", "_")


@dataclass(frozen=True)
class BuildOptions:
    """The values of a builder's options (by ``Option.dest``; settings that are no command-line option,
    such as the web edition's links to the PDFs, too), and where to report progress."""

    values: Mapping[str, object] = field(default_factory=dict)
    progress: Progress | None = None
    #: Where to say what was made (a summary, warnings): the command prints it.
    report: Callable[[str], None] | None = None
    #: Make every output again, whatever the manifest says.
    force: bool = False
    #: Where to put a finding about the edition (an output it cannot give, and why); without it the
    #: finding is told as a line.
    notice: Callable[[Diagnostic], None] | None = None
    #: Where per-document work runs (None: a pool of this machine's cores, made for the build).
    workers: Workers | None = None

    def get(self, name: str, default: object = None) -> object:
        value = self.values.get(name)
        return default if value is None else value

    def say(self, message: str) -> None:
        """Progress: what is being done now."""
        if self.progress is not None:
            self.progress(message)

    def tell(self, message: str) -> None:
        """A result for the user: what was written, warnings."""
        if self.report is not None:
            self.report(message)

    def note(self, finding: Diagnostic) -> None:
        """A finding about the edition: to ``notice`` (a build lists it), else told as a line."""
        if self.notice is not None:
            self.notice(finding)
        else:
            self.tell(f"{finding.level.value}: {finding.message}")


class Builder(Protocol):
    """One row of the BUILDERS table."""

    # read-only members: a class attribute, an attribute or a property (a lazy row's) each satisfy them
    @property
    def name(self) -> str: ...

    @property
    def group(self) -> Group: ...

    @property
    def help(self) -> str:
        """One line, for the list of commands."""
        ...

    @property
    def description(self) -> str:
        """The command's (or the format's) description in --help."""
        ...

    @property
    def options(self) -> tuple[Option, ...]: ...

    def outdated(self, edition: Edition, out: Path) -> set[str]:
        """The names (pages) of the documents whose outputs in ``out`` must be made again."""
        ...

    def build(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        """Make the outputs in ``out`` that are outdated; return the files written."""
        ...


def digest(*parts: str | bytes) -> str:
    """A SHA-256 of the parts, each length-prefixed (so that ("ab", "c") and ("a", "bc") differ)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(f"{len(data)}:".encode())
        h.update(data)
    return h.hexdigest()


def files_fingerprint(salt: str, files: Iterable[Path], folders: Iterable[Path] = ()) -> str:
    """A hash of a builder's own code and assets: the given files, and every file of the given folders
    (a changed builder or stylesheet makes every output again)."""
    h = hashlib.sha256(salt.encode())
    for f in files:
        h.update(f.read_bytes())
    for folder in folders:
        for f in sorted(folder.glob("*")):
            if f.is_file():
                h.update(f"{folder.name}/{f.name}\0".encode())
                h.update(f.read_bytes())
    return h.hexdigest()


@dataclass
class Manifest:
    """What a builder's outputs were made from: ``assets`` (its code and assets), ``docs`` (per document
    name, the hash of what its outputs depend on) and ``lists`` (the edition-level outputs')."""

    assets: str = ""
    docs: dict[str, str] = field(default_factory=dict)
    lists: str = ""

    @classmethod
    def read(cls, path: Path) -> Manifest:
        """The manifest at ``path``; an empty one when there is none or it is unreadable."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                assets=str(data["assets"]),
                docs={str(k): str(v) for k, v in data["docs"].items()},
                lists=str(data["lists"]),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def text(self, format_version: int) -> str:
        data = {"format": format_version, "assets": self.assets, "docs": self.docs}
        data["lists"] = self.lists
        return json.dumps(data, indent=1, sort_keys=True) + "\n"

    def write(self, path: Path, format_version: int) -> None:
        from teiedit.io import write_text_atomic

        write_text_atomic(path, self.text(format_version))

    def outdated(self, new: Manifest, outputs: Callable[[str], Iterable[Path]]) -> set[str]:
        """The documents of ``new`` whose hash is not the one recorded here, or whose outputs are missing."""
        return {
            name
            for name, h in new.docs.items()
            if self.docs.get(name) != h or not all(p.is_file() for p in outputs(name))
        }


def sidecar(out: Path) -> Path:
    """Where a builder whose output is one file (``cmif.xml``) keeps its manifest: beside it."""
    return out.parent / f".{out.name}.teiedit.json"
