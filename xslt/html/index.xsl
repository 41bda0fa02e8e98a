<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: a page of the index (index.html, then documents/2.html, ... for large editions) from
     te:index, which builders/sitedata.py computes from the documents' summaries: every document with date,
     title, sender/author, addressee, kind and source. The table reads without scripts; site.js adds
     sorting and the filters (year, kind, person, place, organisation) over the documents of the page. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="frame.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="te:index"/>
  </xsl:template>

  <xsl:template match="te:index">
    <xsl:variable name="docs" select="te:doc"/>
    <xsl:variable name="f" select="te:filters"/>
    <xsl:call-template name="te:frame">
      <xsl:with-param name="title" select="if (@n = '1') then 'Documents' else 'Documents, page ' || @n"/>
      <xsl:with-param name="body-class" select="'index-page'"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="$edition-title"/></h1>
        <xsl:if test="@edition-pdf">
          <p class="edition-downloads"><a href="{$root}{@edition-pdf}" type="application/pdf">The whole edition as one PDF</a></p>
        </xsl:if>
        <form class="filters" id="filters" hidden="hidden" aria-label="Filter the documents">
          <xsl:call-template name="te:filter"><xsl:with-param name="id" select="'year'"/><xsl:with-param name="label" select="'Year'"/>
            <xsl:with-param name="options" select="$f/te:year/(string(@value), string(@value))"/></xsl:call-template>
          <xsl:call-template name="te:filter"><xsl:with-param name="id" select="'kind'"/><xsl:with-param name="label" select="'Kind'"/>
            <xsl:with-param name="options" select="$f/te:kind/(string(@value), string(@value))"/></xsl:call-template>
          <xsl:call-template name="te:filter"><xsl:with-param name="id" select="'person'"/><xsl:with-param name="label" select="'Person'"/>
            <xsl:with-param name="options" select="$f/te:entity[@kind = 'persons']/(string(@id), string(@name))"/></xsl:call-template>
          <xsl:call-template name="te:filter"><xsl:with-param name="id" select="'place'"/><xsl:with-param name="label" select="'Place'"/>
            <xsl:with-param name="options" select="$f/te:entity[@kind = 'places']/(string(@id), string(@name))"/></xsl:call-template>
          <xsl:call-template name="te:filter"><xsl:with-param name="id" select="'org'"/><xsl:with-param name="label" select="'Organisation'"/>
            <xsl:with-param name="options" select="$f/te:entity[@kind = 'orgs']/(string(@id), string(@name))"/></xsl:call-template>
          <output id="filter-count" for="filter-year filter-kind filter-person filter-place filter-org" aria-live="polite"></output>
        </form>
        <xsl:call-template name="te:index-pages"/>
        <table class="documents" id="documents">
          <caption>Documents of the edition, in chronological order<xsl:if test="xs:integer(@pages) gt 1">
            (<xsl:value-of select="@first"/>–<xsl:value-of select="@last"/> of <xsl:value-of select="@total"/>)</xsl:if></caption>
          <thead><tr>
            <th scope="col" data-sort="date">Date</th><th scope="col" data-sort="text">Title</th>
            <th scope="col" data-sort="text">Author / sender</th><th scope="col" data-sort="text">Addressee</th>
            <th scope="col" data-sort="text">Kind</th><th scope="col" data-sort="text">Source</th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="$docs">
              <tr data-year="{@year}" data-kind="{@kind}" data-person="{@persons}" data-place="{@places}" data-org="{@orgs}">
                <td data-value="{@date}"><xsl:value-of select="@date"/></td>
                <td><a href="{$root}{@page}.html"><xsl:value-of select="@title"/></a></td>
                <td><xsl:value-of select="string-join(te:party[@role = 'sent'], '; ')"/></td>
                <td><xsl:value-of select="string-join(te:party[@role = 'received'], '; ')"/></td>
                <td><xsl:value-of select="@kind"/></td>
                <td><xsl:value-of select="@source"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <xsl:call-template name="te:index-pages"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A filter: options as (value, label) pairs. -->
  <xsl:template name="te:filter">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="options" as="xs:string*"/>
    <label>
      <xsl:value-of select="$label"/><xsl:text> </xsl:text>
      <select id="filter-{$id}" name="{$id}" data-filter="{$id}">
        <option value="">all</option>
        <xsl:for-each select="1 to count($options) idiv 2">
          <option value="{$options[2 * current() - 1]}"><xsl:value-of select="$options[2 * current()]"/></option>
        </xsl:for-each>
      </select>
    </label>
  </xsl:template>

  <xsl:template name="te:index-pages">
    <xsl:if test="xs:integer(@pages) gt 1">
      <xsl:variable name="here" select="xs:integer(@n)"/>
      <nav class="pages" aria-label="Pages of the index">
        <ul>
          <xsl:for-each select="1 to xs:integer(@pages)">
            <li><a href="{$root}{if (. = 1) then 'index.html' else 'documents/' || . || '.html'}">
              <xsl:if test=". = $here"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
              <xsl:value-of select="."/></a></li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
