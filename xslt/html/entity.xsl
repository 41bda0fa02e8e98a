<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: the pages of persons, places and organisations (entities/<id>.html) from te:entity-pages,
     which builders/sitedata.py computes from the registers and the documents' summaries. One page per entry
     (more when its mentions fill more than one): names and variants, description, dates, authority links,
     a map for a place with coordinates, the letters a correspondent sent and received, every mention in
     context grouped by document, and the entries named in the same documents. Each page is written with
     xsl:result-document; the stylesheet runs with $root = '../'. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="frame.xsl"/>
  <xsl:include href="render.xsl"/>  <!-- the processing model: mentions quoted in context render as in pages -->
  <xsl:include href="map.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:variable name="te:kind-labels" select="map{'persons': 'Person', 'places': 'Place', 'orgs': 'Organisation'}"/>

  <xsl:template match="/">
    <xsl:for-each select="te:entity-pages/te:entity-page">
      <xsl:result-document href="{@href}" method="html" html-version="5" encoding="UTF-8" indent="no">
        <xsl:apply-templates select="."/>
      </xsl:result-document>
    </xsl:for-each>
    <p>Entity pages: <xsl:value-of select="count(te:entity-pages/te:entity-page)"/></p>
  </xsl:template>

  <xsl:template match="te:entity-page">
    <xsl:variable name="entry" select="te:registers/*[1]"/>
    <xsl:variable name="title" select="if (@n = '1') then string(@name) else @name || ' (page ' || @n || ')'"/>
    <xsl:call-template name="te:frame">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="body-class" select="'entity-page'"/>
      <xsl:with-param name="path" select="string(@href)"/>
      <xsl:with-param name="current" select="string(@kind)"/>
      <xsl:with-param name="page-jsonld" select="string(@jsonld)" tunnel="yes"/>
      <xsl:with-param name="content">
        <article class="entity" aria-labelledby="entity-title">
          <header>
            <h1 id="entity-title"><xsl:value-of select="$title"/></h1>
            <p class="entity-kind"><a href="../{@kind}.html#{@slug}"><xsl:value-of select="$te:kind-labels(string(@kind))"/></a>
              <xsl:if test="xs:integer(@docs) gt 0">
                <xsl:text> · named </xsl:text><xsl:value-of select="te:times(xs:integer(@mentions))"/>
                <xsl:text> in </xsl:text><xsl:value-of select="te:count(xs:integer(@docs), 'document')"/>
              </xsl:if>
            </p>
          </header>
          <xsl:if test="@n = '1' and $entry">
            <xsl:apply-templates select="$entry" mode="entry">
              <xsl:with-param name="relations" select="te:part-of | te:part" tunnel="yes"/>
            </xsl:apply-templates>
            <xsl:if test="te:origins/*">
              <!-- an entry of an imported document's own register (teiedit/imported_registers.py) -->
              <p class="entity-origins"><xsl:text>From the registers of </xsl:text>
                <xsl:for-each select="te:origins/*">
                  <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
                  <xsl:choose>
                    <xsl:when test="self::te:doc"><xsl:call-template name="te:doc-link"/></xsl:when>
                    <xsl:otherwise><code><xsl:value-of select="@name"/></code></xsl:otherwise>
                  </xsl:choose>
                </xsl:for-each>
                <xsl:variable name="more" select="xs:integer(te:origins/@count) - count(te:origins/*)"/>
                <xsl:if test="$more gt 0"><xsl:text> and </xsl:text><xsl:value-of select="te:count($more, 'more document')"/></xsl:if>
                <xsl:text> (imported).</xsl:text>
              </p>
            </xsl:if>
            <xsl:if test="@lat">
              <xsl:call-template name="te:map">
                <xsl:with-param name="id" select="'entity-map'"/>
                <xsl:with-param name="label" select="'Where ' || @name || ' is'"/>
                <xsl:with-param name="points" select="."/>
              </xsl:call-template>
            </xsl:if>
            <xsl:call-template name="te:letters"/>
          </xsl:if>
          <xsl:call-template name="te:mentions"/>
          <xsl:if test="te:cooccurring/te:e">
            <section class="cooccurring" aria-labelledby="cooccurring-heading">
              <h2 id="cooccurring-heading">Named in the same documents</h2>
              <ul>
                <xsl:for-each select="te:cooccurring/te:e">
                  <li><a href="{@slug}.html"><xsl:value-of select="@name"/></a>
                    <span class="count"> (<xsl:value-of select="te:count(xs:integer(@docs), 'document')"/>)</span></li>
                </xsl:for-each>
              </ul>
            </section>
          </xsl:if>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="te:letters">
    <xsl:for-each-group select="te:letters/te:doc" group-by="@role">
      <section class="letters letters-{current-grouping-key()}" aria-labelledby="letters-{current-grouping-key()}">
        <h2 id="letters-{current-grouping-key()}"><xsl:value-of select="if (current-grouping-key() = 'sent') then 'Letters and documents sent' else 'Letters and documents received'"/></h2>
        <ul>
          <xsl:for-each select="current-group()">
            <li><xsl:call-template name="te:doc-link"/></li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:for-each-group>
  </xsl:template>

  <xsl:template name="te:doc-link">
    <a href="{$root}{@page}.html"><xsl:value-of select="@title"/></a>
    <xsl:if test="normalize-space(@date)"><xsl:text> </xsl:text><time datetime="{@date}"><xsl:value-of select="@date"/></time></xsl:if>
  </xsl:template>

  <!-- Every mention in context (keyword in context), grouped by document. -->
  <xsl:template name="te:mentions">
    <section class="mentions" aria-labelledby="mentions-heading">
      <h2 id="mentions-heading">Mentions</h2>
      <xsl:choose>
        <xsl:when test="empty(te:mentions/te:doc)"><p class="no-mentions">Not mentioned in the documents of the edition.</p></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="te:pages"/>
          <xsl:for-each select="te:mentions/te:doc">
            <section class="mention-doc">
              <h3><xsl:call-template name="te:doc-link"/></h3>
              <ul class="kwic">
                <xsl:for-each select="te:m">
                  <li>
                    <span class="before"><xsl:value-of select="@before"/></span><xsl:text> </xsl:text>
                    <a class="mention" href="{$root}{../@page}.html#{@anchor}"><xsl:value-of select="."/></a>
                    <xsl:text> </xsl:text><span class="after"><xsl:value-of select="@after"/></span>
                  </li>
                </xsl:for-each>
              </ul>
              <xsl:if test="xs:integer(@count) gt count(te:m)">
                <p class="more-mentions"><a href="{$root}{@page}.html">
                  <xsl:value-of select="xs:integer(@count) - count(te:m)"/> more in this document</a></p>
              </xsl:if>
            </section>
          </xsl:for-each>
          <xsl:call-template name="te:pages"/>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="te:pages">
    <xsl:if test="xs:integer(@pages) gt 1">
      <xsl:variable name="here" select="xs:integer(@n)"/>
      <xsl:variable name="slug" select="string(@slug)"/>
      <nav class="pages" aria-label="Pages of mentions">
        <ul>
          <xsl:for-each select="1 to xs:integer(@pages)">
            <li><a href="{$slug}{if (. = 1) then '' else '-' || .}.html">
              <xsl:if test=". = $here"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
              <xsl:value-of select="."/></a></li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:function name="te:count" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="what" as="xs:string"/>
    <xsl:sequence select="$n || ' ' || $what || (if ($n = 1) then '' else 's')"/>
  </xsl:function>
  <xsl:function name="te:times" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if ($n = 1) then 'once' else if ($n = 2) then 'twice' else $n || ' times'"/>
  </xsl:function>

  <!-- An entry's own data: variants, description, dates, authority links, anything further. -->
  <xsl:template match="*" mode="entry">
    <xsl:param name="relations" as="element()*" tunnel="yes"/>
    <xsl:variable name="names" select="tei:persName | tei:placeName | tei:orgName | tei:name"/>
    <xsl:variable name="preferred" select="te:entry-name(.)"/>
    <xsl:variable name="description" select="te:entry-description-element(.)"/>
    <xsl:variable name="dates" select="tei:birth | tei:death | tei:floruit | tei:event"/>
    <xsl:variable name="authority" select="tei:idno"/>
    <xsl:variable name="location" select="tei:location"/>
    <xsl:variable name="shown" select="$names | $description | $dates | $authority | $location"/>
    <dl class="entry-data">
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
          <xsl:choose>
            <xsl:when test="normalize-space()"><xsl:apply-templates mode="text"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="string-join((@when, @from, @notBefore, @to, @notAfter), '–')"/></xsl:otherwise>
          </xsl:choose>
        </dd>
      </xsl:for-each>
      <xsl:for-each select="$location">
        <dt>Location</dt>
        <dd class="location"><xsl:apply-templates select="." mode="text"/></dd>
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
      <!-- An entry nested in another (a central committee in its party) is a part of it; its parts are
           entries of their own, with their own pages. -->
      <xsl:for-each-group select="$relations" group-by="local-name()">
        <dt><xsl:value-of select="if (current-grouping-key() = 'part-of') then 'Part of' else 'Parts'"/></dt>
        <xsl:for-each select="current-group()">
          <dd><a href="{@slug}.html"><xsl:value-of select="@name"/></a></dd>
        </xsl:for-each>
      </xsl:for-each-group>
      <xsl:variable name="other" select="* except ($shown | tei:org | tei:place | tei:person | tei:personGrp)"/>
      <xsl:if test="$other">
        <dt>More</dt>
        <xsl:for-each select="$other">
          <dd class="more-{te:class-token(local-name())}"><xsl:apply-templates select="." mode="text"/></dd>
        </xsl:for-each>
      </xsl:if>
    </dl>
    <xsl:call-template name="te:footnotes"><xsl:with-param name="text" select="."/></xsl:call-template>
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
