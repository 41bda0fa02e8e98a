"""Decisions by shape after labelling: what a block's shape and place say, whatever the labeller said.

The labeller learns layouts; some roles are plain from a block's shape and place in any layout: a line
of navigation or a counter is furniture, a short "Dear ...," before the text is a salutation, the
paragraphs before a letter's dateline are an editor's headnote, an abstract ends at its keywords, and a
long run of sentences is no metadata line. Each rule returns the decisions it took, for the report.
"""

from __future__ import annotations

import re

from teiedit.dates import find_dates
from teiedit.readers.cascade.features import shapes
from teiedit.readers.cascade.labels import SET_ASIDE
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.cascade.notelink import SUPERSCRIPTS, call_patterns, parse_body
from teiedit.readers.cascade.stamps import is_stamp
from teiedit.readers.common.boilerplate import boilerplate_reason
from teiedit.readers.common.lines import Block


def apply(blocks: list[Labelled]) -> list[str]:
    """Every rule in order; the decisions they took."""
    out: list[str] = []
    for rule in (
        furniture_shapes,
        page_markers,
        running_meta,
        salutation,
        salutation_line,
        top_dateline,
        dated_byline,
        journal_citation,
        source_line,
        headnote,
        abstract_end,
        bracket_notes,
        numbered_documents,
        notes_without_text,
        trailing_rules,
        beside_stamps,
    ):
        out.extend(rule(blocks))
    return out


def furniture_shapes(blocks: list[Labelled]) -> list[str]:
    """Short blocks of a common furniture shape (navigation, counters, notices) are furniture whatever
    the labeller said: a line that only a web page or a viewer shows is never the document's text."""
    out = []
    running = [i for i, b in enumerate(blocks) if b.label == "p" and len(b.one_line) > 120]
    first, last = (running[0], running[-1]) if running else (len(blocks), -1)
    for i, b in enumerate(blocks):
        # in the text, only short lines; above and below it, notices of any length (up to 400)
        inside = first < i < last
        if b.label in SET_ASIDE or (inside and len(b.one_line) > 120):
            continue
        if reason := boilerplate_reason(Block(b.seg.line, b.text)):
            out.append(f"line {b.seg.line}: furniture by its shape ({reason}), not {b.label}")
            b.label = "furniture"
    return out


#: A printed page's marker alone on its line: "Page ii", "Page 12", "p. 7", "[Page 131]".
_PAGE_MARKER = re.compile(r"^\[?(?:page|p\.)\s*(?:\d{1,4}|[ivxlc]{1,7})\]?$", re.IGNORECASE)


def page_markers(blocks: list[Labelled]) -> list[str]:
    """A block that is only a printed page's marker is page furniture whatever the labeller said (the
    text of a book's front matter between "Page i" and "Page ii" began with one)."""
    out = []
    for b in blocks:
        if b.label not in SET_ASIDE and _PAGE_MARKER.match(b.one_line):
            out.append(f"line {b.seg.line}: pagefw (a page marker alone), not {b.label}")
            b.label = "pagefw"
    return out


_KEYWORDS = re.compile(
    r"^\W*(?:key\s*words|keywords|schlagw\w+|mots[- ]cl\w+|palabras clave)\b", re.I
)


def abstract_end(blocks: list[Labelled]) -> list[str]:
    """An abstract ends at its keywords line: running text after it is the document's text."""
    out = []
    for i, b in enumerate(blocks):
        if b.label in ("summary", "heading", "meta") and _KEYWORDS.match(b.one_line):
            for nxt in blocks[i + 1 :]:
                if nxt.label != "summary":
                    break
                nxt.label = "p"
                out.append(f"line {nxt.seg.line}: p (after the abstract's keywords), not summary")
            break
    return out


#: The words a salutation opens with (after "My"), besides "Dear" and its kind: this rule's and the one
#: that cuts a salutation glued to its paragraph (neighbours.py).
SALUTE_WORDS = r"fellow[- ]\w+|ladies|gentlemen|comrades?|friends|sirs?|madam"
_SALUTATION = re.compile(
    r"^\W{0,2}(?:\[?to\]?\s+.{1,60}:|(?:my\s+)?(?:dear|esteemed|respected|honou?red|"
    rf"{SALUTE_WORDS})\b.{{0,60}}[,:!])\W{{0,2}}$",
    re.IGNORECASE,
)


