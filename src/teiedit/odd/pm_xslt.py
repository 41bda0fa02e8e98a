"""Processing model -> an XSLT 3 stylesheet that only dispatches: one template per modelled element (mode
``text``) that tries the element's models in order and calls the behaviour (``pm:NAME``) of the first that
applies, with its parameters; the same choice as a string in mode ``pm:behaviour`` (so a behaviour can ask
how a neighbour renders: is my parent a list?); a fallback to ``pm:unmodelled`` for every other element;
and ``pm:css``, the CSS of the models' ``outputRendition``\\ s. The behaviours live in the hand-written
stylesheets, which include this one (``xslt/html/render.xsl``). Deterministic bytes for the same models.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from teiedit.document import TEI_NS
from teiedit.odd.pm import (
    OUTPUTS,
    PM_NS,
    UNMODELLED,
    XSL_NS,
    ElementModels,
    Model,
    ProcessingModel,
    Rule,
    Sequence,
)

XHTML_NS = "http://www.w3.org/1999/xhtml"
NSMAP = {
    "xsl": XSL_NS,
    "xs": "http://www.w3.org/2001/XMLSchema",
    "tei": TEI_NS,
    "te": "urn:teiedit",
    "pm": PM_NS,
    None: XHTML_NS,
}
Catalogue = dict[str, dict[str, frozenset[str]]]


def _x(tag: str, parent: etree._Element | None = None, **attrs: str) -> etree._Element:
    el = etree.Element(f"{{{XSL_NS}}}{tag}", nsmap=NSMAP if parent is None else None)
    for k, v in attrs.items():
        el.set(k.rstrip("_").replace("_", "-"), v)
    if parent is not None:
        parent.append(el)
    return el


def _literal(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _class_token(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", s)


def _call_unmodelled(parent: etree._Element) -> None:
    _x("call-template", parent, name=f"pm:{UNMODELLED}")


def _name_unmodelled(parent: etree._Element) -> None:
    _x("sequence", parent, select=_literal(UNMODELLED))


class _Emitter:
    def __init__(self, pm: ProcessingModel, catalogue: Catalogue) -> None:
        self.pm = pm
        self.catalogue = catalogue
        self.css: dict[tuple[str, str], list[str]] = {}  # element -> its rules
        self.rendition_class: dict[tuple[str, str, int], str] = {}

    # -- classes for outputRendition ---------------------------------------------------------------

    def classes_of(self, el: ElementModels, m: Model) -> list[str]:
        classes = list(m.css_class)
        if m.renditions:
            key = (el.ns, el.ident, m.line)
            if key not in self.rendition_class:
                name = f"pm-{_class_token(el.ident)}-{len(self.rendition_class) + 1}"
                self.rendition_class[key] = name
                for r in m.renditions:
                    selector = f".{name}" + (f"::{r.scope}" if r.scope else "")
                    rules = self.css.setdefault((el.ns, el.ident), [])
                    rules.append(f"{selector} {{ {r.css.strip().rstrip(';')}; }}")
            classes.append(self.rendition_class[key])
        return classes

    # -- one call ------------------------------------------------------------------------------------

    def call(self, parent: etree._Element, el: ElementModels, m: Model, output: str) -> None:
        known = self.catalogue.get(output, {})
        if m.behaviour not in known:  # reported by check_models; rendered as if unmodelled
            _x("call-template", parent, name=f"pm:{UNMODELLED}")
            return
        call = _x("call-template", parent, name=f"pm:{m.behaviour}")
        for p in m.params:  # a parameter the behaviour does not take is reported, not passed
            if p.name in known[m.behaviour]:
                _x("with-param", call, name=p.name, select=p.value or "()")
        classes = self.classes_of(el, m)
        if classes and "class" in known[m.behaviour]:
            _x(
                "with-param",
                call,
                name="class",
                select="(" + ", ".join(map(_literal, classes)) + ")",
            )

    def rule(self, parent: etree._Element, el: ElementModels, r: Rule, output: str) -> None:
        if isinstance(r, Sequence):
            for m in r.models:
                target = _x("if", parent, test=m.predicate) if m.predicate else parent
                self.call(target, el, m, output)
        else:
            self.call(parent, el, r, output)

    @staticmethod
    def name_of(parent: etree._Element, r: Rule) -> None:
        """A sequence is named after its first model."""
        first = r.models[0] if isinstance(r, Sequence) and r.models else r
        _x("sequence", parent, select=_literal(first.behaviour if isinstance(first, Model) else ""))

    # -- the choice among an element's rules ------------------------------------------------------

    @staticmethod
    def chain(
        parent: etree._Element,
        rules: list[Rule],
        emit: Callable[[etree._Element, Rule], None],
        fallback: Callable[[etree._Element], None],
    ) -> None:
        """Try ``rules`` in order: the first whose predicate holds (a rule without one always does)."""
        if not rules:
            fallback(parent)
            return
        if not rules[0].predicate:
            emit(parent, rules[0])
            return
        choose = _x("choose", parent)
        for r in rules:
            if r.predicate:
                emit(_x("when", choose, test=r.predicate), r)
            else:
                emit(_x("otherwise", choose), r)
                return
        fallback(_x("otherwise", choose))

    # -- the stylesheets --------------------------------------------------------------------------------

    def stylesheet(self, output: str) -> etree._Element:
        """The dispatch of ``output``: for the web, every modelled element and the fallbacks; for print,
        only the elements whose print models differ (print/document.xsl includes it over the web's)."""
        sheet = _x("stylesheet", version="3.0", xpath_default_namespace=TEI_NS)
        sheet.set("exclude-result-prefixes", "#all")
        sources = ", ".join(sorted({p.name for p in self.pm.sources}))
        sheet.append(
            etree.Comment(
                f" Generated by teiedit from the processing model of {sources} (output {output}): do not"
                " edit this file; edit the ODD's model elements (`teiedit schema` compiles them). "
            )
        )
        elements = sorted(self.pm.elements.values(), key=lambda e: (e.ns != TEI_NS, e.ns, e.ident))
        if output != OUTPUTS[0]:
            elements = [e for e in elements if e.for_output(output) != e.for_output(OUTPUTS[0])]
        else:
            elements = [e for e in elements if e.for_output(output)]
        for el in elements:
            tpl = _x("template", sheet, match=f"Q{{{el.ns}}}{el.ident}", mode="text")

            def render(p: etree._Element, r: Rule, el: ElementModels = el) -> None:
                self.rule(p, el, r, output)

            self.chain(tpl, el.for_output(output), render, _call_unmodelled)
        for el in elements:
            tpl = _x("template", sheet, match=f"Q{{{el.ns}}}{el.ident}", mode="pm:behaviour")
            tpl.set("as", "xs:string")
            self.chain(tpl, el.for_output(output), self.name_of, _name_unmodelled)
        if output == OUTPUTS[0]:
            _call_unmodelled(_x("template", sheet, match="*", mode="text", priority="-1"))
            fallback = _x("template", sheet, match="*", mode="pm:behaviour", priority="-1")
            fallback.set("as", "xs:string")
            _name_unmodelled(fallback)
            self.css_template(sheet)
        return sheet

    def css_template(self, sheet: etree._Element) -> None:
        """pm:css: a style element with the rules of the elements the page's document holds."""
        css = _x("template", sheet, name="pm:css")
        if not self.css:
            return
        rules = _x("variable", css, name="rules", as_="xs:string*")
        for (ns, ident), lines in sorted(self.css.items()):
            test = _x("if", rules, test=f"exists(root()//Q{{{ns}}}{ident})")
            _x("sequence", test, select="(" + ", ".join(map(_literal, lines)) + ")")
        show = _x("if", css, test="exists($rules)")
        style = etree.SubElement(show, f"{{{XHTML_NS}}}style")
        _x("value-of", style, select="string-join(('', $rules, ''), '\n')")


def models_to_xslt(pm: ProcessingModel, catalogue: Catalogue) -> dict[str, bytes]:
    """Output -> the dispatching stylesheet of a processing model for it (models naming unknown behaviours
    render their element as if it had no model; check_models reports them). The CSS of every model's
    outputRendition is in the web one, which print includes too."""
    emitter = _Emitter(pm, catalogue)
    # Print first, so that the web's pm:css has the rules of print's models too.
    sheets = {o: emitter.stylesheet(o) for o in reversed(OUTPUTS)}
    out: dict[str, bytes] = {}
    for output in OUTPUTS:
        etree.indent(sheets[output], space="  ")
        out[output] = etree.tostring(sheets[output], xml_declaration=True, encoding="UTF-8") + b"\n"
    return out
