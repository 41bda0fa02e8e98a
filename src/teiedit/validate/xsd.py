"""XML Schema (xmlschema), on request: load once, one message per element."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from teiedit.diagnostics import Diagnostic, Level, TeieditError
from teiedit.validate.messages import nearest, readable_path

if (
    TYPE_CHECKING
):  # xmlschema is imported when an XML Schema is first asked for: it is slow to import
    from xmlschema import XMLSchemaBase


@lru_cache(maxsize=4)
def load_xsd(path: Path) -> XMLSchemaBase:
    """Load an XML Schema once per process."""
    import xmlschema

    try:
        # the schema document itself is not re-checked: 4x faster
        return xmlschema.XMLSchema(str(path), validation="skip")
    except (xmlschema.XMLSchemaException, OSError) as exc:
        raise TeieditError(
            f"the XML Schema does not load: {exc}", path, hint="recompile it with `teiedit schema`"
        ) from None


def xsd_diagnostics(tree: etree._ElementTree, path: str, xsd: Path) -> list[Diagnostic]:
    schema = load_xsd(Path(xsd))
    diags = []
    seen: set[int] = set()
    for err in schema.iter_errors(tree):
        el = getattr(err, "elem", None)
        line = getattr(el, "sourceline", 0) or 0
        if line in seen:
            continue  # one message per element: xmlschema repeats the cause on every ancestor
        seen.add(line)
        reason = " ".join(str(err.reason or err.message).split())
        suggestion = ""
        m = re.search(r"Unexpected child with tag '(?:\{[^}]*\})?([^']+)'", reason)
        if m and isinstance(el, etree._Element):
            pos = re.search(r"at position (\d+)", reason)
            kids = [c for c in el if isinstance(c.tag, str)]
            child = kids[int(pos.group(1)) - 1] if pos and int(pos.group(1)) <= len(kids) else None
            reason = f"<{m.group(1)}> is not allowed inside <{etree.QName(el).localname}> here"
            known = sorted({etree.QName(k).localname for k in schema.elements})
            if m.group(1) not in known:
                near = nearest(m.group(1), known)
                suggestion = f"did you mean <{near}>?" if near else ""
            if child is not None:
                el, line = child, child.sourceline or line
        diags.append(
            Diagnostic(
                message=reason,
                path=path,
                line=line,
                level=Level.ERROR,
                origin="xsd",
                xpath=readable_path(el) if isinstance(el, etree._Element) else str(err.path or ""),
                suggestion=suggestion,
                rule="xsd",
            )
        )
    return diags
