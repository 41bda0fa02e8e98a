"""A letter's closing apparatus the labeller left as paragraphs: the complimentary close and signature.

After a letter's or telegram's last paragraph of running text come, in every layout, a few short lines:
a close ("Yours,", "With the truest respect ... I have the honor to be"), then a name, initials or a
dateline with a name ("4/XI-56 N. FIRIUBIN"). Those the labeller called paragraphs are relabelled by
their shape; a long block after them (an editor's note, a postscript) ends the search.
"""

from __future__ import annotations

import re

from teiedit.readers.cascade.features import _LEX, shapes
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.cascade.shapes import ab_runs
from teiedit.readers.common.boilerplate import boilerplate_reason
from teiedit.readers.common.lines import Block

#: A short line of names or initials, perhaps in brackets, perhaps after a short date.
_SIGNATURE = re.compile(
    r"^[\[(⟨<*]*(?:\d{1,2}[./][\dIVXivx]{1,4}[./-]\d{2,4}\s+)?"
    r"(?:[A-ZÀ-Þ][\w’'.-]*|[A-ZÀ-Þ]\.)(?:\s+(?:[A-ZÀ-Þ][\w’'.-]*|[A-ZÀ-Þ]\.|de|von|van|la|le)){0,4}"
    r"[\])⟩>*.,]*$"
)
_RUNNING = 120
#: An archival copy's typed signature: a name between slashes ("/V. IVANOV/", "/S. Suzdalev/").
_TYPED_SIGNATURE = re.compile(r"^/\s?[A-ZÀ-Þ][\w’'.-]*(?:\s+[A-ZÀ-Þ][\w’'.-]*){0,3}\s?/$")


def mark_bottom(blocks: list[Labelled]) -> list[str]:
    """Relabel the close and signature after a letter's last paragraph; return the decisions."""
    trailing = _trailing_names(blocks)
    out = _mark_bottom(blocks)
    for b in trailing:
        if b.label == "p":
            b.label = "heading"  # no signature after all: the labeller's heading stands
    return out


def _mark_bottom(blocks: list[Labelled]) -> list[str]:
    kept = [b for b in blocks if not b.aside and b.label not in ("note", "heading", "title")]
    long = [i for i, b in enumerate(kept) if b.label == "p" and len(b.one_line) > _RUNNING]
    if not long:
        return []
    start = _close_start(kept, long[0])
    if start is None:
        return []
    out: list[str] = []
    closed = signed = False
    i = start
    while i < len(kept):
        b = kept[i]
        text = b.one_line
        if len(text) > _RUNNING:
            break
        if b.label == "closer" and "closing" not in shapes(text, []) and _name_block(b.text):
            b.label, signed = "signed", True  # a name is no complimentary close
        elif b.label != "p":
            closed = closed or b.label == "closer"
            signed = signed or b.label == "signed"
        elif "closing" in shapes(text, []) and not signed:
            b.label, closed = "closer", True
        elif _name_block(b.text):
            b.label, signed = "signed", True
        elif _office(text) and (signed or _next_signs(kept, i)):
            b.label = "signed"  # the signer's office, above or below the name
        else:
            break
        if b.label in ("closer", "signed"):
            out.append(
                f"line {b.seg.line}: {b.label} (a letter's close, by its shape): {text[:60]!r}"
            )
        i += 1
    if signed:
        # what follows a letter's signature is an editor's note about it, or (after a close too) a
        # postscript
        for b in kept[i:]:
            if b.label != "p":
                break
            if "describes" in shapes(b.one_line, []):
                b.label = "summary"
            elif closed:
                b.label = "postscript"
            else:
                break
            out.append(f"line {b.seg.line}: {b.label} (after the signature)")
    return out


def _signature(text: str) -> bool:
    return bool(_SIGNATURE.match(text)) or "name_like" in shapes(text, [])


