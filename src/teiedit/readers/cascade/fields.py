"""Header fields from labelled blocks: title, the document's date, authors, correspondents, citation.

Each function reads the blocks the labeller gave one role (the title, the datelines, the byline, the
metadata fields) and cleans what the layout added (Markdown marks, a document number before a title, a
note call after it, "By" before a name). Dates are parsed by ``teiedit.dates``; which date is the
document's is decided here: its dateline first, then a date field of the page ("Written:", "Published
on"), then (for archival documents only) the date in its title. A date in running text never is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teiedit.dates import find_dates, find_full_dates
from teiedit.months import MONTHS
from teiedit.readers.cascade.model import Labelled

_MARKDOWN_EDGE = re.compile(r"^[#>*\s]+|[*\s]+$")
_DOC_NUMBER = re.compile(
    r"^(?:\d{1,4}\s+)?(?:document\s+no\.?\s*\d+[a-z]?\s*[:.]\s*|\d{1,4}\.\s+(?=[A-Z]))",
    re.IGNORECASE,
)
_TRAILING_CALL = re.compile(r"(?<=[A-Za-z)\]])\s*(?:\d{1,3}|\*+)$")
_LABEL_PREFIX = re.compile(r"^(?:title|subject|re)\s*:\s*", re.IGNORECASE)


#: A cover page's fields run on after the title ("... Cold War Author(s): A. Belkin Source: ...").
_COVER_FIELDS = re.compile(
    r"\s(?:Author\(s\)|Authors?|Source|Published by|Stable URL|Reviewed work\(s\))\s?:\s.*$"
)


def clean_title(text: str) -> str:
    """A title as an editor would write it: one line, no Markdown marks, number or trailing note call."""
    one = _COVER_FIELDS.sub("", " ".join(text.split()))
    one = _MARKDOWN_EDGE.sub("", one)
    one = _LABEL_PREFIX.sub("", one)
    one = _DOC_NUMBER.sub("", one)
    one = _TRAILING_CALL.sub("", one).strip()
    return one[:300]


# -- correspondents ---------------------------------------------------------------------------------------

_KIND_WORD = (
    r"(?:letter|telegram|cable|message|note|memorandum|memo|directive|instructions?|dispatch|"
    r"despatch|circular|open\s+letter)"
)
#: sender up to the last "to" (a role may hold one: "Ambassador to the USSR Ri Sang-jo to Kim Il Sung")
_FROM_TO = re.compile(
    rf"^(?:{_KIND_WORD}\b[,:]?\s*)?(?:from\s+)?(?P<a>.+)\s+to\s+(?P<b>.+)$", re.IGNORECASE
)
_TO = re.compile(r"\sto\s+\S", re.IGNORECASE)


def _head(title: str) -> str:
    """A title up to the first comma or colon after its "to" (what follows is a date, an apposition or
    a subject): "Letter, Li Sangjo to the KWP CC, 12 October 1956" -> "Letter, Li Sangjo to the KWP CC"."""
    m = _TO.search(title)
    if not m:
        return title
    cut = re.search(r"[,:]", title[m.end() :])
    return title[: m.end() + cut.start()] if cut else title


_TO_FROM = re.compile(rf"^(?:{_KIND_WORD}\s+)?to\s+(?P<b>.+?)\s+from\s+(?P<a>.+)$", re.IGNORECASE)
_TO_ONLY = re.compile(rf"^(?:{_KIND_WORD}\s+)?to\s+(?P<b>.+)$", re.IGNORECASE)
_FROM_ONLY = re.compile(rf"^(?:{_KIND_WORD}\s*,?\s*)?from\s+(?P<a>.+)$", re.IGNORECASE)
#: What follows a correspondent's name in a title: a date, a subject, a place.
_TAIL = re.compile(
    r"\s*(?:,|\b(?i:concerning|regarding|about|on\s+the|re:)\b|[-–—:]\s|\s(?:In|At)\s+[A-Z]\S*$).*$"
)
#: A title that asks or says something ("How Udo Wanted to Save ...") names no correspondents.
_NOT_A_NAME = re.compile(
    r"^(?:how|why|what|when|where|who|whose|is|are|was|were|do|does|did)\b", re.I
)


@dataclass
class Correspondents:
    sender: str = ""
    addressee: str = ""


def _name(text: str) -> str:
    text = _TAIL.sub("", text.strip(" .,;:'\"‘’“”"))
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.IGNORECASE)
    text = _KIND_AFTER.sub("", text)  # "CPSU CC Directive" (to ...): the issuer is "CPSU CC"
    return text.strip(" ,.;:")


_KIND_AFTER = re.compile(rf"\s+{_KIND_WORD}$", re.IGNORECASE)


def correspondents(title: str, *, weak: bool = True) -> Correspondents:
    """Sender and addressee as a title names them ("Letter from X to Y", "To Y from X", "X to Y").

    ``weak`` also reads a title that names one side only ("To Maxim Gorky", "From X").
    """
    t = " ".join(title.split())
    if len(t) > 400 or _NOT_A_NAME.match(t):
        return Correspondents()
    found = Correspondents()
    first_part = _head(t)  # before a date, an apposition or a subject
    if m := _TO_FROM.match(t):
        found = Correspondents(_name(m["a"]), _name(m["b"]))
    elif (m := _FROM_TO.match(first_part)) and not t.lower().startswith("to "):
        found = Correspondents(_name(m["a"]), _name(m["b"]))
    elif weak and (m := _TO_ONLY.match(t)):
        found = Correspondents("", _name(m["b"]))
    elif weak and (m := _FROM_ONLY.match(t)):
        found = Correspondents(_name(m["a"]), "")
    # a name is a few words; a longer stretch is a clause of a title, not a correspondent
    if len(found.sender.split()) > 8 or len(found.addressee.split()) > 10:
        return Correspondents()
    return found


_INVERTED = re.compile(r"^(?P<last>[^,]{2,40}),\s*(?P<first>[^,]{2,40})$")


def uninvert(name: str) -> str:
    """ "Hamilton, Alexander" -> "Alexander Hamilton" (a catalogue's inverted name)."""
    m = _INVERTED.match(name.strip())
    return f"{m['first']} {m['last']}" if m else name.strip()


_FIELD = re.compile(
    r"^\[?(?P<label>[A-Za-z][\w /()\\.&-]{0,40}?)\]?(?:\{[^}]*\})?\s*:\s*(?P<value>.*)$"
)


def field(block: Labelled) -> tuple[str, str] | None:
    """A metadata line's (label in lower case, value), or None when it is no "Label: value" line."""
    m = _FIELD.match(block.one_line)
    if not m:
        return None
    return m["label"].strip().lower(), m["value"].strip().rstrip("\\;").strip()


# -- dates -------------------------------------------------------------------------------------------------

#: Labels of page fields that give the document's own date, and those that never do.
_DATE_FIELDS = re.compile(r"\b(?:written|dated?|publication\s+date|published|issued|sent)\b", re.I)
_NOT_DATE_FIELDS = re.compile(
    r"\b(?:creation|release|upload|uploaded|accessed|access|printed|render|received|recd)\b",
    re.IGNORECASE,
)
_DATE_WORDS = re.compile(r"\b(?:published|written|dated|issue|posted)\b", re.IGNORECASE)


_GLUED_YEAR = re.compile(r"(?<=\b\d)(\d?),(?=(?:1[5-9]|20)\d\d\b)")


def first_date(text: str) -> dict[str, str] | None:
    """The TEI date attributes of the first full or partial date in ``text`` (not a bare day-month);
    a year glued to the day's comma ("August 16,1968") is read as if the space were there."""
    head = text[:400]
    head = _SPLIT_MONTH.sub(_joined_month, head)
    found = _first_date(head)
    if found is None and _GLUED_YEAR.search(head):
        found = _first_date(_GLUED_YEAR.sub(r"\1, ", head))
    return found


#: A word split by a layout hyphen and white space (a line break, or one a PDF extraction flattened into a
#: space: "11 Sept- ember 1969"); read as one word when it is a month's name.
_SPLIT_MONTH = re.compile(r"\b([A-Za-z]{2,})[\u00ad\u2010-]\s+([a-z]{2,})\b")


def _joined_month(m: re.Match[str]) -> str:
    joined = m[1] + m[2]
    return joined if joined.lower() in MONTHS else m[0]


def _first_date(head: str) -> dict[str, str] | None:
    full = find_full_dates(head)  # also reads days of years the running-text finder leaves out
    for d in find_dates(head):
        attrs = {k: v for k, v in d.attrs.items() if v}
        value = attrs.get("when") or attrs.get("from") or attrs.get("notBefore") or ""
        if full and full[0].start < d.start:
            break
        if value and value[0].isdigit():
            return {**attrs, "text": d.text}
    if full:
        return {"when": full[0].when, "text": full[0].text}
    return None


def date_from_fields(blocks: list[Labelled]) -> dict[str, str] | None:
    """The date of a "Written: ..." / "Publication Date: ..." field (the value may be on the next line)."""
    for i, b in enumerate(blocks):
        if b.label not in ("meta", "dateline", "byline", "opener"):
            continue
        f = field(b)
        text = b.one_line
        if f is not None:
            label, value = f
            if _NOT_DATE_FIELDS.search(label) or not _DATE_FIELDS.search(label):
                continue
            if not value and i + 1 < len(blocks):
                value = blocks[i + 1].one_line
            found = first_date(value)
        elif _DATE_WORDS.search(text[:80]) and not _NOT_DATE_FIELDS.search(text[:80]):
            found = first_date(text)
        else:
            continue
        if found:
            return found
    return None
