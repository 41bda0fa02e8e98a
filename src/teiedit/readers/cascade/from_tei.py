"""Labels from an edition's own TEI: a corrected document tells the role of each block of its source.

The TEI of a source (the documents whose ``revisionDesc`` names its file) is read in document order;
each text node takes the role of the element that holds it (``head`` -> title or heading, ``opener`` ->
dateline, salutation or top line, ``closer`` -> closing, signature or date, ``p`` -> paragraph,
``div[@type='summary']`` -> summary, ``note[@type='source']`` -> citation, ...). The texts are then
found again in the source, in order (white space aside): what the TEI leaves out is furniture, and a
note placed at its call is looked for wherever its body stands. Each segment of the source takes the
role of most of its characters. This is how an editor's corrections in ``tei/`` become training data.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from teiedit.document import TEI_NS, local_name
from teiedit.io import decode_source
from teiedit.readers.cascade.examples import Example, Span
from teiedit.readers.cascade.segment import segment

_T = f"{{{TEI_NS}}}"
#: Elements whose content is not the source's reading.
_SKIP = frozenset({"corr", "reg", "expan", "ex"})
_PAGE = re.compile(r"^(?:\.?\s?\d{1,4}|page\s+\S{1,6}|\[page\s+\d+\]|[ivxlc]{1,6})$", re.IGNORECASE)
_DIV_LABELS = {"summary": "summary", "abstract": "summary", "notes": "note", "source": "citation"}


def _label_of(el: etree._Element, first_head: etree._Element | None) -> str:
    """The role of the text directly inside ``el`` (from the element and its ancestors)."""
    chain = [el, *el.iterancestors()]
    names = [local_name(a) for a in chain]
    if "figure" in names:
        return "caption"
    for a, name in zip(chain, names, strict=True):
        if name == "note":
            return "citation" if a.get("type") == "source" else "note"
        if name == "fw":
            return "pagefw"
        if name == "bibl" and a.get("type") == "source":
            return "citation"
        if name == "figure":
            return "caption"
        if name == "byline" or name == "docAuthor":
            return "byline"
        if name == "signed":
            return "signed"
        if name == "dateline":
            return "dateline"
        if name == "salute":
            return "closer" if "closer" in names else "salute"
        if name == "closer":
            return "closer"
        if name == "opener":
            return "opener"
        if name == "postscript":
            return "postscript"
        if name == "ab":
            return "opener" if a.get("type") in ("stamp", "classification") else "closer"
        if name == "head":
            return "title" if a is first_head or a.get("type") == "main" else "heading"
        if name == "item":
            return "item"
        if name == "p" and a.get("rend") in _P_RENDS:
            return str(a.get("rend"))
        if name == "p" and a.get("rend") in _P_REND_ALIASES:
            return _P_REND_ALIASES[str(a.get("rend"))]
        if name == "div" and a.get("type") in _DIV_LABELS:
            return _DIV_LABELS[str(a.get("type"))]
    return "p"


_P_RENDS = frozenset({"salute", "closer", "signed", "dateline", "opener", "byline", "meta"})
#: Renderings of paragraphs written by teiedit's earlier readers, and the roles they stand for.
_P_REND_ALIASES = {"imprint": "meta"}


def _pieces(root: etree._Element) -> tuple[list[tuple[str, str]], list[str]]:
    """(text, label) of a document's text in reading order, and the texts of notes placed at calls."""
    text_el = root.find(f"{_T}text")
    out: list[tuple[str, str]] = []
    placed: list[str] = []
    if text_el is None:
        return out, placed
    main = text_el.find(f".//{_T}head[@type='main']")
    first_head = main if main is not None else next(text_el.iter(f"{_T}head"), None)

    def walk(el: etree._Element, forced: str = "") -> None:
        name = local_name(el)
        if name in _SKIP:
            return
        if name == "note" and el.get("place") == "foot":
            placed.append("".join(el.itertext()))
            return
        label = forced or _label_of(el, first_head)
        if name == "p" and label == "p" and _is_date("".join(el.itertext())):
            label = forced = "dateline"  # a paragraph that is only a date is a dateline
        if el.text:
            out.append((el.text, label))
        for child in el:
            if isinstance(child.tag, str):
                walk(child, forced)
            if child.tail:
                out.append((child.tail, label))

    walk(text_el)
    return out, placed


def _is_date(text: str) -> bool:
    from teiedit.readers.cascade.features import _date_share

    return len(text.strip()) <= 40 and _date_share(text.strip()) > 0.8


