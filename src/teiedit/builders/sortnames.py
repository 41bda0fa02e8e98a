"""Where a register entry sorts and the form it is listed under, as ``xslt/common/names.xsl`` says it.

The web's register overviews are built in Python from the registers (builders/sitedata.py), the print index
in XSLT: both follow the same rules (docs/tei-conventions.md, "Registers").
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from teiedit.document import XML_ID, local_name, tei
from teiedit.facts import normalize_space

_NAMES = ("persName", "placeName", "orgName", "name")
_PREFERRED = ("preferred", "main", "reg", "standard")


def preferred_name(entry: etree._Element) -> etree._Element | None:
    """The entry's preferred name element (as te:preferred-name)."""
    names = [c for c in entry if isinstance(c.tag, str) and local_name(c) in _NAMES]
    best = (
        [n for n in names if n.get("type") in _PREFERRED]
        + [n for n in names if not n.get("type")]
        + names
    )
    return best[0] if best else None


def _text(el: etree._Element) -> str:
    return normalize_space("".join(el.itertext()))


def sort_form(text: str) -> str:
    """A string as it sorts: lower case, accents and marks dropped, a leading "the" dropped."""
    plain = unicodedata.normalize("NFD", normalize_space(text).lower())
    plain = "".join(c for c in plain if unicodedata.category(c) != "Mn")
    return re.sub(r"^the\s+", "", plain)


def sort_key(entry: etree._Element) -> str:
    """The words the entry sorts by: @sortKey, else surname(s), forename(s) and the other parts of a
    split name, else the preferred name, else the id."""
    name = preferred_name(entry)
    candidates = [(entry.get("sortKey") or "").replace("_", " ")]
    if name is not None:
        if name.find(tei("surname")) is not None:
            parts = (
                name.findall(tei("surname"))
                + name.findall(tei("forename"))
                + [
                    c
                    for c in name
                    if isinstance(c.tag, str) and local_name(c) not in ("surname", "forename")
                ]
            )
            candidates.append(" ".join(_text(p) for p in parts))
        candidates.append(_text(name))
    candidates.append(entry.get(XML_ID, ""))
    return sort_form(next((c for c in candidates if c.strip()), ""))


def index_name(entry: etree._Element) -> str:
    """The form an index lists the entry under: "Surname, Forenames" for a split name unless it is
    written surname first with spaces between its parts ("Kim Il Sung")."""
    name = preferred_name(entry)
    if name is None:
        return ""
    sur = name.find(tei("surname"))
    fore = name.find(tei("forename"))
    if sur is None or fore is None:
        return _text(name)
    children = [c for c in name if isinstance(c.tag, str)]
    # the text nodes that some element follows: before the first part and between the parts
    texts = [t for t in [name.text] + [c.tail for c in children[:-1]] if t]
    written_surname_first = (
        children.index(sur) < children.index(fore)
        and bool(texts)
        and all(re.fullmatch(r"\s+", t) for t in texts)
    )
    if written_surname_first:
        return _text(name)
    surnames = " ".join(_text(s) for s in name.findall(tei("surname")))
    others = " ".join(_text(c) for c in children if local_name(c) != "surname")
    return normalize_space(surnames) + ", " + normalize_space(others)
