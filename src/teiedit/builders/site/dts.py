"""A DTS 1.0 API (Distributed Text Services, version 1.0 of the specification) over the edition: the
entry point, the collection endpoint (one root collection whose members are the documents), the
navigation endpoint (citation trees from teiedit/builders/site/dts_cite.py) and the document endpoint
(the TEI, or a ``dts:wrapper`` with the cited units).

:class:`Dts` answers every valid call (``teiedit serve`` serves it at ``/dts`` with query parameters:
Level 1, ``start``/``end`` included). :func:`static_files` writes what a static host can answer: the entry
point, the collections, every navigation tree with ``down`` and the whole documents, addressed by the
path-style URI templates the specification gives for static implementations.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import quote, urlencode

from lxml import etree

from teiedit.builders.site.dts_cite import (
    Unit,
    citation_units,
    cite_structure,
    fragment,
    structure_json,
    top_units,
    with_refs_decl,
)
from teiedit.builders.site.records import DocRecord, document_record
from teiedit.edition import Edition, EditionDoc

CONTEXT = "https://dtsapi.org/context/v1.0.json"
VERSION = "1.0"
ROOT_ID = "edition"
JSONLD = "application/ld+json"
TEI_XML = "application/tei+xml"


class DtsError(Exception):
    """A request DTS answers with an HTTP error (400 or 404)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Templates:
    """Where the endpoints are: their URI templates, and how a resource's own templates read."""

    base: str  # the entry point's URL, e.g. "/dts" or "https://example.org/site/dts"

    def entry(self) -> dict[str, str]:
        return {
            "collection": f"{self.base}/collection{{?id,page,nav}}",
            "navigation": f"{self.base}/navigation{{?resource,ref,start,end,down,tree,page}}",
            "document": f"{self.base}/document{{?resource,ref,start,end,tree,mediaType}}",
        }

    def collection(self, ident: str) -> str:
        return f"{self.base}/collection?id={quote(ident, safe='')}{{&page,nav}}"

    def navigation(self, ident: str) -> str:
        return (
            f"{self.base}/navigation?resource={quote(ident, safe='')}"
            "{&ref,start,end,down,tree,page}"
        )

    def document(self, ident: str) -> str:
        return f"{self.base}/document?resource={quote(ident, safe='')}{{&ref,start,end,tree,mediaType}}"

    def request(self, endpoint: str, params: Mapping[str, str]) -> str:
        query = urlencode({k: v for k, v in params.items() if v})
        return f"{self.base}/{endpoint}" + (f"?{query}" if query else "")


@dataclass
class _Resource:
    ed: EditionDoc
    record: DocRecord
    structure: etree._Element

    @cached_property
    def units(self) -> list[Unit]:
        """Its citable units (walked when asked for: a static build reuses unchanged documents' files)."""
        return citation_units(self.ed.root, self.structure)


