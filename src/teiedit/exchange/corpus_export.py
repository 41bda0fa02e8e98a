"""Corpus export: the whole edition as one ``teiCorpus`` (or a zip of its TEI files with a manifest).

The teiCorpus holds a header describing the edition, the registers (as the TEI documents they are)
and every document, so that another archive ingests one file in which every ``#id`` pointer still
resolves. Register ids are unique across the registers already (docs/tei-conventions.md) and keep
their values; an id of a document that is already taken in the corpus (every document declares
``xml:id="teiedit"`` for its application, for instance) is renamed ``<document-id>.<id>`` and the
pointers inside that document follow it.

Written again after a change, the file reuses the bytes of every member that would read the same: a
sidecar (``.<name>.members.json``) keeps, per member, its content hash, its ids and their renames and
where its bytes are in the file; a member whose content is the same and whose ids are renamed the same
(the ids the members before it take decide that) is copied from the last file instead of parsed,
copied, walked and serialised again.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from teiedit.builder import BuildOptions, Group, Manifest, Option, digest, sidecar
from teiedit.config import settings_digest
from teiedit.diagnostics import TeieditError
from teiedit.document import TEI_NS, XML_ID, E, tei
from teiedit.edition import Edition, EditionDoc
from teiedit.io import write_atomic

#: (path, its root when asked for) of a TEI file of the corpus: a document's tree is parsed when the
#: export reaches it, so that the edition's tree budget holds (teiedit/edition.py).
Member = tuple[Path, Callable[[], etree._Element]]
#: Bumped when what a member's bytes are made by changes (the kept members are then made again).
MEMBERS_FORMAT = 2


def _docs(edition: Edition) -> tuple[list[Member], list[Member]]:
    """The registers folder's files, then every other TEI file of the edition, in file order."""
    folder = edition.settings.registers
    registers: list[Member] = [
        (p, _held(r))
        for p, r in zip(edition.registers.files, edition.registers.roots, strict=True)
        if folder in p.resolve().parents
    ]
    documents: list[Member] = [(ed.path, _tree_of(ed)) for ed in edition.inputs()]
    if not documents:
        raise TeieditError(
            "the edition has no TEI documents to export",
            edition.settings.tei,
            hint="convert sources first (`teiedit build`)",
        )
    return registers, documents


def _held(root: etree._Element) -> Callable[[], etree._Element]:
    return lambda: root


def _tree_of(ed: EditionDoc) -> Callable[[], etree._Element]:
    return lambda: ed.root


def _rename_taken_ids(root: etree._Element, prefix: str, taken: set[str]) -> dict[str, str]:
    """Rename ids of ``root`` that are in ``taken``; rewrite ``#id`` pointers inside ``root``."""
    renames: dict[str, str] = {}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        old = el.get(XML_ID)
        if old is None:
            continue
        if old in taken:
            new, n = f"{prefix}.{old}", 2
            while new in taken:
                new, n = f"{prefix}.{old}-{n}", n + 1
            renames[old] = new
            el.set(XML_ID, new)
            old = new
        taken.add(old)
    if renames:
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            for name, value in el.attrib.items():
                if "#" not in value:
                    continue
                tokens = value.split()
                fixed = [
                    f"#{renames[t[1:]]}" if t.startswith("#") and t[1:] in renames else t
                    for t in tokens
                ]
                if fixed != tokens:
                    el.set(name, " ".join(fixed))
    return renames


def _tei_default(root: etree._Element) -> etree._Element:
    """``root`` with TEI as its default namespace, ready to go into the teiCorpus.

    A member that writes TEI with a prefix and declares another default namespace (``<tei:TEI
    xmlns:tei=… xmlns="…xhtml">``) would otherwise come out of lxml as ``<TEI xmlns="…xhtml">``:
    moved under the corpus's default TEI namespace, its elements lose their prefix but keep the other
    default, so the whole document would change namespace.
    """
    if root.nsmap.get(None) == TEI_NS:
        return root
    nsmap = {p: uri for p, uri in root.nsmap.items() if p is not None and uri != TEI_NS}
    fresh = etree.Element(root.tag, attrib=dict(root.attrib), nsmap={None: TEI_NS, **nsmap})
    fresh.text = root.text
    fresh.extend(list(root))  # moved: lxml declares any other namespace where it is used
    return fresh


