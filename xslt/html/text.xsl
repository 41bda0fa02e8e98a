<?xml version="1.0" encoding="UTF-8"?>
<!-- Matching: which HTML each TEI element of tei:text becomes (mode "text"). Unknown elements fall back
     to a generic span/div that keeps their text: nothing is silently dropped. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:template match="tei:div" mode="text">
    <section class="tei-div {@type}">
      <xsl:call-template name="te:id"/>
      <xsl:apply-templates mode="text"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:head" mode="text">
    <xsl:variable name="depth" select="min((count(ancestor::tei:div) + 2, 6))"/>
    <xsl:element name="h{$depth}">
      <xsl:attribute name="class" select="'tei-head'"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:p" mode="text">
    <p><xsl:call-template name="te:id"/><xsl:apply-templates mode="text"/></p>
  </xsl:template>

  <xsl:template match="tei:hi" mode="text">
    <xsl:variable name="rend" select="tokenize(@rend)"/>
    <xsl:choose>
      <xsl:when test="$rend = 'italic'"><em><xsl:apply-templates mode="text"/></em></xsl:when>
      <xsl:when test="$rend = 'bold'"><strong><xsl:apply-templates mode="text"/></strong></xsl:when>
      <xsl:when test="$rend = 'sup'"><sup><xsl:apply-templates mode="text"/></sup></xsl:when>
      <xsl:otherwise><span class="tei-hi"><xsl:apply-templates mode="text"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:lb" mode="text"><br/></xsl:template>

  <xsl:template match="tei:date" mode="text">
    <time class="tei-date">
      <xsl:if test="@when castable as xs:date or @when castable as xs:gYear or @when castable as xs:gYearMonth">
        <xsl:attribute name="datetime" select="@when"/>
      </xsl:if>
      <xsl:apply-templates mode="text"/>
    </time>
  </xsl:template>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name" mode="text">
    <span class="entity {local-name()}">
      <xsl:if test="@ref"><xsl:attribute name="data-ref" select="@ref"/></xsl:if>
      <xsl:apply-templates mode="text"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:note" mode="text">
    <xsl:variable name="n" select="if (@n) then string(@n) else string(count(preceding::tei:note[ancestor::tei:text]) + 1)"/>
    <a class="noteref" href="#note-{$n}" id="noteref-{$n}" role="doc-noteref"><sup><xsl:value-of select="$n"/></sup></a>
  </xsl:template>

  <!-- Fallback: any other element keeps its text, in a div for block-like content, a span otherwise. -->
  <xsl:template match="*" mode="text">
    <xsl:choose>
      <xsl:when test="tei:p | tei:div | tei:list | tei:table | tei:lg">
        <div class="tei-{local-name()}"><xsl:apply-templates mode="text"/></div>
      </xsl:when>
      <xsl:otherwise>
        <span class="tei-{local-name()}"><xsl:apply-templates mode="text"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Footnotes of a document, listed at the end with links back to the anchors. -->
  <xsl:template name="te:footnotes">
    <xsl:param name="text" as="element()*"/>
    <xsl:variable name="notes" select="$text//tei:note"/>
    <xsl:if test="$notes">
      <section class="footnotes" role="doc-endnotes" aria-label="Notes">
        <h2>Notes</h2>
        <ol>
          <xsl:for-each select="$notes">
            <xsl:variable name="n" select="if (@n) then string(@n) else string(count(preceding::tei:note[ancestor::tei:text]) + 1)"/>
            <li id="note-{$n}" value="{if ($n castable as xs:integer) then $n else position()}">
              <xsl:apply-templates mode="text"/>
              <xsl:text> </xsl:text>
              <a href="#noteref-{$n}" class="noteback" aria-label="Back to the text">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="te:id">
    <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
  </xsl:template>
</xsl:stylesheet>
