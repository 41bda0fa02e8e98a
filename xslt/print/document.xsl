<?xml version="1.0" encoding="UTF-8"?>
<!-- Print (output "print"), one document: paged HTML for WeasyPrint.

     Imports the web stylesheet and overrides only what differs on paper: the named frame templates
     (te:head-links, te:nav, te:pager, te:footer) and behaviours of the processing model (behaviours.xsl,
     notes.xsl, editorial.xsl; the ODD's models with output="print" choose them). The document itself is laid out in mode "print", so that the
     same templates serve a single-document PDF and each chapter of the whole edition (edition.xsl). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:tp="urn:teiedit:print" xmlns:pm="urn:teiedit:pm" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:import href="../html/document.xsl"/>
  <!-- The processing model's dispatch for the elements whose print models differ from the web's (a URI;
       relative: to this file). It takes precedence over the web's, which html/render.xsl includes. -->
  <xsl:param name="te:print-models" static="yes" as="xs:string" select="'../../schema/build/teiedit-pm-print.xsl'"/>
  <xsl:include _href="{$te:print-models}"/>
  <xsl:include href="behaviours.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="editorial.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <!-- Settings from teiedit.toml, passed by builders/pdf.py. -->
  <xsl:param name="edition-short-title" as="xs:string" select="''"/>
  <xsl:param name="edition-editors" as="xs:string" select="''"/>  <!-- one "Name: role" per line -->
  <xsl:param name="edition-publisher" as="xs:string" select="''"/>
  <xsl:param name="edition-pub-place" as="xs:string" select="''"/>
  <xsl:param name="edition-licence" as="xs:string" select="''"/>
  <xsl:param name="edition-base-url" as="xs:string" select="''"/>
  <xsl:param name="edition-year" as="xs:string" select="''"/>
  <xsl:param name="stylesheet" as="xs:string" select="'print.css'"/>

  <!-- The running head's edition part: the short title when there is one. -->
  <xsl:variable name="tp:running-edition" as="xs:string"
    select="if (normalize-space($edition-short-title)) then $edition-short-title else $edition-title"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="print-root"/>
  </xsl:template>

  <!-- A single document as its own book: the frame, then the document as one chapter. -->
  <xsl:template match="tei:TEI | tei:teiCorpus" mode="print-root">
    <xsl:call-template name="te:frame">
      <xsl:with-param name="title" select="te:title(.)"/>
      <xsl:with-param name="lang" select="(@xml:lang, 'en')[1]"/>
      <xsl:with-param name="content-of" select="."/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:TEI | tei:teiCorpus" mode="te:page">
    <xsl:apply-templates select="." mode="print"/>
  </xsl:template>

  <!-- One document: heading block (title, date, correspondents, archival citation, summary), the text
       with its footnotes, and the notes that have no anchor. The data-pdf-* attributes carry the metadata
       of the document's own PDF, which builders/pdf.py cuts from the book's paged HTML. -->
  <xsl:template match="tei:TEI | tei:teiCorpus" mode="print">
    <article class="document kind-{tp:kind(.)}" id="{tp:doc-id(.)}" data-pdf-author="{tp:author(.)}"
             data-pdf-subject="{tp:subject(.)}" data-pdf-keywords="{tp:keywords(.)}">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <header class="doc-header">
        <h1 class="doc-title" data-running="{tp:running-title(.)}">
          <xsl:value-of select="te:title(.)"/>
        </h1>
        <xsl:call-template name="tp:doc-meta"/>
      </header>
      <!-- The reading text: the texts of a corpus, a sourceDoc or standOff where there is no text. -->
      <xsl:apply-templates select="te:texts(.)" mode="text"/>
      <xsl:call-template name="tp:apparatus"><xsl:with-param name="text" select="te:texts(.)"/></xsl:call-template>
    </article>
  </xsl:template>

  <!-- The heading block below the title: what a reader needs to place the document. -->
  <xsl:template name="tp:doc-meta">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <xsl:variable name="date" select="tp:display-date(.)"/>
    <xsl:variable name="corresp" select="$header/tei:profileDesc/tei:correspDesc"/>
    <xsl:if test="$date or $corresp">
      <p class="doc-date">
        <xsl:for-each select="$corresp/tei:correspAction[@type='sent']">
          <xsl:if test="tei:persName | tei:orgName">
            <span class="sender">From <xsl:value-of select="tp:names(tei:persName | tei:orgName)"/></span>
          </xsl:if>
        </xsl:for-each>
        <xsl:for-each select="$corresp/tei:correspAction[@type='received'][tei:persName | tei:orgName]">
          <xsl:text> </xsl:text>
          <span class="addressee">to <xsl:value-of select="tp:names(tei:persName | tei:orgName)"/></span>
        </xsl:for-each>
        <xsl:variable name="place" select="normalize-space(($corresp/tei:correspAction[@type='sent']/tei:placeName)[1])"/>
        <xsl:if test="$corresp/tei:correspAction/(tei:persName | tei:orgName) and ($place or $date)">
          <xsl:text>, </xsl:text>
        </xsl:if>
        <xsl:if test="$place"><span class="place"><xsl:value-of select="$place"/></span>
          <xsl:if test="$date">, </xsl:if></xsl:if>
        <xsl:if test="$date"><span class="date"><xsl:value-of select="$date"/></span></xsl:if>
      </p>
    </xsl:if>
    <xsl:variable name="citation" select="tp:citation($header/tei:fileDesc/tei:sourceDesc)"/>
    <xsl:if test="$citation">
      <p class="citation"><span class="label">Source: </span><xsl:value-of select="$citation"/></p>
    </xsl:if>
    <xsl:for-each select="$header/tei:profileDesc/tei:abstract[normalize-space()]">
      <div class="summary">
        <span class="label">Summary</span>
        <xsl:apply-templates select="if (tei:p) then tei:p else ." mode="summary"/>
      </div>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:p | tei:abstract" mode="summary">
    <p><xsl:apply-templates mode="fn"/></p>
  </xsl:template>

  <!-- Frame overrides: print.css and the PDF metadata (WeasyPrint reads title, author, description as the
       PDF's Title, Author, Subject), no site navigation, no pager, no site footer. -->
  <xsl:template name="te:head-links">
    <link rel="stylesheet" href="{$stylesheet}"/>
    <xsl:variable name="author" select="tp:author(.)"/>
    <xsl:if test="$author"><meta name="author" content="{$author}"/></xsl:if>
    <meta name="description" content="{tp:subject(.)}"/>
    <meta name="generator" content="teiedit"/>
    <meta name="keywords" content="{tp:keywords(.)}"/>
    <xsl:call-template name="pm:css"/>
    <xsl:call-template name="te:rendition-css"/>
  </xsl:template>
  <xsl:template name="te:nav"/>
  <xsl:template name="te:pager"/>
  <xsl:template name="te:footer"/>

  <!-- ===== Functions ===== -->

  <!-- The element id of a document in the paged HTML: unique per document of the edition. -->
  <xsl:function name="tp:doc-id" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="page" select="te:page($doc)"/>
    <xsl:sequence select="'doc-' || (if ($page) then $page else 'main')"/>
  </xsl:function>

  <!-- The document's declared kind as a class token (teiedit's facts), else 'document'. -->
  <xsl:function name="tp:kind" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string(te:facts($doc)/@kind_class)"/>
  </xsl:function>

  <xsl:function name="tp:keywords" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string-join((tp:kind($doc)[. ne 'document'], 'TEI', 'edition'), ', ')"/>
  </xsl:function>

  <!-- The document's title short enough for a running head (teiedit's facts). -->
  <xsl:function name="tp:running-title" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string(te:facts($doc)/@running_title)"/>
  </xsl:function>

  <!-- At most $max characters, cut at a word boundary and marked with an ellipsis. -->
  <xsl:function name="tp:shorten" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="max" as="xs:integer"/>
    <xsl:sequence select="if (string-length($s) le $max) then $s
                          else replace(substring($s, 1, $max - 2), '\s+\S*$', '') || ' …'"/>
  </xsl:function>

  <xsl:function name="tp:names" as="xs:string">
    <xsl:param name="names" as="element()*"/>
    <xsl:sequence select="string-join($names ! normalize-space(.), ' and ')"/>
  </xsl:function>

  <!-- The date as written in the source where teiedit kept it, else the ISO date. -->
  <xsl:function name="tp:display-date" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="d" select="($doc/tei:teiHeader//tei:correspAction[@type='sent']/tei:date,
                                    $doc/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:date)[1]"/>
    <xsl:sequence select="if (normalize-space($d)) then normalize-space($d) else te:date($doc)"/>
  </xsl:function>

  <!-- The archival or bibliographic citation of the source, as one line (common/citation.xsl). -->
  <xsl:function name="tp:citation" as="xs:string">
    <xsl:param name="sourceDesc" as="element()*"/>
    <xsl:sequence select="string-join(distinct-values($sourceDesc/* ! te:citation-of(.))[normalize-space()], '; ')"/>
  </xsl:function>

  <!-- An archival identifier with its kind when the text does not say it: idno[@type="opis"] "28" gives
       "Opis 28"; a repository or collection stays as it is. -->
  <xsl:function name="tp:labelled" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="text" select="normalize-space($e)"/>
    <xsl:variable name="type" select="normalize-space($e/@type)"/>
    <xsl:sequence select="if ($e/self::tei:idno and matches($type, '^[A-Za-z]+$') and $text
                              and not(starts-with(lower-case($text), lower-case($type)))
                              and not(lower-case($type) = ('uri', 'url', 'doi', 'shelfmark', 'callnumber')))
                          then upper-case(substring($type, 1, 1)) || substring($type, 2) || ' ' || $text
                          else $text"/>
  </xsl:function>

  <!-- The text of a bibliographic element read as fields: child elements are separated by spaces (the
       parts of a citation are often adjacent elements without white space between them). -->
  <xsl:function name="tp:fields" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($e/node()[not(self::tei:note)] !
                          (if (. instance of element()) then ' ' || tp:fields(.) || ' ' else string(.)), ''))"/>
  </xsl:function>

  <!-- PDF Author: the document's author, else its sender, else the edition's editors. -->
  <xsl:function name="tp:author" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="a" select="($doc/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author[normalize-space()],
                                    $doc/tei:teiHeader//tei:correspAction[@type='sent']/(tei:persName | tei:orgName))"/>
    <xsl:variable name="editors" select="tokenize($edition-editors, '\n')[normalize-space()] ! replace(., ':.*$', '')"/>
    <xsl:sequence select="if ($a and $doc/self::tei:TEI) then string-join(distinct-values($a ! normalize-space(.)), '; ')
                          else string-join($editors, '; ')"/>
  </xsl:function>

  <!-- PDF Subject: the summary of the document (shortened), else what kind of document it is. -->
  <xsl:function name="tp:subject" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="abstract" select="normalize-space(string-join($doc/tei:teiHeader/tei:profileDesc/tei:abstract, ' '))"/>
    <xsl:sequence select="if ($doc/self::tei:teiCorpus) then 'Print edition: ' || $edition-title
                          else if ($abstract) then tp:shorten($abstract, 300)
                          else 'A document of ' || $edition-title"/>
  </xsl:function>
</xsl:stylesheet>
