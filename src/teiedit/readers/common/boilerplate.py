"""Recognise web-site furniture (navigation, funder and rights statements, shop and login panels).

Each rule is a line *shape* common to web pages of archives, journals and blogs, with the reason the
report gives when the line is set aside. Nothing here names a particular site, person or document.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from teiedit.readers.common.lines import Block

#: The placeholders text-extraction services print for what they could not read (editable data).
PLACEHOLDERS_FILE = Path(__file__).resolve().with_name("extraction-placeholders.txt")

#: "270 COLD WAR INTERNATIONAL HISTORY PROJECT BULLETIN": a page number and a head in capitals; or, set
#: apart from the number by a wide gap as a PDF's layout leaves it, a head in capitals with numbers of its
#: own ("JOURNAL OF COLD WAR STUDIES 14:3          112", "RELATIONS, 1956          47").
RUNNING_HEAD = re.compile(
    r"^(?:\d{1,3}\s+[A-Z][A-Z.,:&'’ -]{12,80}|[A-Z][A-Z.,:&'’ -]{12,80}\s+\d{1,3})$|"
    r"^\s*(?:\d{1,4}[ \t]{3,}[A-Z][A-Z0-9.,:;&'’ -]{11,80}|[A-Z][A-Z0-9.,:;&'’ -]{11,80}?[ \t]{3,}\d{1,4})"
    r"[ \t]*$"
)

#: The characters outside ASCII that a case-insensitive ASCII letter matches (the dotted and the dotless
#: i, the long s, the Kelvin sign), or whose lower case holds one: a text with one is always matched.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


class _NeedsWords:
    """A case-insensitive rule that scans the whole text (``^.*\\bword``), tried only on texts that hold
    one of the words every match holds (``needs``, lower case, as the pattern spells them): a substring
    search in C, where the pattern tried each of its words at every position. The answer is the pattern's.
    """

    def __init__(self, pattern: re.Pattern[str], needs: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.needs = needs

    def match(self, text: str) -> re.Match[str] | None:
        if text.isascii() or not any(c in text for c in _FOLDS_TO_ASCII):
            low = text.lower()
            if not any(w in low for w in self.needs):
                return None
        return self.pattern.match(text)


#: (pattern over the block's one-line text, reason). Patterns match the whole block.
RULES: list[tuple[re.Pattern[str] | _NeedsWords, str]] = [
    (
        re.compile(
            r"^(?:skip to (?:main )?content|jump to navigation|menu|search|home)$", re.IGNORECASE
        ),
        "web-site navigation",
    ),
    (
        re.compile(
            r"^this (?:document|page|project|resource) was made possible (?:with|by|through)\b.*$",
            re.IGNORECASE,
        ),
        "funder statement of the web site",
    ),
    (
        re.compile(
            r"^(?:document information|original archive|original uploaded date|record id|"
            r"related documents|subjects? discussed|geographic subjects?|people|keywords|"
            r"original language|share|cite|download|print|rights|to cite this article)$",
            re.IGNORECASE,
        ),
        "label of a web-page panel",
    ),
    (
        _NeedsWords(
            re.compile(
                r"^.*\bwelcomes reuse\b.*$|^.*\bsubject to copyright\b.*$|^.*\brights status\b.*$|"
                r"^.*\bpermission for commercial use\b.*$|^.*\ball rights reserved\b.*$",
                re.IGNORECASE,
            ),
            (
                "welcomes reuse",
                "subject to copyright",
                "rights status",
                "permission for commercial use",
                "all rights reserved",
            ),
        ),
        "rights statement of the web site",
    ),
    (
        re.compile(
            r"^(?:log ?in|sign ?in|register|log in via your institution|log in to .{1,60}|"
            r"access options|purchase|issue purchase|pdf download \+ online access|"
            r"\* ?local tax will be added as applicable|add to cart)$",
            re.IGNORECASE,
        ),
        "login or shop panel of the web site",
    ),
    (
        _NeedsWords(
            re.compile(
                r"^(?:.*\b(?:USD|EUR|GBP|\$|€|£)\s?\d+(?:\.\d\d)?\b.*add to cart.*|"
                r"(?:\s*•\s*.{0,80}\n?)+.*(?:USD|EUR|GBP)\s?\d.*)$",
                re.IGNORECASE | re.DOTALL,
            ),
            ("add to cart", "•"),
        ),
        "login or shop panel of the web site",
    ),
    (
        re.compile(
            r"^(?:related research|people also read|recommended articles|cited by)\b.*$",
            re.IGNORECASE | re.DOTALL,
        ),
        "related-reading panel of the web site",
    ),
    (
        re.compile(
            r"^(?:\d+\s+)?(?:views|crossref citations to date|altmetric|citations|downloads)$",
            re.IGNORECASE,
        ),
        "usage counter of the web page",
    ),
    (
        re.compile(r"^(?:leave a reply|leave a comment|post a comment)$", re.IGNORECASE),
        "comment form of the web site",
    ),
    (
        # "Log in | Register", "Sign in / Create account": two account actions side by side
        re.compile(
            r"^(?:log ?in|sign ?in|sign ?up|register|create (?:an )?account|my account)"
            r"(?:\s*[|/•·]\s*(?:log ?in|sign ?in|sign ?up|register|create (?:an )?account|my account))+$",
            re.IGNORECASE,
        ),
        "login or shop panel of the web site",
    ),
    (
        re.compile(
            r"^(?:(?:accept|reject|allow|decline|manage)(?: all)? cookies|cookie (?:settings|policy|"
            r"preferences|consent)|(?:this|our) (?:web ?)?site uses cookies\b.{0,200})$",
            re.IGNORECASE,
        ),
        "cookie notice of the web site",
    ),
    (
        # the same notices and menus of sites in German and French
        re.compile(
            r"^(?:diese (?:website|webseite|seite) verwendet cookies\b.{0,300}|ce site utilise des cookies\b.{0,300}|"
            r"(?:cookies )?(?:akzeptieren|ablehnen|accepter|refuser)(?: (?:tout|alle))?)$",
            re.IGNORECASE,
        ),
        "cookie notice of the web site",
    ),
    (
        re.compile(
            r"^(?:zum inhalt springen|direkt zum inhalt|aller au contenu(?: principal)?|"
            r"passer au contenu(?: principal)?|suche|recherche|startseite|accueil|"
            r"(?:teilen|partager)(?:\s*:.{0,60})?|impressum|datenschutz(?:erklärung)?|"
            r"mentions légales|barrierefreiheit)(?:\s*[|/•·]\s*(?:impressum|datenschutz|kontakt|"
            r"barrierefreiheit|mentions légales|contact|accessibilité|plan du site))*$",
            re.IGNORECASE,
        ),
        "web-site navigation",
    ),
    (
        re.compile(
            r"^(?:subscribe(?: (?:to|for) [^.!?]{1,40})?|sign up (?:for|to) (?:our|the) "
            r"(?:newsletter|mailing list|e-?mail alerts?|updates)\b[^.!?]{0,40}|"
            r"print (?:this|the) (?:page|article|post|document|entry)|printer[- ]friendly(?: version)?|"
            r"print version)$",
            re.IGNORECASE,
        ),
        "navigation, counters or actions of the web page",
    ),
    (
        re.compile(
            r"^(?:[\d.,]+\s*(?:[kmg]b\s+)?(?:downloads?|views?|size|pages?)|total pages?\s*:.*|"
            r"file type\s*:.*|(?-i:(?!REPORT$))report|description|view original|show (?:summary )?details|"
            r"page \d* ?of(?: \d+)?|(?:previous|next) (?:post|article|page|document)\b.*|back to top|"
            r"filed under\b.*|posted (?:in|by|on)\b.*|tagged\b.*|share (?:this|on)\b.*|"
            r"(?:print|email|tweet|download (?:pdf|citation))|download\b.{0,60})$",
            re.IGNORECASE,
        ),
        "navigation, counters or actions of the web page",
    ),
    (
        _NeedsWords(
            re.compile(
                r"^.*(?:\bdmca\b|uploaded by (?:our )?users|access provided by\b|stable url\s*:|"
                r"^accessed\s*:|terms and conditions of use|^hostname\s*:|loading time\s*:|"
                r"^printed from\b|you do not (?:currently )?have access|^in lieu of an abstract\b|"
                r"^(?:sanitized|declassified) copy approved for release\b|^approved for release\b).*$",
                re.IGNORECASE | re.DOTALL,
            ),
            (
                "dmca",
                "uploaded by",
                "access provided by",
                "stable url",
                "accessed",
                "terms and conditions of use",
                "hostname",
                "loading time",
                "printed from",
                "you do not",
                "in lieu of an abstract",
                "approved for release",
            ),
        ),
        "access, rights or delivery notice of the host",
    ),
    (
        _NeedsWords(
            re.compile(r"^.*\b(?:akismet|reduce spam)\b.*$", re.IGNORECASE),
            ("akismet", "reduce spam"),
        ),
        "comment form of the web site",
    ),
    (
        re.compile(
            r"^[\s<>«»‹›|-]*(?:back|backward|forward|next|previous|prev|up|top|home)"
            r"(?:[\s<>«»‹›|-]+(?:back|backward|forward|next|previous|prev|up|top|home))*[\s<>«»‹›|-]*$|"
            r"^(?!by\b)(?!.*\b(?:1[5-9]\d\d|20\d\d)\b)(?:[^|!?]{1,40}\|){2,}[^|!?]{1,40}$|^.{1,60}\|\s*go to\b.{1,40}$|"
            r"^(?:page\s+)?\d*\s*of\s+\d+$|^\d{1,3}(?:,\d{3})+$|"
            r"^(?:(?:pdf|epub|mobi|docx?|txt|html?)(?:\s+(?:icon|version|file|\S{1,3}))?\s*)+$|^attachment\s*size$|"
            r"^(?:google scholar|crossref|pubmed|web of science|open access|full text|view pdf|"
            r"article metrics|(?:research|review|original) article|\*?\s*corresponding author)$",
            re.IGNORECASE,
        ),
        "navigation, counters or actions of the web page",
    ),
    (RUNNING_HEAD, "running head of the printed original"),
    (
        re.compile(r"^(?:e-?)?(?:issn|isbn)\b[^.]{0,30}[\d-]{8,}[\dXx]?$", re.IGNORECASE),
        "identifiers of the web page's publication",
    ),
    (
        # residue of a page converted to Markdown: fenced-div marks, attribute braces, editor headers
        re.compile(
            r"^(?:>\s*)*:{3,}.*$|^(?:>\s*)+$|^\{[.#][\w-]+\}$|^#\s*-\*-\s*coding[:=].*$|^(?:\"{3}|\'{3}|`{3})\w*$|"
            r"^created on\s.{0,40}\b\d{1,2}:\d\d\b.{0,20}$|^@author\s*:.{0,60}$",
            re.IGNORECASE,
        ),
        "markup residue of the captured page",
    ),
    (
        re.compile(
            r"^(?:other\s+)?formats?\s*:.{0,60}$|^(?:text\s*)?readme$|^.{0,30}\bcrossref\b.{0,40}$",
            re.IGNORECASE,
        ),
        "navigation, counters or actions of the web page",
    ),
    (
        re.compile(
            r"^(?:image|photo|photograph|picture|illustration)s?\s*(?::|from|via|by|courtesy)\s.{1,80}$",
            re.IGNORECASE,
        ),
        "image credit of the web page",
    ),
]

_BULLETS_THEN_PRICE = re.compile(r"(?:USD|EUR|GBP)\s?\d", re.IGNORECASE)


#: Quotation marks of a page converted to Markdown at the start of each line ("> ").
_QUOTE_MARKS = re.compile(r"(?m)^[ \t]*(?:>[ \t]?)+")
#: A line that is one link of a page converted to Markdown, after at most a few words ("Try [Mirror
#: in Paris](http://...)", "Site name: [Page title](page.htm)"): navigation, not a sentence of the text.
_LINK_LINE = re.compile(
    r"^(?:[^\[\]().!?#*]{1,40}[\s:])?\[[^\[\]]{1,100}\]\([^()\s]{1,300}\)[\s\\|]*$"
)
_PLACEHOLDER = re.compile(r"\[\s*([^\[\]]{1,40}?)\s*\]")


def data_lines(path: Path) -> list[str]:
    """The entries of an editable data file: one a line, stripped; blank lines and ``#`` comments left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def placeholders() -> frozenset[str]:
    """The extraction placeholders of the data file, folded to lower case."""
    return frozenset(ln.lower() for ln in data_lines(PLACEHOLDERS_FILE))


