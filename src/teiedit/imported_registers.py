"""The registers of imported TEI joined to the edition's, by one rule, for the site's register pages,
entity pages and search facets.

A document imported from another project (``teiedit import``) may keep its own registers
(``listPerson``, ``listPlace``, ``listOrg`` in its text, ``back`` or ``standOff``); an imported register
file holds only such lists. Each of their entries either joins an edition entry or becomes one:

- it **joins** the entry of the same kind that shares one of its authority URIs (``idno``, ``@sameAs``,
  ``@ref``), else the entry of the same id and kind when they share a form of their name and do not name
  different authority records (else they are two entities that happen to share an id: "p1" of one
  project and "p1" of another); its names, variants and identifiers are added to that entry;
- otherwise it is **added** under its own id, or, when that id is taken, under ``<page>.<id>`` (namespaced
  by the document that holds it); entries of later imports may join it.

The edition's own registers are never changed: the joined model is a new :class:`Registers` whose
``aliases`` say which entry each imported ``#id`` now is and whose ``origins`` say which imported
documents (by page) and register files (by file name) an entry comes from. :func:`resolved` rewrites an imported document's summary by it.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiedit.document import XML_ID, slugify, tei, xpath
from teiedit.registers import KINDS, Entry, Registers, entry_from_element
from teiedit.summary import Party, Summary

#: Where a document keeps its own registers (as builders/local_registers.py reads them for its page).
_OWN_REGISTERS = "tei:text | tei:standOff"


@dataclass(frozen=True)
class Imported:
    """An imported TEI file: its page name, its path, its tree, and whether it is a register file."""

    page: str
    path: Path
    root: etree._Element
    is_register: bool = False


def _uris(entry: Entry) -> set[str]:
    return {uri for _, uri in entry.authority_uris()}


def _match(entry: Entry, regs: Registers, by_uri: dict[str, str]) -> str | None:
    """The id of the edition entry ``entry`` joins, or None."""
    uris = _uris(entry)
    for uri in sorted(uris):
        found = by_uri.get(uri)
        if found is not None and regs.entries[found].kind == entry.kind:
            return found
    same = regs.entries.get(entry.id)
    if same is None or same.kind != entry.kind:
        return None
    theirs = _uris(same)
    if uris & theirs:
        return same.id
    # Both name authority records and none is shared: two entities that happen to share an id; so are
    # two that share no form of their name ("p1" of one project and "p1" of another).
    if uris and theirs:
        return None
    return same.id if _forms(entry) & _forms(same) else None


def _forms(entry: Entry) -> set[str]:
    return {t.casefold() for t in (*entry.names, *(v.text for v in entry.variants))}


def _joined(target: Entry, entry: Entry) -> Entry:
    """``target`` with the names, variants and identifiers of ``entry`` it lacks."""
    known = {v.text for v in target.variants}
    if not (
        {v.text for v in entry.variants} - known
        or set(entry.names) - set(target.names)
        or set(entry.identifiers) - set(target.identifiers)
    ):
        return target
    variants = [*target.variants]
    for v in entry.variants:
        if v.text not in known:
            known.add(v.text)
            # a second "preferred" form would compete with the edition's own
            variants.append(dataclasses.replace(v, type="variant") if v.type == "preferred" else v)
    names = tuple(dict.fromkeys((*target.names, *entry.names)))
    identifiers = tuple(dict.fromkeys((*target.identifiers, *entry.identifiers)))
    return dataclasses.replace(
        target, names=names, variants=tuple(variants), identifiers=identifiers
    )


def _free_id(entry_id: str, page: str, regs: Registers) -> str:
    """``entry_id`` if free, else the id namespaced by the document (numbered if needed)."""
    if entry_id not in regs.entries:
        return entry_id
    base = f"{page}.{entry_id}"
    found, n = base, 2
    while found in regs.entries:
        found, n = f"{base}-{n}", n + 1
    return found


def _own_elements(doc: Imported) -> Iterator[etree._Element]:
    """The entry elements of a document's own registers (all of a register file's), in order."""
    parts = [doc.root] if doc.is_register else xpath(doc.root, _OWN_REGISTERS)
    for part in parts:
        yield from part.iter(*(tei(k) for k in KINDS))


def _place(entry: Entry, page: str, out: Registers, by_uri: dict[str, str]) -> str:
    """Join ``entry`` to the entry it matches, or add it; the id it is known by on the site."""
    target = _match(entry, out, by_uri)
    if target is None:
        target = _free_id(entry.id, page, out)
        # a copy: the entry must not keep its document's whole tree alive (the edition drops trees)
        element = copy.deepcopy(entry.element) if entry.element is not None else None
        added = dataclasses.replace(entry, id=target, element=element)
        out.entries[target] = added
        out.all.append(added)
    else:
        out.entries[target] = _joined(out.entries[target], entry)
    for uri in _uris(entry):
        by_uri.setdefault(uri, target)
    return target


def join_imported(registers: Registers, imported: Iterable[Imported]) -> Registers:
    """The edition's registers with the entries of imported documents and register files joined in (a
    new object: ``registers`` is left as it is)."""
    out = Registers(
        all=list(registers.all),
        entries=dict(registers.entries),
        files=list(registers.files),
        roots=list(registers.roots),
    )
    by_uri: dict[str, str] = {}
    for e in out.entries.values():
        for uri in _uris(e):
            by_uri.setdefault(uri, e.id)
    # An entry written the same way in many documents (a letter edition repeats its registers in every
    # letter) is read and matched once: the same element joins the same entry.
    done: dict[bytes, str] = {}
    for doc in imported:
        local: dict[str, str] = {}
        for el in _own_elements(doc):
            local_id = el.get(XML_ID)
            if not local_id or local_id in local:  # the first entry of an id wins (as on its page)
                continue
            key = etree.tostring(el, with_tail=False)
            target = done.get(key)
            if target is None:
                entry = entry_from_element(el, str(doc.path))
                if entry is None:
                    continue
                target = _place(entry, doc.page, out, by_uri)
                done[key] = target
            local[local_id] = target
            origin = doc.path.name if doc.is_register else doc.page
            pages = out.origins.setdefault(target, [])
            if not pages or pages[-1] != origin:  # documents come one after the other
                pages.append(origin)
        # a pointer names an entry of an imported file by its name: persons.xml#p1 (see stored_name)
        out.in_files.setdefault(doc.path.name, local)
        if doc.is_register:
            out.files.append(doc.path)
            out.roots.append(doc.root)
            for k, v in local.items():  # a document may point into an imported register file
                out.shared.setdefault(k, v)
        else:
            out.aliases[doc.page] = local
    return out


def stored_name(file_name: str) -> str:
    """The name ``teiedit import`` stores a file of that name under in ``tei/imported/`` (a safe name:
    ``listPerson.xml`` is ``listperson.xml``; exchange/import_manifest.py, ``-2`` added when taken), so
    a pointer that names the file as its project did finds it."""
    return slugify(Path(file_name).stem, fallback="d-document") + ".xml"


def joined_id(registers: Registers, page: str, ref: str) -> str:
    """The id among the joined entries that a pointer of the imported document ``page`` names (``ref``
    as :func:`document.register_pointer` gives it): for ``#p1``, an entry of its own registers, else of
    an imported register file; for ``persons.xml#p1``, the entry of that imported file; else ``ref``
    as it is."""
    file, sep, local = ref.rpartition("#")
    if sep:
        return registers.in_files.get(stored_name(file), {}).get(local) or ref
    return registers.aliases.get(page, {}).get(ref) or registers.shared.get(ref) or ref


def resolved(summary: Summary, registers: Registers) -> Summary:
    """An imported document's summary with its pointers (``#id`` into its own registers or an imported
    register file, ``persons.xml#id`` into an imported file) turned into the ids of the joined
    entries; any other summary as it is."""
    if not summary.imported or not (registers.aliases or registers.shared or registers.in_files):
        return summary

    def to(ref: str) -> str:
        return joined_id(registers, summary.page, ref)

    def parties(found: tuple[Party, ...]) -> tuple[Party, ...]:
        return tuple(Party(to(p.ref), p.name) if p.ref else p for p in found)

    return dataclasses.replace(
        summary,
        mentions=tuple(dataclasses.replace(m, entry=to(m.entry)) for m in summary.mentions),
        senders=parties(summary.senders),
        addressees=parties(summary.addressees),
    )


def entry_pointers(page: str, refs: Iterable[str], joined: Registers, registers: Registers) -> str:
    """The web stylesheets' parameter ``entry-pointers`` of the imported document ``page``: those of
    its pointers ``refs`` that name entries of imported files (``#p1`` that is no entry of its own,
    ``persons.xml#p1``), each with the id of that entry among the ``joined`` registers, when the
    page's ``registers`` hold it (the page carries the entry)."""
    own = joined.aliases.get(page, {})
    pairs = []
    for pointer in refs:
        if "#" not in pointer and pointer in own:
            continue  # an entry of its own registers: the parameter entity-pages names its page
        target = joined_id(joined, page, pointer)
        if target in registers.entries and (target != pointer or "#" in pointer):
            pairs.append(f"{pointer}={target}")
    return " ".join(pairs)


def pointed_ids(params: dict[str, str]) -> set[str]:
    """The entry ids the parameter ``entry-pointers`` names (the page carries their entries)."""
    return {pair.partition("=")[2] for pair in params.get("entry-pointers", "").split()}
