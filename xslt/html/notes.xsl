<?xml version="1.0" encoding="UTF-8"?>
<!-- The note behaviour (web). Footnotes become numbered markers in the text and a list at the end, linked both ways;
     notes standing between blocks (orphans collected in back, block notes) and notes the source printed in
     its text are shown where they stand. The kinds and numbers are teiedit's facts (teiedit/facts.py), looked
     up by te:note-kind and te:note-number (common/functions.xsl), shared with the print edition. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:pm="urn:teiedit:pm" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- Which notes are footnotes, and their numbers, come from the facts (te:note-kind, te:note-number in
       common/functions.xsl), which the print edition uses too. -->
  <xsl:function name="te:is-footnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="te:note-kind($note) = 'footnote'"/>
  </xsl:function>

  <!-- Ids of notes must stay unique when several documents share a page (print edition). -->
  <xsl:function name="te:note-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="doc" select="$note/ancestor::tei:TEI[1]"/>
    <xsl:variable name="prefix" select="if ($doc/parent::tei:teiCorpus and $doc/@xml:base) then te:safe-id(te:page($doc)) || '-' else ''"/>
    <xsl:sequence select="$prefix || $kind || '-' || te:note-number($note)"/>
  </xsl:function>

  <!-- A note: a numbered call and the note in the list at the end (footnotes), or where it stands (block
       notes and endnotes in an aside, notes the source printed in its text in place). -->
  <xsl:template name="pm:note">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:choose>
      <xsl:when test="te:is-footnote(.)">
        <xsl:variable name="label" select="te:note-label(.)"/>
        <xsl:choose>
          <xsl:when test="te:inside-link(.)">
            <sup class="noteref" id="{te:note-id(., 'noteref')}"><xsl:value-of select="$label"/></sup>
          </xsl:when>
          <xsl:otherwise>
            <a class="noteref{if (@resp = '#teiedit') then ' reading-corrected' else ''}" href="#{te:note-id(., 'note')}" id="{te:note-id(., 'noteref')}" role="doc-noteref"
               aria-label="Note {$label}"><sup><xsl:value-of select="$label"/></sup></a>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="te:note-kind(.) = 'inline'">
        <xsl:call-template name="te:inline-note"><xsl:with-param name="content" select="$content"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <!-- Block notes and endnotes stand where they are; an endnote keeps its number (data-n), the one
             the print edition prints before it. -->
        <xsl:element name="{if (te:in-phrasing(.)) then 'span' else 'aside'}">
          <xsl:attribute name="class" select="normalize-space(string-join(('tei-note', 'note', te:note-classes(.),
              $class, te:rend-classes(.), if (te:in-phrasing(.)) then 'block' else ()), ' '))"/>
          <xsl:if test="te:note-kind(.) = 'endnote'">
            <xsl:attribute name="data-n" select="te:note-label(.)"/>
          </xsl:if>
          <xsl:call-template name="te:id"/>
          <xsl:call-template name="te:lang"/>
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note the source printed in its running text (an editor's [?] or [sic], a [Source: …] line) stays
       where it is, unnumbered, as on paper: a paragraph between blocks, else inline; in brackets when the
       source had them. A note inside a note is said in parentheses within it. -->
  <xsl:template name="te:inline-note">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:variable name="nested" select="exists(ancestor::tei:note)"/>
    <xsl:variable name="brackets" select="tokenize(@rend) = 'brackets'"/>
    <xsl:element name="{if (te:in-phrasing(.) or $nested) then 'span' else 'p'}">
      <xsl:attribute name="class" select="normalize-space(string-join(('inline-note', te:note-classes(.)), ' '))"/>
      <xsl:call-template name="te:id"/>
      <xsl:call-template name="te:lang"/>
      <xsl:choose>
        <xsl:when test="$nested"> (<xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>)</xsl:when>
        <xsl:when test="$brackets">[<xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>]</xsl:when>
        <xsl:otherwise><xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <xsl:function name="te:note-classes" as="xs:string*">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="(if ($note/@type) then 'note-' || te:class-token($note/@type) else (),
                           if ($note/@resp = '#teiedit') then 'note-teiedit' else (),
                           if ($note/@place) then 'place-' || te:class-token($note/@place) else ())"/>
  </xsl:function>

  <!-- Footnotes of a document, listed at the end with links back to the anchors. -->
  <xsl:template name="te:footnotes">
    <xsl:param name="text" as="element()*"/>
    <xsl:variable name="notes" select="$text//tei:note[te:is-footnote(.)]"/>
    <xsl:if test="$notes">
      <section class="footnotes" role="doc-endnotes" aria-labelledby="{te:note-id($notes[1], 'notes-heading')}">
        <h2 id="{te:note-id($notes[1], 'notes-heading')}">Notes</h2>
        <ol>
          <xsl:for-each select="$notes">
            <xsl:variable name="label" select="te:note-label(.)"/>
            <li id="{te:note-id(., 'note')}" class="{string-join(('footnote', te:note-classes(.)), ' ')}">
              <a href="#{te:note-id(., 'noteref')}" class="note-label" aria-label="Back to the reference of note {$label}">
                <xsl:value-of select="$label"/>
              </a>
              <xsl:text> </xsl:text>
              <xsl:choose>
                <xsl:when test="@resp = '#teiedit'"><span class="note-kind">teiedit: </span></xsl:when>
                <xsl:when test="@type = 'editorial'"><span class="note-kind">Editor: </span></xsl:when>
              </xsl:choose>
              <div class="note-body"><xsl:apply-templates mode="text"/></div>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
