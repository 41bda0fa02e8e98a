<?xml version="1.0" encoding="UTF-8"?>
<!-- Print: notes. A note in the text becomes a CSS footnote (float: footnote) at its anchor, so WeasyPrint
     sets it at the foot of the page that holds the call. Numbers are those of the web edition: @n when the
     note has one, else its position among the notes of its own document. Notes that lost their anchor
     (note[@type='orphan'] in back/div[@type='notes']) are printed as endnotes of the document. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:tp="urn:teiedit:print" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- The number printed for a note: the web edition's own label (te:note-label in html/notes.xsl: @n, else
       the running number among the document's footnotes), so paper and screen cite the same notes. -->
  <xsl:function name="tp:note-n" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="te:note-label($note)"/>
  </xsl:function>

  <!-- Notes that are printed at the end of the document rather than at the foot of a page. -->
  <xsl:function name="tp:is-endnote" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="exists($note/ancestor::tei:back) or $note/@type = 'orphan'"/>
  </xsl:function>

  <!-- A note the source printed in the running text (an editor's [?] or [sic], a [Source: …] line) stays
       where it is: a paragraph between blocks, else inline; in brackets when the source had them. -->
  <xsl:template match="tei:note[@place = 'inline']" mode="text">
    <xsl:variable name="brackets" select="tokenize(@rend) = 'brackets'"/>
    <xsl:element name="{if (parent::tei:div | parent::tei:body | parent::tei:back | parent::tei:front) then 'p' else 'span'}">
      <xsl:attribute name="class" select="string-join(('inline-note', @type, @subtype), ' ')"/>
      <xsl:if test="$brackets">[</xsl:if>
      <xsl:apply-templates mode="fn"/>
      <xsl:if test="$brackets">]</xsl:if>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:note" mode="text">
    <xsl:variable name="n" select="tp:note-n(.)"/>
    <xsl:variable name="doc" select="tp:doc-id(ancestor::tei:TEI[1])"/>
    <xsl:choose>
      <xsl:when test="tp:is-endnote(.)">
        <div class="endnote" id="{$doc}-note-{$n}">
          <span class="endnote-n"><xsl:value-of select="$n"/>.</span>
          <xsl:text> </xsl:text>
          <xsl:apply-templates mode="fn"/>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="body"><xsl:apply-templates mode="fn"/></xsl:variable>
        <span class="footnote{if (@resp = '#teiedit') then ' by-teiedit' else ''}" id="{$doc}-note-{$n}"
              data-n="{$n}"><xsl:apply-templates select="$body" mode="tp:one-line"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- WeasyPrint (70) keeps source line breaks inside a footnote as forced breaks, so the footnote's text
       is put on one line before it reaches the layout. -->
  <xsl:template match="*" mode="tp:one-line">
    <xsl:copy><xsl:copy-of select="@*"/><xsl:apply-templates mode="tp:one-line"/></xsl:copy>
  </xsl:template>
  <xsl:template match="text()" mode="tp:one-line">
    <xsl:value-of select="replace(., '\s+', ' ')"/>
  </xsl:template>

  <!-- A heading of the back-matter notes division. -->
  <xsl:template match="tei:back/tei:div[@type = 'notes']" mode="text">
    <section class="endnotes">
      <xsl:if test="not(tei:head)"><h2 class="tei-head">Notes without anchor</h2></xsl:if>
      <xsl:apply-templates mode="text"/>
    </section>
  </xsl:template>

  <!-- Inside a footnote everything must stay inline (the footnote is a span at the call): paragraphs
       become block-displayed spans; every other element renders as in the text. -->
  <xsl:template match="tei:p | tei:ab | tei:quote[tei:p]" mode="fn">
    <span class="fn-p"><xsl:apply-templates mode="fn"/></span>
  </xsl:template>
  <xsl:template match="tei:note" mode="fn">
    <xsl:text> (</xsl:text><xsl:apply-templates mode="fn"/><xsl:text>)</xsl:text>
  </xsl:template>
  <xsl:template match="*" mode="fn">
    <xsl:apply-templates select="." mode="text"/>
  </xsl:template>
</xsl:stylesheet>
