"""What the words around a register name say about it.

A name found in the text may be part of something longer: a bare family name next to another given name
(``Kim Tu-bong`` when only ``Kim Il Sung`` is in the register, ``Suzy Kim``), a place or a person inside a
longer name (``Warsaw Pact``, ``George Washington``, ``Kim Il Sung University``, a romanised publisher's
name in a citation), and it may stand in a bibliographic citation, where runs of capitalised words are
titles and imprints rather than prose. The word lists below are data about English text, not about any
source: capitalised words that are no names, titles before names, and head nouns of institutions.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from lxml import etree
from wordfreq import zipf_frequency

from teiedit.document import TEI_NS
from teiedit.registers import Entry

#: Capitalised words that are no given names and no parts of names (sentence openers, months, titles,
#: document words, adjectives of nationality and of politics).
NOT_NAMES = frozenset(
    re.findall(
        r"\S+",
        """
A An The This That These Those In On At To For From By With Of And Or But If As It Its He She They We I You
Our Their His Her My Your Who What When Where Why How Which There Here Then Thus Therefore However Moreover
Further Furthermore First Second Third Fourth Fifth Finally Also Even Only After Before Since Until During
January February March April May June July August September October November December Comrade Comrades
Cde Cdes Dear Top Secret Copy No Source Translation Memorandum Record Letter Report Diary Document Documents
Ambassador Minister Premier Chairman Secretary General Deputy Vice Department Committee Central Plenum
Congress Party Presidium Embassy Ministry State People's Peoples' Republic Communist Workers' Democratic
Soviet Soviets Korean Koreans Chinese Japanese Russian American British North South East West Eastern
Western Northeastern Great Leninist Marxist Marxism-Leninism Marxist-Leninist Bolsheviks Ibid Fond Opis
Delo List Listy Accessed Online Notes Note See Stamp Distribute Attachment Typed Drafted Issued Issue
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Dr Prof Professor President Marshal
Director Chief Counsellor Councilor Councillor Counselor Consul Chargé Attaché Comrade's Premier's Chairman's
Leader Envoy Official Officer Academician Correspondent Instructor Referent Head Member Candidate Delegate
Generalissimo Lieutenant Colonel Major Captain Commander Admiral Editor Translator Interpreter Citizen
Said Says Asked Told Yours Sincerely Regards Cf Vol Vols Ed Eds Trans Pp Ch Chapter Part Section Nr
Also Both Each Every All Some Many Most Other Another Such No Not Nor Yet So Too Very Just Now Today
According Although Because Whereas While Though Unless Upon Into Onto Over Under Between Among Against
Former Late New Old Young Elder Younger Senior Junior Mister Madam Sir Lord Lady Saint St
Modern Ancient Medieval Imperial Socialist Greater Upper Lower Inner Outer Northern Southern Colonial
Occupied Free Liberated Divided Contemporary Postwar Wartime Revolutionary Red Early Making History
Crisis Struggle War Revolution Politics Relations Policy Origins Rise Fall
""",
    )
)
#: Head nouns after which a name is part of the name of an institution, a publication, a prize, a street, a
#: treaty (words such as Party or Committee are left out: "Pyongyang City Committee" still names the city).
INSTITUTION_HEADS = frozenset(
    re.findall(
        r"\S+",
        """
