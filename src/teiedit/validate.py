"""Validation: RELAX NG (lxml) and Schematron (saxonche) by default, XML Schema (xmlschema) on request.

Every engine's findings become Diagnostics in an editor's words: file, line, column, the element's XPath,
what is wrong and, where one exists, a suggestion. Raw engine messages are explained with the grammar
(odd/grammar.py); the cascade of follow-up errors one mistake causes is collapsed to its first message.

Which schema a file is checked against: ``Schemas`` given by the caller (``--rng``), else the file's own
``xml-model`` RELAX NG if it is a local file, else ``tei_all`` if the caller supplied one, else teiedit's.
XInclude is resolved before validation, but only for local files under the document's folder: nothing is
ever fetched from the network.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import tempfile
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from teiedit.diagnostics import Diagnostic, Level, Report, TeieditError
from teiedit.document import TEI_NS, XML_NS
from teiedit.io import iter_xml_files, read_xml
from teiedit.odd.grammar import Grammar, load_grammar
from teiedit.xinclude import IncludeRoot, OnRefusal, resolve

RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"


# -- schemas --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Schemas:
    """The compiled schemas a validation run uses.

    ``sch`` defaults to the ``.sch`` beside the ``.rng`` when there is one; ``xsd`` is used instead of the
    RELAX NG when ``use_xsd`` is set. ``tei_all`` is the fallback grammar for TEI from elsewhere whose
    declared schema is not a local file; ``follow_xml_model`` lets a file's own xml-model PIs choose.
    """

    rng: Path
    sch: Path | None = None
    xsd: Path | None = None
    use_xsd: bool = False
    tei_all: Path | None = None
    follow_xml_model: bool = False
    schematron: bool = True

    def schematron_path(self) -> Path | None:
        if not self.schematron:
            return None
        if self.sch is not None:
            return self.sch
        sibling = Path(self.rng).with_suffix(".sch")
        return sibling if sibling.is_file() else None

    def xsd_path(self) -> Path:
        return self.xsd if self.xsd is not None else Path(self.rng).with_suffix(".xsd")


def load_rng(path: Path) -> etree.RelaxNG:
    """Load a compiled RELAX NG grammar once per process (tei_all takes seconds: never twice)."""
    return _load_rng(Path(path).resolve())


_REMOTE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def _refuse_remote(tree: etree._ElementTree, path: Path, what: str) -> None:
    """A schema from elsewhere may pull in remote grammars or documents: refuse, never fetch."""
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        loader = etree.QName(el).localname in (
            "include",
            "externalRef",
            "import",
            "redefine",
            "extends",
        )
        for name, value in el.attrib.items():
            if (
                loader
                and name in ("href", "schemaLocation")
                and _REMOTE.match(value)
                and not value.startswith("file:")
            ):
                raise TeieditError(
                    f"this {what} refers to the remote {value}; teiedit never fetches anything",
                    path,
                    line=el.sourceline or 0,
                    hint="use a local copy of that file",
                )
            if name in ("test", "context", "select", "value") and re.search(
                r"(doc|document|unparsed-text|collection|json-doc)\s*\(\s*['\"][a-zA-Z][\w+.-]*://",
                value,
            ):
                raise TeieditError(
                    f"this {what} reads a remote resource in {value!r}; teiedit never fetches",
                    path,
                    line=el.sourceline or 0,
                    hint="use a local copy of that resource",
                )


@lru_cache(maxsize=8)
def _load_rng(path: Path) -> etree.RelaxNG:
    tree = read_xml(path)
    _refuse_remote(tree, path, "RELAX NG schema")
    try:
        return etree.RelaxNG(tree)
    except etree.RelaxNGParseError as exc:
        raise TeieditError(
            f"the RELAX NG schema does not load: {exc}",
            path,
            hint="recompile it with `teiedit schema`",
        ) from None


@lru_cache(maxsize=8)
def schematron_stylesheet(sch: Path) -> Path:
    """Compile a Schematron schema to XSLT 3 (our own compiler), cached on disk by content."""
    from teiedit.odd.sch2xslt import schematron_to_xslt

    data = Path(sch).read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:20]
    target = Path(tempfile.gettempdir()) / "teiedit-schematron" / f"{digest}.xsl"
    if not target.is_file():
        from teiedit.io import write_atomic

        tree = read_xml(Path(sch))
        _refuse_remote(tree, Path(sch), "Schematron schema")
        if etree.QName(tree.getroot()).namespace != SCH_NS:
            raise TeieditError(
                "not an ISO Schematron schema",
                sch,
                hint=f'the root must be <schema xmlns="{SCH_NS}">',
            )
        write_atomic(target, schematron_to_xslt(tree))
    return target


@lru_cache(maxsize=4)
def load_xsd(path: Path):  # type: ignore[no-untyped-def]
    import xmlschema

    try:
        return xmlschema.XMLSchema(
            str(path), validation="skip"
        )  # the schema document is not re-checked: 4x faster
    except (xmlschema.XMLSchemaException, OSError) as exc:
        raise TeieditError(
            f"the XML Schema does not load: {exc}", path, hint="recompile it with `teiedit schema`"
        ) from None


# -- where are things -------------------------------------------------------------------------------------
def readable_path(node: etree._Element) -> str:
    """/TEI/text/body/div[2]/p[3]: local names, positions only where siblings share the name."""
    steps = []
    el: etree._Element | None = node
    while el is not None and isinstance(el.tag, str):
        name = etree.QName(el).localname
        parent = el.getparent()
        if parent is not None:
            same = [s for s in parent if isinstance(s.tag, str) and s.tag == el.tag]
            if len(same) > 1:
                name += f"[{same.index(el) + 1}]"
        steps.append(name)
        el = parent
    return "/" + "/".join(reversed(steps))


def _element_at(tree: etree._ElementTree, path: str) -> etree._Element | None:
    if not path:
        return None
    try:
        found = tree.xpath(path, namespaces={"tei": TEI_NS})
    except etree.XPathError:
        return None
    if isinstance(found, list) and found:
        first = found[0]
        if isinstance(first, etree._Element):
            return first
        if hasattr(first, "getparent"):
            return first.getparent()  # an attribute: its element
    return None


def _nearest(word: str, candidates: list[str]) -> str:
    found = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return found[0] if found else ""


def _listing(names: list[str] | set[str], limit: int = 12) -> str:
    items = sorted(n for n in names if n and n != "*")
    shown = ", ".join(items[:limit])
    return shown + (f" (and {len(items) - limit} more)" if len(items) > limit else "")


# -- RELAX NG -----------------------------------------------------------------------------------------
_WRONG = re.compile(r"Did not expect element (\S+) there")
_EXPECT = re.compile(r"Expecting (?:an )?element (\w\S*), got (\S+)")
_EXTRA = re.compile(r"Element (\S+) has extra content: (\S+)")
_BADATT = re.compile(r"Invalid attribute (\S+) for element (\S+)")
_ATTRS = re.compile(r"Element (\S+) failed to validate attributes")
_CONTENT = re.compile(r"Element (\S+) failed to validate content")
_NOTHING = re.compile(r"Expecting (?:an )?element ?(\S*), got nothing")
_NOTALLOWED = re.compile(r"Element (\S+) not allowed")
_TEXT = re.compile(r"Element (\S+) has (?:extra content: text|text content)|Error validating value")


def _attr_value(el: etree._Element, name: str) -> str | None:
    if name.startswith("xml:"):
        return el.get(f"{{{XML_NS}}}{name[4:]}")
    return el.get(name)


def _explain_value(el_name: str, att: str, value: str, grammar: Grammar) -> tuple[str, str]:
    info = grammar.info(el_name)
    a = info.attributes.get(att) if info else None
    if a is None:
        return f'@{att}="{value}" is not allowed on <{el_name}>', ""
    if a.values:
        near = _nearest(value, a.values)
        return (
            f'@{att}="{value}" is not an allowed value on <{el_name}>; allowed: {_listing(a.values, 20)}',
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
    el = _element_at(tree, err.path or "")
    msg = err.message
    m = _WRONG.search(msg) or _NOTALLOWED.search(msg)
    if m:
        name = m.group(1)
        parent = el.getparent() if el is not None else None
        pname = etree.QName(parent).localname if parent is not None else ""
        pinfo = grammar.info(pname) if pname else None
        allowed = pinfo.children if pinfo else set()
        if name not in grammar.names:
            near = _nearest(name, sorted(allowed)) or _nearest(name, grammar.names)
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
            f"<{name}> is not allowed inside <{pname}> here; allowed: {_listing(allowed)}",
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
                f"allowed: {_listing(info.children)}" if info else "",
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
        near = _nearest(att, declared)
        return (
            f"@{att} is not allowed on <{el_name}>",
            f"did you mean @{near}?" if near else f"allowed: {_listing(declared, 20)}",
            el,
        )
    m = _ATTRS.search(msg)
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


_CASCADE = (_EXTRA, _CONTENT)


def rng_diagnostics(tree: etree._ElementTree, path: str, rng_path: Path) -> list[Diagnostic]:
    """Validate against a RELAX NG grammar and explain the errors, one per mistake."""
    rng = load_rng(Path(rng_path))
    if rng.validate(tree):
        return []
    grammar = load_grammar(Path(rng_path))
    entries = list(rng.error_log)
    diags: list[Diagnostic] = []
    reported: list[etree._Element] = []
    for err in entries:
        message, hint, el = explain_rng_error(err, tree, grammar)
        # "extra content" / "failed to validate" restate an error already given for a child
        cascade = any(p.search(err.message) for p in _CASCADE) or bool(
            _ATTRS.search(err.message)
            and any(d.line == err.line and "@" in d.message for d in diags)
        )
        # an error about an element already reported, one of its ancestors or descendants, or a sibling
        related = el is not None and any(
            el is r
            or el in r.iterancestors()
            or r in el.iterancestors()
            or r.getparent() is el.getparent()
            for r in reported
        )
        if (related and (cascade or not _WRONG.search(err.message))) or (cascade and diags):
            continue
        if el is not None:
            reported.append(el)
        diags.append(
            Diagnostic(
                message=message,
                path=path,
                line=(el.sourceline if el is not None and el.sourceline else err.line) or 0,
                column=err.column or 0,
                level=Level.ERROR,
                origin="rng",
                xpath=readable_path(el) if el is not None else "",
                suggestion=hint,
                rule=err.type_name.lower().removeprefix("relaxng_err_") or "rng",
            )
        )
    return diags


# -- Schematron -----------------------------------------------------------------------------------------
@lru_cache(maxsize=32)
def _register_ids(folders: tuple[Path, ...]) -> tuple[str, ...]:
    ids: list[str] = []
    for folder in folders:
        for f in sorted(folder.glob("*.xml")):
            try:
                tree = read_xml(f)
            except TeieditError:
                continue
            ids.extend(tree.xpath("//@xml:id"))
    return tuple(dict.fromkeys(ids))


def register_folders(doc: Path) -> tuple[Path, ...]:
    """Register folders for a document: ../registers, ./registers, or its own folder if that is one."""
    here = Path(doc).resolve().parent
    found = [p for p in (here.parent / "registers", here / "registers") if p.is_dir()]
    if here.name == "registers":
        found.append(here)
    return tuple(dict.fromkeys(found))


def schematron_diagnostics(
    tree: etree._ElementTree, path: str, sch: Path, doc: Path | None = None
) -> list[Diagnostic]:
    """Run a Schematron schema (through our XSLT 3 compilation in saxonche) and report failed rules."""
    from teiedit import xslt

    stylesheet = schematron_stylesheet(Path(sch))
    ids = _register_ids(register_folders(doc)) if doc is not None else ()
    result = xslt.transform(stylesheet, tree, base_uri=path, params={"register-ids": " ".join(ids)})
    svrl = etree.fromstring(result.output.encode("utf-8"))
    diags = []
    for fired in svrl.iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
        location = fired.get("location", "")
        el = _element_at(tree, location)
        text = " ".join("".join(fired.itertext()).split())
        role = (fired.get("role") or "error").lower()
        level = (
            Level.WARNING
            if role in ("warning", "warn")
            else (Level.INFO if role == "info" else Level.ERROR)
        )
        diags.append(
            Diagnostic(
                message=text,
                path=path,
                line=(el.sourceline or 0) if el is not None else 0,
                level=level,
                origin="schematron",
                xpath=(
                    readable_path(el) + location[location.rfind("/@") :]
                    if el is not None and "/@" in location
                    else readable_path(el)
                    if el is not None
                    else ""
                ),
                rule=fired.get("pattern") or fired.get("id") or "schematron",
            )
        )
    return diags


# -- XML Schema -----------------------------------------------------------------------------------------
def xsd_diagnostics(tree: etree._ElementTree, path: str, xsd: Path) -> list[Diagnostic]:
    schema = load_xsd(Path(xsd))
    diags = []
    seen: set[int] = set()
    for err in schema.iter_errors(tree):
        el = getattr(err, "elem", None)
        line = getattr(el, "sourceline", 0) or 0
        if line in seen:
            continue  # one message per element: xmlschema repeats the cause on every ancestor
        seen.add(line)
        reason = " ".join(str(err.reason or err.message).split())
        suggestion = ""
        m = re.search(r"Unexpected child with tag '(?:\{[^}]*\})?([^']+)'", reason)
        if m and isinstance(el, etree._Element):
            pos = re.search(r"at position (\d+)", reason)
            kids = [c for c in el if isinstance(c.tag, str)]
            child = kids[int(pos.group(1)) - 1] if pos and int(pos.group(1)) <= len(kids) else None
            reason = f"<{m.group(1)}> is not allowed inside <{etree.QName(el).localname}> here"
            known = sorted({etree.QName(k).localname for k in schema.elements})
            if m.group(1) not in known:
                near = _nearest(m.group(1), known)
                suggestion = f"did you mean <{near}>?" if near else ""
            if child is not None:
                el, line = child, child.sourceline or line
        diags.append(
            Diagnostic(
                message=reason,
                path=path,
                line=line,
                level=Level.ERROR,
                origin="xsd",
                xpath=readable_path(el) if isinstance(el, etree._Element) else str(err.path or ""),
                suggestion=suggestion,
                rule="xsd",
            )
        )
    return diags


# -- documents from elsewhere -------------------------------------------------------------------------------
@dataclass
class XmlModel:
    href: str
    schematypens: str = ""
    type: str = ""


def xml_models(tree: etree._ElementTree) -> list[XmlModel]:
    """The xml-model processing instructions before the root element."""
    out = []
    node = tree.getroot().getprevious()
    pis = []
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            pis.append(node)
        node = node.getprevious()
    for pi in reversed(pis):
        attrs = dict(re.findall(r'(\w+)\s*=\s*["\']([^"\']*)["\']', pi.text or ""))
        if attrs.get("href"):
            out.append(
                XmlModel(attrs["href"], attrs.get("schematypens", ""), attrs.get("type", ""))
            )
    return out


def _local_file(href: str, base: Path) -> Path | None:
    parsed = urlparse(href)
    if parsed.scheme and parsed.scheme != "file":
        return None
    target = Path(unquote(parsed.path))
    target = target if target.is_absolute() else (base.parent / target)
    return target.resolve() if target.is_file() else None


def schemas_for(
    doc: Path, tree: etree._ElementTree, default: Schemas
) -> tuple[Schemas, list[Diagnostic]]:
    """Which schemas check this document: its own local xml-model, else tei_all if given, else ours."""
    if not default.follow_xml_model:
        return default, []
    models = xml_models(tree)
    rng = next((m for m in models if m.schematypens == RNG_NS or m.href.endswith(".rng")), None)
    sch = next(
        (
            m
            for m in models
            if m.schematypens in (SCH_NS, "http://www.ascc.net/xml/schematron")
            or m.href.endswith((".sch", ".isosch"))
        ),
        None,
    )
    notes: list[Diagnostic] = []
    if rng is not None:
        local = _local_file(rng.href, doc)
        if local is not None:
            local_sch = _local_file(sch.href, doc) if sch is not None else None
            return replace(
                default, rng=local, sch=local_sch, schematron=local_sch is not None
            ), notes
        fallback = default.tei_all or default.rng
        remote = urlparse(rng.href).scheme not in ("", "file")
        why = "is not a local file" if remote else "does not exist beside this file"
        notes.append(
            Diagnostic(
                message=f"the declared schema {rng.href} {why}; validating against {fallback.name}",
                path=str(doc),
                level=Level.INFO,
                origin="validate",
                rule="xml-model",
                suggestion=""
                if default.tei_all
                else "give --tei-all PATH to check TEI from elsewhere against tei_all",
            )
        )
        if default.tei_all is not None:
            return replace(default, rng=default.tei_all, sch=None, schematron=False), notes
    return default, notes


def resolve_xincludes(tree: etree._ElementTree, doc: Path) -> list[Diagnostic]:
    """Replace xi:include by the included local files (under the document's folder only); never fetch.

    The rules are :mod:`teiedit.xinclude`'s, shared with ``teiedit import``; validation only chooses to
    report a refused include and go on, so that the rest of the document is still checked.
    """
    scope = IncludeRoot(
        folder=Path(doc).resolve().parent,
        name="the document's folder",
        hint="move the included file into the document's folder (or a folder below it)",
    )
    return resolve(tree, Path(doc), scope, policy=OnRefusal.REPORT).diagnostics


# -- putting it together -----------------------------------------------------------------------------------
def _collapse(diags: list[Diagnostic]) -> list[Diagnostic]:
    """One message per mistake: the grammar and the rules often both flag the same bad value, and one
    missing declaration (a register entry, resp="#teiedit" without its application) fires on every use."""
    repeats: dict[tuple[str, str], int] = {}
    for d in diags:
        if d.origin == "schematron":
            repeats[(d.rule, d.message)] = repeats.get((d.rule, d.message), 0) + 1
    first_seen: set[tuple[str, str]] = set()
    merged: list[Diagnostic] = []
    for d in diags:
        key = (d.rule, d.message)
        if d.origin == "schematron" and repeats.get(key, 1) > 1:
            if key in first_seen:
                continue
            first_seen.add(key)
            d = replace(
                d, message=f"{d.message} ({repeats[key]} places in this file; the first is shown)"
            )
        merged.append(d)
    out: list[Diagnostic] = []
    for d in merged:
        attr = re.search(r"@([\w:]+)=\"([^\"]*)\"", d.message)
        key = (d.line, attr.group(0) if attr else "")
        if attr and any(
            (o.line, (re.search(r"@([\w:]+)=\"([^\"]*)\"", o.message) or [""])[0]) == key
            for o in out
        ):
            continue
        out.append(d)
    return out


def validate_tree(
    tree: etree._ElementTree, path: str, schemas: Schemas, doc: Path | None = None
) -> list[Diagnostic]:
    """All findings for one parsed document."""
    diags: list[Diagnostic] = []
    if schemas.use_xsd:
        diags.extend(xsd_diagnostics(tree, path, schemas.xsd_path()))
    else:
        diags.extend(rng_diagnostics(tree, path, schemas.rng))
    sch = schemas.schematron_path()
    if sch is not None:
        diags.extend(schematron_diagnostics(tree, path, sch, doc))
    diags.sort(key=lambda d: (d.line, d.column))
    return _collapse(diags)


def _with_columns(diags: list[Diagnostic], file: Path) -> list[Diagnostic]:
    """Engines give lines only; the column of the element's start tag is where an editor should jump."""
    try:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return diags
    out = []
    for d in diags:
        name = d.xpath.rsplit("/", 1)[-1].split("[")[0] if d.xpath else ""
        if name.startswith("@"):
            name = d.xpath.rsplit("/", 2)[-2].split("[")[0]
        if not d.column and d.line and name and 0 < d.line <= len(lines):
            col = lines[d.line - 1].find(f"<{name}")
            if col < 0:
                col = lines[d.line - 1].find(f":{name}")  # a prefixed element
            if col >= 0:
                d = replace(d, column=col + 1)
        out.append(d)
    return out


def validate_file(file: Path, schemas: Schemas) -> list[Diagnostic]:
    tree = read_xml(file)
    diags = resolve_xincludes(tree, file)
    chosen, notes = schemas_for(file, tree, schemas)
    return notes + _with_columns(
        diags + validate_tree(tree, str(file), chosen, doc=file), Path(file)
    )


def validate_paths(paths: list[Path], schemas: Schemas) -> Report:
    """Validate files and folders (recursively); unreadable files become fatal diagnostics."""
    report = Report()
    for file in iter_xml_files(paths):
        report.files_checked.append(str(file))
        try:
            report.extend(validate_file(file, schemas))
        except TeieditError as exc:
            report.add(exc.diagnostic)
    return report
