"""The web's register overviews sort and list entries as the print index does: builders/sortnames.py
gives the same keys and forms as xslt/common/names.xsl, on written cases and on every entry of this
edition's registers."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiedit.builders.sortnames import index_name, sort_key
from teiedit.document import TEI_NS
from teiedit.resources import xslt_dir
from teiedit.xslt import transform

REPO = Path(__file__).resolve().parents[1]

CASES = f"""<listPerson xmlns="{TEI_NS}">
  <person xml:id="brezhnev"><persName type="preferred"><forename>Leonid</forename> <surname>Brezhnev</surname></persName></person>
  <person xml:id="kim"><persName type="preferred"><surname>Kim</surname> <forename>Il Sung</forename></persName></person>
  <person xml:id="schnitzler"><persName type="preferred"><surname>Schnitzler</surname><forename>Arthur</forename></persName></person>
  <person xml:id="berg" sortKey="Berg_Anna_van_der"><persName type="preferred">Anna van der Berg</persName></person>
  <person xml:id="chong"><persName type="variant">Jong</persName><persName type="preferred">Chŏng Pyŏng-il</persName></person>
  <org xml:id="times"><orgName>The Times</orgName></org>
  <person xml:id="nameless"/>
</listPerson>"""

PROBE = f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="{TEI_NS}" xmlns:te="urn:teiedit" exclude-result-prefixes="#all">
  <xsl:include href="{(xslt_dir() / "common" / "names.xsl").as_uri()}"/>
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:for-each select="//*[@xml:id]">
      <xsl:value-of select="@xml:id, te:sort-key(.), te:index-name(.)" separator="&#9;"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>"""


def _both(root: etree._Element, tmp_path: Path) -> tuple[list[str], list[str]]:
    probe = tmp_path / "probe.xsl"
    probe.write_text(PROBE, encoding="utf-8")
    xslt = transform(probe, root).output.splitlines()
    python = [
        "\t".join(
            (str(el.get("{http://www.w3.org/XML/1998/namespace}id")), sort_key(el), index_name(el))
        )
        for el in root.iter()
        if isinstance(el.tag, str) and el.get("{http://www.w3.org/XML/1998/namespace}id")
    ]
    return python, xslt


def test_written_cases(tmp_path: Path) -> None:
    root = etree.fromstring(CASES)
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in _both(root, tmp_path)[0]}
    assert rows == {
        "brezhnev": ["brezhnev leonid", "Brezhnev, Leonid"],
        "kim": ["kim il sung", "Kim Il Sung"],
        "schnitzler": ["schnitzler arthur", "Schnitzler, Arthur"],
        "berg": ["berg anna van der", "Anna van der Berg"],
        "chong": ["chong pyong-il", "Chŏng Pyŏng-il"],
        "times": ["times", "The Times"],
        "nameless": ["nameless", ""],
    }
    python, xslt = _both(root, tmp_path)
    assert python == xslt


def test_the_registers_of_this_edition(tmp_path: Path) -> None:
    files = sorted((REPO / "tei" / "registers").glob("*.xml"))
    assert files
    for f in files:
        root = etree.parse(str(f)).getroot()
        python, xslt = _both(root, tmp_path)
        assert len(python) > 10, f
        assert python == xslt, f
