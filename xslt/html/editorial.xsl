<?xml version="1.0" encoding="UTF-8"?>
<!-- Behaviours of editorial interventions (web): alternates of choice (sic/corr, orig/reg, abbr/expan and
     any other pairing), gaps, supplied and unclear text, additions, deletions, spaces. Both readings of a
     choice are always in the page; the class reading-original / reading-corrected says which one the
     reading switch shows (CSS, with or without JS). teiedit's own repairs (corr[@resp='#teiedit']) are
     marked visibly. Signs follow the Leiden conventions where the TEI says what EpiDoc says: [lost] and
     ⟨omitted⟩ supplied text, dots for lost or illegible characters counted in @quantity, underdotted
     unclear letters. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:pm="urn:teiedit:pm" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- choice: "default" is the reading shown first (corrected, regularised, expanded), "alternate" the
       source's; other children (two segs, two unclear readings) render through their own models, with a
       slash between two that the TEI does not separate. -->
  <xsl:template name="pm:alternate">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="default" as="element()*" select="tei:corr | tei:reg | tei:expan"/>
    <xsl:param name="alternate" as="element()*" select="tei:sic | tei:orig | tei:abbr"/>
    <span class="{normalize-space(string-join(('choice', $class, if ($default[@resp = '#teiedit']) then 'repaired' else ()), ' '))}">
      <xsl:for-each select="$content">
        <xsl:choose>
          <xsl:when test=". instance of element() and (some $d in $default satisfies $d is .)">
            <xsl:call-template name="te:reading"><xsl:with-param name="corrected" select="true()"/></xsl:call-template>
          </xsl:when>
          <xsl:when test=". instance of element() and (some $a in $alternate satisfies $a is .)">
            <xsl:call-template name="te:reading"><xsl:with-param name="corrected" select="false()"/></xsl:call-template>
          </xsl:when>
          <xsl:when test=". instance of element()">
            <xsl:if test="empty($default | $alternate) and preceding-sibling::node()[1][self::*]">
              <span class="choice-or"> / </span>
            </xsl:if>
            <xsl:apply-templates select="." mode="text"/>
          </xsl:when>
          <!-- Spaces between the alternatives are kept: when both are shown (an abbreviation with its
               expansion from the source) they separate them, and HTML collapses them when one is hidden. -->
          <xsl:when test=". instance of text()"><xsl:value-of select="."/></xsl:when>
          <xsl:when test=". instance of node()"/>
          <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </span>
  </xsl:template>

  <!-- One side of a choice. -->
  <xsl:template name="te:reading">
    <xsl:param name="corrected" as="xs:boolean"/>
    <xsl:choose>
      <xsl:when test="$corrected">
        <xsl:variable name="repair" select="@resp = '#teiedit'"/>
        <span class="{string-join((local-name(), 'reading-corrected', if ($repair) then 'repair' else (),
                                   if (@cert) then 'cert-' || te:class-token(@cert) else ()), ' ')}"
              title="{te:corrected-title(.)}">
          <xsl:if test="$repair and @type"><xsl:attribute name="data-repair" select="te:class-token(@type)"/></xsl:if>
          <xsl:apply-templates mode="text"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="{local-name()} reading-original" title="{te:original-title(.)}">
          <xsl:apply-templates mode="text"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="te:original-title" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="other" select="$el/../(tei:corr | tei:reg | tei:expan)[1]"/>
    <xsl:sequence select="(if ($el/self::tei:sic) then 'As in the source' else if ($el/self::tei:abbr) then 'Abbreviation'
                           else 'Original spelling')
                          || (if ($other) then '; corrected reading: ' || te:one-reading($other, true()) else '')"/>
  </xsl:function>

  <!-- The words of one side of a choice, one reading of the choices nested in it: the corrected ones, or
       the source's (a regularised spelling over a corrected slip reads "Hill", not "HilHill"). -->
  <xsl:function name="te:one-reading" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="corrected" as="xs:boolean"/>
    <xsl:variable name="other-side" select="$el//*[parent::tei:choice][if ($corrected) then (self::tei:sic or self::tei:orig or self::tei:abbr)
                                                                       else (self::tei:corr or self::tei:reg or self::tei:expan)]"/>
    <xsl:sequence select="normalize-space(string-join($el//text()[not(ancestor::* intersect $other-side)], ''))"/>
  </xsl:function>
  <xsl:function name="te:corrected-title" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="other" select="$el/../(tei:sic | tei:orig | tei:abbr)[1]"/>
    <xsl:sequence select="(if ($el/@resp = '#teiedit') then 'Repaired by teiedit'
                             || (if ($el/@type) then ' (' || $el/@type || ')' else '')
                             || (if ($el/@cert) then ', certainty ' || $el/@cert else '')
                           else if ($el/self::tei:expan) then 'Expansion' else if ($el/self::tei:reg) then 'Regularised'
                           else 'Corrected')
                          || (if ($other) then '; the source reads: ' || te:one-reading($other, false()) else '')"/>
  </xsl:function>

  <!-- sic, corr, reg, orig, abbr, expan outside a choice. The original reading leaves out corr, reg and
       expan (docs/tei-conventions.md): the switch hides them. -->
  <xsl:template name="pm:correction">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:choose>
      <xsl:when test="self::tei:sic">
        <span class="{normalize-space(string-join(('sic', $class), ' '))}" title="As in the source (sic)">
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="{string-join((local-name(), if (self::tei:corr or self::tei:reg or self::tei:expan) then 'reading-corrected' else (),
                                   if (@resp = '#teiedit') then 'repair' else (), $class), ' ')}" title="{te:corrected-title(.)}">
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pm:gap">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:variable name="what" select="string-join((
        'Gap', if (@reason) then '(' || @reason || ')' else (),
        if (@quantity) then string-join((@quantity, @unit), ' ') else (),
        if (@extent) then @extent else ()), ' ')"/>
    <span class="{normalize-space(string-join(('gap', $class), ' '))}" title="{$what}">
      <xsl:if test="@reason"><xsl:attribute name="data-reason" select="te:class-token(@reason)"/></xsl:if>
      <span class="gap-mark" aria-hidden="true"><xsl:value-of select="te:gap-mark(.)"/></span>
      <span class="visually-hidden"><xsl:value-of select="$what"/></span>
      <xsl:if test="exists($content)">
        <span class="gap-desc"><xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template></span>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- The sign of a gap: Leiden dots for counted characters (in brackets when lost, bare when illegible),
       [- - -] for a loss of unknown extent or of lines, else […] (print then says what the gap is). -->
  <xsl:function name="te:gap-mark" as="xs:string">
    <xsl:param name="gap" as="element()"/>
    <xsl:variable name="unit" select="lower-case(string($gap/@unit))"/>
    <xsl:variable name="n" select="($gap/@quantity, $gap/@atMost, $gap/@atLeast)[. castable as xs:integer][1]"/>
    <xsl:variable name="lost" select="not($gap/@reason = 'illegible')"/>
    <xsl:sequence select="
        if ($unit = ('character', 'characters', 'chars', 'char', 'letter', 'letters') and exists($n)) then
          (let $dots := if (xs:integer($n) le 12) then string-join(for $i in 1 to xs:integer($n) return '.', '')
                        else '.. ' || $n || ' ..'
           return if ($lost) then '[' || $dots || ']' else $dots)
        else if ($unit = ('line', 'lines') and $gap/@reason = 'lost') then '[- - - - - -]'
        else if ($gap/@extent = 'unknown' and $gap/@reason = 'lost') then '[- - -]'
        else '[…]'"/>
  </xsl:function>

  <!-- Supplied text between the source's brackets (@rend="brackets"), else those of its reason: [lost],
       ⟨omitted⟩, (subaudible); a ? when the editor is unsure. -->
  <xsl:template name="pm:supplied">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:variable name="marks" select="te:supplied-marks(.)"/>
    <span class="{normalize-space(string-join(('supplied', $class), ' '))}" title="Supplied by the editor{if (@reason) then ' (' || @reason || ')' else ''}">
      <span class="bracket" aria-hidden="true"><xsl:value-of select="$marks[1]"/></span>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
      <span class="bracket" aria-hidden="true"><xsl:value-of select="$marks[2]"/></span>
    </span>
  </xsl:template>
  <xsl:function name="te:supplied-marks" as="xs:string+">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="q" select="if ($el/@cert = 'low') then '?' else ''"/>
    <xsl:sequence select="if (tokenize($el/@rend) = 'brackets') then ('[', $q || ']')
                          else if ($el/@reason = 'omitted') then ('⟨', $q || '⟩')
                          else if ($el/@reason = 'subaudible') then ('(', $q || ')')
                          else ('[', $q || ']')"/>
  </xsl:function>

  <!-- An unclear reading; "underdot": each letter with a dot below, as Leiden marks doubtful letters (a CSS
       emphasis mark, so that the letters stay searchable and copyable). -->
  <xsl:template name="pm:unclear">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="style" as="xs:string" select="''"/>
    <span class="{normalize-space(string-join(('unclear', $class, if ($style = 'underdot') then 'underdot' else ()), ' '))}"
          title="Unclear reading{if (@reason) then ' (' || @reason || ')' else ''}">
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template name="pm:addition">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <ins class="{normalize-space(string-join(('add', $class), ' '))}" title="Added{if (@place) then ' (' || @place || ')' else ''}">
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </ins>
  </xsl:template>

  <xsl:template name="pm:deletion">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:call-template name="te:deleted-runs">
      <xsl:with-param name="content" select="$content"/>
      <xsl:with-param name="class" select="normalize-space(string-join(('del', $class), ' '))"/>
      <xsl:with-param name="title" select="'Deleted in the source'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A deletion's content as del elements, except the parts the source cancelled the deletion of (a restore
       or undo among them): those stand between the dels, so that they are neither struck through nor
       announced as deleted (CSS cannot take an ancestor's line-through off a descendant). Both outputs. -->
  <xsl:template name="te:deleted-runs">
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:variable name="deletion" select="."/>
    <xsl:for-each-group select="$content" group-adjacent=". instance of element(tei:restore) or . instance of element(tei:undo)">
      <xsl:variable name="run" select="current-group()"/>
      <xsl:variable name="cancelled" select="current-grouping-key()"/>
      <!-- te:content renders with the deletion as its context (a run's own node would stand for "its children") -->
      <xsl:for-each select="$deletion">
        <xsl:choose>
          <xsl:when test="$cancelled">
            <xsl:call-template name="te:content"><xsl:with-param name="content" select="$run"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <del class="{$class}">
              <xsl:if test="$title"><xsl:attribute name="title" select="$title"/></xsl:if>
              <xsl:call-template name="te:content"><xsl:with-param name="content" select="$run"/></xsl:call-template>
            </del>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:for-each-group>
  </xsl:template>

  <!-- A space left in the source: a word space for a few characters (plain text, so that the line may break
       there like at any space), a wider blank (vacat) for more. -->
  <xsl:template name="pm:space">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:variable name="n" select="(@quantity[. castable as xs:integer]/xs:integer(.), 1)[1]"/>
    <xsl:choose>
      <xsl:when test="@unit = ('line', 'lines') or $n gt 3">
        <span class="{normalize-space(string-join(('tei-space', $class), ' '))}"
              title="Space in the source{if (@quantity) then ' (' || @quantity || ' ' || (@unit, 'chars')[1] || ')' else ''}">
          <xsl:text> vac. </xsl:text>
        </span>
      </xsl:when>
      <xsl:otherwise><xsl:text> </xsl:text></xsl:otherwise>
    </xsl:choose>
    <!-- What the TEI says of the space (a desc) follows it. -->
    <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
  </xsl:template>

  <!-- A change of hand: a mark, the hand (its note's @n or id) in the title. -->
  <xsl:template name="pm:handShift">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <span class="{normalize-space(string-join(('tei-handShift', $class), ' '))}"
          title="Change of hand{if (@new) then ': ' || string-join(tokenize(normalize-space(@new), ' ') ! te:siglum(current(), .), ' ') else ''}">
      <xsl:text>✎</xsl:text>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- A non-standard character: its own text, else the mapping its declaration (charDecl) gives. -->
  <xsl:template name="pm:glyph">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:variable name="decl" select="if (starts-with(@ref, '#')) then key('te:by-id', substring(@ref, 2))[1] else ()"/>
    <span class="{normalize-space(string-join(('tei-g', $class), ' '))}">
      <xsl:choose>
        <xsl:when test="normalize-space() or *">
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </xsl:when>
        <xsl:when test="$decl/tei:mapping"><xsl:value-of select="($decl/tei:mapping[@type = ('standard', 'normalized')], $decl/tei:mapping)[1]"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="'[' || ($decl/(tei:charName, tei:glyphName, tei:desc)[1]/normalize-space(), substring(@ref, 2))[1] || ']'"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>
</xsl:stylesheet>