def _placeholders_only(text: str) -> bool:
    """Whether ``text`` is nothing but extraction placeholders in square brackets."""
    found = _PLACEHOLDER.findall(text)
    return (
        bool(found)
        and all(p.lower() in placeholders() for p in found)
        and not _PLACEHOLDER.sub("", text).strip()
    )


def boilerplate_reason(block: Block) -> str | None:
    """Why a block is web-site furniture, or None if it is text of the document."""
    if len(block.text) > 400 and len(block.one_line) > 400:
        return None
    return _text_reason(block.text)


@lru_cache(maxsize=4096)
def _text_reason(raw: str) -> str | None:
    """``boilerplate_reason`` of a block's text. Cached: the answer depends on the text alone, and the
    reader asks it of the same block several times (its features, the shape rules, the set-aside list)."""
    block = Block(0, raw)
    text = block.one_line
    if len(text) > 400:
        return None
    for rx, reason in RULES:
        # a one-line block's text is its one-line form: one match answers for both
        if rx.match(text) or (raw != text and rx.match(raw)):
            return reason
    if _placeholders_only(text):
        return "placeholder of the text extraction, where it could not read the page"
    if "](" in text and _LINK_LINE.match(" ".join(_QUOTE_MARKS.sub("", block.text).split())):
        return "navigation link of the web page"
    lines = [ln.strip() for ln in block.text.splitlines() if ln.strip()]
    if (
        lines
        and all(ln.startswith("•") for ln in lines[:-1])
        and _BULLETS_THEN_PRICE.search(lines[-1])
    ):
        return "login or shop panel of the web site"
    if 1 < len(lines) <= 6:
        # a page's footer or menu captured as one block of short lines: furniture when each line is
        reasons = [_line_reason(ln) for ln in lines]
        if all(reasons):
            return reasons[0]
    return None


def _line_reason(line: str) -> str | None:
    """Why one line is furniture by the rules (the block rules, or a copyright line), or None."""
    if _COPYRIGHT_LINE.match(line):
        return "rights statement of the web site"
    return next((reason for rx, reason in RULES if rx.match(line)), None)


#: "© 2024 Archive of ...": a site's copyright line (short: a sentence with © in it is text).
_COPYRIGHT_LINE = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}[-–]?)+\b.{0,60}$", re.IGNORECASE)


def cue_count(blocks: list[Block]) -> int:
    """How many blocks look like web-site furniture (evidence for a web capture)."""
    return sum(1 for b in blocks if boilerplate_reason(b))
