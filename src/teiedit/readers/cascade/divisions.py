"""Divisions by shape after labelling: a diary's dated entries and a report's numbered sections.

The labeller sees a block and its next neighbours; a diary's date lines and a report's numbered headings
show their role only as a run over the whole text: a line of nothing but a date, twice or more, each
followed by running text, opens an entry (``div[@type='entry']``, the date line its ``head``); a short
line numbered "1.", "II.", "B." or "Section 3" whose numbers follow each other, each followed by running
text, opens a section (``div[@type='section']``). An enumerated list keeps its items: they follow each
other without running text between, end as phrases (";", ","), or are led in by a line ending in a colon.
Nothing here knows a site or a language beyond its weekday names. Each rule returns its decisions.
"""

from __future__ import annotations

import re

from teiedit.dates import find_dates
from teiedit.months import WEEKDAYS
from teiedit.readers.cascade.labels import SET_ASIDE
from teiedit.readers.cascade.model import Labelled

#: Labels of running text that may stand between two entries or sections (the labeller often reads the
#: text under a date line as a summary, and a date line as a dateline or a top line).
_RUNNING = frozenset({"p", "summary", "item", "caption"})
#: Weekday names that may stand beside an entry's date (English, German, French, Italian, Spanish).
_WEEKDAYS = frozenset(WEEKDAYS)
#: Small words of a date line ("den 12. März", "le 3 février", "the 4th of May").
_DATE_WORDS = frozenset({"den", "am", "le", "the", "of", "il", "el", "de"})
_WORD = re.compile(r"[^\W\d_]+")
#: How a list's item starts: a number or letter with its stop or bracket, or a bullet.
_ITEM = re.compile(r"^(?:\(?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,5})[.)]|[-•*–])\s")
_DAY_WHEN = re.compile(r"-\d\d-\d\d$")
#: An entry's date line is short; a line of prose that holds a date is longer.
_DATE_LINE = 60

_SECTION_WORDS = "section|part|chapter|abschnitt|teil|kapitel|partie|chapitre|sección|sezione"
_NUMBERED = re.compile(
    rf"^(?:(?P<word>{_SECTION_WORDS})\s+(?P<wn>\d{{1,2}}|[IVXLC]{{1,7}}|[A-Z])[.:]?(?:\s+(?P<wrest>\S.*))?"
    r"|(?P<n>\d{1,2}|[IVXLC]{1,7}|[A-Z])[.)]\s+(?P<rest>\S.*))$",
    re.IGNORECASE,
)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
#: A section heading is a short phrase: at most this many words and characters after its number.
_HEADING_WORDS = 12
_HEADING_CHARS = 90


def apply(blocks: list[Labelled]) -> list[str]:
    """Every rule in order; the decisions they took."""
    return entries(blocks) + numbered_sections(blocks) + lead_in_lists(blocks)


def _kept(blocks: list[Labelled]) -> list[Labelled]:
    return [b for b in blocks if not b.aside and b.label not in SET_ASIDE]


def entry_date(text: str) -> str:
    """The ISO date (or partial date with a day) if ``text`` is a line of nothing but a date, with its
    weekday name and punctuation ("Monday, 12 March", "Dienstag, 15. Januar 1957"), else ""."""
    line = text.strip()
    if not line or "\n" in line or len(line) > _DATE_LINE:
        return ""
    found = find_dates(line)
    if len(found) != 1:
        return ""
    when = found[0].attrs.get("when", "")
    if not _DAY_WHEN.search(when):
        return ""
    rest = line[: found[0].start] + " " + line[found[0].end :]
    if any(w.lower() not in _WEEKDAYS | _DATE_WORDS for w in _WORD.findall(rest)):
        return ""
    if re.search(r"[^\s\w,.:;()–—-]", rest):
        return ""
    return when


