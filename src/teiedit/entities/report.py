"""Per register entry, its mentions across the edition; links that need an editor's eye.

Flags (a) one and the same string linked to different entries (a homonym, or a wrong link), (b) entries
never mentioned, (c) links to ids that no register has, and (d) names the entities pass leaves unlinked
(a family name several entries bear, one beside another given name, a generic reference without one
referent, a name inside a longer name), with the reason and the candidates.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from lxml import etree

from teiedit.document import TeiDocument, xpath
from teiedit.entities.matcher import match_key
from teiedit.entities.spans import choice_reading
from teiedit.registers import Registers


@dataclass
class EntryMentions:
    id: str
    kind: str
    preferred: str
    forms: Counter[str] = field(default_factory=Counter)
    documents: Counter[str] = field(default_factory=Counter)
    machine: int = 0

    @property
    def count(self) -> int:
        return sum(self.forms.values())

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "preferred": self.preferred,
            "mentions": self.count,
            "machine_made": self.machine,
            "forms": dict(self.forms.most_common()),
            "documents": dict(sorted(self.documents.items())),
        }


@dataclass
class MentionReport:
    entries: list[EntryMentions]
    never_mentioned: list[str]
    conflicting: dict[str, dict[str, int]]  # normalised string -> {entry id: count}
    dangling: dict[str, list[str]]  # unknown id -> documents
    unlinked: list[dict[str, object]] = field(default_factory=list)  # the entities pass's records
    #: kind (person, place, org) -> ids of entries with no authority identifier (GND, VIAF, Wikidata...)
    without_authority: dict[str, list[str]] = field(default_factory=dict)
    #: places whose register entry gives no coordinates (location/geo)
    without_coordinates: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "entries": [e.to_json() for e in self.entries if e.count],
            "never_mentioned": self.never_mentioned,
            "same_string_different_entries": self.conflicting,
            "unknown_ids": self.dangling,
            "left_unlinked": self.unlinked,
            "without_authority_id": self.without_authority,
            "places_without_coordinates": self.without_coordinates,
        }


def reading(el: etree._Element) -> str:
    """The text of a name as a reader sees it: a repaired word in its corrected form, not the damage."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and etree.QName(child).localname == "choice":
                parts.append(choice_reading(child))
            elif isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return "".join(parts)


def mention_report(registers: Registers, documents: list[TeiDocument]) -> MentionReport:
    stats = {
        e.id: EntryMentions(e.id, e.name_tag, e.preferred) for e in registers.matchable.values()
    }
    by_string: dict[str, Counter[str]] = defaultdict(Counter)
    dangling: dict[str, set[str]] = defaultdict(set)
    for doc in documents:
        for el in xpath(
            doc.root, "//tei:persName[@ref] | //tei:placeName[@ref] | //tei:orgName[@ref]"
        ):
            for ref in el.get("ref", "").split():
                target = ref.removeprefix("#")
                text = " ".join(reading(el).split())
                if target not in stats:
                    dangling[target].add(doc.name)
                    continue
                s = stats[target]
                s.forms[text] += 1
                s.documents[doc.name] += 1
                if el.get("resp") == "#teiedit":
                    s.machine += 1
                by_string[match_key(text)][target] += 1
    conflicting = {k: dict(v) for k, v in sorted(by_string.items()) if len(v) > 1}
    entries = sorted(stats.values(), key=lambda e: (-e.count, e.id))
    never = sorted(e.id for e in stats.values() if not e.count)
    report = MentionReport(
        entries, never, conflicting, {k: sorted(v) for k, v in sorted(dangling.items())}
    )
    seen: set[str] = set()
    for entry in registers.all:
        if entry.id in seen:
            continue
        seen.add(entry.id)
        if not entry.authority_uris():
            report.without_authority.setdefault(entry.kind, []).append(entry.id)
        if entry.kind == "place" and entry.coordinates is None:
            report.without_coordinates.append(entry.id)
    return report
