"""The TEI Processing Model of an ODD: which behaviour renders each element, on the web and in print.

An ODD's ``elementSpec`` may hold ``model``, ``modelSequence`` and ``modelGrp`` elements (TEI Guidelines,
22.5.4): each model names a ``@behaviour`` (paragraph, inline, note, alternate, ...), may apply only when
its ``@predicate`` (XPath, the element as context, TEI as the default namespace) holds or only for one
``@output`` (``web`` or ``print``), and passes ``param``\\ s (XPath) and ``outputRendition`` (CSS) to the
behaviour. Models are read from every ``elementSpec`` of the ODD: those of its ``schemaSpec`` (the elements
the edition's schema declares) and those of ``specGrp``\\ s no schema refers to (processing models for TEI
elements the schema does not allow, used to render TEI from elsewhere).

Selection, per element and output: the models whose ``@output`` is that output or absent, in document
order; the first whose predicate holds renders the element. An element without models is rendered by the
``unmodelled`` behaviour (a block or an inline by its structure, styled by its name). The behaviours
themselves are named templates ``pm:NAME`` of the hand-written stylesheets (``xslt/html/`` for the web,
``xslt/print/`` overriding some for print); :func:`behaviour_catalogue` reads which exist and which
parameters each takes, so that models naming unknown behaviours are reported with their line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit.diagnostics import Diagnostic, Level
from teiedit.document import TEI_NS
from teiedit.io import read_xml

XSL_NS = "http://www.w3.org/1999/XSL/Transform"
PM_NS = "urn:teiedit:pm"
OUTPUTS = ("web", "print")
#: Parameters every behaviour takes: what to render, and CSS classes from @cssClass/outputRendition.
COMMON_PARAMS = frozenset({"content", "class"})
#: The behaviour of elements that have no model.
UNMODELLED = "unmodelled"
SCOPES = ("", "before", "after", "first-line", "first-letter")

_T = f"{{{TEI_NS}}}"


@dataclass(frozen=True)
class Param:
    name: str
    value: str  # an XPath expression
    line: int = 0


@dataclass(frozen=True)
class Rendition:
    css: str
    scope: str = ""  # "", before, after, first-line, first-letter


@dataclass(frozen=True)
class Model:
    behaviour: str
    predicate: str = ""
    output: str = ""  # "" = every output
    css_class: tuple[str, ...] = ()
    params: tuple[Param, ...] = ()
    renditions: tuple[Rendition, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Sequence:
    """A modelSequence: its models applied one after the other (each with its own predicate)."""

    models: tuple[Model, ...]
    predicate: str = ""
    output: str = ""
    line: int = 0


Rule = Model | Sequence


@dataclass
class ElementModels:
    ident: str
    ns: str
    rules: list[Rule]
    path: Path
    line: int = 0

    def for_output(self, output: str) -> list[Rule]:
        """The rules that may render this element in ``output``, in the order they are tried."""
        return [r for r in self.rules if r.output in ("", output)]


@dataclass
class ProcessingModel:
    """The models of one or more ODDs, by element (namespace, name), in the order first declared."""

    elements: dict[tuple[str, str], ElementModels] = field(default_factory=dict)
    sources: list[Path] = field(default_factory=list)

    def over(self, defaults: ProcessingModel) -> ProcessingModel:
        """These models, and those of ``defaults`` for elements these do not model (ODD inheritance)."""
        merged = dict(self.elements)
        for key, models in defaults.elements.items():
            merged.setdefault(key, models)
        return ProcessingModel(merged, [*self.sources, *defaults.sources])


def _line(el: etree._Element) -> int:
    return el.sourceline or 0


def _text(el: etree._Element) -> str:
    return "".join(el.itertext()).strip()


def _model(el: etree._Element, inherited_output: str, group_css: tuple[Rendition, ...]) -> Model:
    return Model(
        behaviour=el.get("behaviour", "").strip(),
        predicate=el.get("predicate", "").strip(),
        output=el.get("output", inherited_output).strip(),
        css_class=tuple(el.get("cssClass", "").split()),
        params=tuple(
            Param(p.get("name", "").strip(), p.get("value", "").strip(), _line(p))
            for p in el.findall(f"{_T}param")
        ),
        renditions=(
            *group_css,
            *(
                Rendition(_text(r), r.get("scope", "").strip())
                for r in el.findall(f"{_T}outputRendition")
                if _text(r)
            ),
        ),
        line=_line(el),
    )


def _rules(
    parent: etree._Element, output: str = "", group_css: tuple[Rendition, ...] = ()
) -> list[Rule]:
    rules: list[Rule] = []
    for child in parent:
        if child.tag == f"{_T}model":
            rules.append(_model(child, output, group_css))
        elif child.tag == f"{_T}modelSequence":
            out = child.get("output", output).strip()
            models = tuple(m for m in _rules(child, out, group_css) if isinstance(m, Model))
            rules.append(Sequence(models, child.get("predicate", "").strip(), out, _line(child)))
        elif child.tag == f"{_T}modelGrp":
            css = tuple(
                Rendition(_text(r), r.get("scope", "").strip())
                for r in child.findall(f"{_T}outputRendition")
                if _text(r)
            )
            rules.extend(_rules(child, child.get("output", output).strip(), (*group_css, *css)))
    return rules


def read_models(path: Path) -> ProcessingModel:
    """The processing models of every elementSpec of an ODD file (schemaSpec and specGrps)."""
    tree = read_xml(path)
    pm = ProcessingModel(sources=[Path(path)])
    for spec in tree.iter(f"{_T}elementSpec"):
        if spec.get("mode") == "delete":
            continue
        rules = _rules(spec)
        if not rules:
            continue
        schema = next(spec.iterancestors(f"{_T}schemaSpec"), None)
        ns = spec.get("ns") or (schema.get("ns") if schema is not None else None) or TEI_NS
        key = (ns, spec.get("ident", ""))
        if key in pm.elements:
            pm.elements[key].rules.extend(rules)
        else:
            pm.elements[key] = ElementModels(key[1], ns, rules, Path(path), _line(spec))
    return pm


def behaviour_catalogue(xslt_root: Path) -> dict[str, dict[str, frozenset[str]]]:
    """Output -> behaviour name -> the parameters it takes, from the ``pm:*`` named templates of the
    hand-written stylesheets (``html/`` and common/clean-text.xsl for the web; print has those and its own in
    ``print/``)."""
    web = _behaviours(
        sorted((xslt_root / "html").glob("*.xsl")) + [xslt_root / "common" / "clean-text.xsl"]
    )
    printed = dict(web)
    printed.update(_behaviours(sorted((xslt_root / "print").glob("*.xsl"))))
    return {"web": web, "print": printed}


def _behaviours(files: list[Path]) -> dict[str, frozenset[str]]:
    found: dict[str, frozenset[str]] = {}
    for f in files:
        root = read_xml(f).getroot()
        for tpl in root.findall(f"{{{XSL_NS}}}template[@name]"):
            name = tpl.get("name", "")
            prefix, _, local = name.partition(":")
            if not local or tpl.nsmap.get(prefix) != PM_NS:
                continue
            params = frozenset(
                p.get("name", "") for p in tpl.findall(f"{{{XSL_NS}}}param") if not p.get("tunnel")
            )
            found[local] = params
    return found


Report = Callable[[Path, int, str, str, str], None]


def _outputs(names: list[str]) -> str:
    return ("output " if len(names) == 1 else "outputs ") + ", ".join(names)


def check_models(
    pm: ProcessingModel, catalogue: dict[str, dict[str, frozenset[str]]]
) -> list[Diagnostic]:
    """Models that cannot be compiled as written: unknown behaviours, outputs, parameters or scopes."""
    diags: list[Diagnostic] = []

    def report(path: Path, line: int, ident: str, message: str, hint: str) -> None:
        diags.append(
            Diagnostic(
                message=f"elementSpec {ident!r}: {message}",
                path=str(path),
                line=line,
                level=Level.ERROR,
                origin="processing-model",
                suggestion=hint,
                rule="pm-" + message.split()[0],
            )
        )

    for el in pm.elements.values():
        for rule in el.rules:
            models = rule.models if isinstance(rule, Sequence) else (rule,)
            for m in models:
                _check_model(el, m, catalogue, report)
    return diags


def _check_model(
    el: ElementModels,
    m: Model,
    catalogue: dict[str, dict[str, frozenset[str]]],
    report: Report,
) -> None:
    if m.output and m.output not in OUTPUTS:
        report(
            el.path,
            m.line,
            el.ident,
            f"unknown output {m.output!r}: this model is never used",
            f"teiedit renders the outputs {', '.join(OUTPUTS)}",
        )
        return
    outputs = [m.output] if m.output else list(OUTPUTS)
    lacking = [o for o in outputs if m.behaviour not in catalogue[o]]
    if lacking:
        known = sorted(set.intersection(*(set(catalogue[o]) for o in lacking)))
        report(
            el.path,
            m.line,
            el.ident,
            f"unknown behaviour {m.behaviour!r} ({_outputs(lacking)})",
            "use one of: " + ", ".join(known),
        )
        return
    for p in m.params:
        if p.name in COMMON_PARAMS:
            continue
        lacking = [o for o in outputs if p.name not in catalogue[o][m.behaviour]]
        if lacking:
            takes = set.union(*(set(catalogue[o][m.behaviour]) for o in outputs)) - {"class"}
            report(
                el.path,
                p.line or m.line,
                el.ident,
                f"unknown parameter {p.name!r} of behaviour {m.behaviour!r} ({_outputs(lacking)})",
                "its parameters: " + ", ".join(sorted(takes)),
            )
    for r in m.renditions:
        if r.scope not in SCOPES:
            report(
                el.path,
                m.line,
                el.ident,
                f"unknown outputRendition scope {r.scope!r}",
                "use before, after, first-line or first-letter, or no scope",
            )
