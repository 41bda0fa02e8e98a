"""Schematron: our XSLT 3 compilation of the schema, run in saxonche's sandbox, failed rules as diagnostics.

Every Schematron runs in the sandboxed processor (no files, no network, no host: see :mod:`teiedit.xslt`);
one that came with a file from elsewhere is also checked before it is compiled (:mod:`.sch_check`). The
compiled stylesheet is kept in the current user's private cache, keyed by the schema's and the compiler's
content (:mod:`teiedit.cache`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from lxml import etree

from teiedit import cache
from teiedit.diagnostics import Diagnostic, Level, TeieditError
from teiedit.io import parse_xml_bytes, read_xml
from teiedit.validate.constraints import passes
from teiedit.validate.messages import element_at, readable_path
from teiedit.validate.sch_check import check_schematron
from teiedit.validate.schemas import SCH_NS, refuse_remote

SVRL_NS = "http://purl.oclc.org/dsdl/svrl"


def _compiler_source() -> bytes:
    from teiedit.odd import sch2xslt

    return Path(sch2xslt.__file__).read_bytes()


def schematron_stylesheet(sch: Path, foreign: bool = False) -> bytes:
    """A Schematron schema compiled to XSLT 3 (our own compiler), cached by content.

    ``foreign``: the schema came with a file from elsewhere (or was named by the user), so its XPath is
    checked first and a call that would reach outside the document refuses it.
    """
    sch = Path(sch).resolve()
    st = sch.stat()
    return _stylesheet(sch, st.st_mtime_ns, st.st_size, foreign)


@lru_cache(maxsize=8)
def _stylesheet(sch: Path, _mtime: int, _size: int, foreign: bool) -> bytes:
    from teiedit.odd.sch2xslt import schematron_to_xslt

    data = sch.read_bytes()
    tree = parse_xml_bytes(data, sch)
    if etree.QName(tree.getroot()).namespace != SCH_NS:
        raise TeieditError(
            "not an ISO Schematron schema",
            sch,
            hint=f'the root must be <schema xmlns="{SCH_NS}">',
        )
    if foreign:
        refusals = check_schematron(tree)
        if refusals:
            first = refusals[0]
            more = f" (and {len(refusals) - 1} more)" if len(refusals) > 1 else ""
            raise TeieditError(
                f"this Schematron was not run: it {first.message}{more} "
                f"[rule schematron-sandbox/{first.rule}]",
                sch,
                line=first.line,
                hint="a Schematron from elsewhere may only look at the document it checks; "
                "remove the call or validate without that schema (--no-schematron)",
            )
    refuse_remote(tree, Path(sch), "Schematron schema")
    name = cache.key(_compiler_source(), data) + ".xsl"
    return cache.cached("schematron", name, lambda: schematron_to_xslt(tree))


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
    *,
    foreign: bool = False,
) -> list[Diagnostic]:
    """Run a Schematron schema (our XSLT 3 compilation, in saxonche's sandbox) and report failed rules;
    ``ids``: the register ids pointers may name (default: those of the registers beside ``doc``)."""
    from teiedit import xslt

    if ids is None:
        ids = register_ids(register_folders(doc)) if doc is not None else ()
    if passes(tree, Path(sch), ids):  # teiedit's own rules, checked in lxml: nothing to report
        return []
    stylesheet = schematron_stylesheet(Path(sch), foreign)
    result = xslt.transform_sandboxed(
        stylesheet, tree, base_uri=path, params={"register-ids": " ".join(ids)}
    )
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