class Dts:
    """The DTS view of an edition."""

    def __init__(self, edition: Edition, templates: Templates) -> None:
        self.edition = edition
        self.templates = templates
        self.resources: dict[str, _Resource] = {}
        for ed in sorted(edition.documents(), key=lambda d: d.page):
            structure = cite_structure(ed.root)
            self.resources[ed.page] = _Resource(ed, document_record(ed, edition), structure)
        self.root_id = ROOT_ID if ROOT_ID not in self.resources else f"{ROOT_ID}-collection"

    # -- entry and collections ------------------------------------------------------------------

    def entry(self) -> dict[str, object]:
        return {
            "@context": CONTEXT,
            "@id": self.templates.base,
            "@type": "EntryPoint",
            "dtsVersion": VERSION,
            **self.templates.entry(),
        }

    def resource_object(self, res: _Resource) -> dict[str, object]:
        """A Resource: metadata, endpoints, citation tree."""
        record = res.record
        dublin: dict[str, object] = {
            "title": [{"lang": record.languages[0], "value": record.title}],
            "identifier": [record.identifier],
            "type": ["Text", record.kind],
            "language": list(record.languages),
        }
        if record.date:
            dublin["date"] = [record.date]
        if record.creators:
            dublin["creator"] = [p.name for p in record.creators]
        if record.addressees:
            dublin["contributor"] = [p.name for p in record.addressees]
        if self.edition.settings.licence_url:
            dublin["license"] = [self.edition.settings.licence_url]
        return {
            "@id": res.ed.page,
            "@type": "Resource",
            "title": record.title,
            "totalParents": 1,
            "totalChildren": 0,
            "dublinCore": dublin,
            "collection": self.templates.collection(res.ed.page),
            "navigation": self.templates.navigation(res.ed.page),
            "document": self.templates.document(res.ed.page),
            "download": record.tei_url,
            "mediaTypes": [TEI_XML],
            "citationTrees": [
                {"@type": "CitationTree", "citeStructure": [structure_json(res.structure)]}
            ],
        }

    def root_object(self) -> dict[str, object]:
        settings = self.edition.settings
        out: dict[str, object] = {
            "@id": self.root_id,
            "@type": "Collection",
            "title": settings.title,
            "totalParents": 0,
            "totalChildren": len(self.resources),
            "collection": self.templates.collection(self.root_id),
        }
        if settings.publisher:
            out["dublinCore"] = {"publisher": [settings.publisher]}
        return out

    def collection(self, ident: str | None, nav: str | None = None) -> dict[str, object]:
        """The collection endpoint's answer for ``id`` (the root collection when None)."""
        if nav not in (None, "", "children", "parents"):
            raise DtsError(400, "nav is 'children' or 'parents'")
        parents = nav == "parents"
        if ident in (None, "", self.root_id):
            body = self.root_object()
            if not parents:
                body["member"] = [self.resource_object(r) for r in self.resources.values()]
            else:
                body["member"] = []
        elif ident in self.resources:
            body = self.resource_object(self.resources[ident])
            if parents:
                body["member"] = [self.root_object()]
        else:
            raise DtsError(404, f"no collection or resource {ident!r}")
        return {"@context": CONTEXT, "dtsVersion": VERSION, **body}

    # -- navigation -----------------------------------------------------------------------------

    def _resource(self, ident: str | None) -> _Resource:
        if not ident:
            raise DtsError(400, "resource is required")
        if ident not in self.resources:
            raise DtsError(404, f"no resource {ident!r}")
        return self.resources[ident]

    @staticmethod
    def _check_tree(tree: str | None) -> None:
        if tree:
            raise DtsError(
                404, f"no citation tree {tree!r} (each resource has only its default tree)"
            )

    @staticmethod
    def _unit(res: _Resource, ref: str) -> Unit:
        for unit in res.units:
            if unit.identifier == ref:
                return unit
        raise DtsError(404, f"no citable unit {ref!r} in {res.ed.page!r}")

    @staticmethod
    def unit_json(unit: Unit, lang: str) -> dict[str, object]:
        out: dict[str, object] = {
            "identifier": unit.identifier,
            "@type": "CitableUnit",
            "level": unit.level,
            "parent": unit.parent,
            "citeType": unit.cite_type,
        }
        if unit.title:
            out["dublinCore"] = {"title": [{"lang": lang, "value": unit.title}]}
        return out

    def navigation(self, params: Mapping[str, str], request_url: str) -> dict[str, object]:
        """The navigation endpoint's answer (parameters as the query gives them)."""
        res = self._resource(params.get("resource"))
        ref, start, end = params.get("ref"), params.get("start"), params.get("end")
        self._check_tree(params.get("tree"))
        if ref and (start or end):
            raise DtsError(400, "ref cannot be combined with start and end")
        if bool(start) != bool(end):
            raise DtsError(400, "start and end go together")
        down = _int(params.get("down"), "down")
        if down is None and not (ref or start):
            raise DtsError(400, "give ref, start and end, or down")
        if down == 0 and not ref:
            raise DtsError(400, "down=0 needs ref")
        if down is not None and down < -1:
            raise DtsError(400, "down is -1, 0 or a positive number")
        lang = res.record.languages[0]
        body: dict[str, object] = {
            "@context": CONTEXT,
            "dtsVersion": VERSION,
            "@type": "Navigation",
            "@id": request_url,
            "resource": self.resource_object(res),
        }
        units = res.units
        members: list[Unit] | None = None
        if ref:
            unit = self._unit(res, ref)
            body["ref"] = self.unit_json(unit, lang)
            if down == 0:
                members = [u for u in units if u.parent == unit.parent and u.level == unit.level]
            elif down is not None:
                members = _below(units, unit, down) or [unit]
        elif start and end:
            first, last = self._unit(res, start), self._unit(res, end)
            body["start"], body["end"] = self.unit_json(first, lang), self.unit_json(last, lang)
            i, j = units.index(first), units.index(last)
            if i > j:
                raise DtsError(400, "start comes after end")
            if down is not None:
                deepest = max(first.level, last.level)
                limit = 10**6 if down == -1 else deepest + down
                members = [u for u in units[i : j + 1] if u.level <= limit]
                members += [u for u in _descendants_after(units, last) if u.level <= limit]
        else:
            assert down is not None
            limit = 10**6 if down == -1 else down
            members = [u for u in units if u.level <= limit]
        if members is not None:
            body["member"] = [self.unit_json(u, lang) for u in members]
        return body

    # -- document -------------------------------------------------------------------------------

    def document(self, params: Mapping[str, str]) -> bytes:
        """The document endpoint's TEI (the whole document, or the cited units in a dts:wrapper)."""
        res = self._resource(params.get("resource"))
        ref, start, end = params.get("ref"), params.get("start"), params.get("end")
        media = params.get("mediaType")
        if media and media not in (TEI_XML, "application/xml", "text/xml"):
            raise DtsError(404, f"media type {media!r} is not offered; use {TEI_XML}")
        if ref and (start or end):
            raise DtsError(400, "ref cannot be combined with start and end")
        if bool(start) != bool(end):
            raise DtsError(400, "start and end go together")
        if ref or start:
            self._check_tree(params.get("tree"))
        root = with_refs_decl(res.ed.root)
        if ref:
            doc = fragment(root, [self._unit(res, ref)])
        elif start and end:
            first, last = self._unit(res, start), self._unit(res, end)
            i, j = res.units.index(first), res.units.index(last)
            if i > j:
                raise DtsError(400, "start comes after end")
            doc = fragment(root, top_units(res.units[i : j + 1]))
        else:
            doc = root
        data: bytes = etree.tostring(doc, xml_declaration=True, encoding="UTF-8")
        return data

    def max_depth(self, page: str) -> int:
        return max((u.level for u in self.resources[page].units), default=0)


