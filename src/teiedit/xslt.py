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
_compiled: dict[tuple[str, float], PyXsltExecutable] = {}


def processor() -> PySaxonProcessor:
    global _processor
    with _lock:
        if _processor is None:
            _processor = PySaxonProcessor(license=False)
        return _processor


def compile_stylesheet(path: Path) -> PyXsltExecutable:
    """Compile (once per process and file version) an XSLT 3.0 stylesheet."""
    path = Path(path).resolve()
    key = (str(path), path.stat().st_mtime)
    with _lock:
        if key not in _compiled:
            xslt = processor().new_xslt30_processor()
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
    facts: etree._Element | None = None,
    output_dir: Path | None = None,
) -> XsltResult:
    """Run a stylesheet on a tree (safely re-serialised) and return the primary result as text.

    Stylesheets that need other files (registers, the edition listing) get their URIs as parameters;
    ``facts`` (teiedit/facts.py) becomes the document parameter ``facts``; ``base_uri`` only names the
    input in error messages. ``output_dir``: where the stylesheet's ``xsl:result-document`` hrefs
    are resolved (a stylesheet that writes several pages).
    """
    root = source.getroot() if isinstance(source, etree._ElementTree) else source
    text = etree.tostring(root, encoding="unicode")
    facts_text = etree.tostring(facts, encoding="unicode") if facts is not None else None
    with _lock:
        executable = compile_stylesheet(stylesheet)
        proc = processor()
        try:
            node = proc.parse_xml(xml_text=text)
        except PySaxonApiError as exc:
            raise TeieditError(f"Saxon could not read the document: {exc}", base_uri) from None
        executable.clear_parameters()
        for name, value in (params or {}).items():
            executable.set_parameter(name, _value(value))
        if facts_text is not None:
            executable.set_parameter("facts", proc.parse_xml(xml_text=facts_text))
        if output_dir is not None:
            executable.set_base_output_uri(Path(output_dir).resolve().as_uri() + "/")
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
