<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: the edition (a te:bundle of registers and the teiCorpus assembled by teiedit, or a bare
     teiCorpus) -> index.html: every document with date, title, sender/author, addressee, kind and source.
     The table reads without scripts; site.js adds sorting and the filters (year, kind, person). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="frame.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:teiCorpus | te:bundle/tei:teiCorpus"/>
  </xsl:template>

  <!-- A person as the index shows them: the register's preferred name when linked, else the text. -->
  <xsl:function name="te:person-label" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="entry" select="te:entry($el)"/>
    <xsl:sequence select="if ($entry) then te:entry-name($entry) else normalize-space($el)"/>
  </xsl:function>

  <xsl:template match="tei:teiCorpus">
    <xsl:variable name="docs" select="tei:TEI"/>
    <xsl:call-template name="te:frame">
      <xsl:with-param name="title" select="'Documents'"/>
      <xsl:with-param name="body-class" select="'index-page'"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="$edition-title"/></h1>
        <form class="filters" id="filters" hidden="hidden" aria-label="Filter the documents">
          <label>Year <select id="filter-year" name="year"><option value="">all</option>
            <xsl:for-each select="distinct-values($docs/te:year(.)[.])"><xsl:sort select="."/>
              <option value="{.}"><xsl:value-of select="."/></option></xsl:for-each>
          </select></label>
          <label>Kind <select id="filter-kind" name="kind"><option value="">all</option>
            <xsl:for-each select="distinct-values($docs/te:kind(.)[.])"><xsl:sort select="."/>
              <option value="{.}"><xsl:value-of select="."/></option></xsl:for-each>
          </select></label>
          <label>Person <select id="filter-person" name="person"><option value="">all</option>
            <xsl:for-each select="distinct-values($docs/te:people(.))"><xsl:sort select="lower-case(.)"/>
              <option value="{.}"><xsl:value-of select="."/></option></xsl:for-each>
          </select></label>
          <output id="filter-count" for="filter-year filter-kind filter-person" aria-live="polite"></output>
        </form>
        <table class="documents" id="documents">
          <caption>Documents of the edition, in chronological order</caption>
          <thead><tr>
            <th scope="col" data-sort="date">Date</th><th scope="col" data-sort="text">Title</th>
            <th scope="col" data-sort="text">Author / sender</th><th scope="col" data-sort="text">Addressee</th>
            <th scope="col" data-sort="text">Kind</th><th scope="col" data-sort="text">Source</th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="$docs">
              <tr data-year="{te:year(.)}" data-kind="{te:kind(.)}" data-persons="{string-join(te:people(.), '|')}">
                <td data-value="{te:date(.)}"><xsl:value-of select="te:date(.)"/></td>
                <td><a href="{te:page(.)}.html"><xsl:value-of select="te:title(.)"/></a></td>
                <td><xsl:value-of select="string-join(te:senders(.)/te:person-label(.), '; ')"/></td>
                <td><xsl:value-of select="string-join(te:addressees(.)/te:person-label(.), '; ')"/></td>
                <td><xsl:value-of select="te:kind(.)"/></td>
                <td><xsl:value-of select="te:source-line(.)"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Everyone a document involves: authors, senders, addressees and the registered persons it names. -->
  <xsl:function name="te:people" as="xs:string*">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="distinct-values((
        (te:senders($doc), te:addressees($doc))/te:person-label(.),
        for $p in te:texts($doc)//tei:persName[@ref] return (te:entry($p) ! te:entry-name(.))
      )[normalize-space()])"/>
  </xsl:function>
</xsl:stylesheet>