University Universities Institute Institution Academy College School Museum Library Archive Archives
Foundation Center Centre Society Association Agency Bureau Press Publishers Publishing Publications
Journal Review Quarterly Bulletin Studies Yearbook Times Post Herald Daily Tribune Gazette Radio
Television Pact Treaty Accords Prize Award Medal Square Street Avenue Road Boulevard Bridge Station
Stadium Hall Palace Airport Harbour Harbor Hospital Hotel Theatre Theater Wall Doctrine Handbooks
Handbook Encyclopedia Dictionary Papers Project Program Programme Bank Company Corporation
""",
    )
)

_WORD = r"[^\W\d_][\w'’\u2010\-]*"
_BEFORE = re.compile(rf"(?<![\w'’\-.])({_WORD}\.?)[ \t\n\xa0]+$")
_AFTER = re.compile(rf"^[ \t\n\xa0]+({_WORD}\.?)")
_BEFORE_ON_LINE = re.compile(rf"(?<![\w'’\-.])({_WORD}\.?)[ \t\xa0]+$")
_AFTER_ON_LINE = re.compile(rf"^[ \t\xa0]+({_WORD}\.?)")
_INITIAL = re.compile(r"[A-Z][a-z]?\.$")
_CITATION_ELEMENTS = frozenset({"note", "bibl", "biblStruct", "listBibl", "biblFull"})
#: A reference's tell-tales: a page or volume number, an imprint ``(City: Publisher, 1998)``, an archival
#: signature (``f. 5, op. 28, d. 410``).
_CITATION_TEXT = re.compile(
    r"\b(?:pp?\.|vol\.|tom|no\.|nr\.|ll?\.|listy?|delo|fond|opis|f\.|op\.|d\.)\s*\d"
    r"|\(\s*[^()]{2,40}:\s*[^()]{2,80},\s*(?:1[5-9]|20)\d\d\s*\)"
    r"|[:,]\s*(?:1[5-9]|20)\d\d[,.)]\s*(?:pp?\.\s*)?\d",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)


def word_before(raw: str, start: int, *, same_line: bool = False) -> str:
    """The word right before ``start`` across white space only ('' if punctuation stands between)."""
    lo = max(0, start - 60)
    # No match begins before the last run of word characters and full stops ahead of the white space
    # that ends the window (a match is one word, then white space to the end): the search starts there,
    # not at every place of the window (the look-behind still sees the character before it).
    pos = start
    while pos > lo and raw[pos - 1] in _SPACES:
        pos -= 1
    while pos > lo and (raw[pos - 1].isalnum() or raw[pos - 1] in _WORD_MARKS):
        pos -= 1
    m = (_BEFORE_ON_LINE if same_line else _BEFORE).search(raw, pos, start)
    return m.group(1) if m else ""


_SPACES = frozenset(" \t\n\xa0")
#: The characters other than letters and digits that ``_WORD`` and its full stop hold.
_WORD_MARKS = frozenset("_'’\u2010-.")


def word_after(raw: str, end: int, *, same_line: bool = False) -> str:
    """The word right after ``end`` across white space only ('' if punctuation stands between)."""
    m = (_AFTER_ON_LINE if same_line else _AFTER).match(raw[end : end + 60])
    return m.group(1) if m else ""


def is_initial(word: str) -> bool:
    """``N.``, ``Ye.``: an initial of a given name."""
    return bool(_INITIAL.match(word))


#: Zipf frequency (wordfreq) from which a word is common English: title case, not a romanised name.
ENGLISH_WORD = 4.0


def could_be_name(word: str) -> bool:
    """A capitalised word that may be part of a person's name (no title, opener, month or acronym)."""
    if not word or len(word) < 2 or not word[0].isupper() or word.endswith((".", "'s", "’s")):
        return False
    bare = word.rstrip(".")
    if bare in NOT_NAMES or bare.split("-")[0] in NOT_NAMES:
        return False
    return not (len(bare) > 1 and bare.isupper())  # KWP, USSR: acronyms, not given names


def english(word: str) -> bool:
    """A common English word (``Era``, ``Relations``): in title case, it is no part of a name."""
    return zipf_frequency(word.lower(), "en") >= ENGLISH_WORD


def _given_initials(entry: Entry, surname: str) -> set[str]:
    """First letters of the entry's other name words (``Nikita Khrushchev`` -> N for ``Khrushchev``)."""
    key = surname.casefold()
    initials: set[str] = set()
    for v in entry.variants:
        if v.is_short:
            continue
        for w in re.findall(r"[^\W\d_][\w'’]*", v.text):
            if w.casefold() != key:
                initials.add(w[0].upper())
    return initials


