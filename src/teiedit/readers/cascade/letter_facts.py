"""What a letter's, memorandum's or telegram's header says: its fields (``letter_head`` gave their lines
their roles) read for the TEI header: the correspondents, the kind (a cable's header, a salutation, a kind
line in another language) and, where the document has no better title than its kind, its subject."""

from __future__ import annotations

import re

from teiedit.readers.cascade.fields import Correspondents, uninvert
from teiedit.readers.cascade.kinds import KIND_LINE, KindDecision
from teiedit.readers.cascade.letter_cues import (
    ADDRESS_LINE,
    CABLE_LINE,
    MEMO_FOR,
    NAME_HONORIFICS,
    field_of,
    kind_line,
    office_only,
    office_part,
    routed_name,
)
from teiedit.readers.cascade.letter_head import value_block
from teiedit.readers.cascade.model import Labelled

#: A title of nothing but the document's kind ("MEMORANDUM", "Memorandum of Conversation", "Cable").
_KIND_ONLY = re.compile(
    r"^\W*(?:(?:memorandum|memo|record|minutes|telegram|cable|letter|note|notes|report|conversation|"
    r"meeting|of|a|the|for|file)\b\W*)+$",
    re.IGNORECASE,
)


def header(part: list[Labelled]) -> dict[str, str]:
    """The header fields of a document's top (the first value of each), from its opener lines, its
    page's metadata, a "MEMORANDUM FOR" title and an address line."""
    found: dict[str, str] = {}
    for i, b in enumerate(part):
        if b.label in ("p", "item") and len(b.one_line) > 120 and not b.aside:
            break
        if b.label in ("title", "heading") and (m := MEMO_FOR.match(b.one_line)):
            found.setdefault("to", m["value"])
        if b.label not in ("opener", "dateline", "meta"):
            continue
        f = field_of(b.one_line)
        if f is None and b.label == "opener" and (m := ADDRESS_LINE.match(b.one_line)):
            f = ("to", m["name"])
        if f is not None and not f[1] and (nxt := value_block(part, i)):
            f = (f[0], nxt.one_line)
        if f is not None and f[1]:
            # a catalogue's record inverts names ("Hamilton, Alexander"); a header names an office
            # before its section ("Chief, Harbour Section")
            found.setdefault(f[0], f[1] if b.label != "meta" else uninvert(f[1]))
            if CABLE_LINE.match(b.one_line) and b.one_line.upper() == b.one_line:
                found.setdefault("cable", "yes")
    return found


def correspondent(value: str) -> str:
    """A header field's name: the part before an office or a place ("Pierre Durand, notaire, Lyon"), the
    person after an office ("Referat III, Dr. Hans Vogel"), without an honorific or a cable's routing
    words; an office given as "Chief, Harbour Section" stays whole."""
    value = routed_name(NAME_HONORIFICS.sub("", value.strip()))
    first, _, rest = value.partition(",")
    if rest and office_part(first):
        # an office, then the person who writes for it
        person = next((p.strip() for p in rest.split(",") if p.strip() and not office_part(p)), "")
        if person := _person(person):
            return person
    return first.strip() if rest and len(first.split()) >= 2 else value


#: A person's name: capitalised words (initials, particles between them).
_PERSON = re.compile(r"^[A-ZÀ-Þ][\w’'.-]*(?:\s+(?:[A-ZÀ-Þ][\w’'.-]*|von|van|de|du|le|la|da|di))*$")


def _person(text: str) -> str:
    """``text`` without its honorific when it names a person (two words or more, or one after an
    honorific: "Dr. Vogel"), else ""."""
    name = NAME_HONORIFICS.sub("", text.strip()).strip(" .")
    if not _PERSON.match(name) or office_part(name) or len(name.split()) > 5:
        return ""
    return name if len(name.split()) >= 2 or name != text.strip().strip(" .") else ""


def header_correspondents(part: list[Labelled]) -> Correspondents:
    """Sender and addressee as the header fields name them (either may be empty); a sender named only
    by an office ("From: The Secretary") is the person who signed, when the signature names one."""
    h = header(part)
    sender = correspondent(h.get("from", ""))
    if sender and office_only(sender) and (signer := signer_name(part)):
        sender = signer
    return Correspondents(sender, correspondent(h.get("to", "")))


def signer_name(part: list[Labelled]) -> str:
    """The person the last signature names (its first line, without an office after a comma), or ""."""
    signed = [b for b in part if b.label == "signed" and not b.aside]
    if not signed:
        return ""
    for b in signed:
        if name := _person(correspondent(b.text.strip().splitlines()[0] if b.text.strip() else "")):
            return name
    return ""


def header_kind(decision: KindDecision, part: list[Labelled]) -> KindDecision:
    """The kind when the header names sender and addressee and the title did not say it: a cable (its
    fields in capitals without colons), a letter (a salutation or a close), else a memorandum."""
    h = header(part)
    named = next(
        (k for b in part[:5] if b.label in _TOP_LABELS and (k := kind_line(b.one_line))), ""
    )
    if named and h and decision.kind != named and decision.confidence < 0.9:
        # "Aktennotiz", "TÉLÉGRAMME" over a header: the kind its own line names
        return KindDecision(named, 0.8, f"a line naming the kind ({named}) over header fields")
    if decision.kind in ("letter", "telegram", "memorandum") or decision.confidence >= 0.9:
        return decision
    if not (h.get("from") and h.get("to")):
        return decision
    if h.get("cable"):
        return KindDecision("telegram", 0.75, "a cable's header names sender and addressee")
    kept = [b for b in part if not b.aside]
    if any(b.label in ("salute", "closer") for b in kept):
        return KindDecision("letter", 0.8, "header fields name sender and addressee; salutation")
    return KindDecision("memorandum", 0.7, "header fields name sender, addressee and subject")


_TOP_LABELS = frozenset({"title", "heading", "opener", "meta", "furniture"})


def subject_title(title: str, part: list[Labelled]) -> str:
    """The subject field as the title where the document has none, or only its kind ("MEMORANDUM",
    "Memorandum of Conversation", "TELEGRAM", "MEMORANDUM FOR THE SECRETARY")."""
    if title and not (
        KIND_LINE.match(title)
        or _KIND_ONLY.match(title)
        or MEMO_FOR.match(title)
        or kind_line(title)
    ):
        return title
    subject = header(part).get("subject", "")
    return " ".join(subject.split()).strip(" .") or title
