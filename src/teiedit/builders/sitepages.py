"""Render the site-level pages (builders/sitedata.py computes what they show) and write only those whose
input changed: each page's input is hashed with the stylesheets, and ``.teiedit-sitepages.json`` in the output
folder keeps the hashes. A changed document re-renders the pages it appears on (its page of the index,
the timeline, the pages of the entries it names, the overviews when a count changed), not the others.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from lxml import etree

from teiedit.builder import digest
from teiedit.builders.search import SearchEntry, SearchIndex, SearchPage, remove_stale
from teiedit.builders.search_cache import SearchRecords, content_digest, record_key, search_page
from teiedit.builders.search_records import HEADER, TEXT, TITLE, Block, document_blocks
from teiedit.builders.site.jsonld import entity_jsonld, script_text
from teiedit.builders.site_lists import (
    chunk_count,
    index_element,
    index_page_name,
    timeline_data,
    timeline_element,
)
from teiedit.builders.site_process import SiteTransforms
from teiedit.builders.sitedata import (
    INDEX_DIR,
    NSMAP,
    REGISTERS,
    SiteData,
    entity_page_names,
    entity_pages,
    entry_copies,
    entry_info,
    register_element,
    te,
)
from teiedit.builders.vendor import vendored
from teiedit.config import Settings
from teiedit.diagnostics import TeieditError
from teiedit.document import XML_ID
from teiedit.imported_registers import resolved
from teiedit.io import output_path, write_text_atomic
from teiedit.registers import Entry, Registers
from teiedit.scan import summary_key
from teiedit.summary import Mention, Summary

SITE_STATE = ".teiedit-sitepages.json"
#: Input of one transform of entity pages (bytes of XML).
BATCH_BYTES = 2_000_000


@dataclass
class _Job:
    path: str  # relative to the site root
    stylesheet: str
    source: etree._Element
    params: dict[str, str]


def _read_state(path: Path) -> dict[str, dict[str, str]]:
    """The parts kept by the last build: ``pages`` (path -> hash of its input), ``inputs`` (entry id ->
    key of what its pages are made from) and ``whole`` (``key``: of everything they are made from); a
    file of an older build holds the pages alone."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        parts = data if "pages" in data else {"pages": data}
        return {
            part: {str(k): str(v) for k, v in parts.get(part, {}).items()}
            for part in ("pages", "inputs", "whole")
        }
    except (OSError, ValueError, AttributeError, TypeError):
        return {"pages": {}, "inputs": {}, "whole": {}}


def site_state(out_dir: Path) -> dict[str, str]:
    """The site pages of the last finished build in ``out_dir``, each with the key of its input."""
    return _read_state(out_dir / SITE_STATE)["pages"]


def _entry_key(
    common: str, site: SiteData, registers: Registers, entry: Entry, docs: list[str], extra: str
) -> str:
    """What an entry's pages are made from, without making them: the entry (and the entries its pages
    copy), the entry it is part of, the imported documents it comes from, and the key of every document
    naming it (``docs``: one per summary, in order). The names of the other entries are in ``common``."""
    el = entry.element
    parent = el.getparent() if el is not None else None
    origins = registers.origins.get(entry.id, [])
    by_page = site.by_page()
    return digest(
        common,
        entry.id,
        extra,
        etree.tostring(entry_copies(registers, entry)),
        (parent.get(XML_ID) or "") if parent is not None else "",
        json.dumps(origins),
        *(docs[by_page[p]] for p in origins if p in by_page),
        *(docs[i] for i in site.documents_of(entry.id)),
    )


def _registers_key(registers: Registers) -> str:
    """Everything the site pages read of the registers: their trees, and how imported documents'
    entries join them."""
    joined = [registers.aliases, registers.shared, registers.origins]
    return digest(*(etree.tostring(r) for r in registers.roots), json.dumps(joined, sort_keys=True))


