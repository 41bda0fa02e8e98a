"""The edition's settings, read from ``teiedit.toml`` at the edition's root."""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from teiedit.config_check import Checker
from teiedit.diagnostics import TeieditError

CONFIG_NAME = "teiedit.toml"


@dataclass(frozen=True)
class Editor:
    id: str
    name: str
    resp: str = "editor"


@dataclass(frozen=True)
class SourceSettings:
    """What ``[sources."name.txt"]`` in teiedit.toml says about one source; empty values: the default."""

    profile: str = ""  # the reader to use; "": detect it from the text's structure
    repair: bool = True  # repair PDF-extraction damage
    language: str = ""  # the language of the text when detection is unsure; "": the edition's
    kind: str = ""  # the kind of document (letter, memorandum, ...); "": what the reader found

    def digest(self) -> str:
        """What this source's conversion fingerprint adds (empty for the defaults, so that a source
        without settings keeps the fingerprint it had)."""
        if self == SourceSettings():
            return ""
        text = json.dumps(self.__dict__, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Settings:
    """Settings of one edition (``teiedit.toml``); every path is absolute (a relative one is taken
    relative to ``root``)."""

    root: Path
    title: str = "Untitled edition"
    short_title: str = ""
    publisher: str = ""
    pub_place: str = ""
    licence: str = ""
    licence_url: str = ""
    base_url: str = ""
    #: The editors' contact address, for harvesters (OAI-PMH's Identify, CMIF).
    email: str = ""
    language: str = "en"
    #: Languages the language pass may detect (ISO 639-1); empty: teiedit.language.DEFAULT_CANDIDATES.
    language_candidates: tuple[str, ...] = ()
    editors: tuple[Editor, ...] = ()
    sources: Path = field(default=Path("sources"))
    tei: Path = field(default=Path("tei"))
    registers: Path = field(default=Path("tei/registers"))
    schema: Path = field(default=Path("schema"))
    out: Path = field(default=Path("out"))
    #: ``[sources."name.txt"]`` tables: settings of single sources, by file name.
    per_source: tuple[tuple[str, SourceSettings], ...] = ()
    #: A Dask scheduler's address (``[cluster] scheduler``): per-document work runs on its workers.
    scheduler: str = ""
    #: ``[entities] titles`` and ``not_names``: words `teiedit entities suggest` adds to its own lists
    #: (a title before a name; a capitalised word that is no name by itself).
    suggest_titles: tuple[str, ...] = ()
    suggest_not_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        root = self.root.resolve()
        object.__setattr__(self, "root", root)
        for name in ("sources", "tei", "registers", "schema", "out"):
            path: Path = getattr(self, name)
            object.__setattr__(self, name, path if path.is_absolute() else (root / path).resolve())

    def source_settings(self, filename: str) -> SourceSettings:
        """The settings ``teiedit.toml`` gives the source ``filename`` (the defaults if none)."""
        return dict(self.per_source).get(filename, SourceSettings())

    @property
    def imported(self) -> Path:
        """Where `teiedit import` keeps documents from other projects, unaltered (under tei/)."""
        return self.tei / "imported"

    @property
    def rng(self) -> Path:
        return self.schema / "build" / "teiedit.rng"

    @property
    def sch(self) -> Path:
        return self.schema / "build" / "teiedit.sch"


def settings_digest(edition: Edition) -> str:
    """A digest of every setting that can reach the TEI (all but the paths and where the work runs):
    part of the conversion fingerprint, so that a changed publisher or editor converts the sources
    again."""
    values = {
        f.name: getattr(edition, f.name)
        for f in fields(edition)
        # per-source settings are in that source's fingerprint only (SourceSettings.digest); where the
        # work runs changes no output, nor do the words of `entities suggest`
        if f.name not in ("root", "per_source", "scheduler", "suggest_titles", "suggest_not_names")
        and not isinstance(getattr(edition, f.name), Path)
    }
    text = json.dumps(values, default=repr, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_edition_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding a teiedit.toml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def load_settings(root: Path | None = None) -> Settings:
    """The settings of the edition at ``root`` (or the nearest one above the current folder)."""
    found = find_edition_root(root or Path.cwd())
    if found is None:
        raise TeieditError(
            f"no {CONFIG_NAME} here or in any folder above",
            root or Path.cwd(),
            hint="run this in an edition folder, or create one with `teiedit init DIR`",
        )
    cfg_path = found / CONFIG_NAME
    try:
        text = cfg_path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TeieditError(f"invalid TOML: {exc}", cfg_path, hint="fix the syntax") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TeieditError(
            f"cannot read the settings: {exc}", cfg_path, hint="check the file is UTF-8 text"
        ) from None
    Checker(cfg_path, text).check(data)  # before any value is used
    ed = data.get("edition", {})
    paths = data.get("paths", {})
    editors = tuple(
        Editor(
            id=str(e.get("id", f"ed{i}")), name=str(e["name"]), resp=str(e.get("resp", "editor"))
        )
        for i, e in enumerate(ed.get("editors", []), start=1)
        if "name" in e
    )

    def p(key: str, default: str) -> Path:
        return (found / str(paths.get(key, default))).resolve()

    return Settings(
        root=found,
        title=str(ed.get("title", "Untitled edition")),
        short_title=str(ed.get("short_title", ed.get("title", ""))),
        publisher=str(ed.get("publisher", "")),
        pub_place=str(ed.get("pub_place", "")),
        licence=str(ed.get("licence", "")),
        licence_url=str(ed.get("licence_url", "")),
        base_url=str(ed.get("base_url", "")),
        email=str(ed.get("email", "")),
        language=str(ed.get("language", "en")),
        language_candidates=tuple(str(c) for c in ed.get("language_candidates", ())),
        editors=editors,
        sources=p("sources", "sources"),
        tei=p("tei", "tei"),
        registers=p("registers", "tei/registers"),
        schema=p("schema", "schema"),
        out=p("out", "out"),
        per_source=tuple(
            (str(name), _source_settings(table)) for name, table in data.get("sources", {}).items()
        ),
        scheduler=str(data.get("cluster", {}).get("scheduler", "")),
        suggest_titles=tuple(data.get("entities", {}).get("titles", ())),
        suggest_not_names=tuple(data.get("entities", {}).get("not_names", ())),
    )


def _source_settings(table: dict[str, object]) -> SourceSettings:
    return SourceSettings(
        profile=str(table.get("profile", "")),
        repair=bool(table.get("repair", True)),
        language=str(table.get("language", "")),
        kind=str(table.get("kind", "")),
    )


def default_settings(root: Path | None = None) -> Settings:
    """Settings used when converting outside any edition (``teiedit convert`` in a bare folder)."""
    base = (root or Path.cwd()).resolve()
    # Paths are resolved against ``base``, never the current folder: a bare folder has no registers
    # unless it holds tei/registers itself.
    return Settings(
        root=base,
        sources=base / "sources",
        tei=base / "tei",
        registers=base / "tei" / "registers",
        schema=base / "schema",
        out=base / "out",
    )


#: The former name of Settings, still imported by readers/ (rewritten on another branch); use Settings.
Edition = Settings
