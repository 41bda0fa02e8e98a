"""OAI-PMH 2.0 checks written from the protocol specification (no package on PyPI or npm ships the
OAI-PMH XML Schema, and nothing may be fetched): the response format (section 3.2), the error codes
(3.6), Identify (4.2), the record, header and metadataFormat structures and their syntax rules
(2.4 identifiers, 2.5 datestamps... as in the schema's patterns), Dublin Core's 15 elements, and the
Static Repository format (its own specification)."""

from __future__ import annotations

import re

from lxml import etree

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
STATIC = "http://www.openarchives.org/OAI/2.0/static-repository"
VERBS = {
    "Identify",
    "ListMetadataFormats",
    "ListSets",
    "ListIdentifiers",
    "ListRecords",
    "GetRecord",
}
ERRORS = {
    "badArgument", "badResumptionToken", "badVerb", "cannotDisseminateFormat", "idDoesNotExist",
    "noRecordsMatch", "noMetadataFormats", "noSetHierarchy",
}  # fmt: skip
DCMES = {
    "title", "creator", "subject", "description", "publisher", "contributor", "date", "type",
    "format", "identifier", "source", "language", "relation", "coverage", "rights",
}  # fmt: skip
RESPONSE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
OAI_IDENTIFIER = re.compile(
    r"^oai:[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+:[a-zA-Z0-9\-_\.!~\*'\(\);/\?:@&=\+$,%]+$"
)
SET_SPEC = re.compile(r"^([A-Za-z0-9\-_\.!~\*'\(\)])+(:[A-Za-z0-9\-_\.!~\*'\(\)]+)*$")
PREFIX = re.compile(r"^[A-Za-z0-9\-_\.!~\*'\(\)]+$")
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def _kids(el: etree._Element) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str)]


def _name(el: etree._Element, ns: str = OAI) -> str:
    q = etree.QName(el)
    return q.localname if q.namespace == ns else f"{{{q.namespace}}}{q.localname}"


def _sequence(el: etree._Element, order: list[tuple[str, int, int]], ns: str = OAI) -> list[str]:
    """Problems when el's children do not follow ``order``: (name, min, max) in sequence."""
    names = [_name(c, ns) for c in _kids(el)]
    problems, i = [], 0
    for name, low, high in order:
        n = 0
        while i < len(names) and names[i] == name and n < high:
            i, n = i + 1, n + 1
        if n < low:
            problems.append(f"{_name(el, ns)}: {name} expected")
    if i < len(names):
        problems.append(f"{_name(el, ns)}: unexpected {names[i]}")
    return problems


def header_problems(header: etree._Element, day_granularity: bool = True) -> list[str]:
    out = _sequence(header, [("identifier", 1, 1), ("datestamp", 1, 1), ("setSpec", 0, 10**6)])
    kids = {_name(c): c.text or "" for c in _kids(header)}
    if not OAI_IDENTIFIER.match(kids.get("identifier", "")):
        out.append(f"identifier {kids.get('identifier')!r} is not an oai-identifier")
    if day_granularity and not DAY.match(kids.get("datestamp", "")):
        out.append(f"datestamp {kids.get('datestamp')!r} is not YYYY-MM-DD")
    for spec in header.findall(f"{{{OAI}}}setSpec"):
        if not SET_SPEC.match(spec.text or ""):
            out.append(f"setSpec {spec.text!r}")
    if header.get("status") not in (None, "deleted"):
        out.append("header/@status")
    return out


def metadata_problems(metadata: etree._Element) -> list[str]:
    kids = _kids(metadata)
    if len(kids) != 1:
        return ["metadata holds exactly one element"]
    (child,) = kids
    if etree.QName(child).namespace == OAI:
        return ["metadata's element is in another namespace than OAI-PMH's"]
    if etree.QName(child).namespace == OAI_DC:
        if etree.QName(child).localname != "dc":
            return ["oai_dc's root is oai_dc:dc"]
        bad = [
            c.tag
            for c in _kids(child)
            if etree.QName(c).namespace != DC or etree.QName(c).localname not in DCMES
        ]
        return [f"oai_dc holds {b}" for b in bad] + ([] if _kids(child) else ["empty oai_dc:dc"])
    return []


def record_problems(record: etree._Element) -> list[str]:
    out = _sequence(record, [("header", 1, 1), ("metadata", 0, 1), ("about", 0, 10**6)])
    header = record.find(f"{{{OAI}}}header")
    if header is not None:
        out += header_problems(header)
    metadata = record.find(f"{{{OAI}}}metadata")
    if metadata is not None:
        out += metadata_problems(metadata)
    elif header is not None and header.get("status") != "deleted":
        out.append("a record that is not deleted has metadata")
    return out


def format_problems(fmt: etree._Element) -> list[str]:
    out = _sequence(fmt, [("metadataPrefix", 1, 1), ("schema", 1, 1), ("metadataNamespace", 1, 1)])
    kids = {_name(c): c.text or "" for c in _kids(fmt)}
    if not PREFIX.match(kids.get("metadataPrefix", "")):
        out.append("metadataPrefix syntax")
    for key in ("schema", "metadataNamespace"):
        if not URI.match(kids.get(key, "")):
            out.append(f"{key} is not a URI")
    return out


