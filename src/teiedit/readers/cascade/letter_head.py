"""The header of a letter, memorandum or telegram, in any of the languages ``letter_cues`` knows: the
roles of its lines (what the header says is read by ``letter_facts``).

After labelling, the lines of a correspondence header are given their roles whatever the labeller said:
a run of header fields ("From: / To: / Subject: / Date:", "Von: / An: / Betreff:", "De : / À : / Objet :",
a cable's "FM / TO / INFO") is the document's top (an ``opener``; the date field a ``dateline``), not a
web page's metadata to set aside; an address line ("An Herrn Dr. X, Wien", "À Monsieur X") and a place
and date line ("Kiel, den 12. April 1902") are the letter's opener; an editor's comment after a document
("Comment: ...") is text; a date cut after its day's number is joined, a close run into the signer's
name is cut before it, and a name line ending a document with a header is its signature.
"""

from __future__ import annotations

import re
from dataclasses import replace

from teiedit.months import month_alternatives
from teiedit.readers.cascade.features import shapes
from teiedit.readers.cascade.fields import first_date
from teiedit.readers.cascade.labels import SET_ASIDE
from teiedit.readers.cascade.letter_cues import (
    ADDRESS_LINE,
    COMMENT,
    GLUED_SALUTATION,
    KIND_TITLE,
    MEMO_FOR,
    RECORD_LINE,
    SIGNED_AFTER_CLOSE,
    field_of,
)
from teiedit.readers.cascade.model import Labelled, cut_block
from teiedit.readers.common.boilerplate import boilerplate_reason
from teiedit.readers.common.lines import Block

#: A block longer than this is running text, never a header line.
_HEADER_LINE = 300
#: Fields that make a run of field lines a correspondence header (a date alone does not).
_NAMING = frozenset({"from", "to", "subject", "participants"})
#: What may stand beside the date in a place and date line ("Kiel, den", "Lyon, le", "Paris, am").
_PLACE_WORDS = re.compile(r"^(?:[A-ZÀ-Þ][\w’'.-]*|den|der|le|la|am|the|il|el|à|a|en|in|,|\s)*$")


def apply(blocks: list[Labelled], text: str) -> list[str]:
    """Every header rule in order (``text``: the source the blocks' offsets point into); the
    decisions they took."""
    out = split_dates(blocks, text)
    heads = header_fields(blocks)
    out += heads
    out += address_and_place_lines(blocks)
    out += glued_salutation(blocks)
    out += editor_comments(blocks)
    out += signature_after_close(blocks)
    if heads:
        out += last_signature(blocks)
    return out


def _candidate(b: Labelled) -> bool:
    return not b.aside and b.label != "note" and len(b.one_line) <= _HEADER_LINE


def header_fields(blocks: list[Labelled]) -> list[str]:
    """Runs of header field lines (two different fields or more, one naming a correspondent or the
    subject) are the document's top; a run beside a record's field ("Title: ...") is a page's record."""
    out: list[str] = []
    i = 0
    while i < len(blocks):
        run = _field_run(blocks, i)
        if not run:
            i += 1
            continue
        fields = [(k, f) for k in run if (f := field_of(blocks[k].one_line))]
        names = {name for _, (name, _) in fields}
        beside = [blocks[k].one_line for k in (run[0] - 1, run[-1] + 1) if 0 <= k < len(blocks)]
        record = any(RECORD_LINE.match(line) for line in beside)
        if all(":" not in blocks[k].one_line for k, _ in fields) and not any(
            _CABLE_ONLY.match(blocks[k].one_line) for k, _ in fields
        ):
            record = True  # "TO THE WORKERS" / "FROM THE COMMITTEE": an appeal's titles, no cable
        if len(names) >= 2 and names & _NAMING and not record:
            out += _title_above(blocks, run[0])
            for k in range(run[0], run[-1] + 1):
                if k not in run and blocks[k].label in ("meta", "furniture", "heading"):
                    # a line between the fields ("THROUGH: ...") is a line of the header too
                    was, blocks[k].label = blocks[k].label, "opener"
                    out.append(f"line {blocks[k].seg.line}: opener (inside the header), not {was}")
            for k, (name, value) in fields:
                b = blocks[k]
                if b.label == "title" and MEMO_FOR.match(b.one_line):
                    continue  # "MEMORANDUM FOR ...": the kind line stays the title
                role = "dateline" if name == "date" else "opener"
                if not value and (nxt := value_block(blocks, k)):
                    # "SUBJECT:" with its value in the next block (a cut run-on, a wrapped field)
                    out.append(
                        f"line {nxt.seg.line}: {role} (the value of {name}), not {nxt.label}"
                    )
                    nxt.label = role
                    nxt.marginals = {**nxt.marginals, "title": 0.0, "heading": 0.0}
                if b.label != role:
                    out.append(f"line {b.seg.line}: {role} (a header field: {name}), not {b.label}")
                    b.label = role
                # a header field is no candidate for the title (its subject may stand for one)
                b.marginals = {**b.marginals, "title": 0.0, "heading": 0.0}
        i = run[-1] + 1
    return out


