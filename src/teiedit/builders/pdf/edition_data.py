"""What the print edition takes from the edition: its registers and its settings."""

from __future__ import annotations

import copy
import datetime as dt

from lxml import etree

from teiedit.config import Settings
from teiedit.document import TEI_NS
from teiedit.epoch import source_date_epoch

_REGISTER_LISTS = ("listPerson", "listPlace", "listOrg")


def with_registers(corpus: etree._Element, registers: list[etree._Element]) -> etree._Element:
    """Append the registers' lists to the corpus in a ``standOff``, where edition.xsl finds the entries
    the index needs (preferred names, descriptions)."""
    stand_off = etree.SubElement(corpus, f"{{{TEI_NS}}}standOff")
    for reg in registers:
        for lst in reg.iter(*(f"{{{TEI_NS}}}{n}" for n in _REGISTER_LISTS)):
            if not any(etree.QName(a).localname in _REGISTER_LISTS for a in lst.iterancestors()):
                stand_off.append(copy.deepcopy(lst))
    return corpus


def edition_params(settings: Settings) -> dict[str, str]:
    """teiedit.toml values for the title page and the running heads."""
    epoch = source_date_epoch()
    year = (
        dt.datetime.fromtimestamp(epoch, dt.UTC) if epoch is not None else dt.datetime.now(dt.UTC)
    ).year
    return {
        "edition-title": settings.title,
        "edition-short-title": settings.short_title or settings.title,
        "edition-editors": "\n".join(
            f"{e.name}: {e.resp}" if e.resp else e.name for e in settings.editors
        ),
        "edition-publisher": settings.publisher,
        "edition-pub-place": settings.pub_place,
        "edition-licence": settings.licence,
        "edition-licence-url": settings.licence_url,
        "edition-base-url": settings.base_url,
        "edition-year": str(year),
    }
