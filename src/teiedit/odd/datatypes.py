"""TEI data specifications (teidata.*) as XML Schema datatypes, as RELAX NG uses them."""

from __future__ import annotations

XSD_DT = "http://www.w3.org/2001/XMLSchema-datatypes"

#: teidata key -> (xsd type, pattern or "") ; a list of types means a union (choice).
TEIDATA: dict[str, list[tuple[str, str]]] = {
    "teidata.text": [("string", "")],
    "teidata.word": [("token", r"[^\p{C}\p{Z}]+")],
    "teidata.name": [("Name", "")],
    "teidata.xmlName": [("NCName", "")],
    "teidata.enumerated": [("token", r"[^\p{C}\p{Z}]+")],
    "teidata.pointer": [("anyURI", r"\S+")],
    "teidata.count": [("nonNegativeInteger", "")],
    "teidata.numeric": [("double", ""), ("token", r"(\-?[\d]+/\-?[\d]+)"), ("decimal", "")],
    "teidata.language": [("language", ""), ("string", "")],
    "teidata.certainty": [("token", "")],
    "teidata.probability": [("double", "")],
    "teidata.truthValue": [("boolean", "")],
    "teidata.version": [("token", r"[\d]+(\.[\d]+){0,2}")],
    "teidata.versionNumber": [("token", r"[\d]+[a-z]*[\d]*(\.[\d]+[a-z]*[\d]*){0,3}")],
    "teidata.temporal.w3c": [
        ("date", ""),
        ("gYear", ""),
        ("gMonth", ""),
        ("gDay", ""),
        ("gYearMonth", ""),
        ("gMonthDay", ""),
        ("time", ""),
        ("dateTime", ""),
    ],
    "teidata.temporal.iso": [
        ("date", ""),
        ("gYear", ""),
        ("gMonth", ""),
        ("gDay", ""),
        ("gYearMonth", ""),
        ("gMonthDay", ""),
        ("time", ""),
        ("dateTime", ""),
        ("token", r"[0-9.,DHMPRSTWYZ/:+\-]+"),
    ],
    "teidata.duration.w3c": [("duration", "")],
    "teidata.outputMeasurement": [("token", "")],
    "teidata.sex": [("token", "")],
    "teidata.gender": [("token", "")],
    "teidata.prefix": [("token", r"[a-z][a-z0-9\+\.\-]*")],
    "teidata.namespace": [("anyURI", "")],
    "teidata.replacement": [("string", "")],
    "teidata.xpath": [("string", "")],
}


def resolve(key: str) -> list[tuple[str, str]]:
    """The xsd types for a teidata key; unknown keys are read as free text."""
    return TEIDATA.get(key, [("string", "")])
