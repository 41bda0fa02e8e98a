"""The editorialDecl statement of the bracket conventions a document's markup uses."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from teiedit.brackets.encode import REND, element
from teiedit.brackets.shapes import SIGNATURE
from teiedit.document import TeiDocument, editorial_decl, local_name, tei


def is_bracket_element(el: etree._Element) -> bool:
    """True for an element that stands for a bracket expression of the source."""
    return isinstance(el.tag, str) and REND in (el.get("rend") or "").split()


#: What each kind of bracket became, in the words of the editorialDecl.
CONVENTIONS: tuple[tuple[str, str], ...] = (
    (
        "gap",
        "Descriptions of illegible, damaged, cancelled or omitted text in square brackets "
        "([illegible], [two words illegible], […]) are encoded as gap with @reason (illegible, faded, "
        "cancelled, damage, missing, lost, omitted) and, where the description states it, "
        "@quantity (or @extent for a range) with @unit; the description itself is kept in gap/desc.",
    ),
    (
        "signature",
        "[signed] and [signature] (a signature the transcription does not reproduce) are encoded "
        'as gap[@reason="omitted"] with the word kept in gap/desc.',
    ),
    (
        "supplied",
        "Words or parts of words that the source's editor inserted in square brackets "
        "([or], S[o] Hwi) are encoded as supplied; a conjecture marked with a question mark "
        '([Moscow?]) as supplied[@cert="low"], the question mark kept in it.',
    ),
    (
        "sic",
        "[sic] after a word is encoded as sic around that word, followed by the editor's marker as "
        'note[@type="editorial"][@subtype="sic"][@place="inline"].',
    ),
    (
        "unclear",
        '[?] after a word is encoded as unclear[@cert="low"] around that word, followed by the '
        'editor\'s marker as note[@type="editorial"][@subtype="query"][@place="inline"].',
    ),
    (
        "romanisation",
        "A name followed by another romanisation of it in square brackets is encoded as choice "
        'holding both forms as seg, the bracketed one seg[@type="romanisation"]; both forms '
        "are original text.",
    ),
    (
        "expansion",
        "An abbreviation followed by its expansion in square brackets is encoded as choice of "
        'seg/abbr and seg[@type="expansion"]; both are original text.',
    ),
    (
        "handwritten",
        "Bracketed descriptions of handwriting ([handwritten in the margin: …]) are encoded as "
        'seg[@type="handwritten"] holding the description as label and the handwritten text as '
        "add, with @place where the description states it.",
    ),
    (
        "stamp",
        'Bracketed descriptions of stamps ([stamp: …]) are encoded as seg[@type="stamp"] holding the '
        "description as label followed by the stamp's text.",
    ),
    (
        "note",
        "Bracketed editor's or translator's notes in the text are encoded as "
        'note[@type="editorial"][@place="inline"].',
    ),
)
_GENERAL = (
    "Square brackets of the source: every element that stands for a bracketed expression of the "
    'source carries @rend="brackets" (the brackets are not repeated as characters); all words '
    "inside the brackets are kept as text. Bracketed text that teiedit did not recognise is left "
    "as it is, brackets included; footnote markers such as [1] are handled with the notes."
)

#: @n of the editorialDecl paragraph this pass owns, so re-running replaces it instead of adding another.
DECL_N = "brackets"


def kinds_in(root: etree._Element) -> list[str]:
    """The kinds of bracket markup present under tei:text, in the order of CONVENTIONS."""
    present: set[str] = set()
    # Python iteration: libxml2's XPath is quadratic over very wide mixed content here.
    for text in root.iter(tei("text")):
        for el in text.iter(tei("gap"), tei("supplied"), tei("note"), tei("seg")):
            if is_bracket_element(el):
                _add_kind(el, present)
    return [k for k, _ in CONVENTIONS if k in present]


def _add_kind(el: etree._Element, present: set[str]) -> None:
    name = local_name(el)
    if name == "gap":
        desc = el.find(tei("desc"))
        signature = desc is not None and bool(SIGNATURE.match(desc.text or ""))
        present.add("signature" if signature else "gap")
    elif name == "supplied":
        present.add("supplied")
    elif name == "note":
        present.add({"sic": "sic", "query": "unclear"}.get(el.get("subtype") or "", "note"))
    elif name == "seg":
        present.add(el.get("type") or "")


def editorial_decl_paragraphs(kinds: Sequence[str]) -> list[etree._Element]:
    """The editorialDecl paragraph(s) stating the bracket conventions used (one p, sentences per kind)."""
    sentences = [_GENERAL] + [text for k, text in CONVENTIONS if k in kinds]
    return [element("p", " ".join(sentences), n=DECL_N)]


def add_editorial_decl(doc: TeiDocument) -> None:
    """State the bracket conventions in teiHeader/encodingDesc/editorialDecl (created where missing)."""
    kinds = kinds_in(doc.root)
    if not kinds:
        return
    decl = editorial_decl(doc.root)
    if decl is None:
        return
    for old in decl.findall(tei("p")):
        if old.get("n") == DECL_N:
            decl.remove(old)
    for p in editorial_decl_paragraphs(kinds):
        decl.append(p)
