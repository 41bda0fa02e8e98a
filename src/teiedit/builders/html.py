"""HtmlBuilder: the static web edition via the XSLT in xslt/html.

Pages: one per document, the index (sortable, filterable), the timeline, the registers (persons, places,
organisations) and the search page with its index. Everything is static: it reads from ``file://``.

Rendering is incremental (teiedit/builder.py's Manifest): ``.teiedit-html.json`` in the output folder
records, per page, a hash of what the page depends on (the TEI file, its neighbours, the register entries
it names, the stylesheets). Only pages whose hash changed are rendered again (``outdated``); the listing
pages are rendered when any document or register changed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from lxml import etree

from teiedit.builder import BuildOptions, Group, Manifest, Option
from teiedit.builders.corpus import linked_pages
from teiedit.builders.document_page import render_page as render_page
from teiedit.builders.document_page import render_task, render_task_page
from teiedit.builders.html_assets import asset_names, assets_fingerprint, copy_assets
from teiedit.builders.html_key import (
    MANIFEST,
    forget_key,
    keep_key,
    kept_key,
    lists_digest,
    output_names,
    outputs,
    page_digest,
    site_complete,
    site_key,
)
from teiedit.builders.html_pages import (
    PageOut,
    PageTask,
    document_summaries,
    layout_file,
    page_out,
    page_params,
    register_key,
    render_pages,
)
from teiedit.builders.images import (
    IMAGE_FOLDER,
    SiteImage,
    copy_images,
    document_images,
    images_digest,
    unfound_images,
)
from teiedit.builders.print_limit import PrintLimits
from teiedit.builders.rendering import rendering
from teiedit.builders.search_cache import write_keys
from teiedit.builders.site.jsonld import document_jsonld, script_text
from teiedit.builders.site.layout import SiteLayout
from teiedit.builders.site.published import schema_files
from teiedit.builders.site.records import document_record
from teiedit.builders.site_process import SiteTransforms
from teiedit.builders.sitepages import render_search, render_site, write_site_state
from teiedit.diagnostics import TeieditError
from teiedit.edition import Edition, EditionDoc
from teiedit.facts import safe_id
from teiedit.imported_registers import entry_pointers, pointed_ids
from teiedit.io import output_path, write_staged
from teiedit.staging import staged_dir
from teiedit.workers import using

#: Bump when the builder's own output logic changes (the stylesheets are hashed anyway).
FORMAT = 1


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


def _tree_of(ed: EditionDoc) -> Callable[[], etree._Element]:
    """The tree of a document when asked for (the search reads only the changed documents' trees)."""
    return lambda: ed.root


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
        return Manifest.read(out / MANIFEST).outdated(plan.manifest, outputs(out, plan.images))

    def build(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        out_dir = Path(out)
        assets = assets_fingerprint(FORMAT, rendering(edition.settings).digest)
        whole = site_key(edition, assets, self._key_options(edition, out_dir, options))
        if not options.force and whole == kept_key(out_dir) and site_complete(edition, out_dir):
            return []  # nothing the site is made from changed, and it is all there
        forget_key(out_dir)
        plan = self._plan(edition, out_dir, options, assets)
        for finding in filter(None, (unfound_images(p.ed, p.images) for p in plan.pages)):
            options.note(finding)
        old = Manifest() if options.force else Manifest.read(out_dir / MANIFEST)
        new = plan.manifest
        redo = old.outdated(new, outputs(out_dir, plan.images))
        registers = edition.registers
        # the published TEI: PIs and pointers that hold in the site (builders/site/published.py)
        layout, schemas = SiteLayout.of(edition), bool(schema_files(edition.settings))
        written: list[Path] = []
        search_keys: list[str] = []
        # the site pages are transformed in a process of their own (builders/site_process.py)
        site_transforms = SiteTransforms(edition.settings, len(plan.pages))
        with staged_dir(out_dir) as tmp, using(options.workers) as workers, site_transforms:
            (tmp / "tei").mkdir(exist_ok=True)
            key = register_key(registers)
            # the workers read the layout once each, from a file (it names every document)
            todo = sum(1 for p in plan.pages if p.ed.page in redo)
            shipped = layout_file(layout, tmp) if workers.parallel(todo) else ("", 0, 0)
            by_page = {p.ed.page: p.ed for p in plan.pages}
            tasks = [
                PageTask(
                    p.ed.page,
                    p.ed.path,
                    p.ed.record,
                    p.params,
                    p.links,
                    tuple(p.images),
                    edition.settings,
                    key,
                    shipped,
                    own=not p.ed.imported,
                    schemas=schemas,
                )
                for p in plan.pages
                if p.ed.page in redo
            ]

            def receive(task: PageTask, out: PageOut) -> None:
                # (a new file in the staging folder: written as it is, see io.write_staged)
                write_staged(tmp / f"{task.page}.html", out.html.encode("utf-8"))
                copy_images(list(task.images), tmp)
                write_staged(tmp / f"tei/{task.page}.xml", out.tei)
                self._downloads(task.page, out, tmp)
                written.append(out_dir / f"{task.page}.html")

            def here(task: PageTask) -> PageOut:
                ed = by_page[task.page]
                html = render_task_page(ed, task, registers)
                return page_out(ed, task, html, layout, own_tree=False)

            render_pages(tasks, workers, render_task, here, receive, options.say)
            workers.rest()  # idle from here on, they would hold their memory beside the site pages'
            if shipped[0]:
                Path(shipped[0]).unlink(missing_ok=True)  # not part of the site

            docs = [p.ed for p in plan.pages]
            summaries = document_summaries(docs, out_dir)
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
                keys=[p.ed.record.summary_key for p in plan.pages],
                contexts=edition.mention_contexts(docs),
                transforms=site_transforms,
            )
            written += site.written
            if old.lists != new.lists or not all(
                (out_dir / p).is_file() for p in ("search.html", "search/meta.js")
            ):
                options.say("rendering the search page and its index")
                written += render_search(
                    [
                        (_tree_of(page.ed), s, page.digest)
                        for page, s in zip(plan.pages, summaries, strict=True)
                    ],
                    edition.site_registers,
                    edition.settings,
                    tmp,
                    out_dir,
                    new.assets,
                    force=options.force,
                    keep=search_keys.append,
                    transforms=site_transforms,
                )
            viewer = any(plan.images.values())
            if old.assets != new.assets or not all(
                (out_dir / rel).is_file() for rel in asset_names(viewer)
            ):
                copy_assets(tmp, viewer)
            _make_readable(tmp)
        self._remove_stale(out_dir, set(old.docs) - set(new.docs))
        write_site_state(out_dir, site)
        for text in search_keys:  # after the index is in place, as the site pages' state
            write_keys(out_dir, text)
        # The manifest goes in last: a run killed before this line leaves the old manifest, whose
        # digests make the next run render again every page this one may have left half done.
        new.write(out_dir / MANIFEST, FORMAT)
        keep_key(out_dir, whole)
        return written

    def _key_options(self, edition: Edition, out_dir: Path, options: BuildOptions) -> list[str]:
        """The options of a build that reach its pages, as text for the site's key."""
        unprinted = cast("frozenset[str]", options.get("unprinted", frozenset()))
        return [repr(self._link_pdf(edition, out_dir, options)), *sorted(unprinted)]

    @staticmethod
    def _link_pdf(edition: Edition, out_dir: Path, options: BuildOptions) -> bool:
        link_pdf = options.get("link_pdf")
        if link_pdf is None:
            return out_dir.resolve() == (edition.settings.out / "html").resolve()
        return bool(link_pdf)

    def _plan(
        self, edition: Edition, out_dir: Path, options: BuildOptions, assets: str = ""
    ) -> _Plan:
        """The pages in the edition's order (date, then page name), each with its parameters and the
        hash of what it depends on; the manifest this build will write."""
        link_pdf = self._link_pdf(edition, out_dir, options)
        docs = sorted(edition.documents(), key=lambda ed: (ed.facts.date or "9999", ed.page))
        # a document over the print limit has no PDF: its page links none
        limits = PrintLimits.from_environment() if link_pdf else None
        # documents the print stage could not lay out in this build (their pages are written again)
        unprinted = cast("frozenset[str]", options.get("unprinted", frozenset()))
        registers = edition.registers
        new = Manifest(
            assets=assets or assets_fingerprint(FORMAT, rendering(edition.settings).digest)
        )
        by_file = {ed.path.name: ed.page for ed in docs}
        pairs = [frozenset(ed.record.correspondents) for ed in docs]
        same_pair: dict[frozenset[str], list[int]] = {}
        for j, who in enumerate(pairs):
            same_pair.setdefault(who, []).append(j)
        pages: list[_Page] = []
        # each entry's JSON-LD and bytes made once for the whole plan, not once per page naming it
        refs: dict[int, dict[str, object]] = {}
        entry_bytes: dict[str, bytes] = {}
        for i, ed in enumerate(docs):
            params = page_params(docs, i, pairs, same_pair)
            params["tei-href"] = f"tei/{ed.page}.xml"
            printed = limits is not None and limits.fits(ed) and ed.page not in unprinted
            params["pdf-href"] = f"pdf/{ed.page}.pdf" if printed else ""
            params["txt-href"] = f"txt/{ed.page}.txt"
            params["cite-href"] = f"cite/{ed.page}"
            params["tei-alternate"] = params["tei-href"]
            record = document_record(ed, edition)
            params["jsonld"] = script_text(document_jsonld(record, edition.settings, refs))
            if ed.imported:
                # its own register entries link to their entity pages (teiedit/imported_registers.py)
                joined = edition.site_registers.aliases.get(ed.page, {})
                params["entity-pages"] = " ".join(f"{k}={safe_id(v)}" for k, v in joined.items())
                params["entry-pointers"] = entry_pointers(
                    ed.page, ed.record.refs, edition.site_registers, registers
                )
            ids = (set(ed.record.refs) | pointed_ids(params)) & registers.entries.keys()
            links = linked_pages(ed.record.targets, by_file)
            images = document_images(ed, [edition.settings.root])
            hashed = {
                **params,
                **{"link:" + k: v for k, v in links.items()},
                "images": images_digest(images),
            }
            digest = page_digest(
                ed, hashed, registers, ids, new.assets, edition.settings, entry_bytes
            )
            new.docs[ed.page] = digest
            pages.append(_Page(ed, params, links, digest, images))
        new.lists = lists_digest(new, registers, edition.settings, [ed.page for ed in docs])
        # edition.pdf is made when at least one document is printed (all over the limit: none to link)
        book = bool(limits) and any(page.params["pdf-href"] for page in pages)
        return _Plan(docs, pages, new, "pdf/edition.pdf" if book else "")

    @staticmethod
    def _downloads(page: str, out: PageOut, tmp: Path) -> None:
        """The document's plain text and its citation files (builders/citation.py)."""
        (tmp / "txt").mkdir(exist_ok=True)
        (tmp / "cite").mkdir(exist_ok=True)
        write_staged(tmp / "txt" / f"{page}.txt", out.text.encode("utf-8"))
        for ext, text in out.cites.items():
            write_staged(tmp / "cite" / f"{page}.{ext}", text.encode("utf-8"))

    @staticmethod
    def _remove_stale(out_dir: Path, pages: set[str]) -> None:
        """Pages of documents no longer in the build (names come from the manifest: plain slugs)."""
        for page in pages:
            if "/" in page or "\\" in page or page.startswith("."):
                continue
            for rel in output_names(page):
                try:
                    stale = output_path(out_dir, rel)
                except TeieditError:
                    continue
                stale.unlink(missing_ok=True)
            shutil.rmtree(out_dir / IMAGE_FOLDER / page, ignore_errors=True)
