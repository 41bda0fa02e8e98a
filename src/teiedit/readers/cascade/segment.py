"""Segment any plaintext into blocks with character offsets, whatever its line discipline.

The first step of the cascade (segment -> label -> assemble). A *segment* is a stretch ``text[start:end]``
(outer white space excluded) that the labeller gives one role. The segments are found from the layout
alone, never from a site's words:

- lines are cut at ``\\n`` and at form feeds (a form feed is a page break, recorded on the segment after
  it); runs of non-blank lines are separated by blank lines;
- inside a run, a line continues the one before it when the text is hard-wrapped (most lines of the run
  end mid-sentence and the line before came close to the run's width, so the next word did not fit), or
  when it starts in lower case after a line that does not end a sentence, or after a line-end hyphen;
  across a blank line only a lower-case start after an unfinished sentence continues (a page break in
  mid-sentence);
- a very long line (a PDF extraction or a page flattened onto one line) is cut into sentences and at
  inline labels ("Summary: ...", "Source: ..."), elisions ("[...]") and headings that end in a date; in its
  middle, sentences are grouped into pieces of bounded size, so that the number of segments stays
  proportional to the structure, not to the length.

Every character that is not white space belongs to exactly one segment (the lossless guarantee rests on
this), and the work is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from teiedit.months import month_alternatives
from teiedit.readers.cascade.flat import flat_cuts
from teiedit.readers.cascade.letter_cues import FOOT_LINE
from teiedit.readers.cascade.segment_cuts import split_run_in_heads, split_stamps
from teiedit.readers.cascade.segment_type import Segment
from teiedit.readers.common.boilerplate import RUNNING_HEAD

#: A line longer than this is cut into sentence pieces.
LONG_LINE = 800
#: A text that is one line as a whole (a flattened capture) is cut from this length on.
FLAT_LINE = 200
#: In a long line, this many characters at its start and end are cut finely (where headers and closers are).
FINE_HEAD = 4000
FINE_TAIL = 2500
#: Pieces in the middle of a long line are grouped up to this size.
PIECE = 1500

_SPACE = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000\ufeff\r\v"
_TERMINAL = tuple('.!?:;"”’)]}»⟩〉>\\')
#: A line ending in one of these words stops mid-phrase: the next line continues it.
_OPEN_WORD = re.compile(r"\b(?:the|a|an|of|and|or|in|on|at|to|for|with|by|from|between|about)$")
_BARE_NUMBER = re.compile(r"^(?:\(?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)]|\[\d{1,3}\])$")
_LIST_START = re.compile(
    r"^(?:[-*•·◦▪‣>#|]|\d{1,3}[.)]\s|\(?[a-zA-Z0-9]{1,3}\)\s|\[\d{1,3}\]|[A-Z][A-Za-z/()\\ .-]{0,28}:\s|[IVX]{1,5}\.\s)"
)
#: Where a long line may be cut: after a sentence end, before an inline label or an elision, after a date
#: that ends a heading.
_ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Vol|No|Nos|Cde|Cdes|Gen|Col|Lt|Capt|Prof|Jr|Sr|pp|p|ed|eds|cf|vs|etc|"
    r"i\.e|e\.g|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|Fig|Art|Op|Ch))\.$"
)
_CUT = re.compile(
    # Every cut starts with a space or a closing quote: tried first, that one test fails fast at most of
    # the text's characters, where the alternatives below were each tried in turn (half the scan's time).
    r"(?=[\s\"”’)])(?:"
    r"(?<=[.!?…])[\"”’)]?(?P<sp>\s+)(?=[\"“‘(\[]?[A-Z0-9À-Þ])"  # sentence end
    r"|(?P<sp2>\s+)(?=(?:\[\s*(?:…|\.\.\.)\s*\]))"  # an elision [...]
    r"|(?<=\])(?P<sp3>\s+)(?=[A-Z])"  # after an elision or a bracketed label
    r"|(?<=[a-z.,;)])(?P<sp4>\s+)(?=(?:[A-Z][\w’'-]*\s){0,2}[A-Z][\w’'-]+:\s)"  # before "Label: "
    r"|(?P<sp5>\s+)(?=https?://|www\.)"  # before a web address
    r"|(?<=\))(?P<sp7>\s+)(?=[A-Z][a-z]+\s[a-z])"  # "(Article) Published by"
    r"|(?P<sp8>\s+)(?=[✣★■◆❖※•])|(?<=[✣★■◆❖※•])(?P<sp9>\s+)"  # around an ornament
    r")"
)
_URL = re.compile(r"(?:https?://|www\.)\S+(?P<sp>\s+)")
#: A day's number with its full stop ("am 3."), and a month name after it ("März"): German writes a
#: date so, and the full stop is no sentence end there ("am 3. März 1921" is one date).
_DAY_DOT = re.compile(r"(?<![\d.])\d{1,2}\.$")
_MONTH_NEXT = re.compile(rf"(?:{month_alternatives()})\b")
_DATE_END = re.compile(
    r"(?:\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},?\s+\d{4}|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December),?\s+\d{4})(?P<sp>\s+)(?=[A-Z][a-z])"
)


@dataclass
class _Line:
    start: int
    end: int
    indent: int
    page_before: bool

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def segment(text: str, *, flat: bool = True) -> list[Segment]:
    """The segments of ``text``, in order (``flat``: a text on one line is cut where its lines were)."""
    newlines = [m.start() for m in re.finditer("\n", text)]
    runs = _runs(text)
    out: list[Segment] = []
    physical = 0
    for run_index, run in enumerate(runs):
        groups = _groups(text, run, blank_gap=run_index > 0)
        for g_index, group in enumerate(groups):
            first, last = group[0], group[-1]
            blank_before = g_index == 0
            blank_after = g_index == len(groups) - 1
            size = last.end - first.start
            # a whole text on one line lost its line breaks: its head is cut where lines started
            one_line = len(runs) == 1 and len(groups) == 1 and len(group) == 1
            cut_flat = flat and one_line and size > FLAT_LINE
            if size > LONG_LINE or cut_flat:
                pieces = _cut_long(text, first.start, last.end, cut_flat)
            else:
                pieces = [(first.start, last.end)]
            for k, (a, b) in enumerate(pieces):
                out.append(
                    Segment(
                        start=a,
                        end=b,
                        text=text[a:b],
                        line=bisect.bisect_right(newlines, a - 1) + 1,
                        end_line=bisect.bisect_right(newlines, b - 1) + 1,
                        blank_before=blank_before and k == 0,
                        blank_after=blank_after and k == len(pieces) - 1,
                        page_before=first.page_before and k == 0,
                        lines=len(group),
                        indent=first.indent if k == 0 else 0,
                        physical=physical,
                        piece=len(pieces) > 1,
                        line_start=k == 0,
                    )
                )
            physical += len(group)
    return split_stamps(split_run_in_heads(text, _join_across_blanks(text, out)))


def _runs(text: str) -> list[list[_Line]]:
    """Runs of non-blank lines (a blank line or a form feed ends a run)."""
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    pos = 0
    page = False
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        raw_end = nl
        # a form feed inside the line cuts it (and marks a page break)
        ff = text.find("\f", pos, raw_end)
        if ff >= 0:
            raw_end = ff
        a, b = pos, raw_end
        while a < b and text[a] in _SPACE:
            a += 1
        while b > a and text[b - 1] in _SPACE:
            b -= 1
        if a < b:
            current.append(_Line(a, b, a - pos, page))
            page = False
        elif current:
            runs.append(current)
            current = []
        if ff >= 0:
            if current:
                runs.append(current)
                current = []
            page = True
            pos = ff + 1
            continue
        if nl >= n:
            break
        pos = nl + 1
    if current:
        runs.append(current)
    return runs


def _groups(text: str, run: list[_Line], blank_gap: bool) -> list[list[_Line]]:
    """The lines of a run grouped into blocks (a hard-wrapped paragraph is one group)."""
    if len(run) == 1:
        return [run]
    lengths = [ln.end - ln.start for ln in run]
    width = max(lengths)
    # the long lines tell: a wrapped text's long lines stop mid-sentence, a line-per-paragraph text's end one
    inner = [t for t in (ln.text(text) for ln in run[:-1]) if len(t) >= 0.5 * width]
    open_ends = sum(1 for t in inner if not t.endswith(_TERMINAL))
    # hard-wrapped: most lines stop mid-sentence (all of them in a short run)
    wrapped = (
        40 <= width <= 160
        and bool(inner)
        and (open_ends > 0.5 * len(inner) if len(inner) >= 3 else open_ends == len(inner))
    )
    groups: list[list[_Line]] = [[run[0]]]
    for prev, line in zip(run, run[1:], strict=False):
        if _continues(text, prev, line, width if wrapped else 0):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _continues(text: str, prev: _Line, line: _Line, width: int) -> bool:
    """Whether ``line`` continues the block of ``prev`` (same run)."""
    p, t = prev.text(text), line.text(text)
    if p.startswith(">") and t.startswith(">"):
        # a Markdown block quotation: judge the lines without their quotation marks
        p, t = p.lstrip("> "), t.lstrip("> ")
        if not p or not t:
            return False
    if line.page_before:
        return False
    if RUNNING_HEAD.match(p) or RUNNING_HEAD.match(t):
        return False  # a printed page's running head stands between lines of the text, on its own
    if p.count("[") > p.count("]") and "](" in t:
        return True  # a Markdown link whose text is wrapped over the line's end
    if _BARE_NUMBER.match(p):
        return True  # "1." alone on its line numbers the paragraph after it
    if _LIST_START.match(t) and not t[:1].islower():
        return False
    if p.endswith(("-", "\u00ad")) and t[:1].isalpha():
        return True
    if t[:1].islower() and FOOT_LINE.match(t):
        return False  # "cc: ...", "encl.: ...": a field of a letter's header or foot starts a line
    if t[:1].islower() and not p.endswith((".", "!", "?", ":", '"', "”", "\\")):
        return True
    if width and len(p) >= 30 and not p.endswith(("\\", ":")):
        # the next line's first word would not have fitted on this line: the break is a wrap
        # str.split's white space is wider than _SPACE: a line of U+2028 or U+0085 alone has no word
        words = t.split(None, 1)
        first_word = words[0] if words else ""
        if len(p) + 1 + len(first_word) > 0.92 * width or len(p) >= 0.8 * width:
            return True
    return bool(_OPEN_WORD.search(p)) and len(p) >= 20


def _join_across_blanks(text: str, segs: list[Segment]) -> list[Segment]:
    """Join a block to the one before it across a blank line when it continues an unfinished sentence."""
    out: list[Segment] = []
    for seg in segs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and seg.blank_before
            and not seg.page_before
            and seg.text[:1].islower()
            and prev.text[-1:].isalpha()
            and len(prev.text) > 30
            and not _title_case(prev.text)
            and not _LIST_START.match(seg.text)
            and not FOOT_LINE.match(seg.text)
        ):
            out[-1] = Segment(
                start=prev.start,
                end=seg.end,
                text=text[prev.start : seg.end],
                line=prev.line,
                end_line=seg.end_line,
                blank_before=prev.blank_before,
                blank_after=seg.blank_after,
                page_before=prev.page_before,
                lines=prev.lines + seg.lines,
                indent=prev.indent,
                physical=prev.physical,
                piece=prev.piece or seg.piece,
                line_start=prev.line_start,
            )
            continue
        out.append(seg)
    return out


def _title_case(text: str) -> bool:
    """Most longer words capitalised: a heading, which a lower-case line after a blank does not continue."""
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _cut_long(text: str, start: int, end: int, flat: bool = False) -> list[tuple[int, int]]:
    """Cut one long line into pieces: finely near its edges, in bounded pieces in its middle; a
    ``flat`` text (one line as a whole) also where its lost lines started, in its head."""
    cuts: list[int] = []  # offsets where a new piece starts
    if flat:  # the lost lines of a flattened text, in its head and its tail (closers, notes)
        cuts.extend(flat_cuts(text, start, min(end, start + FINE_HEAD)))
        cuts.extend(flat_cuts(text, max(start + FINE_HEAD, end - FINE_TAIL), end))
    for m in _CUT.finditer(text, start, end):
        sp = m.lastgroup  # each alternative has one group: the one that matched
        assert sp is not None
        at = m.end(sp)
        if sp == "sp" and _ABBREV.search(text, max(start, m.start(sp) - 8), m.start(sp)):
            continue
        if (
            sp == "sp"
            and _DAY_DOT.search(text, max(start, m.start(sp) - 4), m.start(sp))
            and _MONTH_NEXT.match(text, at)
        ):
            continue  # a day and its month ("am 3. März"): one date, no sentence end
        if sp == "sp4" and _capitalised_before(text, m.start(sp), quoted=flat):
            continue  # inside a capitalised phrase ("In The Sino-Soviet Split: ..."), not before a label
        if (
            sp == "sp4"
            and flat
            and _OPEN_WORD.search(text, max(start, m.start(sp) - 8), m.start(sp))
        ):
            continue  # a flattened heading's colon after "the" ("Made the Dream Work: ..."): no label
        cuts.append(at)
    for m in _DATE_END.finditer(text, start, min(end, start + FINE_HEAD)):
        cuts.append(m.end("sp"))
    for m in _URL.finditer(text, start, end):
        cuts.append(m.end("sp"))  # a web address ends a piece
    cuts = sorted(set(c for c in cuts if start < c < end))
    pieces: list[tuple[int, int]] = []
    a = start
    for c in [*cuts, end]:
        b = c
        while b > a and text[b - 1] in _SPACE:
            b -= 1
        if b <= a:
            continue
        in_middle = start + FINE_HEAD < a and c < end - FINE_TAIL
        if pieces and in_middle and b - pieces[-1][0] <= PIECE and not _strong_cue(text, a):
            pieces[-1] = (pieces[-1][0], b)
        else:
            pieces.append((a, b))
        a = c
    return pieces or [(start, end)]


def _capitalised_before(text: str, at: int, quoted: bool = False) -> bool:
    """Whether the word ending at ``at`` starts with a capital letter (``quoted``: after any opening
    quotation mark or bracket, as in a flattened heading's "‘Erich's Lamp Shop’: ...")."""
    k = at
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    while quoted and k < at and text[k] in "\"“‘'(":
        k += 1
    return text[k : k + 1].isupper()


_STRONG = re.compile(r"\[\s*(?:…|\.\.\.)|(?:[A-Z][\w’'-]*\s){0,2}[A-Z][\w’'-]+:\s")


def _strong_cue(text: str, at: int) -> bool:
    """A piece that starts with an elision or an inline label is never grouped with the one before."""
    return bool(_STRONG.match(text, at, at + 60))
