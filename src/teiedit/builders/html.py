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
from teiedit.builders.corpus import (
    bundle,
    edition_corpus,
    linked_pages,
    pages_element,
    registers_element,
)
from teiedit.builders.html_pages import (
    PageTask,
    register_key,
    render_pages,
    task_doc,
    worker_registers,
)
from teiedit.builders.search import SearchDoc, read_page, search_index_script
from teiedit.builders.site.jsonld import document_jsonld, script_text
from teiedit.builders.site.layout import SiteLayout
from teiedit.builders.site.published import published_tei, schema_files
from teiedit.builders.site.records import document_record
from teiedit.config import Settings
from teiedit.diagnostics import TeieditError
from teiedit.edition import Edition, EditionDoc
from teiedit.facts import facts_document
from teiedit.io import output_path, write_atomic, write_text_atomic
from teiedit.registers import Registers
from teiedit.resources import xslt_dir
from teiedit.staging import staged_dir
from teiedit.workers import using
from teiedit.xslt import transform

MANIFEST = ".teiedit-html.json"
#: Bump when the builder's own output logic changes (the stylesheets are hashed anyway).
FORMAT = 1
REGISTER_PAGES = ("persons", "places", "orgs")


def assets_fingerprint() -> str:
    """A hash of every stylesheet, style sheet and script the site is made with, and of the Python that
    prepares the stylesheets' input (a changed builder re-renders every page)."""
    pkg = Path(__file__).resolve().parent.parent
    python = (
        "builders/html.py",
        "builders/corpus.py",
        "builders/search.py",
        "builders/site/jsonld.py",
        "builders/site/layout.py",
        "builders/site/records.py",
        "builders/site/published.py",
        "document.py",
    )
    root = xslt_dir()
    return files_fingerprint(
        f"format {FORMAT}",
        [pkg / f for f in (*python, "facts.py", "edition.py", "registers.py")],
        [root / sub for sub in ("common", "html", "css", "js")],
    )


def page_params(
    docs: list[EditionDoc],
    i: int,
    pairs: list[frozenset[str]] | None = None,
    same_pair: dict[frozenset[str], list[int]] | None = None,
) -> dict[str, str]:
    """Neighbours of document ``i``: previous/next document, and previous/next letter between the same
    correspondents (``pairs``: the correspondents of every document; ``same_pair``: the documents of
    each pair, in order; both computed once by the caller)."""
    if pairs is None:
        pairs = [frozenset(d.record.correspondents) for d in docs]
    if same_pair is None:
        same_pair = {}
        for j, who in enumerate(pairs):
            same_pair.setdefault(who, []).append(j)
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
        same = same_pair[who]
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
) -> str:
    """The HTML page of one document (with its register entries when ``registers`` is given, and the
    pages of the TEI files it points to in ``links``)."""
    root = ed.root
    source: etree._Element = root
    if registers is not None or links:
        ids = set(ed.record.refs) & (registers.entries.keys() if registers else set())
        source = bundle(
            _copy(root),
            registers_element(registers or Registers(), ids),
            pages_element(links or {}),
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
    ).output


def render_task(task: PageTask) -> str:
    """The HTML of one page, its file parsed here (runs in a worker process)."""
    registers = worker_registers(task.registers)
    return render_page(
        task_doc(task), task.settings, registers=registers, params=task.params, links=task.links
    )


@dataclass
class _Page:
    """A document page to write: its document, its parameters, the pages it links to, its hash."""

    ed: EditionDoc
    params: dict[str, str]
    links: dict[str, str]
    digest: str


@dataclass
class _Plan:
    docs: list[EditionDoc]
    pages: list[_Page]
    manifest: Manifest


def _make_readable(folder: Path) -> None:
    """A published site is world-readable (atomic writes create private files)."""
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def _outputs(out_dir: Path) -> Callable[[str], list[Path]]:
    """The files a document's page is: its HTML and its published TEI."""
    return lambda page: [out_dir / f"{page}.html", out_dir / "tei" / f"{page}.xml"]


def _copy(root: etree._Element) -> etree._Element:
    import copy

    return copy.deepcopy(root)


