<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: a register overview (persons.html, places.html, orgs.html) from te:register, which
     builders/sitedata.py computes from the registers and the documents' summaries: every entry in alphabetical
     sections, with its dates, description and the number of documents naming it, linked to its own page.
     Places with coordinates are listed for the map (site.js draws it). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="frame.xsl"/>
  <xsl:include href="render.xsl"/>
  <xsl:include href="../common/names.xsl"/>  <!-- the registers' sort keys, shared with the print index -->
  <xsl:include href="map.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="te:register"/>
  </xsl:template>

  <xsl:template match="te:register">
    <xsl:variable name="entries" select="te:entry"/>
    <xsl:call-template name="te:frame">
      <xsl:with-param name="title" select="string(@title)"/>
      <xsl:with-param name="body-class" select="'register-page'"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="@title"/></h1>
        <xsl:choose>
          <xsl:when test="empty($entries)"><p>This register has no entries.</p></xsl:when>
          <xsl:otherwise>
            <p class="register-count"><xsl:value-of select="count($entries)"/> entries.</p>
            <xsl:if test="$entries[@lat]">
              <xsl:call-template name="te:map">
                <xsl:with-param name="id" select="'register-map'"/>
                <xsl:with-param name="label" select="'Map of the places with known coordinates'"/>
                <xsl:with-param name="points" select="$entries[@lat]"/>
              </xsl:call-template>
            </xsl:if>
            <nav class="initials" aria-label="Initials">
              <ul>
                <xsl:for-each-group select="$entries" group-by="@initial">
                  <li><a href="#letter-{te:safe-id(current-grouping-key())}"><xsl:value-of select="current-grouping-key()"/></a></li>
                </xsl:for-each-group>
              </ul>
            </nav>
            <xsl:for-each-group select="$entries" group-by="@initial">
              <section class="initial" id="letter-{te:safe-id(current-grouping-key())}" aria-labelledby="h-letter-{te:safe-id(current-grouping-key())}">
                <h2 id="h-letter-{te:safe-id(current-grouping-key())}"><xsl:value-of select="current-grouping-key()"/></h2>
                <ul class="register-list">
                  <xsl:for-each select="current-group()">
                    <li id="{@slug}" class="register-entry">
                      <a href="entities/{@slug}.html"><xsl:value-of select="@name"/></a>
                      <xsl:if test="normalize-space(@dates)"><xsl:text> </xsl:text><span class="dates">(<xsl:value-of select="@dates"/>)</span></xsl:if>
                      <xsl:if test="normalize-space(@desc)"><xsl:text>: </xsl:text><span class="desc"><xsl:value-of select="@desc"/></span></xsl:if>
                      <xsl:text> </xsl:text>
                      <span class="count"><xsl:value-of select="te:documents(xs:integer(@docs))"/></span>
                    </li>
                  </xsl:for-each>
                </ul>
              </section>
            </xsl:for-each-group>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:function name="te:documents" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if ($n = 0) then 'not named in the documents' else if ($n = 1) then '1 document' else $n || ' documents'"/>
  </xsl:function>
</xsl:stylesheet>
