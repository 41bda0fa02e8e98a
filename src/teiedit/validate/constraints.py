"""The edition's own Schematron rules checked in lxml, without Saxon, for the documents that pass them.

Running the compiled Schematron costs a serialisation of the tree, a parse in Saxon and the transform:
about twice the parse and RELAX NG validation together. The rules teiedit's ODD writes need little more
than XPath 1, so each of its patterns has a check here that answers one question: does this document
certainly pass the pattern? A document that passes every pattern has no Schematron finding and Saxon is
not called. Any doubt (a failure, a date written in a form the check does not decide) sends the document
to Saxon, which reports exactly as before: the messages, their order and their locations come from one
place only.

Each check is pinned to the text of the pattern it was written from (:data:`PINS`, a hash of the pattern
and the schema-level declarations it reads). A schema whose patterns are not all pinned here (another
ODD's, or this ODD after a constraint changed) is run in Saxon whole: a stale check can never pass a
document that the schema would fail. tests/test_validate_constraints.py compares the checks with Saxon's verdicts.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from teiedit.document import TEI_NS

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
_NS = {"tei": TEI_NS}
_XML_SPACE = re.compile(r"[ \t\r\n]+")


@dataclass(frozen=True)
class Document:
    """What the checks read: the tree, and the register ids pointers may name."""

    tree: etree._ElementTree
    register_ids: frozenset[str]
    have_registers: bool


def _tokens(value: str) -> list[str]:
    """XPath's tokenize($s): split on XML white space, nothing empty."""
    return [t for t in _XML_SPACE.split(value) if t]


_POINTERS = etree.XPath("//@ref | //@target | //@who | //@resp | //@corresp", smart_strings=False)
_PEOPLE = etree.XPath("//@who | //@resp", smart_strings=False)
_IDS = etree.XPath("//@xml:id", smart_strings=False)


def pointers_resolve(d: Document) -> bool:
    # without registers only @resp and @who must resolve; each distinct value is looked at once
    values = set(_POINTERS(d.tree) if d.have_registers else _PEOPLE(d.tree))
    known = set(_IDS(d.tree)) | d.register_ids
    return all(t in known for value in values for t in _local_targets(value))


@lru_cache(maxsize=1 << 16)
def _local_targets(value: str) -> tuple[str, ...]:
    """The ids a pointer's ``#id`` tokens name (values repeat across documents: split once)."""
    return tuple(t[1:] for t in _tokens(value) if t.startswith("#"))


# -- dates: only forms whose verdict is certain pass here; every other form goes to Saxon ------------
_TZ = r"(Z|[+-](0\d|1[0-3]):[0-5]\d|[+-]14:00)?"
_YEAR = r"(?!0000)\d{4}"
_SIMPLE_DATE = re.compile(rf"^{_YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]){_TZ}$")
_SIMPLE_YEAR = re.compile(rf"^{_YEAR}{_TZ}$")
_SIMPLE_YEAR_MONTH = re.compile(rf"^{_YEAR}-(0[1-9]|1[0-2]){_TZ}$")
_SIMPLE_MONTH_DAY = re.compile(rf"^--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]){_TZ}$")
_SIMPLE_DATE_TIME = re.compile(
    rf"^({_YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?{_TZ}$"
)
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _day_exists(year: int | None, month: int, day: int) -> bool:
    if day > _DAYS[month - 1]:
        return False
    if month == 2 and day == 29 and year is not None:
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return True


def _is_date(value: str) -> bool:
    """``value`` (white space trimmed) is certainly castable as xs:date."""
    if not _SIMPLE_DATE.match(value):
        return False
    return _day_exists(int(value[:4]), int(value[5:7]), int(value[8:10]))


@lru_cache(maxsize=1 << 16)
def certainly_iso(value: str) -> bool:
    """``value`` is certainly castable as xs:date, xs:gYear, xs:gYearMonth, xs:dateTime or
    xs:gMonthDay (False: not certain either way)."""
    value = value.strip(" \t\r\n")
    if _SIMPLE_YEAR.match(value) or _SIMPLE_YEAR_MONTH.match(value) or _is_date(value):
        return True
    if _SIMPLE_MONTH_DAY.match(value):
        return _day_exists(None, int(value[2:4]), int(value[5:7]))
    found = _SIMPLE_DATE_TIME.match(value)
    return found is not None and _is_date(found.group(1))


def _range_passes(low: str | None, high: str | None) -> bool:
    """``not(low castable as xs:date and high castable as xs:date) or xs:date(low) le xs:date(high)``,
    when certain; False when not (Saxon then decides)."""
    if low is None or high is None:
        return True
    a, b = low.strip(" \t\r\n"), high.strip(" \t\r\n")
    a_date, b_date = _is_date(a), _is_date(b)
    if a_date and b_date:
        return len(a) == len(b) == 10 and a <= b  # no time zones: plain dates compare as text
    # a year, a month or a date-time is certainly not an xs:date
    return (a_date or certainly_iso(a)) and (b_date or certainly_iso(b))


_DATES = etree.XPath(
    "//@when | //@notBefore | //@notAfter"
    " | //tei:*[not(self::tei:biblScope)]/@from | //tei:*[not(self::tei:biblScope)]/@to",
    namespaces=_NS,
    smart_strings=False,
)
_RANGES = etree.XPath(
    "//tei:*[(@from and @to) or (@notBefore and @notAfter)][not(self::tei:biblScope)]",
    namespaces=_NS,
)


