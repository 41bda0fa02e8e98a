<?xml version="1.0" encoding="UTF-8"?>
<!-- Print: the index of persons, places and organisations. Every register entry the book mentions is
     listed under the register's form of its name and sorted by the register's sort key (common/names.xsl:
     persons by family name); an entry the register nests in another (a central committee in its party)
     is a sub-entry of it, with a cross-reference at its own place; a spelling the documents use that a
     reader would look up elsewhere ("Li Sangjo") refers to the entry. The locators are placeholders that
     builders/pdf/parts.py replaces with every page that prints a mention (runs of pages as ranges). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:tp="urn:teiedit:print" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:key name="tp:mentions-of" match="tei:persName | tei:placeName | tei:orgName" use="te:ref-id(@ref)"/>

  <!-- Mentions that are printed (not the hidden side of a choice) and point somewhere. -->
  <xsl:function name="tp:mentions" as="element()*">
    <xsl:param name="docs" as="element()*"/>
    <xsl:sequence select="$docs/tei:text//(tei:persName | tei:placeName | tei:orgName)[normalize-space(@ref)]
        [not(ancestor::*[self::tei:sic or self::tei:orig or self::tei:abbr][parent::tei:choice])]"/>
  </xsl:function>

  <xsl:template name="tp:index">
    <xsl:param name="docs" as="element()*"/>
    <xsl:variable name="mentions" select="tp:mentions($docs)"/>
    <xsl:if test="$mentions">
      <xsl:variable name="root" select="root($mentions[1])"/>
      <xsl:variable name="ids" select="distinct-values($mentions ! te:ref-id(@ref))[.]"/>
      <xsl:variable name="entries" select="$ids ! key('tp:entry', ., $root)[1]"/>
      <section class="matter index" id="index" data-running="{$tp:running-edition}">
        <h2 class="matter-title">Index</h2>
        <xsl:for-each select="('person', 'place', 'org')">
          <xsl:variable name="kind" select="."/>
          <xsl:variable name="these" select="$entries[tp:entity-kind(., .) = $kind]"/>
          <xsl:variable name="loose" select="$mentions[not(key('tp:entry', te:ref-id(@ref), $root))][tp:entity-kind((), .) = $kind]"/>
          <xsl:variable name="items" as="element()*">
            <!-- the outermost entries that hold what is mentioned, each with its sub-entries -->
            <xsl:for-each select="distinct-values($these ! tp:top(.)/@xml:id)">
              <xsl:variable name="top" select="key('tp:entry', ., $root)[1]"/>
              <tp:item key="{te:sort-key($top)}">
                <xsl:call-template name="tp:index-entry">
                  <xsl:with-param name="entry" select="$top"/>
                  <xsl:with-param name="mentions" select="$mentions"/>
                  <xsl:with-param name="shown" select="$these"/>
                </xsl:call-template>
              </tp:item>
            </xsl:for-each>
            <!-- a sub-entry at its own place: "KWP Central Committee, see Korean Workers' Party" -->
            <xsl:for-each select="$these[not(. is tp:top(.))]">
              <tp:item key="{te:sort-key(.)}">
                <xsl:call-template name="tp:see">
                  <xsl:with-param name="label" select="te:index-name(.)"/>
                  <xsl:with-param name="target" select="tp:see-target(.)"/>
                </xsl:call-template>
              </tp:item>
            </xsl:for-each>
            <xsl:for-each-group select="$these" group-by="tp:see-forms(., $mentions)">
              <tp:item key="{te:sort-form(current-grouping-key())}">
                <xsl:call-template name="tp:see">
                  <xsl:with-param name="label" select="current-grouping-key()"/>
                  <xsl:with-param name="target" select="string-join(current-group() ! tp:see-target(.), '; ')"/>
                </xsl:call-template>
              </tp:item>
            </xsl:for-each-group>
            <!-- mentions whose entry is not in the registers: under their commonest spelling -->
            <xsl:for-each-group select="$loose" group-by="tokenize(@ref)[1]">
              <xsl:variable name="label" select="tp:commonest(current-group())"/>
              <tp:item key="{te:sort-form($label)}">
                <li class="index-entry">
                  <span class="index-label"><xsl:value-of select="$label"/></span>
                  <xsl:call-template name="tp:locators"><xsl:with-param name="mentions" select="current-group()"/></xsl:call-template>
                </li>
              </tp:item>
            </xsl:for-each-group>
          </xsl:variable>
          <xsl:if test="$items">
            <section class="index-part index-{$kind}">
              <h3><xsl:value-of select="map{'person': 'Persons', 'place': 'Places', 'org': 'Organisations'}($kind)"/></h3>
              <ul class="index-entries">
                <xsl:for-each select="$items">
                  <xsl:sort select="@key" lang="en"/>
                  <xsl:sequence select="*"/>
                </xsl:for-each>
              </ul>
            </section>
          </xsl:if>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- An entry: its name, other scripts, description, locators, and the entries nested in it that the
       book mentions (or that hold such entries), sorted. -->
  <xsl:template name="tp:index-entry">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="mentions" as="element()*"/>
    <xsl:param name="shown" as="element()*"/>
    <xsl:param name="depth" as="xs:integer" select="0"/>
    <xsl:variable name="own" select="key('tp:mentions-of', string($entry/@xml:id), root($entry)) intersect $mentions"/>
    <li class="index-entry{if ($depth gt 0) then ' index-sub-entry' else ''}">
      <span class="index-label"><xsl:value-of select="if ($depth gt 0) then te:entry-name($entry) else te:index-name($entry)"/></span>
      <xsl:if test="normalize-space(tp:other-scripts($entry))">
        <span class="index-script"> (<xsl:value-of select="tp:other-scripts($entry)"/>)</span>
      </xsl:if>
      <xsl:if test="$depth eq 0 and normalize-space(tp:entry-desc($entry))">
        <span class="index-desc">, <xsl:value-of select="tp:entry-desc($entry)"/></span>
      </xsl:if>
      <xsl:if test="$own"><xsl:call-template name="tp:locators"><xsl:with-param name="mentions" select="$own"/></xsl:call-template></xsl:if>
      <xsl:variable name="subs" select="$entry/(tei:org | tei:place | tei:person | tei:listOrg/tei:org
                                        | tei:listPlace/tei:place | tei:listPerson/tei:person)[@xml:id]
                                        [exists(descendant-or-self::*[@xml:id] intersect $shown)]"/>
      <xsl:if test="$subs and $depth lt 3">
        <ul class="index-sub">
          <xsl:for-each select="$subs">
            <xsl:sort select="te:sort-key(.)" lang="en"/>
            <xsl:call-template name="tp:index-entry">
              <xsl:with-param name="entry" select="."/>
              <xsl:with-param name="mentions" select="$mentions"/>
              <xsl:with-param name="shown" select="$shown"/>
              <xsl:with-param name="depth" select="$depth + 1"/>
            </xsl:call-template>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- Locators: the first mention in each document, as placeholders. builders/pdf/parts.py replaces them
       with every page that mentions the entry, read from the laid-out pages (data-mentions lists the ids
       of all mentions). -->
  <xsl:template name="tp:locators">
    <xsl:param name="mentions" as="element()*"/>
    <span class="index-locators" data-mentions="{$mentions ! tp:mention-id(.)}">
      <xsl:for-each-group select="$mentions" group-by="generate-id(ancestor::tei:TEI[1])">
        <xsl:text> </xsl:text>
        <a class="locator" href="#{tp:mention-id(current-group()[1])}"/>
      </xsl:for-each-group>
    </span>
  </xsl:template>

  <xsl:template name="tp:see">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="target" as="xs:string"/>
    <li class="index-entry index-see"><span class="index-label"><xsl:value-of select="$label"/></span>, <em>see</em>
      <xsl:text> </xsl:text><xsl:value-of select="$target"/></li>
  </xsl:template>

  <!-- Where a cross-reference sends the reader: the entry, or its place under the entry that holds it
       ("Korean Workers' Party: KWP Central Committee"). -->
  <xsl:function name="tp:see-target" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="top" select="tp:top($entry)"/>
    <xsl:sequence select="if ($top is $entry) then te:index-name($entry)
                          else te:index-name($top) || ': ' || te:entry-name($entry)"/>
  </xsl:function>

  <!-- The outermost register entry of the same kind that holds this one (itself when not nested). -->
  <xsl:function name="tp:top" as="element()">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="($entry/ancestor-or-self::*[local-name() = local-name($entry)][@xml:id])[1]"/>
  </xsl:function>

  <!-- Spellings of an entry that the documents print and that a reader would look up elsewhere: a
       registered variant or romanisation, used in a mention, none of whose words is the word the entry
       sorts by ("Li Sangjo" for Ri Sang-jo; not "Kim Il-sung" for Kim Il Sung), in Latin letters (other
       scripts follow the entry's name). Of an organisation, only a one-word form (an acronym: "KWP"):
       its longer variants are phrases nobody looks up. -->
  <xsl:function name="tp:see-forms" as="xs:string*">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="mentions" as="element()*"/>
    <xsl:variable name="first" select="tokenize(te:sort-key($entry), '[\s,]+')[1]"/>
    <xsl:variable name="registered" select="$entry/(tei:persName | tei:placeName | tei:orgName)
                                            [@type = ('variant', 'romanisation')][not(@xml:lang)] ! normalize-space(.)"/>
    <xsl:variable name="used" select="distinct-values((key('tp:mentions-of', string($entry/@xml:id), root($entry))
                                      intersect $mentions)[not(@cert)] ! te:corrected-text(.))"/>
    <xsl:sequence select="$used[. = $registered][not(tokenize(te:sort-form(.), '[\s,\-]+') = $first)]
                          [te:sort-form(.) ne te:sort-form(te:index-name($entry))]
                          [not($entry/self::tei:org) or not(contains(., ' '))]
                          [matches(., '^[&#x20;-&#x24F;&#x300;-&#x36F;&#x1E00;-&#x1EFF;&#x2000;-&#x206F;]*$')]"/>
  </xsl:function>

  <xsl:function name="tp:commonest" as="xs:string">
    <xsl:param name="mentions" as="element()*"/>
    <xsl:variable name="counted" as="xs:string*">
      <xsl:for-each-group select="$mentions" group-by="normalize-space(.)">
        <xsl:sort select="count(current-group())" order="descending"/>
        <xsl:sequence select="current-grouping-key()"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="($counted, '?')[1]"/>
  </xsl:function>

  <!-- person, place or org: from the register entry when there is one, else from the mention's element. -->
  <xsl:function name="tp:entity-kind" as="xs:string">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="name" select="local-name(($entry, $mention)[1])"/>
    <xsl:sequence select="if ($name = ('person', 'personGrp', 'persName')) then 'person'
                          else if ($name = ('place', 'placeName')) then 'place'
                          else 'org'"/>
  </xsl:function>

  <!-- The entry's names in other scripts (Hangul, Han characters, Cyrillic: register names with an
       @xml:lang that are not written in Latin letters, by code point ranges), at most two. -->
  <xsl:function name="tp:other-scripts" as="xs:string">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName)[@xml:lang]
                                       [not(matches(normalize-space(.), '^[&#x20;-&#x24F;&#x300;-&#x36F;&#x1E00;-&#x1EFF;&#x2000;-&#x206F;]*$'))]"/>
    <xsl:sequence select="string-join(subsequence(distinct-values($names ! normalize-space(.)), 1, 2), ', ')"/>
  </xsl:function>

  <!-- A short description from the register entry (office, role): its first clause when that says
       enough, else cut at a word. -->
  <xsl:function name="tp:entry-desc" as="xs:string">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="d" select="normalize-space(($entry/tei:occupation, $entry/tei:roleName, $entry/tei:desc,
                                     $entry/tei:note, $entry/tei:state/tei:p)[normalize-space()][1])"/>
    <xsl:variable name="first" select="replace($d, '^([^;]*?)(\.\s|;\s|\.$).*$', '$1')"/>
    <!-- a parenthesis the cut left open is dropped with what it opened -->
    <xsl:variable name="clause" select="if (contains($first, '(') and not(contains(substring-after($first, '('), ')')))
                                        then normalize-space(substring-before($first, '(')) else $first"/>
    <xsl:variable name="label" select="te:sort-form(te:index-name($entry))"/>
    <xsl:sequence select="if (te:sort-form($clause) = ($label, '')) then ''
                          else if (string-length($clause) le 90) then $clause
                          else tp:balanced(tp:shorten($d, 80))"/>
  </xsl:function>

  <!-- A shortened text without a parenthesis it leaves open. -->
  <xsl:function name="tp:balanced" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="open" select="tokenize($s, '\(')[last()]"/>
    <xsl:sequence select="if (contains($s, '(') and not(contains($open, ')')))
                          then replace($s, '\s*\([^()]*$', '') || ' …' else $s"/>
  </xsl:function>
</xsl:stylesheet>
