<?xml version="1.0" encoding="UTF-8"?>
<!-- Print: editorial interventions typeset by the edition's conventions (stated on the conventions page,
     see tp:conventions in edition.xsl). Paper has no switch between readings, so:
       choice/(sic, corr)    the corrected reading, followed by a raised ° marker
       choice/(orig, reg)    the regularised reading;  choice/(abbr, expan): the expansion
       sic (alone)           the text as written, followed by [sic]
       supplied              [text] when the source had brackets (@rend="brackets"), else ⟨text⟩
       gap                   [illegible], [damaged], […] (omitted), with the extent when known
       unclear               the text followed by [?]
       add / del             \text/ for additions; struck-through deletions
       seg[@type="pdf-debris"]  the debris in grey: characters the repair could not place
     Entities carry an id so the index can point at them (target-counter). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:tp="urn:teiedit:print" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:template match="tei:choice[tei:corr]" mode="text">
    <xsl:variable name="corr" select="tei:corr[1]"/>
    <span class="corr{if ($corr/@resp = '#teiedit') then ' repair' else ''}">
      <xsl:apply-templates select="$corr/node()" mode="text"/>
    </span>
    <span class="corr-mark" aria-hidden="true">°</span>
  </xsl:template>

  <xsl:template match="tei:choice[tei:reg and not(tei:corr)]" mode="text">
    <span class="reg"><xsl:apply-templates select="tei:reg[1]/node()" mode="text"/></span>
  </xsl:template>

  <xsl:template match="tei:choice[tei:expan and not(tei:corr | tei:reg)]" mode="text">
    <span class="expan"><xsl:apply-templates select="tei:expan[1]/node()" mode="text"/></span>
  </xsl:template>

  <xsl:template match="tei:sic[not(parent::tei:choice)]" mode="text">
    <span class="sic"><xsl:apply-templates mode="text"/></span>
    <span class="editorial-sign"> [sic]</span>
  </xsl:template>

  <xsl:template match="tei:corr[not(parent::tei:choice)]" mode="text">
    <span class="corr"><xsl:apply-templates mode="text"/></span>
    <span class="corr-mark" aria-hidden="true">°</span>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="text">
    <xsl:variable name="brackets" select="tokenize(@rend) = 'brackets'"/>
    <span class="supplied">
      <xsl:value-of select="if ($brackets) then '[' else '⟨'"/>
      <xsl:apply-templates mode="text"/>
      <xsl:value-of select="if ($brackets) then ']' else '⟩'"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:gap" mode="text">
    <span class="gap">[<xsl:value-of select="tp:gap-label(.)"/>]</span>
  </xsl:template>

  <!-- What a gap says in print: its description, else its reason and extent. -->
  <xsl:function name="tp:gap-label" as="xs:string">
    <xsl:param name="gap" as="element(tei:gap)"/>
    <xsl:variable name="desc" select="normalize-space($gap/tei:desc)"/>
    <xsl:variable name="extent" select="normalize-space(string-join(($gap/@quantity, $gap/@unit, $gap/@extent), ' '))"/>
    <xsl:variable name="reason" select="tokenize($gap/@reason)[1]"/>
    <xsl:variable name="word" select="if ($reason = 'illegible') then 'illegible'
                                      else if ($reason = 'damage') then 'damaged'
                                      else if ($reason = 'unrecoverable') then 'lost'
                                      else ''"/>
    <xsl:sequence select="if ($desc) then $desc
                          else if ($word and $extent) then $extent || ' ' || $word
                          else if ($word) then $word
                          else if ($extent) then '… ' || $extent
                          else '…'"/>
  </xsl:function>

  <xsl:template match="tei:unclear" mode="text">
    <span class="unclear"><xsl:apply-templates mode="text"/></span>
    <span class="editorial-sign">[?]</span>
  </xsl:template>

  <xsl:template match="tei:add" mode="text">
    <span class="add">\<xsl:apply-templates mode="text"/>/</span>
  </xsl:template>

  <xsl:template match="tei:del" mode="text">
    <del class="del"><xsl:apply-templates mode="text"/></del>
  </xsl:template>

  <xsl:template match="tei:seg[@type = 'pdf-debris']" mode="text">
    <span class="debris"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <!-- Entities: the mention stays plain text on paper; the id lets the index point at its page. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs" mode="text">
    <span class="entity {local-name()}">
      <xsl:if test="@ref">
        <xsl:attribute name="id" select="tp:mention-id(.)"/>
      </xsl:if>
      <xsl:apply-templates mode="text"/>
    </span>
  </xsl:template>

  <xsl:function name="tp:mention-id" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="'m-' || generate-id($mention)"/>
  </xsl:function>
</xsl:stylesheet>