def salutation(blocks: list[Labelled]) -> list[str]:
    """A short line shaped like a salutation before the first paragraph of running text is one (the
    labeller may have called it a paragraph, or, unsure, a line of the page's metadata)."""
    kept = [b for b in blocks if not b.aside and b.label not in SET_ASIDE]
    for i, b in enumerate(kept):
        if b.label == "salute" or (b.label == "p" and len(b.one_line) > 120):
            return []
        if b.label in ("p", "meta", "opener") and _SALUTATION.match(b.one_line):
            was, b.label = b.label, "salute"
            return [f"line {b.seg.line}: salute (by its shape, before the text), not {was}"]
        if (
            b.label in ("title", "heading", "byline")
            and b.one_line.rstrip().endswith((",", "!"))
            and "salute" in shapes(b.one_line, [])
            and i + 1 < len(kept)
            and kept[i + 1].label == "p"
        ):
            # "Werter Genosse Ulbricht!", "Monsieur le Ministre," right above the text: no title
            was, b.label = b.label, "salute"
            return [f"line {b.seg.line}: salute (by its shape, above the text), not {was}"]
    return []


def salutation_line(blocks: list[Labelled]) -> list[str]:
    """A short line of words right after the salutation, with running text after it ("Dear Mr.
    President:" / its translation, or a second line of the salutation), is part of the salutation,
    not the first paragraph: a paragraph is a sentence, this line ends in none."""
    kept = [b for b in blocks if not b.aside and b.label not in SET_ASIDE]
    for i, b in enumerate(kept[:-2]):
        if b.label != "salute":
            continue
        nxt, after = kept[i + 1], kept[i + 2]
        text = nxt.one_line
        if (
            nxt.label in ("p", "opener", "meta")
            and len(text) <= 40
            and not text.endswith((".", "?", "!", ";", ","))
            and ":" not in text
            and not any(c.isdigit() for c in text)
            and after.label == "p"
            and len(after.one_line) > 120
        ):
            was, nxt.label = nxt.label, "salute"
            return [f"line {nxt.seg.line}: salute (a line of the salutation), not {was}"]
        return []
    return []


def running_meta(blocks: list[Labelled]) -> list[str]:
    """Running text is no metadata line nor opening line: a long block of sentences the labeller called
    either is a paragraph (metadata would be set aside)."""
    out = []
    for b in blocks:
        text = b.one_line
        if (
            b.label in ("meta", "opener")
            and len(text) > 150
            and text.count(". ") + text.count("; ") >= 1
            and not LABEL_FIELD.match(text)
        ):
            b.label = "p"
            out.append(f"line {b.seg.line}: p (running text), not meta")
    return out


#: A "Label: value" field of a page ("Written: 1908", "Source: ...").
LABEL_FIELD = re.compile(r"^[\[(]?[A-Z][\w /()\\.&'’-]{0,32}[\])]?:\s")


def inner_meta(blocks: list[Labelled]) -> list[str]:
    """After a paragraph of running text and before more text, a block the labeller called metadata
    that is no "Label: value" field (a letterhead, a sender's name and date run into a scan's text) is
    text: a page's metadata stands above or below the document, not inside it. Run last among the
    rules by neighbours (``neighbours.apply``), once the pieces of run-on lines are paragraphs."""
    running = [
        i for i, b in enumerate(blocks) if b.label == "p" and not b.aside and len(b.one_line) > 120
    ]
    text = [i for i, b in enumerate(blocks) if b.label in ("p", "item") and not b.aside]
    if not running or not text:
        return []
    out = []
    for b in blocks[running[0] + 1 : text[-1]]:
        if b.label == "meta" and not b.aside and not LABEL_FIELD.match(b.one_line):
            b.label = "p"
            out.append(f"line {b.seg.line}: p (inside the text, no field of the page), not meta")
    return out


def headnote(blocks: list[Labelled]) -> list[str]:
    """The paragraphs (up to three) before a document's dateline or salutation are an editor's headnote
    about it (a summary), not the first paragraphs of its text."""
    kept = [b for b in blocks if b.label not in SET_ASIDE and b.label != "meta"]
    for i, b in enumerate(kept):
        if b.label in ("p", "item"):
            j = i
            while j < len(kept) and j - i < 4 and kept[j].label in ("p", "item"):
                j += 1
            nxt = next((x for x in kept[j : j + 4] if x.label != "title"), None)
            run = kept[i:j]
            if (
                nxt is not None
                and len(run) <= 3
                and nxt.label in ("dateline", "salute")
                and all(len(x.text) > 60 for x in run)
            ):
                for x in run:
                    x.label = "summary"
                return [f"line {b.seg.line}: summary (a headnote before the document's top), not p"]
            return []
    return []