def _members(edition: Edition) -> tuple[etree._Element, Iterator[etree._Element]]:
    """The teiCorpus with its header, and (as they come) the copies of its registers and documents
    (in file order), their ids renamed where an earlier member took them."""
    settings = edition.settings
    registers, documents = _docs(edition)
    corpus = etree.Element(tei("teiCorpus"), nsmap={None: TEI_NS})
    publication = E.publicationStmt(E.publisher(settings.publisher or settings.title))
    if settings.licence_url:
        publication.append(
            E.availability(
                E.licence(settings.licence or settings.licence_url, target=settings.licence_url)
            )
        )
    if settings.base_url:
        publication.append(E.idno(settings.base_url, type="URI"))
    corpus.append(
        E.teiHeader(
            E.fileDesc(
                E.titleStmt(
                    E.title(settings.title), *[E.editor(ed.name) for ed in settings.editors]
                ),
                publication,
                E.sourceDesc(
                    E.p(
                        f"The TEI documents and registers of the edition, gathered by teiedit: "
                        f"{len(registers)} registers, {len(documents)} documents."
                    )
                ),
            )
        )
    )

    def copies() -> Iterator[etree._Element]:
        taken: set[str] = set()
        for path, original in [*registers, *documents]:
            root = copy.deepcopy(original())
            if root.tag not in (tei("TEI"), tei("teiCorpus")):
                raise TeieditError(
                    "not a TEI document", path, hint="only TEI or teiCorpus files belong in tei/"
                )
            prefix = root.get(XML_ID) or path.stem
            _rename_taken_ids(root, prefix, taken)
            yield _tei_default(root)

    return corpus, copies()


def build_corpus(edition: Edition) -> etree._Element:
    """The teiCorpus of the edition: header, registers, documents (in file order)."""
    corpus, members = _members(edition)
    for root in members:
        corpus.append(root)
    return corpus


def write_corpus(edition: Edition, out: Path) -> str:
    """Write a teiCorpus file, or (``.zip``) the TEI files with manifest.json."""
    out = Path(out)
    if out.suffix.lower() == ".zip":
        return _write_zip(edition, out)
    corpus, _ = _members(edition)
    registers, documents = _docs(edition)
    hashes = {ed.path: ed.sha256 for ed in edition.inputs()}
    # The corpus is serialised one member at a time (each in a teiCorpus of its own, as it stands in
    # the whole), so that only its text is held, not a copy of every tree: the same bytes as the
    # whole corpus serialised at once.
    whole = etree.tostring(corpus, xml_declaration=True, encoding="UTF-8")
    end = b"</teiCorpus>"
    parts, size = [whole[: -len(end)]], len(whole) - len(end)
    old_bytes, old = _kept_members(out)
    kept: dict[str, list[object]] = {}
    taken: set[str] = set()
    for path, original in [*registers, *documents]:
        sha = hashes.get(path) or hashlib.sha256(path.read_bytes()).hexdigest()
        name = _member_name(path, edition.settings.root)
        was = old.get(name)
        if was is not None and was[0] == sha:
            before = set(taken)
            ids, prefix, renames, start, stop = was[1], was[2], was[3], was[4], was[5]
            if _renames(ids, prefix, taken) == renames:
                text = old_bytes[start:stop]
                kept[name] = [sha, ids, prefix, renames, size, size + len(text)]
                parts.append(text)
                size += len(text)
                continue
            taken = before
        root = copy.deepcopy(original())
        if root.tag not in (tei("TEI"), tei("teiCorpus")):
            raise TeieditError(
                "not a TEI document", path, hint="only TEI or teiCorpus files belong in tei/"
            )
        prefix = root.get(XML_ID) or path.stem
        ids = [
            str(el.get(XML_ID))
            for el in root.iter()
            if isinstance(el.tag, str) and el.get(XML_ID) is not None
        ]
        renames = _rename_taken_ids(root, prefix, taken)
        holder = etree.Element(tei("teiCorpus"), nsmap={None: TEI_NS})
        holder.append(_tei_default(root))
        text = etree.tostring(holder, encoding="UTF-8")
        text = text[text.index(b">") + 1 : -len(end)]
        kept[name] = [sha, ids, prefix, renames, size, size + len(text)]
        parts.append(text)
        size += len(text)
    parts.append(end)
    data = b"".join(parts)
    write_atomic(out, data)
    sidecar = {
        "format": MEMBERS_FORMAT,
        "corpus": hashlib.sha256(data).hexdigest(),
        "members": kept,
    }
    write_atomic(_members_file(out), json.dumps(sidecar, ensure_ascii=False).encode("utf-8"))
    return f"teiCorpus with {len(kept)} TEI files written to {out}"


