<?xml version="1.0" encoding="UTF-8"?>
<!-- Names: persName, placeName, orgName (and name, rs) with @ref="#id" link to their register entry, carry a
     stable id (so the register can link back to each mention) and a short description for hover/focus.
     Register entries reach the stylesheet inside a te:bundle (te:registers) built by builders/html.py; without
     them names are plain spans. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs" mode="text">
    <xsl:variable name="entry" select="te:entry(.)"/>
    <xsl:variable name="external" select="if (empty($entry) and matches(@ref, '^\s*https?:')) then te:safe-url(tokenize(normalize-space(@ref), ' ')[1]) else ''"/>
    <xsl:variable name="classes" select="'entity ' || local-name() || (if (@resp = '#teiedit') then ' machine' else '')
                                          || (if (@cert) then ' cert-' || te:class-token(@cert) else '')"/>
    <xsl:choose>
      <xsl:when test="$entry and not(te:inside-link(.))">
        <xsl:variable name="id" select="te:safe-id($entry/@xml:id)"/>
        <a class="{$classes}" href="{te:entry-href($entry)}"
           data-entity="{$id}" title="{te:entry-tooltip($entry)}">
          <!-- Document pages list the descriptions (te:entity-list); register pages do not need to. -->
          <xsl:if test="root()/te:bundle[@kind = 'document']"><xsl:attribute name="aria-describedby" select="'desc-' || $id"/></xsl:if>
          <xsl:call-template name="te:mention-id"/>
          <xsl:apply-templates mode="text"/>
        </a>
      </xsl:when>
      <xsl:when test="$external and not(te:inside-link(.))">
        <a class="{$classes} external" href="{$external}" rel="external noopener"><xsl:apply-templates mode="text"/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$classes}">
          <xsl:if test="$entry">
            <xsl:attribute name="data-entity" select="te:safe-id($entry/@xml:id)"/>
            <xsl:call-template name="te:mention-id"/>
          </xsl:if>
          <xsl:apply-templates mode="text"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The id attribute of a mention in the text (names in the header get none: they are not mentions). -->
  <xsl:template name="te:mention-id">
    <xsl:variable name="id" select="te:mention-id(.)"/>
    <xsl:if test="$id"><xsl:attribute name="id" select="$id"/></xsl:if>
  </xsl:template>

  <xsl:function name="te:entry-tooltip" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="d" select="te:entry-description($entry)"/>
    <xsl:sequence select="te:entry-name($entry) || (if ($d) then ': ' || $d else '')"/>
  </xsl:function>

  <!-- The names of a document with their descriptions: the target of aria-describedby and of the pop-ups,
       and, without scripts, a list a reader can consult. -->
  <xsl:template name="te:entity-list">
    <xsl:param name="text" as="element()*"/>
    <xsl:variable name="entries" as="element()*">
      <xsl:for-each-group select="$text//(tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs)[@ref]"
                          group-by="te:ref-id(@ref)">
        <xsl:sequence select="te:entry(.)"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:if test="$entries">
      <aside class="entities" aria-labelledby="entities-heading">
        <h2 id="entities-heading">Named in this document</h2>
        <xsl:for-each-group select="$entries" group-by="te:register-page(.)">
          <xsl:sort select="index-of(('persons', 'places', 'orgs'), current-grouping-key())"/>
          <h3><xsl:value-of select="map{'persons': 'Persons', 'places': 'Places', 'orgs': 'Organisations'}(current-grouping-key())"/></h3>
          <ul>
            <xsl:for-each select="current-group()">
              <xsl:sort select="lower-case(te:entry-name(.))"/>
              <li id="desc-{te:safe-id(@xml:id)}" class="entity-desc">
                <a href="{te:entry-href(.)}"><xsl:value-of select="te:entry-name(.)"/></a>
                <xsl:if test="te:entry-description(.)">
                  <xsl:text>: </xsl:text><span class="desc"><xsl:value-of select="te:entry-description(.)"/></span>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:for-each-group>
      </aside>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