def _names_key(site: SiteData, registers: Registers) -> str:
    """What an entity page shows of the other entries (co-occurring, related): their slugs, names and
    kinds; and how imported documents' pointers join the entries."""
    rows = [
        f"{i.id}\0{i.slug}\0{i.name}\0{i.register}" for i in (d.info for d in site.entries.values())
    ]
    return digest(
        "\n".join(rows), json.dumps([registers.aliases, registers.shared], sort_keys=True)
    )


def _js_data(name: str, value: object) -> str:
    """A script that defines ``window.<name>``: data a page reads from file:// (no fetch needed)."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return f"window.{name} = {text};\n"


def render_site(
    summaries: list[Summary],
    registers: Registers,
    settings: Settings,
    tmp: Path,
    out_dir: Path,
    *,
    assets: str,
    edition_pdf: str = "",
    force: bool = False,
    keys: list[str] | None = None,
    contexts: Callable[[int, list[int]], list[Mention]] | None = None,
    transforms: SiteTransforms | None = None,
) -> SiteRun:
    """Write the index, timeline, register and entity pages (and the timeline's data) that changed into
    ``tmp`` (the staging folder of ``out_dir``); return the files written (as paths in ``out_dir``) and
    the state to keep once they are in place (:func:`write_site_state`). ``registers`` may be joined with
    imported registers (teiedit/imported_registers.py): imported documents' pointers are read by it.
    ``keys``: one per summary, a digest of it (teiedit/scan.py keeps it in the document's record): an
    entry none of whose documents' summaries changed keeps its pages without making their input (without
    ``keys``, each summary is digested here). ``contexts``: the mentions of a summary with their
    contexts, when the summaries hold their entries only (teiedit.edition.Edition.mention_contexts).
    ``transforms``: where the pages are transformed (builders/site_process.py; the caller closes it);
    without it, a SiteTransforms of this call's own."""
    if transforms is None:
        with SiteTransforms(settings, len(summaries)) as own:
            return render_site(
                summaries,
                registers,
                settings,
                tmp,
                out_dir,
                assets=assets,
                edition_pdf=edition_pdf,
                force=force,
                keys=keys,
                contexts=contexts,
                transforms=own,
            )
    state = {} if force else _read_state(out_dir / SITE_STATE)
    old, old_inputs = state.get("pages", {}), state.get("inputs", {})
    ships = vendored()
    base = {
        "edition-title": settings.title,
        "base-url": settings.base_url,
        "leaflet": "1" if ships["leaflet"] else "",
        "world": "1" if ships["world"] else "",
    }
    docs = keys or [summary_key(s.to_dict()) for s in summaries]
    whole = digest(assets, edition_pdf, json.dumps(base), _registers_key(registers), *docs)
    # no summary, register or setting changed: every site page is as the last build left it
    unchanged = old and state.get("whole", {}).get("key") == whole
    if unchanged and all((out_dir / path).is_file() for path in old):
        return SiteRun([], old, old_inputs, whole)
    site = SiteData.build([resolved(s, registers) for s in summaries], registers, contexts)
    new: dict[str, str] = {}
    inputs: dict[str, str] = {}
    jobs: list[_Job] = []
    chunks = chunk_count(summaries)
    for n in range(1, chunks + 1):
        name = index_page_name(n)
        params = {"section": "index", "root": "../" if n > 1 else "", "page-path": name}
        jobs.append(
            _Job(name, "index.xsl", index_element(site, n, chunks, edition_pdf=edition_pdf), params)
        )
    jobs.append(
        _Job("timeline.html", "timeline.xsl", timeline_element(site), {"section": "timeline"})
    )
    for kind, (page, _) in REGISTERS.items():
        params = {"section": page, "page-path": f"{page}.html"}
        jobs.append(_Job(f"{page}.html", "registers.xsl", register_element(site, kind), params))

    written: list[Path] = []

    def fresh(path: str, key: str) -> bool:
        new[path] = key
        return force or old.get(path) != key or not (out_dir / path).is_file()

    for job in jobs:
        key = digest(assets, json.dumps({**base, **job.params}), etree.tostring(job.source))
        if not fresh(job.path, key):
            continue
        html = transforms.html(job.stylesheet, job.source, {**base, **job.params})
        target = tmp / job.path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(target, html)
        written.append(out_dir / job.path)

    # Entity pages: hashed one by one, rendered in batches (one transform writes many pages; a batch
    # stays small enough for Saxon's parser, whose limits a 10,000-document edition's pages would pass).
    batch: list[etree._Element] = []
    size = 0

    def flush() -> None:
        nonlocal size
        if not batch:
            return
        todo = etree.Element(te("entity-pages"), nsmap=NSMAP)
        todo.extend(batch)
        # Each page was made on its own: one set of namespace declarations for the whole input.
        etree.cleanup_namespaces(todo, top_nsmap=NSMAP)
        (tmp / "entities").mkdir(exist_ok=True)
        transforms.write_pages("entity.xsl", todo, {**base, "root": "../"}, tmp)
        batch.clear()
        size = 0

    common = digest(assets, settings.title, json.dumps(base), _names_key(site, registers))
    for entry_id in site.entries:
        # the entry's schema.org description (builders/site/jsonld.py), in the head of each of its pages
        jsonld = script_text(entity_jsonld(registers.entries[entry_id], settings))
        key = inputs[entry_id] = _entry_key(
            common, site, registers, registers.entries[entry_id], docs, jsonld
        )
        names = entity_page_names(site, entry_id)
        if old_inputs.get(entry_id) == key and all(
            n in old and (out_dir / n).is_file() for n in names
        ):
            new.update((n, old[n]) for n in names)  # nothing its pages show changed
            continue
        pages = entity_pages(site, registers, [entry_id])
        for page_el, path in zip(pages, names, strict=True):
            page_el.set("jsonld", jsonld)
            text = etree.tostring(page_el)
            if fresh(path, digest(assets, settings.title, text)):
                batch.append(page_el)
                size += len(text)
                written.append(out_dir / path)
                if size > BATCH_BYTES:
                    flush()
    flush()

    data = _js_data("teieditTimeline", timeline_data(site))
    key = digest(data)
    if fresh("timeline-data.js", key):
        write_text_atomic(tmp / "timeline-data.js", data)
        written.append(out_dir / "timeline-data.js")

    for path in sorted(set(old) - set(new)):
        if not path.startswith((f"{INDEX_DIR}/", "entities/")):
            continue
        try:  # names from a file in the output: never trusted to stay inside it
            output_path(out_dir, path).unlink(missing_ok=True)
        except TeieditError:
            continue
    return SiteRun(written, new, inputs, whole)


@dataclass
class SiteRun:
    """What :func:`render_site` wrote, the hash of every site page's input and the key of what each
    entry's pages are made from."""

    written: list[Path]
    state: dict[str, str]
    inputs: dict[str, str] = dataclasses.field(default_factory=dict)
    #: The key of everything the site pages are made from (every summary, the registers, settings).
    whole: str = ""


def write_site_state(out_dir: Path, run: SiteRun) -> None:
    """Keep the hashes of the site pages' inputs. Written after the pages are in place (with the
    manifest): a build killed before leaves the old hashes, so the next one renders those pages again."""
    data = {"pages": run.state, "inputs": run.inputs, "whole": {"key": run.whole}}
    text = json.dumps(data, indent=0, sort_keys=True) + "\n"
    write_text_atomic(output_path(out_dir, SITE_STATE), text)


_ID = re.compile(r'\sid="([^"]+)"')


def _on_page(blocks: list[Block], page: Path) -> list[Block]:
    """The blocks with ids the rendered page has: a block whose id the page lacks (a table's head is its
    caption) links to the block before it that has one."""
    ids = set(_ID.findall(page.read_text(encoding="utf-8"))) if page.is_file() else set()
    out, last = [], ""
    for b in blocks:
        if b.anchor and b.anchor not in ids:
            b = dataclasses.replace(b, anchor=last)
        last = b.anchor or last
        out.append(b)
    return out


def document_page(root: etree._Element, s: Summary, page_file: Path) -> SearchPage:
    """What the search holds of one document (its blocks with the ids its rendered page has)."""
    return search_page(s, _on_page(document_blocks(root, s), page_file))


def entry_pages(registers: Registers) -> Iterator[tuple[SearchPage, SearchEntry]]:
    """What the search holds of each register entry: its page, and its names for the query expansion."""
    for entry in registers.entries.values():
        info = entry_info(entry)
        label = {"persons": "person", "places": "place", "orgs": "organisation"}[info.register]
        blocks = [Block("", TITLE, info.name)]
        more = " ".join((*info.forms, info.dates))
        if more.strip():
            blocks.append(Block("", HEADER, more))
        if info.description:
            blocks.append(Block("", TEXT, info.description))
        page = SearchPage(info.href, info.name, "", label, "", blocks, boost=0.4)
        yield page, SearchEntry(info.id, info.name, info.register, info.href, info.forms)


def render_search(
    docs: Iterable[tuple[Callable[[], etree._Element], Summary, str]],
    registers: Registers,
    settings: Settings,
    tmp: Path,
    out_dir: Path,
    assets: str = "",
    force: bool = False,
    keep: Callable[[str], None] | None = None,
    transforms: SiteTransforms | None = None,
) -> list[Path]:
    """The search page and its index (builders/search.py): the documents (each as a function giving its
    tree, its summary and the hash of its page), then the register entries' pages. A document whose
    record was kept for the same page (builders/search_cache.py) is not read again; when what the index
    holds of every page is what it held (``assets``: the stylesheets and code), no file is written
    (unless ``force``). ``keep`` is given the keys to write once the index is in place
    (:func:`teiedit.builders.search_cache.write_keys`). ``transforms``: where the search page is
    transformed (builders/site_process.py; here when not given)."""
    kept = SearchRecords(out_dir, tmp)
    listed: list[tuple[Callable[[], etree._Element], Summary, str]] = []
    contents: list[str] = []
    for tree, s, page_digest in docs:  # the records of the changed documents, made (and kept) first
        s = resolved(s, registers)
        key = record_key(page_digest, s)
        content = kept.content(s.page, key)
        record = kept.get(s.page, key) if content is None else None
        if record is not None:  # a record without its key (a stopped build): not made again
            content = kept.remember(s.page, key, search_page(s, record[0]))
        if content is None:
            fresh = tmp / f"{s.page}.html"
            page_file = fresh if fresh.is_file() else out_dir / f"{s.page}.html"
            kept.put(s.page, key, document_page(tree(), s, page_file))
            content = kept.content(s.page, key)
        listed.append((tree, s, key))
        contents.append(content or "")
    entries = list(entry_pages(registers))
    whole = digest(
        assets,
        settings.title,
        *contents,
        *(f"{content_digest(page)} {json.dumps(asdict(e))}" for page, e in entries),
    )
    there = all((out_dir / p).is_file() for p in ("search.html", "search/meta.js"))
    if whole == kept.whole and there and not force:
        if keep is not None:
            keep(kept.keys_text(whole))
        kept.remove_others()
        return []
    kept.forget_keys()
    site = etree.Element(te("search"), nsmap=NSMAP)
    params = {"edition-title": settings.title, "section": "search", "page-path": "search.html"}
    if transforms is None:
        html = SiteTransforms(settings, 0).html("search.xsl", site, params)
    else:
        html = transforms.html("search.xsl", site, params)
        transforms.close()  # the last transform: its process ends before the index is made
    write_text_atomic(tmp / "search.html", html)
    index = SearchIndex(tmp / "search", existing=out_dir / "search")
    for tree, s, key in listed:
        record = kept.get(s.page, key)
        if record is not None:
            index.add(search_page(s, record[0]), record[1])
            continue
        fresh = tmp / f"{s.page}.html"  # a kept record that cannot be read is made again
        page = document_page(tree(), s, fresh if fresh.is_file() else out_dir / f"{s.page}.html")
        index.add(page, kept.put(s.page, key, page))
    if keep is not None:
        keep(kept.keys_text(whole))
    kept.remove_others()
    for page, _ in entries:
        index.add(page)
    names = index.finish([e for _, e in entries])
    remove_stale(out_dir, names)
    return [out_dir / "search.html", *(out_dir / "search" / name for name in index.written)]
