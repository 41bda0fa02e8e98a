"""The BUILDERS table: every output teiedit makes, by name. Adding a builder is adding its module (a class
with the attributes and methods of teiedit.builder.Builder) and one row here; the CLI offers it
(``teiedit NAME`` for a renderer, ``teiedit export NAME`` for an export) with the options it declares."""

from __future__ import annotations

from teiedit.builder import Builder, Group
from teiedit.builders.html import HtmlBuilder
from teiedit.builders.pdf import PdfBuilder
from teiedit.builders.site.builders import (
    BeaconBuilder,
    DtsBuilder,
    IiifBuilder,
    OaiBuilder,
    SitemapBuilder,
)
from teiedit.builders.site.site import SiteBuilder
from teiedit.diagnostics import TeieditError
from teiedit.exchange.cmif import CmifBuilder
from teiedit.exchange.corpus_export import CorpusBuilder
from teiedit.exchange.registers_export import RegistersBuilder

BUILDERS: dict[str, Builder] = {
    "html": HtmlBuilder(),
    "pdf": PdfBuilder(),
    "cmif": CmifBuilder(),
    "corpus": CorpusBuilder(),
    "registers": RegistersBuilder(),
    "site": SiteBuilder(),
    "sitemap": SitemapBuilder(),
    "oai": OaiBuilder(),
    "dts": DtsBuilder(),
    "iiif": IiifBuilder(),
    "beacon": BeaconBuilder(),
}


def get_builder(name: str) -> Builder:
    """The builder called ``name``."""
    if name not in BUILDERS:
        raise TeieditError(f"unknown builder {name!r}", hint=f"choose one of {', '.join(BUILDERS)}")
    return BUILDERS[name]


def builders_of(group: Group) -> list[Builder]:
    """The builders of a group (render or export), in table order."""
    return [b for b in BUILDERS.values() if b.group == group]
