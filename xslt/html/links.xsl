<?xml version="1.0" encoding="UTF-8"?>
<!-- Behaviours of links and generated lists (web): ref and ptr, with a text of their own when the TEI gives
     them none; a table of contents (divGen). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:pm="urn:teiedit:pm" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- A link: only safe URLs become hrefs (te:link-target). A pointer, and a reference without text, say
       where they point: "note 3", "↗ the-id", the URL, or the target as written. -->
  <xsl:template name="pm:link">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="uri" as="xs:string?" select="tokenize(normalize-space(@target), ' ')[1]"/>
    <xsl:variable name="url" select="te:link-target(., $uri)"/>
    <xsl:variable name="classes" select="normalize-space(string-join(('tei-' || local-name(), $class), ' '))"/>
    <xsl:variable name="text" select="if (self::tei:ptr or not(normalize-space()) and not(*)) then te:link-text($url, $uri, .) else ''"/>
    <!-- Generated text right after a word is set off from it. -->
    <xsl:variable name="generated" select="if ($text and matches(string(preceding-sibling::node()[1]), '[\p{L}\p{N}]$')) then ' ' || $text else $text"/>
    <xsl:choose>
      <xsl:when test="$url and not(te:inside-link(.))">
        <a class="{$classes}" href="{$url}">
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
          <xsl:value-of select="$generated"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$classes}">
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
          <xsl:value-of select="$generated"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="te:link-text" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:param name="target" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <!-- A division, figure or table pointed at in the document is named by its heading. -->
    <xsl:variable name="head" select="if (starts-with($target, '#'))
        then normalize-space(key('te:by-id', substring($target, 2), te:doc-scope($context))[1]/tei:head[1]) else ''"/>
    <xsl:sequence select="if (starts-with($url, '#note-')) then 'note ' || substring-after($url, '#note-')
                          else if ($head) then $head
                          else if (starts-with($url, '#')) then '↗ ' || substring($url, 2)
                          else if ($url) then $url
                          else if (matches($target, '^[\p{L}\p{Nd}_.\-/#]+$')) then $target else ''"/>
  </xsl:function>

  <!-- A generated division: a table of contents (type "toc") lists the headings of the text's divisions,
       linked to them. -->
  <xsl:template name="pm:index">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="type" as="xs:string" select="'toc'"/>
    <xsl:variable name="heads" select="ancestor::tei:text[last()]//tei:head[parent::*[self::tei:div or self::tei:div1
                                       or self::tei:div2 or self::tei:div3]][not(ancestor::tei:note)]"/>
    <nav class="{normalize-space(string-join(('tei-divGen', 'toc', $class), ' '))}" aria-label="Contents">
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
      <xsl:if test="$heads">
        <ul>
          <xsl:for-each select="$heads">
            <li class="toc-level-{count(ancestor::*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3])}">
              <a href="#{if (@xml:id) then te:safe-id(@xml:id) else 'te-b' || accumulator-before('te:blocks')}">
                <xsl:value-of select="te:corrected-text(.)"/>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </nav>
  </xsl:template>
</xsl:stylesheet>
