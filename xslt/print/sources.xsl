<?xml version="1.0" encoding="UTF-8"?>
<!-- Print: the list of sources. The archival documents with their archival citations, then the
     publications with their bibliographic descriptions, each with the title and page of its chapter; a
     compilation (a bulletin the conversion split into its parts) is one entry whose note says in one
     sentence how its parts are printed. Never a file name of the conversion (common/citation.xsl). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:tp="urn:teiedit:print" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:template name="tp:sources">
    <xsl:param name="docs" as="element()*"/>
    <xsl:variable name="wholes" select="root(($docs)[1])/tei:teiCorpus/tei:TEI[tp:kind(.) = 'compilation']"/>
    <xsl:variable name="archival" select="$docs[tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:msDesc]"/>
    <xsl:variable name="parts" select="$docs[exists(tp:compilation-of(.))]"/>
    <xsl:variable name="published" select="($docs except $archival except $parts)[normalize-space(te:source-citation(.))]"/>
    <xsl:variable name="unnamed" select="$docs except $archival except $parts except $published"/>
    <section class="matter sources" id="sources">
      <h2 class="matter-title">Sources</h2>
      <xsl:if test="$archival">
        <h3>Archival documents</h3>
        <ul class="source-list">
          <xsl:for-each select="$archival">
            <li><xsl:call-template name="tp:printed-as"/>
              <span class="citation"><xsl:value-of select="te:source-citation(.)"/></span></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:if test="$published or $wholes[tp:parts-of(., $docs)]">
        <h3>Publications</h3>
        <ul class="source-list">
          <xsl:for-each select="$wholes[tp:parts-of(., $docs)]">
            <li class="compilation"><span class="citation"><xsl:value-of select="(te:source-citation(.)[normalize-space()], te:title(.))[1]"/></span>.
              <xsl:call-template name="tp:compilation-note"><xsl:with-param name="parts" select="tp:parts-of(., $docs)"/></xsl:call-template></li>
          </xsl:for-each>
          <xsl:for-each select="$published">
            <li><xsl:call-template name="tp:printed-as"/>
              <span class="citation"><xsl:value-of select="te:source-citation(.)"/></span></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:if test="$unnamed">
        <h3>Other documents</h3>
        <p>The edition has no archival or bibliographic reference for
          <xsl:for-each select="$unnamed">
            <xsl:if test="position() gt 1"><xsl:value-of select="if (position() eq last()) then ' and ' else ', '"/></xsl:if>
            <span class="doc-ref">“<xsl:value-of select="te:title(.)"/>”, p. <xsl:call-template name="tp:page-ref">
              <xsl:with-param name="target" select="tp:doc-id(.)"/></xsl:call-template></span>
          </xsl:for-each>; the text is that of the transcription the edition received.</p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- "“Title” (5 March 1956), p. 10": the chapter a source is printed as. -->
  <xsl:template name="tp:printed-as">
    <xsl:variable name="date" select="tp:doc-date(.)"/>
    <span class="printed-as">“<xsl:value-of select="te:title(.)"/>”<xsl:if test="$date">
        (<xsl:value-of select="te:human-date($date)"/>)</xsl:if>, p. <xsl:call-template name="tp:page-ref">
        <xsl:with-param name="target" select="tp:doc-id(.)"/></xsl:call-template></span>
  </xsl:template>

  <!-- One sentence for a compilation's parts: how many, of what kind, where; the parts with an archive
       are listed under it, the others named here. -->
  <xsl:template name="tp:compilation-note">
    <xsl:param name="parts" as="element()*"/>
    <xsl:variable name="essays" select="$parts[tp:kind(.) = ('essay', 'article', 'introduction', 'blog')]"/>
    <xsl:variable name="documents" select="$parts except $essays"/>
    <span class="compilation-note">
      <xsl:value-of select="tp:count-words(count($parts), 'of its parts is', 'of its parts are')"/>
      <xsl:value-of select="if (count($parts) eq 1) then ' printed in this book as a chapter of its own'
                            else ' printed in this book, each as a chapter of its own'"/>
      <xsl:if test="$essays and $documents">:
        <xsl:value-of select="lower-case(tp:count-words(count($essays), 'essay', 'essays'))"/> and
        <xsl:value-of select="lower-case(tp:count-words(count($documents), 'document', 'documents'))"/></xsl:if>
      <xsl:if test="$documents[tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:msDesc]">; the documents are listed
        above with their archives</xsl:if>
      <xsl:variable name="others" select="$parts[not(tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:msDesc)]"/>
      <xsl:if test="$others">
        <xsl:text>; </xsl:text>
        <xsl:value-of select="if ($others except $essays) then 'the others are' else if (count($others) gt 1) then 'the essays are' else 'the essay is'"/>
        <xsl:for-each select="$others">
          <xsl:value-of select="if (position() eq 1) then ' ' else if (position() eq last()) then ' and ' else ', '"/>
          <span class="doc-ref">“<xsl:value-of select="te:title(.)"/>” (p. <xsl:call-template name="tp:page-ref">
            <xsl:with-param name="target" select="tp:doc-id(.)"/></xsl:call-template>)</span>
        </xsl:for-each>
      </xsl:if>
      <xsl:text>.</xsl:text>
    </span>
  </xsl:template>

  <!-- "Thirteen parts", "One essay". -->
  <xsl:function name="tp:count-words" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="one" as="xs:string"/>
    <xsl:param name="many" as="xs:string"/>
    <xsl:variable name="w" select="if ($n le 20) then format-integer($n, 'w', 'en') else string($n)"/>
    <xsl:sequence select="upper-case(substring($w, 1, 1)) || substring($w, 2) || ' ' || (if ($n eq 1) then $one else $many)"/>
  </xsl:function>

  <!-- The compilation a document is a part of: the whole whose list of parts points to it. -->
  <xsl:function name="tp:compilation-of" as="element()?">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="base" select="string($doc/@xml:base)"/>
    <xsl:sequence select="(root($doc)/tei:teiCorpus/tei:TEI[tp:kind(.) = 'compilation']
                            [.//tei:list//tei:ref[substring-before(@target || '#', '#') = $base]])[1]"/>
  </xsl:function>

  <!-- The parts of a compilation that are chapters of this book, in book order. -->
  <xsl:function name="tp:parts-of" as="element()*">
    <xsl:param name="whole" as="element()"/>
    <xsl:param name="docs" as="element()*"/>
    <xsl:variable name="targets" select="$whole//tei:list//tei:ref/substring-before(@target || '#', '#')"/>
    <xsl:sequence select="$docs[string(@xml:base) = $targets]"/>
  </xsl:function>

  <!-- A chapter's source line names its compilation too (document.xsl's own, with the whole added). -->
  <xsl:function name="tp:citation" as="xs:string">
    <xsl:param name="sourceDesc" as="element()*"/>
    <xsl:variable name="doc" select="$sourceDesc/ancestor::tei:TEI[1]"/>
    <xsl:variable name="whole" select="if ($doc) then tp:compilation-of($doc[1]) else ()"/>
    <xsl:variable name="item" select="$whole//tei:list//tei:item[tei:ref[substring-before(@target || '#', '#') = string($doc[1]/@xml:base)]]"/>
    <xsl:sequence select="string-join((
        distinct-values($sourceDesc/* ! te:citation-of(.)) ! replace(., '\.$', ''),
        $whole ! ('part ' || (($item/@n)[1] ! (. || ' '), '')[1] || 'of “' || te:title(.) || '”'))[normalize-space()], '; ')"/>
  </xsl:function>
</xsl:stylesheet>
