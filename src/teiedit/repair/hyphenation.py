"""Words hyphenated across a line break (``lib-`` / ``eration``), or split by a hyphen and a space where the
extraction flattened the line break (``inter- national``), inside one text.

A hyphen at the end of a line followed by a lowercase word on the next line (or two halves in capitals,
``NEGOTIAT-`` / ``IONS``) is a layout hyphen when the two
halves joined make a known word, unless both halves are words more common than the joined form (then it is
a compound: ``well-`` / ``known`` stays). Decided by the word list, like every repair.

The same split inside a line is joined by the same test, with three more guards, since a hyphen and a space
are also written on purpose: a capitalised right half is a compound of names (``Soviet- Korean``, unless
both halves are in capitals, as in a title set in capitals); a conjunction after the hyphen is a suspended
hyphen (``pre- and post-war``); and a left half that continues a hyphenated compound or a number
(``large-scale- operations``, ``18th- and``) is left as it stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from teiedit.repair.model import EnglishModel
from teiedit.repair.record import Repair

#: The hyphens a layout breaks words with: the hyphen-minus, the soft hyphen (which an extraction may keep
#: as a character) and the Unicode hyphen.
HYPHENS = "\u00ad\u2010-"  # the hyphen-minus last: literal at the end of a character class
_BROKEN = re.compile(rf"\b([^\W\d_]{{2,}})[{HYPHENS}][ \t]*\n[ \t]*([^\W\d_]{{2,}})\b")
#: A hyphen and white space inside a line (no-break spaces included): the left half not glued to a word,
#: a digit or another hyphen.
_SPACED = re.compile(
    rf"(?<![\w{HYPHENS}])([^\W\d_]{{2,}})[{HYPHENS}][ \t\u00a0]+([^\W\d_]{{2,}})\b"
)
#: Whether a text may hold a split inside a line at all (most paragraphs do not): one search in C.
_SPACED_HINT = re.compile(rf"[{HYPHENS}][ \t\u00a0]")
#: Words after which a hyphen is suspended (``pre- and post-war``, ``mid- to late``), in the languages of the
#: word lists' neighbours: the left half is a word of its own waiting for the shared right half.
SUSPENDED_BEFORE = frozenset("and or nor to through und oder et ou".split())

METHOD_LINE = "joined across a line break"
METHOD_SPACE = "joined across a hyphen and a space (a line break the extraction flattened)"


def find_hyphenation(text: str, model: EnglishModel) -> Iterator[Repair]:
    """The words of ``text`` broken by a layout hyphen, joined (line ends, then splits inside a line)."""
    if "\n" in text:  # a text without line breaks (most paragraphs) has no word broken across one
        for m in _BROKEN.finditer(text):
            head, tail = m.group(1), m.group(2)
            if not tail[0].islower() and not (head.isupper() and tail.isupper()):
                continue  # a name or a compound of names; a line set in capitals is read as words
            joined = head + tail
            if _compound(head, tail, joined, model):
                continue
            yield Repair(m.start(), m.end(), m.group(0), joined, "hyphenation", "high", METHOD_LINE)
    if _SPACED_HINT.search(text):
        yield from find_spaced(text, model)


def find_spaced(text: str, model: EnglishModel) -> Iterator[Repair]:
    """Words split by a hyphen and a space inside a line (``inter- national``), joined where they are one."""
    for m in _SPACED.finditer(text):
        head, tail = m.group(1), m.group(2)
        joined = join_spaced(head, tail, model)
        if joined is None:
            continue
        # both halves words of their own: the join is likely, not certain
        cert = "medium" if model.known(head) and model.known(tail) else "high"
        yield Repair(m.start(), m.end(), m.group(0), joined, "hyphenation", cert, METHOD_SPACE)


def join_spaced(head: str, tail: str, model: EnglishModel) -> str | None:
    """``head`` + ``tail`` when the hyphen and space between them split one word, else None."""
    if tail.lower() in SUSPENDED_BEFORE:
        return None
    capitals = head.isupper() and tail.isupper()
    if tail[0].isupper() and not capitals:
        return None  # a compound of names: Soviet- Korean, Guinea- Bissau
    joined = head + tail
    if _compound(head, tail, joined, model):
        return None
    return joined


def _compound(head: str, tail: str, joined: str, model: EnglishModel) -> bool:
    """True unless ``joined`` is a known word at least as common as one of the halves (``well-known``:
    both halves far more common than ``wellknown``, a compound)."""
    f = model.known(joined)
    return not f or min(model.known(head), model.known(tail)) > f


def join_split_words(text: str, model: EnglishModel) -> tuple[str, list[Repair]]:
    """``text`` with its split words joined (a title or an abstract of the header, written as one
    reading), and the joins (offsets into ``text``)."""
    found = sorted(find_hyphenation(text, model), key=lambda r: r.start)
    if not found:
        return text, []
    out: list[str] = []
    at = 0
    for r in found:
        out.append(text[at : r.start])
        out.append(r.reading)
        at = r.end
    out.append(text[at:])
    return "".join(out), found
