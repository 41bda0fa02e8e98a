"""The fallback profile: blocks separated by blank lines become paragraphs; nothing is set aside."""

from __future__ import annotations

import re

from lxml import etree

from teiedit.config import Edition
from teiedit.dates import parse_date_line
from teiedit.document import XML_ID, XML_LANG, E, TeiDocument
from teiedit.readers.base import Conversion, Source
from teiedit.readers.common.build import ensure_content
from teiedit.readers.common.header import HeaderInfo, build_header

_BLOCK = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")


def split_blocks(text: str) -> list[tuple[int, str]]:
    """Runs of non-blank lines, each with its 1-based starting line number."""
    return [
        (text.count("\n", 0, m.start()) + 1, m.group(0).rstrip("\n")) for m in _BLOCK.finditer(text)
    ]


class PlainReader:
    """Any plaintext: a title line, an optional date line, paragraphs."""

    name = "plain"
    description = "any plaintext: first line as title, blank-line separated paragraphs"

    def read(self, source: Source, edition: Edition) -> Conversion:
        blocks = split_blocks(source.text)
        date = None
        title = source.name
        for _, block in blocks[:3]:
            first_line = block.strip().splitlines()[0].strip()
            found = parse_date_line(first_line) if len(first_line) <= 60 else None
            if found and date is None:
                date = found
                continue
            title = " ".join(block.split())
            break
        body = E.body()
        for i, (_, block) in enumerate(blocks):
            text = block.strip()
            if i == 0 and " ".join(text.split()) == title:
                body.append(
                    E.head(text)
                )  # a heading only where TEI allows it: before the paragraphs
            elif date is not None and text.rstrip(".") == date.text:
                body.append(E.p(E.date(text, when=date.when)))
            else:
                body.append(E.p(text))
        if len(body) == 0:
            body.append(E.p(source.text.strip()))
        ensure_content(body)
        info = HeaderInfo(
            title=title[:300],
            source_filename=source.filename,
            source_sha256=source.sha256,
            encoding_decision=source.encoding_decision,
            date_when=date.when if date else "",
            date_text=date.text if date else "",
        )
        root = E.TEI(build_header(info, edition, source.name), E.text(body))
        root.set(XML_ID, source.name)
        root.set(XML_LANG, info.language)
        doc = TeiDocument(tree=etree.ElementTree(root), name=source.name)
        return Conversion(source=source, profile=self.name, documents=[doc])
