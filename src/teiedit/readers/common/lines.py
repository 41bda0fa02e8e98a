"""Blocks of a plaintext source and the shapes of lines that readers recognise (dates, titles, labels).

A *block* is a run of non-blank lines. Readers classify blocks by their shape, never by their words
alone: a line that is a whole date, a short line ending in ``!`` after a title, a number followed by a
full stop at the start of a block, and so on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from teiedit.dates import FoundDate, parse_date_line

_BLOCK = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines: its 1-based first line number and its text (outer white space removed)."""

    line: int
    text: str

    @cached_property
    def one_line(self) -> str:
        return " ".join(self.text.split())

    @property
    def end_line(self) -> int:
        return self.line + self.text.count("\n")


def split_blocks(text: str) -> list[Block]:
    """Runs of non-blank lines, each with its 1-based starting line number (of its first non-blank char)."""
    return list(_split_blocks(text))


@lru_cache(maxsize=4)
def _split_blocks(text: str) -> tuple[Block, ...]:
    # Cached: every reader's detect() splits the same text; blocks are immutable.
    out: list[Block] = []
    for m in _BLOCK.finditer(text):
        raw = m.group(0)
        stripped = raw.strip()
        lead = raw[: len(raw) - len(raw.lstrip())]
        out.append(Block(text.count("\n", 0, m.start()) + lead.count("\n") + 1, stripped))
    return tuple(out)


def date_line(block: Block) -> FoundDate | None:
    """The date when the whole block is one date (``October 22, 1956``, ``22 October 1956``)."""
    if "\n" in block.text or len(block.text) > 40:
        return None
    return parse_date_line(block.text.strip("\u201c\u201d\"' "))


_PLACE_DATE = re.compile(
    r"^(?P<place>[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,2}),\s*(?P<date>\S.*)$"
)


def place_date_line(block: Block) -> tuple[str, int, FoundDate] | None:
    """``Moscow, 12 October 1956``: (place, offset of the date in the text, date); None otherwise."""
    if "\n" in block.text or len(block.text) > 70:
        return None
    m = _PLACE_DATE.match(block.text)
    if not m:
        return None
    found = parse_date_line(m["date"])
    return (m["place"], m.start("date"), found) if found else None


#: A numbered item: ``1. Text``, ``2) Text``, ``- 1. Text``.
NUMBERED = re.compile(r"^(?P<label>(?:-\s+)?(?P<n>\d{1,3})[.)])\s+\S")

#: A note body with its number first: ``[1]Editor's note: ...``, ``[12] text``.
BRACKET_NOTE = re.compile(r"^(?P<label>\[(?P<n>\d{1,3})\])\s*\S")

#: A note anchor in running text: ``word.[1]`` (not at the start of a line).
BRACKET_ANCHOR = re.compile(r"(?<=\S)\[(?P<n>\d{1,3})\]")

#: A note anchor written as HTML: ``<sup>5</sup>``.
SUP_ANCHOR = re.compile(r"\s?<sup>\s*(?P<n>\d{1,3})\s*</sup>")

#: A classification or registry mark at a document's top: "SECRET", "Top Secret", "Secret. Copy No. 1",
#: "Copy No. 2", "For official use only", "Strictly confidential".
CLASSIFICATION = re.compile(
    r"^\[?\s*(?:(?:top\s+|strictly\s+)?secret\b|(?:strictly\s+)?confidential\b|copy\s+n(?:o\.?|°|r\.?)\s*\d|"
    r"for\s+official\s+use\b|urgent\b|personal\b)",
    re.IGNORECASE,
)
#: The head of a distribution list: "[Distribution list]:", "4 copies sent", "- 3 copies issued".
DISTRIBUTION_HEAD = re.compile(
    r"^(?:\[?distribution(?: list)?\]?:?|-?\s*\d+\s+copies\s+(?:sent|issued|printed)\b)",
    re.IGNORECASE,
)
#: An archive's stamp as the source's editor describes it: "[Stamp: ...]", "Stamp of the ...".
STAMP = re.compile(r"^\[?\s*stamp\b", re.IGNORECASE)

