"""Decoding plaintext sources: byte-order marks, strict UTF-8, a legacy single-byte fallback, and refusal
of empty or binary input, with the decision and the raw bytes' checksum kept for the report."""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from teiedit.diagnostics import TeieditError
from teiedit.text import Replaced, xml_safe


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
