"""MarkSourceRendition: the source's plain-text marks of emphasis and section breaks become TEI.

Transcriptions made from web pages or PDFs carry Markdown-like marks: ``*title*`` and ``_title_`` for
italics, ``**Document #4**`` and ``__…__`` for bold, and lines that are only a rule (``_____``, ``-----``,
``* * *``, escaped ``\\_\\_\\_``) for a break between sections. Printed as they stand, they are noise; this pass
encodes them:

- emphasis: ``hi rend="italic mark-asterisk"`` (or ``bold mark-asterisk2``, ``italic mark-underscore``,
  ``bold mark-underscore2``). The marks are not kept as characters: the ``mark-*`` token stands for them, and
  the original reading gives them back (``teiedit.document.SOURCE_MARKS``), as ``rend="brackets"`` does
  for the brackets pass.
- a paragraph that is only a rule: ``ab type="rule"`` holding ``milestone unit="section"`` (``rend="rule"``,
  or ``"asterism"`` for stars) and the rule's characters, kept as text.

Marks are paired only within one element's own text (children stand as one character each), an opening
mark followed and a closing mark preceded by a non-space character, neither inside a word (so ``snake_case``
and ``2*3*4`` stay as they are). Editorial markup and damaged text (``choice``, ``corr``, ``gap``, debris,
teiedit's notes) are never looked into.
"""

from __future__ import annotations

import re

from lxml import etree

from teiedit.diagnostics import Diagnostic
from teiedit.document import (
    RESP_TEIEDIT,
    TEI_NS,
    E,
    TeiDocument,
    editorial_decl,
    text_roots,
)
from teiedit.mixed import fill, flatten, rebuild
from teiedit.transforms import PassContext, register

#: @n of the editorialDecl paragraph this pass owns, so that a second run replaces it.
DECL_N = "rendition"
DECL_EMPHASIS = (
    "Emphasis the source marks with asterisks or underscores (*italic*, **bold**) is encoded as hi with "
    'rend="italic" or "bold"; the marks are not repeated as characters: a mark-asterisk, mark-asterisk2, '
    "mark-underscore or mark-underscore2 token in rend stands for them."
)
DECL_RULE = (
    'A line of the source that is only a rule (_____, -----, * * *) is encoded as ab type="rule" holding '
    'a milestone unit="section" and the rule\'s characters as text.'
)

#: Elements whose content the pass never rewrites: editorial markup, damaged text, identifiers, text-only
#: elements where TEI allows no ``hi``.
_SKIP = frozenset(
    {"choice", "sic", "corr", "reg", "expan", "ex", "gap", "certainty", "idno", "code", "geo", "fw"}
)


def _pattern(mark: str) -> re.Pattern[str]:
    """A pair of ``mark`` around at most 1000 characters that hold no ``mark`` and no blank line."""
    m = re.escape(mark)
    c = re.escape(mark[0])
    return re.compile(
        rf"(?<![\w{c}\\]){m}(?=[^\s{c}])"  # opening: not inside a word, not escaped, text follows
        rf"((?:(?!{m}|\n\s*\n)[\s\S]){{1,1000}}?)"
        rf"(?<=[^\s{c}\\]){m}(?![\w{c}])"  # closing: text before it, not inside a word
    )


#: Longest marks first, so that ``**x**`` is not read as an empty ``*`` pair.
_EMPHASIS: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (mark, _pattern(mark), rend)
    for mark, rend in (
        ("**", "bold mark-asterisk2"),
        ("__", "bold mark-underscore2"),
        ("*", "italic mark-asterisk"),
        ("_", "italic mark-underscore"),
    )
)

#: A line that is only a rule: three or more of one mark, each maybe escaped, maybe spaced.
_RULE = re.compile(r"^\s*(?:(?:\\?_\s*){3,}|(?:\\?-\s*){3,}|(?:\\?=\s*){3,}|(?:~\s*){3,})\s*$")
_ASTERISM = re.compile(r"^\s*(?:(?:\\?\*\s*){3,}|⁂|(?:[·•]\s*){3,})\s*$")