#: Cues only a cable's header uses: a run of colon-less header lines is a cable's when it has one.
_CABLE_ONLY = re.compile(r"^(?:FM|INFO|SUBJ)\s")
#: Lines of a letter's top that may stand between its header fields (an address, a place and date).
_GAP = 2


def _field_run(blocks: list[Labelled], i: int) -> list[int]:
    """The indices of a run of header fields from ``blocks[i]`` (a field line), with up to ``_GAP``
    short lines of the top between two of them; empty when ``blocks[i]`` is no field line."""
    run: list[int] = []
    k = i
    while k < len(blocks) and _candidate(blocks[k]):
        if field_of(blocks[k].one_line):
            run.append(k)
        elif not run or k - run[-1] > _GAP or len(blocks[k].one_line) > 160:
            break
        k += 1
    return run


def _title_above(blocks: list[Labelled], first: int) -> list[str]:
    """The line just above a header that names the letter's kind ("Brief an den Stadtrat ...") is its
    title, though the labeller took it for a web page's furniture."""
    if first == 0 or blocks[first - 1].aside:
        return []
    b = blocks[first - 1]
    if b.label != "furniture" or len(b.one_line) > 150 or not KIND_TITLE.match(b.one_line):
        return []
    if boilerplate_reason(Block(b.seg.line, b.text)):
        return []
    b.label = "title"
    return [f"line {b.seg.line}: title (names the letter's kind, above its header), not furniture"]


def last_signature(blocks: list[Labelled]) -> list[str]:
    """The last line of a document with a header, a name alone after its text ("R. Ellison",
    "SMITH"), is its signature."""
    kept = [b for b in blocks if not b.aside and b.label not in ("note", *SET_ASIDE)]
    names = 0
    while names < min(2, len(kept) - 1) and _name_line(kept[-1 - names]):
        names += 1  # a name, and perhaps the signer's office under it ("H. W. Crane" / "Secretary")
    if not names or kept[-1 - names].label not in ("p", "item"):
        return []
    out = []
    for b in kept[len(kept) - names :]:
        out.append(f"line {b.seg.line}: signed (a name after the text), not {b.label}")
        b.label = "signed"
    return out


def _name_line(b: Labelled) -> bool:
    return (
        b.label in ("p", "item", "heading", "signed")
        and len(b.one_line) <= 40
        and "name_like" in shapes(b.one_line, [])
    )


def value_block(blocks: list[Labelled], k: int) -> Labelled | None:
    """The block after an empty field line, when it can be that field's value (a short line that is
    no field itself)."""
    if k + 1 >= len(blocks):
        return None
    nxt = blocks[k + 1]
    if not _candidate(nxt) or len(nxt.one_line) > 160 or field_of(nxt.one_line):
        return None
    return nxt


#: A piece of a line ending in a day's number and its full stop ("Dresden, den 5."), before the month.
_DAY_END = re.compile(r"\b\d{1,2}\.$")
#: A day's number, its full stop and a month name ("5. Mai"): a date the segmenter keeps in one piece.
_DAY_MONTH = re.compile(rf"\b\d{{1,2}}\.\s+(?:{month_alternatives()})\b")


def split_dates(blocks: list[Labelled], text: str) -> list[str]:
    """A date cut after its day's full stop ("Dresden, den 5." / "Mai 1925.": the stop read as a
    sentence's end in a run-on line) is joined again into one dateline."""
    out: list[str] = []
    i = 0
    top = len(_top(blocks))
    for a in blocks[:top]:
        # the same date kept whole in its piece of a run-on line ("Dresden, den 5. Mai 1925.")
        line = a.one_line
        if (
            a.seg.piece
            and a.label != "dateline"
            and _DAY_MONTH.search(line)
            and place_and_date(line)
        ):
            a.label = "dateline"
            out.append(f"line {a.seg.line}: dateline (a place and a day's date in a run-on line)")
    while i + 1 < min(len(blocks), top + 1):
        a, b = blocks[i], blocks[i + 1]
        gap = text[a.seg.end : b.seg.start]
        joined = text[a.seg.start : b.seg.end]
        if (
            _DAY_END.search(a.one_line)
            and a.seg.physical == b.seg.physical
            and not gap.strip()
            and place_and_date(" ".join(joined.split()))
        ):
            seg = replace(a.seg, end=b.seg.end, text=joined, end_line=b.seg.end_line)
            seg.__dict__.pop("one_line", None)  # the cached one-line text of the first piece
            blocks[i : i + 2] = [replace(a, seg=seg, label="dateline")]
            out.append(f"line {a.seg.line}: dateline (a date cut after its day's number, joined)")
        i += 1
    return out


