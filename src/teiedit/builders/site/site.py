"""The ``site`` row: everything that makes a built web edition harvestable, written into its folder.

``schema/build/`` (the schemas the published TEI names), ``tei/registers/`` (the registers its pointers
lead to), ``data/`` (the CMIF, teiCorpus and register exports), ``oai/static.xml``, ``dts/``,
``iiif/``, ``beacon/`` and last ``sitemap.xml``. A format the edition cannot give (CMIF without letters,
a sitemap without base_url) is skipped with a note; the others are still written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from teiedit.builder import BuildOptions, Group, Manifest, Option
from teiedit.builders.site.builders import (
    FORMAT,
    inputs_manifest,
    write_beacon,
    write_dts,
    write_iiif,
    write_oai,
    write_sitemap,
)
from teiedit.builders.site.layout import SiteLayout
from teiedit.builders.site.published import publish_registers, publish_schemas
from teiedit.builders.site.records import site_url
from teiedit.diagnostics import TeieditError
from teiedit.edition import Edition
from teiedit.exchange.cmif import write_cmif
from teiedit.exchange.corpus_export import write_corpus
from teiedit.exchange.registers_export import write_registers
from teiedit.staging import sweep_temporary_files

MANIFEST = ".teiedit-site.json"


def _exports(edition: Edition, site: Path, tell: Callable[[str], None]) -> list[Path]:
    data = site / "data"
    written: list[Path] = []
    settings = edition.settings
    url = site_url(settings, "data/cmif.xml") if settings.base_url else None
    steps: list[tuple[str, Callable[[], object], list[Path]]] = [
        ("CMIF", lambda: write_cmif(edition, data / "cmif.xml", url=url, email=settings.email or None), [data / "cmif.xml"]),
        ("teiCorpus", lambda: write_corpus(edition, data / "corpus.xml"), [data / "corpus.xml"]),
        ("registers", lambda: write_registers(edition, data / "registers"), [data / "registers"]),
    ]  # fmt: skip
    for what, step, outputs in steps:
        try:
            step()
        except TeieditError as err:
            tell(f"note: {what} not published: {err.diagnostic.message}")
            continue
        written += outputs
    return written


class SiteBuilder:
    """``teiedit export site --out out/html`` (and ``teiedit build``): the harvestable parts of a site."""

    name = "site"
    group: Group = "export"
    help = "make a built web edition harvestable"
    description = (
        "into a built web edition (--out DIR, e.g. out/html): the schemas and registers its TEI points "
        "to, the CMIF, teiCorpus and register exports, an OAI-PMH Static Repository, static DTS, IIIF "
        "manifests, BEACON files and sitemap.xml"
    )
    options: tuple[Option, ...] = ()

    def outdated(self, edition: Edition, out: Path) -> set[str]:
        new = inputs_manifest(edition, "site")
        old = Manifest.read(Path(out) / MANIFEST)
        return set(new.docs) if old != new else set()

    def build(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        site = Path(out)
        sweep_temporary_files(site)  # what a killed run's atomic writes left in the site
        new = inputs_manifest(edition, "site")
        if not options.force and Manifest.read(site / MANIFEST) == new:
            return []
        site.mkdir(parents=True, exist_ok=True)
        written = publish_schemas(edition.settings, site)
        written += publish_registers(SiteLayout.of(edition), edition.settings, site)
        written += _exports(edition, site, options.tell)
        formats: list[tuple[str, Callable[[], list[Path]]]] = [
            ("OAI-PMH", lambda: write_oai(edition, site / "oai" / "static.xml")),
            ("DTS", lambda: write_dts(edition, site / "dts")),
            ("IIIF", lambda: write_iiif(edition, site / "iiif", options.tell)),
            ("BEACON", lambda: write_beacon(edition, site / "beacon")),
            ("sitemap", lambda: write_sitemap(edition, site / "sitemap.xml")),
        ]
        for what, step in formats:
            try:
                written += step()
            except TeieditError as err:
                options.tell(f"note: {what} not published: {err.diagnostic.message}")
        new.write(site / MANIFEST, FORMAT)
        return written