@register
class MarkSourceRendition:
    """Encode the source's plain-text emphasis marks as ``hi`` and its rules as section milestones."""

    name = "rendition"

    def enabled(self, ctx: PassContext) -> bool:
        return bool(ctx.options.get("rendition", True))

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        rules = emphasis = 0
        for text in text_roots(doc.root):
            for p in list(text.iter(f"{{{TEI_NS}}}p")):
                rule = rule_kind(p)
                if rule:
                    _as_rule(p, rule)
                    rules += 1
                    ctx.record("rendition", {"document": doc.name, "kind": rule})
            # Most texts hold no mark, many not every mark: no element's own text then holds it (each is
            # a text of this one), and the walk is skipped. The text and the elements are read again only
            # after a mark's pairs were wrapped (they take their marks away and add ``hi`` elements).
            joined: str | None = None
            elements: list[etree._Element] | None = None
            for mark, pattern, rend in _EMPHASIS:
                if joined is None:
                    joined = _STRING_VALUE(text)  # "".join(text.itertext()), made in C
                if mark not in joined:
                    continue
                if elements is None:
                    elements = _containers(text)
                before = emphasis
                for el in elements:
                    for found in _emphasis(el, mark, pattern, rend):
                        emphasis += 1
                        ctx.record(
                            "rendition", {"document": doc.name, "kind": rend, "source": found}
                        )
                if emphasis != before:
                    joined = elements = None
        if rules or emphasis:
            _declare(doc, emphasis=bool(emphasis), rules=bool(rules))
        return []


def rule_kind(p: etree._Element) -> str:
    """``rule`` or ``asterism`` when the paragraph is only a rule of the source, else ``""``."""
    if len(p) or not p.text:
        return ""
    if _RULE.match(p.text):
        return "rule"
    if _ASTERISM.match(p.text):
        return "asterism"
    return ""


def _as_rule(p: etree._Element, rend: str) -> None:
    """Turn the paragraph into ``ab type="rule"``: a section milestone, and the rule's characters as text."""
    ab = E.ab(E.milestone(unit="section", rend=rend), type="rule")
    for name, value in p.attrib.items():
        ab.set(name, value)
    ab.set("type", "rule")
    ab[0].tail = p.text
    ab.tail = p.tail
    parent = p.getparent()
    assert parent is not None
    parent.replace(p, ab)


def _descend(el: etree._Element) -> bool:
    """True for an element whose own text the pass may rewrite."""
    # By full tag name: asked of every element of a long text, once per mark it holds.
    tag = el.tag
    if not isinstance(tag, str) or not tag.startswith(_TEI_PREFIX) or tag in _SKIP_TAGS:
        return False
    if tag == _NOTE:
        return bool(el.get("resp") != RESP_TEIEDIT)  # teiedit's own notes
    if tag == _SEG:
        return bool(el.get("type") != "pdf-debris")  # raw PDF operators the repair pass set aside
    if tag == _AB:
        return bool(el.get("type") != "rule")
    return True


_TEI_PREFIX = f"{{{TEI_NS}}}"
#: An element's text, every text node under it in document order (as ``itertext`` gives it), in one string.
_STRING_VALUE = etree.XPath("string()", smart_strings=False)
_SKIP_TAGS = frozenset(_TEI_PREFIX + name for name in _SKIP)
_NOTE, _SEG, _AB = (_TEI_PREFIX + name for name in ("note", "seg", "ab"))


def _containers(root: etree._Element) -> list[etree._Element]:
    """``root`` and the elements under it whose text the pass reads, innermost first."""
    out: list[etree._Element] = []

    def visit(el: etree._Element) -> None:
        for child in el:
            if _descend(child):
                visit(child)
        out.append(el)

    visit(root)
    return out


def _emphasis(el: etree._Element, mark: str, pattern: re.Pattern[str], rend: str) -> list[str]:
    """Wrap each pair of ``mark`` in ``el``'s own text as ``hi``; the sources of the pairs found."""
    # A pair needs its mark whole in one run of the own text (children stand as placeholders between runs)
    if not (mark in (el.text or "") or any(mark in (c.tail or "") for c in el)):
        return []  # most elements: no need to flatten them
    flat = flatten(el)
    replacements = []
    found: list[str] = []
    for m in pattern.finditer(flat.text):
        hi = E.hi(rend=rend)
        fill(hi, flat.pieces(m.start(1), m.end(1)))
        replacements.append((m.start(), m.end(), [hi]))
        found.append(m.group(0).replace(flat.placeholder, "…"))
    if replacements:
        rebuild(el, flat, replacements)
    return found


def _declare(doc: TeiDocument, *, emphasis: bool, rules: bool) -> None:
    """State the conventions in editorialDecl (one paragraph, replaced on a second run)."""
    decl = editorial_decl(doc.root)
    if decl is None:
        return
    old = [p for p in decl.findall(f"{{{TEI_NS}}}p") if p.get("n") == DECL_N]
    said = " ".join("".join(p.itertext()) for p in old)
    for p in old:
        decl.remove(p)
    sentences = [
        text
        for wanted, text in ((emphasis, DECL_EMPHASIS), (rules, DECL_RULE))
        if wanted or text in said
    ]
    decl.append(E.p(" ".join(sentences), n=DECL_N))
