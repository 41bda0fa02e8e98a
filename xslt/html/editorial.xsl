<?xml version="1.0" encoding="UTF-8"?>
<!-- Editorial interventions: gaps, supplied and unclear text, additions and deletions, and the alternates
     of choice (sic/corr, orig/reg, abbr/expan). Both readings are always in the page; the class
     reading-original / reading-corrected says which one the reading switch shows (CSS, with or without JS).
     teiedit's own repairs (corr[@resp='#teiedit']) are marked visibly. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:template match="tei:choice" mode="text">
    <span class="choice">
      <xsl:if test="tei:corr[@resp = '#teiedit'] | tei:reg[@resp = '#teiedit']">
        <xsl:attribute name="class" select="'choice repaired'"/>
      </xsl:if>
      <xsl:apply-templates mode="choice"/>
    </span>
  </xsl:template>

  <!-- Inside choice: the original side and the corrected side. -->
  <xsl:template match="tei:sic | tei:orig | tei:abbr" mode="choice">
    <span class="{local-name()} reading-original" title="{te:original-title(.)}">
      <xsl:apply-templates mode="text"/>
    </span>
  </xsl:template>
  <xsl:template match="tei:corr | tei:reg | tei:expan" mode="choice">
    <xsl:variable name="repair" select="@resp = '#teiedit'"/>
    <span class="{string-join((local-name(), 'reading-corrected', if ($repair) then 'repair' else (),
                               if (@cert) then 'cert-' || te:class-token(@cert) else ()), ' ')}"
          title="{te:corrected-title(.)}">
      <xsl:if test="$repair and @type"><xsl:attribute name="data-repair" select="te:class-token(@type)"/></xsl:if>
      <xsl:apply-templates mode="text"/>
    </span>
  </xsl:template>
  <xsl:template match="tei:seg | tei:unclear | tei:supplied" mode="choice">
    <xsl:apply-templates select="." mode="text"/>
  </xsl:template>
  <xsl:template match="*" mode="choice"><xsl:apply-templates select="." mode="text"/></xsl:template>
  <!-- Spaces between the alternatives are kept: when both are shown (an abbreviation with its expansion from
       the source) they separate them, and HTML collapses them when one is hidden. -->
  <xsl:template match="text()" mode="choice"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="choice"/>

  <xsl:function name="te:original-title" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="other" select="$el/../(tei:corr | tei:reg | tei:expan)[1]"/>
    <xsl:sequence select="(if ($el/self::tei:sic) then 'As in the source' else if ($el/self::tei:abbr) then 'Abbreviation'
                           else 'Original spelling')
                          || (if ($other) then '; corrected reading: ' || normalize-space($other) else '')"/>
  </xsl:function>
  <xsl:function name="te:corrected-title" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="other" select="$el/../(tei:sic | tei:orig | tei:abbr)[1]"/>
    <xsl:sequence select="(if ($el/@resp = '#teiedit') then 'Repaired by teiedit'
                             || (if ($el/@type) then ' (' || $el/@type || ')' else '')
                             || (if ($el/@cert) then ', certainty ' || $el/@cert else '')
                           else if ($el/self::tei:expan) then 'Expansion' else if ($el/self::tei:reg) then 'Regularised'
                           else 'Corrected')
                          || (if ($other) then '; the source reads: ' || normalize-space($other) else '')"/>
  </xsl:function>

  <!-- Outside choice: sic and corr stand alone. -->
  <xsl:template match="tei:sic" mode="text">
    <span class="sic" title="As in the source (sic)"><xsl:apply-templates mode="text"/></span>
  </xsl:template>
  <xsl:template match="tei:corr | tei:reg | tei:expan | tei:orig | tei:abbr" mode="text">
    <!-- The original reading leaves out corr, reg and expan (docs/tei-conventions.md): the switch hides them. -->
    <span class="{string-join((local-name(), if (self::tei:corr or self::tei:reg or self::tei:expan) then 'reading-corrected' else (),
                               if (@resp = '#teiedit') then 'repair' else ()), ' ')}" title="{te:corrected-title(.)}">
      <xsl:apply-templates mode="text"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:gap" mode="text">
    <xsl:variable name="what" select="string-join((
        'Gap', if (@reason) then '(' || @reason || ')' else (),
        if (@quantity) then string-join((@quantity, @unit), ' ') else (),
        if (@extent) then @extent else ()), ' ')"/>
    <span class="gap" title="{$what}">
      <xsl:if test="@reason"><xsl:attribute name="data-reason" select="te:class-token(@reason)"/></xsl:if>
      <span class="gap-mark" aria-hidden="true">[…]</span>
      <span class="visually-hidden"><xsl:value-of select="$what"/></span>
      <xsl:if test="node()"><span class="gap-desc"><xsl:apply-templates mode="text"/></span></xsl:if>
    </span>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="text">
    <span class="supplied" title="Supplied by the editor{if (@reason) then ' (' || @reason || ')' else ''}">
      <span class="bracket" aria-hidden="true">[</span>
      <xsl:apply-templates mode="text"/>
      <span class="bracket" aria-hidden="true">]</span>
    </span>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="text">
    <span class="unclear" title="Unclear reading{if (@reason) then ' (' || @reason || ')' else ''}">
      <xsl:apply-templates mode="text"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:add" mode="text">
    <ins class="add" title="Added{if (@place) then ' (' || @place || ')' else ''}"><xsl:apply-templates mode="text"/></ins>
  </xsl:template>
  <xsl:template match="tei:del" mode="text">
    <del class="del" title="Deleted in the source"><xsl:apply-templates mode="text"/></del>
  </xsl:template>

  <xsl:template match="tei:seg[@type = 'pdf-debris']" mode="text">
    <span class="debris" title="Debris of the PDF extraction, kept as found"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <!-- certainty carries no text of its own; any content is kept. -->
  <xsl:template match="tei:certainty" mode="text">
    <xsl:if test="node()"><span class="certainty"><xsl:apply-templates mode="text"/></span></xsl:if>
  </xsl:template>
</xsl:stylesheet>
