"""HtmlBuilder: the static web edition via the XSLT in xslt/html.

Pages: one per document, the index (sortable, filterable), the timeline, the registers (persons, places,
organisations) and the search page with its index. Everything is static: it reads from ``file://``.

Rendering is incremental: ``.teiedit-html.json`` in the output folder records, per page, a hash of what
the page depends on (the TEI file, its neighbours, the register entries it names, the stylesheets). Only
pages whose hash changed are rendered again; the listing pages are rendered when any document or register
changed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit.builders.corpus import (
    EditionDoc,
    Registers,
    bundle,
    correspondents,
    document_date,
    document_title,
    edition_corpus,
    is_register,
    linked_pages,
    load_edition_docs,
    load_registers,
    pages_element,
    referenced_ids,
    sort_key,
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
from teiedit.builders.search import SearchDoc, read_page, search_index_script
from teiedit.config import Edition
from teiedit.diagnostics import Progress
from teiedit.io import iter_xml_files, staged_dir, write_text_atomic
from teiedit.resources import xslt_dir
from teiedit.xslt import transform

MANIFEST = ".teiedit-html.json"
#: Bump when the builder's own output logic changes (the stylesheets are hashed anyway).
FORMAT = 1
REGISTER_PAGES = ("persons", "places", "orgs")
#: The zoomable image viewer the site ships when a page shows images (a copy of OpenSeadragon).
VIEWER = "js/vendor/openseadragon"


def assets_fingerprint(models: str = "") -> str:
    """A hash of every stylesheet, style sheet and script the site is made with, of the compiled processing
    model (``models``: its digest) and of the Python that prepares the stylesheets' input (a changed
    builder or ODD re-renders every page)."""
    h = hashlib.sha256(f"format {FORMAT} models {models}".encode())
    pkg = Path(__file__).resolve().parent.parent
    for f in (
        pkg / "builders" / "html.py",
        pkg / "builders" / "corpus.py",
        pkg / "builders" / "search.py",
        pkg / "document.py",
    ):
        h.update(f.read_bytes())
    root = xslt_dir()
    for sub in ("common", "html", "css", "js"):
        for f in sorted((root / sub).glob("*")):
            if f.is_file():
                h.update(f"{sub}/{f.name}\0".encode())
                h.update(f.read_bytes())
    return h.hexdigest()


@dataclass
class Manifest:
    assets: str = ""
    docs: dict[str, str] = field(default_factory=dict)
    lists: str = ""

    @classmethod
    def read(cls, out_dir: Path) -> Manifest:
        try:
            data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
            return cls(
                assets=str(data["assets"]),
                docs={str(k): str(v) for k, v in data["docs"].items()},
                lists=str(data["lists"]),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def text(self) -> str:
        return (
            json.dumps(
                {"format": FORMAT, "assets": self.assets, "docs": self.docs, "lists": self.lists},
                indent=1,
                sort_keys=True,
            )
            + "\n"
        )


def page_params(
    docs: list[EditionDoc], i: int, pairs: list[frozenset[str]] | None = None
) -> dict[str, str]:
    """Neighbours of document ``i``: previous/next document, and previous/next letter between the same
    correspondents (``pairs``: the correspondents of every document, computed once by the caller)."""
    if pairs is None:
        pairs = [correspondents(d.doc.root) for d in docs]
    params = {
        "prev": "",
        "next": "",
        "prev-title": "",
        "next-title": "",
        "prev-letter": "",
        "next-letter": "",
        "prev-letter-title": "",
        "next-letter-title": "",
    }
    if i > 0:
        before = docs[i - 1]
        params["prev"], params["prev-title"] = (
            before.page,
            document_title(before.doc.root, before.page),
        )
    if i + 1 < len(docs):
        after = docs[i + 1]
        params["next"], params["next-title"] = (
            after.page,
            document_title(after.doc.root, after.page),
        )
    who = pairs[i]
    if len(who) >= 2:
        same = [j for j, other in enumerate(pairs) if other == who]
        k = same.index(i)
        if k > 0:
            o = docs[same[k - 1]]
            params["prev-letter"], params["prev-letter-title"] = (
                o.page,
                document_title(o.doc.root, o.page),
            )
        if k + 1 < len(same):
            o = docs[same[k + 1]]
            params["next-letter"], params["next-letter-title"] = (
                o.page,
                document_title(o.doc.root, o.page),
            )
    return params


def render_page(
    ed: EditionDoc,
    edition: Edition,
    prev: str = "",
    next_: str = "",
    registers: Registers | None = None,
    params: dict[str, str] | None = None,
    links: dict[str, str] | None = None,
    images: list[SiteImage] | None = None,
) -> str:
    """The HTML page of one document (with its register entries when ``registers`` is given, the
    pages of the TEI files it points to in ``links`` and the site paths of its ``images``)."""
    root = ed.doc.root
    source: etree._Element = root
    if registers is not None or links or images:
        ids = referenced_ids(root) & (registers.entries.keys() if registers else set())
        source = bundle(
            _copy(root),
            (registers or Registers()).element(ids),
            pages_element(links or {}),
            images_element(images or []),
        )
    all_params: dict[str, str] = {
        "edition-title": edition.title,
        "page": ed.page,
        "prev": prev,
        "next": next_,
        "base-url": edition.base_url,
        "tei-href": "",
        "pdf-href": "",
    }
    all_params.update(params or {})
    return transform(
        xslt_dir() / "html" / "document.xsl",
        source,
        base_uri=str(ed.path),
        params=all_params,
        static=rendering(edition).static,
    ).output


def _make_readable(folder: Path) -> None:
    """A published site is world-readable (atomic writes create private files)."""
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def _copy(root: etree._Element) -> etree._Element:
    import copy

    return copy.deepcopy(root)


class HtmlBuilder:
    """The web edition. ``link_pdf``: link each page to ``../pdf/<page>.pdf`` (None: only when writing the
    edition's own out/html, beside which the print edition is written)."""

    name = "html"

    def __init__(self, link_pdf: bool | None = None) -> None:
        self.link_pdf = link_pdf

    def build(
        self, files: list[Path], out_dir: Path, edition: Edition, progress: Progress | None = None
    ) -> list[Path]:
        say: Progress = progress if progress is not None else (lambda _m: None)
        out_dir = Path(out_dir)
        loaded = load_edition_docs(files)
        register_docs = [ed for ed in loaded if is_register(ed.doc.root)]
        docs = sorted((ed for ed in loaded if not is_register(ed.doc.root)), key=sort_key)
        register_docs += self._edition_registers(edition, {ed.path.resolve() for ed in loaded})
        registers = load_registers(register_docs)

        link_pdf = (
            self.link_pdf
            if self.link_pdf is not None
            else out_dir.resolve() == (edition.out / "html").resolve()
        )
        old = Manifest.read(out_dir)
        new = Manifest(assets=assets_fingerprint(rendering(edition).digest))
        written: list[Path] = []
        by_file = {ed.path.name: ed.page for ed in docs}
        pairs = [correspondents(ed.doc.root) for ed in docs]
        has_images = False
        with staged_dir(out_dir) as tmp:
            for i, ed in enumerate(docs):
                params = page_params(docs, i, pairs)
                params.update(
                    {
                        "tei-href": f"tei/{ed.page}.xml",
                        "pdf-href": f"../pdf/{ed.page}.pdf" if link_pdf else "",
                    }
                )
                ids = referenced_ids(ed.doc.root) & registers.entries.keys()
                links = linked_pages(ed.doc.root, by_file)
                images = document_images(ed, [edition.root])
                has_images = has_images or bool(images)
                digest = self._doc_hash(
                    ed,
                    {
                        **params,
                        **{"link:" + k: v for k, v in links.items()},
                        "images": images_digest(images),
                    },
                    registers,
                    ids,
                    new.assets,
                    edition,
                )
                new.docs[ed.page] = digest
                if (
                    old.docs.get(ed.page) == digest
                    and (out_dir / f"{ed.page}.html").is_file()
                    and (out_dir / "tei" / f"{ed.page}.xml").is_file()
                    and all((out_dir / i.href).is_file() for i in images)
                ):
                    continue
                say(f"rendering {ed.page}")
                html = render_page(
                    ed, edition, registers=registers, params=params, links=links, images=images
                )
                write_text_atomic(tmp / f"{ed.page}.html", html)
                copy_images(images, tmp)
                (tmp / "tei").mkdir(exist_ok=True)
                shutil.copyfile(ed.path, tmp / "tei" / f"{ed.page}.xml")
                written.append(out_dir / f"{ed.page}.html")

            new.lists = self._lists_hash(new, registers, edition, [ed.page for ed in docs])
            site_pages = ["index", "timeline", "search", *REGISTER_PAGES]
            if old.lists != new.lists or not all(
                (out_dir / f"{p}.html").is_file() for p in site_pages
            ):
                say("rendering the index, timeline, registers and search")
                written += self._render_lists(docs, registers, edition, tmp, out_dir)
            if old.assets != new.assets or not all(
                (out_dir / rel).is_file() for rel in self._asset_names(has_images)
            ):
                self._copy_assets(tmp, has_images)
            write_text_atomic(tmp / MANIFEST, new.text())
            _make_readable(tmp)
        self._remove_stale(out_dir, set(old.docs) - set(new.docs))
        return written

    @staticmethod
    def _edition_registers(edition: Edition, seen: set[Path]) -> list[EditionDoc]:
        """Register files of the edition (tei/registers/) that were not named among the inputs."""
        folder = (
            edition.registers
            if edition.registers.is_absolute()
            else edition.root / edition.registers
        )
        if not folder.is_dir():
            return []
        extra = [p for p in iter_xml_files([folder]) if p.resolve() not in seen]
        return [ed for ed in load_edition_docs(extra) if is_register(ed.doc.root)]

    @staticmethod
    def _doc_hash(
        ed: EditionDoc,
        params: dict[str, str],
        registers: Registers,
        ids: set[str],
        assets: str,
        edition: Edition,
    ) -> str:
        h = hashlib.sha256(assets.encode())
        h.update(ed.path.read_bytes())
        h.update(json.dumps([params, edition.title, edition.base_url], sort_keys=True).encode())
        for entry_id in sorted(ids):
            h.update(etree.tostring(registers.entries[entry_id]))
        return h.hexdigest()

    @staticmethod
    def _lists_hash(new: Manifest, registers: Registers, edition: Edition, order: list[str]) -> str:
        h = hashlib.sha256(new.assets.encode())
        h.update(
            json.dumps(
                [order, [new.docs[p] for p in order], edition.title, edition.base_url]
            ).encode()
        )
        for f in registers.files:
            h.update(f.read_bytes())
        return h.hexdigest()

    def _render_lists(
        self,
        docs: list[EditionDoc],
        registers: Registers,
        edition: Edition,
        tmp: Path,
        out_dir: Path,
    ) -> list[Path]:
        site = bundle(registers.element(), edition_corpus(docs, edition, listing=True), kind="site")
        base = {"edition-title": edition.title}
        written: list[Path] = []

        def emit(
            name: str, stylesheet: str, params: dict[str, str], source: etree._Element | None = None
        ) -> None:
            html = transform(
                xslt_dir() / "html" / stylesheet,
                site if source is None else source,
                params={**base, **params},
                static=rendering(edition).static,
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
        search_docs = [
            SearchDoc(ed.page, document_title(ed.doc.root, ed.page), document_date(ed.doc.root))
            for ed in docs
        ]
        write_text_atomic(tmp / "search-index.js", search_index_script(search_docs, pages))
        written.append(out_dir / "search-index.js")
        return written

    @staticmethod
    def _asset_names(viewer: bool = False) -> list[str]:
        """The style sheets and scripts the site ships, as paths relative to the output folder; with
        ``viewer``, the zoomable image viewer (js/vendor/openseadragon, with its licence and icons)."""
        names = [
            f"{sub}/{f.name}"
            for sub in ("css", "js")
            for f in sorted((xslt_dir() / sub).glob("*"))
            if f.is_file() and f.suffix in (".css", ".js")
        ]
        if viewer:
            vendor = xslt_dir() / VIEWER
            names += [
                f.relative_to(xslt_dir()).as_posix()
                for f in sorted(vendor.rglob("*"))
                if f.is_file()
            ]
        return names

    def _copy_assets(self, tmp: Path, viewer: bool = False) -> None:
        for rel in self._asset_names(viewer):
            (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(xslt_dir() / rel, tmp / rel)

    @staticmethod
    def _remove_stale(out_dir: Path, pages: set[str]) -> None:
        """Pages of documents no longer in the build (names come from the manifest: plain slugs)."""
        for page in pages:
            if "/" in page or "\\" in page or page.startswith("."):
                continue
            for stale in (out_dir / f"{page}.html", out_dir / "tei" / f"{page}.xml"):
                stale.unlink(missing_ok=True)
            shutil.rmtree(out_dir / IMAGE_FOLDER / page, ignore_errors=True)
