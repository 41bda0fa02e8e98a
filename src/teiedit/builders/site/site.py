"""The ``site`` row: everything that makes a built web edition harvestable, written into its folder.

``schema/build/`` (the schemas the published TEI names), ``tei/registers/`` (the registers its pointers
lead to), ``data/`` (the CMIF, teiCorpus and register exports), ``oai/static.xml``, ``dts/``,
``iiif/``, ``beacon/`` and last ``sitemap.xml``. A format the edition cannot give (CMIF without letters,
a sitemap without base_url) is skipped with a note; the others are still written.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, replace
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
from teiedit.diagnostics import Diagnostic, Level, TeieditError
from teiedit.edition import Edition
from teiedit.exchange.cmif import write_cmif
from teiedit.exchange.corpus_export import write_corpus
from teiedit.exchange.registers_export import write_registers
from teiedit.io import write_text_atomic
from teiedit.staging import sweep_temporary_files

MANIFEST = ".teiedit-site.json"
#: What the last run could not publish and why, told again while the site stays as it is.
NOTES = ".teiedit-site-notes.json"


def _as_json(finding: Diagnostic, root: Path) -> dict[str, object]:
    """A note as JSON, its file relative to the edition (the site's files name no absolute path)."""
    row = {k: str(v) if isinstance(v, Level) else v for k, v in asdict(finding).items()}
    if finding.path and Path(finding.path).is_relative_to(root):
        row["path"] = Path(finding.path).relative_to(root).as_posix()
    return row


def _read_notes(path: Path, root: Path) -> list[Diagnostic]:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        found = [Diagnostic(**{**row, "level": Level(row["level"])}) for row in rows]
    except (OSError, ValueError, TypeError, KeyError):
        return []  # no notes (an older site, a damaged file): the next change writes them again
    return [replace(d, path=str(root / d.path)) if d.path else d for d in found]


def _skipped(what: str, err: TeieditError, options: BuildOptions) -> None:
    """Say that a format is not published and why, with the error's file and what to do."""
    found = err.diagnostic
    options.note(
        replace(
            found, level=Level.INFO, origin="site", message=f"{what} not published: {found.message}"
        )
    )


def _exports(edition: Edition, site: Path, options: BuildOptions) -> list[Path]:
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
            _skipped(what, err, options)
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
            # still true: say it on every build
            for finding in _read_notes(site / NOTES, edition.settings.root):
                options.note(finding)
            return []
        site.mkdir(parents=True, exist_ok=True)
        noted: list[Diagnostic] = []
        written = self._write(edition, site, replace(options, notice=noted.append))
        # before the manifest: a run killed in between writes the notes again next time
        write_text_atomic(
            site / NOTES,
            json.dumps([_as_json(d, edition.settings.root) for d in noted], indent=1) + "\n",
        )
        new.write(site / MANIFEST, FORMAT)
        for finding in noted:
            options.note(finding)
        return written

    def _write(self, edition: Edition, site: Path, options: BuildOptions) -> list[Path]:
        written = publish_schemas(edition.settings, site)
        written += publish_registers(SiteLayout.of(edition), edition.settings, site)
        written += _exports(edition, site, options)
        formats: list[tuple[str, Callable[[], list[Path]]]] = [
            ("OAI-PMH", lambda: write_oai(edition, site / "oai" / "static.xml")),
            ("DTS", lambda: write_dts(edition, site / "dts")),
            ("IIIF", lambda: write_iiif(edition, site / "iiif", options.note)),
            ("BEACON", lambda: write_beacon(edition, site / "beacon")),
            ("sitemap", lambda: write_sitemap(edition, site / "sitemap.xml")),
        ]
        for what, step in formats:
            try:
                written += step()
            except TeieditError as err:
                _skipped(what, err, options)
        return written
