<?xml version="1.0" encoding="UTF-8"?>
<!-- Standoff annotations (standOff/listAnnotation/annotation, TEI P5 4.5.0 and later) on the web page: a section
     after the notes that lists each annotation with the text it points at (a link to it where the target
     renders with an id) and its body. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:template name="te:annotations">
    <xsl:variable name="annotations" select="tei:standOff//tei:annotation"/>
    <xsl:if test="$annotations">
      <section class="annotations" aria-labelledby="annotations-heading">
        <h2 id="annotations-heading">Annotations</h2>
        <ol>
          <xsl:for-each select="$annotations">
            <li class="annotation">
              <xsl:if test="@xml:id"><xsl:attribute name="id" select="te:safe-id(@xml:id)"/></xsl:if>
              <xsl:variable name="annotation" select="."/>
              <xsl:variable name="targets" select="tokenize(normalize-space(@target), ' ')"/>
              <xsl:if test="exists($targets)">
                <span class="annotation-target">
                  <xsl:for-each select="$targets">
                    <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
                    <xsl:call-template name="te:annotation-target">
                      <xsl:with-param name="annotation" select="$annotation"/>
                      <xsl:with-param name="target" select="."/>
                    </xsl:call-template>
                  </xsl:for-each>
                </span>
                <xsl:text>: </xsl:text>
              </xsl:if>
              <!-- the body: a note's content as running text (it is no footnote here), anything else (who
                   annotated, the licence) as the header shows it -->
              <xsl:for-each select="*">
                <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
                <xsl:choose>
                  <xsl:when test="self::tei:note"><span class="annotation-body"><xsl:apply-templates select="node()" mode="text"/></span></xsl:when>
                  <xsl:otherwise><xsl:apply-templates select="." mode="meta"><xsl:with-param name="separated" select="true()"/></xsl:apply-templates></xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- What one pointer of an annotation points at: the text of the element with that id (quoted, linked when
       it renders with an id), else the pointer as written. -->
  <xsl:template name="te:annotation-target">
    <xsl:param name="annotation" as="element()"/>
    <xsl:param name="target" as="xs:string"/>
    <xsl:variable name="el" select="if (starts-with($target, '#'))
        then key('te:by-id', substring($target, 2), te:doc-scope($annotation))[1] else ()"/>
    <xsl:variable name="url" select="te:link-target($annotation, $target)"/>
    <xsl:variable name="text" select="if ($el) then '“' || te:corrected-text($el) || '”' else $target"/>
    <xsl:choose>
      <xsl:when test="$url"><a href="{$url}"><xsl:value-of select="$text"/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
