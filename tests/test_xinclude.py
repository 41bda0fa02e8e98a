"""The one XInclude resolver (teiedit.xinclude), under both policies, on the same inputs.

OnRefusal.REPORT (validation) turns a refused include into an error Diagnostic and goes on; OnRefusal.STOP
(import) raises TeieditError at the first refusal. Both must say the same thing about the same include:
the file, the line, what is wrong and what to do.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teiedit.diagnostics import Level, TeieditError
from teiedit.exchange.xinclude import resolve_xincludes as import_resolve
from teiedit.io import read_xml
from teiedit.validate import resolve_xincludes as validate_resolve
from teiedit.xinclude import MAX_DEPTH, IncludeRoot, OnRefusal, XIncludeResult, resolve

TEI_NS = "http://www.tei-c.org/ns/1.0"
XI = 'xmlns:xi="http://www.w3.org/2001/XInclude"'


def _main(folder: Path, *body_lines: str) -> Path:
    """A TEI document whose body holds ``body_lines``, one a line: body line i is file line 3 + i."""
    main = folder / "main.xml"
    main.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<TEI xmlns="{TEI_NS}" {XI}><teiHeader/>\n'
        "<text><body>\n" + "\n".join(body_lines) + "\n</body></text></TEI>\n",
        encoding="utf-8",
    )
    return main


def _div(body: str) -> str:
    return f'<div xmlns="{TEI_NS}" {XI}>{body}</div>'


def _body_text(tree: etree._ElementTree) -> str:
    body = tree.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
    assert body is not None
    return " ".join("".join(body.itertext()).split())


def _scope(folder: Path) -> IncludeRoot:
    return IncludeRoot(folder=folder, name="the test folder", hint="keep it in the test folder")


def _run(
    main: Path, policy: OnRefusal, folder: Path | None = None
) -> tuple[etree._ElementTree, XIncludeResult]:
    tree = read_xml(main)
    return tree, resolve(tree, main, _scope(folder or main.parent), policy=policy)


# -- the same refused inputs under both policies ----------------------------------------------------------
# (body lines of main.xml, the files beside it, the message words, the hint words, body text once resolved)
REFUSALS = {
    "missing": (
        ["<p>before</p>", '<xi:include href="gone.xml"/>', "<p>after</p>"],
        {},
        "includes 'gone.xml', which is missing (no such file)",
        "add an xi:fallback",
    ),
    "outside": (
        ["<p>before</p>", '<xi:include href="../secret.xml"/>', "<p>after</p>"],
        {"../secret.xml": _div("<p>secret</p>")},
        "includes '../secret.xml', which lies outside the test folder",
        "keep it in the test folder",
    ),
    "url": (
        ["<p>before</p>", '<xi:include href="http://127.0.0.1:9/evil.xml"/>', "<p>after</p>"],
        {},
        "includes 'http://127.0.0.1:9/evil.xml', which is not a local file: teiedit never fetches",
        "give a relative href",
    ),
    "file-url": (
        ["<p>before</p>", '<xi:include href="file:///etc/hostname" parse="text"/>', "<p>after</p>"],
        {},
        "includes 'file:///etc/hostname', which is not a local file",
        "give a relative href",
    ),
    "cycle": (
        ["<p>before</p>", '<xi:include href="loop.xml"/>', "<p>after</p>"],
        {"loop.xml": _div('<p>loop</p><xi:include href="main.xml"/>')},
        "includes 'main.xml', which is already being included (main.xml -> loop.xml -> main.xml): a cycle",
        "remove the circular xi:include",
    ),
}


RULES = {
    "missing": "missing",
    "outside": "outside",
    "url": "remote",
    "file-url": "remote",
    "cycle": "cycle",
}


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_refused_include_stops_the_import_policy(tmp_path: Path, case: str) -> None:
    lines, files, words, hint = REFUSALS[case]
    folder = tmp_path / "set"
    folder.mkdir()
    _write(folder, files)
    main = _main(folder, *lines)
    with pytest.raises(TeieditError) as caught:
        _run(main, OnRefusal.STOP)
    diag = caught.value.diagnostic
    assert words in diag.message and hint in diag.suggestion
    assert (diag.origin, diag.rule) == ("xinclude", f"xinclude/{RULES[case]}")
    in_loop = case == "cycle"  # the cycle is closed by the include in loop.xml, line 1
    assert (Path(diag.path).name, diag.line) == (("loop.xml", 1) if in_loop else ("main.xml", 5))
    assert diag.level is Level.FATAL


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_refused_include_is_reported_and_resolution_goes_on(tmp_path: Path, case: str) -> None:
    lines, files, words, hint = REFUSALS[case]
    folder = tmp_path / "set"
    folder.mkdir()
    _write(folder, files)
    main = _main(
        folder, *lines, '<xi:include href="good.xml"/>'
    )  # an include after the refused one
    (folder / "good.xml").write_text(_div("<p>good</p>"), encoding="utf-8")
    tree, result = _run(main, OnRefusal.REPORT)
    (diag,) = result.diagnostics
    assert words in diag.message and hint in diag.suggestion
    assert (diag.level, diag.origin, diag.rule) == (
        Level.ERROR,
        "xinclude",
        f"xinclude/{RULES[case]}",
    )
    in_loop = case == "cycle"
    assert (Path(diag.path).name, diag.line) == (("loop.xml", 1) if in_loop else ("main.xml", 5))
    # the refused include is gone (nothing takes its place), the one after it is resolved
    expected = "before loop after good" if in_loop else "before after good"
    assert _body_text(tree) == expected
    assert not tree.xpath("//xi:include", namespaces={"xi": "http://www.w3.org/2001/XInclude"})
    assert (folder / "good.xml").resolve() in result.included
    assert "secret" not in etree.tostring(tree, encoding="unicode")


# -- the same accepted inputs under both policies ---------------------------------------------------------
@pytest.mark.parametrize("policy", list(OnRefusal))
def test_fallback_replaces_a_missing_target(tmp_path: Path, policy: OnRefusal) -> None:
    main = _main(
        tmp_path,
        '<p>A <xi:include href="gone.xml"><xi:fallback>lost <hi>part</hi></xi:fallback>'
        "</xi:include> here.</p>",
    )
    tree, result = _run(main, policy)
    assert _body_text(tree) == "A lost part here."
    hi = tree.find(f".//{{{TEI_NS}}}hi")
    assert hi is not None and hi.tail == " here."
    assert result.fallbacks == ["gone.xml"] and result.included == []
    if policy is OnRefusal.REPORT:  # validation says which fallback was used, as information only
        (note,) = result.diagnostics
        assert (
            note.level is Level.INFO
            and "gone.xml" in note.message
            and "xi:fallback is used" in note.message
        )
        assert note.line == 4
    else:
        assert result.diagnostics == []


@pytest.mark.parametrize("policy", list(OnRefusal))
def test_text_include_keeps_the_surrounding_text(tmp_path: Path, policy: OnRefusal) -> None:
    (tmp_path / "quote.txt").write_bytes("\ufeffTo be & <not> to be".encode())
    (tmp_path / "latin.txt").write_bytes("Café".encode("latin-1"))
    main = _main(
        tmp_path,
        '<p>He said: <xi:include href="quote.txt" parse="text"/>, then '
        '<xi:include href="latin.txt" parse="text" encoding="iso-8859-1"/>.</p>',
    )
    tree, result = _run(main, policy)
    p = tree.find(f".//{{{TEI_NS}}}p")
    assert p is not None and len(p) == 0  # text only: the markup-like characters stay characters
    assert p.text == "He said: To be & <not> to be, then Café."
    assert result.included == [
        (tmp_path / "quote.txt").resolve(),
        (tmp_path / "latin.txt").resolve(),
    ]
    assert result.diagnostics == []


@pytest.mark.parametrize("policy", list(OnRefusal))
def test_pointers_nested_includes_and_unused_fallbacks(tmp_path: Path, policy: OnRefusal) -> None:
    parts = tmp_path / "parts"
    parts.mkdir()
    # nested.xml is found relative to the file that includes it (parts/), not to main.xml
    (parts / "chapter.xml").write_text(
        _div('<head>One</head><xi:include href="nested.xml"/>'), encoding="utf-8"
    )
    (parts / "nested.xml").write_text(f'<p xmlns="{TEI_NS}">nested</p>', encoding="utf-8")
    (parts / "ids.xml").write_text(
        _div('<p xml:id="a">A</p><p xml:id="b">B</p><p xml:id="c">C</p>'), encoding="utf-8"
    )
    main = _main(
        tmp_path,
        '<xi:include href="parts/chapter.xml"/>',
        '<xi:include href="parts/ids.xml" xpointer="b"/>',
        '<xi:include href="parts/ids.xml" xpointer="element(c)"/>',
        '<xi:include href="parts/ids.xml#a"/>',
        # a fallback that is not used: the include inside it must never be looked at
        '<xi:include href="parts/nested.xml"><xi:fallback><xi:include href="http://x/"/></xi:fallback>'
        "</xi:include>",
    )
    tree, result = _run(main, policy)
    body = tree.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
    assert body is not None
    assert [(etree.QName(c).localname, "".join(c.itertext())) for c in body] == [
        ("div", "Onenested"),
        ("p", "B"),
        ("p", "C"),
        ("p", "A"),
        ("p", "nested"),
    ]
    assert result.diagnostics == [] and result.fallbacks == []
    assert [p.name for p in result.included] == [
        "chapter.xml",
        "nested.xml",
        "ids.xml",
        "ids.xml",
        "ids.xml",
        "nested.xml",
    ]


# -- more refusals, each asserted under both policies ----------------------------------------------------
MORE = {
    "unknown pointer": (
        {"ids.xml": _div('<p xml:id="a">A</p>')},
        '<xi:include href="ids.xml" xpointer="zz"/>',
        "with the XPointer 'zz', which finds no element",
        'has xml:id="zz"',
    ),
    "xpath pointer": (
        {"ids.xml": _div('<p xml:id="a">A</p>')},
        '<xi:include href="ids.xml" xpointer="xpointer(//p)"/>',
        "is not supported (only ids)",
        'xpointer="the-id"',
    ),
    "fragment and pointer": (
        {"ids.xml": _div('<p xml:id="a">A</p>')},
        '<xi:include href="ids.xml#a" xpointer="a"/>',
        "with both a #fragment and an xpointer",
        "keep one",
    ),
    "no href": (
        {},
        "<xi:include/>",
        "an xi:include without href",
        "give the included file in @href",
    ),
    "unknown parse": (
        {"t.txt": "x"},
        '<xi:include href="t.txt" parse="html"/>',
        "parse='html', which XInclude does not define",
        'parse="text"',
    ),
    "bad encoding": (
        {"t.txt": "x"},
        '<xi:include href="t.txt" parse="text" encoding="no-such-codec"/>',
        "encoding='no-such-codec', which is not a known encoding",
        "UTF-8",
    ),
    "a folder": (
        {"sub/x.xml": "<x/>"},
        '<xi:include href="sub"/>',
        "which is a folder, not a file",
        "xi:fallback",
    ),
}


@pytest.mark.parametrize("case", sorted(MORE))
def test_other_refusals_read_the_same_under_both_policies(tmp_path: Path, case: str) -> None:
    files, line, words, hint = MORE[case]
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    main = _main(tmp_path, "<p>kept</p>", line)
    with pytest.raises(TeieditError) as caught:
        _run(main, OnRefusal.STOP)
    stopped = caught.value.diagnostic
    tree, result = _run(main, OnRefusal.REPORT)
    (reported,) = result.diagnostics
    for diag in (stopped, reported):
        assert words in diag.message and hint in diag.suggestion
        assert (Path(diag.path).name, diag.line) == ("main.xml", 5)
    assert (stopped.message, stopped.suggestion) == (reported.message, reported.suggestion)
    assert _body_text(tree) == "kept"


@pytest.mark.parametrize("policy", list(OnRefusal))
def test_hostile_included_files_go_through_the_safe_parser(
    tmp_path: Path, policy: OnRefusal
) -> None:
    """An included file may not smuggle in entities: it is parsed safely and refused, whatever the policy."""
    (tmp_path / "xxe.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE div [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<div xmlns="{TEI_NS}"><p>&x;</p></div>',
        encoding="utf-8",
    )
    (tmp_path / "lol.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE div [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<div xmlns="{TEI_NS}"><p>&b;</p></div>',
        encoding="utf-8",
    )
    (tmp_path / "broken.xml").write_text(
        f'<div xmlns="{TEI_NS}">\n<p>unclosed</div>', encoding="utf-8"
    )
    for name, words in [
        ("xxe.xml", "declares entities (x)"),
        ("lol.xml", "declares entities (a, b)"),
        ("broken.xml", "not well-formed XML"),
    ]:
        main = _main(tmp_path, "<p>kept</p>", f'<xi:include href="{name}"/>')
        if policy is OnRefusal.STOP:
            with pytest.raises(TeieditError) as caught:
                _run(main, policy)
            diags = [caught.value.diagnostic]
        else:
            tree, result = _run(main, policy)
            diags = result.diagnostics
            assert _body_text(tree) == "kept"
        (diag,) = diags
        assert words in diag.message and "included from main.xml, line 5" in diag.message, name
        assert Path(diag.path).name == name  # the problem is in the included file
        assert "root:" not in diag.message and "lollol" not in diag.message  # nothing was expanded


@pytest.mark.parametrize("policy", list(OnRefusal))
def test_symlink_out_of_the_folder_and_deep_chains(tmp_path: Path, policy: OnRefusal) -> None:
    (tmp_path / "outside.xml").write_text(_div("<p>secret</p>"), encoding="utf-8")
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "link.xml").symlink_to(tmp_path / "outside.xml")
    for i in range(1, MAX_DEPTH + 3):
        (folder / f"d{i}.xml").write_text(
            _div(f'<p>{i}</p><xi:include href="d{i + 1}.xml"/>'), encoding="utf-8"
        )
    (folder / f"d{MAX_DEPTH + 3}.xml").write_text(_div("<p>bottom</p>"), encoding="utf-8")
    for href, words, where in [
        ("link.xml", "a symbolic link that leads outside the test folder", "main.xml"),
        ("d1.xml", f"XIncludes nest deeper than {MAX_DEPTH} levels", f"d{MAX_DEPTH}.xml"),
    ]:
        main = _main(folder, f'<xi:include href="{href}"/>')
        if policy is OnRefusal.STOP:
            with pytest.raises(TeieditError) as caught:
                _run(main, policy)
            diag = caught.value.diagnostic
        else:
            tree, result = _run(main, policy)
            (diag,) = result.diagnostics
            text = _body_text(tree)
            assert "secret" not in text and "bottom" not in text
            if href == "d1.xml":  # everything down to the limit is included, the rest is dropped
                assert text == "".join(str(i) for i in range(1, MAX_DEPTH + 1))
        assert words in diag.message and Path(diag.path).name == where


def test_too_many_includes_stop_both_policies(tmp_path: Path) -> None:
    (tmp_path / "b1.xml").write_text(_div('<xi:include href="b2.xml"/>' * 30), encoding="utf-8")
    (tmp_path / "b2.xml").write_text(_div("<p>x</p>"), encoding="utf-8")
    main = _main(tmp_path, '<xi:include href="b1.xml"/>' * 30)
    for policy in OnRefusal:
        with pytest.raises(TeieditError, match="more than 500 XIncludes"):
            _run(main, policy)


# -- the two public entry points ---------------------------------------------------------------------------
def test_validation_entry_point_reports_against_the_document_folder(tmp_path: Path) -> None:
    folder = tmp_path / "doc"
    folder.mkdir()
    (tmp_path / "beside.xml").write_text(_div("<p>beside</p>"), encoding="utf-8")
    (folder / "part.xml").write_text(_div("<p>part</p>"), encoding="utf-8")
    main = _main(folder, '<xi:include href="part.xml"/>', '<xi:include href="../beside.xml"/>')
    tree = read_xml(main)
    (diag,) = validate_resolve(tree, main)
    assert "lies outside the document's folder" in diag.message
    assert "only files under the document's folder are included" in diag.message
    assert "move the included file into the document's folder" in diag.suggestion
    assert _body_text(tree) == "part"


def test_import_entry_point_stops_against_the_import_root(tmp_path: Path) -> None:
    folder = tmp_path / "doc"
    folder.mkdir()
    (tmp_path / "beside.xml").write_text(_div("<p>beside</p>"), encoding="utf-8")
    main = _main(folder, '<xi:include href="../beside.xml"/>')
    tree = read_xml(main)
    result = import_resolve(tree, main, tmp_path)  # the root is the parent folder: allowed
    assert _body_text(tree) == "beside" and result.changed
    with pytest.raises(TeieditError) as caught:
        import_resolve(read_xml(main), main, folder)
    assert "lies outside the folder being imported" in caught.value.diagnostic.message
    assert "--include-root" in caught.value.diagnostic.suggestion


def test_a_fallback_does_not_excuse_a_refused_include(tmp_path: Path) -> None:
    """Only a missing target falls back quietly; a remote href with a fallback is still refused."""
    main = _main(
        tmp_path,
        '<p>A <xi:include href="https://example.org/a.xml"><xi:fallback>local</xi:fallback>'
        "</xi:include> copy.</p>",
    )
    with pytest.raises(TeieditError, match="never fetches"):
        _run(main, OnRefusal.STOP)
    tree, result = _run(main, OnRefusal.REPORT)
    (diag,) = result.diagnostics
    assert diag.level is Level.ERROR and "never fetches" in diag.message and diag.line == 4
    assert _body_text(tree) == "A local copy."  # validation goes on with the fallback in place
    assert result.fallbacks == []
