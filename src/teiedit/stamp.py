"""The conversion stamp: a processing instruction by which a TEI file says how teiedit made it.

Every file a conversion writes into ``tei/`` carries, after the XML declaration, one line

    <?teiedit doc="x.xml" source="x.txt" source-sha256="…" fingerprint="…" content-sha256="…"?>

``content-sha256`` is the SHA-256 of the file without that line, so a file whose digest still matches is
recognisably "as teiedit wrote it" (no hand edit), and the edition's state can be rebuilt from the files
themselves when it is lost. ``doc`` is the name the file was written under: a renamed file still says
which document it is.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

TARGET = "teiedit"
_LINE = re.compile(rb"^<\?teiedit (?P<body>[^\n]*?)\?>\r?\n", re.MULTILINE)
_ATTR = re.compile(r'(?P<key>[a-z0-9-]+)="(?P<value>[^"]*)"')
_ROOT = re.compile(rb"^<[A-Za-z_]", re.MULTILINE)
_FIELDS = (
    ("doc", "doc"),
    ("source", "source"),
    ("source-sha256", "source_sha256"),
    ("fingerprint", "fingerprint"),
)


@dataclass(frozen=True)
class Stamp:
    """What a conversion wrote into a file: its name, the source and its digest, the converter."""

    doc: str
    source: str
    source_sha256: str
    fingerprint: str


def _prolog_end(data: bytes) -> int:
    found = _ROOT.search(data)
    return found.start() if found else len(data)


def _find(data: bytes) -> re.Match[bytes] | None:
    """The stamp line, looked for only before the root element (never in the text)."""
    return _LINE.search(data, 0, _prolog_end(data))


def unstamped(data: bytes) -> bytes:
    """The file's bytes without its stamp line."""
    found = _find(data)
    return data if found is None else data[: found.start()] + data[found.end() :]


def stamp(data: bytes, st: Stamp) -> bytes:
    """``data`` (serialised TEI) with a fresh stamp line after the XML declaration (any old one removed)."""
    data = unstamped(data)
    values = {"doc": st.doc, "source": st.source}
    values |= {"source-sha256": st.source_sha256, "fingerprint": st.fingerprint}
    attrs = " ".join(f'{key}="{quote(values[key], safe="")}"' for key, _ in _FIELDS)
    attrs += f' content-sha256="{hashlib.sha256(data).hexdigest()}"'
    line = f"<?{TARGET} {attrs}?>\n".encode()
    cut = data.index(b"\n") + 1 if data.startswith(b"<?xml ") and b"\n" in data else 0
    return data[:cut] + line + data[cut:]


def stamp_like(data: bytes, stamped: bytes) -> bytes:
    """``data`` with the stamp line of ``stamped`` (a merged file names its conversion, but its content
    digest is the conversion's: it does not pass for a pure conversion unless it is one)."""
    found = _find(stamped)
    data = unstamped(data)
    if found is None:
        return data
    cut = data.index(b"\n") + 1 if data.startswith(b"<?xml ") and b"\n" in data else 0
    return data[:cut] + found.group(0) + data[cut:]


def read_stamp(data: bytes) -> tuple[Stamp | None, bool]:
    """(the file's stamp or None, whether the file is byte for byte as the stamp's conversion wrote it)."""
    found = _find(data)
    if found is None:
        return None, False
    attrs = {
        m.group("key"): unquote(m.group("value"))
        for m in _ATTR.finditer(found.group("body").decode("utf-8", "replace"))
    }
    if not all(key in attrs for key, _ in _FIELDS):
        return None, False
    st = Stamp(**{field: attrs[key] for key, field in _FIELDS})
    digest = hashlib.sha256(data[: found.start()] + data[found.end() :]).hexdigest()
    return st, digest == attrs.get("content-sha256")
