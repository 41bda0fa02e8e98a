"""Engine messages in an editor's words: where an element is, what is wrong there, what to do."""

from __future__ import annotations

import difflib
import re

from lxml import etree

from teiedit.document import TEI_NS, XML_NS
from teiedit.odd.grammar import Grammar


def readable_path(node: etree._Element) -> str:
    """/TEI/text/body/div[2]/p[3]: local names, positions only where siblings share the name."""
    steps = []
    el: etree._Element | None = node
    while el is not None and isinstance(el.tag, str):
        name = _prefixed(el) if _foreign(el) else etree.QName(el).localname
        parent = el.getparent()
        if parent is not None:
            same = [s for s in parent if isinstance(s.tag, str) and s.tag == el.tag]
            if len(same) > 1:
                name += f"[{same.index(el) + 1}]"
        steps.append(name)
        el = parent
    return "/" + "/".join(reversed(steps))


def element_at(tree: etree._ElementTree, path: str) -> etree._Element | None:
    if not path:
        return None
    try:
        found = tree.xpath(path, namespaces={"tei": TEI_NS})
    except etree.XPathError:
        # libxml2 writes an element of another vocabulary with the document's own prefix
        # (/*/*[1]/my:projectData): look it up with the prefixes the document declares
        try:
            found = tree.xpath(path, namespaces=_declared_prefixes(tree))
        except etree.XPathError:
            return None
    if isinstance(found, list) and found:
        first = found[0]
        if isinstance(first, etree._Element):
            return first
        if hasattr(first, "getparent"):
            return first.getparent()  # an attribute: its element
    return None


def _declared_prefixes(tree: etree._ElementTree) -> dict[str, str]:
    """Every prefix the document declares (the first meaning of a prefix declared twice), and tei."""
    found: dict[str, str] = {}
    for el in tree.iter():
        if isinstance(el.tag, str):
            for prefix, uri in el.nsmap.items():
                if prefix and prefix not in found:
                    found[prefix] = uri
    return {**found, "tei": TEI_NS}


def _foreign(el: etree._Element | None) -> str:
    """The namespace of an element of another vocabulary ('' for TEI's and for no namespace)."""
    if el is None or not isinstance(el.tag, str):
        return ""
    uri = etree.QName(el).namespace or ""
    return "" if uri == TEI_NS else uri


def _prefixed(el: etree._Element) -> str:
    """The element's name as the document writes it (with its prefix)."""
    local: str = etree.QName(el).localname
    return f"{el.prefix}:{local}" if el.prefix else local


def nearest(word: str, candidates: list[str]) -> str:
    found = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return found[0] if found else ""


def listing(names: list[str] | set[str], limit: int = 12) -> str:
    items = sorted(n for n in names if n and n != "*")
    shown = ", ".join(items[:limit])
    return shown + (f" (and {len(items) - limit} more)" if len(items) > limit else "")


WRONG = re.compile(r"Did not expect element (\S+) there")
_EXPECT = re.compile(r"Expecting (?:an )?element (\w\S*), got (\S+)")
_EXTRA = re.compile(r"Element (\S+) has extra content: (\S+)")
_BADATT = re.compile(r"Invalid attribute (\S+) for element (\S+)")
ATTRS = re.compile(r"Element (\S+) failed to validate attributes")
_CONTENT = re.compile(r"Element (\S+) failed to validate content")
_NOTHING = re.compile(r"Expecting (?:an )?element ?(\S*), got nothing")
_NOTALLOWED = re.compile(r"Element (\S+) not allowed")


def _attr_value(el: etree._Element, name: str) -> str | None:
    value = el.get(f"{{{XML_NS}}}{name[4:]}" if name.startswith("xml:") else name)
    return None if value is None else str(value)


def _explain_value(el_name: str, att: str, value: str, grammar: Grammar) -> tuple[str, str]:
    info = grammar.info(el_name)
    a = info.attributes.get(att) if info else None
    if a is None:
        return f'@{att}="{value}" is not allowed on <{el_name}>', ""
    if a.values:
        near = nearest(value, a.values)
        return (
            f'@{att}="{value}" is not an allowed value on <{el_name}>; allowed: {listing(a.values, 20)}',
            f'did you mean "{near}"?' if near else "",
        )
    kinds = [t for t in a.datatypes if t not in ("string", "token")]
    if any(t in ("date", "gYear", "gYearMonth", "dateTime") for t in kinds):
        return (
            f'@{att}="{value}" on <{el_name}> is not a valid date',
            "write YYYY, YYYY-MM or YYYY-MM-DD (a day that exists in that month)",
        )
    if "ID" in kinds or "NCName" in kinds:
        return (
            f'@{att}="{value}" on <{el_name}> is not a valid identifier (or it is used twice)',
            "ids start with a letter and contain no spaces or colons; each id is used once",
        )
    shown = ", ".join(kinds) or "the declared datatype"
    return f'@{att}="{value}" on <{el_name}> is not a valid value ({shown})', ""


