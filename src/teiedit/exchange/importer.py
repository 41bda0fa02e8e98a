"""Import TEI written by other projects into an edition, without altering it.

Each file is read safely, its XIncludes resolved (see :mod:`teiedit.exchange.xinclude`), checked
against the schema it declares when that is local (else tei_all when given, else teiedit's schema),
and stored in ``tei/imported/<safe-name>.xml``: byte for byte as it came, or — only when XIncludes had
to be resolved — as the resolved tree. ``tei/imported/manifest.json`` records where every file came
from, its checksums, the schema used and the problems found. Registers inside imported files stay
where they are (referenced, not merged); one person under two ids across the edition's registers and
the imported files is reported as a conflict.

Files that cannot be handled (not XML, not TEI, hostile, includes that escape the folder) are refused
with a reason; the others are still imported. A file the editor corrected since its last import is never
overwritten: the new import is merged into it (see :mod:`teiedit.exchange.reimport`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lxml import etree

from teiedit.config import Settings
from teiedit.diagnostics import TeieditError
from teiedit.document import TEI_NS, local_name
from teiedit.exchange.checking import check
from teiedit.exchange.conflicts import find_conflicts
from teiedit.exchange.import_manifest import (
    MANIFEST,
    NameAssigner,
    load_manifest,
    manifest_text,
)
from teiedit.exchange.import_read import input_files, read_input
from teiedit.exchange.import_report import ImportedFile, ImportReport
from teiedit.exchange.reimport import store
from teiedit.io import parse_xml_bytes, write_text_atomic
from teiedit.lock import folder_lock
from teiedit.registers import Entry, entries_in, load_registers


def import_files(
    paths: list[Path],
    edition: Settings,
    *,
    tei_all: Path | None = None,
    own_rng: Path | None = None,
    include_root: Path | None = None,
    trust_schematron: bool = False,
) -> ImportReport:
    """Import TEI files and folders into ``edition``; see the module docstring."""
    with folder_lock(edition.tei):  # never beside a build or another import of the same edition
        return _import_files(
            paths,
            edition,
            tei_all=tei_all,
            own_rng=own_rng,
            include_root=include_root,
            trust_schematron=trust_schematron,
        )


def _import_files(
    paths: list[Path],
    edition: Settings,
    *,
    tei_all: Path | None,
    own_rng: Path | None,
    include_root: Path | None,
    trust_schematron: bool,
) -> ImportReport:
    from teiedit.resources import schema_dir

    if tei_all is not None and not Path(tei_all).is_file():
        raise TeieditError(
            "the tei_all schema given with --tei-all does not exist",
            tei_all,
            hint="give the path of tei_all.rng",
        )
    own = own_rng or (
        edition.rng if edition.rng.is_file() else schema_dir() / "build" / "teiedit.rng"
    )
    target = edition.imported
    inputs = input_files(paths, include_root)
    earlier = load_manifest(target)
    names = NameAssigner(earlier, target)
    # One file at a time: read, check, store, then let its tree go. Only small facts cross files:
    # each file's outcome, what its XIncludes pulled in, and its register entries (without elements).
    items: list[ImportedFile] = []
    included: dict[Path, Path] = {}
    batch_entries: list[Entry] = []
    for source, root in inputs:
        item = read_input(source, root)
        items.append(item)
        for inc in item.xinclude:
            included.setdefault(inc, item.source)
        names.name(item)
        if item.tree is not None:
            batch_entries.extend(
                _check_and_store(
                    item,
                    target,
                    earlier,
                    own_rng=own,
                    tei_all=tei_all,
                    trust_schematron=trust_schematron,
                )
            )
        item.tree, item.data = None, b""
    # a fragment's fate depends on every file read: is it included by one of them?
    for item in items:
        if item.fragment:
            if item.source in included:
                item.status = "included"
                item.reason = (
                    f"a <{item.fragment}> fragment, included into {included[item.source].name}"
                )
            else:
                item.status, item.line = "refused", 0
                item.reason = (
                    f"the root element <{item.fragment}> is a TEI fragment, not a document "
                    "(it is meant to be included by another file)"
                )
                item.hint = (
                    "import the file that includes it (with its folder), or wrap it in <TEI>"
                )
    names_now = {i.name for i in items if i.name}
    older_entries: list[Entry] = []
    for name in earlier:
        if name not in names_now and (target / name).is_file():
            try:
                older_entries.extend(
                    _detached(
                        entries_in(
                            parse_xml_bytes((target / name).read_bytes(), target / name).getroot(),
                            str(target / name),
                        )
                    )
                )
            except TeieditError:
                continue
    entries = load_registers(edition).all + older_entries + batch_entries
    report = ImportReport(files=items, conflicts=find_conflicts(entries), target_dir=target)
    if any(i.name for i in items):
        now = {item.name: item for item in items if item.name}
        about = (
            "Files imported by `teiedit import`: where each came from (source, sha256), how it is "
            "stored (a byte-identical copy, or with its XIncludes resolved), the schema it was "
            "checked against and the problems found; then register entries that look like one "
            "person, place or organisation under several ids across the edition."
        )
        files = (
            now[n].to_json(target) if n in now else earlier[n] for n in sorted({*earlier, *now})
        )
        conflicts = [c.to_json() for c in report.conflicts]
        write_text_atomic(target / MANIFEST, manifest_text(about, files, conflicts))
    return report


def _check_and_store(
    item: ImportedFile,
    target: Path,
    earlier: dict[str, dict[str, object]],
    *,
    own_rng: Path,
    tei_all: Path | None,
    trust_schematron: bool,
) -> list[Entry]:
    """Check one read file, store it (complete or not at all) and return its register entries."""
    assert item.tree is not None
    checked = check(
        item.tree, item.source, own_rng=own_rng, tei_all=tei_all, trust_schematron=trust_schematron
    )
    item.schema, item.schema_reason, item.problems = (
        str(checked.schema),
        checked.reason,
        checked.problems,
    )
    found = entries_in(item.tree.getroot(), str(target / item.name))
    item.role = _role(item.tree.getroot(), found)
    stored = item.data
    if item.xinclude or item.fallbacks or item.upgraded:
        stored = etree.tostring(item.tree, xml_declaration=True, encoding="UTF-8")
        done = [*item.upgraded]
        if item.xinclude or item.fallbacks:
            done.append(
                f"XIncludes resolved ({len(item.xinclude)} files, {len(item.fallbacks)} fallbacks)"
            )
        item.reason = "; ".join(done)
    store(item, target, stored, earlier.get(item.name))  # never over the editor's corrections
    return _detached(found)


def _detached(entries: list[Entry]) -> list[Entry]:
    """The entries as the conflict report needs them: kind, id, names, identifiers, file and line.

    Without its element (an element keeps its whole parsed file in memory) and without the name forms
    and description that only building and the entities pass read.
    """
    return [replace(e, element=None, variants=(), description="") for e in entries]


def _role(root: etree._Element, entries: list[Entry]) -> str:
    """What the file is, for the report: cmif, letter, register, corpus or document."""
    descs = root.findall(f".//{{{TEI_NS}}}correspDesc")
    if (
        len(descs) > 1
        and root.find(f"{{{TEI_NS}}}teiHeader/{{{TEI_NS}}}profileDesc/{{{TEI_NS}}}correspDesc")
        is not None
    ):
        return "cmif"
    if any(d.find(f"{{{TEI_NS}}}correspAction") is not None for d in descs):
        return "letter"
    # (A document's own people in its header, such as a transcript's speakers in particDesc, make no
    # register of it: only lists of entries in its text or standOff do.)
    listed = root.xpath(
        "//tei:text//*[starts-with(local-name(), 'list')] | //tei:standOff//*[starts-with(local-name(), 'list')]",
        namespaces={"tei": TEI_NS},
    )
    if entries and listed:
        prose = sum(
            len(t.strip())
            for t in root.xpath(
                "//tei:text//text()[not(ancestor::tei:person or ancestor::tei:place or ancestor::tei:org"
                " or ancestor::tei:event or ancestor::tei:note or ancestor::tei:bibl or ancestor::tei:head"
                " or ancestor::tei:listPerson or ancestor::tei:listPlace or ancestor::tei:listOrg)]",
                namespaces={"tei": TEI_NS},
            )
        )
        if prose < 200:
            return "register"
    return "corpus" if local_name(root) == "teiCorpus" else "document"
