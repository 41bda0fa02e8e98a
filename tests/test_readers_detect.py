"""The cascade reads every source: each gets the kind (and profile family) of what it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiedit.config import default_settings
from teiedit.diagnostics import TeieditError
from teiedit.pipeline import ConvertOptions, convert_text, source_from_file
from teiedit.readers import READERS, get_reader

REPO = Path(__file__).resolve().parent.parent
SOURCE_KINDS = {
    "letter-ri-sang-jo-to-kim-il-sung-1956-10-22.txt": ("archival", "letter"),
    "webcapture-letter-ri-sang-jo-to-kwp-cc-1956-10-12.txt": ("webcapture", "letter"),
    "bulletin-cwihp-1956-crisis-documents.txt": ("compilation", "compilation"),
    "article-runaway-ambassador-yi-sang-cho.txt": ("article", "article"),
    "blog-soviet-dprk-relations-lankov.txt": ("blog", "blog"),
}
_KIND = "{http://www.tei-c.org/ns/1.0}term[@type='kind']"


@pytest.mark.parametrize(("name", "expected"), sorted(SOURCE_KINDS.items()))
def test_sources_get_their_kind(name: str, expected: tuple[str, str]) -> None:
    source = source_from_file(REPO / "sources" / name)
    conv, _, _ = convert_text(source, default_settings(REPO), ConvertOptions(passes=[]))
    first = conv.documents[0].root
    assert (conv.profile, first.findtext(f".//{_KIND}")) == expected, conv.decisions[:6]


def test_unstructured_text_is_read_as_plain_text() -> None:
    from teiedit.readers import Source

    text = "Some notes.\n\nNothing here has the shape of a letter or a page.\n"
    source = Source(text=text, name="notes", filename="notes.txt", sha256="0" * 64)
    conv, _, _ = convert_text(source, default_settings(REPO), ConvertOptions(passes=[]))
    assert len(conv.documents) == 1
    assert conv.profile in ("plain", "article", "blog")


def test_unknown_profile_is_an_error_naming_the_choices() -> None:
    with pytest.raises(TeieditError) as info:
        get_reader("poem")
    assert "archival" in info.value.diagnostic.suggestion
    assert "auto" in READERS
