"""This edition's print book, read from the paged HTML the print stylesheets make of tei/ (what WeasyPrint
lays out, page by page, in tests/test_pdf*.py): front matter in readers' prose, clean text, the index in
the registers' order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html

from teiedit.builders.pdf.plan import plan
from teiedit.config import load_settings
from teiedit.edition import Edition

pytestmark = pytest.mark.slow  # the XSLT of the whole edition

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def book() -> dict[str, str]:
    """The text of the book's parts: "front", "index" and one entry per chapter."""
    parts = plan(Edition.load(load_settings(REPO))).book
    assert parts is not None and parts.index is not None

    def text(page: str) -> str:
        """The page's text, blocks apart and inline elements run on ("[" + em + "]" stays one)."""
        doc = html.document_fromstring(page)
        for hidden in doc.xpath("//*[contains(concat(' ', @class, ' '), ' reading-original ')]"):
            hidden.drop_tree()  # print.css does not print the original side of a choice
        for block in doc.iter("p", "li", "dt", "dd", "h1", "h2", "h3", "section", "div", "span"):
            if block.tag != "span" or "block" in (block.get("class") or ""):
                block.tail = " " + (block.tail or "")
                block.text = " " + (block.text or "")
        return " ".join(doc.xpath("string(//main)").split())

    chapters = {c.id: text(c.html) for c in parts.chapters}
    assert len(chapters) >= 15
    return {"front": text(parts.front), "index": text(parts.index), **chapters}


def test_front_matter_speaks_to_readers(book: dict[str, str]) -> None:
    edition = load_settings(REPO)
    front = book["front"]
    for name in (
        edition.publisher,
        *(e.name for e in edition.editors),
    ):  # the settings may say anything
        front = front.replace(name, "")
    for pattern in (r"@\w", r"\[@", r'="', r"\w\.(txt|xml)\b", r"teiedit", r"\bsplit\b"):
        assert not re.search(pattern, front), (pattern, re.search(pattern, front))
    # the introduction the editors wrote (tei/front) comes first, after the contents
    assert (
        front.index("Contents")
        < front.index("Introduction This dossier")
        < front.index("Editorial conventions The")
    )
    # the compilation's parts in one sentence of its entry, not once per part
    assert front.count("of its parts are printed in this book") == 1
    assert "This document is part" not in front
    # archival citations of the sources, each with the chapter it is printed as
    assert "RGANI, Fond 5, Opis 28, Delo 410, Listy 22-25" in front
    assert "“Remarks on the Draft Statutes of the KWP” (5 March 1956)" in front


def test_conventions_show_each_sign_by_an_example_of_this_book(book: dict[str, str]) -> None:
    front = book["front"]
    conventions = front[
        front.index("Editorial conventions The documents") : front.index("Sources Archival")
    ]
    for example in (
        "[illegible surname]",
        "[sic]",
        "[damaged passage]",
        "[Central Committee]",
        "⸢",
    ):
        assert example in conventions, example
    assert conventions.count("(in “") >= 8  # each example names the document it comes from


def test_no_debris_or_markdown_marks_are_printed(book: dict[str, str]) -> None:
    chapters = " ".join(v for k, v in book.items() if k.startswith("doc-"))
    assert chapters.count("[damaged passage]") >= 3
    for debris in ("TJ/", ")-37(", "-170ha", "834sTJ", "1714Tm"):
        assert debris not in chapters, debris
    assert "**" not in chapters and "\\_" not in chapters


def test_index_follows_the_registers_sort_keys(book: dict[str, str]) -> None:
    persons = book["index"][: book["index"].index("Places")]
    at = {
        name: persons.find(name)
        for name in ("Bobylev", "Brezhnev, Leonid", "Bulganin, Nikolai", "Kim Il Sung")
    }
    assert -1 not in at.values(), at
    assert at["Bobylev"] < at["Brezhnev, Leonid"] < at["Bulganin, Nikolai"] < at["Kim Il Sung"]
    assert "Leonid Brezhnev" not in persons
    assert (
        "Li Sangjo, see Ri Sang-jo" in persons
    )  # the documents' spelling refers to the register's
    orgs = book["index"][book["index"].index("Organisations") :]
    party = orgs.index("Korean Workers' Party")
    assert orgs.index("KWP Central Committee", party) > party  # a sub-entry of its party
    assert "KWP, see Korean Workers' Party" in orgs