def entries(blocks: list[Labelled]) -> list[str]:
    """Date lines, two or more, with nothing but running text between them: a diary's entries."""
    kept = _kept(blocks)
    dated = [
        i
        for i, b in enumerate(kept)
        if b.seg.line_start
        and entry_date(b.text)
        and i + 1 < len(kept)
        and kept[i + 1].label in _RUNNING
        and not entry_date(kept[i + 1].text)
    ]
    out: list[str] = []
    for run in _runs(kept, dated):
        for k, i in enumerate(run):
            end = run[k + 1] if k + 1 < len(run) else _running_end(kept, i + 1)
            _open(kept[i], "entry", out)
            _as_text(kept[i + 1 : end], out)
    return out


def numbered_sections(blocks: list[Labelled]) -> list[str]:
    """Short numbered lines in sequence ("1. Situation", "2. Economic conditions"), each followed by
    running text: a report's section headings (an enumerated list keeps its items)."""
    kept = _kept(blocks)
    candidates: list[tuple[int, list[tuple[str, int]]]] = []
    for i, b in enumerate(kept):
        styles = _heading_number(b)
        if not styles or i + 1 >= len(kept):
            continue
        after = kept[i + 1]
        if after.label not in _RUNNING or _heading_number(after) or _NUMBERED.match(after.one_line):
            continue  # an item of a list, or a heading with no text under it
        if i and kept[i - 1].one_line.rstrip().endswith(":") and not kept[i - 1].opens:
            continue  # led in by "the following:": a list
        candidates.append((i, styles))
    chains: list[list[int]] = []
    for style in {s for _, styles in candidates for s, _ in styles}:
        chain: list[int] = []
        last = 0
        for i, styles in candidates:
            value = dict(styles).get(style)
            if value is None:
                continue
            if chain and value == last + 1:
                chain.append(i)
            else:
                if len(chain) >= 2:
                    chains.append(chain)
                chain = [i]
            last = value
        if len(chain) >= 2:
            chains.append(chain)
    out: list[str] = []
    for chain in sorted(chains):
        for k, i in enumerate(chain):
            if kept[i].opens:
                continue
            end = chain[k + 1] if k + 1 < len(chain) else _running_end(kept, i + 1)
            _open(kept[i], "section", out)
            _as_text(kept[i + 1 : end], out)
    return out


def lead_in_lists(blocks: list[Labelled]) -> list[str]:
    """Lines numbered in sequence ("(a) ...", "(b) ...") right after a line that ends in a colon, read
    as paragraphs: the items of the list the line leads in."""
    kept = _kept(blocks)
    out: list[str] = []
    for i, lead in enumerate(kept):
        if lead.label != "p" or not lead.one_line.rstrip().endswith(":"):
            continue
        run: list[Labelled] = []
        marks: list[str] = []
        for b in kept[i + 1 :]:
            m = _ITEM.match(b.one_line)
            if b.label not in ("p", "item") or m is None or b.opens:
                break
            run.append(b)
            marks.append(m[0])
        if len(run) < 2 or not _in_sequence(marks):
            continue
        for b in run:
            if b.label != "item":
                b.label = "item"
                out.append(f"line {b.seg.line}: p -> item (a list led in by a colon)")
    return out


def _in_sequence(marks: list[str]) -> bool:
    """Whether the marks of a run of lines count up from their first ("(a)", "(b)"; "1.", "2.")."""
    values = []
    for mark in marks:
        core = mark.strip("()[]. \t").rstrip(")")
        if core.isdigit():
            values.append(int(core))
        elif len(core) == 1 and core.isalpha():
            values.append(ord(core.lower()) - ord("a") + 1)
        else:
            return False
    return all(b == a + 1 for a, b in zip(values, values[1:], strict=False))


