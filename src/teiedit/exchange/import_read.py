"""Reading the files given to ``teiedit import``: safely, TEI documents only, XIncludes resolved."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiedit.diagnostics import TeieditError
from teiedit.document import TEI_NS, local_name
from teiedit.exchange.import_report import ImportedFile
from teiedit.exchange.upgrade import expand_internal_entities, is_p4, upgrade_p4
from teiedit.exchange.xinclude import XIncludeResult, has_xincludes, resolve_xincludes
from teiedit.io import parse_xml_bytes, refuse_entities, sha256_bytes

MAX_BYTES = 64 * 1024 * 1024
DOCUMENT_ROOTS = ("TEI", "teiCorpus")


def input_files(paths: list[Path], include_root: Path | None) -> list[tuple[Path, Path]]:
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
    reason = f"{d.message} [rule {d.rule}]" if d.rule else d.message
    item.status, item.reason, item.hint, item.line = "refused", reason, d.suggestion, d.line
    return item


def read_input(path: Path, root: Path) -> ImportedFile:
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
        expanded = expand_internal_entities(data, tree, path)
        if expanded is not None:
            tree = parse_xml_bytes(expanded, path)
            item.upgraded.append("its DOCTYPE's entities expanded")
        refuse_entities(tree, path)
        root_el = tree.getroot()
        if is_p4(root_el):
            tree = upgrade_p4(root_el, path)
            root_el = tree.getroot()
            item.upgraded.append("converted from TEI P4 to P5")
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
