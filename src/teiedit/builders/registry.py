"""The BUILDERS table: every output teiedit makes, by name. Adding a builder is adding its module (a class
with the attributes and methods of teiedit.builder.Builder) and one row here; the CLI offers it
(``teiedit NAME`` for a renderer, ``teiedit export NAME`` for an export) with the options it declares.

A row names its builder's class by module path and carries what ``teiedit --help`` lists (name, group,
one line of help): the module is imported when the builder is first used (its options, its build), so
that starting any command costs no builder's imports (XSLT, PDF and export engines).
"""

from __future__ import annotations

import importlib
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from teiedit.builder import Builder, BuildOptions, Group, Option
from teiedit.diagnostics import TeieditError

if TYPE_CHECKING:
    from teiedit.edition import Edition


class LazyBuilder:
    """A row of the table: a builder whose module is imported on first use (its name, group and help
    are the class's own: tests/test_builders.py compares them)."""

    def __init__(self, name: str, group: Group, help: str, target: str) -> None:
        self.name, self.group, self.help = name, group, help
        self.target = target  # "package.module:Class"

    @cached_property
    def loaded(self) -> Builder:
        """The builder itself (its module imported now)."""
        module, _, cls = self.target.partition(":")
        builder: Builder = getattr(importlib.import_module(module), cls)()
        return builder

    @property
    def description(self) -> str:
        return self.loaded.description

    @property
    def options(self) -> tuple[Option, ...]:
        return self.loaded.options

    def outdated(self, edition: Edition, out: Path) -> set[str]:
        return self.loaded.outdated(edition, out)

    def build(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        return self.loaded.build(edition, out, options)

    def __getattr__(self, name: str) -> Any:
        # what else a builder offers (PdfBuilder.manifest, ...): the loaded builder's
        if name.startswith("__") or name == "loaded":
            raise AttributeError(name)
        return getattr(self.loaded, name)


BUILDERS: dict[str, Builder] = {
    "html": LazyBuilder(
        "html",
        "render",
        "render TEI files as a static web site",
        "teiedit.builders.html:HtmlBuilder",
    ),
    "pdf": LazyBuilder(
        "pdf", "render", "render TEI files as PDF", "teiedit.builders.pdf:PdfBuilder"
    ),
    "cmif": LazyBuilder(
        "cmif",
        "export",
        "CMIF v1.1 for correspSearch",
        "teiedit.exchange.cmif:CmifBuilder",
    ),
    "corpus": LazyBuilder(
        "corpus",
        "export",
        "one teiCorpus (or a zip with manifest)",
        "teiedit.exchange.corpus_export:CorpusBuilder",
    ),
    "registers": LazyBuilder(
        "registers",
        "export",
        "the registers as CSV and JSON",
        "teiedit.exchange.registers_export:RegistersBuilder",
    ),
    "site": LazyBuilder(
        "site",
        "export",
        "make a built web edition harvestable",
        "teiedit.builders.site.site:SiteBuilder",
    ),
    "sitemap": LazyBuilder(
        "sitemap",
        "export",
        "sitemap.xml of a built web edition",
        "teiedit.builders.site.builders:SitemapBuilder",
    ),
    "oai": LazyBuilder(
        "oai",
        "export",
        "an OAI-PMH Static Repository (Dublin Core and TEI headers)",
        "teiedit.builders.site.builders:OaiBuilder",
    ),
    "dts": LazyBuilder(
        "dts",
        "export",
        "a static DTS 1.0 API (entry point, collections, navigation, documents)",
        "teiedit.builders.site.builders:DtsBuilder",
    ),
    "iiif": LazyBuilder(
        "iiif",
        "export",
        "IIIF Presentation 3 manifests for documents with facsimiles",
        "teiedit.builders.site.builders:IiifBuilder",
    ),
    "beacon": LazyBuilder(
        "beacon",
        "export",
        "BEACON files for persons with authority identifiers",
        "teiedit.builders.site.builders:BeaconBuilder",
    ),
}


def get_builder(name: str) -> Builder:
    """The builder called ``name``."""
    if name not in BUILDERS:
        raise TeieditError(f"unknown builder {name!r}", hint=f"choose one of {', '.join(BUILDERS)}")
    return BUILDERS[name]


def builders_of(group: Group) -> list[Builder]:
    """The builders of a group (render or export), in table order."""
    return [b for b in BUILDERS.values() if b.group == group]
