"""Images a TEI document shows (graphic/@url, and @facs that name image files): found beside the TEI file,
copied into the site with the document, and named to the stylesheets in a ``te:images`` element (the
TEI's URL and the site's path), so that XSLT never builds a file path from TEI content.

Only files that exist, have an image type a browser shows and lie inside the TEI file's folder or the
edition's folder are taken; remote URLs stay links (nothing is fetched).
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from teiedit.builders.corpus import TE_NS
from teiedit.diagnostics import Diagnostic, Level
from teiedit.document import slugify
from teiedit.edition import EditionDoc

#: Image types every browser shows.
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"})
#: Where the site keeps a document's images: images/<page>/<name>.
IMAGE_FOLDER = "images"


@dataclass(frozen=True)
class SiteImage:
    url: str  # as the TEI writes it
    source: Path
    href: str  # relative to the site's root


def _local_file(url: str, base: Path, roots: list[Path]) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme not in ("", "file") or parts.netloc or parts.query:
        return None
    path = Path(unquote(parts.path))
    candidate = (path if path.is_absolute() else base / path).resolve()
    if candidate.suffix.lower() not in IMAGE_SUFFIXES or not candidate.is_file():
        return None
    if not any(candidate.is_relative_to(r.resolve()) for r in roots):
        return None
    return candidate


def document_images(ed: EditionDoc, roots: list[Path]) -> list[SiteImage]:
    """The local images of a document that the site can show (see the module's docstring)."""
    images: list[SiteImage] = []
    names: set[str] = set()
    for url in ed.record.header.images:  # the record's: no tree is parsed
        source = _local_file(url, ed.path.parent, [ed.path.parent, *roots])
        if source is None:
            continue
        stem = slugify(source.stem) or "image"
        name, i = f"{stem}{source.suffix.lower()}", 2
        while name in names:
            name, i = f"{stem}-{i}{source.suffix.lower()}", i + 1
        names.add(name)
        images.append(SiteImage(url, source, f"{IMAGE_FOLDER}/{ed.page}/{name}"))
    return images


def unfound_images(ed: EditionDoc, found: list[SiteImage]) -> Diagnostic | None:
    """A warning naming the local image files a document shows that the site could not take (missing
    beside the TEI file, or outside its folder and the edition's), or None when there are none.

    A document imported from elsewhere comes without its images: its page would leave them out in
    silence (remote URLs and names without an image type are links or identifiers, not files).
    """
    have = {image.url for image in found}
    unfound = []
    for url in ed.record.header.images:
        parts = urlsplit(url)
        if url in have or parts.scheme not in ("", "file") or parts.netloc:
            continue
        if Path(unquote(parts.path)).suffix.lower() in IMAGE_SUFFIXES:
            unfound.append(url)
    if not unfound:
        return None
    shown = ", ".join(unfound[:3]) + (f" and {len(unfound) - 3} more" if len(unfound) > 3 else "")
    return Diagnostic(
        message=f"{len(unfound)} image{'s' if len(unfound) > 1 else ''} not found beside the TEI file, "
        f"left out of its page: {shown}",
        path=str(ed.path),
        level=Level.WARNING,
        origin="html",
        rule="image-not-found",
        suggestion=f"copy the image files into {ed.path.parent} as the TEI names them "
        "(relative to the TEI file), or give their full URLs",
    )


def images_element(images: list[SiteImage]) -> etree._Element:
    """``te:images``: which site path each image URL of the TEI became."""
    out = etree.Element(f"{{{TE_NS}}}images", nsmap={"te": TE_NS})
    for image in images:
        etree.SubElement(out, f"{{{TE_NS}}}image", url=image.url, href=image.href)
    return out


def images_digest(images: list[SiteImage]) -> str:
    """What the page depends on of its images (paths, sizes and times: a changed image is copied again)."""
    h = hashlib.sha256()
    for image in images:
        stat = image.source.stat()
        h.update(f"{image.url}\0{image.href}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return h.hexdigest()


def copy_images(images: list[SiteImage], site: Path) -> None:
    """Copy a document's images into the site (``site`` is the folder being written)."""
    for image in images:
        target = site / image.href
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(image.source, target)
