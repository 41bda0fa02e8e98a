"""HtmlBuilder: the static web edition via the XSLT in xslt/html.

Pages: one per document, the index (sortable, filterable), the timeline, the registers (persons, places,
organisations) and the search page with its index. Everything is static: it reads from ``file://``.

Rendering is incremental (teiedit/builder.py's Manifest): ``.teiedit-html.json`` in the output folder
records, per page, a hash of what the page depends on (the TEI file, its neighbours, the register entries
it names, the stylesheets). Only pages whose hash changed are rendered again (``outdated``); the listing
pages are rendered when any document or register changed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiedit.builder import BuildOptions, Group, Manifest, Option, files_fingerprint
from teiedit.builders.citation import FORMATS, citations, plain_text
from teiedit.builders.corpus import (
    bundle,
    correspondents,
    linked_pages,
    pages_element,
    referenced_ids,
    registers_element,
)
from teiedit.builders.images import (
    IMAGE_FOLDER,
    SiteImage,
    copy_images,
    document_images,
    images_digest,
    images_element,
)
from teiedit.builders.rendering import rendering
from teiedit.builders.site.jsonld import document_jsonld, script_text
from teiedit.builders.site.layout import SiteLayout
from teiedit.builders.site.published import published_tei, schema_files
from teiedit.builders.site.records import document_record
from teiedit.builders.sitepages import render_search, render_site, write_site_state
from teiedit.builders.vendor import copy_vendor, vendor_files, vendored
from teiedit.config import Settings
from teiedit.diagnostics import TeieditError
from teiedit.edition import Edition, EditionDoc
from teiedit.facts import facts_document, safe_id
from teiedit.io import output_path, write_atomic, write_text_atomic
from teiedit.registers import Registers
from teiedit.resources import xslt_dir
from teiedit.staging import staged_dir
from teiedit.summary import Summary
from teiedit.xslt import transform

MANIFEST = ".teiedit-html.json"
#: The documents' summaries (teiedit/summary.py), each with the hash of the page it was made for.
SUMMARIES = ".teiedit-summaries.json"
#: Bump when the builder's own output logic changes (the stylesheets are hashed anyway).
FORMAT = 1
#: The zoomable image viewer the site ships when a page shows images (a copy of OpenSeadragon).
VIEWER = "js/vendor/openseadragon"


def assets_fingerprint(models: str = "") -> str:
    """A hash of every stylesheet, style sheet and script the site is made with, of the compiled processing
    model (``models``: its digest) and of the Python that prepares the stylesheets' input (a changed
    builder or ODD re-renders every page)."""
    pkg = Path(__file__).resolve().parent.parent
    python = (
        *("builders/html.py", "builders/corpus.py", "builders/search.py", "builders/sitedata.py"),
        *("builders/sitepages.py", "builders/site_lists.py", "builders/search_records.py"),
        *("builders/citation.py", "builders/vendor.py", "builders/sortnames.py", "summary.py"),
        *("builders/site/jsonld.py", "builders/site/layout.py", "builders/site/records.py"),
        *("builders/site/published.py", "document.py"),
    )
    root = xslt_dir()
    return files_fingerprint(
        f"format {FORMAT} models {models} {sorted(vendored().items())}",
        [pkg / f for f in (*python, "facts.py", "edition.py", "registers.py")],
        [root / sub for sub in ("common", "html", "css", "js")],
    )


def page_params(
    docs: list[EditionDoc], i: int, pairs: list[frozenset[str]] | None = None
) -> dict[str, str]:
    """Neighbours of document ``i``: previous/next document, and previous/next letter between the same
    correspondents (``pairs``: the correspondents of every document, computed once by the caller)."""
    if pairs is None:
        pairs = [correspondents(d.root) for d in docs]
    keys = ("prev", "next", "prev-letter", "next-letter")
    params = dict.fromkeys((*keys, *(f"{k}-title" for k in keys)), "")

    def link(key: str, other: EditionDoc) -> None:
        params[key], params[f"{key}-title"] = other.page, other.facts.title or other.page

    if i > 0:
        link("prev", docs[i - 1])
    if i + 1 < len(docs):
        link("next", docs[i + 1])
    who = pairs[i]
    if len(who) >= 2:
        same = [j for j, other in enumerate(pairs) if other == who]
        k = same.index(i)
        if k > 0:
            link("prev-letter", docs[same[k - 1]])
        if k + 1 < len(same):
            link("next-letter", docs[same[k + 1]])
    return params


def render_page(
    ed: EditionDoc,
    settings: Settings,
    prev: str = "",
    next_: str = "",
    registers: Registers | None = None,
    params: dict[str, str] | None = None,
    links: dict[str, str] | None = None,
    images: list[SiteImage] | None = None,
) -> str:
    """The HTML page of one document (with its register entries when ``registers`` is given, the
    pages of the TEI files it points to in ``links`` and the site paths of its ``images``)."""
    root = ed.root
    source: etree._Element = root
    if registers is not None or links or images:
        ids = referenced_ids(root) & (registers.entries.keys() if registers else set())
        source = bundle(
            _copy(root),
            registers_element(registers or Registers(), ids),
            pages_element(links or {}),
            images_element(images or []),
        )
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
        facts=facts_document(source, {doc_root: ed.facts}),
        static=rendering(settings).static,
    ).output


@dataclass
class _Page:
    """A document page to write: its document, its parameters, the pages it links to, its hash."""

    ed: EditionDoc
    params: dict[str, str]
    links: dict[str, str]
    digest: str
    images: list[SiteImage]


@dataclass
class _Plan:
    docs: list[EditionDoc]
    pages: list[_Page]
    manifest: Manifest
    edition_pdf: str = ""

    @property
    def images(self) -> dict[str, list[SiteImage]]:
        return {p.ed.page: p.images for p in self.pages}


def _make_readable(folder: Path) -> None:
    """A published site is world-readable (atomic writes create private files)."""
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def _output_names(page: str, images: list[SiteImage] | None = None) -> list[str]:
    """The files a document's page is, relative to the site: its HTML, TEI, plain text, citations
    and images."""
    return [
        f"{page}.html",
        f"tei/{page}.xml",
        f"txt/{page}.txt",
        *(f"cite/{page}.{ext}" for ext in FORMATS),
        *(i.href for i in images or []),
    ]


def _outputs(
    out_dir: Path, images: dict[str, list[SiteImage]] | None = None
) -> Callable[[str], list[Path]]:
    """The files a document's page is, as paths in ``out_dir``."""
    return lambda page: [out_dir / rel for rel in _output_names(page, (images or {}).get(page))]