def _nonspace_index(text: str) -> tuple[str, list[int]]:
    """The text without white space, and each of its characters' offsets in ``text``."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, c in enumerate(text):
        if not c.isspace():
            chars.append(c)
            offsets.append(i)
    return "".join(chars), offsets


def align(source: str, documents: list[etree._Element]) -> list[Span]:
    """Labelled spans of ``source`` from its TEI documents; what the TEI does not hold is furniture."""
    flat, offsets = _nonspace_index(source)
    labels: list[str] = ["furniture"] * len(flat)
    pos = 0
    placed: list[str] = []
    for root in documents:
        pieces, notes = _pieces(root)
        placed.extend(notes)
        for text, label in pieces:
            needle = re.sub(r"\s+", "", text)
            if not needle:
                continue
            at = flat.find(needle, pos)
            if at < 0 or at - pos > 4000:
                continue  # not found near where the reading is (a label carried elsewhere)
            for k in range(at, at + len(needle)):
                labels[k] = label
            pos = at + len(needle)
    for text in placed:
        needle = re.sub(r"\s+", "", text)
        at = flat.find(needle) if needle else -1
        if at >= 0:
            for k in range(at, at + len(needle)):
                labels[k] = "note"
    spans: list[Span] = []
    for seg in segment(source):
        a, b = _range(offsets, seg.start, seg.end)
        if a >= b:
            continue
        votes = Counter(labels[a:b])
        label = votes.most_common(1)[0][0]
        if label == "furniture" and _PAGE.match(seg.one_line):
            label = "pagefw"  # left out of the TEI, and a page number or page marker
        spans.append((seg.start, seg.end, label))
    return spans


def _range(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    import bisect

    return bisect.bisect_left(offsets, start), bisect.bisect_left(offsets, end)


def documents_of(
    tei_dir: Path, source_name: str, only: set[str] | None = None
) -> list[etree._Element]:
    """The edition's TEI documents converted from ``source_name`` (a compilation's listing left out;
    with ``only``, just the files of that name)."""
    out: list[tuple[str, etree._Element]] = []
    for path in sorted(tei_dir.glob("*.xml")):
        if only is not None and path.name not in only:
            continue
        try:
            root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            continue
        names = root.getroot().xpath(
            "tei:teiHeader/tei:revisionDesc//tei:name[@type='file']/text()",
            namespaces={"tei": TEI_NS},
        )
        if source_name not in [str(n).strip() for n in names]:
            continue
        if root.getroot().xpath(
            "tei:text/tei:body/tei:div[@type='compilation']", namespaces={"tei": TEI_NS}
        ):
            continue  # the listing of a split compilation: not source text
        out.append((path.name, root.getroot()))
    return [r for _, r in sorted(out)]


def examples_from(
    sources: Path, tei_dir: Path, name_prefix: str = "", only: set[str] | None = None
) -> Iterator[Example]:
    """An example for every source of ``sources`` that has TEI in ``tei_dir`` (in the files ``only``)."""
    for src in sorted(sources.glob("*.txt")):
        docs = documents_of(tei_dir, src.name, only)
        if not docs:
            continue
        text = decode_source(src.read_bytes(), src).text
        yield Example(name=f"{name_prefix}{src.name}", text=text, spans=tuple(align(text, docs)))


def edition_examples(root: Path) -> Iterator[Example]:
    """Examples from the edition at ``root`` (its sources and TEI), and from the reader test cases
    of a repository checkout (each case's source with its expected TEI)."""
    from teiedit.config import load_settings

    edition = load_settings(root)
    yield from examples_from(edition.sources, edition.tei, "edition:")
    cases = root / "tests" / "cases" / "readers"
    if cases.is_dir():
        for folder in sorted(p for p in cases.iterdir() if p.is_dir()):
            yield from _case_examples(folder)


def _case_examples(folder: Path) -> Iterator[Example]:
    for src in sorted(folder.glob("*.txt")):
        goldens = [folder / f"{src.stem}.xml", *sorted(folder.glob(f"{src.stem}.*.xml"))]
        roots = []
        for g in goldens:
            if g.is_file():
                root = etree.parse(str(g)).getroot()
                if not root.xpath(
                    "tei:text/tei:body/tei:div[@type='compilation']", namespaces={"tei": TEI_NS}
                ):
                    roots.append(root)
        if roots:
            text = decode_source(src.read_bytes(), src).text
            yield Example(
                name=f"case:{folder.name}/{src.name}", text=text, spans=tuple(align(text, roots))
            )
