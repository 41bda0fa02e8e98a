"""Validation of imported TEI: which schema, and the problems folded for an import report.

A thin adapter over :mod:`teiedit.validate`, whose API it only calls: ``schemas_for`` picks the schema
a document declares in an ``xml-model`` PI when that is a local file, else tei_all when the user
supplied it, else teiedit's own schema (never fetching a declared remote one); ``validate_tree`` gives
the problems in editor language. What this module adds for imports: a one-line reason for the choice
(shown next to every imported file), a note when the file declares an XML Schema, no Schematron of
teiedit's own (its rules check links into *this* edition's registers, which foreign files do not
use), and repeats of one message folded into one line with a count.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from teiedit.diagnostics import Diagnostic, Level, TeieditError

XSI_SCHEMA_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"


@dataclass
class CheckResult:
    """The schema used, why, and the problems found."""

    schema: Path
    reason: str
    problems: list[Diagnostic] = field(default_factory=list)


def check(
    tree: etree._ElementTree,
    source: Path,
    *,
    own_rng: Path,
    tei_all: Path | None,
    trust_schematron: bool = False,
) -> CheckResult:
    """Validate an (XInclude-resolved) imported document; never raises for a bad document.

    A Schematron the file declares runs only with ``trust_schematron`` (sandboxed and checked first).
    """
    from teiedit.validate import Schemas, schemas_for, validate_tree

    default = Schemas(
        rng=own_rng,
        tei_all=tei_all,
        follow_xml_model=True,
        schematron=False,
        trust_schematron=trust_schematron,
    )
    chosen, notes = schemas_for(Path(source), tree, default)
    if tei_all is not None and Path(chosen.rng) == Path(own_rng):
        # schemas_for falls back to tei_all only when a declared schema is remote; a foreign file that
        # declares nothing is also better checked against tei_all than against teiedit's narrower schema
        chosen = replace(chosen, rng=tei_all, sch=None, schematron=False)
    if Path(chosen.rng) == Path(own_rng):
        reason = "teiedit's own schema" + (
            "" if tei_all else "; pass --tei-all PATH to use tei_all"
        )
    elif tei_all is not None and Path(chosen.rng) == Path(tei_all):
        reason = "tei_all (given with --tei-all)"
    else:
        reason = f"the schema the file declares ({Path(chosen.rng).name})"
    remarks = [n.message for n in notes]
    xsd = tree.getroot().get(XSI_SCHEMA_LOCATION)
    if xsd:
        remarks.append(
            f"the file declares an XML Schema ({' '.join(xsd.split()[1::2]) or xsd}), "
            "which teiedit does not use"
        )
    if remarks:
        reason = f"{reason}; " + "; ".join(remarks)
    try:
        raw = validate_tree(tree, str(source), chosen)
    except TeieditError as exc:
        return CheckResult(Path(chosen.rng), reason, [exc.diagnostic])
    return CheckResult(Path(chosen.rng), reason, fold_repeats(raw))


def fold_repeats(diags: list[Diagnostic]) -> list[Diagnostic]:
    """One line per distinct message, with a count: a register with 391 identical mistakes reads as one."""
    folded: OrderedDict[str, tuple[Diagnostic, int]] = OrderedDict()
    for d in diags:
        if d.level is Level.INFO:
            continue
        first, n = folded.get(d.message, (d, 0))
        folded[d.message] = (first, n + 1)
    out: list[Diagnostic] = []
    for first, n in folded.values():
        if n > 1:
            first = Diagnostic(
                message=f"{first.message} ({n} times; first here)",
                path=first.path,
                line=first.line,
                column=first.column,
                level=first.level,
                origin=first.origin,
                xpath=first.xpath,
                suggestion=first.suggestion,
                rule=first.rule,
            )
        out.append(first)
    return out
