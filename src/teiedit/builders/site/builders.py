"""The rows of the BUILDERS table that make the site harvestable: ``site`` (everything below, written
into the web edition's folder by ``teiedit build``) and one row per format, each also usable alone with
``teiedit export NAME --out PATH``: ``sitemap``, ``oai`` (a Static Repository file), ``dts`` (static DTS
files), ``iiif`` (manifests), ``beacon``.

Each keeps a manifest of what it was made from (its code, every TEI and register file, the compiled
schemas and the settings) and writes nothing when that is unchanged and its outputs are there.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from teiedit.builder import (
    BuildOptions,
    Group,
    Manifest,
    Option,
    digest,
    files_fingerprint,
    sidecar,
)
from teiedit.builders.site import beacon, dts, iiif, oai, sitemap
from teiedit.builders.site.published import schema_files
from teiedit.builders.site.records import edition_records, site_url
from teiedit.config import settings_digest
from teiedit.diagnostics import Diagnostic, Level, TeieditError
from teiedit.edition import Edition
from teiedit.io import write_atomic

FORMAT = 1
HERE = Path(__file__).resolve().parent
#: In the DTS folder: per document, the key its static files were made for and their names.
DTS_KEYS = ".teiedit-dts.json"


def inputs_manifest(edition: Edition, *extra: str) -> Manifest:
    """What every site format depends on: its code, the TEI and register files, schemas, settings."""
    new = Manifest(assets=files_fingerprint(f"site {FORMAT}", sorted(HERE.glob("*.py"))))
    for ed in edition.documents():
        new.docs[ed.page] = ed.sha256  # the content hash the edition read it with: not read again
    more = [p.read_bytes() for p in [*edition.registers.files, *schema_files(edition.settings)]]
    new.lists = digest(
        new.assets, settings_digest(edition.settings), *extra, *new.docs.values(), *more
    )
    return new


def _fresh_dir(folder: Path) -> None:
    """Empty a folder this builder owns (its files are all made again)."""
    if folder.is_dir():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


def _need_base_url(edition: Edition, what: str) -> None:
    if not edition.settings.base_url:
        raise TeieditError(
            f"{what} needs the URL where the site is published",
            edition.settings.root / "teiedit.toml",
            hint='set base_url in teiedit.toml (e.g. "https://example.org/edition/")',
        )


def write_sitemap(edition: Edition, out: Path) -> list[Path]:
    """``sitemap.xml`` of the site folder ``out.parent`` (a built web edition)."""
    _need_base_url(edition, "a sitemap")
    write_atomic(out, sitemap.sitemap(out.parent, edition.settings, edition_records(edition)))
    return [out]


def write_oai(edition: Edition, out: Path) -> list[Path]:
    """The OAI-PMH Static Repository file."""
    _need_base_url(edition, "an OAI-PMH repository")
    if not edition.settings.email:
        raise TeieditError(
            "an OAI-PMH repository names the address of its administrator",
            edition.settings.root / "teiedit.toml",
            hint='set email in teiedit.toml (e.g. email = "editors@example.org")',
        )
    write_atomic(out, oai.Repository(edition).static())
    return [out]


def write_dts(edition: Edition, out: Path) -> list[Path]:
    """The static DTS files in the folder ``out``."""
    base = site_url(edition.settings, out.name) if edition.settings.base_url else "."
    view = dts.Dts(edition, dts.StaticTemplates(base))
    files = dts.root_files(view)
    try:
        old = json.loads((out / DTS_KEYS).read_text(encoding="utf-8"))
        old = old if isinstance(old, dict) else {}
    except (OSError, ValueError):
        old = {}
    code = files_fingerprint("dts", [HERE / "dts.py", HERE / "dts_cite.py"])
    keys: dict[str, list[object]] = {}
    kept: set[Path] = set()
    _prepare_dir(out)
    root = {out / rel: data for rel, data in files.items()}
    written = [*root]
    for page in view.resources:
        # what a document's files say: its resource object (its record and citation structure), its
        # TEI, where the entry point is, and the code that writes them
        res = view.resource_object(view.resources[page])
        key = digest(code, base, view.resources[page].ed.sha256, json.dumps(res, sort_keys=True))
        was = old.get(page)
        names = was[1] if isinstance(was, list) and len(was) == 2 and was[0] == key else None
        if isinstance(names, list) and all((out / str(n)).is_file() for n in names):
            kept.update(out / str(n) for n in names)  # the same files as the last build's
        else:
            # written now, one document at a time: every document's files at once (its TEI among
            # them) were memory that grew with the edition
            made = dts.resource_files(view, page)
            for rel, data in made.items():
                _write_changed(out / rel, data)
                written.append(out / rel)
            names = sorted(made)
        keys[page] = [key, names]
    for path, data in root.items():
        _write_changed(path, data)
    # last: a build stopped before it makes the files of the changed documents again
    _write_changed(out / DTS_KEYS, (json.dumps(keys, indent=0, sort_keys=True) + "\n").encode())
    written.append(out / DTS_KEYS)
    _prune_dir(out, {*written, *kept})
    return [*written, *sorted(kept)]


def _prepare_dir(folder: Path) -> None:
    """A folder this builder owns, made (a link or a file in its place is replaced)."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        _fresh_dir(folder)
    folder.mkdir(parents=True, exist_ok=True)


