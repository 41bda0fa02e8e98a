"""The TEI as the site publishes it: each document at ``tei/<page>.xml`` and each register at
``tei/registers/<name>.xml``, with ``xml-model`` PIs naming the published schemas (``schema/build/``) and
pointers rewritten so that they resolve in the site (teiedit/builders/site/layout.py).

The edition's own files get PIs to the published RELAX NG and Schematron, so that a downloaded file
validates against the schema it was made with. Imported files (other projects' TEI) keep their PIs
when these are absolute URLs; a relative one would point at nothing in the site and is dropped.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from teiedit.builders.site.layout import SCHEMA_DIR, SiteLayout, is_relative_file, relative_href
from teiedit.config import Settings
from teiedit.io import parse_xml_bytes, write_atomic

RNG_PI = 'href="{}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"'
SCH_PI = 'href="{}" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"'
_HREF = r'href="([^"]*)"'


def schema_files(settings: Settings) -> list[Path]:
    """The compiled schemas the site publishes (everything in schema/build), none when not compiled."""
    folder = settings.rng.parent
    if not settings.rng.is_file():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def _pi_href(pi: etree._ProcessingInstruction) -> str:
    m = re.search(_HREF, pi.text or "")
    return m.group(1) if m else ""


def published_tei(
    source: Path, here: str, layout: SiteLayout, *, own: bool, schemas: bool
) -> bytes:
    """The bytes of ``source`` published at ``here`` (a path relative to the site's root)."""
    tree = parse_xml_bytes(source.read_bytes(), source)
    return published_root(tree.getroot(), source, here, layout, own=own, schemas=schemas)


def published_root(
    root: etree._Element, source: Path, here: str, layout: SiteLayout, *, own: bool, schemas: bool
) -> bytes:
    """:func:`published_tei` of the parsed root of ``source``, whose pointers it rewrites in place (a
    page's worker has the tree already: it is not parsed again)."""
    layout.rewrite_tree(root, here, source)
    head = ['<?xml version="1.0" encoding="UTF-8"?>']
    if own and schemas:
        head.append(
            f"<?xml-model {RNG_PI.format(relative_href(here, SCHEMA_DIR + '/teiedit.rng'))}?>"
        )
        head.append(
            f"<?xml-model {SCH_PI.format(relative_href(here, SCHEMA_DIR + '/teiedit.sch'))}?>"
        )
    for node in _before(root):
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            if (own and schemas) or is_relative_file(_pi_href(node)):
                continue
        head.append(etree.tostring(node, encoding="unicode").strip())
    body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return ("\n".join(head) + "\n").encode("utf-8") + body + b"\n"


def _before(root: etree._Element) -> list[etree._Element]:
    """The comments and PIs before the root element, in document order."""
    out: list[etree._Element] = []
    node = root.getprevious()
    while node is not None:
        out.append(node)
        node = node.getprevious()
    return list(reversed(out))


def publish_schemas(settings: Settings, site: Path) -> list[Path]:
    """Copy the compiled schemas to ``<site>/schema/build/``."""
    written = []
    for f in schema_files(settings):
        dest = site / SCHEMA_DIR / f.name
        write_atomic(dest, f.read_bytes())  # a killed build leaves the old copy or the new one
        written.append(dest)
    return written


def publish_registers(layout: SiteLayout, settings: Settings, site: Path) -> list[Path]:
    """Write the register files at ``<site>/tei/registers/`` with published PIs and pointers."""
    schemas = bool(schema_files(settings))
    written = []
    for here, source in layout.registers.items():
        dest = site / here
        write_atomic(dest, published_tei(source, here, layout, own=True, schemas=schemas))
        written.append(dest)
    return written
