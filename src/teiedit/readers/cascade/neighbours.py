"""Decisions by a block's neighbours after labelling: what the blocks around it say it continues.

The labeller sees a block and its next neighbours; some roles are plain only from a longer run: note 3
after notes 1 and 2 is a note too (whatever words it holds), the pieces of an abstract's one line after
its "Abstract" heading are the abstract, a summary with no text after it is the text, and a line of
nothing but a web address is no sentence of it. Nothing here knows a site. Each rule returns the
decisions it took, for the report.
"""

from __future__ import annotations

import re

from teiedit.readers.cascade.inline_apparatus import inner_salutation
from teiedit.readers.cascade.labels import SET_ASIDE
from teiedit.readers.cascade.model import Labelled, cut_block
from teiedit.readers.cascade.notelink import lettered_bodies
from teiedit.readers.cascade.shape_rules import SALUTE_WORDS, inner_meta
from teiedit.readers.cascade.titles import series_titles


def apply(blocks: list[Labelled]) -> list[str]:
    """Every rule in order; the decisions they took."""
    out: list[str] = []
    for rule in (
        run_on_pieces,
        address_lines,
        cover_notice,
        lettered_bodies,
        note_sequence,
        lone_summary,
        telegram_number,
        abstract_pieces,
        glued_salutation,
        inner_salutation,
        tiny_summary,
        reference_line,
        numbered_documents,
        post_titles,
        empty_panel,
        elided_headnote,
        series_titles,
        inner_meta,
    ):
        out.extend(rule(blocks))
    return out


_NOTE_NUMBER = re.compile(r"^\[?(\d{1,3})[\].)]?\s+\S")


def note_sequence(blocks: list[Labelled]) -> list[str]:
    """A block opening with number n right after the body of note n-1 is note n (the labeller may call
    a note that cites a source a citation)."""
    out = []
    prev: int | None = None
    for b in blocks:
        if b.aside or b.label in SET_ASIDE:
            continue
        m = _NOTE_NUMBER.match(b.one_line)
        n = int(m[1]) if m else None
        if b.label == "note":
            prev = n
            continue
        if n is not None and prev is not None and n == prev + 1 and b.label in ("citation", "p"):
            was, b.label = b.label, "note"
            out.append(f"line {b.seg.line}: note (number {n} after note {prev}), not {was}")
            prev = n
            continue
        prev = None
    return out


_ADDRESS = re.compile(
    r"^(?:>\s*)*(?:(?:source|url|link|address|available at|retrieved from)\s*:\s*)?"
    r"<?(?:https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email[^\]]{0,20}\])>?$",
    re.I,
)


def address_lines(blocks: list[Labelled]) -> list[str]:
    """A block of nothing but a web or mail address (perhaps after a label: "Source: https://...", the
    page the capture was copied from) is the page's furniture, not a sentence of the text nor the
    document's citation (a link the capture kept, a contact line)."""
    out = []
    for b in blocks:
        if b.label in SET_ASIDE or b.aside or b.label == "note":
            continue
        if _ADDRESS.match(b.one_line):
            was, b.label = b.label, "furniture"
            out.append(f"line {b.seg.line}: furniture (a web or mail address alone), not {was}")
    return out


_TELEGRAM_NUMBER = re.compile(r"^\d{3,5}\.\s+[A-Z]")


def telegram_number(blocks: list[Labelled]) -> list[str]:
    """A line opening with a telegram's number ("1580. For transmission ...") the labeller called a
    citation or a summary is the first line of the telegram's text."""
    for b in blocks:
        if b.aside or b.label in SET_ASIDE:
            continue
        if b.label in ("p", "item"):
            return []
        if (
            b.label in ("citation", "summary", "meta")
            and _TELEGRAM_NUMBER.match(b.one_line)
            and "/" not in b.one_line[:12]
        ):
            was, b.label = b.label, "p"
            return [f"line {b.seg.line}: p (a telegram's number opens it), not {was}"]
    return []


_ABSTRACT_HEAD = re.compile(
    r"^[#\s]*(?:abstract|summary|résumé|resumen|zusammenfassung)\s*:?$", re.I
)


def abstract_pieces(blocks: list[Labelled]) -> list[str]:
    """After an "Abstract" heading, the pieces of the abstract's line (one physical line cut into
    sentences) are the abstract, not the first paragraphs of the text."""
    out = []
    for i, b in enumerate(blocks[:-1]):
        nxt = blocks[i + 1]
        if not (_ABSTRACT_HEAD.match(b.one_line) and nxt.label == "summary"):
            continue
        for x in blocks[i + 2 :]:
            if x.seg.physical != nxt.seg.physical or x.label not in ("p", "summary"):
                break
            if x.label == "p":
                x.label = "summary"
                out.append(f"line {x.seg.line}: summary (a piece of the abstract's line), not p")
        break
    return out