def _copy(root: etree._Element) -> etree._Element:
    import copy

    return copy.deepcopy(root)


class HtmlBuilder:
    """The web edition. Option ``link_pdf``: link each page to ``pdf/<page>.pdf`` and the index to
    ``pdf/edition.pdf`` (None: only when writing the edition's own out/html; ``teiedit build`` then
    publishes the print edition's PDFs into the site with :func:`teiedit.builders.publish.publish_pdfs`)."""

    name = "html"
    group: Group = "render"
    help = "render TEI files as a static web site"
    description = "Render TEI files or folders to HTML pages and an index in DIR."
    options: tuple[Option, ...] = ()

    def outdated(self, edition: Edition, out: Path) -> set[str]:
        plan = self._plan(edition, out, BuildOptions())
        return Manifest.read(out / MANIFEST).outdated(plan.manifest, _outputs(out, plan.images))

    def build(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        out_dir = Path(out)
        plan = self._plan(edition, out_dir, options)
        old = Manifest() if options.force else Manifest.read(out_dir / MANIFEST)
        new = plan.manifest
        redo = old.outdated(new, _outputs(out_dir, plan.images))
        registers = edition.registers
        # the published TEI: PIs and pointers that hold in the site (builders/site/published.py)
        layout, schemas = SiteLayout.of(edition), bool(schema_files(edition.settings))
        written: list[Path] = []
        with staged_dir(out_dir) as tmp:
            for page in plan.pages:
                if page.ed.page not in redo:
                    continue
                options.say(f"rendering {page.ed.page}")
                html = render_page(
                    page.ed,
                    edition.settings,
                    registers=registers,
                    params=page.params,
                    links=page.links,
                    images=page.images,
                )
                write_text_atomic(tmp / f"{page.ed.page}.html", html)
                copy_images(page.images, tmp)
                here = f"tei/{page.ed.page}.xml"
                own = not page.ed.imported
                write_atomic(
                    tmp / here, published_tei(page.ed.path, here, layout, own=own, schemas=schemas)
                )
                self._downloads(page.ed, edition.settings, tmp)
                written.append(out_dir / f"{page.ed.page}.html")

            summaries = self._summaries(plan, out_dir, tmp)
            options.say("rendering the index, timeline, registers and entity pages")
            site = render_site(
                summaries,
                edition.site_registers,
                edition.settings,
                tmp,
                out_dir,
                assets=new.assets,
                edition_pdf=plan.edition_pdf,
                force=options.force,
            )
            written += site.written
            if old.lists != new.lists or not all(
                (out_dir / p).is_file() for p in ("search.html", "search/meta.js")
            ):
                options.say("rendering the search page and its index")
                written += render_search(
                    [(page.ed.root, s) for page, s in zip(plan.pages, summaries, strict=True)],
                    edition.site_registers,
                    edition.settings,
                    tmp,
                    out_dir,
                )
            viewer = any(plan.images.values())
            if old.assets != new.assets or not all(
                (out_dir / rel).is_file() for rel in self._asset_names(viewer)
            ):
                self._copy_assets(tmp, viewer)
            _make_readable(tmp)
        self._remove_stale(out_dir, set(old.docs) - set(new.docs))
        write_site_state(out_dir, site)
        # The manifest goes in last: a run killed before this line leaves the old manifest, whose
        # digests make the next run render again every page this one may have left half done.
        new.write(out_dir / MANIFEST, FORMAT)
        return written

    def _plan(self, edition: Edition, out_dir: Path, options: BuildOptions) -> _Plan:
        """The pages in the edition's order (date, then page name), each with its parameters and the
        hash of what it depends on; the manifest this build will write."""
        link_pdf = options.get("link_pdf")
        if link_pdf is None:
            link_pdf = out_dir.resolve() == (edition.settings.out / "html").resolve()
        docs = sorted(edition.documents(), key=lambda ed: (ed.facts.date or "9999", ed.page))
        registers = edition.registers
        new = Manifest(assets=assets_fingerprint(rendering(edition.settings).digest))
        by_file = {ed.path.name: ed.page for ed in docs}
        pairs = [correspondents(ed.root) for ed in docs]
        pages: list[_Page] = []
        for i, ed in enumerate(docs):
            params = page_params(docs, i, pairs)
            params["tei-href"] = f"tei/{ed.page}.xml"
            params["pdf-href"] = f"pdf/{ed.page}.pdf" if link_pdf else ""
            params["txt-href"] = f"txt/{ed.page}.txt"
            params["cite-href"] = f"cite/{ed.page}"
            params["tei-alternate"] = params["tei-href"]
            record = document_record(ed, edition)
            params["jsonld"] = script_text(document_jsonld(record, edition.settings))
            if ed.imported:
                # its own register entries link to their entity pages (teiedit/imported_registers.py)
                joined = edition.site_registers.aliases.get(ed.page, {})
                params["entity-pages"] = " ".join(f"{k}={safe_id(v)}" for k, v in joined.items())
            ids = referenced_ids(ed.root) & registers.entries.keys()
            links = linked_pages(ed.root, by_file)
            images = document_images(ed, [edition.settings.root])
            hashed = {
                **params,
                **{"link:" + k: v for k, v in links.items()},
                "images": images_digest(images),
            }
            digest = self._doc_hash(ed, hashed, registers, ids, new.assets, edition.settings)
            new.docs[ed.page] = digest
            pages.append(_Page(ed, params, links, digest, images))
        new.lists = self._lists_hash(new, registers, edition.settings, [ed.page for ed in docs])
        return _Plan(docs, pages, new, "pdf/edition.pdf" if link_pdf else "")

    @staticmethod
    def _doc_hash(
        ed: EditionDoc,
        params: dict[str, str],
        registers: Registers,
        ids: set[str],
        assets: str,
        settings: Settings,
    ) -> str:
        h = hashlib.sha256(assets.encode())
        h.update(ed.path.read_bytes())
        h.update(json.dumps([params, settings.title, settings.base_url], sort_keys=True).encode())
        for entry_id in sorted(ids):
            element = registers.entries[entry_id].element
            if element is not None:
                h.update(etree.tostring(element))
        return h.hexdigest()

    @staticmethod
    def _lists_hash(
        new: Manifest, registers: Registers, settings: Settings, order: list[str]
    ) -> str:
        h = hashlib.sha256(new.assets.encode())
        h.update(
            json.dumps(
                [order, [new.docs[p] for p in order], settings.title, settings.base_url]
            ).encode()
        )
        for f in registers.files:
            h.update(f.read_bytes())
        return h.hexdigest()

    @staticmethod
    def _downloads(ed: EditionDoc, settings: Settings, tmp: Path) -> None:
        """The document's plain text and its citation files (builders/citation.py)."""
        (tmp / "txt").mkdir(exist_ok=True)
        (tmp / "cite").mkdir(exist_ok=True)
        write_text_atomic(tmp / "txt" / f"{ed.page}.txt", plain_text(ed.root, ed.summary, settings))
        for ext, text in citations(ed.summary, settings).items():
            write_text_atomic(tmp / "cite" / f"{ed.page}.{ext}", text)

    @staticmethod
    def _summaries(plan: _Plan, out_dir: Path, tmp: Path) -> list[Summary]:
        """The summary of every document: from the cache beside the pages when its page's hash is the
        one it was made for, else made again (and cached)."""
        try:
            cached = json.loads((out_dir / SUMMARIES).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            cached = {}
        out: list[Summary] = []
        store: dict[str, object] = {}
        for page in plan.pages:
            entry = cached.get(page.ed.page) if isinstance(cached, dict) else None
            summary = None
            if isinstance(entry, list) and len(entry) == 2 and entry[0] == page.digest:
                try:
                    summary = Summary.from_dict(entry[1])
                except (KeyError, TypeError, ValueError):
                    summary = None
            if summary is None:
                summary = page.ed.summary
            out.append(summary)
            store[page.ed.page] = [page.digest, summary.to_dict()]
        write_text_atomic(tmp / SUMMARIES, json.dumps(store, ensure_ascii=False) + "\n")
        return out

    @staticmethod
    def _asset_names(viewer: bool = False) -> list[str]:
        """The style sheets and scripts the site ships, as paths relative to the output folder (its own,
        and the third-party ones that are installed: builders/vendor.py); with ``viewer``, the zoomable
        image viewer (js/vendor/openseadragon, with its licence and icons)."""
        own = [
            f"{sub}/{f.name}"
            for sub in ("css", "js")
            for f in sorted((xslt_dir() / sub).glob("*"))
            if f.is_file() and f.suffix in (".css", ".js")
        ]
        names = own + list(vendor_files()) + (["js/world.js"] if vendored()["world"] else [])
        if viewer:
            names += [
                f.relative_to(xslt_dir()).as_posix()
                for f in sorted((xslt_dir() / VIEWER).rglob("*"))
                if f.is_file()
            ]
        return names

    def _copy_assets(self, tmp: Path, viewer: bool = False) -> None:
        for sub in ("css", "js"):
            for f in sorted((xslt_dir() / sub).glob("*")):
                if f.is_file() and f.suffix in (".css", ".js"):
                    (tmp / sub).mkdir(exist_ok=True)
                    shutil.copyfile(f, tmp / sub / f.name)
        copy_vendor(tmp)
        if viewer:
            for f in sorted((xslt_dir() / VIEWER).rglob("*")):
                if f.is_file():
                    rel = f.relative_to(xslt_dir())
                    (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(f, tmp / rel)

    @staticmethod
    def _remove_stale(out_dir: Path, pages: set[str]) -> None:
        """Pages of documents no longer in the build (names come from the manifest: plain slugs)."""
        for page in pages:
            if "/" in page or "\\" in page or page.startswith("."):
                continue
            for rel in _output_names(page):
                try:
                    stale = output_path(out_dir, rel)
                except TeieditError:
                    continue
                stale.unlink(missing_ok=True)
            shutil.rmtree(out_dir / IMAGE_FOLDER / page, ignore_errors=True)
