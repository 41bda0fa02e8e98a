<?xml version="1.0" encoding="UTF-8"?>
<!-- Print behaviours of editorial interventions and names, typeset by the edition's conventions (stated on the conventions page,
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
  xmlns:te="urn:teiedit" xmlns:tp="urn:teiedit:print" xmlns:pm="urn:teiedit:pm" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- choice: the corrected reading (and °), teiedit's repair runs between ⸢ ⸣, the regularised or expanded
       reading; a choice of two original forms prints both. -->
  <xsl:template name="pm:alternate">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="default" as="element()*" select="tei:corr | tei:reg | tei:expan"/>
    <xsl:param name="alternate" as="element()*" select="tei:sic | tei:orig | tei:abbr"/>
    <xsl:choose>
      <xsl:when test="$default[self::tei:corr][@resp = '#teiedit']"><xsl:call-template name="tp:repair"/></xsl:when>
      <xsl:when test="$default[self::tei:corr]">
        <span class="corr"><xsl:apply-templates select="$default[self::tei:corr][1]/node()" mode="text"/></span>
        <span class="corr-mark">°</span>
      </xsl:when>
      <xsl:when test="$default[self::tei:reg]">
        <span class="reg"><xsl:apply-templates select="$default[self::tei:reg][1]/node()" mode="text"/></span>
      </xsl:when>
      <xsl:when test="exists($default)">
        <span class="{local-name($default[1])}"><xsl:apply-templates select="$default[1]/node()" mode="text"/></span>
      </xsl:when>
      <xsl:otherwise>
        <span class="{normalize-space(string-join(('choice', $class), ' '))}">
          <xsl:for-each select="$content">
            <xsl:if test=". instance of element() and preceding-sibling::node()[1][self::*]"><span class="choice-or"> / </span></xsl:if>
            <xsl:apply-templates select="." mode="text"/>
          </xsl:for-each>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- teiedit's repairs of PDF-extraction damage come word by word (a damaged passage is a run of
       adjacent choices); the run is printed in its corrected reading between half brackets ⸢ ⸣, once. -->
  <xsl:template name="tp:repair">
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

  <!-- sic and corr outside a choice: [sic] after the text, ° after a correction; the others as on the web. -->
  <xsl:template name="pm:correction">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:choose>
      <xsl:when test="self::tei:sic">
        <span class="sic"><xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template></span>
        <span class="editorial-sign"> [sic]</span>
      </xsl:when>
      <xsl:when test="self::tei:corr">
        <span class="corr"><xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template></span>
        <span class="corr-mark" aria-hidden="true">°</span>
      </xsl:when>
      <xsl:otherwise>
        <span class="{string-join((local-name(), if (self::tei:reg or self::tei:expan) then 'reading-corrected' else (),
                                   if (@resp = '#teiedit') then 'repair' else (), $class), ' ')}" title="{te:corrected-title(.)}">
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Supplied text: [ ] where the source had brackets or the text is lost, ( ) when subaudible, else ⟨ ⟩. -->
  <xsl:template name="pm:supplied">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:variable name="marks" select="if (tokenize(@rend) = 'brackets' or @reason = ('lost', 'damage'))
                                       then ('[', ']') else if (@reason = 'subaudible') then ('(', ')') else ('⟨', '⟩')"/>
    <span class="{normalize-space(string-join(('supplied', $class), ' '))}">
      <xsl:value-of select="$marks[1]"/>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
      <xsl:value-of select="(if (@cert = 'low') then '?' else '') || $marks[2]"/>
    </span>
  </xsl:template>

  <!-- A gap: Leiden dots for counted characters, else [what it is]. -->
  <xsl:template name="pm:gap">
    <xsl:param name="content" as="item()*" select="()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:variable name="leiden" select="te:gap-mark(.)"/>
    <span class="{normalize-space(string-join(('gap', $class), ' '))}">
      <xsl:variable name="desc" select="normalize-space(tei:desc)"/>
      <xsl:value-of select="if ($leiden eq '[…]') then '[' || tp:gap-label(.) || ']'
                            else if ($desc and ends-with($leiden, ']')) then substring($leiden, 1, string-length($leiden) - 1) || ' (' || $desc || ')]'
                            else if ($desc) then $leiden || ' (' || $desc || ')' else $leiden"/>
    </span>
  </xsl:template>

  <!-- What a gap says in print: its description, else its reason and extent. -->
  <xsl:function name="tp:gap-label" as="xs:string">
    <xsl:param name="gap" as="element(tei:gap)"/>
    <xsl:variable name="desc" select="normalize-space(($gap/tei:desc, $gap)[1])"/>
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

  <!-- An uncertain reading gets "[?]", unless the source's own query note follows it (printed in place);
       unclear letters of a word are dotted beneath instead (Leiden), with no sign. -->
  <xsl:template name="pm:unclear">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="style" as="xs:string" select="''"/>
    <xsl:choose>
      <xsl:when test="$style = 'underdot'">
        <!-- Dotted under the letters by print.css: combining dots below would cost letters of the PDF's
             text layer (a Greek vowel with its accent and the dot is lost in copying and searching). -->
        <span class="{normalize-space(string-join(('unclear', 'underdot', $class), ' '))}"><xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template></span>
      </xsl:when>
      <xsl:otherwise>
        <span class="{normalize-space(string-join(('unclear', $class), ' '))}"><xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template></span>
        <xsl:if test="not(following-sibling::node()[1][self::tei:note[@place = 'inline']])">
          <span class="editorial-sign">[?]</span>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An addition between \ /; "signs" false: handwriting the source describes in brackets, an addition of
       its own kind. -->
  <xsl:template name="pm:addition">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="signs" as="xs:boolean" select="true()"/>
    <xsl:choose>
      <xsl:when test="$signs">
        <span class="{normalize-space(string-join(('add', $class), ' '))}">\<xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>/</span>
      </xsl:when>
      <xsl:otherwise>
        <span class="{normalize-space(string-join(('add', 'handwritten', $class), ' '))}"><xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pm:deletion">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:call-template name="te:deleted-runs">
      <xsl:with-param name="content" select="$content"/>
      <xsl:with-param name="class" select="normalize-space(string-join(('del', $class), ' '))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Entities: the mention stays plain text on paper; the id lets the index point at its page. -->
  <xsl:template name="pm:entity">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <span class="{normalize-space(string-join(('entity', local-name(), $class), ' '))}">
      <xsl:if test="@ref">
        <xsl:attribute name="id" select="tp:mention-id(.)"/>
      </xsl:if>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- Unique in the book (all documents are one tree there) and the same in every run: generate-id() without
       Saxon's document number, which grows with every transformation a process makes. -->
  <xsl:function name="tp:mention-id" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="'m-' || replace(generate-id($mention), '^d\d+', '')"/>
  </xsl:function>
</xsl:stylesheet>
