"""DTS checks written from the Distributed Text Services specification, version 1.0 (the "v1.0" release
of the DTS specifications, its JSON-LD context https://dtsapi.org/context/v1.0.json): the properties
each object must have, with their types (Entry endpoint, Collection and Resource, Navigation,
CitationTree, CiteStructure, CitableUnit, Pagination)."""

from __future__ import annotations

from typing import Any

CONTEXT = "https://dtsapi.org/context/v1.0.json"


def _need(obj: dict[str, Any], where: str, spec: dict[str, type | tuple[type, ...]]) -> list[str]:
    out = []
    for key, kind in spec.items():
        if key not in obj:
            out.append(f"{where}: {key} is required")
        elif not isinstance(obj[key], kind) or (kind is int and isinstance(obj[key], bool)):
            out.append(f"{where}: {key} has the wrong type")
    return out


def top_problems(obj: dict[str, Any], where: str) -> list[str]:
    out = []
    if obj.get("@context") != CONTEXT:
        out.append(f"{where}: @context is the DTS 1.0 context")
    if obj.get("dtsVersion") != "1.0":
        out.append(f"{where}: dtsVersion is 1.0")
    return out


def entry_problems(obj: dict[str, Any]) -> list[str]:
    out = top_problems(obj, "EntryPoint")
    out += _need(
        obj,
        "EntryPoint",
        {"@id": str, "@type": str, "collection": str, "navigation": str, "document": str},
    )
    if obj.get("@type") != "EntryPoint":
        out.append("EntryPoint: @type")
    return out


def cite_structure_problems(obj: dict[str, Any], where: str) -> list[str]:
    out = _need(obj, where, {"citeType": str})
    for child in obj.get("citeStructure", []):
        out += cite_structure_problems(child, where + "/citeStructure")
    return out


def tree_problems(obj: dict[str, Any], where: str) -> list[str]:
    out = _need(obj, where, {"@type": str})
    if obj.get("@type") != "CitationTree":
        out.append(f"{where}: @type is CitationTree")
    for child in obj.get("citeStructure", []):
        out += cite_structure_problems(child, where + "/citeStructure")
    return out


def member_problems(obj: dict[str, Any], where: str) -> list[str]:
    """A Collection or a Resource (top-level or as a member)."""
    out = _need(
        obj, where, {"@id": str, "@type": str, "title": str, "totalParents": int, "collection": str}
    )
    kind = obj.get("@type")
    if kind == "Collection":
        out += _need(obj, where, {"totalChildren": int})
    elif kind == "Resource":
        out += _need(obj, where, {"navigation": str, "document": str})
        trees = obj.get("citationTrees", [])
        if not isinstance(trees, list):
            out.append(f"{where}: citationTrees is an array")
        for i, tree in enumerate(trees):
            out += tree_problems(tree, f"{where}/citationTrees[{i}]")
            if i == 0 and "identifier" in tree:
                out.append(f"{where}: the default citation tree has no identifier")
        if "mediaTypes" in obj and not all(isinstance(m, str) for m in obj["mediaTypes"]):
            out.append(f"{where}: mediaTypes are strings")
    else:
        out.append(f"{where}: @type is Collection or Resource")
    for key in ("dublinCore", "extensions"):
        if key in obj and not isinstance(obj[key], dict):
            out.append(f"{where}: {key} is a MetadataObject")
    for i, member in enumerate(obj.get("member", [])):
        out += member_problems(member, f"{where}/member[{i}]")
    return out


def collection_problems(obj: dict[str, Any]) -> list[str]:
    return top_problems(obj, "collection") + member_problems(obj, "collection")


def unit_problems(obj: dict[str, Any], where: str) -> list[str]:
    out = _need(obj, where, {"identifier": str, "@type": str, "level": int})
    if obj.get("@type") != "CitableUnit":
        out.append(f"{where}: @type is CitableUnit")
    if "parent" not in obj or not (obj["parent"] is None or isinstance(obj["parent"], str)):
        out.append(f"{where}: parent is a string or null")
    return out


def navigation_problems(obj: dict[str, Any]) -> list[str]:
    out = top_problems(obj, "Navigation") + _need(
        obj, "Navigation", {"@id": str, "@type": str, "resource": dict}
    )
    if obj.get("@type") != "Navigation":
        out.append("Navigation: @type")
    resource = obj.get("resource", {})
    out += _need(resource, "Navigation/resource", {"citationTrees": list})
    out += member_problems(resource, "Navigation/resource")
    for key in ("ref", "start", "end"):
        if key in obj:
            out += unit_problems(obj[key], f"Navigation/{key}")
    members = obj.get("member", [])
    for i, unit in enumerate(members):
        out += unit_problems(unit, f"Navigation/member[{i}]")
    ids = [u.get("identifier") for u in members]
    if len(ids) != len(set(ids)):
        out.append("Navigation: member identifiers are unique")
    return out
