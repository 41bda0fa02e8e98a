"""An OAI-PMH 2.0 repository of the edition's documents: Dublin Core (``oai_dc``) and TEI headers
(``tei``), one set per kind of document.

:class:`Repository` answers the six verbs with the protocol's errors (``respond``, served by
``teiedit serve`` at ``/oai``) and writes the whole repository as one Static Repository file
(``static``: the Static Repository convention, which a Static Repository Gateway serves as OAI-PMH).
Dates have day granularity; no record is ever deleted; every list fits in one response (no
resumption tokens are issued, so any token given is a badResumptionToken).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import etree

from teiedit.builders.site.layout import POINTER_ATTRS, SiteLayout, is_relative_file
from teiedit.builders.site.records import DocRecord, build_day, edition_records, site_url
from teiedit.document import TEI_NS, XML_ID
from teiedit.edition import Edition
from teiedit.epoch import source_date_epoch

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
STATIC_NS = "http://www.openarchives.org/OAI/2.0/static-repository"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
OAI_XSD = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_XSD = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
STATIC_XSD = "http://www.openarchives.org/OAI/2.0/static-repository.xsd"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: verb -> (required arguments, optional arguments, exclusive argument)
VERBS: dict[str, tuple[frozenset[str], frozenset[str], str]] = {
    "Identify": (frozenset(), frozenset(), ""),
    "ListMetadataFormats": (frozenset(), frozenset({"identifier"}), ""),
    "ListSets": (frozenset(), frozenset(), "resumptionToken"),
    "ListIdentifiers": (frozenset({"metadataPrefix"}), frozenset({"from", "until", "set"}), "resumptionToken"),
    "ListRecords": (frozenset({"metadataPrefix"}), frozenset({"from", "until", "set"}), "resumptionToken"),
    "GetRecord": (frozenset({"identifier", "metadataPrefix"}), frozenset(), ""),
}  # fmt: skip


def _oai(tag: str) -> str:
    return f"{{{OAI_NS}}}{tag}"


class OaiError(Exception):
    """An OAI-PMH error condition (its code is one of the protocol's)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class _Doc:
    record: DocRecord
    header: (
        etree._Element
    )  # the published teiHeader (pointers absolute where the site has a base URL)


class Repository:
    """The OAI-PMH view of an edition."""

    def __init__(self, edition: Edition) -> None:
        settings = self.settings = edition.settings
        self.base_url = site_url(settings, "oai")
        host = urlsplit(settings.base_url).hostname or ""
        self.namespace = host if "." in host else "teiedit"
        layout = SiteLayout.of(edition)
        by_page = {ed.page: ed for ed in edition.documents()}
        self.docs: dict[str, _Doc] = {}
        for record in edition_records(edition):
            ed = by_page[record.page]
            self.docs[self.identifier(record.page)] = _Doc(
                record, _published_header(ed.root, ed.path, record, layout, settings.base_url)
            )
        self.sets = sorted({d.record.kind for d in self.docs.values()})

    def identifier(self, page: str) -> str:
        return f"oai:{self.namespace}:{page}"

    # -- the metadata formats ----------------------------------------------------------------------

    def formats(self) -> list[tuple[str, str, str]]:
        """(metadataPrefix, schema, metadataNamespace) of every format (every record has each)."""
        return [
            ("oai_dc", OAI_DC_XSD, OAI_DC_NS),
            ("tei", site_url(self.settings, "schema/build/teiedit.xsd"), TEI_NS),
        ]

    def metadata(self, doc: _Doc, prefix: str) -> etree._Element:
        if prefix == "tei":
            return copy.deepcopy(doc.header)
        return dublin_core(doc.record, self.settings.publisher, self.settings.licence_url)

    # -- responses ---------------------------------------------------------------------------------

    def earliest(self) -> str:
        return min((d.record.datestamp for d in self.docs.values()), default=build_day())

    def identify(self, base_url: str = "") -> etree._Element:
        el = etree.Element(_oai("Identify"))
        for tag, value in (
            ("repositoryName", self.settings.title),
            ("baseURL", base_url or self.base_url),
            ("protocolVersion", "2.0"),
            ("adminEmail", self.settings.email),
            ("earliestDatestamp", self.earliest()),
            ("deletedRecord", "no"),
            ("granularity", "YYYY-MM-DD"),
        ):
            etree.SubElement(el, _oai(tag)).text = value
        return el

    def header(self, doc: _Doc) -> etree._Element:
        el = etree.Element(_oai("header"))
        etree.SubElement(el, _oai("identifier")).text = self.identifier(doc.record.page)
        etree.SubElement(el, _oai("datestamp")).text = doc.record.datestamp
        etree.SubElement(el, _oai("setSpec")).text = doc.record.kind
        return el

    def record(self, doc: _Doc, prefix: str) -> etree._Element:
        el = etree.Element(_oai("record"))
        el.append(self.header(doc))
        etree.SubElement(el, _oai("metadata")).append(self.metadata(doc, prefix))
        return el

    def respond(self, args: Mapping[str, Sequence[str]], base_url: str = "") -> bytes:
        """The response to a request with these arguments (each name with every value given), at
        ``base_url`` (default: the published repository's)."""
        root = etree.Element(_oai("OAI-PMH"), nsmap={None: OAI_NS, "xsi": XSI})
        root.set(f"{{{XSI}}}schemaLocation", f"{OAI_NS} {OAI_XSD}")
        etree.SubElement(root, _oai("responseDate")).text = _now()
        request = etree.SubElement(root, _oai("request"))
        request.text = base_url or self.base_url
        try:
            verb, values = _check(args)
            body = self._answer(verb, values, base_url)
        except OaiError as err:
            error = etree.SubElement(root, _oai("error"), code=err.code)
            error.text = err.message
            if err.code not in ("badVerb", "badArgument"):
                for name, value in _single(args).items():
                    request.set(name, value)
        else:
            for name, value in {"verb": verb, **values}.items():
                request.set(name, value)
            root.append(body)
        data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        return data

    def _doc(self, identifier: str) -> _Doc:
        if identifier not in self.docs:
            raise OaiError("idDoesNotExist", f"no record has the identifier {identifier!r}")
        return self.docs[identifier]

    def _prefix(self, prefix: str) -> str:
        if prefix not in {f[0] for f in self.formats()}:
            raise OaiError(
                "cannotDisseminateFormat", f"the metadata format {prefix!r} is not offered here"
            )
        return prefix

    def _answer(self, verb: str, values: dict[str, str], base_url: str = "") -> etree._Element:
        if "resumptionToken" in values:
            raise OaiError("badResumptionToken", "this repository issues no resumption tokens")
        if verb == "Identify":
            return self.identify(base_url)
        if verb == "ListMetadataFormats":
            if "identifier" in values:
                self._doc(values["identifier"])
            el = etree.Element(_oai("ListMetadataFormats"))
            for prefix, schema, ns in self.formats():
                fmt = etree.SubElement(el, _oai("metadataFormat"))
                etree.SubElement(fmt, _oai("metadataPrefix")).text = prefix
                etree.SubElement(fmt, _oai("schema")).text = schema
                etree.SubElement(fmt, _oai("metadataNamespace")).text = ns
            return el
        if verb == "ListSets":
            el = etree.Element(_oai("ListSets"))
            for spec in self.sets:
                s = etree.SubElement(el, _oai("set"))
                etree.SubElement(s, _oai("setSpec")).text = spec
                etree.SubElement(s, _oai("setName")).text = f"Documents of the kind {spec!r}"
            return el
        if verb == "GetRecord":
            doc = self._doc(values["identifier"])
            el = etree.Element(_oai("GetRecord"))
            el.append(self.record(doc, self._prefix(values["metadataPrefix"])))
            return el
        prefix = self._prefix(values["metadataPrefix"])
        found = self._select(values)
        el = etree.Element(_oai(verb))
        for doc in found:
            el.append(self.header(doc) if verb == "ListIdentifiers" else self.record(doc, prefix))
        return el

    def _select(self, values: dict[str, str]) -> list[_Doc]:
        start, end = values.get("from", ""), values.get("until", "")
        for value in (start, end):
            if value and not _is_day(value):
                raise OaiError(
                    "badArgument",
                    f"{value!r} is not a date of this repository's granularity (YYYY-MM-DD)",
                )
        if start and end and start > end:
            raise OaiError("badArgument", "'from' is later than 'until'")
        if "set" in values and values["set"] not in self.sets:
            raise OaiError("noRecordsMatch", f"no set {values['set']!r}")
        found = [
            d
            for d in self.docs.values()
            if (not start or d.record.datestamp >= start)
            and (not end or d.record.datestamp <= end)
            and ("set" not in values or d.record.kind == values["set"])
        ]
        if not found:
            raise OaiError("noRecordsMatch", "no record matches these arguments")
        return found

    def static(self) -> bytes:
        """The repository as one Static Repository file (Identify, ListMetadataFormats, ListRecords per
        format; no sets, which static repositories do not have)."""
        root = etree.Element(
            f"{{{STATIC_NS}}}Repository", nsmap={None: STATIC_NS, "oai": OAI_NS, "xsi": XSI}
        )
        root.set(f"{{{XSI}}}schemaLocation", f"{STATIC_NS} {STATIC_XSD}")
        identify = etree.SubElement(root, f"{{{STATIC_NS}}}Identify")
        identify.extend(list(self.identify()))
        formats = etree.SubElement(root, f"{{{STATIC_NS}}}ListMetadataFormats")
        formats.extend(list(self._answer("ListMetadataFormats", {})))
        for prefix, _, _ in self.formats():
            records = etree.SubElement(root, f"{{{STATIC_NS}}}ListRecords", metadataPrefix=prefix)
            for doc in self.docs.values():
                rec = self.record(doc, prefix)
                rec.find(_oai("header")).remove(rec.find(f"{_oai('header')}/{_oai('setSpec')}"))
                records.append(rec)
        data: bytes = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", pretty_print=True
        )
        return data


