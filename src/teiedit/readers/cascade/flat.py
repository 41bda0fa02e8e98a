"""Where a capture flattened onto one line had its lines: cuts for the head of a one-line text.

A page whose every line end became a space (a run-on capture) keeps only the marks that stood at its
lines' starts: a header field's label after any word ("... 1799 From: Hamilton"), a date or a section
label standing alone, a salutation, a closing formula, a list of notes, a Markdown heading's hashes or a
rule of dashes, and the turn from a heading's capitalised words to a sentence ("... Treaty with Germany
At the instruction of ..."). These cuts are made only in a text that is one line as a whole
(``segment`` asks for them there and nowhere else): in a text that kept its line breaks, the same words
inside a long line are no line starts, and cutting them there cost the original layouts their figures.
"""

from __future__ import annotations

import re

from teiedit.months import ENGLISH_MONTHS
from teiedit.readers.cascade.letter_cues import LETTER_FIELD_WORDS

#: Header field labels (generic words of page headers and archive records), cut before after any word.
_FIELD = re.compile(
    r"(?<=\S)(?P<sp>\s+)(?=(?:Title|From|To|Date|Dated|Subject|Re|Source|Sources|Citation|Summary|"
    r"Abstract|Written|Published|Translated|Transcription|Author|Authors|Author\(s\)|Keywords|Cc|"
    r"Original Archive|Document Information|Language|Record ID|Stable URL):\s"
    # a letter's or memorandum's header fields in the languages letter_cues knows, and in capitals
    rf"|(?:{LETTER_FIELD_WORDS})\s?:\s)"
)
#: A Markdown heading's hashes, a rule of dashes or equals signs (cut before and after a rule).
_MARK = re.compile(r"(?<=\S)(?P<sp>\s+)(?=#{1,6}\s|[-=_]{4,})|(?<=[-=_]{4})(?P<sp2>\s+)(?=\S)")
#: A salutation run into the text ("... Private My dear Sir, Philadelphia ..."): cut before and after.
_SALUTE = re.compile(
    r"(?<=\S)(?P<sp>\s+)(?:\*\*)?(?:My\s+dear(?:est)?|Dear(?:est)?|Esteemed|Respected|Honou?red)\s+"
    r"(?:[A-Z][\w.'’-]*\s?){1,4}(?:[,:!]|\*\*)\**(?P<sp2>\s+)(?=[A-Z\"“‘(])"
)
#: A section's label word standing alone before its text ("... lorenz@example.org Abstract The concert ...").
_SECTION = re.compile(
    r"(?<=\S)(?P<sp>\s+)(?:Abstract|Summary|Introduction|Contents|Keywords|Notes|References)"
    r"(?P<sp2>\s+)(?=[A-Z][a-z])"
)
_MONTH = "(?:" + "|".join(m.capitalize() for m in ENGLISH_MONTHS) + ")"
#: A date standing on its own line once ("... Pierre Asselin November 2016 Making sense ..."): cut
#: before it when no small word ("on", "of") ties it to the words before, and after it.
_DATE = re.compile(
    rf"(?<=\S)(?P<sp>\s+)(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH},?\s+\d{{4}})"
    r"(?P<sp2>\s+)(?=\S)"
)
#: A letter's closing formula run into its signature ("... Yours, Lenin ..."): cut before and after it.
_CLOSING = re.compile(
    r"(?<=\S)(?P<sp>\s+)(?:Yours(?:\s+(?:sincerely|truly|faithfully|respectfully|ever|affectionately))?|"
    r"(?:Sincerely|Respectfully|Faithfully|Cordially|Affectionately)(?:\s+yours)?|"
    r"(?:Best|Kind|Warm)\s+regards|With\s+(?:best|kind)\s+(?:wishes|regards))[,.]?(?P<sp2>\s+)"
    r"(?=[A-Z⟨\[(])"
)
#: A list of notes after the text ("... Lenin Notes [1] ..."): cut before and after its heading.
_NOTES = re.compile(
    r"(?<=\S)(?P<sp>\s+)(?:Notes|NOTES|Footnotes|Endnotes)(?P<sp2>\s+)(?=\[\d|\(?\d{1,3}[.)]?\s)"
)
_WORD = re.compile(r"\S+")
#: Short words a heading keeps in lower case.
_SMALL = frozenset(
    "a an and as at between by de der des di du for from in into la le of on or the to und upon "
    "van von with about after against among before during over under via vs".split()
)
_SENTENCE_END = tuple(".!?")
#: Words that open sentences, whatever follows them ("The Cuban crisis is ...").
_OPENERS = frozenset(
    "the a an this these that those it its in on at we i he she they when after".split()
)


