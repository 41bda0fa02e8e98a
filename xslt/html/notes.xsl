<?xml version="1.0" encoding="UTF-8"?>
<!-- Notes: footnotes become numbered markers in the text and a list at the end, linked both ways;
     notes standing between blocks (orphans collected in back, block notes) are shown where they stand. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <!-- A footnote is a note anchored in running text (or declared foot/end); orphans and block notes are not. -->
  <xsl:function name="te:is-footnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="not($note/@type = 'orphan')
                          and ($note/@place = ('foot', 'end', 'bottom', 'margin', 'inline') or te:in-phrasing($note)
                               or $note/ancestor::tei:note)"/>
  </xsl:function>

  <!-- The running number of a footnote in its document (1, 2, ...): the key of its ids. The key indexes
       the footnotes of a tree once, so numbering stays linear in practice even with thousands of notes. -->
  <xsl:key name="te:footnotes" match="tei:note[te:is-footnote(.)]" use="'footnote'"/>
  <xsl:function name="te:note-number" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="count(key('te:footnotes', 'footnote', te:doc-scope($note))[. &lt;&lt; $note]) + 1"/>
  </xsl:function>

  <!-- Ids of notes must stay unique when several documents share a page (print edition). -->
  <xsl:function name="te:note-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="doc" select="$note/ancestor::tei:TEI[1]"/>
    <xsl:variable name="prefix" select="if ($doc/parent::tei:teiCorpus and $doc/@xml:base) then te:safe-id(te:page($doc)) || '-' else ''"/>
    <xsl:sequence select="$prefix || $kind || '-' || te:note-number($note)"/>
  </xsl:function>

  <xsl:function name="te:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if (normalize-space($note/@n)) then normalize-space($note/@n) else string(te:note-number($note))"/>
  </xsl:function>

  <xsl:template match="tei:note" mode="text">
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
      <xsl:otherwise>
        <xsl:call-template name="te:block">
          <xsl:with-param name="element" select="'aside'"/>
          <xsl:with-param name="class" select="string-join(('note', te:note-classes(.)), ' ')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
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