_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")


def _top(blocks: list[Labelled]) -> list[Labelled]:
    """The blocks before the first paragraph of running text (not set aside)."""
    out = []
    for b in blocks:
        if b.label == "p" and len(b.one_line) > 120:
            break
        if not b.aside and b.label not in SET_ASIDE:
            out.append(b)
    return out


def top_dateline(blocks: list[Labelled]) -> list[str]:
    """A short line with a year and no sentence, before the text, called a paragraph, is a dateline
    ("Philadelphia 25th Augt 1796")."""
    for b in _top(blocks):
        text = b.one_line
        if (
            b.label == "p"
            and len(text) <= 60
            and len(text.split()) <= 6
            and _YEAR.search(text)
            and not text.endswith((".", ":", ";"))
        ):
            b.label = "dateline"
            return [f"line {b.seg.line}: dateline (a short dated line before the text), not p"]
    return []


def dated_byline(blocks: list[Labelled]) -> list[str]:
    """A short line the labeller called the author's that names a day ("Pyongyang, 15.X.1956") is a
    dateline: no name line carries a date."""
    out = []
    for b in blocks:
        text = b.one_line
        if b.label == "byline" and len(text.split()) <= 6 and _DAY.search(text):
            if any(len(d.attrs.get("when", "")) == 10 for d in find_dates(text)):
                b.label = "dateline"
                out.append(f"line {b.seg.line}: dateline (a line naming a day), not byline")
    return out


_DAY = re.compile(r"\d")


_JOURNAL = re.compile(
    r"\b(?:journal|quarterly|review|bulletin|studies)\b.{0,80}\bvol(?:\.|ume)\s*(?:\d+|[IVXLC]+\b)|"
    r"\bvol(?:\.|ume)\s*(?:\d+|[IVXLC]+\b).{0,40}\b(?:no\.|issue|number)\s*\d",
    re.IGNORECASE,
)


def journal_citation(blocks: list[Labelled]) -> list[str]:
    """A journal's citation heading a reprint's text (title, journal, volume and number) is the
    document's source, not its first paragraph."""
    for b in blocks:
        if b.aside or b.label in SET_ASIDE:
            continue
        if b.label in ("p", "item", "heading", "meta") and len(b.one_line) <= 300:
            if _JOURNAL.search(b.one_line):
                was, b.label = b.label, "citation"
                return [
                    f"line {b.seg.line}: citation (a journal's citation heading the text), not {was}"
                ]
        if b.label in ("p", "item"):
            return []  # past the first paragraph: a citation in the text is the author's
    return []


_BRACKET_NOTE = re.compile(r"^(?:\[(\d{1,3})\]|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))\s*\S")


def bracket_notes(blocks: list[Labelled]) -> list[str]:
    """A paragraph opening "[n]" (or a superscript "¹") after the text that has the call "[n]" (or
    "¹") is the body of note n."""
    out = []
    calls: set[str] = set()
    for b in blocks:
        m = _BRACKET_NOTE.match(b.one_line)
        n = (m[1] or m[2]).translate(SUPERSCRIPTS) if m else ""
        if m and b.label == "p" and n in calls:
            b.label = "note"
            out.append(f"line {b.seg.line}: note (its call {n} is in the text), not p")
            continue
        if b.label in ("p", "item", "summary") and not m:
            calls.update(re.findall(r"\S\[(\d{1,3})\]", b.one_line))
            sup = re.findall(r"\S([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})", b.one_line)
            calls.update(x.translate(SUPERSCRIPTS) for x in sup)
    return out


#: "DOCUMENT No. 4", "Document 12": the number a collection gives each of its documents.
_DOCUMENT_NUMBER = re.compile(r"^\W{0,3}document\s+(?:no\.?\s*)?\d{1,3}\W{0,3}$", re.IGNORECASE)


