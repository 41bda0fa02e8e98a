<?xml version="1.0" encoding="UTF-8"?>
<!-- The site frame shared by every page: head, banner with navigation and search, main landmark, footer.
     Print overrides te:head-links, te:nav, te:pager and te:footer. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:include href="harvest.xsl"/>

  <xsl:param name="edition-title" as="xs:string" select="'Edition'"/>
  <!-- Which site page is shown, for aria-current in the navigation (index, timeline, persons, ...). -->
  <xsl:param name="section" as="xs:string" select="''"/>

  <xsl:template name="te:frame">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <xsl:param name="body-class" as="xs:string" select="''"/>
    <!-- Page-specific head elements (canonical URL, citation metadata). -->
    <xsl:param name="head" as="node()*" select="()"/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> · <xsl:value-of select="$edition-title"/></title>
        <xsl:sequence select="$head"/>
        <xsl:call-template name="te:head-extra"/>
        <xsl:call-template name="te:head-links"/>
      </head>
      <body>
        <xsl:if test="$body-class"><xsl:attribute name="class" select="$body-class"/></xsl:if>
        <xsl:call-template name="te:nav"/>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$content"/>
        </main>
        <xsl:call-template name="te:footer"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="te:head-links">
    <link rel="stylesheet" href="css/site.css"/>
    <script src="js/site.js" defer="defer"></script>
  </xsl:template>

  <xsl:template name="te:nav">
    <header class="site-header">
      <a class="skip" href="#main">Skip to the text</a>
      <p class="site-title"><a href="index.html"><xsl:value-of select="$edition-title"/></a></p>
      <nav aria-label="Edition">
        <ul>
          <xsl:call-template name="te:nav-link"><xsl:with-param name="to" select="'index'"/><xsl:with-param name="label" select="'Documents'"/></xsl:call-template>
          <xsl:call-template name="te:nav-link"><xsl:with-param name="to" select="'timeline'"/><xsl:with-param name="label" select="'Timeline'"/></xsl:call-template>
          <xsl:call-template name="te:nav-link"><xsl:with-param name="to" select="'persons'"/><xsl:with-param name="label" select="'Persons'"/></xsl:call-template>
          <xsl:call-template name="te:nav-link"><xsl:with-param name="to" select="'places'"/><xsl:with-param name="label" select="'Places'"/></xsl:call-template>
          <xsl:call-template name="te:nav-link"><xsl:with-param name="to" select="'orgs'"/><xsl:with-param name="label" select="'Organisations'"/></xsl:call-template>
        </ul>
      </nav>
      <form class="site-search" role="search" action="search.html" method="get">
        <label for="site-q">Search the edition</label>
        <input id="site-q" name="q" type="search"/>
        <button type="submit">Search</button>
      </form>
    </header>
  </xsl:template>

  <xsl:template name="te:nav-link">
    <xsl:param name="to" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <li><a href="{$to}.html">
      <xsl:if test="$to = $section"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
      <xsl:value-of select="$label"/>
    </a></li>
  </xsl:template>

  <xsl:template name="te:footer">
    <footer class="site-footer"><p>Made with teiedit. Reads without JavaScript; scripts only add switches,
      search and pop-ups.</p></footer>
  </xsl:template>
</xsl:stylesheet>
