"""External RELAX NG modules (``moduleRef/@url``: MathML, SVG, ITS, RELAX NG itself) merged into a TEI schema.

As in the TEI's own ODD processor, the external grammar is copied into the schema as one ``div`` (its
``start`` left out, its own includes expanded in place), its pattern names prefixed with
``moduleRef/@prefix`` when the ODD gives one; the RELAX NG inside the moduleRef (``content``) is added beside
it, so that its ``define combine="choice"`` wires the module into TEI's classes. teiedit's TEI patterns
carry no prefix: names in that content written with the schemaSpec's ``@prefix`` are read without it, and an
external name that TEI also uses is renamed in the module rather than silently merged with TEI's.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit.diagnostics import TeieditError
from teiedit.io import safe_parser
from teiedit.odd.catalog import local_file

RNG_NS = "http://relaxng.org/ns/structure/1.0"
RNG = f"{{{RNG_NS}}}"
NAMED = (RNG + "define", RNG + "ref")


@dataclass
class ExternalModule:
    """One moduleRef/@url, read from its local file."""

    url: str
    path: Path
    line: int
    div: etree._Element  # the grammar's patterns, ready to append to the schema's grammar
    content: list[etree._Element] = field(default_factory=list)  # the moduleRef's own RELAX NG
    names: dict[str, str] = field(default_factory=dict)  # name the ODD uses -> name in the schema


def _read_grammar(path: Path, odd_path: Path, line: int) -> etree._Element:
    try:
        root = etree.parse(str(path), safe_parser()).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        raise TeieditError(
            f"cannot read the RELAX NG module {path}: {exc}", odd_path, line=line
        ) from None
    if root.tag != RNG + "grammar":
        raise TeieditError(
            f"{path} is not a RELAX NG grammar in the XML syntax (its root is <{root.tag}>)",
            odd_path,
            line=line,
            hint="moduleRef/@url must name a .rng grammar",
        )
    return root


def _expand(
    grammar: etree._Element, path: Path, odd_path: Path, line: int, depth: int = 0
) -> etree._Element:
    """The grammar as a div, start left out and each ``include`` replaced by the grammar it names
    (the include's own defines overriding those of the same name, as RELAX NG says)."""
    if depth > 20:
        raise TeieditError(f"RELAX NG includes nest too deep at {path}", odd_path, line=line)
    div = etree.Element(RNG + "div", nsmap=_prefixed(grammar))
    for k, v in grammar.attrib.items():  # ns and datatypeLibrary hold for the grammar's patterns
        div.set(k, v)
    for child in grammar:
        _rebuild(child, div)
    for start in div.findall(RNG + "start"):
        div.remove(start)
    for inc in list(div.iter(RNG + "include")):
        href = inc.get("href", "")
        target = (path.parent / href).resolve()
        if not target.is_file():
            raise TeieditError(
                f"{path} includes {href!r}, which is not beside it", odd_path, line=line
            )
        inner = _expand(_read_grammar(target, odd_path, line), target, odd_path, line, depth + 1)
        overridden = {d.get("name") for d in inc.iter(RNG + "define")}
        for d in list(inner.iter(RNG + "define")):
            if d.get("name") in overridden and d.getparent() is not None:
                d.getparent().remove(d)
        for start in inner.findall(RNG + "start"):
            inner.remove(start)
        if inc.get("ns") is not None:
            inner.set("ns", inc.get("ns", ""))
        for own in list(inc):  # the overriding defines stay beside the included grammar
            if isinstance(own.tag, str) and own.tag != RNG + "start":
                _rebuild(own, inner)
        parent = inc.getparent()
        assert parent is not None
        parent.replace(inc, inner)
    return div


def _prefixed(el: etree._Element) -> dict[str, str]:
    return {k: v for k, v in el.nsmap.items() if k is not None}


def _rebuild(el: etree._Element, parent: etree._Element) -> None:
    """Copy ``el`` under ``parent`` element by element, declaring only prefixed namespaces.

    A plain copy keeps a grammar's own default-namespace declarations (ITS's ``rng:group
    xmlns="...tei..."``), which libxml2 mixes up with the schema's default when the copy moves into it:
    the RELAX NG elements then came out in the TEI namespace. The prefixes stay, as the QNames in
    ``name`` attributes need them.
    """
    if not isinstance(el.tag, str):
        parent.append(copy.copy(el))  # comments (the grammars' notices) and processing instructions
        return
    own = {k: v for k, v in _prefixed(el).items() if parent.nsmap.get(k) != v}
    out = etree.SubElement(parent, el.tag, dict(el.attrib), nsmap=own or None)
    out.text, out.tail = el.text, el.tail
    for child in el:
        _rebuild(child, out)


def _restrict(div: etree._Element, include: set[str] | None, exclude: set[str]) -> None:
    """moduleRef/@include and @except name the module's elements to keep or leave out: the others
    become notAllowed wherever the grammar offers them."""
    for el in list(div.iter(RNG + "element")):
        name = el.get("name")
        if name is None:
            continue
        local = name.split(":")[-1]
        if (include is not None and local not in include) or local in exclude:
            parent = el.getparent()
            if parent is not None:
                parent.replace(el, etree.Element(RNG + "notAllowed"))


def load_external(
    module_ref: etree._Element,
    odd_path: Path,
    catalogs: list[Path],
    tei_names: set[str],
    tei_prefix: str,
) -> ExternalModule:
    """Read, expand and name the grammar of one moduleRef/@url; raise with the ODD's line if it is not local."""
    url = module_ref.get("url", "")
    line = module_ref.sourceline or 0
    base = module_ref.get("{http://www.w3.org/XML/1998/namespace}base")
    if base:  # included into the ODD from another file (xi:include)
        odd_path = odd_path.resolve().parent / base
    path = local_file(url, catalogs, odd_path.resolve().parent)
    if path is None:
        raise TeieditError(
            f"moduleRef url={url!r}: no local copy of this RELAX NG module (teiedit fetches nothing)",
            odd_path,
            line=line,
            hint="give a catalog with --catalog that maps this URL to a local file, or a local path",
        )
    div = _expand(_read_grammar(path, odd_path, line), path, odd_path, line)
    include = set(module_ref.get("include", "").split()) if module_ref.get("include") else None
    _restrict(div, include, set(module_ref.get("except", "").split()))
    prefix = module_ref.get("prefix", "")
    own = {d.get("name", "") for d in div.iter(RNG + "define") if not _in_nested_grammar(d, div)}
    renamed = {}
    for n in sorted(own):
        fresh = prefix + n
        if fresh in tei_names:  # TEI uses the name too: the module's pattern gets a name of its own
            fresh = f"{path.stem.replace('.', '_')}_{fresh}"
        renamed[n] = fresh
    for node in div.iter(*NAMED):
        if node.get("name") in renamed and not _in_nested_grammar(node, div):
            node.set("name", renamed[node.get("name", "")])
    module = ExternalModule(url=url, path=path, line=line, div=div, names=renamed)
    for content in module_ref.findall("{http://www.tei-c.org/ns/1.0}content"):
        for child in content:
            if isinstance(child.tag, str):
                holder = etree.Element(RNG + "div")
                _rebuild(child, holder)
                module.content.append(_odd_names(holder[0], module, tei_names, tei_prefix))
    return module


def _in_nested_grammar(node: etree._Element, top: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not top:
        if parent.tag == RNG + "grammar":
            return True
        parent = parent.getparent()
    return False


def _odd_names(
    rng: etree._Element, module: ExternalModule, tei_names: set[str], prefix: str
) -> etree._Element:
    """The moduleRef's RELAX NG with its names as this schema spells them: TEI's without the
    schemaSpec prefix, the module's as renamed."""
    for node in rng.iter(*NAMED):
        name = node.get("name", "")
        if prefix and name.startswith(prefix) and name[len(prefix) :] in tei_names:
            node.set("name", name[len(prefix) :])
        elif name not in tei_names and name in module.names:
            node.set("name", module.names[name])
    return rng


def external_name(key: str, modules: list[ExternalModule]) -> str | None:
    """The schema's name for a pattern of an external module an elementRef or macroRef names."""
    for m in modules:
        if key in m.names:
            return m.names[key]
        if key in m.names.values():
            return key
    return None
