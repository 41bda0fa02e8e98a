"""Where each TEI file of the edition is published in the site, and how a pointer in it is rewritten so
that it holds there: ``tei/<page>.xml`` for documents, ``tei/registers/<name>.xml`` for registers,
``schema/build/`` for the schemas the ``xml-model`` PIs name.

A pointer ``#id`` to a register entry becomes ``registers/persons.xml#id`` in a document (the entry lives in
another file once the TEI is downloaded); a relative path to another file of the edition becomes the path of
its published copy. Pointers that already hold (an ``xml:id`` of the same file, absolute URLs) are kept.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree

from teiedit.document import XML_ID
from teiedit.edition import Edition

#: Attributes whose values are (lists of) TEI pointers (teidata.pointer).
POINTER_ATTRS = frozenset(
    {
        "ref", "target", "corresp", "who", "sameAs", "resp", "source", "ana", "hand", "copyOf",
        "next", "prev", "synch", "select", "exclude", "active", "passive", "mutual", "facs",
        "url", "scribeRef", "scriptRef", "decls", "wit",
    }
)  # fmt: skip
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
SCHEMA_DIR = "schema/build"
TEI_DIR = "tei"
REGISTER_DIR = "tei/registers"


def is_relative_file(token: str) -> bool:
    """A relative reference to another file (not ``#id``, not absolute, not a URL with a scheme)."""
    return bool(token) and not token.startswith(("#", "/")) and not _SCHEME.match(token)


@lru_cache(maxsize=4096)
def relative_href(from_file: str, to_file: str) -> str:
    """The relative URL from one site file to another (both relative to the site's root)."""
    # (Kept: a document's pointers name the same few files, and relpath asks for the working folder.)
    return posixpath.relpath(to_file, posixpath.dirname(from_file) or ".")


@dataclass
class SiteLayout:
    """Published paths (relative to the site's root) of the edition's TEI files, and the register file
    each register id lives in."""

    #: resolved source path -> site path
    files: dict[Path, str] = field(default_factory=dict)
    #: register entry id (any xml:id of a register file) -> site path of its register file
    register_home: dict[str, str] = field(default_factory=dict)
    #: site path -> source path of each register file
    registers: dict[str, Path] = field(default_factory=dict)

    @classmethod
    def of(cls, edition: Edition) -> SiteLayout:
        layout = cls()
        for ed in edition.documents():
            layout.files[ed.path.resolve()] = f"{TEI_DIR}/{ed.page}.xml"
        taken: set[str] = set()
        for path, root in zip(edition.registers.files, edition.registers.roots, strict=True):
            name, i = path.name, 2
            while name in taken:
                name, i = f"{path.stem}-{i}{path.suffix}", i + 1
            taken.add(name)
            site = f"{REGISTER_DIR}/{name}"
            layout.files[path.resolve()] = site
            layout.registers[site] = path
            for entry_id in root.xpath("//@xml:id"):
                layout.register_home.setdefault(str(entry_id), site)
        return layout

    def to_json(self) -> str:
        """The layout as JSON (a page's worker reads it once: see builders/html_pages.py)."""
        return json.dumps(
            {
                "files": {str(k): v for k, v in self.files.items()},
                "register_home": self.register_home,
                "registers": {k: str(v) for k, v in self.registers.items()},
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> SiteLayout:
        data = json.loads(text)
        return cls(
            {Path(k): v for k, v in data["files"].items()},
            dict(data["register_home"]),
            {k: Path(v) for k, v in data["registers"].items()},
        )

    def rewrite_pointer(self, token: str, here: str, source: Path, local_ids: set[str]) -> str:
        """``token`` as it must read in the file published at ``here`` (made from ``source``)."""
        if token.startswith("#"):
            target_id = token[1:]
            home = self.register_home.get(target_id)
            if target_id in local_ids or home is None or home == here:
                return token
            return f"{relative_href(here, home)}{token}"
        if is_relative_file(token):
            path, _, fragment = token.partition("#")
            if not path:
                return token
            target = (source.parent / path).resolve()
            site = self.files.get(target)
            if site is not None:
                return relative_href(here, site) + (f"#{fragment}" if fragment else "")
        return token

    def rewrite_tree(self, root: etree._Element, here: str, source: Path) -> None:
        """Rewrite every pointer of ``root`` in place for its published place ``here``."""
        local_ids = {str(i) for i in root.xpath("//@xml:id")}
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            for name, value in el.attrib.items():
                if name not in POINTER_ATTRS or name == XML_ID:
                    continue
                tokens = value.split()
                new = [self.rewrite_pointer(t, here, source, local_ids) for t in tokens]
                if new != tokens:
                    el.set(name, " ".join(new))
