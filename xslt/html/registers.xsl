<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: the edition (te:bundle of te:registers and the teiCorpus) -> persons.html, places.html or
     orgs.html (parameter "kind"): every entry with its variants, description, dates, authority links, any
     further information, and every mention across the edition linked back into the documents. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="frame.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="editorial.xsl"/>
  <xsl:include href="entities.xsl"/>
  <xsl:include href="../common/names.xsl"/>  <!-- the registers' sort keys, shared with the print index -->

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:param name="kind" as="xs:string" select="'persons'"/>

  <xsl:variable name="te:register-titles" select="map{'persons': 'Persons', 'places': 'Places', 'orgs': 'Organisations'}"/>

  <xsl:template match="/">
    <xsl:variable name="entries" select="//te:registers//(tei:person | tei:personGrp | tei:place | tei:org)[@xml:id]
                                         [te:register-page(.) = $kind]"/>
    <xsl:call-template name="te:frame">
      <xsl:with-param name="title" select="($te:register-titles($kind), 'Register')[1]"/>
      <xsl:with-param name="body-class" select="'register-page'"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="($te:register-titles($kind), 'Register')[1]"/></h1>
        <xsl:choose>
          <xsl:when test="empty($entries)"><p>This register has no entries.</p></xsl:when>
          <xsl:otherwise>
            <nav class="register-toc" aria-label="Entries">
              <ul>
                <xsl:for-each select="$entries">
                  <xsl:sort select="te:sort-key(.)" lang="en"/>
                  <li><a href="#{te:safe-id(@xml:id)}"><xsl:value-of select="te:entry-name(.)"/></a></li>
                </xsl:for-each>
              </ul>
            </nav>
            <xsl:for-each select="$entries">
              <xsl:sort select="te:sort-key(.)" lang="en"/>
              <xsl:apply-templates select="." mode="entry"/>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="*" mode="entry">
    <xsl:variable name="id" select="te:safe-id(@xml:id)"/>
    <xsl:variable name="names" select="tei:persName | tei:placeName | tei:orgName | tei:name"/>
    <xsl:variable name="preferred" select="te:entry-name(.)"/>
    <xsl:variable name="description" select="te:entry-description-element(.)"/>
    <xsl:variable name="dates" select="tei:birth | tei:death | tei:floruit | tei:event"/>
    <xsl:variable name="authority" select="tei:idno"/>
    <xsl:variable name="shown" select="$names | $description | $dates | $authority"/>
    <section class="entry" id="{$id}" aria-labelledby="h-{$id}">
      <h2 id="h-{$id}"><xsl:value-of select="$preferred"/></h2>
      <dl>
        <xsl:variable name="variants" select="$names except ($names[normalize-space() = $preferred])[1]"/>
        <xsl:if test="$variants">
          <dt>Also written</dt>
          <dd><ul class="variants">
            <xsl:for-each select="$variants">
              <li>
                <xsl:call-template name="te:lang"/>
                <xsl:apply-templates mode="text"/>
                <xsl:if test="@type or @subtype or @xml:lang">
                  <span class="variant-kind"> (<xsl:value-of select="string-join((@type, @subtype, @xml:lang), ', ')"/>)</span>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul></dd>
        </xsl:if>
        <xsl:if test="$description">
          <dt>Description</dt>
          <dd class="description"><xsl:apply-templates select="$description/node()" mode="text"/></dd>
        </xsl:if>
        <xsl:for-each select="$dates">
          <dt><xsl:value-of select="concat(upper-case(substring(local-name(), 1, 1)), substring(local-name(), 2))"/></dt>
          <dd>
            <xsl:variable name="iso" select="string-join((@when, @from, @notBefore, @to, @notAfter), '–')"/>
            <xsl:choose>
              <xsl:when test="normalize-space()"><xsl:apply-templates mode="text"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$iso"/></xsl:otherwise>
            </xsl:choose>
          </dd>
        </xsl:for-each>
        <xsl:if test="$authority">
          <dt>Authority files</dt>
          <dd><ul class="authority">
            <xsl:for-each select="$authority">
              <xsl:variable name="url" select="te:authority-url(.)"/>
              <li>
                <xsl:if test="@type"><xsl:value-of select="@type"/>: </xsl:if>
                <xsl:choose>
                  <xsl:when test="$url"><a href="{$url}" rel="external"><xsl:value-of select="normalize-space()"/></a></xsl:when>
                  <xsl:otherwise><xsl:value-of select="normalize-space()"/></xsl:otherwise>
                </xsl:choose>
              </li>
            </xsl:for-each>
          </ul></dd>
        </xsl:if>
        <!-- An entry nested in another (a central committee in its party) is a part of it. -->
        <xsl:for-each select="parent::*[self::tei:org or self::tei:place or self::tei:person][@xml:id]">
          <dt>Part of</dt>
          <dd><a href="#{te:safe-id(@xml:id)}"><xsl:value-of select="te:entry-name(.)"/></a></dd>
        </xsl:for-each>
        <xsl:variable name="other" select="* except ($shown | tei:org | tei:place | tei:person | tei:personGrp)"/>
        <xsl:if test="$other">
          <dt>More</dt>
          <xsl:for-each select="$other">
            <dd class="more-{te:class-token(local-name())}"><xsl:apply-templates select="." mode="text"/></dd>
          </xsl:for-each>
        </xsl:if>
      </dl>
      <xsl:call-template name="te:footnotes"><xsl:with-param name="text" select="."/></xsl:call-template>
      <xsl:call-template name="te:mentions"><xsl:with-param name="id" select="string(@xml:id)"/></xsl:call-template>
    </section>
  </xsl:template>

  <!-- Every mention of an entry in the documents, grouped by document, each linked to its place. -->
  <xsl:template name="te:mentions">
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="mentions" select="key('te:mentions', $id)[ancestor::tei:TEI[1]/@xml:base]"/>
    <h3>Mentions</h3>
    <xsl:choose>
      <xsl:when test="empty($mentions)"><p class="no-mentions">Not mentioned in the documents of the edition.</p></xsl:when>
      <xsl:otherwise>
        <ul class="mentions">
          <xsl:for-each-group select="$mentions" group-by="generate-id(ancestor::tei:TEI[1])">
            <xsl:variable name="doc" select="ancestor::tei:TEI[1]"/>
            <li>
              <a href="{te:page($doc)}.html"><xsl:value-of select="te:title($doc)"/></a>
              <xsl:if test="te:date($doc)"><xsl:text> (</xsl:text><xsl:value-of select="te:date($doc)"/>)</xsl:if>
              <xsl:text>: </xsl:text>
              <xsl:for-each select="current-group()">
                <xsl:if test="position() gt 1">, </xsl:if>
                <a class="mention" href="{te:page($doc)}.html#{te:mention-id(.)}"><xsl:value-of select="te:corrected-text(.)"/></a>
              </xsl:for-each>
            </li>
          </xsl:for-each-group>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Authority identifiers: full URLs as they are (if safe); known schemes from bare identifiers. -->
  <xsl:function name="te:authority-url" as="xs:string">
    <xsl:param name="idno" as="element()"/>
    <xsl:variable name="v" select="normalize-space($idno)"/>
    <xsl:variable name="t" select="lower-case($idno/@type)"/>
    <xsl:sequence select="if (matches($v, '^https?://')) then te:safe-url($v)
                          else if (not(matches($v, '^[A-Za-z0-9._\-]+$'))) then ''
                          else if ($t = 'wikidata') then 'https://www.wikidata.org/wiki/' || $v
                          else if ($t = 'viaf') then 'https://viaf.org/viaf/' || $v
                          else if ($t = 'geonames') then 'https://www.geonames.org/' || $v
                          else if ($t = 'gnd') then 'https://d-nb.info/gnd/' || $v
                          else ''"/>
  </xsl:function>
</xsl:stylesheet>
