"""An element's content as a sequence of tokens: words, white space, punctuation, and child nodes.

Mixed content is data, so it is merged word by word; a child node (element, comment, processing
instruction) is one token, merged in its turn when the three versions pair it up. Each token has two
keys: ``strict`` (equal only when the token is the same in every respect, so an unchanged subtree is
recognised at once) and ``soft`` (the same kind of element with the same ``xml:id``: a candidate for a
pair whose insides are merged).

White space is formatting, not content: every run of white space is one token with one key, and an
element's digest sees runs collapsed, so a re-indented or re-flowed file is not an edit.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Hashable
from dataclasses import dataclass

from lxml import etree

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_WORDS = re.compile(r"\w+|\s+|[^\w\s]")
_SPACE = re.compile(r"\s+")


@dataclass(eq=False)
class Token:
    """A word, a run of white space, a punctuation mark (``text``), or a child node (``node``)."""

    text: str = ""
    node: etree._Element | None = None
    strict: Hashable = ()
    soft: Hashable = ()

    @property
    def is_space(self) -> bool:
        return self.node is None and not self.text.strip()


class Digests:
    """Digests of subtrees (white-space runs collapsed), computed once per node of a merge."""

    def __init__(self) -> None:
        self._memo: dict[etree._Element, bytes] = {}

    def of(self, node: etree._Element) -> bytes:
        """The digest of ``node`` without its tail."""
        found = self._memo.get(node)
        if found is not None:
            return found
        h = hashlib.sha1(usedforsecurity=False)
        h.update(_label(node).encode("utf-8"))
        if isinstance(node.tag, str):
            for key in sorted(node.attrib):
                h.update(f"\0@{key}={node.attrib[key]}".encode())
            h.update(b"\0t" + _norm(node.text).encode("utf-8"))
            for child in node:
                h.update(b"\0c" + self.of(child) + _norm(child.tail).encode("utf-8"))
        else:
            h.update(b"\0" + (node.text or "").encode("utf-8"))
        digest = h.digest()
        self._memo[node] = digest
        return digest


def _norm(text: str | None) -> str:
    return _SPACE.sub(" ", text or "")


def _label(node: etree._Element) -> str:
    if isinstance(node, etree._Comment):
        return "#comment"
    if isinstance(node, etree._ProcessingInstruction):
        return f"#pi {node.target}"
    if isinstance(node, etree._Entity):
        return f"#entity {node.name}"
    return str(node.tag)


def soft_key(node: etree._Element) -> Hashable:
    """What two versions of a node share when they are the same node changed inside."""
    if isinstance(node.tag, str):
        return ("n", node.tag, node.get(XML_ID) or "")
    return ("n", _label(node), "")


def text_tokens(text: str | None) -> list[Token]:
    out = []
    for word in _WORDS.findall(text or ""):
        key: Hashable = ("s",) if not word.strip() else ("t", word)
        out.append(Token(text=word, strict=key, soft=key))
    return out


def content_tokens(el: etree._Element, digests: Digests, *, drop_space: bool) -> list[Token]:
    """The content of ``el`` as tokens (white space left out when ``drop_space``)."""
    out = [] if drop_space else text_tokens(el.text)
    for child in el:
        out.append(Token(node=child, strict=("n", digests.of(child)), soft=soft_key(child)))
        if not drop_space:
            out.extend(text_tokens(child.tail))
    return out


def only_space(el: etree._Element) -> bool:
    """True when every text node directly in ``el`` is white space (element-only content)."""
    return not (el.text or "").strip() and all(not (c.tail or "").strip() for c in el)


def words(node: etree._Element) -> set[str]:
    """The words of a subtree, for pairing changed elements by likeness."""
    return set(re.findall(r"\w+", "".join(node.itertext()) if isinstance(node.tag, str) else ""))


def reading(tokens: list[Token], limit: int = 300, *, strip: bool = True) -> str:
    """A short, readable form of some tokens for a conflict report (markup shown without namespaces)."""
    parts = []
    for tok in tokens:
        if tok.node is None:
            parts.append(tok.text)
        else:
            parts.append(show(tok.node))
    text = _SPACE.sub(" ", "".join(parts))
    text = text.strip() if strip else text
    return text if len(text) <= limit else text[: limit - 1] + "…"


def show(node: etree._Element) -> str:
    """A node as XML without namespace declarations or its tail."""
    raw = etree.tostring(node, encoding="unicode", with_tail=False)
    return re.sub(r' xmlns(:\w+)?="[^"]*"', "", raw)
