<?xml version="1.0" encoding="UTF-8"?>
<!-- Print: notes. Which notes are footnotes, endnotes, block or inline notes, and their numbers, come from
     te:note-kind and te:note-label (common/functions.xsl), the very functions of the web edition, so paper
     and screen cite the same notes by the same numbers: @n when the note has one, else its position among
     the numbered notes of its own document. A footnote becomes a CSS footnote (float: footnote) at its
     call, so WeasyPrint sets it at the foot of the page that holds the call; a footnote of the back matter
     and a note that lost its anchor (note[@type='orphan'] in back/div[@type='notes']) are printed as
     endnotes of the document; block and inline notes are printed where they stand, unnumbered. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:tp="urn:teiedit:print" xmlns:pm="urn:teiedit:pm" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- The number printed for a note: the web edition's own label. -->
  <xsl:function name="tp:note-n" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="te:note-label($note)"/>
  </xsl:function>

  <!-- Numbered notes printed at the end of the document rather than at the foot of a page. -->
  <xsl:function name="tp:is-endnote" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="te:note-kind($note) = 'endnote'
                          or (te:note-kind($note) = 'footnote' and exists($note/ancestor::tei:back))"/>
  </xsl:function>

  <!-- The note behaviour (print). A note the source printed in the running text (an editor's [?] or [sic],
       a [Source: …] line) stays where it is: a paragraph between blocks, else inline; in brackets when the
       source had them. So does a block note (a note standing between blocks of the body): it has no call
       to hang a footnote on. Numbered notes are footnotes at their call, or endnotes of the document. -->
  <xsl:template name="pm:note">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:choose>
      <xsl:when test="te:note-kind(.) = ('inline', 'block')">
        <xsl:variable name="brackets" select="tokenize(@rend) = 'brackets'"/>
        <xsl:element name="{if (te:in-phrasing(.)) then 'span' else 'p'}">
          <xsl:attribute name="class" select="normalize-space(string-join(('inline-note', @type, @subtype,
                                              if (te:note-kind(.) = 'block') then 'block-note' else (), $class), ' '))"/>
          <xsl:if test="$brackets">[</xsl:if>
          <xsl:apply-templates select="$content" mode="fn"/>
          <xsl:if test="$brackets">]</xsl:if>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="n" select="tp:note-n(.)"/>
        <!-- The id takes the running number, unique in the document even where two notes share an @n. -->
        <xsl:variable name="id" select="tp:doc-id(ancestor::tei:TEI[1]) || '-note-' || te:note-number(.)"/>
        <xsl:choose>
          <xsl:when test="tp:is-endnote(.)">
            <div class="endnote" id="{$id}" data-n="{$n}">
              <!-- A note whose text opens with its own number (the source's) is not numbered twice. -->
              <xsl:variable name="text" select="normalize-space(string-join($content))"/>
              <xsl:if test="not(starts-with($text, $n)
                                and not(matches(substring($text, string-length($n) + 1, 1), '\w')))">
                <span class="endnote-n"><xsl:value-of select="$n"/>.</span><xsl:text> </xsl:text>
              </xsl:if>
              <xsl:apply-templates select="$content" mode="fn"/>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="body"><xsl:apply-templates select="$content" mode="fn"/></xsl:variable>
            <!-- The call and the note's number link to each other (a CSS footnote's own call is no link). -->
            <xsl:element name="{if (te:inside-link(.)) then 'span' else 'a'}">
              <xsl:attribute name="class" select="'note-call'"/>
              <xsl:attribute name="id" select="$id || '-call'"/>
              <xsl:if test="not(te:inside-link(.))">
                <xsl:attribute name="href" select="'#' || $id"/>
                <xsl:attribute name="aria-label" select="'Note ' || $n"/>
              </xsl:if>
              <xsl:value-of select="$n"/>
            </xsl:element>
            <span class="footnote{if (@resp = '#teiedit') then ' by-teiedit' else ''}" id="{$id}"
                  data-n="{$n}"><a class="note-back" href="#{$id}-call" aria-label="Back to the call of note {$n}"><xsl:value-of select="$n"/>.</a>
              <xsl:text> </xsl:text><xsl:apply-templates select="$body" mode="tp:one-line"/></span>
          </xsl:otherwise>
        </xsl:choose>
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