def explain_rng_error(
    err: etree._LogEntry, tree: etree._ElementTree, grammar: Grammar
) -> tuple[str, str, etree._Element | None]:
    """(message, suggestion, element) in an editor's words for one libxml2 RELAX NG error."""
    el = element_at(tree, err.path or "")
    msg = err.message
    m = WRONG.search(msg) or _NOTALLOWED.search(msg)
    if m:
        name = m.group(1)
        if el is not None and el.getparent() is None:
            return (*_root_message(name, grammar), el)
        parent = el.getparent() if el is not None else None
        pname = etree.QName(parent).localname if parent is not None else ""
        uri = _foreign(el)
        if el is not None and uri:
            return (
                f"<{_prefixed(el)}> belongs to another vocabulary ({uri}), which this schema does not "
                f"allow" + (f" inside <{pname}>" if pname else " here"),
                "TEI takes another vocabulary in <xenoData> (in the header) and where an ODD "
                "declares it (MathML in <formula>, say): move it there, or declare it in your ODD",
                el,
            )
        pinfo = grammar.info(pname) if pname else None
        allowed = pinfo.children if pinfo else set()
        if name not in grammar.names:
            near = nearest(name, sorted(allowed)) or nearest(name, grammar.names)
            return (
                f"<{name}> is not an element of this schema"
                + (f" (inside <{pname}>)" if pname else ""),
                f"did you mean <{near}>?" if near else "",
                el,
            )
        if name in allowed:
            return (
                f"<{name}> is not allowed at this position inside <{pname}>",
                "check the order of the elements: " + _order_hint(pname, el),
                el,
            )
        return (
            f"<{name}> is not allowed inside <{pname}> here; allowed: {listing(allowed)}",
            "",
            el,
        )
    m = _EXPECT.search(msg)
    if m and not _NOTHING.search(msg):
        want, got = m.group(1), m.group(2)
        return (f"expected <{want}> here, found <{got}>", "", el)
    m = _NOTHING.search(msg)
    if m:
        name = etree.QName(el).localname if el is not None else "this element"
        if not m.group(1):
            info = grammar.info(name)
            return (
                f"<{name}> is incomplete: it needs content here",
                f"allowed: {listing(info.children)}" if info else "",
                el,
            )
        return (f"<{name}> is incomplete: <{m.group(1)}> is missing", f"add a <{m.group(1)}>", el)
    m = _BADATT.search(msg)
    if m:
        att, el_name = m.group(1), m.group(2)
        info = grammar.info(el_name)
        declared = sorted(info.attributes) if info else []
        if el is not None and att in declared:
            value = _attr_value(el, att) or ""
            text, hint = _explain_value(el_name, att, value, grammar)
            return text, hint, el
        near = nearest(att, declared)
        return (
            f"@{att} is not allowed on <{el_name}>",
            f"did you mean @{near}?" if near else f"allowed: {listing(declared, 20)}",
            el,
        )
    m = ATTRS.search(msg)
    if m:
        el_name = m.group(1)
        info = grammar.info(el_name)
        if info is not None and el is not None:
            missing = [
                a
                for a, ai in sorted(info.attributes.items())
                if ai.required and _attr_value(el, a) is None
            ]
            if missing:
                return (
                    f"<{el_name}> lacks the required attribute"
                    + ("s " if len(missing) > 1 else " ")
                    + ", ".join(f"@{a}" for a in missing),
                    "",
                    el,
                )
        return (f"an attribute of <{el_name}> is not valid", "", el)
    m = _EXTRA.search(msg)
    if m:
        return (f"<{m.group(2)}> is not allowed inside <{m.group(1)}> here", "", el)
    m = _CONTENT.search(msg)
    if m:
        return (f"the content of <{m.group(1)}> is not valid here", "", el)
    return (msg, "", el)


def _root_message(name: str, grammar: Grammar) -> tuple[str, str]:
    """A document whose root the schema does not start with: say what the file is and what to do."""
    if name in ("listPerson", "listPlace", "listOrg"):
        return (
            f"<{name}> is a register, not a TEI document: the schema starts with <TEI>",
            "put register files in the edition's registers folder (tei/registers/), where `teiedit "
            "build` and `teiedit validate` without a PATH check them as registers",
        )
    if name in grammar.names:
        return (
            f"<{name}> is a TEI element but not a document: the schema starts with <TEI> "
            "(or <teiCorpus>)",
            f"wrap it in <TEI> with a <teiHeader>, or validate the document that holds <{name}>",
        )
    return (
        f"the root element <{name}> is not TEI: this file is not a TEI document",
        "validate TEI files (root <TEI> in the TEI namespace); convert plaintext with "
        "`teiedit convert`",
    )


def _order_hint(parent: str, el: etree._Element | None) -> str:
    if el is None:
        return "see the schema reference (schema/build/teiedit.html)"
    before = [
        etree.QName(s).localname for s in el.itersiblings(preceding=True) if isinstance(s.tag, str)
    ]
    return (
        f"it follows <{before[0]}>, after which it may not come"
        if before
        else f"it may not come first in <{parent}>"
    )


CASCADE = (_EXTRA, _CONTENT)
