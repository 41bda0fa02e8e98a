"""Validation: RELAX NG (lxml) and Schematron (saxonche) by default, XML Schema (xmlschema) on request.

Every engine's findings become Diagnostics in an editor's words: file, line, column, the element's XPath,
what is wrong and, where one exists, a suggestion. Raw engine messages are explained with the grammar
(odd/grammar.py); the cascade of follow-up errors one mistake causes is collapsed to its first message.

Which schema a file is checked against: ``Schemas`` given by the caller (``--rng``), else the file's own
``xml-model`` RELAX NG if it is a local file, else ``tei_all`` if the caller supplied one, else teiedit's.
XInclude is resolved before validation, but only for local files under the document's folder: nothing is
ever fetched from the network.

One module per concern: ``schemas`` (what to validate against), ``rng``, ``schematron`` and ``xsd`` (one
engine each), ``messages`` (engine messages in an editor's words), ``xml_model`` (the schema a file
declares), ``xinclude``, ``report`` (one message per mistake) and ``run`` (a tree, a file, many files).
"""

from __future__ import annotations

from teiedit.validate.rng import load_rng, rng_diagnostics
from teiedit.validate.run import (
    clear_caches,
    validate_file,
    validate_parsed,
    validate_paths,
    validate_tree,
)
from teiedit.validate.schemas import RNG_NS, SCH_NS, Schemas
from teiedit.validate.schematron import schematron_diagnostics
from teiedit.validate.xinclude import resolve_xincludes
from teiedit.validate.xml_model import schemas_for, xml_models
from teiedit.validate.xsd import xsd_diagnostics

__all__ = [
    "RNG_NS",
    "SCH_NS",
    "Schemas",
    "clear_caches",
    "load_rng",
    "resolve_xincludes",
    "rng_diagnostics",
    "schemas_for",
    "schematron_diagnostics",
    "validate_file",
    "validate_parsed",
    "validate_paths",
    "validate_tree",
    "xml_models",
    "xsd_diagnostics",
]
