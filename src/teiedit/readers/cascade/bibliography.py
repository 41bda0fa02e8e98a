"""An article's list of works cited, out of its notes: ``listBibl`` of ``bibl`` in its own division.

The labeller has no role for a bibliography entry: the entries after the notes ("Author, Title, Place
Year.") are labelled notes, and having no call in the text they end as unpaired notes in the back. When
a heading of the list ("References", "Literaturverzeichnis", "Bibliographie", from ``post-cues.txt``)
opens a run of them, or ends the body over them, the entries under it become ``bibl`` in a
``div[@type='bibliography']`` with that heading; from a DOI, download or citing line on, the lines
stay the unpaired notes they were (none of the works cited), after the list. Nothing is dropped or
reordered.
The notes' own heading ("Anmerkungen", "Endnotes") left as the body's last paragraph heads their
division instead, and a notes division all of whose notes found their calls is left out.
"""

from __future__ import annotations

from lxml import etree

from teiedit.document import XML_NS, E, local_name
from teiedit.readers.cascade.post_rules import matches

_ORPHAN = "orphan"
XML_ID = f"{{{XML_NS}}}id"


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def separate(back: list[etree._Element], body_div: etree._Element) -> list[etree._Element]:
    """The back matter with the works cited among its unpaired notes in a bibliography division, and
    the notes' heading at the body's end as the head of their division."""
    back = _works_cited(back, body_div)
    notes = next((d for d in back if d.get("type") == "notes"), None)
    last = _last_paragraph(body_div)
    if notes is not None and last is not None and matches("noteshead", _text(last)):
        if not any(local_name(c) == "head" for c in notes):
            _remove(last)
            notes.insert(0, E.head(_text(last)))
    return [d for d in back if len(d) or d.text]  # a division all of whose notes were placed


def _remove(el: etree._Element) -> None:
    parent = el.getparent()
    assert parent is not None  # an element of the body or of a back division
    parent.remove(el)


def _works_cited(back: list[etree._Element], body_div: etree._Element) -> list[etree._Element]:
    for div in back:
        notes = [c for c in div if local_name(c) == "note" and c.get("type") == _ORPHAN]
        start = next((i for i, n in enumerate(notes) if matches("references", _text(n))), None)
        if start is not None:
            return _with_list(back, div, notes[start], notes[start + 1 :])
        last = _last_paragraph(body_div)
        if notes and last is not None and matches("references", _text(last)):
            return _with_list(back, div, last, notes)
    return back


def _last_paragraph(div: etree._Element) -> etree._Element | None:
    """The body's last element when it is a paragraph of plain text (a heading read as one)."""
    last = div
    while len(last) and local_name(last[-1]) == "div":
        last = last[-1]
    if len(last) and local_name(last[-1]) == "p" and not len(last[-1]):
        return last[-1]
    return None


def _with_list(
    back: list[etree._Element],
    div: etree._Element,
    heading: etree._Element,
    candidates: list[etree._Element],
) -> list[etree._Element]:
    """``back`` with a bibliography division after ``div``: ``heading``'s text its head, the
    candidates that are works cited its ``bibl`` (unchanged if none is)."""
    end = next((i for i, n in enumerate(candidates) if matches("notbibl", _text(n))), None)
    entries, rest = candidates[:end], candidates[len(candidates) if end is None else end :]
    if not entries:
        return back
    listbibl = E.listBibl()
    for note in entries:
        bibl = E.bibl(*note)
        bibl.text = note.text
        if ident := note.get(XML_ID):
            bibl.set(XML_ID, ident)
        div.remove(note)
        listbibl.append(bibl)
    for note in rest:
        div.remove(note)  # after the list, where the source has them (a DOI, a citing line)
    _remove(heading)
    out = list(back)
    works = E.div(E.head(_text(heading)), listbibl, *rest, type="bibliography")
    out.insert(out.index(div) + 1, works)
    return out
