<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: one TEI document -> one HTML page. The input is either a TEI document or a te:bundle made by
     builders/html.py: the TEI plus the register entries it points to (te:registers). Print imports this file. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="frame.xsl"/>
  <xsl:include href="render.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="cite.xsl"/>
  <xsl:include href="annotations.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:param name="page" as="xs:string" select="''"/>
  <!-- Neighbours in the edition's order (page names; titles for the link text). -->
  <xsl:param name="prev" as="xs:string" select="''"/>
  <xsl:param name="next" as="xs:string" select="''"/>
  <xsl:param name="prev-title" as="xs:string" select="''"/>
  <xsl:param name="next-title" as="xs:string" select="''"/>
  <!-- Neighbouring letters between the same correspondents. -->
  <xsl:param name="prev-letter" as="xs:string" select="''"/>
  <xsl:param name="next-letter" as="xs:string" select="''"/>
  <xsl:param name="prev-letter-title" as="xs:string" select="''"/>
  <xsl:param name="next-letter-title" as="xs:string" select="''"/>

  <xsl:template match="/">
    <xsl:variable name="doc" select="(te:bundle/*[not(self::te:registers)], *[not(self::te:bundle)])[1]"/>
    <xsl:choose>
      <xsl:when test="$doc[self::tei:TEI or self::tei:teiCorpus]"><xsl:apply-templates select="$doc"/></xsl:when>
      <xsl:otherwise>
        <!-- A TEI fragment (surface, a lone div, ...): shown whole, generically. -->
        <xsl:call-template name="te:frame">
          <xsl:with-param name="title" select="($page[.], local-name($doc))[1]"/>
          <xsl:with-param name="body-class" select="'document-page'"/>
          <xsl:with-param name="head"><xsl:call-template name="te:render-head"/></xsl:with-param>
          <xsl:with-param name="content">
            <article class="document" aria-labelledby="doc-title">
              <header class="doc-header"><h1 id="doc-title"><xsl:value-of select="($page[.], local-name($doc))[1]"/></h1></header>
              <div class="tei-text"><xsl:apply-templates select="$doc" mode="text"/></div>
              <xsl:call-template name="te:footnotes"><xsl:with-param name="text" select="$doc"/></xsl:call-template>
            </article>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:TEI | tei:teiCorpus">
    <xsl:call-template name="te:frame">
      <xsl:with-param name="title" select="te:title(.)"/>
      <xsl:with-param name="lang" select="(tei:text/@xml:lang, @xml:lang, 'en')[1]"/>
      <xsl:with-param name="body-class" select="'document-page' || (if (te:facsimile-shown(.)) then ' has-facsimile' else '')"/>
      <xsl:with-param name="head">
        <xsl:call-template name="te:citation-meta"/>
        <xsl:call-template name="te:render-head"/>
      </xsl:with-param>
      <xsl:with-param name="content-of" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- A document page's content (te:frame writes it in place). -->
  <xsl:template match="tei:TEI | tei:teiCorpus" mode="te:page">
    <article class="document" aria-labelledby="doc-title">
      <header class="doc-header">
        <h1 id="doc-title"><xsl:value-of select="te:title(.)"/></h1>
        <xsl:call-template name="te:summary"/>
        <xsl:call-template name="te:reading-tools"/>
      </header>
      <xsl:call-template name="te:document-body"/>
      <xsl:call-template name="te:footnotes">
        <xsl:with-param name="text" select="te:texts(.)"/>
      </xsl:call-template>
      <xsl:call-template name="te:annotations"/>
      <xsl:call-template name="te:entity-list">
        <xsl:with-param name="text" select="te:texts(.) | tei:teiHeader"/>
      </xsl:call-template>
      <xsl:call-template name="te:metadata"/>
    </article>
    <xsl:call-template name="te:pager"/>
  </xsl:template>

  <!-- The text; with a facsimile that has images, the text and the facsimile side by side. -->
  <xsl:template name="te:document-body">
    <xsl:choose>
      <xsl:when test="te:facsimile-shown(.)">
        <div class="text-and-facsimile">
          <div class="text-column"><xsl:apply-templates select="te:texts(.)" mode="text"/></div>
          <xsl:apply-templates select="tei:facsimile" mode="text"/>
        </div>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="te:texts(.)" mode="text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The reading switch and the name highlighting; CSS (:has) makes them work even without scripts. -->
  <xsl:template name="te:reading-tools">
    <xsl:variable name="text" select="te:texts(.)"/>
    <xsl:variable name="alternates" select="exists($text//(tei:choice | tei:corr | tei:reg | tei:expan | tei:note[@resp = '#teiedit']))"/>
    <xsl:variable name="names" select="exists($text//(tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs))"/>
    <xsl:if test="$alternates or $names">
      <form class="reading-tools" aria-label="Reading options">
        <xsl:if test="$alternates">
          <fieldset class="reading-switch">
            <legend>Reading</legend>
            <label><input type="radio" name="reading" value="corrected" id="reading-corrected" checked="checked"/> corrected</label>
            <label><input type="radio" name="reading" value="original" id="reading-original"/> as in the source</label>
          </fieldset>
        </xsl:if>
        <xsl:if test="$names">
          <label class="highlight-switch"><input type="checkbox" id="highlight-names" name="highlight"/> highlight names</label>
        </xsl:if>
      </form>
    </xsl:if>
  </xsl:template>

  <xsl:template name="te:pager">
    <nav class="pager" aria-label="Documents">
      <ul>
        <xsl:if test="$prev"><li><a rel="prev" href="{$prev}.html">← Previous document<xsl:if test="$prev-title">: <xsl:value-of select="$prev-title"/></xsl:if></a></li></xsl:if>
        <xsl:if test="$next"><li><a rel="next" href="{$next}.html">Next document<xsl:if test="$next-title">: <xsl:value-of select="$next-title"/></xsl:if> →</a></li></xsl:if>
        <xsl:if test="$prev-letter"><li><a class="prev-letter" href="{$prev-letter}.html">← Previous letter between these correspondents<xsl:if test="$prev-letter-title">: <xsl:value-of select="$prev-letter-title"/></xsl:if></a></li></xsl:if>
        <xsl:if test="$next-letter"><li><a class="next-letter" href="{$next-letter}.html">Next letter between these correspondents<xsl:if test="$next-letter-title">: <xsl:value-of select="$next-letter-title"/></xsl:if> →</a></li></xsl:if>
      </ul>
    </nav>
  </xsl:template>
</xsl:stylesheet>