def dates_iso(d: Document) -> bool:
    if not all(certainly_iso(v) for v in set(_DATES(d.tree))):
        return False
    return all(
        _range_passes(el.get("from"), el.get("to"))
        and _range_passes(el.get("notBefore"), el.get("notAfter"))
        for el in _RANGES(d.tree)
    )


def note_numbers_unique(d: Document) -> bool:
    scopes: dict[etree._Element | None, str] = {}
    keys: Counter[str] = Counter()
    for note in d.tree.xpath("//tei:note[@n]", namespaces=_NS):
        scope = next(note.iterancestors(f"{{{TEI_NS}}}TEI"), None)
        # the schema joins generate-id(TEI) | @place | @n with '|': the same string, the same key
        gid = scopes.setdefault(scope, f"d{len(scopes)}" if scope is not None else "")
        keys[f"{gid}|{note.get('place', '')}|{note.get('n', '')}"] += 1
    return all(n == 1 for n in keys.values())


_NAMED = "[tei:persName | tei:orgName | tei:name | tei:rs]"
_LETTER_WITHOUT_CORRESPONDENTS = (
    "//tei:TEI[tei:teiHeader/tei:profileDesc/tei:textClass/tei:keywords/tei:term"
    "[not(@type) or @type = 'kind']"  # a keyword "letter" (a term of type "keyword") is no kind
    "[normalize-space() = 'letter' or normalize-space() = 'telegram']"
    " or tei:text/tei:body/tei:div[@type = 'letter' or @type = 'telegram']]"
    "[not(tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']"
    f"{_NAMED}) or not(tei:teiHeader/tei:profileDesc/tei:correspDesc"
    f"/tei:correspAction[@type = 'received']{_NAMED})]"
)


def letters_have_corresp_desc(d: Document) -> bool:
    return not d.tree.xpath(_LETTER_WITHOUT_CORRESPONDENTS, namespaces=_NS)


def ids_unique(d: Document) -> bool:
    ids = _IDS(d.tree)
    return len(ids) == len(set(ids))


_INCOMPLETE_CHOICE = (
    "//tei:choice[not(count(*) >= 2 and (not(tei:sic | tei:corr) or (tei:sic and tei:corr))"
    " and (not(tei:orig | tei:reg) or (tei:orig and tei:reg)) and (not(tei:expan) or tei:abbr))]"
)


def choice_both_readings(d: Document) -> bool:
    return not d.tree.xpath(_INCOMPLETE_CHOICE, namespaces=_NS)


Check = Callable[[Document], bool]

#: Each check, by the id of the pattern it stands for.
CHECKS: dict[str, Check] = {
    "pointers-resolve": pointers_resolve,
    "dates-iso": dates_iso,
    "note-numbers-unique": note_numbers_unique,
    "letters-have-correspDesc": letters_have_corresp_desc,
    "ids-unique": ids_unique,
    "choice-both-readings": choice_both_readings,
}

#: The pattern text each check was written from (:func:`pattern_hash`): another text, no fast check.
PINS: dict[str, str] = {
    "pointers-resolve": "ce7676cde968d3c8",
    "dates-iso": "8d9bf3c0ace28f2c",
    "note-numbers-unique": "4d42817c3445d68f",
    "letters-have-correspDesc": "f4d3f4b73021b08e",
    "ids-unique": "09cba9b6551445ef",
    "choice-both-readings": "e882134b4e847c91",
}


def pattern_hash(schema: etree._Element, pattern: etree._Element) -> str:
    """A hash of a pattern's text and of what it reads from the schema (its namespaces and lets)."""
    h = hashlib.sha256()
    for el in schema:
        if isinstance(el.tag, str) and el.tag in (f"{{{SCH_NS}}}ns", f"{{{SCH_NS}}}let"):
            h.update(etree.tostring(el, method="c14n"))
    h.update(etree.tostring(pattern, method="c14n"))
    return h.hexdigest()[:16]


def schema_patterns(sch: Path) -> list[tuple[str, str]]:
    """(id, hash) of every pattern of a Schematron schema."""
    from teiedit.io import read_xml

    root = read_xml(sch).getroot()
    return [(p.get("id", ""), pattern_hash(root, p)) for p in root.iter(f"{{{SCH_NS}}}pattern")]


@lru_cache(maxsize=8)
def _checks_for(sch: Path, _mtime: int, _size: int) -> tuple[Check, ...] | None:
    try:
        patterns = schema_patterns(sch)
    except Exception:  # noqa: BLE001 -- an unreadable schema is Saxon's to report
        return None
    if not patterns or any(PINS.get(pid) != h for pid, h in patterns):
        return None
    return tuple(CHECKS[pid] for pid, _ in patterns)


def checks_for(sch: Path) -> tuple[Check, ...] | None:
    """The checks of every pattern of ``sch``, or None when one of its patterns has no pinned check."""
    try:
        st = Path(sch).stat()
    except OSError:
        return None
    return _checks_for(Path(sch), st.st_mtime_ns, st.st_size)


def passes(tree: etree._ElementTree, sch: Path, register_ids: Sequence[str]) -> bool:
    """The document certainly has no finding of the Schematron ``sch`` (False: run the schema)."""
    checks = checks_for(sch)
    if checks is None:
        return False
    # the schema reads the ids as one space-separated parameter: tokenised, as the schema does
    joined = " ".join(register_ids)
    d = Document(tree, frozenset(_tokens(joined)), bool(_tokens(joined)))
    return all(check(d) for check in checks)