def _member_name(path: Path, root: Path) -> str:
    """A member's name in the sidecar: its path in the edition (a file elsewhere by a hash of its path:
    the sidecar is published with the site and names no path of the machine)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()


def _members_file(out: Path) -> Path:
    return out.with_name(f".{out.name}.members.json")


def _kept_members(out: Path) -> tuple[bytes, dict[str, list[Any]]]:
    """The last corpus file and what its sidecar says of its members (nothing when they disagree)."""
    try:
        data = out.read_bytes()
        side = json.loads(_members_file(out).read_text(encoding="utf-8"))
        if side["format"] != MEMBERS_FORMAT or side["corpus"] != hashlib.sha256(data).hexdigest():
            return b"", {}
        return data, {str(k): list(v) for k, v in side["members"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return b"", {}


def _renames(ids: list[str], prefix: str, taken: set[str]) -> dict[str, str]:
    """The renames :func:`_rename_taken_ids` makes of a member with these ids (in document order),
    without its tree; ``taken`` grows the same way."""
    renames: dict[str, str] = {}
    for old in ids:
        if old in taken:
            new, n = f"{prefix}.{old}", 2
            while new in taken:
                new, n = f"{prefix}.{old}-{n}", n + 1
            renames[old] = new
            old = new
        taken.add(old)
    return renames


def _write_zip(edition: Edition, out: Path) -> str:
    settings = edition.settings
    registers, documents = _docs(edition)
    files: list[dict[str, str]] = []
    buf: list[tuple[str, bytes]] = []
    for kind, paths in (("register", registers), ("document", documents)):
        for path, tree in paths:
            root = tree()
            rel = "tei/" + path.resolve().relative_to(settings.tei).as_posix()
            data = path.read_bytes()
            buf.append((rel, data))
            files.append(
                {
                    "path": rel,
                    "kind": kind,
                    "id": root.get(XML_ID, ""),
                    "sha256": hashlib.sha256(data).hexdigest(),
                }
            )
    manifest = {
        "title": settings.title,
        "publisher": settings.publisher,
        "licence": settings.licence_url or settings.licence,
        "files": files,
    }

    mem = io.BytesIO()
    with zipfile.ZipFile(mem, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel, data in buf:
            zf.writestr(zipfile.ZipInfo(rel, date_time=(1980, 1, 1, 0, 0, 0)), data)
        zf.writestr(
            zipfile.ZipInfo("manifest.json", date_time=(1980, 1, 1, 0, 0, 0)),
            json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
        )
    write_atomic(out, mem.getvalue())
    return f"zip with {len(buf)} TEI files and manifest.json written to {out}"


class CorpusBuilder:
    """``teiedit export corpus``: the edition as one teiCorpus (or a zip with a manifest)."""

    name = "corpus"
    group: Group = "export"
    help = "one teiCorpus (or a zip with manifest)"
    description = (
        "one teiCorpus file with every document and the registers (ids kept unique, internal "
        "references resolvable); with --out ending in .zip, a zip of the TEI files and a manifest"
    )
    options: tuple[Option, ...] = ()

    def manifest(self, edition: Edition, out: Path) -> Manifest:
        new = Manifest(assets=digest(Path(__file__).read_bytes(), out.suffix.lower()))
        for ed in edition.inputs():
            new.docs[ed.page] = digest(ed.path.read_bytes())
        registers = [part for p in edition.registers.files for part in (str(p), p.read_bytes())]
        new.lists = digest(
            new.assets, settings_digest(edition.settings), *new.docs.values(), *registers
        )
        return new

    def outdated(self, edition: Edition, out: Path) -> set[str]:
        new = self.manifest(edition, out)
        return Manifest.read(sidecar(out)).outdated(new, lambda _page: [out])

    def build(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        new = self.manifest(edition, out)
        if not options.force and Manifest.read(sidecar(out)) == new and out.is_file():
            options.tell(f"{out} is up to date")
            return []
        options.tell(write_corpus(edition, out))
        new.write(sidecar(out), 1)
        return [out]
