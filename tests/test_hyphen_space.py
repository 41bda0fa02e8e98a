"""Words split by a hyphen and a space inside a line (``inter- national``): joined, kept, suspended.

A PDF re-extraction that flattened a line break leaves the layout hyphen followed by a space. The repair
pass joins such a split where the joined form is a known word and the halves are not both more common
words; it keeps compounds, names (a capitalised right half) and suspended hyphens (``pre- and post-war``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import converted
from lxml import etree

from teiedit.config import default_settings
from teiedit.document import TeiDocument, xpath
from teiedit.repair.hyphenation import (
    METHOD_SPACE,
    find_hyphenation,
    join_spaced,
    join_split_words,
)
from teiedit.repair.model import english
from teiedit.transforms import PassContext, run_passes

Converted = tuple[etree._Element, dict[str, list[dict[str, object]]]]

SOURCE = """\
Report on the Talks of 12 Sept- ember 1956

The inter- national situation was discussed by the delegation. The repre- sentative of the ministry
spoke of the Soviet- Korean talks on pre- and post-war trade, of the 18th- and 19th-century treaties
and of a well- known plan.

The committee then turned to the ques- tion of the budget.
"""


@pytest.mark.parametrize(
    ("head", "tail", "joined"),
    [
        ("inter", "national", "international"),  # the left half a rare word, the joined one common
        ("repre", "sentative", "representative"),  # neither half a word
        ("Sept", "ember", "September"),
        ("SEPT", "EMBER", "SEPTEMBER"),  # a title set in capitals
        ("well", "known", None),  # a compound: both halves far more common than "wellknown"
        ("in", "depth", None),
        ("Soviet", "Korean", None),  # a capitalised right half: names
        ("pre", "and", None),  # a suspended hyphen
        ("mid", "to", None),
        ("Na", "ally", None),  # interleaved columns: the joined form is no word
    ],
)
def test_join_spaced_table(head: str, tail: str, joined: str | None) -> None:
    assert join_spaced(head, tail, english()) == joined


def test_join_split_words() -> None:
    title, joins = join_split_words(
        "Talks of 12 Sept- ember and of pre- and post-war trade", english()
    )
    assert title == "Talks of 12 September and of pre- and post-war trade"
    assert [(r.original, r.reading, r.start) for r in joins] == [("Sept- ember", "September", 12)]


@pytest.fixture(scope="module")
def conversion(tmp_path_factory: pytest.TempPathFactory) -> Converted:
    path: Path = tmp_path_factory.mktemp("hyphens") / "talks.txt"
    path.write_text(SOURCE, encoding="utf-8")
    _source, conv, _diags, records = converted(path)
    assert len(conv.documents) == 1
    return conv.documents[0].root, records


def test_tei_joined_kept_and_suspended(conversion: Converted) -> None:
    root, _records = conversion
    joined = [
        (
            "".join(xpath(c, "tei:sic")[0].itertext()),
            xpath(c, "tei:corr")[0].text,
            xpath(c, "tei:corr")[0].get("type"),
        )
        for c in xpath(root, "//tei:body//tei:choice")
    ]
    assert joined == [
        ("Sept- ember", "September", "hyphenation"),
        ("inter- national", "international", "hyphenation"),
        ("repre- sentative", "representative", "hyphenation"),
        ("ques- tion", "question", "hyphenation"),
    ]
    body = " ".join("".join(p.itertext()) for p in xpath(root, "//tei:body//tei:p"))
    for kept in ("Soviet- Korean", "pre- and post-war", "18th- and 19th-century", "well- known"):
        assert kept in body, kept
    # the header's title is one line of text: written joined
    titles = xpath(root, "tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type='main']")
    assert [t.text for t in titles] == ["Report on the Talks of 12 September 1956"]
    # the reader reads the date of the title with its month joined
    dates = xpath(root, "tei:teiHeader/tei:profileDesc/tei:creation/tei:date")
    assert [d.get("when") for d in dates] == ["1956-09-12"]
    correction = xpath(root, "tei:teiHeader//tei:editorialDecl/tei:correction/tei:p")
    assert len(correction) == 1 and "inter- national" in (correction[0].text or "")


def test_joins_recorded_for_the_report(conversion: Converted) -> None:
    _root, records = conversion
    joins = [r for r in records["repair"] if r["method"] == METHOD_SPACE]
    assert [(r["original"], r["reading"], r.get("where")) for r in joins] == [
        ("Sept- ember", "September", None),
        ("inter- national", "international", None),
        ("repre- sentative", "representative", None),
        ("ques- tion", "question", None),
        ("Sept- ember", "September", "teiHeader title"),
    ]
    assert {r["type"] for r in joins} == {"hyphenation"}


HEADER_CASE = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title type="main">Talks of Sept- ember</title></titleStmt><publicationStmt><p>test</p></publicationStmt>
<sourceDesc><bibl>Record, unnu- mbered page</bibl></sourceDesc></fileDesc><profileDesc><abstract>
<p>How the war was und- erstood, pre- and post-war</p></abstract></profileDesc></teiHeader>
<text><body><p>Clean text.</p></body></text></TEI>"""


def test_header_copies_joined_in_place() -> None:
    """The header's title, citation and abstract copy the source: their split words are written joined."""
    doc = TeiDocument(tree=etree.ElementTree(etree.fromstring(HEADER_CASE)), name="case")
    ctx = PassContext(settings=default_settings(Path(__file__).parent), options={})
    assert not run_passes(doc, ctx, strict=True, only=["repair"])
    header = xpath(doc.root, "tei:teiHeader")[0]
    table = [
        (path, " ".join("".join(xpath(header, path)[0].itertext()).split()))
        for path in (
            "tei:fileDesc/tei:titleStmt/tei:title",
            "tei:fileDesc/tei:sourceDesc/tei:bibl",
            "tei:profileDesc/tei:abstract/tei:p",
        )
    ]
    assert table == [
        ("tei:fileDesc/tei:titleStmt/tei:title", "Talks of September"),
        ("tei:fileDesc/tei:sourceDesc/tei:bibl", "Record, unnumbered page"),
        ("tei:profileDesc/tei:abstract/tei:p", "How the war was understood, pre- and post-war"),
    ]
    assert not xpath(header, ".//tei:choice")
    assert [(r["original"], r["where"]) for r in ctx.records["repair"]] == [
        ("Sept- ember", "teiHeader title"),
        ("unnu- mbered", "teiHeader sourceDesc"),
        ("und- erstood", "teiHeader abstract"),
    ]


def test_line_end_split_in_capitals_joined() -> None:
    """A line set in capitals breaks its words like any other; a compound of names stays."""
    text = "PEACE NEGOTIAT-\nIONS IN VIETNAM, the SOVIET-\nKOREAN and Soviet-\nKorean talks"
    found = [(r.original, r.reading) for r in find_hyphenation(text, english())]
    assert found == [("NEGOTIAT-\nIONS", "NEGOTIATIONS")]


def test_other_hyphens_and_spaces() -> None:
    """A soft hyphen kept as a character, the Unicode hyphen and a no-break space split words too."""
    text = "the inter\u00ad national, inter\u2010\nnational and con-\u00a0ditions, pre\u2010 and post-war"
    found = [(r.original, r.reading) for r in find_hyphenation(text, english())]
    assert found == [
        ("inter\u2010\nnational", "international"),
        ("inter\u00ad national", "international"),
        ("con-\u00a0ditions", "conditions"),
    ]
