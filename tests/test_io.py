"""io.py: decoding decisions, refusal of bad input, safe XML parsing, atomic writes."""

from __future__ import annotations

import codecs
import errno
import os
from pathlib import Path

import pytest

from teiedit.diagnostics import TeieditError
from teiedit.io import decode_source, parse_xml_bytes, read_text, read_xml, write_atomic
from teiedit.oserror import environment_error


@pytest.mark.parametrize(
    ("data", "text", "decision"),
    [
        ("Pyŏngyang".encode(), "Pyŏngyang", "decoded as UTF-8"),
        (codecs.BOM_UTF8 + "Pyŏngyang".encode(), "Pyŏngyang", "byte-order mark"),
        (codecs.BOM_UTF16_LE + "Pyŏngyang".encode("utf-16-le"), "Pyŏngyang", "UTF-16-LE"),
        (codecs.BOM_UTF16_BE + "Pyŏngyang".encode("utf-16-be"), "Pyŏngyang", "UTF-16-BE"),
        ("caf\u00e9 \u2019quoted\u2019".encode("cp1252"), "café ’quoted’", "Windows-1252"),
    ],
)
def test_decoding_records_the_decision(data: bytes, text: str, decision: str) -> None:
    decoded = decode_source(data)
    assert decoded.text == text
    assert decision in decoded.decision


@pytest.mark.parametrize(
    "data",
    [
        "Pyŏngyang".encode()
        + b" \xc3\x28 broken",  # UTF-8 with an invalid sequence: broken, not legacy
        b"abc \x80\x81\x82\x83\x84 def",  # bytes that are no plausible 8-bit text
        codecs.BOM_UTF8 + b"\xff\xfe\xfd",
    ],
)
def test_invalid_utf8_is_refused_with_line_and_hint(data: bytes) -> None:
    with pytest.raises(TeieditError) as info:
        decode_source(b"first line\n" + data, "bad.txt")
    assert "UTF-8" in str(info.value) or "utf-8" in str(info.value)
    assert info.value.diagnostic.suggestion


def test_crlf_is_normalised_and_recorded() -> None:
    decoded = decode_source(b"one\r\ntwo\r\n")
    assert decoded.text == "one\ntwo\n"
    assert decoded.newline == "\r\n"
    assert "normalised" in decoded.decision


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (codecs.BOM_UTF8 + b"  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(32)) * 50, "binary"),
    ],
)
def test_bad_input_is_refused_with_a_reason(data: bytes, words: str) -> None:
    with pytest.raises(TeieditError) as info:
        decode_source(data, "x.txt")
    assert words in str(info.value)
    assert info.value.diagnostic.path == "x.txt"


def test_read_text_on_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(TeieditError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(TeieditError, match="folder"):
        read_text(tmp_path)


def test_a_single_ten_megabyte_line_decodes(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 2_000_000, encoding="utf-8")
    assert len(read_text(big).text) == 10_000_000


def test_entity_expansion_bomb_is_not_expanded(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
        '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
        "<root>&lol4;</root>"
    )
    root = read_xml(bomb).getroot()
    assert "lollollol" not in "".join(root.itertext())


def test_external_entities_are_not_loaded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    doc = tmp_path / "xxe.xml"
    doc.write_text(
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]><r>&x;</r>'
    )
    root = read_xml(doc).getroot()
    assert "TOP-SECRET" not in "".join(root.itertext())


def test_xml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>\n<p>\n</TEI>\n")
    with pytest.raises(TeieditError) as info:
        read_xml(bad)
    assert info.value.diagnostic.line == 3
    assert "not well-formed" in str(info.value)


def test_write_atomic_leaves_no_partial_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.xml"
    target.write_bytes(b"old")

    class Boom(bytes):
        pass

    with pytest.raises(TypeError):
        write_atomic(target, object())  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xml"]


@pytest.mark.parametrize(("setting", "flushed"), [(None, 2), ("0", 2), ("1", 0)])
def test_writes_reach_the_disk_unless_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str | None, flushed: int
) -> None:
    """The file and the folder's renames are fsynced; TEIEDIT_NO_FSYNC=1 (the test run's) skips both."""
    from teiedit.io import fsync_dir

    if setting is None:
        monkeypatch.delenv("TEIEDIT_NO_FSYNC", raising=False)
    else:
        monkeypatch.setenv("TEIEDIT_NO_FSYNC", setting)
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    write_atomic(tmp_path / "a.txt", b"abc")
    fsync_dir(tmp_path)
    assert (tmp_path / "a.txt").read_bytes() == b"abc"
    assert len(synced) == flushed


def test_folders_expand_to_their_documents_without_hidden_ones(tmp_path: Path) -> None:
    """teiedit's bases (tei/.teiedit/base/) and pending conversions are no documents of the folder."""
    from teiedit.io import iter_xml_files

    for rel in ("a.xml", "sub/b.xml", ".teiedit/base/a.xml", ".pending/a.xml", "sub/.c.xml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("<x/>", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_xml_files([tmp_path])]
    assert found == ["a.xml", "sub/b.xml"]
    hidden = tmp_path / ".pending" / "a.xml"
    assert list(iter_xml_files([hidden])) == [hidden]  # a file named explicitly is always read


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_a_full_disk_names_the_file_written_not_the_file_read(tmp_path: Path, code: int) -> None:
    """A copy into a full (or read-only) folder: Python's sendfile copy names the source first."""
    read, written = tmp_path / "xslt" / "site.js", tmp_path / "out" / "js" / "site.js"
    error = environment_error(OSError(code, os.strerror(code), str(read), None, str(written)))
    assert error.diagnostic.path == str(written)
    assert str(read) not in str(error)
    # one path: that one
    alone = environment_error(OSError(code, os.strerror(code), str(written)))
    assert alone.diagnostic.path == str(written)
    # a file that cannot be read is named as it is, even when the error names a second path
    missing = environment_error(OSError(errno.ENOENT, "x", str(read), None, str(written)))
    assert missing.diagnostic.path == str(read)


@pytest.mark.parametrize(
    ("xml", "message", "hint"),
    [
        # HTML's named characters, as files exported from web forms carry them
        (
            b"<p>a&nbsp;b&mdash;c</p>",
            "Entity 'nbsp' not defined",
            "write the character itself (U+00A0) or &#160;",
        ),
        (b"<p>a&foo;</p>", "Entity 'foo' not defined", "the character itself or its number"),
        (b"<p>" + b"<hi>" * 2100 + b"</p>", "nested more than 2,048 levels deep", "never closed"),
        (b'<p xml:id="a b"/>', "is not an NCName", "an xml:id starts with a letter"),
        (b"<p><hi></p>", "Opening and ending tag mismatch", "an unclosed or misspelt tag"),
    ],
)
def test_syntax_errors_say_what_to_do(xml: bytes, message: str, hint: str) -> None:
    with pytest.raises(TeieditError) as caught:
        parse_xml_bytes(xml, "x.xml")
    found = caught.value.diagnostic
    assert message in found.message
    assert hint in found.suggestion
    assert found.line == 1
