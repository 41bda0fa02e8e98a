<?xml version="1.0" encoding="UTF-8"?>
<!-- The site frame shared by every page: head, banner with navigation and search, main landmark, footer.
     Print overrides te:head-links, te:nav, te:pager and te:footer. Pages below the site root (entity
     pages, further pages of the index) get the way back to it in $root ('../'): every link of the frame
     starts with it. te:head-extra (harvest.xsl) is where other outputs add elements to every head (the page's path
     from the site root is its tunnel parameter path). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:include href="harvest.xsl"/>

  <xsl:param name="edition-title" as="xs:string" select="'Edition'"/>
  <!-- Which site page is shown, for aria-current in the navigation (index, timeline, persons, ...). -->
  <xsl:param name="section" as="xs:string" select="''"/>
  <!-- The way from this page to the site root: '' for pages at the root, '../' one folder down. -->
  <xsl:param name="root" as="xs:string" select="''"/>
  <!-- This page's path from the site root (index.html, entities/kim-il-sung.html); '' when not known. -->
  <xsl:param name="page-path" as="xs:string" select="''"/>

  <!-- An imported document's own register entries that have entity pages on the site: "id=slug" pairs
       separated by spaces (builders/html.py, from teiedit/imported_registers.py); '' for other pages. -->
  <xsl:param name="entity-pages" as="xs:string" select="''"/>
  <xsl:variable name="te:entity-pages" as="map(xs:string, xs:string)"
                select="map:merge(for $pair in tokenize($entity-pages)
                                  return map{substring-before($pair, '='): substring-after($pair, '=')},
                                  map{'duplicates': 'use-first'})"/>

  <!-- An imported document's pointers that name entries of imported register files ('#p1' or
       'persons.xml#p1', as te:pointer gives them), with the ids those entries have in the registers the
       page is given: "pointer=id" pairs separated by spaces (builders/html.py); '' for other pages. -->
  <xsl:param name="entry-pointers" as="xs:string" select="''"/>
  <xsl:variable name="te:entry-pointers" as="map(xs:string, xs:string)"
                select="map:merge(for $pair in tokenize($entry-pointers)
                                  return map{substring-before($pair, '='): substring-after($pair, '=')},
                                  map{'duplicates': 'use-first'})"/>

  <!-- Where an entry is shown: the page of an edition's register entry (entity pages live in entities/),
       relative to the current page; an entry of the document's own register (listPerson... inside the
       TEI document) is shown in this page, unless it has joined the edition's registers (an imported
       document's), whose entity page it then is. -->
  <xsl:function name="te:entry-href" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="local" select="$entry/ancestor::tei:TEI and not($entry/ancestor::te:registers)"/>
    <xsl:variable name="joined" select="if ($local) then $te:entity-pages(string($entry/@xml:id)) else ()"/>
    <xsl:sequence select="if (exists($joined)) then $root || 'entities/' || $joined || '.html'
                          else if ($local) then '#' || te:safe-id($entry/@xml:id)
                          else $root || 'entities/' || te:safe-id($entry/@xml:id) || '.html'"/>
  </xsl:function>

  <xsl:template name="te:frame">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="content" as="node()*" select="()"/>
    <!-- An element whose mode te:page template writes the content in place (a document page: its body is
         written straight into the page instead of built first and then copied in). -->
    <xsl:param name="content-of" as="element()?" select="()"/>
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <xsl:param name="body-class" as="xs:string" select="''"/>
    <!-- Page-specific head elements (canonical URL, citation metadata). -->
    <xsl:param name="head" as="node()*" select="()"/>
    <!-- The page's path from the site root and its section, where one transform writes several pages. -->
    <xsl:param name="path" as="xs:string" select="$page-path"/>
    <xsl:param name="current" as="xs:string" select="$section"/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> · <xsl:value-of select="$edition-title"/></title>
        <xsl:sequence select="$head"/>
        <xsl:call-template name="te:head-extra"><xsl:with-param name="path" select="$path" tunnel="yes"/></xsl:call-template>
        <xsl:call-template name="te:head-links"/>
      </head>
      <body>
        <xsl:if test="$body-class"><xsl:attribute name="class" select="$body-class"/></xsl:if>
        <xsl:call-template name="te:nav"><xsl:with-param name="current" select="$current" tunnel="yes"/></xsl:call-template>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$content"/>
          <xsl:apply-templates select="$content-of" mode="te:page"/>
        </main>
        <xsl:call-template name="te:footer"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="te:head-links">
    <link rel="stylesheet" href="{$root}css/site.css"/>
    <script src="{$root}js/site.js" defer="defer"></script>
  </xsl:template>

  <xsl:template name="te:nav">
    <xsl:param name="current" as="xs:string" select="$section" tunnel="yes"/>
    <header class="site-header">
      <a class="skip" href="#main">Skip to the text</a>
      <p class="site-title"><a href="{$root}index.html"><xsl:value-of select="$edition-title"/></a></p>
      <nav aria-label="Edition">
        <ul>
          <xsl:call-template name="te:nav-link"><xsl:with-param name="current" select="$current"/><xsl:with-param name="to" select="'index'"/><xsl:with-param name="label" select="'Documents'"/></xsl:call-template>
          <xsl:call-template name="te:nav-link"><xsl:with-param name="current" select="$current"/><xsl:with-param name="to" select="'timeline'"/><xsl:with-param name="label" select="'Timeline'"/></xsl:call-template>
          <xsl:call-template name="te:nav-link"><xsl:with-param name="current" select="$current"/><xsl:with-param name="to" select="'persons'"/><xsl:with-param name="label" select="'Persons'"/></xsl:call-template>
          <xsl:call-template name="te:nav-link"><xsl:with-param name="current" select="$current"/><xsl:with-param name="to" select="'places'"/><xsl:with-param name="label" select="'Places'"/></xsl:call-template>
          <xsl:call-template name="te:nav-link"><xsl:with-param name="current" select="$current"/><xsl:with-param name="to" select="'orgs'"/><xsl:with-param name="label" select="'Organisations'"/></xsl:call-template>
        </ul>
      </nav>
      <form class="site-search" role="search" action="{$root}search.html" method="get">
        <label for="site-q">Search the edition</label>
        <input id="site-q" name="q" type="search"/>
        <button type="submit">Search</button>
      </form>
    </header>
  </xsl:template>

  <xsl:template name="te:nav-link">
    <xsl:param name="current" as="xs:string" select="$section"/>
    <xsl:param name="to" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <li><a href="{$root}{$to}.html">
      <xsl:if test="$to = $current"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
      <xsl:value-of select="$label"/>
    </a></li>
  </xsl:template>

  <xsl:template name="te:footer">
    <footer class="site-footer"><p>Made with teiedit. Reads without JavaScript; scripts only add switches,
      search and pop-ups.</p></footer>
  </xsl:template>
</xsl:stylesheet>
