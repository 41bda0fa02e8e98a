<?xml version="1.0" encoding="UTF-8"?>
<!-- Behaviours of lists and tables (web): list, listItem (and a list of labels as a description list),
     table, row, cell. A child that is not an item or a row is put in one of its own, so nothing is lost. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:pm="urn:teiedit:pm" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- Lists: ul/ol of items; a head stays in the list, and a child that is not an item is put in an item of
       its own, so that nothing is dropped. -->
  <xsl:template name="pm:list">
    <xsl:param name="content" as="item()*" select="node() except tei:head"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="heading" as="item()*" select="tei:head"/>
    <xsl:param name="ordered" as="xs:boolean" select="@type = ('ordered', 'numbered') or tokenize(@rend) = ('numbered', 'ordered')"/>
    <xsl:choose>
      <xsl:when test="te:in-phrasing(.)">
        <span class="{normalize-space(string-join(('tei-list', $class, 'block'), ' '))}">
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="($heading, $content)"/></xsl:call-template>
        </span>
      </xsl:when>
      <xsl:when test="tei:label">
        <div class="{normalize-space(string-join(('tei-list', $class, te:class-token(@type)), ' '))}">
          <xsl:call-template name="te:id"/>
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$heading"/></xsl:call-template>
          <xsl:call-template name="te:gloss-list"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <div class="{normalize-space(string-join(('tei-list', $class, te:class-token(@type)), ' '))}">
          <xsl:call-template name="te:id"/>
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$heading"/></xsl:call-template>
          <xsl:element name="{if ($ordered) then 'ol' else 'ul'}">
            <!-- Numbers already written in the items' text (as the source has them) are not doubled. -->
            <xsl:if test="tei:item and (every $i in tei:item satisfies
                          ($i/@n and starts-with(normalize-space($i), normalize-space($i/@n))))">
              <xsl:attribute name="class" select="'numbered-in-text'"/>
            </xsl:if>
            <xsl:for-each select="$content">
              <xsl:choose>
                <xsl:when test=". instance of element() and pm:behaviour(.) = $te:item-behaviours"><xsl:apply-templates select="." mode="text"/></xsl:when>
                <xsl:when test=". instance of element()"><li class="tei-{local-name()}"><xsl:apply-templates select="." mode="text"/></li></xsl:when>
                <xsl:when test=". instance of text()"><xsl:if test="normalize-space()"><li><xsl:value-of select="."/></li></xsl:if></xsl:when>
                <xsl:when test=". instance of node()"/>
                <xsl:otherwise><li><xsl:value-of select="."/></li></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </xsl:element>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Behaviours that render a list's child as an item of it (li) themselves. -->
  <xsl:variable name="te:item-behaviours" as="xs:string*" select="('listItem', 'entry', 'witness')"/>

  <!-- A list of labels and items (a glossary, a list of sigla): a description list, label and item paired. -->
  <xsl:template name="te:gloss-list">
    <xsl:param name="content" as="item()*"/>
    <dl>
      <xsl:for-each select="$content">
        <xsl:choose>
          <xsl:when test=". instance of element(tei:label)"><dt><xsl:call-template name="te:id"/><xsl:apply-templates mode="text"/></dt></xsl:when>
          <xsl:when test=". instance of element(tei:item)"><dd><xsl:call-template name="te:id"/><xsl:apply-templates mode="text"/></dd></xsl:when>
          <xsl:when test=". instance of element()"><dd><xsl:apply-templates select="." mode="text"/></dd></xsl:when>
          <xsl:when test=". instance of text()"><xsl:if test="normalize-space()"><dd><xsl:value-of select="."/></dd></xsl:if></xsl:when>
        </xsl:choose>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <!-- An item: li in a list laid out as a list, else a block. -->
  <xsl:template name="pm:listItem">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:choose>
      <xsl:when test="parent::*[pm:behaviour(.) = 'list'] and not(te:in-phrasing(..))">
        <li>
          <xsl:if test="exists($class)"><xsl:attribute name="class" select="string-join($class, ' ')"/></xsl:if>
          <xsl:call-template name="te:id"/>
          <xsl:call-template name="te:lang"/>
          <xsl:if test="@n and ../@type = 'ordered'"><xsl:attribute name="data-n" select="@n"/></xsl:if>
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </li>
      </xsl:when>
      <xsl:otherwise>
        <span class="{normalize-space(string-join(('tei-' || local-name(), $class, 'block'), ' '))}">
          <xsl:call-template name="te:id"/>
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Tables: rows and cells; a child of the table that is not a row gets a row of its own. -->
  <xsl:template name="pm:table">
    <xsl:param name="content" as="item()*" select="node() except tei:head"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="caption" as="item()*" select="tei:head/node()"/>
    <xsl:choose>
      <xsl:when test="te:in-phrasing(.)">
        <span class="tei-table block"><xsl:apply-templates mode="text"/></span>
      </xsl:when>
      <xsl:otherwise>
        <table class="{normalize-space(string-join(('tei-table', $class), ' '))}">
          <xsl:call-template name="te:id"/>
          <xsl:call-template name="te:lang"/>
          <xsl:if test="exists($caption)">
            <caption><xsl:call-template name="te:content"><xsl:with-param name="content" select="$caption"/></xsl:call-template></caption>
          </xsl:if>
          <xsl:for-each select="$content">
            <xsl:choose>
              <xsl:when test=". instance of element() and pm:behaviour(.) = 'row'"><xsl:apply-templates select="." mode="text"/></xsl:when>
              <xsl:when test=". instance of element()"><tr><td><xsl:apply-templates select="." mode="text"/></td></tr></xsl:when>
              <xsl:when test=". instance of text()"><xsl:if test="normalize-space()"><tr><td><xsl:value-of select="."/></td></tr></xsl:if></xsl:when>
            </xsl:choose>
          </xsl:for-each>
        </table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pm:row">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:choose>
      <xsl:when test="parent::*[pm:behaviour(.) = 'table'] and not(te:in-phrasing(..))">
        <tr>
          <xsl:if test="exists($class)"><xsl:attribute name="class" select="string-join($class, ' ')"/></xsl:if>
          <xsl:for-each select="$content">
            <xsl:choose>
              <xsl:when test=". instance of element() and pm:behaviour(.) = 'cell'"><xsl:apply-templates select="." mode="text"/></xsl:when>
              <xsl:when test=". instance of element()"><td><xsl:apply-templates select="." mode="text"/></td></xsl:when>
              <xsl:when test=". instance of text()"><xsl:if test="normalize-space()"><td><xsl:value-of select="."/></td></xsl:if></xsl:when>
            </xsl:choose>
          </xsl:for-each>
        </tr>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pm:unmodelled"><xsl:with-param name="content" select="$content"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pm:cell">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:choose>
      <xsl:when test="parent::*[pm:behaviour(.) = 'row'] and not(te:in-phrasing(..))">
        <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
          <xsl:if test="exists($class)"><xsl:attribute name="class" select="string-join($class, ' ')"/></xsl:if>
          <xsl:if test="@cols castable as xs:integer"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
          <xsl:if test="@rows castable as xs:integer"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
          <xsl:call-template name="te:lang"><xsl:with-param name="block" select="true()"/></xsl:call-template>
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pm:unmodelled"><xsl:with-param name="content" select="$content"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
