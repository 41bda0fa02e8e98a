"""The HTML page of one document: its input (the TEI with the pages it links to, its images and, unless the
registers are given apart, the register entries it names), the stylesheet's parameters and facts, and the
transform through xslt/html/document.xsl. Used by HtmlBuilder, in its own process or in page workers."""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree

from teiedit.builders.corpus import bundle, pages_element, registers_element
from teiedit.builders.html_pages import (
    PageOut,
    PageTask,
    page_out,
    register_document,
    task_doc,
    worker_layout,
    worker_registers,
)
from teiedit.builders.images import SiteImage, images_element
from teiedit.builders.rendering import rendering
from teiedit.config import Settings
from teiedit.edition import EditionDoc
from teiedit.facts import facts_document
from teiedit.imported_registers import pointed_ids
from teiedit.registers import Registers
from teiedit.resources import xslt_dir
from teiedit.xslt import transform

#: The document parameter of xslt/html that holds the edition's registers (xslt/common/functions.xsl).
REGISTERS_PARAM = "{urn:teiedit}registers"


def render_page(
    ed: EditionDoc,
    settings: Settings,
    prev: str = "",
    next_: str = "",
    registers: Registers | None = None,
    params: dict[str, str] | None = None,
    links: dict[str, str] | None = None,
    images: list[SiteImage] | None = None,
    register_doc: Any = None,
) -> str:
    """The HTML page of one document (with its register entries when ``registers`` is given, the
    pages of the TEI files it points to in ``links`` and the site paths of its ``images``).
    ``register_doc``: the same registers as Saxon holds them (html_pages.register_document), which the
    stylesheet looks the entries up in, instead of in a copy of them in the page's input."""
    root = ed.root
    source: etree._Element = root
    shown: list[etree._Element] = []  # the entries the page shows, given apart in register_doc
    if registers is not None or links or images:
        ids = (set(ed.record.refs) | pointed_ids(params or {})) & (
            registers.entries.keys() if registers else set()
        )
        parts = [_copy(root), pages_element(links or {}), images_element(images or [])]
        if register_doc is not None and registers is not None:
            shown = [e.element for i in ids if (e := registers.entries[i]).element is not None]
        else:
            parts.insert(1, registers_element(registers or Registers(), ids))
        source = bundle(*parts)
    all_params: dict[str, str] = {
        "edition-title": settings.title,
        "page": ed.page,
        "prev": prev,
        "next": next_,
        "base-url": settings.base_url,
        "tei-href": "",
        "pdf-href": "",
    }
    all_params.update(params or {})
    doc_root = source if source is root else source[0]
    return transform(
        xslt_dir() / "html" / "document.xsl",
        source,
        base_uri=str(ed.path),
        params=all_params,
        facts=facts_document(source, {doc_root: ed.facts}, also=shown),
        static=rendering(settings).static,
        documents={REGISTERS_PARAM: register_doc} if register_doc is not None else None,
    ).output


def render_task(task: PageTask) -> PageOut:
    """The page of one task and its downloads, its file parsed here (runs in a worker process)."""
    ed = task_doc(task)
    html = render_task_page(ed, task, worker_registers(task.registers))
    return page_out(ed, task, html, worker_layout(task.layout), own_tree=True)


def render_task_page(ed: EditionDoc, task: PageTask, registers: Registers) -> str:
    """The page of one task from a document and registers at hand (in a worker or in the build's process)."""
    return render_page(
        ed,
        task.settings,
        registers=registers,
        params=task.params,
        links=task.links,
        images=list(task.images),
        register_doc=register_document(task.registers, registers),
    )


def _copy(root: etree._Element) -> etree._Element:
    return copy.deepcopy(root)
