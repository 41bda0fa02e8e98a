"""All file-system input and output: safe XML parsing, atomic writes, TEI serialisation (decoding text:
:mod:`teiedit.decode`)."""

from __future__ import annotations

import hashlib
import html.entities
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from lxml import etree

# Decoding text lives in teiedit.decode; these names stay importable from here.
from teiedit.decode import DecodedText as DecodedText
from teiedit.decode import decode_source as decode_source
from teiedit.decode import read_text as read_text
from teiedit.diagnostics import TeieditError
from teiedit.document import TEI_NS, TeiDocument
from teiedit.faults import checkpoint
from teiedit.oserror import environment_error

# -- reading XML --------------------------------------------------------------------------------------


def safe_parser(*, recover: bool = False) -> etree.XMLParser:
    """An lxml parser that never touches the network, never loads DTDs and never expands entities.

    ``huge_tree`` lifts libxml2's size limits so that large (legitimate) documents parse; entity
    expansion bombs are still defused because entities are not resolved at all.
    """
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=True,
        remove_blank_text=False,
        remove_comments=False,
        recover=recover,
    )


def parse_xml_bytes(data: bytes, path: str | Path = "") -> etree._ElementTree:
    """Parse XML bytes safely; a syntax error becomes a TeieditError with file and line."""
    try:
        root = etree.fromstring(data, safe_parser(), base_url=str(path) if path else None)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 0
        if _ENTITY_BOMB.search(str(exc.msg)):
            # libxml2 measures the expansion even when it does not resolve entities; the file is
            # well-formed, so "not well-formed" and a hint about tags would send the editor astray
            raise TeieditError(
                "the file declares entities that expand too far (nested entities that would grow "
                "into far more text than the file holds, as in a 'billion laughs' file); it was "
                "refused for safety",
                path,
                line=line,
                hint="replace the entities by the text they stand for and remove their declarations",
            ) from None
        message, hint = syntax_error_words(str(exc.msg))
        raise TeieditError(f"not well-formed XML: {message}", path, line=line, hint=hint) from None
    return etree.ElementTree(root)


_UNDEFINED_ENTITY = re.compile(r"Entity '([^']+)' not defined")
#: libxml2's words for an entity expansion it stopped (amplification limit, reference loop).
_ENTITY_BOMB = re.compile(r"entity amplification|entity reference loop", re.IGNORECASE)
_TOO_DEEP = re.compile(r"Excessive depth in document: (\d+)")


def syntax_error_words(message: str) -> tuple[str, str]:
    """libxml2's syntax error and what to do about it, for the mistakes files from elsewhere make."""
    found = _UNDEFINED_ENTITY.search(message)
    if found:
        # HTML's named characters (&nbsp; &mdash;) in a file exported from a web form or a word processor
        name = found.group(1)
        char = html.entities.html5.get(name + ";", "")
        written = (
            f"the character itself ({' '.join(f'U+{ord(c):04X}' for c in char)}) "
            f"or {''.join(f'&#{ord(c)};' for c in char)}"
            if char
            else "the character itself or its number (&#…;)"
        )
        return (
            message,
            f"XML knows no &{name}; (only &amp; &lt; &gt; &quot; &apos;): write {written} instead",
        )
    found = _TOO_DEEP.search(message)
    if found:
        return (
            f"elements are nested more than {int(found.group(1)):,} levels deep, more than teiedit reads",
            "the nesting is almost certainly a mistake (an element opened again and again and never "
            "closed): check the markup from that line on",
        )
    if "is not an NCName" in message:
        return (
            message,
            "an xml:id starts with a letter or _ and holds only letters, digits, '.', '-' and '_' "
            "(no spaces, colons or quotes): correct it and every pointer to it",
        )
    return message, "fix the markup at that line (an unclosed or misspelt tag is the usual cause)"


def read_xml(path: Path) -> etree._ElementTree:
    """Read and parse an XML file safely (see safe_parser)."""
    data = read_bytes(path)
    if not data.strip():
        raise TeieditError("the file is empty", path, hint="give a TEI XML file")
    return parse_xml_bytes(data, path)


