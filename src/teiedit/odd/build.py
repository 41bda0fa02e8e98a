"""Compile an ODD file into the files of schema/build/: RELAX NG, ISO Schematron, XML Schema, HTML reference."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from teiedit.diagnostics import TeieditError
from teiedit.io import write_atomic
from teiedit.odd.model import OddSchema, load_odd
from teiedit.odd.pm_compile import compile_processing_model
from teiedit.odd.reference import odd_to_html
from teiedit.odd.rng import odd_to_rng
from teiedit.odd.schematron import odd_to_schematron
from teiedit.odd.xsd import XML_XSD, odd_to_xsd, xml_namespace_xsd


def _outputs() -> dict[str, Callable[[OddSchema], bytes]]:
    return {"rng": odd_to_rng, "sch": odd_to_schematron, "xsd": odd_to_xsd, "html": odd_to_html}


def compiled_files(odd: OddSchema) -> dict[str, bytes]:
    """File name -> bytes of every compiled output, in a fixed order (the XSD's import of the XML
    namespace's schema included, and the processing model's stylesheet when the ODD is a file)."""
    files = {f"{odd.ident}.{suffix}": make(odd) for suffix, make in _outputs().items()}
    files[XML_XSD] = xml_namespace_xsd()
    if odd.source is not None:
        files.update(compile_processing_model(odd.source).files())
    return files


def compile_odd(
    odd_path: Path, out_dir: Path, source: Path | None = None, catalogs: list[Path] | None = None
) -> list[Path]:
    """Write ``<ident>.rng``, ``.sch``, ``.xsd`` and ``.html`` for the ODD's schemaSpec; returns the files.

    With ``source`` (a p5subset.xml the user supplies), the ODD may reference TEI modules; it is resolved
    against the source first and compiled to RELAX NG only (TEI's own Schematron rules and XSD are not
    produced in this mode). External RELAX NG modules (moduleRef/@url) are read from local files: through
    the ``catalogs`` (OASIS XML catalogs), or a URL relative to the ODD's folder.
    """
    if source is not None:
        from teiedit.odd.model import odd_from_schema_spec
        from teiedit.odd.source import resolve_odd_with_modules

        if not Path(source).is_file():
            raise TeieditError(
                "no such TEI source file", source, hint="give the path of a p5subset.xml"
            )
        for catalog in catalogs or []:
            if not Path(catalog).is_file():
                raise TeieditError(
                    "no such XML catalog", catalog, hint="give the path of a catalog"
                )
        schema_spec, externals = resolve_odd_with_modules(
            Path(odd_path), Path(source), [Path(c) for c in catalogs or []]
        )
        odd = odd_from_schema_spec(schema_spec, Path(odd_path))
        odd.externals = externals
        files = {f"{odd.ident}.rng": odd_to_rng(odd)}
    else:
        odd = load_odd(odd_path)
        files = compiled_files(
            odd
        )  # all compiled before any is written: no half-updated build folder
    written = []
    for name, data in files.items():
        target = Path(out_dir) / name
        write_atomic(target, data)
        written.append(target)
    return written