def numbered_documents(blocks: list[Labelled]) -> list[str]:
    """A collection's "DOCUMENT No. n" line and the short line under it that names the document
    ("Telegram from ..., 10 September 1956") are that document's title, whatever the labeller said:
    each starts a document of the collection."""
    kept = [b for b in blocks if not b.aside and b.label not in SET_ASIDE]
    out = []
    for b, nxt in zip(kept, kept[1:], strict=False):
        if not _DOCUMENT_NUMBER.match(b.one_line) or b.label not in _TOP_OR_TEXT:
            continue
        if nxt.label not in _TOP_OR_TEXT or len(nxt.one_line) > 250 or nxt.one_line.endswith("."):
            continue
        for x in (b, nxt):
            if x.label != "title":
                out.append(
                    f"line {x.seg.line}: title (a numbered document of a collection), not {x.label}"
                )
                x.label = "title"
    return out


_TOP_OR_TEXT = frozenset(
    {"title", "heading", "p", "opener", "dateline", "byline", "summary", "citation"}
)


#: What a block taken for a note body becomes when it cannot be one: its runner-up role if it is one of
#: these (a dateline, a signature), else a paragraph (a numbered list item is a telegram's numbered text).
_NOT_NOTE = frozenset({"dateline", "signed", "closer", "salute", "opener", "heading", "postscript"})


def notes_without_text(blocks: list[Labelled]) -> list[str]:
    """A source has text besides its notes: when the labeller found no paragraph, the blocks it called
    note bodies whose number no other of them calls are the text (a telegram's serial number "842."
    opening its text looks like a note's number), and keep the note bodies that are called."""
    kept = [b for b in blocks if not b.aside and b.label not in SET_ASIDE]
    notes = [b for b in kept if b.label == "note"]
    # a run of paragraphs the labeller took for a summary is text too (neighbours.py decides later)
    if not notes or any(b.label in ("p", "item", "summary") for b in kept):
        return []
    out = []
    for b in notes:
        body = parse_body(b)
        others = [x.text for x in notes if x is not b]
        if body is not None and any(rx.search(t) for rx in call_patterns(body.n) for t in others):
            continue
        b.label = b.alternative[0] if b.alternative[0] in _NOT_NOTE else "p"
        out.append(f"line {b.seg.line}: {b.label} (a source is more than notes), not note")
    return out


def trailing_rules(blocks: list[Labelled]) -> list[str]:
    """Lines of rule characters after the text (no letter, no digit) are layout, not its last paragraph."""
    out = []
    for b in reversed(blocks):
        if b.aside or b.label in SET_ASIDE or b.label == "note":
            continue
        if any(c.isalnum() for c in b.one_line):
            break
        was, b.label = b.label, "furniture"
        out.append(f"line {b.seg.line}: furniture (a rule line after the text), not {was}")
    return out


def source_line(blocks: list[Labelled]) -> list[str]:
    """Before the text, a metadata line shaped like a bibliographic or archival citation ("From V. I.
    Lenin, Collected Works, ..., Progress Publishers, Moscow, 1966") is the document's source, unless
    one is labelled already."""
    top = _top(blocks)
    if any(b.label == "citation" for b in top):
        return []
    for b in top:
        if b.label == "meta" and len(b.one_line) <= 300 and "archival" in shapes(b.one_line, []):
            b.label = "citation"
            return [f"line {b.seg.line}: citation (shaped like one), not meta"]
    return []


def beside_stamps(blocks: list[Labelled]) -> list[str]:
    """A stretch of text cut from a page stamp run into it (``stamps``) that the labeller called
    furniture only by being next to the stamp (its own likeliest role is another, and it has no
    furniture shape) takes that role: the stamp is the page's, the text around it the document's."""
    out = []
    for i, b in enumerate(blocks):
        if b.label != "furniture" or not b.seg.piece or b.aside:
            continue
        near = [x for x in blocks[max(0, i - 1) : i + 2] if x is not b]
        if not any(x.seg.physical == b.seg.physical and is_stamp(x.one_line) for x in near):
            continue
        best = max(
            (lab for lab in b.marginals if lab not in SET_ASIDE),
            key=lambda lab: b.marginals[lab],
            default="",
        )
        if best and b.marginals[best] > b.marginals.get("furniture", 0.0):
            if not boilerplate_reason(Block(b.seg.line, b.text)):
                b.label, b.confidence = best, b.marginals[best]
                out.append(f"line {b.seg.line}: {best} (text beside a page stamp), not furniture")
    return out
