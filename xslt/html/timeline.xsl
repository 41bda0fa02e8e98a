<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: the edition -> timeline.html, the documents by year and date; undated ones at the end. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="frame.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:teiCorpus | te:bundle/tei:teiCorpus"/>
  </xsl:template>

  <xsl:template match="tei:teiCorpus">
    <xsl:call-template name="te:frame">
      <xsl:with-param name="title" select="'Timeline'"/>
      <xsl:with-param name="body-class" select="'timeline-page'"/>
      <xsl:with-param name="content">
        <h1>Timeline</h1>
        <xsl:for-each-group select="tei:TEI" group-by="(te:year(.)[.], 'Undated')[1]">
          <xsl:sort select="current-grouping-key() = 'Undated'"/>
          <xsl:sort select="current-grouping-key()"/>
          <section class="year" aria-labelledby="y-{current-grouping-key()}">
            <h2 id="y-{current-grouping-key()}"><xsl:value-of select="current-grouping-key()"/></h2>
            <ol class="timeline">
              <xsl:for-each select="current-group()">
                <xsl:sort select="te:date(.)"/>
                <li>
                  <xsl:if test="te:date(.)"><time datetime="{te:date(.)}"><xsl:value-of select="te:date(.)"/></time><xsl:text> </xsl:text></xsl:if>
                  <a href="{te:page(.)}.html"><xsl:value-of select="te:title(.)"/></a>
                  <xsl:if test="te:kind(.)"><xsl:text> </xsl:text><span class="kind"><xsl:value-of select="te:kind(.)"/></span></xsl:if>
                </li>
              </xsl:for-each>
            </ol>
          </section>
        </xsl:for-each-group>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
