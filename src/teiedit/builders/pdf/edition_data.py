"""What the print edition takes from the edition: its registers, the documents' dates and titles."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from teiedit.builders.corpus import EditionDoc, document_date
from teiedit.config import Edition
from teiedit.document import TEI_NS
from teiedit.epoch import source_date_epoch

_REGISTER_LISTS = ("listPerson", "listPlace", "listOrg")


def register_files(files: Iterable[Path], edition: Edition) -> list[Path]:
    """The register files: a ``registers`` folder beside the documents (in an edition that is
    tei/registers), else the edition's configured registers folder."""
    folders = sorted({f.resolve().parent / "registers" for f in files})
    if edition.registers.is_absolute():
        folders.append(edition.registers)
    for folder in folders:
        if folder.is_dir():
            return sorted(p for p in folder.glob("*.xml") if p.is_file())
    return []


def with_registers(corpus: etree._Element, registers: list[etree._Element]) -> etree._Element:
    """Append the registers' lists to the corpus in a ``standOff``, where edition.xsl finds the entries
    the index needs (preferred names, descriptions)."""
    stand_off = etree.SubElement(corpus, f"{{{TEI_NS}}}standOff")
    for reg in registers:
        for lst in reg.iter(*(f"{{{TEI_NS}}}{n}" for n in _REGISTER_LISTS)):
            if not any(etree.QName(a).localname in _REGISTER_LISTS for a in lst.iterancestors()):
                stand_off.append(copy.deepcopy(lst))
    return corpus


#: Where a document without a date in its header states its own date: its heading, opener or dateline
#: (a bulletin's part "Memorandum of Conversation with ..., 5 June 1956"). Only single dates (@when),
#: so an essay headed "..., 1953-1964" is not filed under 1953.
_OWN_DATE = (
    "tei:text/tei:body//*[self::tei:head or self::tei:opener or self::tei:dateline"
    " or self::tei:docDate]//tei:date/@when | tei:text/tei:body//tei:docDate/@when"
)
_ISO = re.compile(r"^\d{4}(-\d\d){0,2}$")


def print_date(root: etree._Element) -> str:
    """The date that places a document in the book: the header's (as the web edition's), else the first
    full date in its heading, opener or dateline; same rule as tp:doc-date in edition.xsl."""
    found = document_date(root)
    if found:
        return found
    for when in root.xpath(_OWN_DATE, namespaces={"tei": TEI_NS}):
        if _ISO.match(str(when).strip()):
            return str(when).strip()
    return ""


def print_order(ed: EditionDoc) -> tuple[str, str]:
    """Chronological; undated documents last, in the order of their page names."""
    return (print_date(ed.doc.root) or "9999", ed.page)


def doc_title(ed: EditionDoc) -> str:
    """The document's main title (as te:title in XSLT), for the PDF's Title."""
    stmt = "tei:teiHeader/tei:fileDesc/tei:titleStmt/"
    found = ed.doc.root.xpath(
        f"({stmt}tei:title[@type='main'] | {stmt}tei:title)[1]", namespaces={"tei": TEI_NS}
    )
    return " ".join("".join(found[0].itertext()).split()) if found else ed.page


def edition_params(edition: Edition) -> dict[str, str]:
    """teiedit.toml values for the title page and the running heads."""
    epoch = source_date_epoch()
    year = (
        dt.datetime.fromtimestamp(epoch, dt.UTC) if epoch is not None else dt.datetime.now(dt.UTC)
    ).year
    return {
        "edition-title": edition.title,
        "edition-short-title": edition.short_title or edition.title,
        "edition-editors": "\n".join(
            f"{e.name}: {e.resp}" if e.resp else e.name for e in edition.editors
        ),
        "edition-publisher": edition.publisher,
        "edition-pub-place": edition.pub_place,
        "edition-licence": edition.licence,
        "edition-base-url": edition.base_url,
        "edition-year": str(year),
    }
