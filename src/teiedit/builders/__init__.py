"""Builders render TEI into outputs (html, pdf, exchange formats), looked up by name."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from teiedit.config import Edition
from teiedit.diagnostics import Progress, TeieditError


class Builder(Protocol):
    name: str

    def build(
        self, files: list[Path], out_dir: Path, edition: Edition, progress: Progress | None = None
    ) -> list[Path]:
        """Render the TEI files into ``out_dir``; return the files written."""
        ...


def get_builder(name: str) -> Builder:
    if name == "html":
        from teiedit.builders.html import HtmlBuilder

        return HtmlBuilder()
    if name == "pdf":
        from teiedit.builders.pdf import PdfBuilder

        return PdfBuilder()
    raise TeieditError(f"unknown builder {name!r}", hint="choose html or pdf")
