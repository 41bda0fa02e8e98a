"""Properties of the three-way merge: random hand edits on random conversions are never lost, a merge
with no hand edit equals the fresh conversion, and what the conversion changed arrives unless it clashes.

Every word of a generated conversion is unique (``w0``, ``w1``, ...), every edit leaves a unique mark
(``mine3``, ``#fresh2``), so what the merged file must and must not contain can be stated exactly.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field

from conftest import bounded
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teiedit.merge import merge_documents
from teiedit.serialize import serialize_tei

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}


def _t(name: str) -> str:
    return f"{{{TEI}}}{name}"


@dataclass
class Doc:
    """A generated conversion: a TEI tree whose words are unique."""

    root: etree._Element
    counter: int = 0


@st.composite
def conversions(draw: st.DrawFn) -> Doc:
    counter = 0

    def words(n: int) -> str:
        nonlocal counter
        out = " ".join(f"w{counter + i}" for i in range(n))
        counter += n
        return out

    root = etree.Element(_t("TEI"), nsmap={None: TEI})
    root.set("{http://www.w3.org/XML/1998/namespace}id", "doc")
    title = etree.SubElement(
        etree.SubElement(
            etree.SubElement(etree.SubElement(root, _t("teiHeader")), _t("fileDesc")),
            _t("titleStmt"),
        ),
        _t("title"),
    )
    title.text = words(draw(st.integers(1, 4)))
    body = etree.SubElement(etree.SubElement(root, _t("text")), _t("body"))
    for p_index in range(draw(st.integers(1, 6))):
        p = etree.SubElement(body, _t("p"))
        p.text = words(draw(st.integers(1, 6))) + " "
        for n in range(draw(st.integers(0, 2))):
            name = etree.SubElement(p, _t("persName"), ref=f"#base{p_index}-{n}")
            name.text = words(draw(st.integers(1, 2)))
            name.tail = " " + words(draw(st.integers(1, 5))) + " "
    return Doc(root, counter)


@dataclass
class Marks:
    """What a side's edits leave behind (must be in the merge) and take away (must not be)."""

    present: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)


def _text_slots(root: etree._Element) -> list[tuple[etree._Element, str]]:
    """Every (element, 'text'|'tail') of the body that holds words."""
    slots = []
    for el in root.iterfind(".//t:body//*", NS):
        if _words_in(el.text or ""):
            slots.append((el, "text"))
        if _words_in(el.tail or "") and el.tag != _t("p"):
            slots.append((el, "tail"))
    return slots


def _words_in(text: str) -> list[str]:
    return re.findall(r"w\d+", text)


def hand_edit(draw: st.DrawFn, root: etree._Element, mark: str, marks: Marks) -> None:
    """One edit an editor might make: correct a word, add or delete a paragraph, fix a link or the title."""
    body = root.find(".//t:body", NS)
    assert body is not None
    kind = draw(st.sampled_from(["word", "insert-p", "delete-p", "ref", "title"]))
    slots = _text_slots(root)
    if kind == "word" and slots:
        el, attr = draw(st.sampled_from(slots))
        text = getattr(el, attr)
        word = draw(st.sampled_from(_words_in(text)))
        setattr(el, attr, re.sub(rf"\b{word}\b", mark, text))
        marks.present.append(mark)
        marks.absent.append(word)
    elif kind == "delete-p" and len(body) > 1:
        p = body[draw(st.integers(0, len(body) - 1))]
        marks.absent.extend(_words_in("".join(p.itertext())))
        body.remove(p)
    elif kind == "ref" and root.findall(".//t:persName", NS):
        name = draw(st.sampled_from(root.findall(".//t:persName", NS)))
        name.set("ref", f"#{mark}")
        marks.present.append(f'ref="#{mark}"')
    elif kind == "title":
        title = root.find(".//t:title", NS)
        assert title is not None
        title.text = f"{mark} title"
        marks.present.append(f"{mark} title")
    else:
        p = etree.Element(_t("p"))
        p.text = f"{mark} added by hand."
        body.insert(draw(st.integers(0, len(body))), p)
        marks.present.append(f"{mark} added by hand.")