def _name_block(text: str) -> bool:
    """A signature: a name line, or a name line with the signer's office on a line or two below it
    ("Károly Fendler" / "chargé d'affaires ad interim")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or len(lines[0]) > 40 or not _signature(lines[0]):
        return False
    if len(lines) == 1:
        return True
    return len(lines) <= 3 and all(_office(line[:1].upper() + line[1:]) for line in lines[1:])


def _office(text: str) -> bool:
    """A short line naming an office ("Ambassador of the USSR in the DPRK"): no sentence, no number."""
    return (
        len(text) <= 70
        and text[:1].isupper()
        and not text.rstrip().endswith((".", "!", "?", ":", ";", ","))
        and not any(c.isdigit() for c in text)
        and len(text.split()) <= 10
    )


def _next_signs(kept: list[Labelled], i: int) -> bool:
    """Whether the block after ``kept[i]`` is a signature (a name line, or one labelled so)."""
    if i + 1 >= len(kept):
        return False
    nxt = kept[i + 1]
    return nxt.label == "signed" or (
        nxt.label == "p" and len(nxt.one_line) <= 40 and _signature(nxt.one_line)
    )


def _sentence_end(text: str) -> bool:
    return text.rstrip().rstrip("”’\"')").endswith((".", "!", "?"))


def _trailing_names(blocks: list[Labelled]) -> list[Labelled]:
    """A name line after a document's last paragraph that the labeller called a heading heads nothing:
    it is a line of the bottom ("PUZANOV"), looked at as a paragraph is (the blocks so relabelled)."""
    text = [i for i, b in enumerate(blocks) if b.label == "p" and not b.aside]
    if not text or any(b.label == "note" for b in blocks[text[-1] + 1 :]):
        return []  # a heading above notes ("NOTES") stays one
    out = []
    for b in blocks[text[-1] + 1 :]:
        if b.label == "heading" and not b.aside and len(b.one_line) <= 40:
            if _signature(b.one_line) and b.one_line.strip().isupper():
                b.label = "p"
                out.append(b)
    return out


def _close_start(kept: list[Labelled], first_long: int) -> int | None:
    """Where a letter's close begins: its first closing line or labelled close, else the last short
    signature-like line right after a paragraph of running text."""
    for i in range(first_long + 1, len(kept)):
        b = kept[i]
        if b.label in ("closer", "signed") or (
            b.label == "p" and len(b.one_line) <= _RUNNING and "closing" in shapes(b.one_line, [])
        ):
            return i
    for i in range(len(kept) - 1, first_long, -1):
        prev, b = kept[i - 1], kept[i]
        later = kept[i + 1 :]
        if any(x.label == "p" and len(x.one_line) > _RUNNING and not _describes(x) for x in later):
            continue  # running text follows: a short line in the text, no signature
        if (
            b.label == "p"
            and not b.seg.piece
            and len(b.one_line) <= 40
            and _signature(b.one_line)
            and prev.label == "p"
            and len(prev.one_line) > _RUNNING
        ):
            return i
    return _last_signature(kept, first_long)


def _last_signature(kept: list[Labelled], first_long: int) -> int | None:
    """The signature of a report or record: its last text block is a name (with the signer's office
    above or below it), right after a paragraph that ends a sentence, whatever its length."""
    paras = [i for i in range(first_long + 1, len(kept)) if kept[i].label == "p"]
    if not paras:
        return None
    last = paras[-1]
    name = last
    if not _name_block(kept[last].text):
        name = last - 1  # the office below the name
        if not (_office(kept[last].one_line) and kept[name].label == "p"):
            return None
    if kept[name].seg.piece or not _name_block(kept[name].text):
        return None
    start = name - 1 if name - 1 > first_long and _office(kept[name - 1].one_line) else name
    before = kept[start - 1]
    if start - 1 < first_long or before.label != "p" or not _sentence_end(before.one_line):
        return None
    return start


def _describes(b: Labelled) -> bool:
    return "describes" in shapes(b.one_line, [])


# -- an unlabelled byline ------------------------------------------------------------------------------

_NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-Þ][\w’'-]*[a-zà-ÿ’'-][\w’'-]*|[A-ZÀ-Þ]{2,}[\w’'-]*|[A-ZÀ-Þ]\.(?:[A-ZÀ-Þ]\.)*)$"
)
_JOINERS = frozenset({"and", "&", "de", "von", "van", "der", "la", "le", "du", "di", "da", "y"})
_BY_START = re.compile(
    r"^[Bb][Yy]\s+(?P<name>(?:[A-ZÀ-Þ](?:[a-zà-ÿ’'-]+|\.)\s+){1,3}[A-ZÀ-Þ][a-zà-ÿ’'-]+)"
)
#: The cue words of the labeller's features (salutations, kinds, months, marks): no name is made of them.
_CUES: frozenset[str] = frozenset().union(*_LEX.values())
_FUNCTION = frozenset(
    "the of for in on at to a an with from about after before appendix chapter part section volume "
    "index contents introduction i ii iii iv v vi vii viii ix x".split()
)
_MARKS = re.compile(r"[\d*†‡§,]+$|^by\s+", re.IGNORECASE)


def byline_name(text: str) -> str:
    """The name a short line gives when it is nothing but an author's name ("" otherwise)."""
    one = " ".join(_MARKS.sub("", w) for w in text.split()).strip()
    words = [w for w in one.split() if w]
    if not 2 <= len(words) <= 7 or len(one) > 60:
        return ""
    names = [w for w in words if w.lower() not in _JOINERS]
    if len(names) < 2 or not all(_NAME_WORD.match(w) for w in names):
        return ""
    if any(w.lower().strip(".") in _CUES or w.lower() in _FUNCTION for w in names):
        return ""  # "The Cuban Missile Crisis", "Top Secret": a title or a mark, no name
    if boilerplate_reason(Block(1, one)) or _INSTITUTION.search(one):
        return ""  # furniture, or an institution or a country ("UNITED STATES AND GREAT BRITAIN")
    return one


