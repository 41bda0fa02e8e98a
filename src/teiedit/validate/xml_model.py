"""Documents from elsewhere: the schema a file declares in its xml-model PIs, if it is a local file."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from teiedit.diagnostics import Diagnostic, Level
from teiedit.validate.schemas import RNG_NS, SCH_NS, Schemas


@dataclass
class XmlModel:
    href: str
    schematypens: str = ""
    type: str = ""


def xml_models(tree: etree._ElementTree) -> list[XmlModel]:
    """The xml-model processing instructions before the root element."""
    out = []
    node = tree.getroot().getprevious()
    pis = []
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            pis.append(node)
        node = node.getprevious()
    for pi in reversed(pis):
        attrs = dict(re.findall(r'(\w+)\s*=\s*["\']([^"\']*)["\']', pi.text or ""))
        if attrs.get("href"):
            out.append(
                XmlModel(attrs["href"], attrs.get("schematypens", ""), attrs.get("type", ""))
            )
    return out


def _local_file(href: str, base: Path) -> Path | None:
    parsed = urlparse(href)
    if parsed.scheme and parsed.scheme != "file":
        return None
    target = Path(unquote(parsed.path))
    target = target if target.is_absolute() else (base.parent / target)
    return target.resolve() if target.is_file() else None


def schemas_for(
    doc: Path, tree: etree._ElementTree, default: Schemas
) -> tuple[Schemas, list[Diagnostic]]:
    """Which schemas check this document: its own local xml-model, else tei_all if given, else ours."""
    if not default.follow_xml_model:
        return default, []
    models = xml_models(tree)
    rng = next((m for m in models if m.schematypens == RNG_NS or m.href.endswith(".rng")), None)
    sch = next(
        (
            m
            for m in models
            if m.schematypens in (SCH_NS, "http://www.ascc.net/xml/schematron")
            or m.href.endswith((".sch", ".isosch"))
        ),
        None,
    )
    notes: list[Diagnostic] = []
    if rng is not None:
        local = _local_file(rng.href, doc)
        if local is not None:
            local_sch = _local_file(sch.href, doc) if sch is not None else None
            return replace(
                default, rng=local, sch=local_sch, schematron=local_sch is not None
            ), notes
        fallback = default.tei_all or default.rng
        remote = urlparse(rng.href).scheme not in ("", "file")
        why = "is not a local file" if remote else "does not exist beside this file"
        notes.append(
            Diagnostic(
                message=f"the declared schema {rng.href} {why}; validating against {fallback.name}",
                path=str(doc),
                level=Level.INFO,
                origin="validate",
                rule="xml-model",
                suggestion=""
                if default.tei_all
                else "give --tei-all PATH to check TEI from elsewhere against tei_all",
            )
        )
        if default.tei_all is not None:
            return replace(default, rng=default.tei_all, sch=None, schematron=False), notes
    return default, notes
