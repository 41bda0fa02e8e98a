"""Where a document of a compilation begins when no ``[Source: ...]`` line marks it.

The documents of a compilation share a shape: a title line naming the kind of document ("Memorandum of
Conversation with ...", "Report on ...", "Letter from ... to ...", "Record of ...", "Telegram ..."),
then a header zone (a date line or a dateline, classification stamps such as SECRET or "Copy No.", an
addressee, a salutation, "Translation from ..."), and at its end often a signature, a closing date and a
distribution list. A block is taken as a document start only when both hold:

- its *title shape*: a short line whose first word (after at most a few issuer words, such as
  "Party Committee") is a document kind followed by a linking word ("of", "from", "to", "by", "on",
  "with", ...) or a comma; numbered items, quotations, sentences and all-caps one-word headings are not
  titles;
- its *surroundings*: a header zone right after it, or the end of a document right before it.

Scores, not rules, so that one weak hint never splits a document: a body line that merely starts like a
title (followed by more prose) or a heading inside a long report (no header zone after it) stays inside.
"""

from __future__ import annotations

import re

from teiedit.readers.common.citation import source_line_body
from teiedit.readers.common.lines import (
    CLASSIFICATION,
    DISTRIBUTION_HEAD,
    NUMBERED,
    SIGNED,
    STAMP,
    TRANSLATION,
    Block,
    date_line,
    looks_like_prose,
    place_date_line,
)

_KINDS = (
    r"Letter|Memorandum|Memo|Record|Report|Telegram|Cable|Minutes|Notes?|Diary|Directive|Resolution|Decree|"
    r"Instructions?|Statement|Protocol|Transcript|Information|Excerpts?|Conversation|Message|Speech|Remarks|"
    r"Decision|Order|Appeal|Declaration|Summary|Circular|Dispatch|Despatch|Communiqu[ée]|Petition"
)
_LINK = r"(?:,|:|\s+(?i:of|from|to|by|on|with|for|about|concerning|regarding|between|sent|addressed|no\.))"
#: Up to four issuer words before the kind ("Party Committee Report on ..."): capitalised words or
#: acronyms, with "of", "the", "and" between them.
_ISSUER = r"(?:(?:[A-Z][A-Za-z'’.-]*|of|the|and)\s+){0,4}?"
_TITLE = re.compile(rf"^{_ISSUER}(?P<kind>(?i:{_KINDS}))(?={_LINK})")
_BOLD = re.compile(r"^\*\*(?P<t>.+?)\*\*$", re.DOTALL)
#: Auxiliaries that make a line ending in a full stop a sentence rather than a title.
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|shall|should|can|could|did|does)\b"
)
#: Words that open a sentence, not an issuer's name ("The report on ... was read").
_DETERMINER = re.compile(
    r"^(?:The|A|An|This|That|These|Those|His|Her|Its|Our|Their|My|Your|Every|No)\b"
)

_REGISTRY = re.compile(r"^(?:No\.|N°|Nr\.)\s*\S{1,20}$")
_ADDRESSEE = re.compile(r"^(?:To|Dear|Respected|Esteemed|My dear)\s+\S", re.IGNORECASE)
#: The end of a distribution list besides its head (DISTRIBUTION_HEAD): "4 copies", "2-Archive", "Typed by".
_DISTRIBUTION_LINE = re.compile(
    r"^(?:-?\s*\d+\s+copies\b|(?:no\.\s*)?\d{1,2}\s?-\s?\S.{0,40}$|(?:drafted|typed|issued|printed)\s+by\b)",
    re.IGNORECASE,
)

#: Minimum total score of a start without a source line, and its minimum structural part.
START_SCORE = 6
START_STRUCTURE = 2


def unbold(text: str) -> str:
    m = _BOLD.match(text)
    return m["t"] if m and "**" not in m["t"] else text


def title_shape(block: Block) -> int:
    """How much a block looks like a document's title (0: not a title at all)."""
    text = " ".join(unbold(block.text).split())
    if block.text.count("\n") > 1 or not 8 <= len(text) <= 250:
        return 0  # a title takes one line, or two when the PDF wrapped it
    if not text[0].isupper() or NUMBERED.match(text) or source_line_body(text) is not None:
        return 0
    if len(text.split()) < 3:
        return 0  # "DIARY", "RECEPTION": a heading of the document's own layout, not a title
    if text[-1] in "?!;" or (text[-1] == "." and (len(text.split()) > 15 or _FINITE.search(text))):
        return 0  # a sentence
    if not _TITLE.match(text) or _DETERMINER.match(text):
        return 0
    score = 3
    if _BOLD.match(block.text):
        score += 2
    if re.search(
        r"\b\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}\b|\b[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\b", text
    ):
        score += 1  # the document's date in its title
    return score


def _opening_mark(block: Block) -> int:
    """Weight of a block that belongs to a document's top (0 if it does not)."""
    one = block.one_line
    if len(one) > 160:
        return 0
    if date_line(block) or place_date_line(block) or CLASSIFICATION.match(one) or STAMP.match(one):
        return 2
    if source_line_body(block.text) is not None:
        return 2
    if (
        TRANSLATION.match(one)
        or _REGISTRY.match(one)
        or (_ADDRESSEE.match(one) and not looks_like_prose(block))
    ):
        return 1
    return 0


def _closing_mark(block: Block) -> int:
    """Weight of a block that ends a document (0 if it does not)."""
    one = block.one_line
    if source_line_body(block.text) is not None:
        return 2
    if len(one) > 160:
        return 0
    if DISTRIBUTION_HEAD.match(one) or _DISTRIBUTION_LINE.match(one) or SIGNED.match(one):
        return 2
    if date_line(block) or place_date_line(block):
        return 1
    return 0


def structure_around(blocks: list[Block], i: int) -> int:
    """Evidence from the blocks around ``blocks[i]`` that a document starts there."""
    score = 0
    # The top of a document: marks right after the title, before its first paragraph of prose.
    for b in blocks[i + 1 : i + 5]:
        if looks_like_prose(b):
            break
        score += _opening_mark(b)
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    if nxt is not None and nxt.text[:1].islower():
        score -= 3  # the "title" is the first half of a sentence
    # The end of the previous document: signature, closing date, distribution list, source line.
    if i > 0:
        score += max(_closing_mark(b) for b in blocks[max(0, i - 3) : i])
        prev = blocks[i - 1]
        if (
            prev.one_line[-1:] not in '.?!"”’)]'
            and len(prev.one_line.split()) > 4
            and not _closing_mark(prev)
        ):
            score -= (
                3  # the previous paragraph runs on into this line (a page break in mid-sentence)
            )
    return score


def start_score(blocks: list[Block], i: int) -> tuple[int, int]:
    """(title shape, structure around) of ``blocks[i]`` as a document start; (0, 0) if it is no title."""
    shape = title_shape(blocks[i])
    if not shape:
        return 0, 0
    return shape, structure_around(blocks, i)


def is_document_start(blocks: list[Block], i: int) -> bool:
    """A document without a source line starts at ``blocks[i]``."""
    shape, around = start_score(blocks, i)
    return shape > 0 and around >= START_STRUCTURE and shape + around >= START_SCORE


def ends_document(block: Block) -> bool:
    """A block that is a document's last (signature, closing date, distribution), never its title."""
    return _closing_mark(block) > 0 and source_line_body(block.text) is None
