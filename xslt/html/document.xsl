<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: one TEI document -> one HTML page. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="frame.xsl"/>
  <xsl:include href="text.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:param name="page" as="xs:string" select="''"/>
  <xsl:param name="prev" as="xs:string" select="''"/>
  <xsl:param name="next" as="xs:string" select="''"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus"/>
  </xsl:template>

  <xsl:template match="tei:TEI | tei:teiCorpus">
    <xsl:call-template name="te:frame">
      <xsl:with-param name="title" select="te:title(.)"/>
      <xsl:with-param name="lang" select="(@xml:lang, 'en')[1]"/>
      <xsl:with-param name="content">
        <article class="document">
          <h1><xsl:value-of select="te:title(.)"/></h1>
          <xsl:call-template name="te:document-body"/>
          <xsl:call-template name="te:footnotes">
            <xsl:with-param name="text" select=".//tei:text"/>
          </xsl:call-template>
        </article>
        <xsl:call-template name="te:pager"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="te:document-body">
    <xsl:apply-templates select=".//tei:text" mode="text"/>
  </xsl:template>

  <xsl:template name="te:pager">
    <nav class="pager" aria-label="Documents">
      <xsl:if test="$prev"><a rel="prev" href="{$prev}.html">← Previous document</a></xsl:if>
      <xsl:if test="$next"><a rel="next" href="{$next}.html">Next document →</a></xsl:if>
    </nav>
  </xsl:template>

  <xsl:template match="tei:text" mode="text">
    <div class="tei-text"><xsl:apply-templates mode="text"/></div>
  </xsl:template>
  <xsl:template match="tei:body | tei:front | tei:back" mode="text">
    <div class="tei-{local-name()}"><xsl:apply-templates mode="text"/></div>
  </xsl:template>
</xsl:stylesheet>