def lone_summary(blocks: list[Labelled]) -> list[str]:
    """A summary with no running text after it and no "Abstract" heading over it is the text itself (a
    short page the labeller read as a headnote)."""
    kept = [b for b in blocks if not b.aside and b.label not in SET_ASIDE]
    if any(b.label in ("p", "item") or _ABSTRACT_HEAD.match(b.one_line) for b in kept):
        return []  # text follows, or an "Abstract" heading says what it is (a page cut after it)
    out = []
    for b in kept:
        if b.label == "postscript":  # a postscript to no text: the text
            b.label = "p"
            out.append(f"line {b.seg.line}: p (a postscript to no text), not postscript")
    if out:
        return out
    for b in kept:
        if b.label == "summary":
            b.label = "p"
            out.append(f"line {b.seg.line}: p (no text follows this summary), not summary")
    return out


_GLUED_SALUTE = re.compile(
    rf"^(?:my\s+)?(?:dear(?:est)?|{SALUTE_WORDS})\b"
    r"[^.:;!?\n]{0,60}?[:!,](?P<sp>\s+)(?=[A-Z\"“])",
    re.IGNORECASE,
)


def glued_salutation(blocks: list[Labelled]) -> list[str]:
    """A salutation at the head of the first paragraph ("Fellow-Citizens of the United States: In
    compliance ...") is cut from it: the salutation, then the paragraph (offsets kept)."""
    for i, b in enumerate(blocks):
        if b.aside or b.label in SET_ASIDE:
            continue
        if b.label in ("salute", "item"):
            return []
        if b.label != "p":
            continue
        m = _GLUED_SALUTE.match(b.text)
        if m is None or len(b.text) - m.end() < 40:
            return []
        cut, rest = m.start("sp"), m.end("sp")
        blocks[i : i + 1] = cut_block(b, cut, rest, ("salute", "p"), line_start=False)
        return [f"line {b.seg.line}: salute cut from the head of the first paragraph"]
    return []


def tiny_summary(blocks: list[Labelled]) -> list[str]:
    """A "summary" of a few letters ("K", a mark of a form) is no abstract: a line of the top."""
    out = []
    for b in blocks:
        if b.label == "summary" and not b.aside and sum(c.isalpha() for c in b.one_line) < 20:
            b.label = "opener"
            out.append(f"line {b.seg.line}: opener (too short for a summary), not summary")
    return out


_REFERENCE = re.compile(r"^(?:\d{2,5}\.\s+)?(?:refs?|reference|subject|subj)\s*[:.]\s*\S", re.I)


def reference_line(blocks: list[Labelled]) -> list[str]:
    """Before the running text (short lines only), a telegram's "Ref:" or "Subject:" line (perhaps
    after its number) is a line of its top, not its first paragraph or item."""
    for b in blocks:
        if b.aside or b.label in SET_ASIDE:
            continue
        if b.label in ("p", "item"):
            if _REFERENCE.match(b.one_line) and len(b.one_line) <= 200:
                was, b.label = b.label, "opener"
                return [f"line {b.seg.line}: opener (a reference line before the text), not {was}"]
            if len(b.one_line) > 120:
                return []  # running text: past the top
    return []


_DOCUMENT_HEAD = re.compile(
    r"^\W{0,3}(?:document|doc\.)\s*(?:no\.?|number|#)?\s*\d{1,3}(?!\d)", re.I
)


def numbered_documents(blocks: list[Labelled]) -> list[str]:
    """Headings "Document No. n" with running text under each are the titles of a compilation's
    documents (each starts one); a run of them with no text between is its list of contents."""
    heads = [
        i
        for i, b in enumerate(blocks)
        if not b.aside and b.label not in SET_ASIDE and _DOCUMENT_HEAD.match(b.one_line)
    ]
    titled = []
    for n, i in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(blocks)
        text = [b for b in blocks[i + 1 : end] if b.label in ("p", "item") and not b.aside]
        if sum(len(b.one_line) for b in text) >= 200:
            titled.append(i)
    if len(titled) < 2:
        return []
    out = []
    for i in heads:
        b = blocks[i]
        label = "title" if i in titled else "item"
        if b.label != label:
            out.append(f"line {b.seg.line}: {label} (a numbered document's heading), not {b.label}")
            b.label = label
            b.confidence = max(b.confidence, 0.9 if label == "title" else b.confidence)
    return out


