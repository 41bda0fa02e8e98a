r"""Token recall of a TEI document's reading text in its rendering (web page or printed text).

The reading text is that of ``tei:text`` (of its sourceDoc or standOff when it has none, as the
stylesheets' te:texts), in its corrected reading (of a choice with corr/reg/expan, not the sic/orig/abbr:
what print shows and what the web page shows by default). Tokens are runs of letters and digits after NFKD
without combining marks (Leiden underdots and vowel points do not split words) and without the brackets
editors add (Leiden's [ ] ⟨ ⟩ ( ) { } ⟦ ⟧ ⸢ ⸣, print's \ before additions join what they split, on both
sides; a slash separates, as in a URL a PDF breaks across lines). Binary data (binaryObject) is no text. Word boundaries on the TEI
side are white space and the boundaries of block-like elements, of tokens (w, pc) and of breaks and
spaces (lb, space, cb), and those of the parts of a structure written without text between them (see
_parts_of_structure); on the page side white space and block-like HTML elements. Recall counts every
TEI token once, found in the rendering's tokens (each used once); read back from a PDF, a word glued to its
footnote's number counts too, and a right-to-left word counts by its letters (text extraction moves their
vowel points and splits the words).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

TEI_NS = "http://www.tei-c.org/ns/1.0"
T = f"{{{TEI_NS}}}"

#: TEI elements whose boundaries are word boundaries (blocks, lines, cells, tokens, breaks, apparatus).
TEI_BOUNDARIES = frozenset(
    """p ab l lg head item list label cell row table note div div1 div2 div3 div4 div5 div6 div7 body front
    back group text floatingText figure figDesc fw sp speaker stage castList castItem castGroup opener
    closer salute signed dateline postscript address addrLine byline docAuthor docDate docTitle titlePart
    titlePage docImprint argument epigraph trailer bibl biblStruct listBibl listPerson listPlace listOrg
    listEvent listNym listWit listApp listRelation person personGrp place org event nym witness w pc space
    lb cb app lem rdg rdgGrp witDetail u line zone surface surfaceGrp sourceDoc standOff quote cit said eg
    divGen castGroup move view camera sound tech entry form sense gramGrp def usg xr re etym
    spanGrp interpGrp linkGrp timeline fs f""".split()
)
#: Entries of registers: each of their parts is a word boundary (the page separates them).
TEI_ENTRIES = frozenset("person personGrp place org event nym bibl biblStruct witness".split())
#: HTML elements that break words.
HTML_BLOCKS = frozenset(
    """address article aside blockquote br caption dd details div dl dt figcaption figure footer h1 h2 h3
    h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul""".split()
)
#: Generated page furniture glued to words (note calls, line numbers, image links): not text of the TEI.
HTML_GENERATED = (
    "noteref",
    "line-number",
    "facs-link",
    "reading-original",
    "app-ref",
    "visually-hidden",
    "lb-hyphen",
)
#: Blocks: a structure holding one is not spaced by the page (its blocks separate what they must).
TEI_BLOCK_PARTS = frozenset(
    """p ab div div1 div2 div3 div4 div5 div6 div7 lg l list item table row cell head note figure
    floatingText opener closer postscript dateline salute signed byline docAuthor docDate docTitle titlePart
    epigraph argument trailer sp speaker stage castList listBibl listPerson listPlace listOrg listEvent text
    body front back group titlePage graphic surface zone u line listWit address addrLine""".split()
)
#: Elements whose children may be parts of one word even when no text stands between them.
TEI_JOINED = frozenset(
    """w choice subst app lem rdg rdgGrp sic corr orig reg abbr expan am ex g c pc num unclear supplied
    damage add del restore mod hi seg""".split()
)
_BRACKETS = re.compile(r"[\[\]⟨⟩(){}⟦⟧⸢⸣〈〉‹›\\|]")
_TOKEN = re.compile(r"\w+")
#: The question mark of an unsure supplement ([ὁμο?]λογῶ).
_UNSURE = re.compile(r"\?(?=[\]⟩)])")
#: Print's signs around an addition (\text/), taken away as a pair.
_ADDITION = re.compile(r"\\([^\\/\s]*)/")


def tokens(text: str) -> list[str]:
    """Tokens of a text (see the module's docstring)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = _ADDITION.sub(r"\1", _UNSURE.sub("", bare))
    return [t.casefold() for t in _TOKEN.findall(_BRACKETS.sub("", bare).replace("/", " "))]


def _skipped(el: etree._Element) -> bool:
    """The source side of a choice that has a corrected side."""
    parent = el.getparent()
    if parent is None or parent.tag != f"{T}choice":
        return False
    other = {"sic": "corr", "orig": "reg", "abbr": "expan"}.get(etree.QName(el).localname)
    return other is not None and parent.find(f"{T}{other}") is not None


def _parts_of_structure(parent: etree._Element) -> bool:
    """The children of an entry, of a choice between original forms (two readings shown side by side), and
    of any element with two or more element children and no text between them (a record's fields, a
    tree's labels): words of their own (the page separates them)."""
    name = etree.QName(parent).localname
    if name in TEI_ENTRIES:
        return True
    if name == "choice" and not any(
        parent.find(f"{T}{side}") is not None for side in ("corr", "reg", "expan")
    ):
        return True
    if name in TEI_JOINED or (parent.text or "").strip():
        return False
    children = [c for c in parent if isinstance(c.tag, str)]
    return (
        len(children) > 1
        and not any((c.tail or "").strip() for c in children)
        and not any(etree.QName(c).localname in TEI_BLOCK_PARTS for c in children)
        and not any(etree.QName(c).localname in ("choice", "w", "pc") for c in children)
    )


def tei_reading(root: etree._Element) -> str:
    """The corrected reading text of a TEI document, with a space at every word boundary."""
    texts = [
        t for t in root.iter(f"{T}text") if not any(a.tag == f"{T}text" for a in t.iterancestors())
    ]
    if not texts:
        texts = [e for e in root if e.tag in (f"{T}sourceDoc", f"{T}standOff")]
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        if _skipped(el) or el.tag == f"{T}binaryObject":
            if not any(el is t for t in texts):
                parts.append(el.tail or "")
            return
        name = etree.QName(el).localname if isinstance(el.tag, str) else ""
        parent = el.getparent()
        boundary = name in TEI_BOUNDARIES or (parent is not None and _parts_of_structure(parent))
        if name == "lb" and el.get("break") == "no":
            boundary = False
        if boundary:
            parts.append(" ")
        if isinstance(el.tag, str):
            parts.append(el.text or "")
            for child in el:
                walk(child)
        if boundary:
            parts.append(" ")
        if not any(el is t for t in texts):
            parts.append(el.tail or "")

    for t in texts:
        walk(t)
    return "".join(parts)


def _with_class(name: str) -> str:
    return f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"


def page_text(page: str | bytes, xpath: str = "//main") -> str:
    """The text of an HTML page's element at ``xpath`` (the whole page without it) without generated
    furniture, with spaces at block boundaries."""
    doc = lxml_html.fromstring(page)
    found = doc.xpath(xpath)
    root = found[0] if found else doc
    for name in HTML_GENERATED:
        for el in root.xpath(_with_class(name)):
            el.drop_tree()
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        block = (
            isinstance(el.tag, str)
            and el.tag in HTML_BLOCKS
            and "in-word" not in (el.get("class") or "").split()
        )
        if block:
            parts.append(" ")
        if isinstance(el.tag, str):
            parts.append(el.text or "")
            for child in el:
                walk(child)
        if block:
            parts.append(" ")
        parts.append(el.tail or "")

    walk(root)
    return "".join(p for p in parts)


@dataclass(frozen=True)
class Recall:
    total: int
    found: int
    missing: list[str]

    @property
    def ratio(self) -> float:
        return self.found / self.total if self.total else 1.0


def _rtl(token: str) -> bool:
    return any("\u0590" <= c <= "\u08ff" or "\ufb1d" <= c <= "\ufeff" for c in token)


def recall(reading: str, rendered: str, *, printed: bool = False) -> Recall:
    """How many tokens of ``reading`` the ``rendered`` text holds. ``printed``: the text was read back
    from a PDF, which glues a footnote's number to its word, and whose right-to-left words come back
    with their vowel points moved and split (Syriac, Hebrew): those words count when their letters do."""
    want = tokens(reading)
    got = tokens(rendered)
    have = Counter(got)
    letters = Counter(c for t in got if _rtl(t) for c in t)
    joined = " " + " ".join(got) + " "
    found = 0
    missing: list[str] = []
    for t in want:
        if have[t] > 0:
            have[t] -= 1
            found += 1
        elif printed and re.search(rf"\s{re.escape(t)}\d+\s|\s\d+{re.escape(t)}\s", joined):
            found += 1
        elif printed and _rtl(t) and not Counter(t) - letters:
            letters -= Counter(t)
            found += 1
        else:
            missing.append(t)
    return Recall(len(want), found, missing)