#: A title that says what kind of document follows (Letter from X to Y; Memorandum of Conversation ...).
_DOC_KINDS = (
    r"Letter|Memorandum|Memo|Record|Report|Telegram|Cable|Note|Minutes|Diary|Statement|Resolution|"
    r"Directive|Decree|Instruction|Remarks|Conversation|Speech|Protocol|Draft|Excerpt|Transcript|"
    r"Information|Notes"
)
#: Who issued it, before the kind ("Soviet Embassy Report", "CC Directive"): one to three capitalised words or
#: acronyms, not an article, pronoun or preposition ("The report was ..." is a sentence). No names in code.
_ISSUER = (
    r"(?:(?!(?:The|A|An|This|That|These|Those|Some|Any|In|On|At|By|For|From|With|To|As|It|He|She|We|"
    r"They|I|His|Her|Their|Our|Its|My)\b)[A-Z][\w.'\u2019-]*\s+){1,3}"
)
DOC_TITLE = re.compile(
    # with an issuer, the kind is capitalised too; alone, it may be in any case ("MEMORANDUM", "Report")
    rf"^(?:\*\*)?(?:(?-i:{_ISSUER}(?:{_DOC_KINDS}))|(?:{_DOC_KINDS}))\b",
    re.IGNORECASE,
)

#: "Letter from X to Y" / "Letter, X to Y, 12 October 1956".
LETTER_TITLE = re.compile(
    r"^(?:\*\*)?(?P<kind>Letter|Telegram|Cable|Message|Note|Open letter)\b,?\s+(?:from\s+)?"
    r"(?P<sender>.+)\s+to\s+(?P<addressee>.+?)(?:,\s*(?P<date>[^,]*\d{4}))?\.?(?:\*\*)?$",
    re.IGNORECASE,
)


def letter_title(text: str) -> re.Match[str] | None:
    """``LETTER_TITLE`` on a title-sized text only (a long line is not a title, and would be slow)."""
    return LETTER_TITLE.match(text) if len(text) <= 400 else None


#: "Translation from Korean", "Translated from the Russian".
TRANSLATION = re.compile(r"^Translat(?:ion|ed)\s+from\s+(?:the\s+)?(?P<lang>[A-Z][a-z]+)\.?$")

#: A salutation: short line opening with Dear/To or ending with ! or :.
SALUTE = re.compile(
    r"^(?:(?:dear|to|my dear|respected|esteemed)\b.{0,120}|.{0,120}[!:])$", re.IGNORECASE
)

#: Signature-like lines: "Authenticated: [signed] X", "/V. IVANOV/", "(I. Vinogradov)", "Signed: ..."
SIGNED = re.compile(
    r"^(?:authenticated|signed|signature|sincerely|respectfully|yours)\b|^\[sign(?:ed|ature)\]|^/[^/]{2,60}/$|"
    r"^\([A-Z][^()]{2,60}\)$",
    re.IGNORECASE,
)

#: A translator's or editor's statement about the text itself (kept, and copied into editorialDecl).
EDITORIAL_STATEMENT = re.compile(
    r"\b(?:orthography|punctuation|spelling)\b.*\b(?:original|source)\b", re.IGNORECASE
)

LANGUAGE_CODES = {
    "korean": "ko",
    "russian": "ru",
    "chinese": "zh",
    "german": "de",
    "japanese": "ja",
    "french": "fr",
    "hungarian": "hu",
    "polish": "pl",
    "czech": "cs",
    "romanian": "ro",
    "bulgarian": "bg",
    "albanian": "sq",
    "mongolian": "mn",
    "vietnamese": "vi",
    "english": "en",
    "spanish": "es",
}


def is_short(block: Block, limit: int = 160) -> bool:
    return len(block.one_line) <= limit


def looks_like_prose(block: Block) -> bool:
    """A paragraph of running text: long enough and ending like a sentence."""
    return len(block.one_line) > 160 or (
        len(block.one_line) > 60 and block.one_line[-1:] in '.?!"”’)'
    )