def post_titles(blocks: list[Labelled]) -> list[str]:
    """On a page of posts, a heading right after a post's footer (furniture after running text) with
    running text under it is the next post's title; then a short line of words alone at the top of
    the page, with running text under it and no title over it, is the first post's title."""
    from teiedit.readers.cascade.titles import title_shape

    out = []
    seen_text = False
    for i, b in enumerate(blocks[1:-1], start=1):
        prev = blocks[i - 1]
        if b.label in ("p", "item") and not b.aside and len(b.one_line) > 120:
            seen_text = True
        if (
            seen_text
            and b.label == "heading"
            and prev.label == "furniture"
            and any(x.label == "p" and len(x.one_line) > 120 for x in blocks[i + 1 : i + 5])
            and title_shape(b.text) >= 0.5
        ):
            b.label, b.confidence = "title", max(b.confidence, 0.6)
            out.append(f"line {b.seg.line}: title (a heading after a post's footer), not heading")
    if not out:
        return out
    kept = [b for b in blocks if not b.aside and b.label not in SET_ASIDE]
    if len(kept) > 1 and kept[0].label == "p" and kept[1].label == "p":
        first = kept[0]
        short = len(first.one_line) <= 100 and not first.one_line.endswith((".", ":", ","))
        if short and title_shape(first.text) >= 0.5 and len(kept[1].one_line) > 120:
            first.label, first.confidence = "title", max(first.confidence, 0.6)
            out.append(f"line {first.seg.line}: title (the first post's title), not p")
    return out


def empty_panel(blocks: list[Labelled]) -> list[str]:
    """An "Abstract" or "Summary" heading with no summary or text under it (a citation, a rule line
    or another heading next) is the label of a page's empty panel: furniture."""
    out = []
    for i, b in enumerate(blocks):
        if b.aside or b.label not in ("heading", "title") or not _ABSTRACT_HEAD.match(b.one_line):
            continue
        nxt = next((x for x in blocks[i + 1 :] if any(c.isalpha() for c in x.one_line)), None)
        if nxt is None or nxt.label not in ("summary", "p", "item"):
            b.label = "furniture"
            out.append(f"line {b.seg.line}: furniture (the label of an empty panel)")
    return out


_TERMS = re.compile(
    r"\bterms and conditions of use\b|\bindicates your acceptance of\b|"
    r"\bmust contain the same copyright notice\b",
    re.IGNORECASE,
)


def cover_notice(blocks: list[Labelled]) -> list[str]:
    """A delivery service's terms-of-use notice before the text, and the paragraphs that run on from
    it (contact, copying terms, the service's own description), are its cover page: furniture."""
    for i, b in enumerate(blocks):
        if b.aside or b.label in SET_ASIDE:
            continue
        if b.label not in ("p", "item"):
            continue
        if not _TERMS.search(b.one_line[:300]):
            return []  # the first paragraph is no notice: the text
        run = []
        for x in blocks[i:]:
            if x.label not in ("p", "item", "furniture"):
                break
            run.append(x)
        for x in run:
            x.label = "furniture"
        return [f"line {b.seg.line}: furniture (a cover page's terms of use, {len(run)} blocks)"]
    return []


_ELISION = re.compile(r"^[\[(]\s*(?:…|\.{3}|\. \. \.)\s*[\])]$")


def elided_headnote(blocks: list[Labelled]) -> list[str]:
    """Right under a document's title or heading, the paragraphs (up to eight) before an elision mark alone
    ("[…]") and more text are the editor's headnote on the excerpt that follows: a summary."""
    for i, b in enumerate(blocks):
        if b.label not in ("title", "heading") or b.aside:
            continue
        if b.label == "heading" and any(x.label in ("p", "item") for x in blocks[:i]):
            return []  # a section heading in the text: its paragraphs are the text's
        run = []
        for x in blocks[i + 1 : i + 10]:
            if x.label != "p" or x.aside:
                break
            run.append(x)
        k = len(run)
        elided = next((j for j in range(k) if _ELISION.match(run[j].one_line)), None)
        if not elided or elided > 8 or i + 1 + elided + 1 >= len(blocks):
            continue
        for x in run[:elided]:
            x.label = "summary"
        return [f"line {b.seg.line}: summary (an editor's headnote before an elision mark), not p"]
    return []


def run_on_pieces(blocks: list[Labelled]) -> list[str]:
    """The pieces of one long line of running text (a run-on capture cut into sentences) that the
    labeller called a summary, a title or a heading are paragraphs when the line holds paragraphs too
    and no "Abstract" heading stands over it; a title or heading before the line's first sentence (the
    document's own, glued to its text) keeps its label."""
    if any(_ABSTRACT_HEAD.match(b.one_line) for b in blocks):
        return []
    lines: dict[int, list[Labelled]] = {}
    for b in blocks:
        if b.seg.piece or b.seg.lines == 1:
            lines.setdefault(b.seg.physical, []).append(b)
    out = []
    for pieces in lines.values():
        if len(pieces) < 4 or not any(x.label == "p" for x in pieces):
            continue
        if sum(x.label == "p" for x in pieces) < len(pieces) / 3:
            continue
        text_seen = False
        for x in pieces:
            if x.label in ("summary", "p"):
                text_seen = True
            heads = ("summary", "title", "heading") if text_seen else ("summary",)
            if x.label in heads and not x.aside:
                out.append(
                    f"line {x.seg.line}: p (a piece of a line of running text), not {x.label}"
                )
                x.label = "p"
    return out
