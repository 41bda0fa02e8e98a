"""Readers: the cascade (any source, kinds decided per document) and the profiles a user may force.

Without ``--profile`` every source goes through the cascade (``readers.cascade``: segment, label,
assemble). The profiles of the table below assemble one kind of source by the shape of its lines; they
are kept for sources an editor wants read that way (``teiedit convert --profile NAME``).
"""

from __future__ import annotations

from teiedit.diagnostics import TeieditError
from teiedit.readers.archival import ArchivalReader
from teiedit.readers.article import ArticleReader
from teiedit.readers.base import Conversion, Reader, SetAside, Source
from teiedit.readers.blog import BlogReader
from teiedit.readers.cascade.reader import CascadeReader
from teiedit.readers.compilation import CompilationReader
from teiedit.readers.plain import PlainReader
from teiedit.readers.webcapture import WebCaptureReader

#: All readers, by profile name. Adding a profile is adding a module and a line here.
READERS: dict[str, Reader] = {
    r.name: r
    for r in (
        CascadeReader(),
        PlainReader(),
        ArchivalReader(),
        WebCaptureReader(),
        CompilationReader(),
        ArticleReader(),
        BlogReader(),
    )
}


def get_reader(name: str) -> Reader:
    try:
        return READERS[name]
    except KeyError:
        raise TeieditError(
            f"unknown profile {name!r}",
            hint=f"choose one of: {', '.join(sorted(READERS))}",
        ) from None


__all__ = ["READERS", "CascadeReader", "Conversion", "Reader", "SetAside", "Source", "get_reader"]
