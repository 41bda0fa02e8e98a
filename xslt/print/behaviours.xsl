<?xml version="1.0" encoding="UTF-8"?>
<!-- Behaviours of the print edition that differ from the web's (the rest come from xslt/html/, which
     document.xsl imports): headings without ids, lists with the source's numbers, the endnotes division,
     bracketed expressions of the source, and the critical apparatus as a block after the text. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:tp="urn:teiedit:print" xmlns:pm="urn:teiedit:pm"
  xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:template name="pm:heading">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:variable name="depth" select="min((count(ancestor::tei:div) + 1, 6))"/>
    <xsl:element name="h{max((2, $depth))}">
      <xsl:attribute name="class" select="normalize-space(string-join(('tei-head', $class), ' '))"/>
      <xsl:call-template name="te:lang"><xsl:with-param name="block" select="true()"/></xsl:call-template>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- Lists: numbered lists keep the source's numbers (item/@n); a register's list (of entries) is a run
       of paragraphs, one per entry. -->
  <xsl:template name="pm:list">
    <xsl:param name="content" as="item()*" select="node() except tei:head"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="heading" as="item()*" select="tei:head"/>
    <xsl:param name="ordered" as="xs:boolean" select="@type = 'ordered' or exists(tei:item/@n)"/>
    <xsl:call-template name="te:content"><xsl:with-param name="content" select="$heading"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="*[pm:behaviour(.) = 'entry']">
        <div class="{normalize-space(string-join(('tei-list', 'register', $class), ' '))}">
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </div>
      </xsl:when>
      <xsl:when test="tei:label"><xsl:call-template name="te:gloss-list"><xsl:with-param name="content" select="$content"/></xsl:call-template></xsl:when>
      <xsl:otherwise>
        <xsl:element name="{if ($ordered) then 'ol' else 'ul'}">
          <xsl:attribute name="class" select="normalize-space(string-join(('tei-list', $class), ' '))"/>
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="pm:listItem">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <li>
      <xsl:if test="exists($class)"><xsl:attribute name="class" select="string-join($class, ' ')"/></xsl:if>
      <xsl:if test="@n castable as xs:integer"><xsl:attribute name="value" select="@n"/></xsl:if>
      <xsl:call-template name="te:lang"/>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </li>
  </xsl:template>

  <!-- A register entry is a paragraph of its list (WeasyPrint places footnotes deferred from an earlier
       page after paragraphs, not after the items of a long list). -->
  <xsl:function name="te:entry-element" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="phrasing" as="xs:boolean"/>
    <xsl:sequence select="if ($phrasing) then 'span' else 'p'"/>
  </xsl:function>

  <!-- A graphic: the print edition loads no image (only its own CSS), so a graphic keeps only its
       description. -->
  <xsl:template name="pm:graphic">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="url" as="xs:string?" select="@url"/>
    <span class="{normalize-space(string-join(('tei-graphic', $class), ' '))}">
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- Print has no facsimile column for a page break to link to. -->
  <xsl:template name="te:facs-link"/>

  <!-- The notes division of the back matter (notes that lost their anchor): the document's endnotes. -->
  <xsl:template name="pm:endnotes">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="heading" as="xs:string" select="'Notes without anchor'"/>
    <section class="{normalize-space(string-join(('endnotes', $class), ' '))}">
      <xsl:if test="not(tei:head)"><h2 class="tei-head"><xsl:value-of select="$heading"/></h2></xsl:if>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </section>
  </xsl:template>

  <!-- A bracketed expression of the source (@rend="brackets": the brackets are not characters in the TEI)
       gets its brackets back. -->
  <xsl:template name="pm:bracketed">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <span class="{string-join(('bracketed', @type, $class), ' ')}">[<xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>]</span>
  </xsl:template>

  <!-- Critical apparatus: the lemma in the text with the number of its entry; the entries follow the text
       (tp:apparatus, from document.xsl). -->
  <xsl:accumulator name="tp:apps" initial-value="0" as="xs:integer">
    <xsl:accumulator-rule match="tei:app" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:template name="pm:apparatus">
    <xsl:param name="content" as="item()*" select="te:app-lemma(.)"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="readings" as="element()*" select="te:app-readings(.) except $content"/>
    <xsl:choose>
      <!-- An app without lemma or readings is no apparatus entry: its content as it stands. -->
      <xsl:when test="not(tei:lem | tei:rdg | tei:rdgGrp)">
        <xsl:call-template name="pm:unmodelled"/>
      </xsl:when>
      <xsl:otherwise>
    <span class="{normalize-space(string-join(('app', $class), ' '))}">
      <xsl:call-template name="te:lemma-text"><xsl:with-param name="content" select="$content"/></xsl:call-template>
      <sup class="app-ref"><xsl:value-of select="tp:app-n(.)"/></sup>
    </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The number of an app in its document. -->
  <xsl:function name="tp:app-n" as="xs:integer">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="$app/accumulator-before('tp:apps') - te:doc-scope($app)/accumulator-before('tp:apps')"/>
  </xsl:function>

  <xsl:template name="tp:apparatus">
    <xsl:param name="text" as="element()*"/>
    <xsl:variable name="apps" select="$text//tei:app[not(ancestor::tei:app)][pm:behaviour(.) = 'apparatus']"/>
    <xsl:if test="$apps">
      <section class="apparatus">
        <h2 class="tei-head">Apparatus</h2>
        <xsl:for-each select="$apps">
          <p class="app-entry">
            <span class="app-n"><xsl:value-of select="tp:app-n(.)"/></span>
            <xsl:text> </xsl:text>
            <xsl:call-template name="te:apparatus-entry">
              <xsl:with-param name="lemma" select="te:app-lemma(.)"/>
              <xsl:with-param name="readings" select="te:app-readings(.) except te:app-lemma(.)"/>
            </xsl:call-template>
          </p>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
