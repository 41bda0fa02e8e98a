<?xml version="1.0" encoding="UTF-8"?>
<!-- Print: editorial interventions typeset by the edition's conventions (stated on the conventions page,
     see tp:conventions in edition.xsl). Paper has no switch between readings, so:
       choice/(sic, corr)    the corrected reading, followed by a raised ° marker; teiedit's repairs of
                             PDF-extraction damage: the repaired passage between half brackets ⸢ ⸣
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
    <span class="corr"><xsl:apply-templates select="tei:corr[1]/node()" mode="text"/></span>
    <span class="corr-mark">°</span>
  </xsl:template>

  <!-- teiedit's repairs of PDF-extraction damage come word by word (a damaged passage is a run of
       adjacent choices); the run is printed in its corrected reading between half brackets ⸢ ⸣, once. -->
  <xsl:template match="tei:choice[tei:corr[@resp = '#teiedit']]" mode="text" priority="2">
    <xsl:variable name="corr" select="tei:corr[1]"/>
    <!-- The unit that takes part in a run: the choice, or the outermost element around it (a name) that
         holds nothing but repairs. -->
    <xsl:variable name="unit" select="(ancestor-or-self::*[tp:is-repair(.)])[1]"/>
    <xsl:variable name="repairs" select="$unit/descendant-or-self::tei:choice[tei:corr[@resp = '#teiedit']]"/>
    <xsl:variable name="starts" select=". is $repairs[1]
        and not(tp:is-repair($unit/preceding-sibling::node()[not(self::text()[not(normalize-space())])][1]))"/>
    <xsl:variable name="ends" select=". is $repairs[last()]
        and not(tp:is-repair($unit/following-sibling::node()[not(self::text()[not(normalize-space())])][1]))"/>
    <xsl:variable name="trailing" select="if ($ends and not($corr/*)) then substring(string($corr), string-length(replace($corr, '\s+$', '')) + 1) else ''"/>
    <span class="corr repair">
      <xsl:if test="$starts"><span class="repair-mark">⸢</span></xsl:if>
      <xsl:choose>
        <xsl:when test="$ends and not($corr/*)"><xsl:value-of select="replace($corr, '\s+$', '')"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$corr/node()" mode="text"/></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$ends"><span class="repair-mark">⸣</span></xsl:if>
    </span>
    <xsl:value-of select="$trailing"/>
  </xsl:template>

  <!-- Is this node a teiedit repair, or an inline element (a name) holding nothing but repairs? -->
  <xsl:function name="tp:is-repair" as="xs:boolean">
    <xsl:param name="node" as="node()?"/>
    <xsl:variable name="content" select="$node/node()[not(self::text()[not(normalize-space())])]"/>
    <xsl:sequence select="if ($node[self::tei:choice[tei:corr[@resp = '#teiedit'][not(@type = 'debris')]]]) then true()
                          else if (not($node instance of element()) or empty($content)
                                   or $node[self::tei:p or self::tei:div or self::tei:ab or self::tei:note
                                            or self::tei:item or self::tei:head or self::tei:body]) then false()
                          else every $c in $content satisfies tp:is-repair($c)"/>
  </xsl:function>

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

  <!-- An uncertain reading gets "[?]", unless the source's own query note follows it (printed in place). -->
  <xsl:template match="tei:unclear" mode="text">
    <span class="unclear"><xsl:apply-templates mode="text"/></span>
    <xsl:if test="not(following-sibling::node()[1][self::tei:note[@place = 'inline']])">
      <span class="editorial-sign">[?]</span>
    </xsl:if>
  </xsl:template>

  <!-- choice of two original forms (a name and its other romanisation, an abbreviation and the source
       editor's expansion): both are printed as the source had them. -->
  <xsl:template match="tei:choice[not(tei:corr | tei:reg | tei:expan)]" mode="text">
    <span class="choice"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <!-- Any other bracketed expression of the source (@rend="brackets": the brackets are not characters in
       the TEI) gets its brackets back. -->
  <xsl:template match="tei:seg[tokenize(@rend) = 'brackets'] | tei:label[tokenize(@rend) = 'brackets']" mode="text">
    <span class="{string-join(('bracketed', @type), ' ')}">[<xsl:apply-templates mode="text"/>]</span>
  </xsl:template>

  <!-- Handwriting the source describes in brackets is an addition of its own kind: no \ / signs. -->
  <xsl:template match="tei:seg[@type = 'handwritten']//tei:add" mode="text" priority="2">
    <span class="add handwritten"><xsl:apply-templates mode="text"/></span>
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

  <!-- Unique in the book (all documents are one tree there) and the same in every run: generate-id() without
       Saxon's document number, which grows with every transformation a process makes. -->
  <xsl:function name="tp:mention-id" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="'m-' || replace(generate-id($mention), '^d\d+', '')"/>
  </xsl:function>
</xsl:stylesheet>
