"""A web post's own lines and a journal page's front matter: the roles their words settle.

The cue phrases live in ``post-cues.txt`` beside this module (editable data, several languages):
- the post's line "Posted on <date> by <name>" or "Posted by <name> on <date>" ("Veröffentlicht am … von …")
  is its byline, whatever the labeller thought of it (it gives the post's date and author); the short
  line right over it is the post's title where nothing above is one, and the sentences under it up to
  its panels are its text;
- a comment section ("12 comments", "Leave a Reply", "3 Kommentare", "Laisser un commentaire") after the
  post's text is the site's: it and everything after it are furniture. A bare count or "Comments"
  heading needs evidence that comments follow (a "X says:" line, a reply form), since an article may
  have a section of that name;
- a share, tags, categories or related-posts panel after the text is furniture, and so are the short
  lines under a panel's label standing alone (the buttons, the related posts' titles);
- before the text, a journal's citation line ("Zeitschrift für Landesgeschichte 45 (2015), S. 201-230")
  over the article's title is its source citation (it gives the date of publication);
- before the text, "By X and Y" / "Von X" / "Par X et Y" is the byline, and an institution's line right
  under the byline is the author's affiliation (page metadata, not the title, a heading or an author);
- before the text, a line of a title word and a year alone ("Tagebuch 1957", "Annual Report 1961") is
  the title (a heading where a title is above it), not a dateline: a dateline's date has a day or a month;
- a "Prepared by / Drafted by / Verfasst von / Rédigé par" line is no heading: before the text it is the
  byline (cut from the title block it ends), after it a paragraph of the document's end;
- before the text, a keywords line ("Keywords: a; b", "Schlagwörter: …", "Mots-clés : …") is page
  metadata: set aside from the text, its terms are the header's keywords (``keyword_terms``).
Each change is returned for the conversion report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from teiedit.readers.cascade.model import Labelled
from teiedit.readers.common.boilerplate import data_lines

CUES_FILE = Path(__file__).resolve().with_name("post-cues.txt")
#: Past this length a block is prose, not a post's line, a panel or a heading.
_MAX_LINE = 200
#: A comment's first line: its writer's name and "says:" (or the date and time of a comment).
_COMMENT_LINE = re.compile(
    r"^\S.{0,60}\s(?:says|said|sagt|schreibt|dit|a dit)\s?:"
    r"|\b\d{1,2}[:.]\d{2}\s*(?:am|pm|uhr)\b|\b\d{1,2}\s*h\s*\d{2}\b",
    re.IGNORECASE,
)
#: A byline naming its authors: "By X", "Von X und Y", "Par X et Y" (names: capitalised words).
_NAME = r"[A-ZÀ-Þ][\w’'.-]*(?:\s+(?:[A-ZÀ-Þ][\w’'.-]*|van|von|de|du|der|da|di|la|le))*"
_BYLINE = re.compile(
    rf"^(?i:by|von|par|de|door|di)\s+{_NAME}(?:\s*(?:,|and|und|et|&|e|y)\s+{_NAME})*\s*$"
)
_NAMES_LINE = re.compile(rf"^{_NAME}(?:\s*(?:,|and|und|et|&|e|y)\s+{_NAME})+$")
_RUNS_ON = re.compile(
    r"\b(?:between|of|and|from|to|with|by|on|for|zwischen|von|und|an|mit|über|entre|de|et|à|avec|sur)"
    r"\s*$|[:,–-]\s*$",
    re.IGNORECASE,
)
_JOINER = re.compile(r"\s+(?:and|und|et|&|e|y)\s+|,\s+(?=[A-ZÀ-Þ])")
_BODY = ("p", "item")
#: The roles a journal's citation line is mistaken for at an article's top.
_CITABLE = ("title", "heading", "dateline", "meta", "p")
#: A line of words and a year, nothing more ("Tagebuch 1957", "Annual Report, 1961"): the words part.
_WORDS_AND_YEAR = re.compile(r"^(?P<words>[^\d]{3,80}?)[\s,:–-]+(?:1[0-9]|20)\d\d\.?$")
_SENTENCE = re.compile(r"[.!?…][\"'’”»)]*$")


@lru_cache(maxsize=1)
def cues() -> dict[str, tuple[re.Pattern[str], ...]]:
    """The cue patterns of the data file by role."""
    found: dict[str, list[re.Pattern[str]]] = {}
    for line in data_lines(CUES_FILE):
        role, _, pattern = line.partition(":")
        found.setdefault(role.strip(), []).append(re.compile(pattern.strip(), re.IGNORECASE))
    return {role: tuple(patterns) for role, patterns in found.items()}


def matches(role: str, text: str) -> re.Match[str] | None:
    if len(text) > _MAX_LINE:
        return None
    return next((m for rx in cues().get(role, ()) if (m := rx.match(text))), None)


def posted_line(text: str) -> tuple[str, str] | None:
    """The date and the author's name of a post's "Posted on <date> by <name>" line."""
    m = matches("posted", text.strip())
    return (m["date"].strip(), m["name"].strip(" .,;")) if m else None


def journal_line(text: str) -> bool:
    """The text is a journal's citation (a journal word, a year and a page range), not an archive's."""
    return bool(matches("journal", " ".join(text.split())))


def keyword_terms(text: str) -> list[str]:
    """The terms of a keywords line ("Keywords: a; b; c"), one per keyword; none if it is no such line.
    Semicolons part the terms where there are any (a term may hold a comma), else commas, dots or bars."""
    m = matches("keywords", " ".join(text.split()))
    if m is None:
        return []
    listed = m["terms"].strip().rstrip(".")
    parts = listed.split(";") if ";" in listed else re.split(r"[,·•|]", listed)
    return [t for p in parts if (t := p.strip(" .\t"))]


def prepared_by(text: str) -> str | None:
    """Who a "Prepared by X, 2 May 1961" line names (up to its first comma); None for other lines."""
    if not matches("prepared", " ".join(text.split())):
        return None
    named = re.sub(r"^\S+\s+(?:by|von|durch|par)\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.split(r"[,;(]", named)[0].strip(" .")


def year_title(text: str) -> bool:
    """The line is a title word with a year and nothing else ("Tagebuch 1957", "Diary 1912")."""
    m = _WORDS_AND_YEAR.match(" ".join(text.split()))
    return bool(m and matches("yeartitle", m["words"].strip()))


def split_names(text: str) -> list[str]:
    """The names of a byline naming several people ("X and Y", "X, Y et Z"); one name if it is one."""
    parts = [p.strip(" ,;") for p in _JOINER.split(text)]
    if len(parts) > 1 and all(len(p.split()) >= 2 and p[:1].isupper() for p in parts):
        return parts
    return [text]


def apply(blocks: list[Labelled]) -> list[str]:
    """Relabel the blocks the cue phrases settle; what changed, for the report."""
    changes: list[str] = []

    def relabel(b: Labelled, label: str, why: str) -> None:
        b.relabel(label, why, changes)

    changes.extend(_names_under_title(blocks))
    changes.extend(_prepared_under_title(blocks))
    first = _first_prose(blocks)
    for b in blocks[:first]:
        if _BYLINE.match(b.one_line) and b.label not in ("title", "p"):
            relabel(b, "byline", "a byline naming its authors")
    for i, b in enumerate(blocks[:first]):
        text = b.one_line
        if b.label not in ("furniture", "pagefw") and keyword_terms(text):
            relabel(b, "meta", "a keywords line: its terms go to the header")
        elif b.label in ("title", "heading") and matches("prepared", text):
            relabel(b, "byline", "who prepared the document: its byline, not a heading")
        elif b.label == "dateline" and year_title(text):
            label = "heading" if any(x.label == "title" for x in blocks[:i]) else "title"
            relabel(b, label, "a title word and a year: a title, not a dateline")
        elif posted_line(text) and b.label != "title":
            relabel(b, "byline", "a post's date and author line")
            above = blocks[i - 1] if i else None
            if above and not any(x.label == "title" for x in blocks[:i]) and _title_like(above):
                relabel(above, "title", "the line over a post's date and author line")
            _post_text(blocks[i + 1 :], relabel)
            first = min(first, _first_prose(blocks))
        elif (
            b.label in _CITABLE and matches("journal", text) and (below := _title_below(blocks, i))
        ):
            relabel(b, "citation", "a journal's citation line over the article's title")
            relabel(below, "title", "the line between a journal's citation and the byline")
        elif b.label == "byline" and matches("affiliation", text) and not _BYLINE.match(text):
            relabel(b, "meta", "an institution's line, not a name")
        elif i and blocks[i - 1].label == "byline" and matches("affiliation", text):
            relabel(b, "meta", "an author's affiliation under the byline")
    for b in blocks[first:]:
        if b.label in ("title", "heading") and matches("prepared", b.one_line):
            relabel(b, "p", "who prepared the document: a line of its end, not a heading")
    end = _comment_section(blocks, first)
    for b in blocks[end:]:
        relabel(b, "furniture", "the page's comment section")
    under_panel = False
    for b in blocks[first:end]:
        text = b.one_line
        if matches("panel", text):
            relabel(b, "furniture", "a share, tags or related-posts panel")
            under_panel = not re.search(r":\s*\S", text)  # a label standing alone: its items follow
        elif under_panel and len(text) <= 80 and not re.search(r"[.!?]$", text):
            relabel(b, "furniture", "an item of a share or related-posts panel")
        else:
            under_panel = False
    return changes


def _title_below(blocks: list[Labelled], i: int) -> Labelled | None:
    """The article's title under a citation line at ``i``: a block after it labelled title, else a
    short line between it and a byline (the citation line is then the only block labelled title)."""
    found = next((b for b in blocks[i + 1 :] if b.label == "title"), None)
    if found is None and i + 2 < len(blocks) and blocks[i + 2].label == "byline":
        line = blocks[i + 1]
        if len(line.one_line) <= 150 and "\n" not in line.text.strip():
            found = line if not re.search(r"[.:;,]$", line.one_line) else None
    return found


def _names_under_title(blocks: list[Labelled]) -> list[str]:
    """A title block whose last line names two or more people ("Thomas Weber and Anna Schulz", no
    blank line between) is the title over its byline: the block is cut in two (in place)."""
    for i, b in enumerate(blocks):
        if b.label != "title":
            continue
        text = b.text.rstrip()
        cut = text.rfind("\n")
        last = text[cut + 1 :].strip()
        if cut <= 0 or not _NAMES_LINE.match(last) or len(split_names(last)) < 2:
            continue
        if _RUNS_ON.search(text[:cut]):
            continue  # "Letters between / Karl Marx and Friedrich Engels": the names are the title's
        head = b.seg.text[:cut].count("\n") + 1
        top = replace(b.seg.stretch(0, cut, lines=head, blank_after=False), piece=False)
        title = replace(b, seg=top)
        names = b.seg.stretch(cut + 1, len(text), lines=1, blank_before=False)
        names = replace(names, physical=b.seg.physical + head, piece=False)
        blocks[i : i + 1] = [title, replace(b, seg=names, label="byline")]
        return [f"line {names.line}: title -> byline (the names under the title, cut from it)"]
    return []


def _prepared_under_title(blocks: list[Labelled]) -> list[str]:
    """A title or heading block whose last line says who prepared the document ("Prepared by the
    Political Section, 2 May 1961", no blank line between) is cut in two (in place): the title, then
    that line as its byline."""
    out: list[str] = []
    for i in range(len(blocks) - 1, -1, -1):
        b = blocks[i]
        text = b.text.rstrip()
        cut = text.rfind("\n")
        if b.label not in ("title", "heading") or cut <= 0:
            continue
        if not matches("prepared", " ".join(text[cut + 1 :].split())):
            continue
        head = b.seg.text[:cut].count("\n") + 1
        top = replace(b.seg.stretch(0, cut, lines=head, blank_after=False), piece=False)
        line = b.seg.stretch(cut + 1, len(text), lines=1, blank_before=False)
        line = replace(line, physical=b.seg.physical + head, piece=False)
        blocks[i : i + 1] = [replace(b, seg=top), replace(b, seg=line, label="byline")]
        out.append(
            f"line {line.line}: {b.label} -> byline (who prepared the document, cut from it)"
        )
    return out


def _post_text(after: list[Labelled], relabel: Callable[[Labelled, str, str], None]) -> None:
    """Under a post's date and author line, the sentences up to its first panel or comment section are
    its text, even where the labeller took them for the site's."""
    for b in after:
        text = b.one_line
        if any(matches(role, text) for role in ("panel", "comments", "reply")):
            return
        if (
            b.label == "furniture"
            and sum(c.isalpha() for c in text) >= 40
            and _SENTENCE.search(text)
        ):
            relabel(b, "p", "a sentence of the post's text under its date and author line")


def _title_like(b: Labelled) -> bool:
    """A short line without a sentence's end, of the text's roles or the site's."""
    text = b.one_line
    short = len(text) <= 150 and "\n" not in b.text.strip()
    return short and b.label in ("p", "heading", "furniture") and not re.search(r"[.:;,]$", text)


def _first_prose(blocks: list[Labelled]) -> int:
    """The index of the text's first paragraph of prose (a sentence of some length), else the end."""
    for i, b in enumerate(blocks):
        if b.label in _BODY and sum(c.isalpha() for c in b.one_line) >= 60:
            if keyword_terms(b.one_line):
                continue  # a long keywords line is the text's metadata, not its first paragraph
            return i
    return len(blocks)


def _comment_section(blocks: list[Labelled], first: int) -> int:
    """Where the comment section after the text starts (the end of the blocks if there is none)."""
    for i in range(first + 1, len(blocks)):
        text = blocks[i].one_line
        if matches("reply", text):
            return i
        if not matches("comments", text):
            continue
        rest = blocks[i + 1 :]
        if not rest or any(_COMMENT_LINE.search(r.one_line) for r in rest[:6]):
            return i
        if any(matches("reply", r.one_line) for r in rest):
            return i  # the count over the form: "3 Comments" ... "Leave a Reply"
    return len(blocks)