def _heading_number(b: Labelled) -> list[tuple[str, int]]:
    """The numbering styles a short one-line heading's number may be read in, with its value."""
    if "\n" in b.text.strip() or not b.seg.line_start:
        return []
    m = _NUMBERED.match(b.one_line)
    if not m:
        return []
    word, number = (m["word"], m["wn"]) if m["word"] else ("", m["n"])
    rest = (m["wrest"] if word else m["rest"]) or ""
    words = rest.split()
    if len(words) > _HEADING_WORDS or len(rest) > _HEADING_CHARS:
        return []
    if rest and (rest[-1] in ";,:" or (rest[-1] == "." and len(words) > 6)):
        return []  # a phrase of a list, or a sentence
    if rest and not (rest[0].isupper() or rest[0].isdigit()):
        return []
    if rest and re.search(r"[.;!?]\s+\S", rest):
        return []  # more than one sentence
    prefix = word.lower() + ":" if word else ""
    styles: list[tuple[str, int]] = []
    if number.isdigit():
        styles.append((prefix + "arabic", int(number)))
    if re.fullmatch(r"[ivxlc]+", number, re.IGNORECASE) and (value := _roman(number)):
        styles.append((prefix + "roman" + ("" if number.isupper() else "-lower"), value))
    if len(number) == 1 and number.isalpha():
        case = "upper" if number.isupper() else "lower"
        styles.append((prefix + case, ord(number.lower()) - ord("a") + 1))
    return styles


def _roman(numeral: str) -> int:
    """The value of a Roman numeral written in the usual subtractive way, else 0."""
    values = [_ROMAN[c] for c in numeral.lower()]
    total = sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )
    canonical = {1: "i", 2: "ii", 3: "iii", 4: "iv", 5: "v", 6: "vi", 7: "vii", 8: "viii", 9: "ix"}
    if total < 10 and canonical[total] != numeral.lower():
        return 0
    return total


def _runs(kept: list[Labelled], dated: list[int]) -> list[list[int]]:
    """Date lines grouped into runs: written alike ("12 March 1956", "14 March 1956"), in the order of
    time, with nothing but running text between neighbours (a document's dateline and a filing date
    under its text, "5 March 1956" and "5.3.56", are no entries)."""
    runs: list[list[int]] = []
    for i in dated:
        if (
            runs
            and all(b.label in _RUNNING for b in kept[runs[-1][-1] + 1 : i])
            and _date_shape(kept[i].text) == _date_shape(kept[runs[-1][-1]].text)
            and _sort_key(entry_date(kept[runs[-1][-1]].text))
            <= _sort_key(entry_date(kept[i].text))
        ):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [r for r in runs if len(r) >= 2]


def _date_shape(text: str) -> str:
    """How a date line is written, without its weekday: digits and words as classes ("9 a 9")."""
    words = [w for w in re.split(r"(\W+)", text.strip()) if w.lower() not in _WEEKDAYS]
    shape = re.sub(r"\d+", "9", "".join(words))
    return " ".join(re.sub(r"[^\W\d_]+", "a", shape).strip(" ,").split())


def _sort_key(when: str) -> str:
    """An ISO date's month and day, after its year where it has one: the order of a diary's entries."""
    return when.lstrip("-:?")


def _running_end(kept: list[Labelled], i: int) -> int:
    """Where the running text from ``i`` on ends (the first block that is not running text)."""
    while i < len(kept) and kept[i].label in _RUNNING:
        i += 1
    return i


def _open(b: Labelled, kind: str, out: list[str]) -> None:
    was, b.label, b.opens = b.label, "heading", kind
    out.append(f"line {b.seg.line}: {was} -> heading opening a {kind} ({b.one_line[:40]!r})")


def _as_text(under: list[Labelled], out: list[str]) -> None:
    """The text under an entry or section heading is running text, not a summary of the document."""
    for b in under:
        if b.label == "summary" or (b.label == "item" and not _ITEM.match(b.one_line)):
            was, b.label = b.label, "p"
            out.append(f"line {b.seg.line}: {was} -> p (text of a division)")