def _close(word: str, names: set[str]) -> bool:
    """Whether a word is one of ``names`` or a damaged spelling of one (``Dgehuai`` for ``Dehuai``)."""
    w = word.casefold().strip(".,;:'’”“\"")
    if w in names:
        return True
    return any(
        abs(len(n) - len(w)) <= 2 and difflib.SequenceMatcher(None, w, n).ratio() >= 0.8
        for n in names
    )


def other_given_name(
    raw: str, start: int, end: int, entries: list[Entry], surnames: frozenset[str] = frozenset()
) -> str:
    """The given name or initial next to a bare family name that belongs to none of ``entries``, if any.

    ``Kim Tu-bong``, ``Suzy Kim``, ``A. Kim`` give the word next to the name; ``Cde. Kim``, ``Kim said``,
    ``N. Khrushchev`` (N is Nikita's), ``the Khrushchev Era`` (a common English word after the name:
    title case), ``Peng Dgehuai`` (the entry's own given name, damaged) and ``Ponomarev Suslov`` (a list
    of family names the registers know: ``surnames``) give ''.
    """
    name = raw[start:end]
    before, after = word_before(raw, start), word_after(raw, end)
    own: set[str] | None = None  # the entries' own words: read only for a word that may be a name
    for word, is_before in ((before, True), (after, False)):
        if not word:
            continue
        if is_initial(word):
            if not any(word[0] in _given_initials(e, name) for e in entries):
                return word
        elif could_be_name(word) and (is_before or not english(word)):
            if own is None:
                own = {
                    w.casefold()
                    for e in entries
                    for v in e.variants
                    if not v.is_short
                    for w in _words(v.text)
                }
            if not _close(word, own) and not _close(word, set(surnames)):
                return word
    return ""


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'’]*", text.replace("-", " "))


def part_of_longer_name(
    raw: str, start: int, end: int, kind: str, citation: Callable[[], bool]
) -> str:
    """The word that makes a place or a person's full name part of a longer name, if one does.

    A place or person followed by capitalised words that end in the head noun of an institution
    (``Warsaw Pact``, ``Moscow State University``, ``Kim Il Sung University``), or a place right after a
    given name (``George Washington``). In a citation, any capitalised word after a place or person makes it part of a title
    or a publisher's name (``Pyongyang Ch'ulp'ansa``) unless it is common English (a title in title case:
    ``Soviet-DPRK Relations``), and never across punctuation (``Seoul: Publisher``). ``citation`` says
    whether the text is a citation; it is asked only when a capitalised word follows (the question searches
    the whole text).
    """
    # a line break between two words of a name is rare; between a heading's or an address's lines, common
    after, before = word_after(raw, end, same_line=True), word_before(raw, start, same_line=True)
    if (
        after
        and after[0].isupper()
        and after.rstrip(".") not in _MONTHS
        and citation()
        and not english(after)  # a title in title case ("Soviet-DPRK Relations") names the place
    ):
        return after
    head = _institution_after(raw, end)
    if head:
        return head
    if kind == "placeName" and before and could_be_name(before):
        return before
    return ""


def _institution_after(raw: str, end: int) -> str:
    """The head noun of an institution among the next capitalised words (``State University``), if any."""
    pos = end
    for _ in range(3):
        word = word_after(raw, pos, same_line=True)
        if not word or not word[0].isupper():
            return ""
        if word.rstrip(".") in INSTITUTION_HEADS:
            return word
        pos = raw.index(word, pos) + len(word)
    return ""


def in_citation(container: etree._Element, text: str) -> bool:
    """Whether a container holds a bibliographic citation: a note, a bibl, or text shaped like one."""
    node: etree._Element | None = container
    while node is not None:
        tag = node.tag
        if isinstance(tag, str) and tag.startswith(f"{{{TEI_NS}}}"):
            if tag[len(TEI_NS) + 2 :] in _CITATION_ELEMENTS:
                return True
        node = node.getparent()
    return bool(_YEAR.search(text) and _CITATION_TEXT.search(text))
