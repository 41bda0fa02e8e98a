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


#: The largest schema a file may name in an xml-model PI (tei_all's RELAX NG is about 1 MB).
MAX_SCHEMA_BYTES = 8 * 1024 * 1024


def _local_file(href: str, base: Path) -> Path | None:
    parsed = urlparse(href)
    if parsed.scheme and parsed.scheme != "file":
        return None
    target = Path(unquote(parsed.path))
    target = target if target.is_absolute() else (base.parent / target)
    return target.resolve() if target.is_file() else None


def _too_large(path: Path, doc: Path, notes: list[Diagnostic]) -> bool:
    """A declared schema over :data:`MAX_SCHEMA_BYTES` is not loaded (a note says so)."""
    size = path.stat().st_size
    if size <= MAX_SCHEMA_BYTES:
        return False
    notes.append(
        Diagnostic(
            message=f"the declared schema {path.name} is larger than "
            f"{MAX_SCHEMA_BYTES // 2**20} MB ({size // 2**20} MB); it was not loaded",
            path=str(doc),
            level=Level.WARNING,
            origin="validate",
            rule="xml-model-size",
            suggestion="check the file against a schema you trust with --rng",
        )
    )
    return True


def _own_schematron(path: Path, default: Schemas) -> bool:
    """Whether ``path`` is the edition's own Schematron (or teiedit's), not one that came with the file."""
    from teiedit.resources import schema_dir

    own = [default.schematron_path(), schema_dir() / "build" / "teiedit.sch"]
    return any(p is not None and p.is_file() and p.resolve() == path.resolve() for p in own)


def _declared_schematron(
    rng: Path, sch: Path | None, doc: Path, default: Schemas, notes: list[Diagnostic]
) -> Schemas:
    """The declared grammar, with the declared local Schematron when it may run: the edition's own
    does; another only when the user trusts it for this run."""
    base = replace(default, rng=rng, sch=None, schematron=False)  # not teiedit's rules
    if sch is None or _too_large(sch, doc, notes):
        return base
    return _with_schematron(base, sch, doc, default, notes)


def _with_schematron(
    base: Schemas, sch: Path, doc: Path, default: Schemas, notes: list[Diagnostic]
) -> Schemas:
    """``base`` with the file's own local Schematron in place of its rules when it may run (the
    edition's own, or one the user trusts for this run); else ``base`` and a note that it was not run."""
    if _own_schematron(sch, default):
        return replace(base, sch=sch, schematron=True, foreign_sch=False)
    if default.trust_schematron:
        return replace(base, sch=sch, schematron=True, foreign_sch=True)
    notes.append(
        Diagnostic(
            message=f"the file declares its own Schematron ({sch.name}); it was not run: a Schematron "
            "is code, and this one came with the file",
            path=str(doc),
            level=Level.INFO,
            origin="validate",
            rule="xml-model-schematron",
            suggestion="pass --trust-schematron to run it (without access to files, network or host)",
        )
    )
    return base


def _schematron_without_grammar(
    base: Schemas, model: XmlModel, doc: Path, default: Schemas, notes: list[Diagnostic]
) -> Schemas:
    """A Schematron declared beside a grammar that is not used (remote, missing) or with none: it runs
    on the same terms as beside a local grammar, and when it cannot run at all a note says why."""
    local = _local_file(model.href, doc)
    if local is None:
        remote = urlparse(model.href).scheme not in ("", "file")
        notes.append(
            Diagnostic(
                message=f"the declared Schematron {model.href} "
                + ("is not a local file (nothing is fetched)" if remote else "does not exist")
                + "; it was not run",
                path=str(doc),
                level=Level.INFO,
                origin="validate",
                rule="xml-model-schematron",
                suggestion="" if remote else "check the path in the file's xml-model instruction",
            )
        )
        return base
    if _too_large(local, doc, notes):
        return base
    return _with_schematron(base, local, doc, default, notes)


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
        if local is not None and not _too_large(local, doc, notes):
            local_sch = _local_file(sch.href, doc) if sch is not None else None
            return _declared_schematron(local, local_sch, doc, default, notes), notes
        fallback = default.tei_all or default.rng
        remote = urlparse(rng.href).scheme not in ("", "file")
        why = (
            "is too large"
            if local is not None
            else "is not a local file"
            if remote
            else "does not exist beside this file"
        )
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
        if local is not None:  # a grammar refused for its size: nothing the file declares runs
            sch = None
        if default.tei_all is not None:
            base = replace(default, rng=default.tei_all, sch=None, schematron=False)
            if sch is None:
                return base, notes
            return _schematron_without_grammar(base, sch, doc, default, notes), notes
    if sch is not None:  # beside teiedit's own grammar (none declared, or one that cannot be used)
        return _schematron_without_grammar(default, sch, doc, default, notes), notes
    return default, notes
