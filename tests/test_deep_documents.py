"""A deeply nested document from elsewhere (well-formed, up to the 2,048 levels io.py parses) keeps all its
text in every stage: Saxon reads it, the search records and plain text walk it, print's HTML parser keeps it.
A long one full of characters that XML writes as references is read by Saxon too."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiedit.builders.pdf.parts import parse_html
from teiedit.builders.search_records import document_blocks
from teiedit.summary import Summary
from teiedit.xslt import transform

TEI_NS = "http://www.tei-c.org/ns/1.0"


def _deep_tei(depth: int) -> etree._Element:
    inner = "core"
    for level in range(depth):
        inner = f'<hi rend="italic">{level} {inner}</hi>'
    return etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body><p>{inner}</p><p>after</p></body></text></TEI>',
        etree.XMLParser(huge_tree=True),
    )


def test_saxon_reads_a_document_nested_deeper_than_the_jdk_default(tmp_path: Path) -> None:
    # the JDK's parser stops at 100 levels unless told otherwise
    stylesheet = tmp_path / "count.xsl"
    stylesheet.write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:output method="text"/><xsl:template match="/">'
        '<xsl:value-of select="max(//*/count(ancestor::*)), //*:p[last()]" separator=" "/>'
        "</xsl:template></xsl:stylesheet>"
    )
    assert transform(stylesheet, _deep_tei(300)).output == "303 after"


def test_saxon_reads_a_document_with_more_escaped_characters_than_the_jdk_default(
    tmp_path: Path,
) -> None:
    # The JDK's parser counts every '&amp;', '&lt;', '&quot;' of the text Saxon is given and stopped at
    # 100,000 of them ("JAXP00010003 ... [xml]"): a register's entity pages, with their JSON-LD in
    # attributes, reached that on the shared corpus of other projects' TEI.
    stylesheet = tmp_path / "count.xsl"
    stylesheet.write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:output method="text"/><xsl:template match="/">'
        '<xsl:value-of select="string-length(string(/)), count(//*:p), //*:p[last()]/@n" separator=" "/>'
        "</xsl:template></xsl:stylesheet>"
    )
    paragraphs = "".join(f'<p n="&quot;{i}&quot;">&amp;&lt;&gt;</p>' for i in range(40_000))
    tei = etree.fromstring(f'<TEI xmlns="{TEI_NS}"><text><body>{paragraphs}</body></text></TEI>')
    assert transform(stylesheet, tei).output == '120000 40000 "39999"'


def test_search_records_walk_a_document_deeper_than_pythons_recursion_limit() -> None:
    summary = Summary(page="deep", title="Deep", date="", sort_date="", kind="", kind_class="")
    blocks = document_blocks(_deep_tei(1500), summary)
    texts = [b.text for b in blocks]
    assert texts[0] == "Deep"
    assert texts[1].startswith("1499 1498 ") and texts[1].endswith(" 1 0 core")
    assert texts[2] == "after"


def test_print_html_parser_keeps_what_follows_a_deep_passage() -> None:
    spans = "<span>" * 400 + "core" + "</span>" * 400
    doc = parse_html(f"<html><body><main><p>{spans}</p><p>after</p></main></body></html>")
    assert doc.xpath("string(//main/p[2])") == "after"
    assert doc.xpath("count(//span[not(span)]/ancestor::span)") == 399
