"""Source profiles (readers), looked up by name from one table; detection by structure."""

from __future__ import annotations

from teiedit.diagnostics import TeieditError
from teiedit.readers.archival import ArchivalReader, WebCaptureReader
from teiedit.readers.article import ArticleReader
from teiedit.readers.base import Conversion, Reader, SetAside, Source
from teiedit.readers.blog import BlogReader
from teiedit.readers.compilation import CompilationReader
from teiedit.readers.plain import PlainReader

#: All readers, by profile name. Adding a profile is adding a module and a line here.
READERS: dict[str, Reader] = {
    r.name: r
    for r in (
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


def detect_profile(text: str) -> tuple[str, dict[str, float]]:
    """The best-fitting profile for a text, with every profile's score (for the report)."""
    scores = {name: reader.detect(text) for name, reader in READERS.items()}
    best = max(scores, key=lambda n: (scores[n], n == "plain"))
    return best, scores


__all__ = ["READERS", "Conversion", "Reader", "SetAside", "Source", "detect_profile", "get_reader"]
