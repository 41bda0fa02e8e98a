"""Nothing is lost: every source converts to TEI whose original reading, with the report's set-aside spans,
gives back every non-whitespace character of the source, in order.

The rule, exactly (see ``check_round_trip``):
- white space is not compared (paragraphing and indentation are layout, not text), nor page breaks (a
  form feed in the source, ``pb`` in the TEI);
- the source minus (a) the set-aside spans at their lines, (b) the characters the TEI carries in attributes
  (``label`` spans: list-item and note numbers, note markers) and (c) note bodies placed at their markers
  (``moved`` spans) must equal the original reading of the output documents, in order, with those placed
  notes left out; every placed note must hold exactly its moved body;
- markup delimiters the reader turns into TEI markup (``**bold**`` around a title) are not text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import converted
from lxml import etree

from teiedit.document import TEI_NS, local_name
from teiedit.readers import Conversion
from teiedit.text import PAGE_BREAK
from teiedit.transforms import original_reading

REPO = Path(__file__).resolve().parent.parent
SOURCES = sorted((REPO / "sources").glob("*.txt"))
_WS = re.compile(rf"[\s{PAGE_BREAK}]+")
_DELIMS = re.compile(r"\*\*")


def _nows(text: str) -> str:
    return _DELIMS.sub("", _WS.sub("", text))


def _reading_without_placed_notes(el: etree._Element) -> tuple[str, list[str]]:
    """The original reading of ``el`` with note[@place='foot'] taken out, and those notes' readings."""
    el = etree.fromstring(etree.tostring(el))
    notes: list[str] = []
    for note in list(el.iter(f"{{{TEI_NS}}}note")):
        if note.get("place") == "foot":
            notes.append(original_reading(note))
            parent = note.getparent()
            prev = note.getprevious()
            tail = note.tail or ""
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
            parent.remove(note)
    return original_reading(el), notes


def source_without_spans(text: str, conversion: Conversion) -> str:
    """The source with set-aside, label and moved spans cut out at their lines (in the order given)."""
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    pieces = [(s.line, s.offset, s.text, "") for s in conversion.set_aside]
    pieces += [(s.line, s.offset, s.text, s.before) for s in conversion.spans]
    # a piece whose offset the reader gave is looked for exactly there; others from their line's start
    pieces.sort(key=lambda p: (p[0], p[1]))
    cut: list[tuple[int, int]] = []
    cursor_line, cursor = -1, 0
    for line, offset, piece, before in pieces:
        if not piece.strip():
            continue
        base = starts[max(0, min(line, len(starts)) - 1)]
        start_at = max(base, cursor) if line == cursor_line else base
        if offset >= 0:
            start_at = offset
        # Match ignoring white space differences (set-aside blocks were stripped of outer space).
        pattern = f"[\\s{PAGE_BREAK}]*".join(re.escape(ch) for ch in _WS.sub("", piece))
        m = re.compile(f"(?<={re.escape(before)})({pattern})" if before else f"({pattern})").search(
            text, start_at
        )
        assert m is not None, f"span {piece[:60]!r} not found at line {line}"
        assert offset < 0 or m.start(1) == offset, f"span {piece[:60]!r} not at offset {offset}"
        cut.append((m.start(1), m.end(1)))
        cursor_line, cursor = line, m.end()
    cut.sort()
    out, pos = [], 0
    for a, b in cut:
        assert a >= pos, f"overlapping spans at offset {a}"
        out.append(text[pos:a])
        pos = b
    out.append(text[pos:])
    return "".join(out)


def check_round_trip(text: str, conversion: Conversion) -> None:
    expected = _nows(source_without_spans(text, conversion))
    got_parts: list[str] = []
    placed: list[str] = []
    for doc in conversion.documents:
        if doc.name == conversion.whole:
            continue
        text_el = doc.root.find(f"{{{TEI_NS}}}text")
        assert text_el is not None and local_name(text_el) == "text"
        reading, notes = _reading_without_placed_notes(text_el)
        got_parts.append(reading)
        placed.extend(notes)
    got = _nows("".join(got_parts))
    if got != expected:
        i = next(
            (k for k in range(min(len(got), len(expected))) if got[k] != expected[k]),
            min(len(got), len(expected)),
        )
        pytest.fail(
            f"round trip differs at {i}:\nsource: …{expected[max(0, i - 80) : i + 80]}\n"
            f"TEI:    …{got[max(0, i - 80) : i + 80]}"
        )
    moved = [s.text for s in conversion.spans if s.kind == "moved"]
    # A note body may come in pieces (continued after a page break): compare the characters as a whole.
    assert sorted(_nows("".join(placed))) == sorted(_nows("".join(moved)))


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem[:30] for p in SOURCES])
def test_every_source_round_trips(path: Path) -> None:
    source, conversion, diags, _ = converted(path)
    assert not [d for d in diags if d.level.value == "fatal"], diags
    check_round_trip(source.text, conversion)


CASES = sorted((REPO / "tests/cases/readers").glob("*/*.txt"))


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_every_reader_case_round_trips(path: Path) -> None:
    source, conversion, _, _ = converted(path, path.parent.name)
    check_round_trip(source.text, conversion)