def _prune_dir(folder: Path, keep: set[Path]) -> None:
    """Remove the files of ``folder`` not in ``keep``, and the folders left empty."""
    for old in sorted(folder.rglob("*"), reverse=True):  # a folder's files before the folder
        if old.is_dir() and not old.is_symlink():
            if not any(old.iterdir()):
                old.rmdir()
        elif old not in keep:
            old.unlink()


def _write_changed(path: Path, data: bytes) -> None:
    """Write ``data`` unless the file already holds it."""
    try:
        same = path.is_file() and not path.is_symlink() and path.read_bytes() == data
    except OSError:
        same = False
    if not same:
        write_atomic(path, data)


def _update_dir(
    folder: Path, files: dict[Path, bytes], kept: set[Path] | None = None
) -> list[Path]:
    """Make a folder this builder owns hold ``files`` (and the ``kept`` files already there): a file
    whose bytes are already there is not written again, and files it should not hold are removed (a
    one-document change rewrites that document's files, not the thousands of the others)."""
    _prepare_dir(folder)
    _prune_dir(folder, {*files, *(kept or set())})
    for path, data in files.items():
        _write_changed(path, data)
    return list(files)


#: Above this many documents with page images of unknown size, one line says so for all of them.
IIIF_NOTES = 5


def write_iiif(edition: Edition, out: Path, note: Callable[[Diagnostic], None]) -> list[Path]:
    """A manifest per document with page images, in the folder ``out``; the images published beside
    the TEI (``<site>/tei/...``) when ``out`` is a site's ``iiif`` folder."""
    _fresh_dir(out)
    written = []
    records = {r.page: r for r in edition_records(edition)}
    unsized: list[tuple[str, Diagnostic]] = []
    for ed in edition.documents():
        if not ed.record.header.images:  # its record names no image: its tree is not parsed
            continue
        images = iiif.page_images(ed.root, ed.path)
        if not images:
            continue
        data, _ = iiif.manifest(records[ed.page], images, edition.settings)
        urls = [i.url for i in images if i.width is None or i.height is None]
        if urls:
            unsized.append((ed.page, _unsized(ed.page, ed.path, urls, bool(data.get("items")))))
        if not data.get("items"):  # IIIF Presentation 3: a Manifest has at least one Canvas
            continue
        write_atomic(out / f"{ed.page}.json", (json.dumps(data, indent=1) + "\n").encode())
        written.append(out / f"{ed.page}.json")
        for image in images:
            if image.local is not None and image.site_path:
                write_atomic(out.parent / image.site_path, image.local.read_bytes())
    if len(unsized) <= IIIF_NOTES:
        for _, finding in unsized:
            note(finding)
    else:
        # one line, not one a document: an edition of thousands of letters whose page images are
        # identifiers of another project's image server would print thousands
        pages = ", ".join(page for page, _ in unsized[:3])
        note(
            replace(
                unsized[0][1],
                message=f"{len(unsized)} documents have page images of unknown size, left out of "
                f"their IIIF manifests (or no manifest): {pages}"
                + (f" and {len(unsized) - 3} more" if len(unsized) > 3 else ""),
                path=str(edition.settings.tei),
            )
        )
    return written