def _is_day(value: str) -> bool:
    if not _DAY.match(value):
        return False
    try:
        datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        return False
    return True


def _now() -> str:
    epoch = source_date_epoch()
    now = datetime.fromtimestamp(epoch, UTC) if epoch is not None else datetime.now(UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%SZ")


def _single(args: Mapping[str, Sequence[str]]) -> dict[str, str]:
    return {k: v[0] for k, v in args.items() if k != "verb" and len(v) == 1}


def _check(args: Mapping[str, Sequence[str]]) -> tuple[str, dict[str, str]]:
    """The verb and its arguments; OaiError for a bad verb or bad, missing or repeated arguments."""
    verbs = args.get("verb", [])
    if len(verbs) != 1 or verbs[0] not in VERBS:
        raise OaiError("badVerb", "give exactly one verb of OAI-PMH 2.0")
    verb = verbs[0]
    required, optional, exclusive = VERBS[verb]
    given = {k for k in args if k != "verb"}
    repeated = [k for k, v in args.items() if len(v) != 1]
    if repeated:
        raise OaiError("badArgument", f"repeated argument: {', '.join(sorted(repeated))}")
    values = _single(args)
    if exclusive and exclusive in given:
        if given != {exclusive}:
            raise OaiError("badArgument", f"{exclusive} must be the only argument")
        return verb, values
    illegal = given - required - optional
    if illegal:
        raise OaiError("badArgument", f"illegal argument: {', '.join(sorted(illegal))}")
    missing = required - given
    if missing:
        raise OaiError("badArgument", f"missing argument: {', '.join(sorted(missing))}")
    return verb, values


def dublin_core(record: DocRecord, publisher: str, rights: str) -> etree._Element:
    """The ``oai_dc:dc`` of a document."""
    dc = etree.Element(f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI})
    dc.set(f"{{{XSI}}}schemaLocation", f"{OAI_DC_NS} {OAI_DC_XSD}")

    def add(tag: str, value: str) -> None:
        if value:
            etree.SubElement(dc, f"{{{DC_NS}}}{tag}").text = value

    add("title", record.title)
    for party in record.creators:
        add("creator", party.name)
    for party in record.addressees:
        add("contributor", party.name)
    for entry in record.mentions:
        add("subject", entry.name)
    add("description", record.description)
    add("publisher", publisher)
    add("date", record.date)
    add("type", "Text")
    add("type", record.kind)
    add("format", "application/tei+xml")
    add("identifier", record.identifier)
    if record.page_url != record.identifier:
        add("identifier", record.page_url)
    for lang in record.languages:
        add("language", lang)
    add("rights", rights)
    return dc


