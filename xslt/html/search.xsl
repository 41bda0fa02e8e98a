<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: search.html. The search runs in the browser (site.js) over search-index.js, which
     builders/search.py writes at build time; the query comes from ?q= (the search box on every page). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="frame.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:call-template name="te:frame">
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="body-class" select="'search-page'"/>
      <xsl:with-param name="content">
        <h1>Search</h1>
        <form class="search-form" role="search" action="search.html" method="get" id="search-form">
          <label for="search-q">Words to find (all of them, in any document)</label>
          <input id="search-q" name="q" type="search"/>
          <button type="submit">Search</button>
        </form>
        <noscript><p>The search needs JavaScript. Every document is listed on the <a href="index.html">index</a>
          and the <a href="timeline.html">timeline</a>.</p></noscript>
        <p id="search-status" role="status" aria-live="polite"></p>
        <ol id="search-results" class="search-results"></ol>
        <script src="search-index.js" defer="defer"></script>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
