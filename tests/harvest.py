"""A harvester for the tests: builds an edition's site and follows it as a crawler would, from the
sitemap through every page link and every TEI pointer, reporting what does not resolve."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest
from lxml import etree, html

REPO = Path(__file__).resolve().parent.parent
EXCHANGE = REPO / "tests" / "cases" / "exchange" / "edition"
NS = {"tei": "http://www.tei-c.org/ns/1.0", "sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
POINTERS = ("ref", "target", "corresp", "who", "sameAs", "resp", "source", "facs", "url")
FIXED_EPOCH = "1700000000"


def build_exchange_edition(folder: Path) -> Path:
    """A copy of the exchange test edition with the repository's schemas and a contact address, built
    with ``teiedit build --no-pdf``; returns its root."""
    from teiedit.cli import main

    root = folder / "edition"
    shutil.copytree(EXCHANGE, root)
    shutil.copytree(REPO / "schema", root / "schema")
    (root / "sources").mkdir()
    toml = (root / "teiedit.toml").read_text(encoding="utf-8")
    (root / "teiedit.toml").write_text(
        toml.replace("[edition]\n", '[edition]\nemail = "editor@example.org"\n', 1),
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        patch.chdir(root)
        code = main(["build", "--no-pdf"])
    assert code == 0, "teiedit build --no-pdf of the exchange edition failed"
    return root


@dataclass
class Harvest:
    """What a crawl saw: the files reached and every pointer that did not resolve."""

    pages: set[Path] = field(default_factory=set)
    tei: set[Path] = field(default_factory=set)
    pointers: int = 0
    problems: list[str] = field(default_factory=list)


def _local(site: Path, base_url: str, url: str) -> Path | None:
    """The site file an absolute URL under ``base_url`` names (None: outside the site)."""
    if not url.startswith(base_url):
        return None
    return site / unquote(urlsplit(url).path[len(urlsplit(base_url).path) :])


def _ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        tree = etree.parse(str(path))
        cache[path] = {str(i) for i in tree.xpath("//@xml:id")} | {
            str(i) for i in tree.xpath("//@id")
        }
    return cache[path]


def harvest(site: Path, base_url: str) -> Harvest:
    """Follow the sitemap of ``site``, every link of the pages it lists and every pointer of every TEI
    file reached (``#id`` in the same file, relative paths with their fragments, xml-model PIs)."""
    site = site.resolve()
    out = Harvest()
    ids: dict[Path, set[str]] = {}
    sitemap = etree.parse(str(site / "sitemap.xml"))
    queue: list[Path] = []
    for loc in sitemap.xpath("//sm:url/sm:loc/text()", namespaces=NS):
        local = _local(site, base_url, str(loc))
        if local is None or not local.is_file():
            out.problems.append(f"sitemap: {loc} is not a file of the site")
            continue
        queue.append(local)
    seen: set[Path] = set()
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        if path.suffix == ".html":
            out.pages.add(path)
            doc = html.parse(str(path))
            for attr in ("href", "src"):
                for value in doc.xpath(f"//@{attr}"):
                    url, fragment = urldefrag(str(value))
                    if not url or urlsplit(url).scheme or url.startswith("//"):
                        continue
                    target = (path.parent / unquote(url)).resolve()
                    out.pointers += 1
                    if not target.exists():
                        out.problems.append(f"{path.name}: {attr}={value!r} leads nowhere")
                    elif target.suffix in (".html", ".xml") and target.is_file():
                        queue.append(target)
        elif path.suffix == ".xml" and "tei" in path.relative_to(site).parts[:1]:
            out.tei.add(path)
            _check_tei(path, site, out, ids, queue)
    return out


def _check_tei(
    path: Path, site: Path, out: Harvest, ids: dict[Path, set[str]], queue: list[Path]
) -> None:
    tree = etree.parse(str(path))
    node = tree.getroot().getprevious()
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            href = dict(node.attrib if hasattr(node, "attrib") else {}).get("href") or ""
            href = href or str(node.text).split('href="', 1)[-1].split('"', 1)[0]
            out.pointers += 1
            if not urlsplit(href).scheme and not (path.parent / href).is_file():
                out.problems.append(f"{path.name}: xml-model {href!r} leads nowhere")
        node = node.getprevious()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        for name in POINTERS:
            for token in (el.get(name) or "").split():
                if urlsplit(token).scheme:
                    continue
                out.pointers += 1
                url, fragment = urldefrag(token)
                target = (path.parent / unquote(url)).resolve() if url else path
                if not target.is_file():
                    out.problems.append(f"{path.name}: @{name}={token!r}: no file {url!r}")
                    continue
                if target.suffix == ".xml":
                    queue.append(target)
                    if fragment and fragment not in _ids(target, ids):
                        out.problems.append(f"{path.name}: @{name}={token!r}: no id {fragment!r}")


def absolute(base: str, rel: str) -> str:
    return urljoin(base, rel)