def _published_header(
    root: etree._Element, source: object, record: DocRecord, layout: SiteLayout, base_url: str
) -> etree._Element:
    """A copy of the document's teiHeader as the site publishes it: pointers to registers and other
    files made absolute (resolved against the published TEI's URL) when the site has a base URL."""
    header = root.find(f"{{{TEI_NS}}}teiHeader")
    out = copy.deepcopy(header) if header is not None else etree.Element(f"{{{TEI_NS}}}teiHeader")
    here = f"tei/{record.page}.xml"
    local = {str(i) for i in root.xpath("//@xml:id")}
    # A repository response holds many headers: their ids take the page's name (ids are unique in
    # a response), and pointers into the text lead to the published TEI.
    own = {str(i) for i in out.xpath("descendant-or-self::*/@xml:id")}
    for el in out.xpath("descendant-or-self::*[@xml:id]"):
        el.set(XML_ID, f"{record.page}-{el.get(XML_ID)}")
    for el in out.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            if name not in POINTER_ATTRS:
                continue
            tokens = []
            for token in value.split():
                if token.startswith("#") and token[1:] in own:
                    tokens.append(f"#{record.page}-{token[1:]}")
                    continue
                token = layout.rewrite_pointer(token, here, Path(str(source)), local)
                if token.startswith("#"):
                    token = f"{Path(here).name}{token}"
                if base_url and is_relative_file(token):
                    token = urljoin(record.tei_url, token)
                tokens.append(token)
            el.set(name, " ".join(tokens))
    return out
