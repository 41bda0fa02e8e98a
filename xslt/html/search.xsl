<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: search.html. The search runs in the browser (js/search.js) over the index in search/,
     which builders/search.py writes at build time; the query and the facets come from the URL (?q=, the
     search box on every page). -->
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
      <xsl:with-param name="head"><script src="js/search.js" defer="defer"></script></xsl:with-param>
      <xsl:with-param name="content">
        <h1>Search</h1>
        <form class="search-form" role="search" action="search.html" method="get" id="search-form">
          <p class="search-line">
            <label for="search-q">Words to find</label>
            <input id="search-q" name="q" type="search" aria-describedby="search-help"/>
            <button type="submit">Search</button>
          </p>
          <p id="search-help" class="search-help">All the words must occur. "Quoted words" are a phrase;
            <kbd>presid*</kbd> finds every word beginning so. A name finds its register entry's other spellings.</p>
          <fieldset class="facets">
            <legend>Narrow the results</legend>
            <xsl:for-each select="('kind', 'Kind'), ('year', 'Year'), ('person', 'Person'), ('place', 'Place'), ('org', 'Organisation')">
              <xsl:if test="position() mod 2 = 1">
                <xsl:variable name="key" select="."/>
                <label><xsl:value-of select="subsequence(('Kind', 'Year', 'Person', 'Place', 'Organisation'), (position() + 1) idiv 2, 1)"/>
                  <xsl:text> </xsl:text>
                  <select id="facet-{$key}" name="{$key}" data-facet="{$key}"><option value="">all</option></select></label>
              </xsl:if>
            </xsl:for-each>
            <label class="original-switch"><input type="checkbox" id="search-original" name="original" value="1"/>
              also the source's original reading (before teiedit's corrections)</label>
          </fieldset>
        </form>
        <noscript><p>The search needs JavaScript. Every document is listed on the <a href="index.html">index</a>
          and the <a href="timeline.html">timeline</a>.</p></noscript>
        <p id="search-status" role="status" aria-live="polite"></p>
        <ol id="search-results" class="search-results"></ol>
        <p><button type="button" id="search-more" hidden="hidden">More results</button></p>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