def read_bytes(path: Path) -> bytes:
    """The bytes of a file, or a clear error."""
    path = Path(path)
    if not path.is_file():
        raise TeieditError(
            "no such file" if not path.exists() else "not a file", path, hint="check the path"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise TeieditError(f"cannot read the file: {exc.strerror}", path) from None


def entity_names(tree: etree._ElementTree) -> tuple[list[str], list[str]]:
    """The entities a document declares in its DOCTYPE, and those it uses (never expanded here)."""
    dtd = tree.docinfo.internalDTD
    declared = sorted(e.name for e in dtd.iterentities()) if dtd is not None else []
    used = sorted({str(e.name) for e in tree.getroot().iter(etree.Entity)})
    return declared, used


def refuse_entities(tree: etree._ElementTree, path: str | Path) -> None:
    """Entities are never expanded (a safety rule: no external files, no expansion bombs); a document
    that declares or uses them would lose text, so it is refused with that reason."""
    declared, used = entity_names(tree)
    if declared:
        raise TeieditError(
            f"the file declares its own entities ({', '.join(declared[:5])}) in a DOCTYPE; teiedit "
            "does not expand entities (a safety rule)",
            path,
            hint="replace the entities by the characters they stand for and remove the declarations",
        )
    if used:
        first = next(iter(tree.getroot().iter(etree.Entity)))
        raise TeieditError(
            f"the file uses the entity &{used[0]};, which teiedit does not expand",
            path,
            line=first.sourceline or 0,
            hint="replace it by the character it stands for (e.g. &#160;)",
        )


def read_tei(path: Path) -> TeiDocument:
    """Read a TEI file safely; refuse files whose root is not TEI or teiCorpus in the TEI namespace,
    and files that need entities expanded."""
    return tei_from_bytes(read_bytes(path), path)


def tei_from_bytes(data: bytes, path: Path) -> TeiDocument:
    """A TEI document from the bytes of ``path`` (see read_tei)."""
    if not data.strip():
        raise TeieditError("the file is empty", path, hint="give a TEI XML file")
    tree = parse_xml_bytes(data, path)
    refuse_entities(tree, path)
    root = tree.getroot()
    if etree.QName(root).namespace != TEI_NS:
        raise TeieditError(
            f"the root element <{etree.QName(root).localname}> is not in the TEI namespace",
            path,
            line=root.sourceline or 0,
            hint=f'TEI files start with <TEI xmlns="{TEI_NS}">',
        )
    return TeiDocument(tree=tree, name=Path(path).stem, origin=Path(path))


def iter_xml_files(paths: list[Path]) -> Iterator[Path]:
    """Expand files and folders (recursively, *.xml) in a stable order; missing paths raise.

    Hidden files and folders inside a folder (teiedit's own ``.teiedit/`` with its bases, ``.pending/``,
    version control) are not the folder's documents and are left out.
    """
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise TeieditError("no such file or folder", p, hint="check the path")
        if p.is_dir():
            yield from sorted(
                q
                for q in p.rglob("*.xml")
                if q.is_file() and not any(part.startswith(".") for part in q.relative_to(p).parts)
            )
        else:
            yield p


# -- writing ------------------------------------------------------------------------------------------


def output_path(folder: Path, name: str | Path) -> Path:
    """``folder / name``, refused unless it lies inside ``folder`` once every link is followed.

    Every writer of the edition's files calls this with the folder it writes into (``tei/``,
    ``tei/imported/``, ``out/html/``, ``out/pdf/``): a name from a manifest (``../../x.xml``), an absolute
    name, or a symbolic link planted in the folder cannot make teiedit write anywhere else.
    """
    base = Path(folder).resolve()
    joined = base / name
    # the folders on the way are resolved (a linked folder is where the file lands); the file itself is
    # not: writing replaces a link planted there instead of writing through it
    target = joined.parent.resolve() / joined.name
    if joined.name in ("", ".", "..") or (target.parent != base and base not in target.parents):
        raise TeieditError(
            f"refusing to write {str(name)!r}: it would land outside {folder} ({target})",
            folder,
            hint="a file name in a manifest or a symbolic link in the folder points elsewhere; "
            "remove it",
        )
    return target


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes so that readers see the old file or the new one, never half of it.

    The bytes reach the disk (fsync) before the rename, and the rename before this returns, so a crash
    at any moment leaves the old or the new file (unless TEIEDIT_NO_FSYNC is set: see ``_to_disk``). A
    full disk, a read-only folder or a missing permission raises a TeieditError naming the path and what
    to do.
    """
    write_chunks_atomic(path, (data,))


def write_chunks_atomic(path: Path, chunks: Iterable[bytes]) -> None:
    """:func:`write_atomic` of the bytes ``chunks`` yields, one after the other: a large file made
    piece by piece is never whole in memory."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise environment_error(exc, path, "write the file") from None
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; published files must be readable
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            _to_disk(fh.fileno())
        checkpoint(f"write {path}")
        os.replace(tmp, path)
        checkpoint(f"wrote {path}")
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise environment_error(exc, path, "write the file") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_staged(path: Path, data: bytes) -> None:
    """Write a new file into a staging folder (teiedit/staging.py), on disk when this returns.

    No temporary name and rename as in :func:`write_atomic`: the staging folder is this build's own and
    its files reach their place by a rename of their own (``staged_dir``), so a half-written file is
    never seen there; a temporary file, a mode change and a rename per file cost a web edition more than
    the writing itself (six files a page).
    """
    path = Path(path)
    try:
        try:
            fh = open(path, "wb")  # noqa: SIM115  (closed below)
        except FileNotFoundError:  # its folder is made once, by the first file written into it
            path.parent.mkdir(parents=True, exist_ok=True)
            fh = open(path, "wb")  # noqa: SIM115
        with fh:
            fh.write(data)
            fh.flush()
            _to_disk(fh.fileno())
    except OSError as exc:
        raise environment_error(exc, path, "write the file") from None


def fsync_dir(folder: Path) -> None:
    """Make the renames in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        _to_disk(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _to_disk(fd: int) -> None:
    """fsync ``fd``, unless TEIEDIT_NO_FSYNC is set to anything but 0."""
    # For outputs that are thrown away (a test run, a CI job): each fsync costs a fraction of a
    # millisecond of CPU and milliseconds of waiting, and a web edition writes thousands of files. A
    # process that is killed loses nothing either way (the rename still comes after the write); only a
    # crash of the machine may then leave a file half written.
    if os.environ.get("TEIEDIT_NO_FSYNC", "0") in ("", "0"):
        os.fsync(fd)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_text_atomic(path: Path, text: str) -> None:
    write_atomic(path, text.encode("utf-8"))


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    return sha256_bytes(Path(path).read_bytes())
