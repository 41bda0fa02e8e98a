"""OASIS XML catalogs (uri, system, their rewrite and suffix forms, group, nextCatalog): a URL to a local file."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from lxml import etree

from teiedit.diagnostics import TeieditError
from teiedit.io import safe_parser

CAT_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
# The entries that map a URI, in the order of precedence the OASIS specification gives them.
URI_KINDS = ("uri", "rewriteURI", "uriSuffix")
SYSTEM_KINDS = ("system", "rewriteSystem", "systemSuffix")
MATCHED_BY = {
    "uri": "name",
    "rewriteURI": "uriStartString",
    "uriSuffix": "uriSuffix",
    "system": "systemId",
    "rewriteSystem": "systemIdStartString",
    "systemSuffix": "systemSuffix",
}


def _entries(
    path: Path, seen: frozenset[Path] = frozenset()
) -> list[tuple[str, str, str, Path | None]]:
    """(kind, matched string, target URI made absolute, next catalog) of one catalog, in document order."""
    path = path.resolve()
    if path in seen:  # a loop of nextCatalog entries adds nothing the first visit did not
        return []
    try:
        root = etree.parse(str(path), safe_parser()).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        raise TeieditError(
            f"cannot read this XML catalog: {exc}", path, hint="give the path of an OASIS catalog"
        ) from None
    out: list[tuple[str, str, str, Path | None]] = []
    nexts: list[Path] = []

    def walk(el: etree._Element, base: str) -> None:
        base = urljoin(base, el.get(XML_BASE, ""))
        for child in el:
            if not isinstance(child.tag, str) or etree.QName(child).namespace != CAT_NS:
                continue
            kind = etree.QName(child).localname
            if kind == "group":
                walk(child, base)
            elif kind == "nextCatalog" and child.get("catalog"):
                nexts.append(_local(urljoin(base, child.get("catalog", ""))))
            elif kind in MATCHED_BY:
                here = urljoin(base, child.get(XML_BASE, ""))
                target = child.get("uri") or child.get("rewritePrefix") or ""
                out.append((kind, child.get(MATCHED_BY[kind], ""), urljoin(here, target), None))

    walk(root, path.as_uri())
    for nxt in nexts:  # consulted only when this catalog has no match
        out.append(("nextCatalog", "", "", nxt))
    return out


def _local(uri: str) -> Path:
    parsed = urlparse(uri)
    return Path(unquote(parsed.path))


def _match(
    entries: list[tuple[str, str, str, Path | None]], url: str, kinds: tuple[str, ...]
) -> str | None:
    """The exact entry first, then the longest rewrite prefix, then the longest suffix."""
    for kind in kinds:
        candidates = [(m, t) for k, m, t, _ in entries if k == kind]
        if kind in ("uri", "system"):
            hits = [t for m, t in candidates if m == url]
            if hits:
                return hits[0]
        elif kind.startswith("rewrite"):
            hits2 = [(m, t) for m, t in candidates if m and url.startswith(m)]
            if hits2:
                m, t = max(hits2, key=lambda h: len(h[0]))
                return t.rstrip("/") + "/" + url[len(m) :].lstrip("/") if t else url[len(m) :]
        else:
            hits2 = [(m, t) for m, t in candidates if m and url.endswith(m)]
            if hits2:
                return max(hits2, key=lambda h: len(h[0]))[1]
    return None


def resolve_uri(url: str, catalogs: list[Path], seen: frozenset[Path] = frozenset()) -> str | None:
    """What the catalogs map ``url`` to (an absolute URI), trying uri then system entries; None if none does."""
    for catalog in catalogs:
        entries = _entries(catalog, seen)
        for kinds in (URI_KINDS, SYSTEM_KINDS):
            hit = _match(entries, url, kinds)
            if hit is not None:
                return hit
        nexts = [n for k, _, _, n in entries if k == "nextCatalog" and n is not None]
        if nexts:
            hit = resolve_uri(url, nexts, seen | {catalog.resolve()})
            if hit is not None:
                return hit
    return None


def local_file(url: str, catalogs: list[Path], base_dir: Path) -> Path | None:
    """The local file ``url`` stands for: through the catalogs, else a relative URL or a file: URL
    against ``base_dir``; None for a URL on the network that no catalog maps (nothing is fetched)."""
    target = resolve_uri(url, catalogs)
    if target is None:
        target = urljoin(base_dir.resolve().as_uri() + "/", url)
    if urlparse(target).scheme != "file":
        return None
    path = _local(target)
    return path if path.is_file() else None
