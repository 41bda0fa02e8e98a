"""The only module that talks to saxonche: one processor per process, compiled stylesheets cached.

Input documents always reach Saxon as text re-serialised from a tree that io.py parsed safely, so Saxon
never sees a DOCTYPE, an external entity or a network URL from outside input.

Two processors: teiedit's own stylesheets (xslt/) run in the ordinary one; stylesheets made from schemas
(:func:`transform_sandboxed`: every Schematron, which may come with a file from elsewhere) run in a
sandbox whose configuration allows no access to any file or URL (``doc``, ``unparsed-text``,
``collection``, ``json-doc``, ``xsl:include``…), no extension functions, no ``system-property`` or
``environment-variable`` values and no ``xsl:result-document``. Their inputs come as parameters.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from saxonche import PySaxonApiError, PySaxonProcessor, PyXsltExecutable

from teiedit.diagnostics import TeieditError

_lock = threading.RLock()
_processor: PySaxonProcessor | None = None
_compiled: dict[tuple[str, float, tuple[tuple[str, str], ...]], PyXsltExecutable] = {}
_sandbox: PySaxonProcessor | None = None
_sandboxed: dict[str, PyXsltExecutable] = {}

#: The sandbox's configuration: no URI scheme may be resolved (files, http, jar, data: none), and no
#: extension functions, which also disables xsl:result-document and hides system properties and the
#: environment.
SANDBOX_FEATURES = {
    "http://saxon.sf.net/feature/allowedProtocols": "",
    "http://saxon.sf.net/feature/allow-external-functions": "false",
}

_JAXP = (
    "http://saxon.sf.net/feature/parserProperty?uri=http%3A//www.oracle.com/xml/jaxp/properties/"
)

#: Saxon only ever parses text that lxml serialised from a tree it parsed first (no DTD, no declared
#: entity), so lxml's limits are the ones, not the JDK parser's defaults, which stop good documents:
#: - a nesting depth of 100, far below what io.py lets through (libxml2 stops at 2,048): a deep but
#:   well-formed document from elsewhere would pass the import and then stop the build;
#: - 100,000 characters written as references (``&amp;``, ``&lt;``, ``&quot;``), counted over the whole
#:   text: a long document with many ampersands, or a site page's data with its JSON-LD in attributes,
#:   could not be read ("JAXP00010003 ... [xml]"). 0 lifts these two size limits; the limit on
#:   expanding declared entities (the defence against entity bombs) stays as it is.
PARSER_FEATURES = {
    f"{_JAXP}maxElementDepth": "2048",
    f"{_JAXP}maxGeneralEntitySizeLimit": "0",
    f"{_JAXP}totalEntitySizeLimit": "0",
}


def processor() -> PySaxonProcessor:
    global _processor
    with _lock:
        if _processor is None:
            proc = PySaxonProcessor(license=False)
            for name, value in PARSER_FEATURES.items():
                proc.set_configuration_property(name, value)
            _processor = proc
        return _processor


def sandbox_processor() -> PySaxonProcessor:
    """The processor for stylesheets made from schemas: no file, network or environment access."""
    global _sandbox
    with _lock:
        if _sandbox is None:
            proc = PySaxonProcessor(license=False)
            for name, value in {**PARSER_FEATURES, **SANDBOX_FEATURES}.items():
                proc.set_configuration_property(name, value)
            _sandbox = proc
        return _sandbox


def compile_sandboxed(text: bytes, origin: str | Path = "") -> PyXsltExecutable:
    """Compile (once per process and content) a stylesheet in the sandbox, from its text."""
    key = hashlib.sha256(text).hexdigest()
    with _lock:
        if key not in _sandboxed:
            xslt = sandbox_processor().new_xslt30_processor()
            try:
                executable = xslt.compile_stylesheet(stylesheet_text=text.decode("utf-8"))
            except PySaxonApiError as exc:
                raise TeieditError(f"the stylesheet does not compile: {exc}", origin) from None
            if executable is None:
                raise TeieditError("the stylesheet does not compile", origin)
            _sandboxed[key] = executable
        return _sandboxed[key]


def compile_stylesheet(path: Path, static: dict[str, str] | None = None) -> PyXsltExecutable:
    """Compile (once per process, file version and static parameters) an XSLT 3.0 stylesheet.

    ``static`` sets static parameters (``{namespace}name`` -> string), such as the URIs of the compiled
    processing model that the stylesheet includes.
    """
    path = Path(path).resolve()
    statics = tuple(sorted((static or {}).items()))
    key = (str(path), path.stat().st_mtime, statics)
    with _lock:
        if key not in _compiled:
            xslt = processor().new_xslt30_processor()
            for name, value in statics:
                xslt.set_parameter(name, processor().make_string_value(value))
            try:
                executable = xslt.compile_stylesheet(stylesheet_file=str(path))
            except PySaxonApiError as exc:
                raise TeieditError(f"the stylesheet does not compile: {exc}", path) from None
            if executable is None:
                raise TeieditError("the stylesheet does not compile", path)
            _compiled[key] = executable
        return _compiled[key]


def _value(proc: PySaxonProcessor, value: Any) -> Any:
    if isinstance(value, bool):
        return proc.make_boolean_value(value)
    if isinstance(value, int):
        return proc.make_integer_value(value)
    return proc.make_string_value(str(value))


def saxon_document(root: etree._Element, where: str | Path = "") -> Any:
    """A tree (safely re-serialised) parsed once into Saxon, to hand to many transforms as a document
    parameter (see :func:`transform`'s ``documents``); ``where`` names it in error messages."""
    with _lock:
        try:
            return processor().parse_xml(xml_text=etree.tostring(root, encoding="unicode"))
        except PySaxonApiError as exc:
            raise TeieditError(f"Saxon could not read the document: {exc}", where) from None


@dataclass
class XsltResult:
    output: str
    messages: list[str]


def transform(
    stylesheet: Path,
    source: etree._Element | etree._ElementTree,
    *,
    base_uri: str = "",
    params: dict[str, Any] | None = None,
    facts: etree._Element | None = None,
    static: dict[str, str] | None = None,
    output_dir: Path | None = None,
    documents: dict[str, Any] | None = None,
) -> XsltResult:
    """Run one of teiedit's stylesheets on a tree (safely re-serialised); return the primary result.

    Stylesheets that need other files (registers, the edition listing) get their URIs as parameters;
    ``facts`` (teiedit/facts.py) becomes the document parameter ``facts``; ``static`` are static
    parameters (see :func:`compile_stylesheet`); ``base_uri`` only names the input in error messages.
    ``output_dir``: where the stylesheet's ``xsl:result-document`` hrefs are resolved (a stylesheet
    that writes several pages). ``documents``: document parameters (``{namespace}name`` -> a tree
    :func:`saxon_document` parsed), which many transforms share without parsing them again.
    """
    with _lock:
        return _run(
            processor(),
            compile_stylesheet(stylesheet, static),
            source,
            base_uri or stylesheet,
            params,
            facts,
            output_dir,
            documents,
        )


def transform_sandboxed(
    stylesheet: bytes,
    source: etree._Element | etree._ElementTree,
    *,
    base_uri: str = "",
    params: dict[str, Any] | None = None,
) -> XsltResult:
    """Run a stylesheet given as text in the sandbox (see the module docstring)."""
    with _lock:
        executable = compile_sandboxed(stylesheet, base_uri)
        return _run(sandbox_processor(), executable, source, base_uri, params)


def _run(
    proc: PySaxonProcessor,
    executable: PyXsltExecutable,
    source: etree._Element | etree._ElementTree,
    where: str | Path,
    params: dict[str, Any] | None,
    facts: etree._Element | None = None,
    output_dir: Path | None = None,
    documents: dict[str, Any] | None = None,
) -> XsltResult:
    root = source.getroot() if isinstance(source, etree._ElementTree) else source
    text = etree.tostring(root, encoding="unicode")
    try:
        node = proc.parse_xml(xml_text=text)
    except PySaxonApiError as exc:
        raise TeieditError(f"Saxon could not read the document: {exc}", where) from None
    executable.clear_parameters()
    for name, value in (params or {}).items():
        executable.set_parameter(name, _value(proc, value))
    if facts is not None:
        executable.set_parameter(
            "facts", proc.parse_xml(xml_text=etree.tostring(facts, encoding="unicode"))
        )
    for name, document in (documents or {}).items():
        executable.set_parameter(name, document)
    if output_dir is not None:
        # where the xsl:result-document hrefs of a stylesheet writing several pages land
        executable.set_base_output_uri(Path(output_dir).resolve().as_uri() + "/")
    executable.set_save_xsl_message(True, None)
    try:
        out = executable.transform_to_string(xdm_node=node)
    except PySaxonApiError as exc:
        raise TeieditError(f"the transformation failed: {exc}", where) from None
    messages = []
    msgs = executable.get_xsl_messages()
    if msgs is not None:
        messages = [str(m) for m in msgs]
    executable.clear_xsl_messages()
    return XsltResult(output=out or "", messages=messages)
