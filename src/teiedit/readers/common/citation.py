"""Parse archival citations (``[Source: RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85. Obtained ...]``)
and web-archive citations (``Library of Congress, DK949.32 K6 Korea Cage. Obtained for ...``) into TEI
``msDesc`` with ``msIdentifier`` parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from teiedit.document import E

_SOURCE = re.compile(r"^\[\s*Source\s*:\s*(?P<body>.*?)\]?\s*$", re.DOTALL | re.IGNORECASE)

#: Russian archival hierarchy (transliterated) and its abbreviations: fond, opis, delo, listy, papka.
_PART = re.compile(
    r"^(?P<key>fond|f\.|opis|op\.|o\.|delo|d\.|listy|listi|list|ll\.|l\.|papka|p\.)\s*(?P<val>\S.*)$",
    re.IGNORECASE,
)
_KEYS = {
    "fond": "fond",
    "f.": "fond",
    "opis": "opis",
    "op.": "opis",
    "o.": "opis",
    "delo": "delo",
    "d.": "delo",
    "listy": "listy",
    "listi": "listy",
    "list": "listy",
    "ll.": "listy",
    "l.": "listy",
    "papka": "papka",
    "p.": "papka",
}
_ABBREV = re.compile(r"\(\s*hereafter\s+(?P<abbr>[^)]+)\)", re.IGNORECASE)


@dataclass
class ArchivalCitation:
    """The parts of an archival citation; ``text`` is the citation as written."""

    text: str
    repository: str = ""
    repository_abbr: str = ""
    idnos: list[tuple[str, str]] = field(default_factory=list)  # (type, value) in order
    note: str = ""  # what follows the shelfmark: "Obtained and translated for CWIHP by ..."

    def ms_desc(self) -> etree._Element:
        ident = E.msIdentifier()
        if self.repository:
            repo = E.repository(self.repository)
            ident.append(repo)
        fond = [v for t, v in self.idnos if t == "fond"]
        if fond:
            ident.append(E.collection(f"Fond {fond[0]}"))
        for kind, value in self.idnos:
            ident.append(E.idno(value, type=kind))
        if len(ident) == 0:
            ident.append(E.idno(self.text))
        return E.msDesc(ident, E.p(" ".join(self.text.split())))


def source_line_body(text: str) -> str | None:
    """The inside of a ``[Source: ...]`` block, or None if the block is not one."""
    m = _SOURCE.match(text.strip())
    return m["body"] if m else None


def parse_archival(body: str) -> ArchivalCitation:
    """Split ``RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85. Obtained ...`` into its parts."""
    flat = " ".join(body.split())
    cit = ArchivalCitation(text=flat)
    # The shelfmark ends at the first full stop followed by a capitalised word that is not a part key.
    head, rest = flat, ""
    for m in re.finditer(r"\.\s+(?=[A-Z])", flat):
        after = flat[m.end() :]
        if not _PART.match(after):
            head, rest = flat[: m.start()], after
            break
    parts = [p.strip() for p in head.split(",") if p.strip()]
    repo_parts: list[str] = []
    for part in parts:
        pm = _PART.match(part)
        if pm:
            cit.idnos.append((_KEYS[pm["key"].lower()], pm["val"].rstrip(".")))
        elif not cit.idnos:
            repo_parts.append(part)
        else:
            cit.idnos.append(("shelfmark", part))
    repo = ", ".join(repo_parts)
    abbr = _ABBREV.search(repo)
    if abbr:
        cit.repository_abbr = abbr["abbr"].strip()
        repo = _ABBREV.sub("", repo).strip()
    if not cit.idnos and repo_parts:
        # "Library of Congress, DK949.32 K6 Korea Cage": the first part names the holder, the rest is its mark.
        cit.repository = repo_parts[0]
        if len(repo_parts) > 1:
            cit.idnos.append(("shelfmark", ", ".join(repo_parts[1:])))
    else:
        cit.repository = repo
    cit.note = rest.strip()
    return cit