def _top(blocks: list[Labelled]) -> list[Labelled]:
    """The blocks before the first paragraph of running text."""
    out = []
    for b in blocks:
        if b.label in ("p", "item") and len(b.one_line) > 120:
            break
        out.append(b)
    return out


def address_and_place_lines(blocks: list[Labelled]) -> list[str]:
    """Before the text, an address line is an opener and a line of a place and a date a dateline."""
    out: list[str] = []
    prev = ""
    for b in _top(blocks):
        # the value of a record's field on its own line ("Document Creation Date:" / "December 22,
        # 2016") is that field's, not the letter's dateline
        after_label, prev = prev.endswith(":"), b.one_line
        if b.aside or b.label in ("salute", "note", *SET_ASIDE) or len(b.one_line) > 160:
            continue
        address = ADDRESS_LINE.match(b.one_line)
        # "To Maxim Gorky" may title a letter; "An Herrn ...", "À Monsieur ..." only address it
        if (
            address
            and b.label != "opener"
            and (b.label != "title" or address["prep"].lower() != "to")
        ):
            out.append(f"line {b.seg.line}: opener (an address line), not {b.label}")
            b.label = "opener"
            b.marginals = {**b.marginals, "title": 0.0, "heading": 0.0}
        elif (
            b.label not in ("dateline", "title") and not after_label and place_and_date(b.one_line)
        ):
            out.append(f"line {b.seg.line}: dateline (a place and a date), not {b.label}")
            b.label = "dateline"
    return out


def place_and_date(line: str) -> bool:
    """Whether a short line is a date, perhaps after a place ("Kiel, den 12. April 1902")."""
    if len(line) > 60:
        return False
    d = first_date(line)
    if not d or len(d.get("when", "")) != 10:
        return False
    rest = line.replace(d["text"], " ").strip(" .")
    return len(rest.split()) <= 4 and bool(_PLACE_WORDS.match(rest))


def glued_salutation(blocks: list[Labelled]) -> list[str]:
    """A salutation of another language glued to the first paragraph ("Lieber Friedrich, ich schreibe
    ...", a line break or a space after its comma) is cut from it: the salutation, then the paragraph."""
    for i, b in enumerate(blocks):
        if b.aside or b.label in SET_ASIDE or b.label in ("title", "heading"):
            continue
        if b.label in ("salute", "item") or (b.label == "p" and len(b.one_line) > 120):
            if b.label != "p":
                return []
        if b.label not in ("p", "opener"):
            continue
        m = GLUED_SALUTATION.match(b.text)
        if m is None or len(b.text) - m.end() < 40:
            if b.label == "p" and len(b.one_line) > 120:
                return []
            continue
        seg, cut, rest = b.seg, m.start("sp"), m.end("sp")
        newline = seg.text.count("\n", 0, rest) > 0
        blocks[i : i + 1] = cut_block(b, cut, rest, ("salute", "p"), line_start=newline)
        return [f"line {seg.line}: salute cut from the head of the paragraph after it"]
    return []


def signature_after_close(blocks: list[Labelled]) -> list[str]:
    """A closing formula run into the signer's name ("Mit den besten Empfehlungen Ihr Otto Keller") is
    cut before the name: the close, then the signature."""
    out: list[str] = []
    for i, b in enumerate(blocks):
        if b.label != "closer" or b.aside or len(b.one_line) > 160:
            continue
        m = SIGNED_AFTER_CLOSE.search(b.text)
        if m is None or m["name"][:1].islower() or m.start("sp") < 8:
            continue
        seg, cut, rest = b.seg, m.start("sp"), m.end("sp")
        head = replace(seg, end=seg.start + cut, text=seg.text[:cut])
        tail = replace(seg, start=seg.start + rest, text=seg.text[rest:], piece=True)
        head = replace(head, end_line=seg.line + seg.text.count("\n", 0, cut))
        tail = replace(tail, line=seg.line + seg.text.count("\n", 0, rest), line_start=False)
        blocks[i : i + 1] = [replace(b, seg=head), replace(b, seg=tail, label="signed")]
        out.append(f"line {seg.line}: signed (a name run on after the close)")
    return out


def editor_comments(blocks: list[Labelled]) -> list[str]:
    """An editor's comment ("Comment: ...") is a paragraph of the text, whatever the labeller said
    (a heading, a note, a page's metadata or furniture)."""
    out = []
    for b in blocks:
        if b.label in ("p", "item", "postscript") or len(b.one_line) < 30:
            continue
        # a web page's comment form or counter ("Comment: Leave a reply") stays its furniture
        if COMMENT.match(b.one_line) and not boilerplate_reason(Block(b.seg.line, b.text)):
            out.append(f"line {b.seg.line}: p (an editor's comment), not {b.label}")
            b.label, b.aside = "p", ""
    return out
