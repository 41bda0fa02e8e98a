"""A recognised bracket expression as TEI: gap, supplied, sic, unclear, choice, add, seg or note.

Every element that stands for a bracket carries ``@rend="brackets"`` and keeps every character the source
had inside the brackets as text, so that the original reading gives back ``"[" + text + "]"`` for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from teiedit.brackets.shapes import (
    EDITOR_NOTE,
    FOOTNOTE_MARKER,
    LABELLED,
    QUERY,
    SIC,
    SIGNATURE,
    abbreviation_before,
    gap_for,
    is_name,
    is_phrase,
    looks_like_title_translation,
    name_before,
)
from teiedit.document import BRACKETS_REND, original_reading, tei
from teiedit.mixed import Flat, Piece, fill

#: rend token on every element that stands for a bracket expression of the source.
REND = BRACKETS_REND


@dataclass
class Found:
    """One bracket expression recognised: what replaces [start, end) of the flattened text."""

    start: int
    end: int
    nodes: list[Piece]
    kind: str
    detail: dict[str, object] = field(default_factory=dict)


def _own_reading(el: etree._Element) -> str:
    """Original reading of one element without its tail."""
    holder = etree.Element("holder")
    copy = (
        etree.fromstring(etree.tostring(el, with_tail=False)) if isinstance(el.tag, str) else None
    )
    if copy is None:
        return ""
    copy.tail = None
    holder.append(copy)
    return original_reading(holder)


def reading(flat: Flat, start: int, end: int) -> str:
    """The original reading of [start, end) of a flattened element, children included."""
    return "".join(p if isinstance(p, str) else _own_reading(p) for p in flat.pieces(start, end))


def element(name: str, *content: Piece, **attrs: str) -> etree._Element:
    """A TEI element with these attributes and this mixed content."""
    el = etree.Element(tei(name))
    for k, v in attrs.items():
        el.set(k, v)
    fill(el, list(content))
    return el


def classify(
    flat: Flat,
    m: re.Match[str],
    content: str,
    before: str,
    before_start: int,
    after: str,
    has_children: bool,
) -> Found | None:
    """What the innermost bracket ``m`` of ``flat`` stands for as TEI, or None when not recognised."""
    s, e = m.start(), m.end()
    inner = flat.pieces(s + 1, e - 1)

    if FOOTNOTE_MARKER.match(content):
        return None
    if not has_children:
        gap = gap_for(content)
        if gap:
            reason, dims = gap
            el = element("gap", element("desc", content), reason=reason, rend=REND, **dims)
            kind = "signature" if SIGNATURE.match(content) else "gap"
            return Found(s, e, [el], kind, {"element": "gap", "reason": reason, **dims})
        sic = SIC.match(content)
        if sic:
            return _marked_word(s, e, before, before_start, content, "sic")
        if QUERY.match(content):
            return _marked_word(s, e, before, before_start, content, "unclear")
        if EDITOR_NOTE.match(content):
            el = element("note", content, type="editorial", place="inline", rend=REND)
            return Found(s, e, [el], "note", {"element": "note"})
    lab = LABELLED.match(content)
    if lab and not flat.has_child(s + 1, s + 1 + lab.end("label")):
        return _labelled(flat, s, e, lab)
    if has_children:
        if is_phrase(reading(flat, s + 1, e - 1)) and not looks_like_title_translation(
            content, before, after
        ):
            el = element("supplied", *inner, rend=REND)
            return Found(s, e, [el], "supplied", {"element": "supplied"})
        return None
    if is_name(content):
        hit = name_before(before, content)
        if hit:
            start, ratio = hit
            a = before_start + start
            name = flat.text[a : before_start + len(before.rstrip())]
            space = flat.text[a + len(name) : s]
            el = element(
                "choice",
                element("seg", name),
                space,
                element("seg", content, type="romanisation", rend=REND),
            )
            return Found(
                a,
                e,
                [el],
                "romanisation",
                {"element": "choice", "form": name, "similarity": round(ratio, 2)},
            )
    abbr = abbreviation_before(before, content)
    if abbr is not None:
        a = before_start + abbr
        short = flat.text[a:s].rstrip(" ")
        space = flat.text[a + len(short) : s]
        # abbr sits in a seg: the choice offers two original forms, not abbr/expan (expan is editorial)
        el = element(
            "choice",
            element("seg", element("abbr", short)),
            space,
            element("seg", content, type="expansion", rend=REND),
        )
        return Found(a, e, [el], "expansion", {"element": "choice", "abbreviation": short})
    glued_left = bool(before) and before[-1].isalpha()
    glued_right = bool(after) and after[0].isalpha()
    if (glued_left or glued_right) and re.fullmatch(r"[^\W\d_]+", content):
        el = element("supplied", content, rend=REND)
        return Found(s, e, [el], "supplied", {"element": "supplied", "partial_word": True})
    if looks_like_title_translation(content, before, after):
        return None
    if is_phrase(content):
        el = element("supplied", content, rend=REND)
        return Found(s, e, [el], "supplied", {"element": "supplied"})
    if content.endswith("?") and is_phrase(content[:-1].rstrip()):
        # "[Moscow?]": the editor's conjecture, marked as doubtful
        el = element("supplied", content, cert="low", rend=REND)
        return Found(s, e, [el], "supplied", {"element": "supplied", "cert": "low"})
    return None


def _marked_word(s: int, e: int, before: str, before_start: int, content: str, what: str) -> Found:
    """``word [sic]`` -> sic(word) + marker note; ``word[?]`` -> unclear(word) + marker note."""
    m = re.search(r"([^\W_][\w’'\-]*)([\"”’.,;:!)]*)(\s*)$", before)
    marker = element(
        "note",
        content,
        type="editorial",
        subtype="sic" if what == "sic" else "query",
        place="inline",
        rend=REND,
    )
    detail: dict[str, object] = {"element": what}
    if not m:
        detail["word"] = None
        return Found(s, e, [marker], what, detail)
    a = before_start + m.start(1)
    word = m.group(1)
    between = m.group(2) + m.group(3)
    wrapped = element("sic", word) if what == "sic" else element("unclear", word, cert="low")
    detail["word"] = word
    return Found(a, e, [wrapped, between, marker], what, detail)


def _labelled(flat: Flat, s: int, e: int, lab: re.Match[str]) -> Found:
    """``[handwritten in the margin: text]`` -> seg(label, add); ``[stamp: text]`` -> seg(label, text)."""
    label_end = s + 1 + lab.end("label")
    body_start = s + 1 + lab.start("body")
    label = flat.text[s + 1 : label_end]
    space = flat.text[label_end:body_start]
    body = flat.pieces(body_start, e - 1)
    word = lab.group("word").lower()
    if "stamp" in word or word == "seal":
        # the stamp's text follows its label in the seg (the project's stamps are ab/seg[@type=stamp])
        el = element("seg", element("label", label), space, *body, type="stamp", rend=REND)
        return Found(s, e, [el], "stamp", {"element": "seg", "label": label.strip()})
    attrs: dict[str, str] = {}
    place = re.search(r"\b(margin|top|bottom|overleaf|above|below)\b", label, re.I)
    if place:
        attrs["place"] = place.group(1).lower()
    el = element(
        "seg",
        element("label", label),
        space,
        element("add", *body, **attrs),
        type="handwritten",
        rend=REND,
    )
    return Found(s, e, [el], "handwritten", {"element": "seg", "label": label.strip(), **attrs})
