"""What a reader downloads beside a document's page: its citation for reference managers (BibTeX, RIS,
CSL-JSON) and its reading text as plain text. Made from the document's summary and the edition's
settings, so the citation on the page and in the files name the same URL (the page's, from base_url)."""

from __future__ import annotations

import json
import re

from lxml import etree

from teiedit.builders.search_records import NOTE, TEXT, reading_blocks
from teiedit.config import Settings
from teiedit.summary import Summary

#: Citation files written per document (cite/<page>.<ext>).
FORMATS = ("bib", "ris", "json")


def page_url(settings: Settings, page: str) -> str:
    """The permalink of a page: the edition's base URL and the page's real file name ('' without one)."""
    base = settings.base_url.strip()
    if not re.match(r"^https?://", base):
        return ""
    return (base if base.endswith("/") else base + "/") + f"{page}.html"


def _people(summary: Summary) -> list[str]:
    return [p.name for p in summary.senders if p.name]


def _split_name(name: str) -> dict[str, str]:
    """A CSL name: "Surname, Given" when written so, else a literal (names of many cultures do not
    split into given and family names by position)."""
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return {"family": family, "given": given}
    return {"literal": name}


def csl_json(summary: Summary, settings: Settings) -> str:
    item: dict[str, object] = {
        "id": summary.page,
        "type": "personal_communication" if summary.kind_class == "letter" else "document",
        "title": summary.title,
        "container-title": settings.title,
        "publisher": settings.publisher,
    }
    if summary.senders:
        item["author"] = [_split_name(n) for n in _people(summary)]
    if summary.addressees:
        item["recipient"] = [_split_name(p.name) for p in summary.addressees if p.name]
    if settings.editors:
        item["editor"] = [_split_name(e.name) for e in settings.editors]
    if summary.date:
        parts = [int(p) for p in summary.date.split("-")[:3] if p.isdigit()]
        if parts:
            item["issued"] = {"date-parts": [parts]}
    if summary.source:
        item["archive_location"] = summary.source
    url = page_url(settings, summary.page)
    if url:
        item["URL"] = url
    return json.dumps([{k: v for k, v in item.items() if v}], ensure_ascii=False, indent=1) + "\n"


def _bib_escape(text: str) -> str:
    text = text.replace("\\", "\\textbackslash{}")
    text = re.sub(r"([{}%&$#_])", r"\\\1", text)
    return text.replace("~", "\\textasciitilde{}").replace("^", "\\textasciicircum{}")


def bibtex(summary: Summary, settings: Settings) -> str:
    fields = [("title", summary.title)]
    if summary.senders:
        fields.append(("author", " and ".join("{" + n + "}" for n in _people(summary))))
    if settings.editors:
        fields.append(("editor", " and ".join("{" + e.name + "}" for e in settings.editors)))
    fields.append(("booktitle", settings.title))
    if summary.date:
        fields.append(("date", summary.date))
        fields.append(("year", summary.year))
    if settings.publisher:
        fields.append(("publisher", settings.publisher))
    if summary.source:
        fields.append(("note", summary.source))
    url = page_url(settings, summary.page)
    if url:
        fields.append(("url", url))
    body = ",\n".join(
        f"  {k} = {{{v if k in ('author', 'editor', 'url') else _bib_escape(v)}}}"
        for k, v in fields
    )
    return f"@misc{{{summary.page},\n{body}\n}}\n"


def ris(summary: Summary, settings: Settings) -> str:
    lines = [("TY", "PCOMM" if summary.kind_class == "letter" else "GEN"), ("TI", summary.title)]
    lines += [("AU", n) for n in _people(summary)]
    lines += [("ED", e.name) for e in settings.editors]
    lines.append(("T2", settings.title))
    if summary.date:
        lines.append(("DA", summary.date.replace("-", "/")))
        lines.append(("PY", summary.year))
    if settings.publisher:
        lines.append(("PB", settings.publisher))
    if summary.source:
        lines.append(("AV", summary.source))
    url = page_url(settings, summary.page)
    if url:
        lines.append(("UR", url))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}".rstrip() + "\r\n" for tag, value in lines)


def citations(summary: Summary, settings: Settings) -> dict[str, str]:
    """The citation files of a document: extension -> text."""
    return {
        "bib": bibtex(summary, settings),
        "ris": ris(summary, settings),
        "json": csl_json(summary, settings),
    }


def plain_text(root: etree._Element, summary: Summary, settings: Settings) -> str:
    """The document as plain text: title, source and permalink, then its reading text (corrected) with
    its notes, one paragraph a block."""
    head = [summary.title]
    if summary.date:
        head.append(summary.date)
    if summary.source:
        head.append(f"Source: {summary.source}")
    url = page_url(settings, summary.page)
    if url:
        head.append(url)
    body = []
    for block in reading_blocks(root, summary):
        if block.field == TEXT:
            body.append(block.text)
        elif block.field == NOTE:
            body.append(f"[Note] {block.text}")
    return "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n"
