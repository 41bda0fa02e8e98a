"""Which compiled schemas a validation run uses, and the refusal of anything that would fetch."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiedit.config import Settings
from teiedit.diagnostics import TeieditError

RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"


@dataclass(frozen=True)
class Schemas:
    """The compiled schemas a validation run uses.

    ``sch`` defaults to the ``.sch`` beside the ``.rng`` when there is one; ``xsd`` is used instead of the
    RELAX NG when ``use_xsd`` is set. ``tei_all`` is the fallback grammar for TEI from elsewhere whose
    declared schema is not a local file; ``follow_xml_model`` lets a file's own xml-model PIs choose.
    """

    rng: Path
    sch: Path | None = None
    xsd: Path | None = None
    use_xsd: bool = False
    tei_all: Path | None = None
    follow_xml_model: bool = False
    schematron: bool = True
    #: Run a Schematron that a file declares itself (``--trust-schematron``): still sandboxed and checked.
    trust_schematron: bool = False
    #: ``sch`` came with the file being checked: its XPath is checked before it runs (validate.sch_check).
    foreign_sch: bool = False

    def schematron_path(self) -> Path | None:
        if not self.schematron:
            return None
        if self.sch is not None:
            return self.sch
        sibling = Path(self.rng).with_suffix(".sch")
        return sibling if sibling.is_file() else None

    def xsd_path(self) -> Path:
        return self.xsd if self.xsd is not None else Path(self.rng).with_suffix(".xsd")


def edition_schemas(settings: Settings) -> Schemas:
    """The edition's compiled schemas (an error that says how to make them when they are missing)."""
    if not settings.rng.is_file():
        raise TeieditError(
            "the compiled schema is missing", settings.rng, hint="compile it with `teiedit schema`"
        )
    return Schemas(rng=settings.rng)


_REMOTE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def refuse_remote(tree: etree._ElementTree, path: Path, what: str) -> None:
    """A schema from elsewhere may pull in remote grammars or documents: refuse, never fetch."""
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        loader = etree.QName(el).localname in (
            "include",
            "externalRef",
            "import",
            "redefine",
            "extends",
        )
        for name, value in el.attrib.items():
            if (
                loader
                and name in ("href", "schemaLocation")
                and _REMOTE.match(value)
                and not value.startswith("file:")
            ):
                raise TeieditError(
                    f"this {what} refers to the remote {value}; teiedit never fetches anything",
                    path,
                    line=el.sourceline or 0,
                    hint="use a local copy of that file",
                )
            if name in ("test", "context", "select", "value") and re.search(
                r"(doc|document|unparsed-text|collection|json-doc)\s*\(\s*['\"][a-zA-Z][\w+.-]*://",
                value,
            ):
                raise TeieditError(
                    f"this {what} reads a remote resource in {value!r}; teiedit never fetches",
                    path,
                    line=el.sourceline or 0,
                    hint="use a local copy of that resource",
                )
