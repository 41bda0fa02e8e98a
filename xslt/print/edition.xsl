<?xml version="1.0" encoding="UTF-8"?>
<!-- Print: the whole edition (teiCorpus assembled by teiedit) as one paged HTML book. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:import href="document.xsl"/>

  <xsl:template match="/tei:teiCorpus" priority="2">
    <xsl:call-template name="te:frame">
      <xsl:with-param name="title" select="$edition-title"/>
      <xsl:with-param name="content">
        <section class="title-page"><h1><xsl:value-of select="$edition-title"/></h1></section>
        <nav class="toc" aria-label="Contents">
          <h2>Contents</h2>
          <ol>
            <xsl:for-each select="tei:TEI">
              <li><a href="#doc-{te:page(.)}"><xsl:value-of select="te:title(.)"/></a></li>
            </xsl:for-each>
          </ol>
        </nav>
        <xsl:for-each select="tei:TEI">
          <article class="document" id="doc-{te:page(.)}">
            <h1><xsl:value-of select="te:title(.)"/></h1>
            <xsl:apply-templates select="tei:text" mode="text"/>
            <xsl:call-template name="te:footnotes"><xsl:with-param name="text" select="tei:text"/></xsl:call-template>
          </article>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