def _unsized(page: str, path: Path, urls: list[str], manifest: bool) -> Diagnostic:
    """What a document's page images of unknown size cost its IIIF manifest (one line, not one an image)."""
    shown = ", ".join(urls[:3]) + (f" and {len(urls) - 3} more" if len(urls) > 3 else "")
    return Diagnostic(
        f"{page}: {len(urls)} page image{'s' if len(urls) > 1 else ''} of unknown size left out of its "
        f"IIIF manifest: {shown}"
        if manifest
        else f"{page}: no IIIF manifest: none of its page images could be sized",
        str(path),
        level=Level.WARNING,
        origin="site",
        suggestion="give graphic/@width and @height, or put the image files beside the TEI",
    )


def write_beacon(edition: Edition, out: Path) -> list[Path]:
    """One BEACON file per authority in the folder ``out``."""
    _fresh_dir(out)
    written = []
    # every person the site has a page for: the edition's, and those imported documents joined in
    for authority, links in beacon.beacon_links(edition.site_registers.all).items():
        path = out / f"{authority}.txt"
        write_atomic(path, beacon.beacon_text(authority, links, edition.settings).encode())
        written.append(path)
    return written


class _Format:
    """A site format as a row of the table: written again when its inputs changed."""

    name = ""
    group: Group = "export"
    help = ""
    description = ""
    options: tuple[Option, ...] = ()

    def _write(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        raise NotImplementedError

    def _manifest_path(self, out: Path) -> Path:
        return sidecar(out)

    def outdated(self, edition: Edition, out: Path) -> set[str]:
        new = inputs_manifest(edition)
        old = Manifest.read(self._manifest_path(out))
        return set(new.docs) if old != new or not out.exists() else set()

    def build(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        out = Path(out)
        new = inputs_manifest(edition)
        if not options.force and Manifest.read(self._manifest_path(out)) == new and out.exists():
            options.tell(f"{out} is up to date")
            return []
        written = self._write(edition, out, options)
        new.write(self._manifest_path(out), FORMAT)
        options.tell(f"{self.name}: {len(written)} files written to {out}")
        return written


class SitemapBuilder(_Format):
    name = "sitemap"
    help = "sitemap.xml of a built web edition"
    description = (
        "sitemap.xml (sitemaps.org) listing every page and TEI file of the site beside --out"
    )

    def _write(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        return write_sitemap(edition, out)


class OaiBuilder(_Format):
    name = "oai"
    help = "an OAI-PMH Static Repository (Dublin Core and TEI headers)"
    description = (
        "the documents as an OAI-PMH 2.0 Static Repository file (oai_dc and TEI headers); "
        "`teiedit serve` answers the OAI-PMH verbs from the same records"
    )

    def _write(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        return write_oai(edition, out)


class DtsBuilder(_Format):
    name = "dts"
    help = "a static DTS 1.0 API (entry point, collections, navigation, documents)"
    description = (
        "static DTS 1.0 files in --out DIR: entry point, collections, citation trees, documents; "
        "`teiedit serve` answers every DTS query"
    )

    def _write(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        return write_dts(edition, out)

    def _manifest_path(self, out: Path) -> Path:
        return out.parent / f".{out.name}.teiedit.json"


class IiifBuilder(_Format):
    name = "iiif"
    help = "IIIF Presentation 3 manifests for documents with facsimiles"
    description = "a IIIF Presentation 3 manifest per document with page images, in --out DIR"

    def _write(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        return write_iiif(edition, out, options.note)

    def _manifest_path(self, out: Path) -> Path:
        return out.parent / f".{out.name}.teiedit.json"


class BeaconBuilder(_Format):
    name = "beacon"
    help = "BEACON files for persons with authority identifiers"
    description = "one BEACON file per authority (GND, VIAF, Wikidata...) in --out DIR"

    def _write(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        return write_beacon(edition, out)

    def _manifest_path(self, out: Path) -> Path:
        return out.parent / f".{out.name}.teiedit.json"
