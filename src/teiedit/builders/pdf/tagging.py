"""What the tagged PDF says beyond WeasyPrint's (70) own tags: the language of each passage and what each
link is.

WeasyPrint declares the language of the whole PDF only, and describes a link (its /Contents, which PDF/UA
asks for) by the name of its target, such as ``doc-letter-note-3``. The paged HTML knows better: the
``lang`` of every element (from the TEI's xml:lang) and each link's text or ``aria-label``. WeasyPrint's
tag builder and link writer are module functions looked up at each call, so wrapping them reaches every
element and link. Without them (another WeasyPrint), the PDF keeps WeasyPrint's own tags.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def install_tagging() -> None:
    """Wrap WeasyPrint's tag builder and link writer (once per process)."""
    try:
        import weasyprint.pdf as wpdf  # type: ignore[import-untyped]
        from weasyprint.pdf import tags
    except ImportError:
        return
    builder = getattr(tags, "_build_box_tree", None)
    if builder is not None and not getattr(builder, "teiedit", False):
        tags._build_box_tree = _with_languages(builder)
    links = getattr(wpdf, "add_links", None)
    if links is not None and not getattr(links, "teiedit", False):
        wpdf.add_links = _with_descriptions(links)


def _string(text: str) -> Any:
    """A PDF text string as WeasyPrint's PDF writer (pydyf) writes it."""
    import pydyf  # type: ignore[import-untyped]

    return pydyf.String(text)


def _with_languages(original: Any) -> Any:
    """The tag builder, giving each structure element the ``lang`` of its HTML element."""

    def build(box: Any, parent: Any, *args: Any) -> Iterator[Any]:
        element = getattr(box, "element", None)
        lang = element.get("lang") if element is not None and hasattr(element, "get") else None
        # the root, the body and a page yield their children's elements, which have their own
        passing = element is None or getattr(box, "element_tag", None) in ("html", "body")
        for struct in original(box, parent, *args):
            if lang and not passing and "Lang" not in struct:
                struct["Lang"] = _string(lang)
            yield struct

    build.teiedit = True  # type: ignore[attr-defined]
    return build


def _label(element: Any) -> str:
    """What a link is, for a reader: its aria-label, its text, or the page it names."""
    label = element.get("aria-label")
    if label:
        return str(label)
    text = " ".join("".join(element.itertext()).split())
    page = element.get("data-page") or ""  # a page number the style sheet prints after it
    if "page-ref" in (element.get("class") or "").split():
        return f"Page {text or page}".strip()
    return text or (f"Page {page}" if page else "")


def _with_descriptions(original: Any) -> Any:
    """The link writer, describing each link of a tagged PDF by its aria-label, else its text (a link's
    inline children are boxes of their own: they take the description of the link they belong to)."""

    def add_links(
        links_and_anchors: Any, matrix: Any, pdf: Any, page: Any, names: Any, tags: Any
    ) -> Any:
        result = original(links_and_anchors, matrix, pdf, page, names, tags)
        if tags is None:
            return result
        found = [
            (target, box.link_annotation, box.element)
            for _kind, target, _rect, box in links_and_anchors[0]
            if getattr(box, "link_annotation", None) is not None
            and getattr(box, "element", None) is not None
        ]
        links = {t: _label(e) for t, _a, e in found if getattr(e, "tag", "") == "a"}
        for target, annotation, element in found:
            label = links.get(target) or _label(element)
            if label:
                annotation["Contents"] = _string(label)
        return result

    add_links.teiedit = True  # type: ignore[attr-defined]
    return add_links
