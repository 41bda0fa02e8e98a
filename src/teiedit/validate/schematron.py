"""Schematron: our XSLT 3 compilation of the schema, run in saxonche, failed rules as diagnostics."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from lxml import etree

from teiedit.diagnostics import Diagnostic, Level, TeieditError
from teiedit.io import read_xml
from teiedit.validate.constraints import passes
from teiedit.validate.messages import element_at, readable_path
from teiedit.validate.schemas import SCH_NS, refuse_remote

SVRL_NS = "http://purl.oclc.org/dsdl/svrl"


@lru_cache(maxsize=8)
def schematron_stylesheet(sch: Path) -> Path:
    """Compile a Schematron schema to XSLT 3 (our own compiler), cached on disk by content."""
    from teiedit.odd.sch2xslt import schematron_to_xslt

    data = Path(sch).read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:20]
    target = Path(tempfile.gettempdir()) / "teiedit-schematron" / f"{digest}.xsl"
    if not target.is_file():
        from teiedit.io import write_atomic

        tree = read_xml(Path(sch))
        refuse_remote(tree, Path(sch), "Schematron schema")
        if etree.QName(tree.getroot()).namespace != SCH_NS:
            raise TeieditError(
                "not an ISO Schematron schema",
                sch,
                hint=f'the root must be <schema xmlns="{SCH_NS}">',
            )
        write_atomic(target, schematron_to_xslt(tree))
    return target


@lru_cache(maxsize=32)
def register_ids(folders: tuple[Path, ...]) -> tuple[str, ...]:
    ids: list[str] = []
    for folder in folders:
        for f in sorted(folder.glob("*.xml")):
            try:
                tree = read_xml(f)
            except TeieditError:
                continue
            ids.extend(tree.xpath("//@xml:id"))
    return tuple(dict.fromkeys(ids))


def register_folders(doc: Path) -> tuple[Path, ...]:
    """Register folders for a document: ../registers, ./registers, or its own folder if that is one."""
    here = _resolved_folder(Path(doc).parent)
    found = [p for p in (here.parent / "registers", here / "registers") if p.is_dir()]
    if here.name == "registers":
        found.append(here)
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=64)
def _resolved_folder(folder: Path) -> Path:
    return folder.resolve()


def schematron_diagnostics(
    tree: etree._ElementTree,
    path: str,
    sch: Path,
    doc: Path | None = None,
    ids: Sequence[str] | None = None,
) -> list[Diagnostic]:
    """Run a Schematron schema (through our XSLT 3 compilation in saxonche) and report failed rules;
    ``ids``: the register ids pointers may name (default: those of the registers beside ``doc``)."""
    from teiedit import xslt

    if ids is None:
        ids = register_ids(register_folders(doc)) if doc is not None else ()
    if passes(tree, Path(sch), ids):  # the edition's own rules, checked in lxml: nothing to report
        return []
    stylesheet = schematron_stylesheet(Path(sch))
    result = xslt.transform(stylesheet, tree, base_uri=path, params={"register-ids": " ".join(ids)})
    svrl = etree.fromstring(result.output.encode("utf-8"))
    diags = []
    for fired in svrl.iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
        location = fired.get("location", "")
        el = element_at(tree, location)
        text = " ".join("".join(fired.itertext()).split())
        role = (fired.get("role") or "error").lower()
        level = (
            Level.WARNING
            if role in ("warning", "warn")
            else (Level.INFO if role == "info" else Level.ERROR)
        )
        diags.append(
            Diagnostic(
                message=text,
                path=path,
                line=(el.sourceline or 0) if el is not None else 0,
                level=level,
                origin="schematron",
                xpath=(
                    readable_path(el) + location[location.rfind("/@") :]
                    if el is not None and "/@" in location
                    else readable_path(el)
                    if el is not None
                    else ""
                ),
                rule=fired.get("pattern") or fired.get("id") or "schematron",
            )
        )
    return diags