def _int(value: str | None, name: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except ValueError:
        raise DtsError(400, f"{name} must be a whole number") from None


def _below(units: list[Unit], unit: Unit, down: int) -> list[Unit]:
    """The descendants of ``unit`` down to ``down`` levels below it (-1: all), in document order."""
    limit = 10**6 if down == -1 else unit.level + down
    out: list[Unit] = []

    def walk(u: Unit) -> None:
        for child in u.children:
            if child.level <= limit:
                out.append(child)
                walk(child)

    walk(unit)
    return out


def _descendants_after(units: list[Unit], last: Unit) -> list[Unit]:
    """The descendants of a range's last unit (they belong to the range: it is inclusive)."""
    return _below(units, last, -1)


class StaticTemplates(Templates):
    """The path-style templates of a static DTS (the specification's example for static hosts)."""

    def entry(self) -> dict[str, str]:
        return {
            "collection": f"{self.base}/collection{{/id}}.json",
            "navigation": f"{self.base}/navigation/{{resource}}{{;down}}.json",
            "document": f"{self.base}/document/{{resource}}.xml",
        }

    def collection(self, ident: str) -> str:
        return f"{self.base}/collection/{quote(ident, safe='')}.json"

    def navigation(self, ident: str) -> str:
        return f"{self.base}/navigation/{quote(ident, safe='')}{{;down}}.json"

    def document(self, ident: str) -> str:
        return f"{self.base}/document/{quote(ident, safe='')}.xml"


def static_files(edition: Edition, base: str) -> dict[str, bytes]:
    """The static DTS files (paths relative to the ``dts/`` folder) of an edition, whose entry point is
    published at ``base`` (``.../dts``): entry, collections, navigation with every ``down``, documents."""
    dts = Dts(edition, StaticTemplates(base))
    files = root_files(dts)
    for page in dts.resources:
        files.update(resource_files(dts, page))
    return files


def _dump(data: dict[str, object]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def root_files(dts: Dts) -> dict[str, bytes]:
    """The static files of the entry point and the root collection."""
    files = {"index.json": _dump(dts.entry()), "collection.json": _dump(dts.collection(None))}
    files[f"collection/{dts.root_id}.json"] = files["collection.json"]
    return files


def resource_files(dts: Dts, page: str) -> dict[str, bytes]:
    """The static files of one document: its collection, its navigation with every ``down``, itself."""
    base = dts.templates.base
    files = {f"collection/{page}.json": _dump(dts.collection(page))}
    for down in (-1, *range(1, dts.max_depth(page) + 1)):
        name = f"navigation/{page};down={down}.json"
        files[name] = _dump(dts.navigation({"resource": page, "down": str(down)}, f"{base}/{name}"))
    files[f"document/{page}.xml"] = dts.document({"resource": page})
    return files
