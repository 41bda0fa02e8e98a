"""``sitemap.xml`` (sitemaps.org 0.9): every HTML page of the built site and every published TEI file,
with absolute URLs under the edition's base_url (the protocol allows no relative ones)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiedit.builders.site.records import DocRecord, site_url
from teiedit.builders.sitedata import ENTITY_DIR, INDEX_DIR
from teiedit.config import Settings

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def site_files(site: Path) -> list[str]:
    """The pages and TEI files of a built site, relative to its root, sorted: the documents and site
    pages, the entity pages and the index's further pages (each with its own URL and description)."""
    found = [p for p in site.glob("*.html")]
    for folder in (ENTITY_DIR, INDEX_DIR):
        found += site.joinpath(folder).glob("*.html")
    found += [p for p in (site / "tei").rglob("*.xml")] if (site / "tei").is_dir() else []
    return sorted(p.relative_to(site).as_posix() for p in found if p.is_file())


def sitemap(site: Path, settings: Settings, records: list[DocRecord]) -> bytes:
    """The sitemap of the site in ``site`` (base_url must be set)."""
    modified = {f"{r.page}.html": r.datestamp for r in records}
    modified.update({f"tei/{r.page}.xml": r.datestamp for r in records})
    root = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS})
    for rel in site_files(site):
        url = etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = site_url(settings, rel)
        if rel in modified:
            etree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = modified[rel]
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data