def identify_problems(el: etree._Element) -> list[str]:
    order = [
        ("repositoryName", 1, 1), ("baseURL", 1, 1), ("protocolVersion", 1, 1),
        ("adminEmail", 1, 10**6), ("earliestDatestamp", 1, 1), ("deletedRecord", 1, 1),
        ("granularity", 1, 1), ("compression", 0, 10**6), ("description", 0, 10**6),
    ]  # fmt: skip
    out = _sequence(el, order)
    kids = {_name(c): c.text or "" for c in _kids(el)}
    if kids.get("protocolVersion") != "2.0":
        out.append("protocolVersion is 2.0")
    if kids.get("deletedRecord") not in ("no", "persistent", "transient"):
        out.append("deletedRecord")
    if kids.get("granularity") not in ("YYYY-MM-DD", "YYYY-MM-DDThh:mm:ssZ"):
        out.append("granularity")
    if not re.match(r"^\S+@(\S+\.)+\S+$", kids.get("adminEmail", "")):
        out.append("adminEmail")
    if not URI.match(kids.get("baseURL", "")):
        out.append("baseURL")
    return out


def response_problems(tree: etree._ElementTree) -> list[str]:
    """Every rule of an OAI-PMH response that ``tree`` breaks."""
    root = tree.getroot()
    if root.tag != f"{{{OAI}}}OAI-PMH":
        return ["the root is OAI-PMH in the OAI-PMH namespace"]
    kids = _kids(root)
    names = [_name(c) for c in kids]
    out: list[str] = []
    if names[:2] != ["responseDate", "request"]:
        return ["responseDate and request come first"]
    if not RESPONSE_DATE.match(kids[0].text or ""):
        out.append("responseDate is UTC YYYY-MM-DDThh:mm:ssZ")
    request = kids[1]
    if not URI.match(request.text or ""):
        out.append("request holds the base URL")
    rest = kids[2:]
    if not rest:
        return out + ["no answer and no error"]
    if all(_name(c) == "error" for c in rest):
        for err in rest:
            if err.get("code") not in ERRORS:
                out.append(f"error code {err.get('code')!r}")
        if any(e.get("code") in ("badVerb", "badArgument") for e in rest) and request.attrib:
            out.append("request has no attributes after badVerb or badArgument")
        return out
    if len(rest) != 1 or _name(rest[0]) not in VERBS:
        return out + [f"one verb element after request, not {names[2:]}"]
    body = rest[0]
    verb = _name(body)
    if request.get("verb") != verb:
        out.append("request/@verb names the verb answered")
    if verb == "Identify":
        out += identify_problems(body)
    elif verb == "ListMetadataFormats":
        fmts = _kids(body)
        out += [] if fmts else ["no metadataFormat"]
        for fmt in fmts:
            out += format_problems(fmt)
    elif verb == "ListSets":
        for s in _kids(body):
            out += _sequence(
                s, [("setSpec", 1, 1), ("setName", 1, 1), ("setDescription", 0, 10**6)]
            )
            if not SET_SPEC.match(s.findtext(f"{{{OAI}}}setSpec") or ""):
                out.append("setSpec syntax")
    elif verb == "ListIdentifiers":
        out += _sequence(body, [("header", 1, 10**6), ("resumptionToken", 0, 1)])
        for h in body.findall(f"{{{OAI}}}header"):
            out += header_problems(h)
    elif verb == "ListRecords":
        out += _sequence(body, [("record", 1, 10**6), ("resumptionToken", 0, 1)])
        for r in body.findall(f"{{{OAI}}}record"):
            out += record_problems(r)
    elif verb == "GetRecord":
        out += _sequence(body, [("record", 1, 1)])
        for r in body.findall(f"{{{OAI}}}record"):
            out += record_problems(r)
    return out


def static_problems(tree: etree._ElementTree) -> list[str]:
    """The Static Repository rules: Identify, ListMetadataFormats, then one ListRecords per format
    (day granularity, no sets, no resumption)."""
    root = tree.getroot()
    if root.tag != f"{{{STATIC}}}Repository":
        return ["the root is Repository in the static-repository namespace"]
    names = [_name(c, STATIC) for c in _kids(root)]
    out: list[str] = []
    if names[:2] != ["Identify", "ListMetadataFormats"] or set(names[2:]) != {"ListRecords"}:
        out.append(f"children {names}")
    identify = root.find(f"{{{STATIC}}}Identify")
    if identify is not None:
        out += identify_problems(identify)
        if identify.findtext(f"{{{OAI}}}granularity") != "YYYY-MM-DD":
            out.append("a static repository has day granularity")
    prefixes = [
        f.findtext(f"{{{OAI}}}metadataPrefix") for f in root.iter(f"{{{OAI}}}metadataFormat")
    ]
    for fmt in root.iter(f"{{{OAI}}}metadataFormat"):
        out += format_problems(fmt)
    lists = root.findall(f"{{{STATIC}}}ListRecords")
    if sorted(el.get("metadataPrefix") or "" for el in lists) != sorted(p or "" for p in prefixes):
        out.append("one ListRecords per metadata format")
    for el in lists:
        for record in _kids(el):
            out += record_problems(record)
            if record.find(f"{{{OAI}}}header/{{{OAI}}}setSpec") is not None:
                out.append("static repositories have no sets")
    return out
