<?xml version="1.0" encoding="UTF-8"?>
<!-- Print: the whole edition as one paged book. Input: the teiCorpus that builders/pdf assembles (the
     documents in chronological order, each with xml:base = its page name; the editor's front matter,
     TEI[@te:role = 'front'] from tei/front/; the registers' lists in a trailing tei:standOff). Output, in
     book order:

       title page and imprint          front.xsl (settings from teiedit.toml)
       contents                        front.xsl (page numbers filled in by builders/pdf/parts.py)
       introduction                    front.xsl (the editor's TEI, rendered as the documents are)
       editorial conventions           conventions.xsl (readers' prose, with examples from this book)
       sources                         sources.xsl (archival citations and bibliographic descriptions)
       one chapter per document        document.xsl, mode "print", each on a new page
       index                           index.xsl (persons, places, organisations) -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:tp="urn:teiedit:print" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:import href="document.xsl"/>
  <xsl:include href="../common/names.xsl"/>
  <xsl:include href="front.xsl"/>
  <xsl:include href="conventions.xsl"/>
  <xsl:include href="sources.xsl"/>
  <xsl:include href="index.xsl"/>

  <xsl:param name="edition-licence-url" as="xs:string" select="''"/>

  <xsl:key name="tp:entry" match="tei:standOff//*[@xml:id]" use="@xml:id"/>

  <xsl:template match="/tei:teiCorpus" mode="print-root">
    <!-- A compilation's whole (kind "compilation") only lists its parts, which are documents of the
         book themselves: the contents list them, the sources name the compilation once. -->
    <xsl:variable name="docs" select="tei:TEI[not(@te:role = 'front')][not(tp:kind(.) = 'compilation')]"/>
    <xsl:variable name="fronts" select="tei:TEI[@te:role = 'front']"/>
    <xsl:call-template name="te:frame">
      <xsl:with-param name="title" select="$edition-title"/>
      <xsl:with-param name="content">
        <xsl:call-template name="tp:title-page"/>
        <xsl:call-template name="tp:imprint"><xsl:with-param name="docs" select="$docs"/></xsl:call-template>
        <xsl:call-template name="tp:contents">
          <xsl:with-param name="docs" select="$docs"/>
          <xsl:with-param name="fronts" select="$fronts"/>
        </xsl:call-template>
        <xsl:apply-templates select="$fronts" mode="tp:front"/>
        <xsl:call-template name="tp:conventions"><xsl:with-param name="docs" select="$docs"/></xsl:call-template>
        <xsl:call-template name="tp:sources"><xsl:with-param name="docs" select="$docs"/></xsl:call-template>
        <xsl:apply-templates select="$docs" mode="print"/>
        <xsl:call-template name="tp:index"><xsl:with-param name="docs" select="($fronts, $docs)"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The date that places a document in the book (teiedit's facts: its sort date): the header's, else the
       first single full date in its heading, opener or dateline. -->
  <xsl:function name="tp:doc-date" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string(te:facts($doc)/@sort_date)"/>
  </xsl:function>

  <!-- A link whose text builders/pdf/parts.py fills in with the page number of its target. -->
  <xsl:template name="tp:page-ref">
    <xsl:param name="target" as="xs:string"/>
    <a class="page-ref" href="#{$target}" data-page="8888"/>
  </xsl:template>
</xsl:stylesheet>
