"""Import TEI written by other projects into an edition, without altering it.

Each file is read safely, its XIncludes resolved (see :mod:`teiedit.exchange.xinclude`), checked
against the schema it declares when that is local (else tei_all when given, else teiedit's schema),
and stored in ``tei/imported/<safe-name>.xml``: byte for byte as it came, or — only when XIncludes had
to be resolved — as the resolved tree. ``tei/imported/manifest.json`` records where every file came
from, its checksums, the schema used and the problems found. Registers inside imported files stay
where they are (referenced, not merged); one person under two ids across the edition's registers and
the imported files is reported as a conflict.

Files that cannot be handled (not XML, not TEI, hostile, includes that escape the folder) are refused
with a reason; the others are still imported.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit.config import Edition
from teiedit.diagnostics import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Diagnostic, Level, TeieditError
from teiedit.document import TEI_NS, local_name
from teiedit.exchange.checking import check
from teiedit.exchange.entries import Entry, entries_in, load_register_files
from teiedit.exchange.xinclude import XIncludeResult, has_xincludes, resolve_xincludes
from teiedit.io import parse_xml_bytes, sha256_bytes, write_atomic, write_text_atomic

MANIFEST = "manifest.json"
MAX_BYTES = 64 * 1024 * 1024
DOCUMENT_ROOTS = ("TEI", "teiCorpus")


@dataclass
class ImportedFile:
    """The outcome for one input file."""

    source: Path
    status: str = ""  # imported | unchanged | included | refused
    name: str = ""  # file name in tei/imported
    reason: str = ""  # why refused / included / how stored
    hint: str = ""
    line: int = 0
    schema: str = ""
    schema_reason: str = ""
    problems: list[Diagnostic] = field(default_factory=list)
    xinclude: list[Path] = field(default_factory=list)
    fallbacks: list[str] = field(default_factory=list)
    role: str = ""
    source_sha256: str = ""
    stored_sha256: str = ""
    # working state, not reported
    data: bytes = b""
    tree: etree._ElementTree | None = None
    fragment: str = ""

    def to_json(self, target_dir: Path) -> dict[str, object]:
        return {
            "name": self.name,
            "file": str(target_dir / self.name) if self.name else "",
            "source": str(self.source),
            "status": self.status,
            "reason": self.reason,
            "role": self.role,
            "source_sha256": self.source_sha256,
            "stored_sha256": self.stored_sha256,
            "stored_as": "resolved XInclude"
            if self.xinclude or self.fallbacks
            else "byte-identical copy",
            "xinclude": [
                {"file": str(p), "sha256": sha256_bytes(p.read_bytes())} for p in self.xinclude
            ],
            "xinclude_fallbacks": self.fallbacks,
            "schema": self.schema,
            "schema_reason": self.schema_reason,
            "problems": [d.to_json() for d in self.problems],
        }


@dataclass
class Conflict:
    """Register entries that look like one thing under several ids, or one id for several things."""

    type: str  # same-authority | same-name | same-id
    kind: str
    key: str
    entries: list[Entry]

    def message(self) -> str:
        where = "; ".join(f"{e.id} ({e.name}) in {Path(e.file).name}" for e in self.entries[:6])
        more = f" and {len(self.entries) - 6} more" if len(self.entries) > 6 else ""
        what = {
            "same-authority": f"one {self.kind} under several ids (same authority identifier {self.key})",
            "same-name": f"possibly one {self.kind} under several ids (same name “{self.key}”)",
            "same-id": f"one id {self.key!r} used for different {self.kind}s (different authority identifiers)",
        }[self.type]
        return f"{what}: {where}{more}"

    def to_json(self) -> dict[str, object]:
        return {
            "type": self.type,
            "kind": self.kind,
            "key": self.key,
            "message": self.message(),
            "entries": [
                {"id": e.id, "name": e.name, "file": e.file, "line": e.line} for e in self.entries
            ],
        }


@dataclass
class ImportReport:
    files: list[ImportedFile]
    conflicts: list[Conflict]
    target_dir: Path

    @property
    def exit_code(self) -> int:
        if any(f.status == "refused" for f in self.files):
            return EXIT_ERROR
        if any(f.problems for f in self.files):
            return EXIT_FINDINGS
        return EXIT_OK

    def to_json(self) -> dict[str, object]:
        return {
            "files": [f.to_json(self.target_dir) for f in self.files],
            "conflicts": [c.to_json() for c in self.conflicts],
        }


# -- the steps ---------------------------------------------------------------------------------------


def _inputs(paths: list[Path], include_root: Path | None) -> list[tuple[Path, Path]]:
    """(file, folder its XIncludes may reach) for every input; folders are searched for *.xml."""
    out: list[tuple[Path, Path]] = []
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise TeieditError("no such file or folder", p, hint="check the path")
        if p.is_dir():
            root = (include_root or p).resolve()
            out.extend(
                (f.resolve(), root)
                for f in sorted(p.rglob("*.xml"))
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        else:
            out.append((p.resolve(), (include_root or p.parent).resolve()))
    seen: set[Path] = set()
    unique = []
    for f, r in out:
        if f not in seen:
            seen.add(f)
            unique.append((f, r))
    return unique


def _refuse(item: ImportedFile, exc: TeieditError) -> ImportedFile:
    d = exc.diagnostic
    item.status, item.reason, item.hint, item.line = "refused", d.message, d.suggestion, d.line
    return item


def _read(path: Path, root: Path) -> ImportedFile:
    """Parse and resolve one file; refusals come back as an ImportedFile with status 'refused'."""
    item = ImportedFile(source=path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise TeieditError(
                f"the file is larger than {MAX_BYTES // 2**20} MB",
                path,
                hint="split it into smaller TEI files",
            )
        data = path.read_bytes()
        item.data, item.source_sha256 = data, sha256_bytes(data)
        if not data.strip():
            raise TeieditError("the file is empty", path, hint="give a TEI XML file")
        tree = parse_xml_bytes(data, path)
        _refuse_entities(tree, path)
        root_el = tree.getroot()
        ns = etree.QName(root_el).namespace
        if ns != TEI_NS:
            shown = f"{{{ns}}}" if ns else "no namespace"
            raise TeieditError(
                f"the root element <{local_name(root_el)}> is not TEI ({shown})",
                path,
                line=root_el.sourceline or 0,
                hint=f'teiedit imports TEI documents: <TEI xmlns="{TEI_NS}"> or <teiCorpus>',
            )
        if local_name(root_el) not in DOCUMENT_ROOTS:
            item.fragment = local_name(root_el)
            return item
        if has_xincludes(root_el):
            result: XIncludeResult = resolve_xincludes(tree, path, root)
            item.xinclude, item.fallbacks = result.included, result.fallbacks
        item.tree = tree
    except TeieditError as exc:
        return _refuse(item, exc)
    except OSError as exc:
        return _refuse(item, TeieditError(f"cannot read the file: {exc.strerror}", path))
    except (etree.Error, ValueError, RecursionError) as exc:  # anything lxml refuses beyond syntax
        return _refuse(
            item,
            TeieditError(
                f"the file cannot be processed as XML ({type(exc).__name__}: {exc})",
                path,
                hint="check that it is a well-formed TEI XML file",
            ),
        )
    return item


def _refuse_entities(tree: etree._ElementTree, path: Path) -> None:
    """Entities are never expanded; a document that needs them would lose text, so it is refused."""
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        names = ", ".join(sorted(e.name for e in dtd.iterentities())[:5])
        raise TeieditError(
            f"the file declares its own entities ({names}) in a DOCTYPE; teiedit does not expand "
            "entities (a safety rule)",
            path,
            hint="replace the entities by the characters they stand for and remove the declarations",
        )
    for ent in tree.getroot().iter(etree.Entity):
        raise TeieditError(
            f"the file uses the entity {ent.text}, which teiedit does not expand",
            path,
            line=ent.sourceline or 0,
            hint="replace it by the character it stands for (e.g. &#160;)",
        )


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
    if entries:
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


def _safe_stem(path: Path) -> str:
    norm = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", norm.lower()).strip("-")[:80].strip("-")
    return slug if slug and slug[0].isalpha() else f"d-{slug or 'document'}"


def _load_manifest(target_dir: Path) -> dict[str, dict[str, object]]:
    """Earlier imports by name; a damaged manifest is an error (it must not be silently replaced)."""
    path = target_dir / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(e["name"]): e for e in data.get("files", []) if e.get("name")}
    except (ValueError, KeyError, AttributeError, TypeError):
        raise TeieditError(
            "the import manifest is damaged",
            path,
            hint="restore it from version control, or remove it to start afresh",
        ) from None


def _assign_names(
    items: list[ImportedFile], earlier: dict[str, dict[str, object]], target: Path
) -> None:
    by_source = {str(e.get("source")): n for n, e in earlier.items()}
    taken = (
        set(earlier) | {p.name for p in target.glob("*.xml")} if target.is_dir() else set(earlier)
    )
    for item in items:
        if item.tree is None:
            continue
        known = by_source.get(str(item.source))
        if known:
            item.name = known
            continue
        base = _safe_stem(item.source)
        name, i = f"{base}.xml", 2
        while name in taken:
            name, i = f"{base}-{i}.xml", i + 1
        taken.add(name)
        item.name = name


def find_conflicts(entries: list[Entry]) -> list[Conflict]:
    """Same authority identifier under different ids; same name under different ids; one id, two
    different authority identifiers. The same id with the same identity in several files is fine."""
    conflicts: list[Conflict] = []
    by_uri: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    by_name: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    by_id: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in entries:
        for _, uri in e.authority_uris():
            by_uri[(e.kind, uri)].append(e)
        if e.names:
            key = re.sub(r"[\W_]+", " ", e.names[0].casefold()).strip()
            if key:
                by_name[(e.kind, key)].append(e)
        by_id[(e.kind, e.id)].append(e)

    def distinct_ids(group: list[Entry]) -> list[Entry]:
        seen: dict[str, Entry] = {}
        for e in group:
            seen.setdefault(e.id, e)
        return list(seen.values())

    for (kind, uri), group in by_uri.items():
        ids = distinct_ids(group)
        if len(ids) > 1:
            conflicts.append(Conflict("same-authority", kind, uri, ids))
    flagged = {frozenset(e.id for e in c.entries) for c in conflicts}
    for (kind, _name), group in by_name.items():
        ids = distinct_ids(group)
        if len(ids) > 1 and frozenset(e.id for e in ids) not in flagged:
            conflicts.append(Conflict("same-name", kind, ids[0].name, ids))
    for (kind, ident), group in by_id.items():
        uri_sets = [frozenset(u for _, u in e.authority_uris()) for e in group]
        nonempty = {s for s in uri_sets if s}
        if len(nonempty) > 1 and not frozenset.intersection(*nonempty):
            firsts: dict[frozenset[str], Entry] = {}
            for e, s in zip(group, uri_sets, strict=True):
                if s:
                    firsts.setdefault(s, e)
            conflicts.append(Conflict("same-id", kind, ident, list(firsts.values())))
    return conflicts


def import_files(
    paths: list[Path],
    edition: Edition,
    *,
    tei_all: Path | None = None,
    own_rng: Path | None = None,
    include_root: Path | None = None,
) -> ImportReport:
    """Import TEI files and folders into ``edition``; see the module docstring."""
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
    items = [_read(f, r) for f, r in _inputs(paths, include_root)]
    included: dict[Path, Path] = {}
    for item in items:
        for inc in item.xinclude:
            included.setdefault(inc, item.source)
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
    earlier = _load_manifest(target)
    _assign_names(items, earlier, target)
    batch_entries: list[Entry] = []
    for item in items:
        if item.tree is None:
            continue
        checked = check(item.tree, item.source, own_rng=own, tei_all=tei_all)
        item.schema, item.schema_reason, item.problems = (
            str(checked.schema),
            checked.reason,
            checked.problems,
        )
        found = entries_in(item.tree.getroot(), str(target / item.name))
        batch_entries.extend(found)
        item.role = _role(item.tree.getroot(), found)
    # write: every file complete or not at all; the manifest last
    for item in items:
        if item.tree is None:
            continue
        stored = item.data
        if item.xinclude or item.fallbacks:
            stored = etree.tostring(item.tree, xml_declaration=True, encoding="UTF-8")
            item.reason = (
                f"XIncludes resolved ({len(item.xinclude)} files, {len(item.fallbacks)} fallbacks)"
            )
        item.stored_sha256 = sha256_bytes(stored)
        dest = target / item.name
        if dest.is_file() and dest.read_bytes() == stored:
            item.status = "unchanged"
        else:
            write_atomic(dest, stored)
            item.status = "imported"
    names_now = {i.name for i in items if i.name}
    older_entries: list[Entry] = []
    for name in earlier:
        if name not in names_now and (target / name).is_file():
            try:
                older_entries.extend(
                    entries_in(
                        parse_xml_bytes((target / name).read_bytes(), target / name).getroot(),
                        str(target / name),
                    )
                )
            except TeieditError:
                continue
    entries = load_register_files(edition.registers) + older_entries + batch_entries
    report = ImportReport(files=items, conflicts=find_conflicts(entries), target_dir=target)
    if any(i.name for i in items):
        manifest = dict(earlier)
        for item in items:
            if item.name:
                manifest[item.name] = item.to_json(target)
        doc = {
            "about": (
                "Files imported by `teiedit import`: where each came from (source, sha256), how it is "
                "stored (a byte-identical copy, or with its XIncludes resolved), the schema it was "
                "checked against and the problems found; then register entries that look like one "
                "person, place or organisation under several ids across the edition."
            ),
            "files": [manifest[n] for n in sorted(manifest)],
            "conflicts": [c.to_json() for c in report.conflicts],
        }
        write_text_atomic(target / MANIFEST, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return report


def report_lines(
    report: ImportReport, *, max_problems: int = 5, max_conflicts: int = 20
) -> list[Diagnostic]:
    """The report as diagnostics an editor reads top to bottom."""
    out: list[Diagnostic] = []
    for item in report.files:
        if item.status == "refused":
            out.append(
                Diagnostic(
                    message=f"not imported: {item.reason}",
                    path=str(item.source),
                    line=item.line,
                    level=Level.FATAL,
                    suggestion=item.hint,
                    origin="import",
                )
            )
            continue
        if item.status == "included":
            out.append(
                Diagnostic(
                    message=item.reason, path=str(item.source), level=Level.INFO, origin="import"
                )
            )
            continue
        verb = "imported as" if item.status == "imported" else "already imported, unchanged:"
        n = len(item.problems)
        summary = f"{verb} {report.target_dir.name}/{item.name} ({item.role}); "
        summary += f"{n} schema problem{'s' if n != 1 else ''}" if n else "valid"
        summary += f" (schema: {item.schema_reason})"
        if item.reason:
            summary += f"; {item.reason}"
        out.append(
            Diagnostic(message=summary, path=str(item.source), level=Level.INFO, origin="import")
        )
        for d in item.problems[:max_problems]:
            out.append(d)
        if n > max_problems:
            out.append(
                Diagnostic(
                    message=f"… and {n - max_problems} more (see the manifest)",
                    path=str(item.source),
                    level=Level.ERROR,
                    origin="import",
                )
            )
    for c in report.conflicts[:max_conflicts]:
        out.append(
            Diagnostic(
                message=c.message(),
                level=Level.WARNING,
                origin="registers",
                path=c.entries[0].file,
                line=c.entries[0].line,
            )
        )
    if len(report.conflicts) > max_conflicts:
        out.append(
            Diagnostic(
                message=f"… and {len(report.conflicts) - max_conflicts} more register "
                "conflicts (see the manifest)",
                level=Level.WARNING,
                origin="registers",
            )
        )
    return out
