"""Words hyphenated across a paragraph or page break: ``Commu-`` ends one block, ``nist …`` starts the next.

PDF extraction turns a page or column break, and the page furniture set aside around it (a running head, a
page number such as ``. 2``), into a blank line. A word the printer hyphenated at the end of the last line of
a page then ends one paragraph and goes on at the start of the next. Inside a paragraph ``hyphenation`` joins
such words; this module joins them across blocks.

The decision is made by the English model, as inside a paragraph, with the structure as further evidence,
because across a block the next fragment may come from elsewhere (a page out of order, a list that follows a
compound). Two fragments are joined only when all of these hold:

- the continuation starts with a lowercase letter (``Soviet-`` / ``Remarks on …`` is not a continuation);
  when the next block begins in shifted-font text, already marked by the shift repair (``Commu-`` /
  ``pkuv"``), the continuation is that text shifted back (``nist``), and the join replaces the shift repair;
- the joined word is a known word;
- the fragments are not words in their own right, or at least one of them is rarer than the joined word:
  two fragments that are both commoner words stay apart (``well-`` / ``being``, ``long-`` / ``term``, and
  ``com-`` / ``in advance``, where the text after the break is not the rest of the word);
- both blocks are of the same kind (``p`` and ``p``), with nothing but breaks and page furniture between them
  (``pb``, ``fw``, or up to two blocks of the form of a page number or a running head in capitals, which the
  join turns into ``fw``): a ``p`` ending with ``well-`` and followed by a list is not a broken word.

The TEI shape (``join_across_blocks``): the fragment's block takes in its continuation, and the join is one
``choice`` whose ``sic`` keeps every character that stood there, the break included::

    <p>… the <choice><sic>Commu-<lb type="paragraph" break="no"/>nist</sic><corr resp="#teiedit"
       cert="high" type="hyphenation">Communist</corr></choice> party …</p>

``lb[@type="paragraph"]`` marks where the extraction ended one block and began the next (``break="no"``: the
break falls inside a word). Whitespace, ``pb``, ``fw`` or other breaks that stood between the two blocks move
into ``sic`` unchanged, after the ``lb``. The original reading is therefore unchanged, and splitting the block
at the ``lb`` (dropping ``corr``) gives back the extracted structure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from teiedit.document import RESP_TEIEDIT, TEI_NS, E, is_tei, local_name
from teiedit.repair.model import EnglishModel
from teiedit.repair.shift import decode

#: Blocks whose hyphenated last word may go on in the next block of the same kind.
BLOCKS = frozenset({"p", "ab"})
#: Elements that may stand between the two blocks (breaks and page furniture); they move into ``sic``.
BETWEEN = frozenset({"pb", "lb", "cb", "fw", "milestone"})
#: At most this many blocks that look like page furniture (``furniture_type``) may stand between the halves.
MAX_FURNITURE = 2
#: ``lb/@type`` of the marker that stands for the extraction's block break inside ``sic``.
BREAK_TYPE = "paragraph"

_LETTERS = r"[^\W\d_]"
#: The hyphenated fragment at the end of a block (a word of 2+ letters, its hyphen, trailing spaces).
_FRAGMENT = re.compile(rf"(?<!{_LETTERS})({_LETTERS}{{2,}})-(\s*)$")
#: The continuation at the start of the next block (a word of 2+ letters).
_CONTINUATION = re.compile(rf"^\s*({_LETTERS}{{2,}})(?!{_LETTERS})")


@dataclass(frozen=True)
class BlockJoin:
    """One word rejoined across blocks: ``original`` as extracted (the break as a newline), ``reading`` joined."""

    original: str
    reading: str
    #: (sic, corr) of the shift repair the continuation was read from and that the join replaces, if any.
    replaces: tuple[str, str] | None = None


def joined_word(head: str, tail: str, model: EnglishModel) -> str | None:
    """``head + tail`` when the two fragments are one word broken across a block, else None."""
    if not tail[:1].islower():
        return None
    joined = head + tail
    f = model.known(joined)
    if not f:
        return None
    if min(model.known(head), model.known(tail)) > f:
        return None  # both fragments are words more common than the joined form: a compound, or no join
    return joined


def join_across_blocks(
    text_el: etree._Element,
    model: EnglishModel,
    skipped: Callable[[etree._Element], bool],
    k: int = 0,
) -> list[BlockJoin]:
    """Join every word hyphenated across two blocks under ``text_el`` (in place); the joins made, in order.

    ``skipped``: elements whose content the repair pass never touches (earlier editorial decisions); a block
    inside one is left alone. ``k``: the document's font shift (0: none), for a continuation in shifted text.
    """
    joins: list[BlockJoin] = []
    blocks = [
        el
        for el in text_el.iter(*(f"{{{TEI_NS}}}{name}" for name in BLOCKS))
        if not any(skipped(a) for a in el.iterancestors())
    ]
    for block in blocks:
        if block.getparent() is None:
            continue  # already merged into the block before it
        while (join := _join_next(block, model, k)) is not None:
            joins.append(join)
    return joins


@dataclass(frozen=True)
class _Continuation:
    """The start of the next block that may finish a word: ``word`` as read, ``source`` its characters as
    extracted, ``after`` what the corrected reading goes on with, ``rest`` the plain text after it, and
    ``repair`` the shift repair it was read from, if any, with ``replaces`` its (sic, corr) texts."""

    word: str
    source: str
    after: str
    rest: str
    repair: etree._Element | None = None
    replaces: tuple[str, str] | None = None


def _continuation(nxt: etree._Element, k: int) -> _Continuation | None:
    """The first word of ``nxt``: in its plain text, or in the shift repair it starts with.

    Shifted text after a page break is already marked by the shift repair, which reads a word fragment as
    the nearest whole word; its sic shifted back gives the letters as printed (``pkuv"``: ``nist``), which
    may finish the word.
    """
    text = nxt.text or ""
    cont = _CONTINUATION.match(text)
    if cont is not None:
        return _Continuation(cont.group(1), cont.group(0), "", text[cont.end() :])
    if text.strip() or not len(nxt) or not k:
        return None
    first = nxt[0]
    sic, corr = first.find(f"{{{TEI_NS}}}sic"), first.find(f"{{{TEI_NS}}}corr")
    if (
        _tei_name(first) != "choice"
        or sic is None
        or corr is None
        or len(sic)
        or corr.get("resp") != RESP_TEIEDIT
        or corr.get("type") != "shift"
    ):
        return None
    decoded = decode(sic.text or "", k)
    word = _CONTINUATION.match(decoded)
    if word is None or any(c.isalnum() for c in decoded[word.end() :]):
        return None  # not one word (with its punctuation) in shifted text
    return _Continuation(
        word.group(1),
        text + (sic.text or ""),
        decoded[word.end() :],
        first.tail or "",
        first,
        (sic.text or "", "".join(corr.itertext())),
    )


def _join_next(block: etree._Element, model: EnglishModel, k: int) -> BlockJoin | None:
    """Merge the block after ``block`` into it when ``block`` ends with the first fragment of a word."""
    last = block[-1] if len(block) else None
    end_text = (last.tail if last is not None else block.text) or ""
    if not end_text.rstrip().endswith("-"):
        # no fragment: it ends the text with its hyphen (the search below tries every place); asked
        # first, as most blocks end otherwise and the block after them need not be looked at
        return None
    between, nxt = _following_block(block)
    if nxt is None:
        return None
    frag = _FRAGMENT.search(end_text)
    cont = _continuation(nxt, k)
    if frag is None or cont is None:
        return None
    joined = joined_word(frag.group(1), cont.word, model)
    if joined is None:
        return None

    sic = E.sic(end_text[frag.start() :])
    marker = E.lb(type=BREAK_TYPE)
    marker.set("break", "no")
    marker.tail = block.tail
    sic.append(marker)
    for el in between:
        sic.append(_as_furniture(el))  # moves the element with its tail
    tip = sic[-1]
    tip.tail = (tip.tail or "") + cont.source
    choice = E.choice(
        sic, E.corr(joined + cont.after, resp=RESP_TEIEDIT, cert="high", type="hyphenation")
    )
    choice.tail = cont.rest or None
    if cont.repair is not None:
        nxt.remove(cont.repair)  # its characters are in the new sic, its tail is ``cont.rest``

    before = end_text[: frag.start()] or None
    if last is not None:
        last.tail = before
    else:
        block.text = before
    block.append(choice)
    for child in list(nxt):
        block.append(child)
    block.tail = nxt.tail
    parent = nxt.getparent()
    assert parent is not None
    parent.remove(nxt)
    return BlockJoin(_as_extracted(sic, marker), joined + cont.after, cont.replaces)


def _as_extracted(sic: etree._Element, marker: etree._Element) -> str:
    """The characters of ``sic`` as the extraction had them, its break marker read as a line break."""
    parts = [sic.text or ""]
    for child in sic:
        parts.append("\n" if child is marker else "".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


def _following_block(block: etree._Element) -> tuple[list[etree._Element], etree._Element | None]:
    """The breaks and furniture after ``block`` and the block of the same kind after them, if nothing else
    (no text, no other element) stands between; the block must carry no attributes, since it is merged away.

    Page furniture the reader kept as a block of its own (a page number ``. 2``, a running head in capitals)
    counts as furniture here when a word is broken around it: at most ``MAX_FURNITURE`` such blocks, which
    become ``fw`` when the join is made (``_as_furniture``).
    """
    if (block.tail or "").strip():
        return [], None
    between: list[etree._Element] = []
    furniture = 0
    sib = block.getnext()
    while sib is not None and not (sib.tail or "").strip():
        if _tei_name(sib) in BETWEEN:
            between.append(sib)
        elif (
            furniture < MAX_FURNITURE and _tei_name(sib) == _tei_name(block) and furniture_type(sib)
        ):
            between.append(sib)
            furniture += 1
        else:
            break
        sib = sib.getnext()
    if sib is None or _tei_name(sib) != _tei_name(block) or sib.attrib:
        return [], None
    return between, sib


#: A block that is only a page number: digits with punctuation around them (``. 2``, ``- 24 -``, ``17``).
_PAGE_NUMBER = re.compile(r"[^\w\s]{0,3}\s*\d{1,4}\s*[^\w\s]{0,3}")
#: A running head: a short line of capitals (and digits, punctuation), at most this many words.
RUNNING_HEAD_WORDS = 12


def furniture_type(el: etree._Element) -> str | None:
    """``pageNum`` or ``header`` when the block ``el`` (text only, no attributes) has the form of page
    furniture, else None. Used only between the two halves of a broken word, which are the evidence."""
    if el.attrib or len(el):
        return None
    text = (el.text or "").strip()
    if _PAGE_NUMBER.fullmatch(text):
        return "pageNum"
    # the number of words first, counted no further than the limit: a paragraph is no running head,
    # and its letters need not be read
    if len(text.split(None, RUNNING_HEAD_WORDS)) > RUNNING_HEAD_WORDS:
        return None
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters):
        return "header"
    return None


def _as_furniture(el: etree._Element) -> etree._Element:
    """A block taken for page furniture becomes ``fw`` (its text and tail unchanged); others stay as they are."""
    if _tei_name(el) in BETWEEN:
        return el
    kind = furniture_type(el)
    el.tag = f"{{{TEI_NS}}}fw"
    if kind:
        el.set("type", kind)
    return el


def _tei_name(el: etree._Element) -> str | None:
    if not is_tei(el):
        return None
    return local_name(el)
