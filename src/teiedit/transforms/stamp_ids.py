"""AssignIds: give every division and note a stable xml:id so that pages, PDFs and citations can point at it."""

from __future__ import annotations

from teiedit.diagnostics import Diagnostic
from teiedit.document import XML_ID, TeiDocument, local_name, tei
from teiedit.transforms import PassContext, register

_PREFIX = {"div": "d", "note": "n", "floatingText": "ft"}


@register
class AssignIds:
    name = "assign-ids"

    def enabled(self, ctx: PassContext) -> bool:
        return True

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        taken = {
            el.get(XML_ID) for el in doc.root.iter() if isinstance(el.tag, str) and el.get(XML_ID)
        }
        counters: dict[str, int] = {}
        text = tei("text")
        # //tei:text//tei:div | //tei:text//tei:note | //tei:text//tei:floatingText, in document order
        for el in (
            doc.root.getroottree().getroot().iter(tei("div"), tei("note"), tei("floatingText"))
        ):
            if next(el.iterancestors(text), None) is None:
                continue
            if el.get(XML_ID):
                continue
            prefix = _PREFIX[local_name(el)]
            while True:
                counters[prefix] = counters.get(prefix, 0) + 1
                candidate = f"{doc.name}-{prefix}{counters[prefix]}"
                if candidate not in taken:
                    break
            el.set(XML_ID, candidate)
            taken.add(candidate)
        return []
