"""All file-system input and output: text decoding, safe XML parsing, atomic writes, TEI serialisation."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiedit.diagnostics import TeieditError
from teiedit.document import TEI_NS, TeiDocument
from teiedit.faults import checkpoint
from teiedit.oserror import environment_error
from teiedit.text import Replaced, xml_safe

# -- reading text -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecodedText:
    """A source decoded to str, with the decision taken and the checksum of the raw bytes."""

    text: str
    encoding: str
    decision: str
    sha256: str
    newline: str  # "\n", "\r\n" or "\r": what the source used (the text itself is normalised to \n)
    #: Characters XML cannot hold, replaced by U+FFFD (see :mod:`teiedit.text`), with their places.
    replaced: tuple[Replaced, ...] = ()


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_source(data: bytes, path: str | Path = "") -> DecodedText:
    """Decode a plaintext source; refuse empty or binary input with a clear error.

    Order of evidence: a byte-order mark (UTF-8/16/32); strict UTF-8; then Windows-1252 when the bytes
    are plausible 8-bit text (see ``_decode_legacy``). The decision is returned so that the reader can
    record it in the TEI header.
    """
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise TeieditError(
            "the file is empty (or holds only white space)",
            path,
            hint="give a plaintext source with some text in it",
        )
    text: str | None = None
    decision = ""
    encoding = "UTF-8"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise TeieditError(
                    f"the file starts with a {enc} byte-order mark but is not valid {enc} "
                    f"(byte {exc.start})",
                    path,
                    hint="re-save the file in UTF-8",
                ) from None
            encoding = enc.upper().replace("-SIG", "")
            decision = f"decoded as {encoding} (byte-order mark found)"
            break
    if text is None:
        if b"\x00" in data:
            raise TeieditError(
                "the file looks binary (it contains NUL bytes), not plaintext",
                path,
                hint="convert it to a UTF-8 text file first (e.g. export as plain text)",
            )
        try:
            text = data.decode("utf-8")
            decision = "decoded as UTF-8"
        except UnicodeDecodeError as exc:
            text, decision = _decode_legacy(data, exc, path)
            encoding = "Windows-1252"
    if not text.strip():
        raise TeieditError(
            "the file is empty (or holds only white space)",
            path,
            hint="give a plaintext source with some text in it",
        )
    if _control_share(text) > 0.05:
        raise TeieditError(
            "the file looks binary (many control characters), not plaintext",
            path,
            hint="convert it to a UTF-8 text file first",
        )
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
    if newline != "\n":
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        decision += f"; line ends {newline!r} normalised to '\\n'"
    safe = xml_safe(text)
    if not safe.text.strip():
        raise TeieditError(
            "the file holds only page breaks and white space",
            path,
            hint="give a plaintext source with some text in it",
        )
    decision = "; ".join([decision, *safe.decisions()])
    return DecodedText(
        text=safe.text,
        encoding=encoding,
        decision=decision,
        sha256=sha,
        newline=newline,
        replaced=safe.replaced,
    )


#: Non-ASCII characters that legacy 8-bit English/European text plausibly contains besides letters.
_PLAUSIBLE_PUNCT = set("’‘“”–—…«»°§©®€£¥¢·•×÷±¶¼½¾¿¡ \u00a0")


def _decode_legacy(data: bytes, exc: UnicodeDecodeError, path: str | Path) -> tuple[str, str]:
    """Decode text that is not UTF-8 as Windows-1252 when it plausibly is, else refuse it.

    Broken UTF-8 (valid multi-byte sequences mixed with invalid bytes, as in a truncated or spliced
    capture) and bytes that decode only to control characters are refused: guessing would corrupt text.
    """
    line = data.count(b"\n", 0, exc.start) + 1
    if _has_utf8_multibyte(data):
        raise TeieditError(
            f"invalid UTF-8 at byte {exc.start} (the file mixes UTF-8 with other bytes)",
            path,
            line=line,
            hint="repair the encoding (e.g. re-save the file as UTF-8) and convert again",
        )
    if _looks_binary(data):
        raise TeieditError(
            "the file looks binary (many control bytes), not plaintext",
            path,
            hint="convert it to a UTF-8 text file first",
        )
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    high = [ch for ch in text if ord(ch) > 0x7F]
    plausible = bool(text) and all(ch.isalpha() or ch in _PLAUSIBLE_PUNCT for ch in high)
    if not plausible or len(high) > max(3, len(text) // 10):
        raise TeieditError(
            f"invalid UTF-8 at byte {exc.start}, and the bytes are not plausible Windows-1252/Latin-1 text",
            path,
            line=line,
            hint="save the file as UTF-8 and convert again",
        )
    return text, f"not valid UTF-8 (first bad byte at offset {exc.start}); decoded as Windows-1252"


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _has_utf8_multibyte(data: bytes) -> bool:
    return _UTF8_MULTIBYTE.search(data) is not None


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


def _control_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(
        1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or 0x7F <= ord(ch) < 0xA0
    )
    return bad / len(sample)


def read_text(path: Path) -> DecodedText:
    """Read and decode a plaintext source file."""
    path = Path(path)
    if not path.exists():
        raise TeieditError("no such file", path, hint="check the path")
    if path.is_dir():
        raise TeieditError(
            "this is a folder, not a file", path, hint="name the .txt files inside it"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TeieditError(f"cannot read the file: {exc.strerror}", path) from None
    return decode_source(data, path)


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
        raise TeieditError(
            f"not well-formed XML: {exc.msg}",
            path,
            line=line,
            hint="fix the markup at that line (an unclosed or misspelt tag is the usual cause)",
        ) from None
    return etree.ElementTree(root)


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
    at any moment leaves the old or the new file. A full disk, a read-only folder or a missing
    permission raises a TeieditError naming the path and what to do.
    """
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
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        checkpoint(f"write {path}")
        os.replace(tmp, path)
        checkpoint(f"wrote {path}")
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise environment_error(exc, path, "write the file") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fsync_dir(folder: Path) -> None:
    """Make the renames in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


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
