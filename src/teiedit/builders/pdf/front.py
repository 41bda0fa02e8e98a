"""The front matter the editor writes (``tei/front/*.xml``) in the book: added to the corpus that
xslt/print/edition.xsl reads, and attached to ``edition.pdf`` with the documents' TEI."""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree

from teiedit.builders.corpus import XML_BASE
from teiedit.builders.pdf.attached import AttachedFile
from teiedit.document import TEI_NS
from teiedit.io import read_xml

#: The namespace of teiedit's own markers in the corpus handed to the print stylesheets.
TE_NS = "urn:teiedit"
#: ``TEI/@te:role`` of a front-matter document in that corpus.
ROLE = f"{{{TE_NS}}}role"


def with_front(corpus: etree._Element, files: list[Path]) -> etree._Element:
    """Add each front file's TEI to the corpus, marked ``te:role="front"``, with a page name of its own
    (``front-<name>``) so that its notes and ids do not clash with a document's."""
    at = len(corpus)
    for child in corpus:
        if etree.QName(child).localname == "standOff":
            at = corpus.index(child)
            break
    for i, path in enumerate(files):
        root = copy.deepcopy(read_xml(path).getroot())
        if root.tag != f"{{{TEI_NS}}}TEI":
            continue
        root.set(ROLE, "front")
        root.set(XML_BASE, f"front-{path.stem}.xml")
        corpus.insert(at + i, root)
    return corpus


def front_attachments(files: list[Path]) -> tuple[AttachedFile, ...]:
    """The front files as attachments of ``edition.pdf``."""
    return tuple(
        AttachedFile(f"front-{p.name}", p.read_bytes(), f"TEI front matter {p.name}") for p in files
    )
