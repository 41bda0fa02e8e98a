<?xml version="1.0" encoding="UTF-8"?>
<!-- Behaviours of a critical apparatus and of tokenised text (web). An app shows its lemma in the running
     text (its first reading when it has no lem; a mark when the lemma is empty); its entry (lemma ] reading
     sigla; reading sigla; ... with @loc, witDetail and the app's notes) is a pop-over that opens on hover
     and keyboard focus, and is in the page without scripts. Sigla come from @wit and @source: a pointer to
     a witness (listWit/witness) or a bibl of the document gives its @n or its id; anything else is shown as
     written. w and pc tokens that the TEI writes without spaces between them are spaced as words. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:pm="urn:teiedit:pm" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:key name="te:by-id" match="*[@xml:id]" use="string(@xml:id)"/>
  <!-- A witDetail standing apart from its app (in the text or a note), by the app's id in its @target. -->
  <xsl:key name="te:witDetail-for" match="tei:witDetail[@target][not(ancestor::tei:app)]"
    use="for $t in tokenize(@target) return substring-after($t, '#')"/>

  <!-- An apparatus entry (app): the lemma in the text, the entry in a pop-over. -->
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
    <span class="{normalize-space(string-join(('app', $class), ' '))}" tabindex="0">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="te:safe-id(@xml:id)"/></xsl:if>
      <span class="lem">
        <xsl:call-template name="te:lemma-text"><xsl:with-param name="content" select="$content"/></xsl:call-template>
      </span>
      <span class="app-entry" role="note">
        <xsl:text> </xsl:text>
        <xsl:call-template name="te:apparatus-entry">
          <xsl:with-param name="lemma" select="$content"/><xsl:with-param name="readings" select="$readings"/>
        </xsl:call-template>
      </span>
    </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The lemma of an app: its lem, also one inside a group of readings (rdgGrp); else, in running text,
       its first reading (an apparatus without base text); none in a list of apparatus entries kept apart
       from the text (listApp: the location-referenced method names the place with @loc). -->
  <xsl:function name="te:app-lemma" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="own" select="$app/descendant::tei:lem except $app/descendant::tei:app//tei:lem"/>
    <xsl:sequence select="if (exists($own)) then $own[1]
                          else if ($app/ancestor::tei:listApp) then ()
                          else te:app-readings($app)[1]"/>
  </xsl:function>

  <!-- The readings of an app, those inside its groups of readings (rdgGrp) included, in document order;
       not those of an app nested in one of them. -->
  <xsl:function name="te:app-readings" as="element()*">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="$app/descendant::tei:rdg except $app/descendant::tei:app//tei:rdg"/>
  </xsl:function>

  <!-- The lemma as the running text shows it: its words, or a mark where it is empty. -->
  <xsl:template name="te:lemma-text">
    <xsl:param name="content" as="item()*"/>
    <xsl:choose>
      <xsl:when test="exists($content) and (some $c in $content satisfies normalize-space(string($c)))">
        <xsl:for-each select="$content">
          <xsl:choose>
            <xsl:when test=". instance of element()"><xsl:apply-templates select="node()" mode="text"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><span class="app-mark" title="Variant">°</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "loc lemma ] reading sigla; reading sigla; witDetail; notes": shared with print (apparatus block). -->
  <xsl:template name="te:apparatus-entry">
    <xsl:param name="lemma" as="item()*"/>
    <xsl:param name="readings" as="element()*"/>
    <xsl:if test="@loc"><span class="app-loc"><xsl:value-of select="@loc"/></span><xsl:text> </xsl:text></xsl:if>
    <!-- (An entry kept apart from the text without a lem has no lemma to repeat: "loc ] readings".) -->
    <xsl:if test="exists($lemma)">
    <span class="app-lem">
      <xsl:choose>
        <xsl:when test="some $c in $lemma satisfies normalize-space(string($c))">
          <xsl:for-each select="$lemma[. instance of element()]"><xsl:apply-templates select="node()" mode="text"/></xsl:for-each>
        </xsl:when>
        <xsl:otherwise>om.</xsl:otherwise>
      </xsl:choose>
    </span>
    <xsl:for-each select="$lemma[. instance of element()]">
      <xsl:call-template name="te:sigla"/>
    </xsl:for-each>
    <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:text>] </xsl:text>
    <xsl:for-each select="$readings">
      <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
      <xsl:apply-templates select="." mode="text"/>
    </xsl:for-each>
    <xsl:for-each select="tei:witDetail | (if (@xml:id) then key('te:witDetail-for', string(@xml:id)) else ())">
      <xsl:text>; </xsl:text>
      <span class="witDetail">
        <xsl:if test="@type or @n"><span class="witDetail-type"><xsl:value-of select="string-join((@n, @type), ' ')"/></span><xsl:text> </xsl:text></xsl:if>
        <xsl:apply-templates mode="text"/>
        <xsl:call-template name="te:sigla"/>
      </span>
    </xsl:for-each>
    <xsl:for-each select="tei:note[normalize-space()]">
      <xsl:text> </xsl:text>
      <span class="app-note"><xsl:apply-templates mode="text"/></span>
    </xsl:for-each>
  </xsl:template>

  <!-- A reading (rdg, or lem outside an app): its words and sigla; an empty reading is "om." (omitted). -->
  <xsl:template name="pm:variant">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <span class="{normalize-space(string-join(('tei-' || local-name(), $class), ' '))}">
      <xsl:call-template name="te:lang"/>
      <xsl:if test="@n and parent::tei:app"><span class="rdg-n"><xsl:value-of select="@n"/></span><xsl:text> </xsl:text></xsl:if>
      <xsl:choose>
        <xsl:when test="normalize-space() or *[not(self::tei:witDetail)]">
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><span class="om">om.</span></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="te:sigla"/>
    </span>
  </xsl:template>

  <!-- The sigla of @wit, @source and @hand, each as its witness or source names it. -->
  <xsl:template name="te:sigla">
    <xsl:variable name="sigla" select="for $t in tokenize(normalize-space(string-join((@wit, @source), ' ')), ' ')
                                       return te:siglum(., $t)"/>
    <xsl:if test="exists($sigla)">
      <xsl:text> </xsl:text>
      <span class="wit"><xsl:value-of select="string-join($sigla, ' ')"/></span>
    </xsl:if>
  </xsl:template>

  <xsl:function name="te:siglum" as="xs:string">
    <xsl:param name="context" as="element()"/>
    <xsl:param name="token" as="xs:string"/>
    <xsl:variable name="target" select="if (starts-with($token, '#')) then key('te:by-id', substring($token, 2), root($context))[1] else ()"/>
    <xsl:variable name="abbr" select="$target/(tei:abbr[@type = 'siglum'], tei:idno[@type = 'siglum'])[1]"/>
    <xsl:sequence select="if ($abbr) then normalize-space($abbr)
                          else if ($target/@n) then string($target/@n)
                          else if (starts-with($token, '#')) then substring($token, 2) else $token"/>
  </xsl:function>

  <!-- A witness of a listWit: its siglum, then its description. -->
  <xsl:template name="pm:witness">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:variable name="li" select="parent::*[pm:behaviour(.) = 'list'] and not(te:in-phrasing(..))"/>
    <xsl:element name="{if ($li) then 'li' else 'span'}">
      <xsl:attribute name="class" select="normalize-space(string-join(('tei-witness', $class, if ($li) then () else 'block'), ' '))"/>
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="te:safe-id(@xml:id)"/></xsl:if>
      <span class="siglum"><xsl:value-of select="if (@xml:id) then te:siglum(., '#' || @xml:id) else @n"/></span>
      <xsl:text> </xsl:text>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- A word or punctuation token: a space after it where the next token follows with none (and neither
       this token opens nor the next one closes). -->
  <xsl:template name="pm:token">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <span class="{normalize-space(string-join(('tei-' || local-name(), $class), ' '))}">
      <xsl:call-template name="te:lang"/>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </span>
    <xsl:variable name="next" select="following-sibling::node()[1]"/>
    <xsl:if test="$next instance of element() and matches(string($next), '^\s*[\p{L}\p{N}\p{Pi}\p{Ps}]')
                  and not(self::tei:pc[@pre = 'true']) and not($next/self::tei:pc[not(@pre = 'true')])">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