def conversion_change(draw: st.DrawFn, root: etree._Element, mark: str, marks: Marks) -> None:
    """One change a newer conversion might bring: a new link, a repaired word, a new paragraph."""
    body = root.find(".//t:body", NS)
    assert body is not None
    kind = draw(st.sampled_from(["link", "repair", "append-p", "ref"]))
    plain = [(el, a) for el, a in _text_slots(root) if el.tag == _t("p") or a == "tail"]
    if kind == "link" and plain:
        el, attr = draw(st.sampled_from(plain))
        text = getattr(el, attr)
        word = draw(st.sampled_from(_words_in(text)))
        before, _, after = text.partition(word)
        setattr(el, attr, before)
        name = etree.Element(_t("persName"), ref=f"#{mark}")
        name.text, name.tail = word, after
        if attr == "text":
            el.insert(0, name)
        else:
            el.addnext(name)
        marks.present.append(f'<persName ref="#{mark}">{word}</persName>')
    elif kind == "repair" and plain:
        el, attr = draw(st.sampled_from(plain))
        text = getattr(el, attr)
        word = draw(st.sampled_from(_words_in(text)))
        setattr(el, attr, re.sub(rf"\b{word}\b", mark, text))
        marks.present.append(mark)
    elif kind == "ref" and root.findall(".//t:persName", NS):
        name = draw(st.sampled_from(root.findall(".//t:persName", NS)))
        name.set("ref", f"#{mark}")
        marks.present.append(f'ref="#{mark}"')
    else:
        p = etree.SubElement(body, _t("p"))
        p.text = f"{mark} from the conversion."
        marks.present.append(f"{mark} from the conversion.")


def _bytes(root: etree._Element) -> bytes:
    return serialize_tei(deepcopy(root), rng_href="schema.rng", sch_href="schema.sch")


def _plain(data: bytes) -> str:
    """The document as text without the TEI namespace declaration, for looking up marks."""
    return data.decode("utf-8").replace(f' xmlns="{TEI}"', "")


def _canonical(data: bytes) -> bytes:
    """The document with white-space runs collapsed (layout is not content) and white-space-only text
    dropped, in canonical XML."""
    root = etree.fromstring(data)
    for el in root.iter():
        el.text = re.sub(r"\s+", " ", el.text) if el.text and el.text.strip() else None
        el.tail = re.sub(r"\s+", " ", el.tail) if el.tail and el.tail.strip() else None
    return etree.tostring(root, method="c14n")


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[bytes, bytes, bytes, Marks, Marks]:
    doc = draw(conversions())
    mine, fresh = deepcopy(doc.root), deepcopy(doc.root)
    mine_marks, fresh_marks = Marks(), Marks()
    for i in range(draw(st.integers(1, 4))):
        hand_edit(draw, mine, f"mine{i}", mine_marks)
    for i in range(draw(st.integers(0, 4))):
        conversion_change(draw, fresh, f"fresh{i}", fresh_marks)
    mine_bytes, fresh_bytes = _bytes(mine), _bytes(fresh)
    # A later edit may undo an earlier one (two fixes of one link): only the final state counts.
    for marks, data in ((mine_marks, mine_bytes), (fresh_marks, fresh_bytes)):
        text = _plain(data)
        marks.present = [m for m in marks.present if m in text]
        marks.absent = [w for w in marks.absent if not re.search(rf"\b{w}\b", text)]
    return _bytes(doc.root), mine_bytes, fresh_bytes, mine_marks, fresh_marks


#: 300 scenarios per property with TEIEDIT_TESTS=full, 100 in the default (bounded) run.
PROPERTY = settings(
    max_examples=bounded(300, 100), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY
@given(scenarios())
def test_hand_edits_are_never_lost(case: tuple[bytes, bytes, bytes, Marks, Marks]) -> None:
    base, mine, fresh, mine_marks, fresh_marks = case
    outcome = merge_documents(base, mine, fresh)
    merged = _plain(outcome.data)
    for mark in mine_marks.present:
        assert mark in merged, (mark, merged)
    for word in mine_marks.absent:
        assert not re.search(rf"\b{word}\b", merged), (word, merged)
    if not outcome.conflicts:
        for mark in fresh_marks.present:
            assert mark in merged, (mark, merged)
    etree.fromstring(outcome.data)  # well-formed, no repeated xml:id


@PROPERTY
@given(scenarios())
def test_a_merge_without_hand_edits_is_the_fresh_conversion(
    case: tuple[bytes, bytes, bytes, Marks, Marks],
) -> None:
    base, _, fresh, _, _ = case
    assert merge_documents(base, base, fresh).data == fresh
    # The same when the editor's file differs from the base only in its layout (white space):
    relaid = base.replace(b"\n      ", b"\n\t\t\t").replace(b" w", b"\n    w")
    assert relaid != base
    outcome = merge_documents(base, relaid, fresh)
    assert _canonical(outcome.data) == _canonical(fresh)
    assert outcome.conflicts == []


@PROPERTY
@given(scenarios())
def test_a_merge_with_nothing_new_is_the_editors_file(
    case: tuple[bytes, bytes, bytes, Marks, Marks],
) -> None:
    base, mine, _, _, _ = case
    assert merge_documents(base, mine, base).data == mine


@PROPERTY
@given(scenarios())
def test_taking_the_fresh_side_keeps_what_did_not_clash(
    case: tuple[bytes, bytes, bytes, Marks, Marks],
) -> None:
    base, mine, fresh, _, fresh_marks = case
    merged = _plain(merge_documents(base, mine, fresh, prefer="fresh").data)
    for mark in fresh_marks.present:
        assert mark in merged, (mark, merged)
