<?xml version="1.0" encoding="UTF-8"?>
<!-- Citation tools under "Cite this document": the link to the paragraph a reader chose (site.js fills it
     in from the page's permalink and the paragraph's id), the downloads of the document (TEI, plain text,
     PDF) and of its citation for reference managers (BibTeX, RIS, CSL-JSON). The files are written by
     builders/html.py (builders/citation.py); empty parameters leave their links out. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:te="urn:teiedit"
  xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <!-- The document's plain text and the stem of its citation files (cite/<page>), relative to the page. -->
  <xsl:param name="txt-href" as="xs:string" select="''"/>
  <xsl:param name="cite-href" as="xs:string" select="''"/>

  <xsl:template name="te:cite-tools">
    <xsl:param name="url" as="xs:string"/>
    <p class="paragraph-link" hidden="hidden" data-url="{$url}">Link to the chosen passage: </p>
    <xsl:if test="$tei-href or $pdf-href or $txt-href">
      <ul class="downloads" aria-label="Downloads of this document">
        <xsl:if test="$tei-href"><li><a href="{$tei-href}" type="application/tei+xml">TEI-XML of this document</a></li></xsl:if>
        <xsl:if test="$pdf-href"><li><a href="{$pdf-href}" type="application/pdf">PDF of this document</a></li></xsl:if>
        <xsl:if test="$txt-href"><li><a href="{$txt-href}" type="text/plain">Plain text of this document</a></li></xsl:if>
      </ul>
    </xsl:if>
    <xsl:if test="$cite-href">
      <p class="cite-downloads">This citation for reference managers:
        <a href="{$cite-href}.bib" type="application/x-bibtex">BibTeX</a>,
        <a href="{$cite-href}.ris" type="application/x-research-info-systems">RIS</a>,
        <a href="{$cite-href}.json" type="application/vnd.citationstyles.csl+json">CSL-JSON</a></p>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
