"""The web edition's assets: what the site's pages are made with (their fingerprint) and the style sheets
and scripts the site ships (its own, the vendored ones, the image viewer when a page shows images)."""

from __future__ import annotations

import shutil
from pathlib import Path

from teiedit.builder import files_fingerprint
from teiedit.builders.vendor import copy_vendor, vendor_files, vendored
from teiedit.resources import xslt_dir

#: The zoomable image viewer the site ships when a page shows images (a copy of OpenSeadragon).
VIEWER = "js/vendor/openseadragon"


def assets_fingerprint(fmt: int, models: str = "") -> str:
    """A hash of every stylesheet, style sheet and script the site is made with, of the compiled processing
    model (``models``: its digest) and of the Python that prepares the stylesheets' input (a changed
    builder or ODD re-renders every page)."""
    pkg = Path(__file__).resolve().parent.parent
    python = (
        *("builders/html.py", "builders/corpus.py", "builders/search.py", "builders/sitedata.py"),
        *("builders/sitepages.py", "builders/site_lists.py", "builders/search_records.py"),
        *("builders/citation.py", "builders/vendor.py", "builders/sortnames.py", "summary.py"),
        *("builders/site/jsonld.py", "builders/site/layout.py", "builders/site/records.py"),
        *("builders/site/published.py", "builders/html_pages.py", "builders/html_assets.py"),
        "builders/site_process.py",
        "builders/document_page.py",
        "document.py",
    )
    root = xslt_dir()
    return files_fingerprint(
        f"format {fmt} models {models} {sorted(vendored().items())}",
        [pkg / f for f in (*python, "facts.py", "edition.py", "registers.py")],
        [root / sub for sub in ("common", "html", "css", "js")],
    )


def asset_names(viewer: bool = False) -> list[str]:
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


def copy_assets(tmp: Path, viewer: bool = False) -> None:
    """Copy the style sheets and scripts of :func:`asset_names` into ``tmp``."""
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
