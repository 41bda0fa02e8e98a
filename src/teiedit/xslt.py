"""The only module that talks to saxonche: one processor per process, compiled stylesheets cached.

Input documents always reach Saxon as text re-serialised from a tree that io.py parsed safely, so Saxon
never sees a DOCTYPE, an external entity or a network URL from outside input.
"""

from __future__ import annotations

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


def processor() -> PySaxonProcessor:
    global _processor
    with _lock:
        if _processor is None:
            _processor = PySaxonProcessor(license=False)
        return _processor


def compile_stylesheet(path: Path, static: dict[str, str] | None = None) -> PyXsltExecutable:
    """Compile (once per process, file version and static parameters) an XSLT 3.0 stylesheet.

    ``static`` sets static parameters (``{namespace}name`` -> string), such as the URI of the compiled
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


def _value(value: Any) -> Any:
    proc = processor()
    if isinstance(value, bool):
        return proc.make_boolean_value(value)
    if isinstance(value, int):
        return proc.make_integer_value(value)
    return proc.make_string_value(str(value))


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
    static: dict[str, str] | None = None,
) -> XsltResult:
    """Run a stylesheet on a tree (safely re-serialised) and return the primary result as text.

    Stylesheets that need other files (registers, the edition listing) get their URIs as parameters;
    ``base_uri`` only names the input in error messages; ``static`` are static parameters (see
    :func:`compile_stylesheet`).
    """
    root = source.getroot() if isinstance(source, etree._ElementTree) else source
    text = etree.tostring(root, encoding="unicode")
    with _lock:
        executable = compile_stylesheet(stylesheet, static)
        proc = processor()
        try:
            node = proc.parse_xml(xml_text=text)
        except PySaxonApiError as exc:
            raise TeieditError(f"Saxon could not read the document: {exc}", base_uri) from None
        executable.clear_parameters()
        for name, value in (params or {}).items():
            executable.set_parameter(name, _value(value))
        executable.set_save_xsl_message(True, None)
        try:
            out = executable.transform_to_string(xdm_node=node)
        except PySaxonApiError as exc:
            raise TeieditError(
                f"the transformation failed: {exc}", base_uri or stylesheet
            ) from None
        messages = []
        msgs = executable.get_xsl_messages()
        if msgs is not None:
            messages = [str(m) for m in msgs]
        executable.clear_xsl_messages()
    return XsltResult(output=out or "", messages=messages)
