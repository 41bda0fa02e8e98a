"""Layout-independent features of segments, for the sequence labeller.

Nothing here names a site, a person or a document. Features say where a segment stands (position from
the start and the end, blank lines around it), what it looks like (length, case, punctuation, digits, a
date, a label before a colon, a list or note number), which words of small generic cue lists it opens
with ("Dear", "Yours", "Source", "Abstract", month names, document kinds, furniture words), whether it
repeats another segment, and the same few facts about its neighbours (those three in ``sequence``, from
the own features made here). The model learns the rest.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from teiedit.dates import find_dates
from teiedit.readers.cascade.gate import GatedSearch
from teiedit.readers.cascade.segment_type import Segment
from teiedit.readers.common.boilerplate import boilerplate_reason
from teiedit.readers.common.lines import Block

_LEX: dict[str, frozenset[str]] = {
    "salute": frozenset(
        "dear sir sirs madam comrade comrades esteemed respected gentlemen honoured honored ladies "
        "friends excellency mr mrs fellow-citizens fellow".split()
    ),
    "close": frozenset(
        "yours sincerely respectfully faithfully regards truly obedient affectionately cordially "
        "greetings best obedt affecty respecty thanks salutations".split()
    ),
    "label": frozenset(
        "source sources citation cite summary abstract keywords notes note references contents author "
        "authors published publication translated translation written title from to date subject "
        "document archive original language record collection type doi issn isbn volume issue pages "
        "affiliation edited transcription markup editor's editor description comment".split()
    ),
    "kind": frozenset(
        "letter telegram cable memorandum memo record report minutes protocol notes conversation "
        "information directive instruction instructions resolution speech address statement diary "
        "journal transcript message excerpt working despatch dispatch circular".split()
    ),
    "furniture": frozenset(
        "skip menu search home login log sign share print download downloads cookie cookies subscribe "
        "views citations altmetric rights reuse copyright terms privacy support funded possible index "
        "backward forward next previous tag archives filed posted comments comment reply click icon "
        "attachment access uploaded dmca size page go overview related recommended".split()
    ),
    "classification": frozenset(
        "secret confidential copy urgent priority strictly personal private top classified coded "
        "forbidden only immediate".split()
    ),
    "month": frozenset(
        "january february march april may june july august september october november december jan "
        "feb mar apr jun jul aug sep sept oct nov dec".split()
    ),
    "weekday": frozenset("monday tuesday wednesday thursday friday saturday sunday".split()),
    "by": frozenset(["by"]),
    "postscript": frozenset(["p.s.", "ps", "p.s", "postscript", "p.p.s."]),
}
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d+", re.UNICODE)
_LABEL = re.compile(r"^[\[(]?[A-Z][\w /()\\.&'’-]{0,32}[\])]?:(?:\s|$)")
_NOTE_START = re.compile(
    r"^(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}\.?\s+\S|[a-z]\s+[A-Z]|\*{1,4}\s*\S|\^)"
)
_NUMLIST = re.compile(r"^(?:\d{1,3}[.)]|[A-Za-z][.)]|[IVX]{1,5}\.)(?:\s|$)")
_BULLET = re.compile(r"^[-•·◦▪‣*]\s")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|edu|gov|htm|html)\b", re.IGNORECASE)
_EMAIL = re.compile(r"\S@\S|\[email[^\]]*\]", re.IGNORECASE)
_PATH = re.compile(r"[A-Z]:\\|\.\./|\w/\w+/")
_COPY = GatedSearch(
    re.compile(r"©|\bcopyright\b|all rights reserved|\bpublic domain\b", re.IGNORECASE),
    [[("©", "copyright", "all rights reserved", "public domain")]],
)
_MARKDOWN = re.compile(r"^#{1,6}\s|^>|^\*\*.*\*\*$|\{\.\w+\}|\]\(|^:::|^-{3,}$|^\*(?:\s\*){2,}")
#: The first characters of ``_MARKDOWN``'s alternatives that hold at the start of the text only.
_MARKDOWN_FIRST = "#>*:-"
_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")
_ROMAN_DATE = re.compile(r"\b\d{1,2}\s?[/.-]\s?[IVX]{1,4}\s?[/.-]\s?\d{2,4}\b")
_PAGE = re.compile(r"^(?:page\s+\S+|\[page\s+\d+\]|p\.\s*\d+|\d{1,4}|[ivxlc]{1,6})$", re.IGNORECASE)
_NUMBER_ONLY = re.compile(r"^[\d.,\s]+$")
_BRACKETED = re.compile(r"^\[.*\]$", re.DOTALL)


def date_only(text: str) -> bool:
    """Whether a short text is a date and nothing else ("Thursday, May 9, 2013")."""
    words = text.split()
    if words and _fold(words[0].rstrip(",")) in _LEX["weekday"]:
        text = " ".join(words[1:])
    return _date_share(text) >= 0.8


def _bin(value: float, edges: tuple[float, ...]) -> int:
    for i, edge in enumerate(edges):
        if value <= edge:
            return i
    return len(edges)


_LEN_EDGES = (3, 10, 25, 50, 80, 140, 300, 800)
_WORD_EDGES = (1, 2, 3, 6, 12, 25)


@lru_cache(maxsize=4096)
def _fold(word: str) -> str:
    if word.isascii():  # (no ASCII character decomposes or combines)
        return word.lower().strip(".'’-")
    word = unicodedata.normalize("NFKD", word)
    return "".join(c for c in word if not unicodedata.combining(c)).lower().strip(".'’-")


def _char_class(ch: str) -> str:
    if not ch:
        return "none"
    if ch.isupper():
        return "upper"
    if ch.islower():
        return "lower"
    if ch.isdigit():
        return "digit"
    if ch.isalpha():
        return "alpha"
    return ch if ch in "[]()\"“”'‘’*#>-•.:,;!?/|{}<&^_" else "sym"


def _date_share(text: str) -> float:
    """How much of a short text is dates (1.0 for a line that is only a date)."""
    if len(text) > 120 or not any(map(str.isdigit, text)):
        return 0.0
    found = find_dates(text, trained=True)  # the forms the labeller was trained on
    letters = sum(map(str.isalnum, text))
    if not found or not letters:
        return 0.0
    covered = sum(sum(map(str.isalnum, d.text)) for d in found)
    return covered / letters


def _all_upper(head: str) -> bool:
    """Whether ``head`` has three letters or more and every one is a capital."""
    letters = 0
    for c in head:  # most texts: stops at the first lowercase letter, a few characters in
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters >= 3


def own_features(seg: Segment) -> list[str]:
    """Features of one segment taken alone."""
    text = seg.one_line
    f: list[str] = []
    n = len(text)
    f.append(f"len={_bin(n, _LEN_EDGES)}")
    words = _WORD.findall(text[:400])
    f.append(f"words={_bin(len(words), _WORD_EDGES)}")
    f.append(f"lines={min(seg.lines, 3)}")
    if seg.indent:
        f.append("indent")
    if _all_upper(text[:300]):
        f.append("upper")
    alpha_words = [w for w in words[:40] if w[0].isalpha()]
    if alpha_words:
        caps = sum(1 for w in alpha_words if w[0].isupper()) / len(alpha_words)
        f.append(f"caps={_bin(caps, (0.2, 0.5, 0.8, 0.99))}")
    f.append(f"first={_char_class(text[:1])}")
    f.append(f"last={_char_class(text[-1:])}")
    if _LABEL.match(text):
        f.append("label_colon")
    if text.endswith(":"):
        f.append("ends_colon")
    digits = sum(map(str.isdigit, text[:300]))
    f.append(f"digits={_bin(digits / max(1, min(n, 300)), (0.0, 0.05, 0.2, 0.5))}")
    if digits and _YEAR.search(text[:300]):  # (a year is digits: no digit, no search)
        f.append("year")
    share = _date_share(text)
    if share:
        f.append(f"date={_bin(share, (0.5, 0.8))}")
    if digits and _ROMAN_DATE.search(text[:200]):
        f.append("roman_date")
    head = text[:300]
    # The searches that try every position are made only on a text that holds a character every match
    # needs (an at sign or a bracket; a slash or a backslash; a mark at the start, or "{." or "](").
    if _URL.search(head):
        f.append("url")
    if ("@" in head or "[" in head) and _EMAIL.search(head):
        f.append("email")
    if ("/" in head or "\\" in head) and _PATH.search(head):
        f.append("path")
    if _COPY.search(head):
        f.append("copy")
    if (head[:1] in _MARKDOWN_FIRST or "{." in head or "](" in head) and _MARKDOWN.search(head):
        f.append("markdown")
    for name, rx in (("note_start", _NOTE_START), ("numlist", _NUMLIST), ("bullet", _BULLET)):
        if rx.search(head):
            f.append(name)
    if _PAGE.match(text):
        f.append("page_like")
    if _NUMBER_ONLY.match(text):
        f.append("number_only")
    if _BRACKETED.match(text):
        f.append("bracketed")
    if "|" in text[:300]:
        f.append("pipe")
    folded = [_fold(w) for w in words[:10]]
    if folded:
        w0 = folded[0]
        f.append(f"w0={w0 if w0.isalpha() and len(w0) <= 16 else '#'}")
        for name, lex in _LEX.items():
            if w0 in lex:
                f.append(f"lex0={name}")
    if len(folded) > 1:
        w1 = folded[1]
        f.append(f"w1={w1 if w1.isalpha() and len(w1) <= 16 else '#'}")
    first_words = folded[:8]
    for name, lex in _LEX.items():
        if not lex.isdisjoint(first_words):  # one of the first words is in the list
            f.append(f"lex={name}")
    last_words = _WORD.findall(text[-60:])
    if last_words:
        wl = _fold(last_words[-1])
        f.append(f"wl={wl if wl.isalpha() and len(wl) <= 16 else '#'}")
        if wl in _LEX["close"] or wl in _LEX["salute"]:
            f.append("lexl=letter")
    if seg.piece:
        f.append("piece")
    f.extend(f"shape={name}" for name in shapes(text, folded))
    if n <= 400 and boilerplate_reason(Block(seg.line, seg.text)):
        f.append("shape=furniture_rule")  # a common furniture shape (navigation, counters, notices)
    return f


_KIND_TITLE = re.compile(
    r"^(?:\W{0,4}(?:\d{1,4}\.?\s+|document\s+no\.?\s*\d+:?\s*)?)"
    r"(?:(?:[A-Z][\w.'’-]*\s+){0,3})?(?i:letter|telegram|cable|memorandum|memo|record|report|minutes|"
    r"protocol|notes|note|conversation|information|directive|instructions?|resolution|speech|address|"
    r"statement|diary|journal|transcript|message|excerpts?|dispatch|despatch|circular)\b[,:]?\s*"
    r"(?i:from|to|of|on|by|with|between|about|concerning|regarding|for|no\.?|,)?",
)
_X_TO_Y = re.compile(r"^(?:The\s+)?[A-Z][\w.'’-]*(?:\s+[\w.'’()-]+){0,8}\s+to\s+(?:the\s+)?[A-Z]")
_ARCHIVAL = re.compile(
    r"\b(?:fond|opis|delo|f\.|op\.|d\.|ll?\.\s*\d|file\s+no|central\s+files|papers|archives?|library|"
    r"collection|vol\.|volume|pp\.|no\.\s*\d|\d{3,}\.\d+/|collected\s+works|publishers?|press)\b",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-Þ][\w’'-]*\.?|[A-ZÀ-Þ]\.(?:[A-ZÀ-Þ]\.)*|[A-ZÀ-Þ]{2,})[*'’\d,]*$"
)
_SIGNED_MARK = re.compile(r"^\[?\(?(?:sgd|signed|signature|s/)\b|^/[^/]+/$", re.IGNORECASE)
_CLOSING = re.compile(
    r"^(?:yours|sincerely|respectfully|faithfully|cordially|affectionately|very\s+truly|with\s+"
    r"(?:the\s+)?(?:\w+\s+){0,3}(?:respect|regards|greetings|esteem)|best\s+(?:regards|wishes)|kind\s+regards|"
    r"i\s+(?:have|remain)\b.{0,40}\b(?:honou?r|servant|yours)|your\s+obedient|all\s+the\s+(?:very\s+)?best|"
    # "I am, Sir, your obedient servant,", "I am, yours faithfully,": the comma after "I am" says a close
    r"i\s+am\s*,.{0,40}\b(?:servant|yours)|"
    # "Ich verbleibe mit ...", "Je reste votre dévoué ...", "Je demeure, Monsieur, ..."
    r"ich\s+verbleibe\b|je\s+(?:reste|demeure)\b.{0,50}\b(?:vôtre|votre|dévoué|respect)|"
    # German and French closes ("Mit sozialistischem Gruß", "Je vous prie d'agréer ...")
    r"mit\s+(?:\w+\s+){0,2}(?:gr(?:uß|üßen|uss|üssen)|hochachtung|empfehlungen)\b|hochachtungsvoll|"
    r"herzliche[n]?\s+gr(?:uß|üße|üssen)|(?:ihr|ihre|dein|deine|euer)\s+(?:sehr\s+)?ergebene[r]?\b|"
    r"(?:bien\s+)?amicalement|cordialement|bien\s+à\s+vous|veuillez\s+croire|"
    r"(?:je\s+vous\s+prie\s+d['’]|veuillez\s+)agréer|(?:avec\s+)?(?:mes\s+)?salutations\s+\w+)",
    re.IGNORECASE,
)
_SALUTE = re.compile(
    r"^(?:\[?to\]?\s+.{1,60}[:!,]$|(?:my\s+)?dear\b.{0,60}[,:!]?$|(?:sir|madam|sirs|gentlemen)[,:!.]?$|"
    r"(?:esteemed|respected|honou?red)\b.{0,60}[,:!]?$|(?:mr|madam)\.?\s.{0,80}:$|comrades?\b.{0,40}[!,:]$|"
    # German and French salutations ("Werter Genosse Ulbricht!", "Monsieur le Ministre,")
    r"(?:werte[rn]?|liebe[rn]?|sehr\s+geehrte[rn]?)\s.{1,60}[!,]$|"
    r"(?:monsieur|madame|messieurs|cher|chère|chers|camarades?)\b.{0,60}[,!]$)",
    re.IGNORECASE,
)


def shapes(text: str, folded: list[str]) -> list[str]:
    """Generic line shapes (salutation, closing, signature, title, citation, ...) a segment has."""
    out: list[str] = []
    n = len(text)
    words = text.split() if n <= 300 else []  # only shorter texts ask for their words
    if n <= 80 and _SALUTE.match(text):
        out.append("salute")
    if n <= 120 and _CLOSING.match(text):
        out.append("closing")
    if n <= 60 and (
        _SIGNED_MARK.match(text)
        or (1 <= len(words) <= 5 and all(_NAME_TOKEN.match(w) for w in words))
    ):
        out.append("name_like")
    if n <= 300 and (_KIND_TITLE.match(text) and len(words) >= 2):
        out.append("kind_title")
    if n <= 300 and _X_TO_Y.match(text) and not text.endswith("."):
        out.append("x_to_y")
    if 2 <= len(words) <= 40 and n <= 300 and not text.endswith((".", ",", ";")):
        caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
        if caps >= 0.6 * len(words):
            out.append("title_case")
    if n <= 400 and len(_ARCHIVAL.findall(text)) >= 2:
        out.append("archival")
    if folded and folded[0] in ("source", "sources", "citation") or text.startswith("[Source"):
        out.append("source_label")
    if n <= 60 and folded and folded[0] == "by":
        out.append("by_line")
    if n >= 60 and _DESCRIBES.search(text[:600]):
        out.append("describes")  # an abstract or an editor's note speaks about the document
    if n >= 80 and _FIRST_PERSON.search(text[:400]):
        out.append("first_person")
    if n <= 40 and len(words) <= 6 and not any(c in text for c in ".!?"):
        out.append("short_bare")
    if text.count("|") >= 2 or (n <= 30 and text.lower().strip(" <>|") in _UI_WORDS):
        out.append("nav")
    return out


_DESCRIBED = (
    "document letter telegram cable memorandum record report article paper chapter essay volume book "
    "study note transcript collection post"
).split()
_DESCRIBING = (
    "discusses|describes|examines|argues|explores|reviews|outlines|analy[sz]es|investigates|considers|"
    "recounts|deals with|focuses on|sheds light|is informed|reports that|deliberates|we argue|i argue|"
    "this essay"
)
_DESCRIBES = GatedSearch(
    re.compile(
        rf"\b(?:this|the present|the following)\s+(?:{'|'.join(_DESCRIBED)})\b|\b(?:{_DESCRIBING})\b",
        re.IGNORECASE,
    ),
    [  # the words of each alternative ("argue" for "argues", "we argue", "i argue"; "analy")
        [("this", "the present", "the following"), tuple(_DESCRIBED)],
        [tuple(w.replace("analy[sz]es", "analy") for w in _DESCRIBING.split("|")) + ("argue",)],
    ],
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|me|us|my|our)\b")
_UI_WORDS = frozenset(
    "menu home search share print download next previous back top index contents login log in "
    "sign in subscribe more views".split()
)
