<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: timeline.html from te:timeline (builders/sitedata.py): a chart of the documents and the dates
     of the registers (births, deaths, events) on one axis, drawn by site.js from timeline-data.js, with
     zoom and pan; without scripts, the documents by year (for a large edition: the number of documents of
     each year, linked to the page of the index where the year begins). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="frame.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="te:timeline"/>
  </xsl:template>

  <xsl:template match="te:timeline">
    <xsl:call-template name="te:frame">
      <xsl:with-param name="title" select="'Timeline'"/>
      <xsl:with-param name="body-class" select="'timeline-page'"/>
      <xsl:with-param name="content">
        <h1>Timeline</h1>
        <section class="timeline-chart" id="timeline-chart" aria-labelledby="chart-heading" hidden="hidden">
          <h2 id="chart-heading">Documents and register dates</h2>
          <div class="chart-tools" role="group" aria-label="Zoom the timeline">
            <button type="button" data-zoom="in">Zoom in</button>
            <button type="button" data-zoom="out">Zoom out</button>
            <button type="button" data-zoom="reset">Whole period</button>
            <span class="chart-range" aria-live="polite"></span>
          </div>
          <div class="chart-canvas" tabindex="0" role="img" aria-label="Timeline chart: arrow keys pan, plus and minus zoom"></div>
          <p class="chart-legend">Each mark is a document (by kind) or a date from the registers; choose one to open it.</p>
          <ol class="chart-selection" aria-label="Dates shown"></ol>
        </section>
        <script src="timeline-data.js"></script>
        <script src="js/timeline.js" defer="defer"></script>
        <xsl:choose>
          <xsl:when test="te:doc">
            <xsl:for-each-group select="te:doc" group-by="(@year[.], 'Undated')[1]">
              <xsl:sort select="current-grouping-key() = 'Undated'"/>
              <xsl:sort select="current-grouping-key()"/>
              <section class="year" aria-labelledby="y-{current-grouping-key()}">
                <h2 id="y-{current-grouping-key()}"><xsl:value-of select="current-grouping-key()"/></h2>
                <ol class="timeline">
                  <xsl:for-each select="current-group()">
                    <xsl:sort select="@date"/>
                    <li>
                      <xsl:if test="normalize-space(@date)"><time datetime="{@date}"><xsl:value-of select="@date"/></time><xsl:text> </xsl:text></xsl:if>
                      <a href="{@page}.html"><xsl:value-of select="@title"/></a>
                      <xsl:if test="normalize-space(@kind)"><xsl:text> </xsl:text><span class="kind"><xsl:value-of select="@kind"/></span></xsl:if>
                    </li>
                  </xsl:for-each>
                </ol>
              </section>
            </xsl:for-each-group>
          </xsl:when>
          <xsl:otherwise>
            <section class="years" aria-labelledby="years-heading">
              <h2 id="years-heading">Documents by year</h2>
              <ul>
                <xsl:for-each select="te:year">
                  <li><a href="{@href}"><xsl:value-of select="@year"/></a>: <xsl:value-of select="@count"/> documents</li>
                </xsl:for-each>
              </ul>
            </section>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
