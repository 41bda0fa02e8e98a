"""Checks of ``teiedit.toml`` before any value is used: known keys only, the right types, editor ids
that are XML names, URLs that are URLs, a licence teiedit knows or one given with its URL, and no
placeholder left from ``teiedit init``. Each error names the line and the fix (the nearest valid key)."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

from teiedit.diagnostics import TeieditError

#: The keys each table may have.
KEYS: dict[str, tuple[str, ...]] = {
    "": ("edition", "paths", "sources", "cluster", "entities"),
    "edition": (
        "title",
        "short_title",
        "publisher",
        "pub_place",
        "licence",
        "licence_url",
        "base_url",
        "email",
        "language",
        "language_candidates",
        "editors",
    ),
    "edition.editors": ("id", "name", "resp"),
    "paths": ("sources", "tei", "registers", "schema", "out"),
    # [sources."name.txt"]: one source's settings (`teiedit convert --profile P --remember` writes them)
    "sources.*": ("profile", "repair", "language", "kind"),
    "cluster": ("scheduler",),
    # words `teiedit entities suggest` adds to its own lists (entities/suggest.py)
    "entities": ("titles", "not_names"),
}
#: Licences known by name (SPDX identifiers), with their URL; any other licence needs licence_url.
LICENCES = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC-BY-NC-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC-BY-NC-SA-4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "CC-BY-ND-4.0": "https://creativecommons.org/licenses/by-nd/4.0/",
    "CC-BY-NC-ND-4.0": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    "CC-BY-3.0": "https://creativecommons.org/licenses/by/3.0/",
    "CC-BY-SA-3.0": "https://creativecommons.org/licenses/by-sa/3.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "ODC-By-1.0": "https://opendatacommons.org/licenses/by/1-0/",
    "ODbL-1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
    "PDDL-1.0": "https://opendatacommons.org/licenses/pddl/1-0/",
    "Etalab-2.0": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
#: Values `teiedit init` writes for the editor to replace; left in place they would reach the title page.
PLACEHOLDERS = {
    ("edition", "title"): ("Untitled edition", "write the edition's title there"),
    ("edition.editors", "name"): ("Your Name", "write the editor's name there"),
}
_NCNAME = re.compile(r"^[^\W\d][\w.\-]*$")
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_KIND = re.compile(r"^[a-z][a-z\-]*$")


class Checker:
    """Checks one parsed teiedit.toml, raising a TeieditError at the first problem."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def line_of(self, key: str, value: str = "") -> int:
        """The first line that sets ``key`` (or holds ``value``), for the message."""
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for i, line in enumerate(self.lines, start=1):
            if pattern.match(line) and (not value or value in line):
                return i
        return 0

    def fail(self, message: str, key: str = "", hint: str = "", value: str = "") -> NoReturn:
        raise TeieditError(
            message, self.path, line=self.line_of(key, value) if key else 0, hint=hint
        )

    def check(self, data: dict[str, object]) -> None:
        self.keys("", data)
        edition = self.table(data, "edition")
        paths = self.table(data, "paths")
        self.keys("edition", edition)
        self.keys("paths", paths)
        cluster = self.table(data, "cluster")
        self.keys("cluster", cluster)
        for key, value in cluster.items():
            self.string("cluster", key, value)
        for key in KEYS["edition"]:
            if key in ("editors", "language_candidates") or key not in edition:
                continue
            self.string("edition", key, edition[key])
        for key, value in paths.items():
            self.string("paths", key, value)
        self.urls(edition)
        self.licence(edition)
        self.languages(edition)
        self.editors(edition.get("editors", []))
        self.sources(self.table(data, "sources"))
        entities = self.table(data, "entities")
        self.keys("entities", entities)
        for key, value in entities.items():
            self.words("entities", key, value)

    def sources(self, sources: dict[str, object]) -> None:
        """``[sources."name.txt"]`` tables: known keys, each value of the right kind."""
        for name, table in sources.items():
            if not isinstance(table, dict):
                self.fail(
                    f"sources.{name} must be a table",
                    name,
                    hint=f'write it as [sources."{name}"] with profile, repair, language or kind',
                )
            header = f'sources."{name}"'
            self.keys("sources.*", table, where=f"[{header}]")
            for key in ("profile", "language", "kind"):
                if key in table:
                    self.string(header, key, table[key])
            if "repair" in table and not isinstance(table["repair"], bool):
                self.fail(
                    f"repair in [{header}] must be true or false, not {table['repair']!r}",
                    "repair",
                    hint="write repair = false (without quotes) to turn repairs off",
                )
            language = table.get("language", "")
            if language and not _LANG.match(str(language)):
                self.fail(
                    f"language {language!r} in [{header}] is not a language code",
                    "language",
                    hint="use an ISO 639 code such as 'en', 'de' or 'ko'",
                    value=str(language),
                )
            kind = table.get("kind", "")
            if kind and not _KIND.match(str(kind)):
                self.fail(
                    f"kind {kind!r} in [{header}] is not a kind of document",
                    "kind",
                    hint="one lower-case word such as letter, memorandum, report, article",
                    value=str(kind),
                )

    def choice(self, header: str, key: str, value: str, valid: list[str]) -> None:
        """A value that must be one of ``valid`` (a profile the readers know), with the nearest."""
        if value in valid:
            return
        near = difflib.get_close_matches(value, valid, n=1, cutoff=0.5)
        self.fail(
            f"{key} {value!r} in [{header}] is not one teiedit knows",
            key,
            hint=(f"did you mean {near[0]!r}? " if near else "") + "valid: " + ", ".join(valid),
            value=value,
        )

    def table(self, data: dict[str, object], name: str) -> dict[str, object]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            self.fail(f"[{name}] must be a table", name, hint=f"write it as a [{name}] section")
        return value

    def keys(self, table: str, data: dict[str, object], where: str = "") -> None:
        valid = KEYS[table]
        for key in data:
            if key in valid:
                continue
            near = difflib.get_close_matches(key, valid, n=1, cutoff=0.6)
            where = f"in {where or f'[{table}]'}" if table else "at the top level"
            hint = f"did you mean {near[0]!r}?" if near else "valid keys: " + ", ".join(valid)
            self.fail(f"unknown key {key!r} {where}", key, hint=hint)

    def string(self, table: str, key: str, value: object) -> None:
        if not isinstance(value, str):
            self.fail(
                f"{key} in [{table}] must be text in quotes, not {value!r}",
                key,
                hint=f'write {key} = "…"',
            )
        placeholder, hint = PLACEHOLDERS.get((table, key), ("", ""))
        if placeholder and value == placeholder:
            self.fail(
                f"{key} in [{table}] is still the placeholder {placeholder!r} of `teiedit init`",
                key,
                hint=hint,
                value=placeholder,
            )

    def words(self, table: str, key: str, value: object) -> None:
        """A list of words (each one word, no spaces)."""
        if not isinstance(value, list) or not all(
            isinstance(w, str) and w and not re.search(r"\s", w) for w in value
        ):
            self.fail(
                f"{key} in [{table}] must be a list of single words in quotes",
                key,
                hint=f'write e.g. {key} = ["Bishop", "Abbot"]',
            )

    def urls(self, edition: dict[str, object]) -> None:
        for key in ("base_url", "licence_url"):
            value = edition.get(key, "")
            if isinstance(value, str) and value and not is_url(value):
                self.fail(
                    f"{key} is not a URL: {value!r}",
                    key,
                    hint="give a full address starting with https:// (or leave it empty)",
                )

    def licence(self, edition: dict[str, object]) -> None:
        licence = edition.get("licence", "")
        url = edition.get("licence_url", "")
        if not licence or url or str(licence).casefold() in {k.casefold() for k in LICENCES}:
            return
        near = difflib.get_close_matches(str(licence), list(LICENCES), n=1, cutoff=0.6)
        self.fail(
            f"the licence {licence!r} is not one teiedit knows, and no licence_url is given",
            "licence",
            hint=(f"did you mean {near[0]!r}? " if near else "")
            + "give its address in licence_url, or use one of: "
            + ", ".join(LICENCES),
        )

    def languages(self, edition: dict[str, object]) -> None:
        language = edition.get("language", "en")
        if isinstance(language, str) and not _LANG.match(language):
            self.fail(
                f"language {language!r} is not a language code",
                "language",
                hint="use an ISO 639 code such as 'en', 'de' or 'ko'",
            )
        candidates = edition.get("language_candidates", [])
        if not isinstance(candidates, list) or not all(
            isinstance(c, str) and _LANG.match(c) for c in candidates
        ):
            self.fail(
                "language_candidates must be a list of language codes",
                "language_candidates",
                hint='write e.g. language_candidates = ["en", "ru", "ko"]',
            )

    def editors(self, editors: object) -> None:
        if not isinstance(editors, list) or not all(isinstance(e, dict) for e in editors):
            self.fail(
                "editors must be [[edition.editors]] entries",
                "editors",
                hint='write [[edition.editors]] with id = "…" and name = "…" under it',
            )
        seen: set[str] = set()
        for i, editor in enumerate(editors, start=1):
            self.keys("edition.editors", editor)
            for key, value in editor.items():
                self.string("edition.editors", key, value)
            if not str(editor.get("name", "")).strip():
                self.fail(
                    f"editor {i} has no name",
                    hint='add name = "…" to that [[edition.editors]] entry',
                )
            ident = str(editor.get("id", f"ed{i}"))
            if not _NCNAME.match(ident):
                self.fail(
                    f"editor id {ident!r} is not an XML name (it becomes an xml:id)",
                    "id",
                    hint="start with a letter; use only letters, digits, '-', '_' and '.' "
                    "(e.g. 'ed-smith')",
                    value=ident,
                )
            if ident in seen:
                self.fail(f"two editors have the id {ident!r}", "id", hint="give each its own id")
            seen.add(ident)


def is_url(value: str) -> bool:
    """True for an absolute http(s) URL with a host and no white space."""
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not re.search(r"\s", value)
