"""What every reader takes and returns: a decoded source in, TEI documents and a set-aside list out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from teiedit.config import Edition
from teiedit.diagnostics import Diagnostic
from teiedit.document import TeiDocument
from teiedit.text import Replaced


@dataclass(frozen=True)
class Source:
    """A plaintext source ready for a reader."""

    text: str
    name: str  # the slug used for document ids, from the file stem
    filename: str  # the file name as given, recorded in the header
    sha256: str
    encoding_decision: str = "decoded as UTF-8"
    #: Characters of the file XML cannot hold, which ``text`` has as U+FFFD (see teiedit.text).
    replaced: tuple[Replaced, ...] = ()


@dataclass(frozen=True)
class SetAside:
    """A span of the source that is not in the TEI, with the reason (e.g. web-site boilerplate)."""

    text: str
    reason: str
    line: int = 0
    offset: int = -1  # where the text starts in the source, when the reader knows it

    def to_json(self) -> dict[str, object]:
        return {"text": self.text, "reason": self.reason, "line": self.line}


@dataclass(frozen=True)
class Span:
    """A piece of source text the TEI carries differently from where it stood.

    ``kind`` is ``"label"`` for characters carried by an attribute (a list item's or a note's number in
    ``@n``, a note anchor ``[1]`` or ``<sup>1</sup>`` replaced by the note itself) or ``"moved"`` for a
    note body placed at its anchor instead of where the source had it. The round-trip check uses these
    to give back the source's order; the report lists them under ``decisions``.
    """

    line: int
    text: str
    kind: str  # "label" | "moved"
    before: str = (
        ""  # the text just before it on its line, to tell "1" after "time." from "1" in "1951"
    )
    offset: int = -1  # where the text starts in the source, when the reader knows it

    def to_json(self) -> dict[str, object]:
        return {"line": self.line, "text": self.text, "kind": self.kind}


def context_before(text: str, pos: int, width: int = 16) -> str:
    """Up to ``width`` characters before ``pos`` on the same line (for ``Span.before``)."""
    start = max(text.rfind("\n", 0, pos) + 1, pos - width)
    return text[start:pos]


@dataclass
class Conversion:
    """What a reader made of one source."""

    source: Source
    profile: str
    documents: list[TeiDocument] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    orphan_notes: list[dict[str, object]] = field(default_factory=list)
    repairs: list[dict[str, object]] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    #: Warnings about the conversion (decisions taken with low confidence), with their place
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: For a split compilation: the name of the document that lists the parts (not itself source text).
    whole: str = ""


class Reader(Protocol):
    """A source profile: turns one kind of plaintext into TEI (the cascade decides the kind; a user
    may force a profile with ``--profile``)."""

    name: str
    description: str

    def read(self, source: Source, edition: Edition) -> Conversion:
        """Convert the source to one or more minimal valid TEI documents."""
        ...