class HtmlBuilder:
    """The web edition. Option ``link_pdf``: link each page to ``../pdf/<page>.pdf`` (None: only when
    writing the edition's own out/html, beside which the print edition is written)."""

    name = "html"
    group: Group = "render"
    help = "render TEI files as a static web site"
    description = "Render TEI files or folders to HTML pages and an index in DIR."
    options: tuple[Option, ...] = ()

    def outdated(self, edition: Edition, out: Path) -> set[str]:
        plan = self._plan(edition, out, BuildOptions())
        return Manifest.read(out / MANIFEST).outdated(plan.manifest, _outputs(out))

    def build(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        out_dir = Path(out)
        plan = self._plan(edition, out_dir, options)
        old = Manifest() if options.force else Manifest.read(out_dir / MANIFEST)
        new = plan.manifest
        redo = old.outdated(new, _outputs(out_dir))
        registers = edition.registers
        # the published TEI: PIs and pointers that hold in the site (builders/site/published.py)
        layout, schemas = SiteLayout.of(edition), bool(schema_files(edition.settings))
        written: list[Path] = []
        with staged_dir(out_dir) as tmp, using(options.workers) as workers:
            (tmp / "tei").mkdir(exist_ok=True)
            key = register_key(registers)
            tasks = [
                PageTask(
                    p.ed.page, p.ed.path, p.ed.record, p.params, p.links, edition.settings, key
                )
                for p in plan.pages
                if p.ed.page in redo
            ]
            by_page = {p.ed.page: p.ed for p in plan.pages}

            def receive(task: PageTask, html: str) -> None:
                write_text_atomic(tmp / f"{task.page}.html", html)
                here = f"tei/{task.page}.xml"
                own = not by_page[task.page].imported
                write_atomic(
                    tmp / here, published_tei(task.path, here, layout, own=own, schemas=schemas)
                )
                written.append(out_dir / f"{task.page}.html")

            def here(task: PageTask) -> str:
                ed = by_page[task.page]
                return render_page(
                    ed, task.settings, registers=registers, params=task.params, links=task.links
                )

            render_pages(tasks, workers, render_task, here, receive, options.say)

            site_pages = ["index", "timeline", "search", *REGISTER_PAGES]
            if old.lists != new.lists or not all(
                (out_dir / f"{p}.html").is_file() for p in site_pages
            ):
                options.say("rendering the index, timeline, registers and search")
                written += self._render_lists(plan.docs, registers, edition.settings, tmp, out_dir)
            if old.assets != new.assets or not all(
                (out_dir / rel).is_file() for rel in self._asset_names()
            ):
                self._copy_assets(tmp)
            _make_readable(tmp)
        self._remove_stale(out_dir, set(old.docs) - set(new.docs))
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
        new = Manifest(assets=assets_fingerprint())
        by_file = {ed.path.name: ed.page for ed in docs}
        pairs = [frozenset(ed.record.correspondents) for ed in docs]
        same_pair: dict[frozenset[str], list[int]] = {}
        for j, who in enumerate(pairs):
            same_pair.setdefault(who, []).append(j)
        pages: list[_Page] = []
        for i, ed in enumerate(docs):
            params = page_params(docs, i, pairs, same_pair)
            params["tei-href"] = f"tei/{ed.page}.xml"
            params["pdf-href"] = f"../pdf/{ed.page}.pdf" if link_pdf else ""
            params["tei-alternate"] = params["tei-href"]
            record = document_record(ed, edition)
            params["jsonld"] = script_text(document_jsonld(record, edition.settings))
            ids = set(ed.record.refs) & registers.entries.keys()
            links = linked_pages(ed.record.targets, by_file)
            hashed = {**params, **{"link:" + k: v for k, v in links.items()}}
            digest = self._doc_hash(ed, hashed, registers, ids, new.assets, edition.settings)
            new.docs[ed.page] = digest
            pages.append(_Page(ed, params, links, digest))
        new.lists = self._lists_hash(new, registers, edition.settings, [ed.page for ed in docs])
        return _Plan(docs, pages, new)

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
        h.update(ed.sha256.encode())
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

    def _render_lists(
        self,
        docs: list[EditionDoc],
        registers: Registers,
        settings: Settings,
        tmp: Path,
        out_dir: Path,
    ) -> list[Path]:
        corpus, known = edition_corpus(docs, settings, listing=True)
        site = bundle(registers_element(registers), corpus, kind="site")
        site_facts = facts_document(site, known)
        base = {"edition-title": settings.title}
        written: list[Path] = []

        def emit(
            name: str, stylesheet: str, params: dict[str, str], source: etree._Element | None = None
        ) -> None:
            html = transform(
                xslt_dir() / "html" / stylesheet,
                site if source is None else source,
                params={**base, **params},
                facts=site_facts if source is None else facts_document(source),
            ).output
            write_text_atomic(tmp / f"{name}.html", html)
            written.append(out_dir / f"{name}.html")

        emit("index", "index.xsl", {"section": "index"})
        emit("timeline", "timeline.xsl", {"section": "timeline"})
        for kind in REGISTER_PAGES:
            emit(kind, "registers.xsl", {"section": kind, "kind": kind})
        emit("search", "search.xsl", {"section": "search"}, source=etree.Element("site"))

        pages = []
        for ed in docs:
            fresh = tmp / f"{ed.page}.html"
            pages.append(read_page(fresh if fresh.is_file() else out_dir / f"{ed.page}.html"))
        search_docs = [SearchDoc(ed.page, ed.facts.title or ed.page, ed.facts.date) for ed in docs]
        write_text_atomic(tmp / "search-index.js", search_index_script(search_docs, pages))
        written.append(out_dir / "search-index.js")
        return written

    @staticmethod
    def _asset_names() -> list[str]:
        """The style sheets and scripts the site ships, as paths relative to the output folder."""
        return [
            f"{sub}/{f.name}"
            for sub in ("css", "js")
            for f in sorted((xslt_dir() / sub).glob("*"))
            if f.is_file() and f.suffix in (".css", ".js")
        ]

    def _copy_assets(self, tmp: Path) -> None:
        for rel in self._asset_names():
            (tmp / rel).parent.mkdir(exist_ok=True)
            shutil.copyfile(xslt_dir() / rel, tmp / rel)

    @staticmethod
    def _remove_stale(out_dir: Path, pages: set[str]) -> None:
        """Pages of documents no longer in the build (names come from the manifest: plain slugs)."""
        for page in pages:
            if "/" in page or "\\" in page or page.startswith("."):
                continue
            for rel in (f"{page}.html", f"tei/{page}.xml"):
                try:
                    stale = output_path(out_dir, rel)
                except TeieditError:
                    continue
                stale.unlink(missing_ok=True)
