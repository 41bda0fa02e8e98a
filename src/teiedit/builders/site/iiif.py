"""IIIF Presentation 3 manifests for the documents with facsimiles: one Canvas per page image
(``facsimile/surface/graphic``, ``facsimile/graphic``, or ``pb/@facs`` naming an image), painted with
the image, its size read from ``graphic/@width``/``@height`` (pixels) or from the image file.

Images given as relative paths are published beside the document's TEI (``tei/<path>``), where its
pointers already lead; a canvas whose size cannot be known is left out with a warning (a Canvas must
have one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiedit.builders.site.layout import is_relative_file
from teiedit.builders.site.records import DocRecord, site_url
from teiedit.config import Settings
from teiedit.document import TEI_NS

NS = {"tei": TEI_NS}
CONTEXT = "http://iiif.io/api/presentation/3/context.json"
FORMATS = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".tif": "image/tiff",
           ".tiff": "image/tiff", ".gif": "image/gif", ".webp": "image/webp", ".jp2": "image/jp2"}  # fmt: skip
_PIXELS = re.compile(r"^\s*(\d+)\s*(px)?\s*$")


@dataclass(frozen=True)
class Image:
    """A page image: where the TEI points, the local file (when relative), its size in pixels."""

    url: str
    local: Path | None
    width: int | None
    height: int | None

    @property
    def site_path(self) -> str | None:
        """Where the site publishes the image (relative images only, never above the TEI folder)."""
        if self.local is None or ".." in Path(self.url).parts:
            return None
        return f"tei/{self.url}"


def _pixels(value: str | None) -> int | None:
    m = _PIXELS.match(value or "")
    return int(m.group(1)) if m else None


def _image_size(path: Path) -> tuple[int, int] | None:
    try:
        from PIL import Image as PILImage  # weasyprint's dependency; images are read only here

        with PILImage.open(path) as im:
            return int(im.width), int(im.height)
    except Exception:
        return None


def page_images(root: etree._Element, source: Path) -> list[Image]:
    """The page images of a document, in order, each once."""
    found: list[tuple[str, etree._Element | None]] = []
    for g in root.xpath("tei:facsimile//tei:graphic", namespaces=NS):
        found.append((g.get("url", ""), g))
    for pb in root.xpath("tei:text//tei:pb[@facs]", namespaces=NS):
        for token in pb.get("facs", "").split():
            if token.startswith("#"):
                continue  # a surface or graphic of the facsimile, listed above
            found.append((token, None))
    images: list[Image] = []
    seen: set[str] = set()
    for url, el in found:
        if not url or url in seen:
            continue
        seen.add(url)
        local = (source.parent / url) if is_relative_file(url) else None
        width = _pixels(el.get("width")) if el is not None else None
        height = _pixels(el.get("height")) if el is not None else None
        if (width is None or height is None) and local is not None and local.is_file():
            size = _image_size(local)
            if size:
                width, height = size
        images.append(
            Image(url, local if local is not None and local.is_file() else None, width, height)
        )
    return images


def manifest(
    record: DocRecord, images: list[Image], settings: Settings
) -> tuple[dict[str, object], list[str]]:
    """The manifest of a document and warnings (images left out)."""
    base = site_url(settings, f"iiif/{record.page}")
    lang = record.languages[0] if record.languages else "none"
    warnings: list[str] = []
    canvases: list[dict[str, object]] = []
    for n, image in enumerate(images, start=1):
        if image.width is None or image.height is None:
            warnings.append(
                f"{record.page}: the size of {image.url} is unknown; its canvas is left out"
            )
            continue
        image_url = site_url(settings, image.site_path) if image.site_path else image.url
        canvas_id = f"{base}/canvas/{n}"
        canvases.append(
            {
                "id": canvas_id,
                "type": "Canvas",
                "label": {"none": [str(n)]},
                "width": image.width,
                "height": image.height,
                "items": [
                    {
                        "id": f"{base}/page/{n}",
                        "type": "AnnotationPage",
                        "items": [
                            {
                                "id": f"{base}/annotation/{n}",
                                "type": "Annotation",
                                "motivation": "painting",
                                "body": {
                                    "id": image_url,
                                    "type": "Image",
                                    "format": FORMATS.get(
                                        Path(image.url).suffix.lower(), "image/jpeg"
                                    ),
                                    "width": image.width,
                                    "height": image.height,
                                },
                                "target": canvas_id,
                            }
                        ],
                    }
                ],
            }
        )
    data: dict[str, object] = {
        "@context": CONTEXT,
        "id": f"{base}.json",
        "type": "Manifest",
        "label": {lang: [record.title]},
        "metadata": [
            {"label": {"en": ["Date"]}, "value": {"none": [record.date or "undated"]}},
            {"label": {"en": ["Kind"]}, "value": {"en": [record.kind]}},
        ],
        "homepage": [
            {
                "id": record.page_url,
                "type": "Text",
                "label": {lang: [record.title]},
                "format": "text/html",
            }
        ],
        "seeAlso": [{"id": record.tei_url, "type": "Dataset", "format": "application/tei+xml"}],
        "items": canvases,
    }
    if settings.licence_url:
        data["rights"] = settings.licence_url
    if settings.publisher:
        data["requiredStatement"] = {
            "label": {"en": ["Publisher"]},
            "value": {"none": [settings.publisher]},
        }
    return data, warnings
