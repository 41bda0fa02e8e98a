"""One key for a whole web edition: a digest of everything its pages are made from (every file's content
hash and page name, the register files, the settings, the stylesheets and builder code, the build's
options, the page images and the day the records date undated documents by), kept beside the site.

A build whose key is the one kept, and whose files are all there, has nothing to do: it writes nothing
and plans nothing (no page's parameters, JSON-LD or site page input is made, only this key). The key is
removed before a build writes anything and written after its manifest, so a build stopped half way is
never taken for a finished one. The digests of each page and of the listings (the manifest's) are here
too.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from lxml import etree

from teiedit.builder import Manifest, digest
from teiedit.builders.citation import FORMATS
from teiedit.builders.html_assets import asset_names
from teiedit.builders.images import SiteImage, document_images, images_digest
from teiedit.builders.print_limit import PrintLimits
from teiedit.builders.site.published import schema_files
from teiedit.builders.site.records import build_day
from teiedit.builders.sitepages import site_state
from teiedit.config import Settings, settings_digest
from teiedit.edition import Edition, EditionDoc
from teiedit.io import write_text_atomic
from teiedit.registers import Registers

KEY_FILE = ".teiedit-html-key"
#: The web builder's manifest (teiedit/builder.py): per page, the hash of what it is made from.
MANIFEST = ".teiedit-html.json"


def site_key(edition: Edition, assets: str, options: Iterable[str]) -> str:
    """The key of the web edition of ``edition`` (``assets``: the builder's code and stylesheets;
    ``options``: the build's options that reach a page, as text). Where the edition and the site are is
    not in it (files by their place in the edition): a copy of an edition builds the same files."""
    settings = edition.settings
    limits = PrintLimits.from_environment()
    parts: list[str | bytes] = [
        assets,
        settings_digest(settings),
        json.dumps(list(options)),
        repr(limits),
        build_day(settings),
    ]
    roots, root = [settings.root], os.path.abspath(settings.root)
    parts.append(json.dumps([_where(p, root) for p in schema_files(settings)]))
    for ed in edition.inputs():
        where = _where(ed.path, root)
        parts.append(f"{ed.page}\0{where}\0{ed.sha256}\0{ed.imported:d}\0{ed.is_register:d}")
        if ed.record.header.images:  # an image file may come, go or change beside an unchanged TEI
            parts.append(images_digest(document_images(ed, roots)))
    for path in edition.registers.files:
        parts += [_where(path, root), path.read_bytes()]
    return digest(*parts)


def _where(path: Path, root: str) -> str:
    """A file's place in the edition (the same edition built in two folders has one key); by strings
    only, no file system call per document."""
    full = os.path.abspath(path)
    rel = os.path.relpath(full, root)
    return full if rel.startswith("..") else Path(rel).as_posix()


def kept_key(out_dir: Path) -> str:
    """The key of the last finished build in ``out_dir`` ("" when none)."""
    try:
        return (out_dir / KEY_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def forget_key(out_dir: Path) -> None:
    """Remove the kept key: this build is about to change the site."""
    (out_dir / KEY_FILE).unlink(missing_ok=True)


def keep_key(out_dir: Path, key: str) -> None:
    """Keep the key of a finished build."""
    write_text_atomic(out_dir / KEY_FILE, key + "\n")


def output_names(page: str, images: list[SiteImage] | None = None) -> list[str]:
    """The files a document's page is, relative to the site: its HTML, TEI, plain text, citations
    and images."""
    return [
        f"{page}.html",
        f"tei/{page}.xml",
        f"txt/{page}.txt",
        *(f"cite/{page}.{ext}" for ext in FORMATS),
        *(i.href for i in images or []),
    ]


def outputs(
    out_dir: Path, images: dict[str, list[SiteImage]] | None = None
) -> Callable[[str], list[Path]]:
    """The files a document's page is, as paths in ``out_dir``."""
    return lambda page: [out_dir / rel for rel in output_names(page, (images or {}).get(page))]


def site_complete(edition: Edition, out_dir: Path) -> bool:
    """Whether every file the last finished build wrote is still there (a lost page or asset is made
    again even when nothing changed)."""
    images = {
        ed.page: document_images(ed, [edition.settings.root])
        for ed in edition.documents()
        if ed.record.header.images
    }
    more = [MANIFEST, "search.html", "search/meta.js", *site_state(out_dir)]
    more += asset_names(any(images.values()))
    files = outputs(out_dir, images)
    pages = Manifest.read(out_dir / MANIFEST).docs
    return all((out_dir / p).is_file() for p in more) and all(
        f.is_file() for page in pages for f in files(page)
    )


def page_digest(
    ed: EditionDoc,
    params: dict[str, str],
    registers: Registers,
    ids: set[str],
    assets: str,
    settings: Settings,
    entry_bytes: dict[str, bytes],
) -> str:
    """What a document's page is made from: its file, its parameters, the register entries it shows
    (``entry_bytes``: their bytes made so far), the code and stylesheets, the title and address."""
    h = hashlib.sha256(assets.encode())
    h.update(ed.sha256.encode())
    h.update(json.dumps([params, settings.title, settings.base_url], sort_keys=True).encode())
    for entry_id in sorted(ids):
        data = entry_bytes.get(entry_id)
        if data is None:
            element = registers.entries[entry_id].element
            data = entry_bytes[entry_id] = b"" if element is None else etree.tostring(element)
        h.update(data)
    return h.hexdigest()


def lists_digest(new: Manifest, registers: Registers, settings: Settings, order: list[str]) -> str:
    """What the listings and the search are made from: every page's digest, in order, and the
    registers."""
    h = hashlib.sha256(new.assets.encode())
    h.update(
        json.dumps(
            [order, [new.docs[p] for p in order], settings.title, settings.base_url]
        ).encode()
    )
    for f in registers.files:
        h.update(f.read_bytes())
    return h.hexdigest()