_INSTITUTION = re.compile(
    r"\b(?:united|states|kingdom|republic|nations|government|ministry|department|committee|party|"
    r"university|press|archives?|library|office|embassy|council|union|bulletin|project|institute)\b",
    re.IGNORECASE,
)


def unlabelled_author(part: list[Labelled]) -> str:
    """An author's name the labeller did not call a byline: a line of nothing but a name among the few
    after the title, or "by NAME" opening the text."""
    titles = [i for i, b in enumerate(part) if b.label == "title" and not b.aside]
    if titles:
        for b in part[titles[0] + 1 : titles[0] + 6]:
            if b.label in ("p", "item") and not b.aside:
                break
            if b.label in ("dateline", "salute", "citation", "summary"):
                continue
            if name := byline_name(b.one_line):
                return name
    first = next((b for b in part if b.label in ("p", "item") and not b.aside), None)
    if first is not None and (m := _BY_START.match(first.one_line)):
        return m["name"]
    return ""


_SENTENCE_END = re.compile(r"\w[.!](?:\s|$)")


def sentence_closers(blocks: list[Labelled]) -> list[str]:
    """A sentence of greetings before the closing formula ("Best regards to the Countess. / Yours /
    KM") is the letter's last paragraph: only the short formula nearest the signature is the close."""
    out = []
    for b, nxt in zip(blocks, blocks[1:], strict=False):
        words = b.one_line.split()
        if (
            b.label == "closer"
            and nxt.label == "closer"
            and len(words) >= 6
            and _SENTENCE_END.search(b.one_line)
        ):
            b.label = "p"
            out.append(f"line {b.seg.line}: p (a sentence before the closing formula), not closer")
    return out


def typed_signatures(part: list[Labelled]) -> list[str]:
    """A typed signature ("/V. IVANOV/") at a document's end or right before its distribution list or
    stamp is the document's signature, and a short line of words over it (the signer's office,
    "Ambassador of the USSR in the DPRK") is part of it: in any kind of document, not only letters."""
    kept = [b for b in part if not b.aside]
    runs = ab_runs(kept)
    out: list[str] = []
    for i, b in enumerate(kept):
        if b.label != "p" or not _TYPED_SIGNATURE.match(b.one_line):
            continue
        if i + 1 < len(kept) and i + 1 not in runs:
            continue  # text goes on after it: a name quoted in the text, or a copy's filing note
        b.label = "signed"
        out.append(f"line {b.seg.line}: signed (a typed signature at the end): {b.one_line!r}")
        office = kept[i - 1] if i >= 2 else None
        if (
            office is not None
            and office.label == "p"
            and len(office.one_line) <= 80
            and office.one_line[:1].isupper()
            and not office.one_line.endswith((".", "!", "?", ":", ";", ","))
            and kept[i - 2].label == "p"
            and len(kept[i - 2].one_line) > _RUNNING
        ):
            office.label = "signed"
            out.append(f"line {office.seg.line}: signed (the signer's office over the signature)")
    return out