def flat_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets where a piece of the one-line text ``text[start:end]`` starts (line starts it lost)."""
    cuts: list[int] = []
    for m in _FIELD.finditer(text, start, end):
        cuts.append(m.end("sp"))
    for m in _MARK.finditer(text, start, end):
        cuts.append(m.end(m.lastgroup or "sp"))
    for rx in (_SALUTE, _CLOSING):
        for m in rx.finditer(text, start, end):
            cuts.extend((m.end("sp"), m.end("sp2")))
    for m in _NOTES.finditer(text, start, end):
        cuts.extend((m.end("sp"), m.end("sp2")))
    for m in _SECTION.finditer(text, start, end):
        cuts.extend((m.end("sp"), m.end("sp2")))
    for m in _DATE.finditer(text, start, end):
        before = text[max(start, m.start() - 12) : m.start()].split()
        if before and before[-1].lower() not in _SMALL and not before[-1].endswith(","):
            cuts.append(m.end("sp"))
        cuts.append(m.end("sp2"))
    cuts.extend(_heading_ends(text, start, end))
    return sorted(set(c for c in cuts if start < c < end))


def _heading_ends(text: str, start: int, end: int) -> list[int]:
    """Where a run of capitalised heading words turns into a sentence: before the sentence's first word.

    A heading here is at least three words, most longer words capitalised, none ending a sentence; the
    sentence after it is a capitalised word followed by at least three words of which most are in lower
    case. The run restarts after every sentence end, so a sentence's own capitalised words never count.
    """
    words = [(m.start(), m.group()) for m in _WORD.finditer(text, start, end)]
    out: list[int] = []
    run_start = 0  # index of the first word of the current capitalised run
    after_end = False  # the run starts after a sentence end
    for i, (at, w) in enumerate(words):
        if (
            i > run_start
            and _is_sentence_start(words, i)
            and _heading_run(words[run_start:i])
            # "... research. In The Sino-Soviet Split ..." opens a sentence, not a heading
            and not (after_end and words[run_start][1].lower() in _OPENERS)
        ):
            out.append(at)
            run_start, after_end = i, False
            continue
        if w.endswith(_SENTENCE_END) and not _initial(w):
            run_start, after_end = i + 1, True
        elif not _heading_word(w):
            run_start, after_end = i + 1, False
    return out


def _initial(word: str) -> bool:
    """An initial or a short abbreviation ("N.", "H.", "St."), which ends no sentence."""
    return len(word) <= 3 and word.endswith(".") and word[:1].isupper()


def _heading_word(word: str) -> bool:
    """A word a heading is made of: capitalised, a number, a small word, or a bracket or dash."""
    core = word.strip("\"“”‘’'([{")
    if not core:
        return True
    c = core[0]
    return c.isupper() or c.isdigit() or not c.isalpha() or core.lower().rstrip(",") in _SMALL


def _heading_run(run: list[tuple[int, str]]) -> bool:
    """At least three words, and most of the longer ones capitalised."""
    if len(run) < 3:
        return False
    longer = [w.strip("\"“”‘’'([{") for _, w in run]
    longer = [w for w in longer if len(w) > 3 and w[:1].isalpha()]
    return len(longer) >= 2 and sum(w[0].isupper() for w in longer) >= 0.8 * len(longer)


def _is_sentence_start(words: list[tuple[int, str]], i: int) -> bool:
    """A capitalised word after which at least three of the next four words are in lower case."""
    w = words[i][1].lstrip('"“‘(')
    if not w[:1].isupper() or w.endswith(_SENTENCE_END):
        return False
    nxt = [x for _, x in words[i + 1 : i + 5]]
    if len(nxt) < 4 or not (nxt[0][:1].islower() or w.lower() in _OPENERS):
        return False
    lower = sum(1 for x in nxt if x[:1].islower() and x.lower().rstrip(",") not in _SMALL)
    return lower >= 1 and sum(1 for x in nxt if x[:1].islower()) >= 3
