<?xml version="1.0" encoding="UTF-8"?>
<!-- Behaviours of names and registers (web). A name (persName, placeName, orgName, name, rs) with @ref="#id"
     links to its register entry, carries a stable id (so the register can link back to each mention) and a
     short description for hover/focus. The entry is looked up in the edition's registers, which reach the
     stylesheet as the document parameter te:registers (document pages, builders/html.py) or inside a
     te:bundle (te:registers: the site and print pages), and else in the document's own registers
     (listPerson, listPlace, listOrg, listBibl, listEvent in its text, back or standOff), which are
     rendered in the page as a register with an anchor per entry. Without either, names are plain spans. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:pm="urn:teiedit:pm" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- Entries of a document's own registers. -->
  <xsl:key name="te:local-entry" match="tei:person[@xml:id] | tei:personGrp[@xml:id] | tei:place[@xml:id] | tei:org[@xml:id]
                                        | tei:event[@xml:id] | tei:listBibl/tei:bibl[@xml:id] | tei:listBibl/tei:biblStruct[@xml:id]"
           use="string(@xml:id)"/>

  <!-- The entry a name points to: in its own document, else in the edition's registers. A document's own
       register comes first, as a pointer resolves in its own document: an imported letter's "#p1" is its
       own p1, even when the edition gives that id to someone else (the site then names the entry
       "<page>.p1", see te:entry-href). -->
  <xsl:function name="te:any-entry" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="id" select="te:ref-id($name/@ref)"/>
    <!-- '#p1' or 'persons.xml#p1' (a pointer into a register file: an imported one's entry) -->
    <xsl:variable name="pointer" select="te:pointer($name/@ref)"/>
    <!-- Only inside the document (its TEI element): the bundle's registers are the edition's. -->
    <xsl:variable name="local" select="if ($id) then key('te:local-entry', $id, te:doc-scope($name))[1][ancestor::tei:TEI] else ()"/>
    <xsl:sequence select="if ($local or not($pointer)) then $local
                          else te:register-entry(($te:entry-pointers($pointer), $pointer)[1], $name)"/>
  </xsl:function>

  <xsl:template name="pm:entity">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <!-- (A name without ref points nowhere: the look-up is saved.) -->
    <xsl:variable name="entry" select="if (@ref) then te:any-entry(.) else ()"/>
    <xsl:variable name="external" select="if (empty($entry) and matches(@ref, '^\s*https?:')) then te:safe-url(tokenize(normalize-space(@ref), ' ')[1]) else ''"/>
    <xsl:variable name="classes" select="'entity ' || local-name() || (if (@resp = '#teiedit') then ' machine' else '')
                                          || (if (@cert) then ' cert-' || te:class-token(@cert) else '')
                                          || (if (exists($class)) then ' ' || string-join($class, ' ') else '')"/>
    <xsl:choose>
      <xsl:when test="$entry and not(te:inside-link(.))">
        <xsl:variable name="id" select="te:safe-id($entry/@xml:id)"/>
        <a class="{$classes}" href="{te:entry-href($entry)}"
           data-entity="{$id}" title="{te:entry-tooltip($entry)}">
          <!-- Document pages list the descriptions (te:entity-list); register pages do not need to. -->
          <xsl:if test="root()/te:bundle[@kind = 'document'] or root()/(tei:TEI | tei:teiCorpus)"><xsl:attribute name="aria-describedby" select="'desc-' || $id"/></xsl:if>
          <xsl:call-template name="te:mention-id"/>
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </a>
      </xsl:when>
      <xsl:when test="$external and not(te:inside-link(.))">
        <a class="{$classes} external" href="{$external}" rel="external noopener">
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$classes}">
          <xsl:if test="$entry">
            <xsl:attribute name="data-entity" select="te:safe-id($entry/@xml:id)"/>
            <xsl:call-template name="te:mention-id"/>
          </xsl:if>
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
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
    <xsl:variable name="d" select="te:entry-summary($entry)"/>
    <xsl:sequence select="te:entry-name($entry) || (if ($d) then ': ' || $d else '')"/>
  </xsl:function>

  <!-- What a pop-up says of an entry: its description; an entry of the document's own register without one
       is summed up by what else it says (dates, places, occupation), shortened. -->
  <!-- (Cached: asked for every mention of an entry, and again by the list of names.) -->
  <xsl:function name="te:entry-summary" as="xs:string" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="d" select="te:entry-description($entry)"/>
    <xsl:variable name="name" select="($entry/(tei:persName | tei:placeName | tei:orgName | tei:name | tei:title | tei:label))[1]"/>
    <xsl:variable name="rest" select="if ($d or $entry/ancestor::te:registers) then ''
        else normalize-space(string-join($entry/*[not(. is $name)][normalize-space()] ! (te:entry-part-label(.) || te:spaced-text(.)), '; '))"/>
    <xsl:sequence select="if ($d) then $d else if (string-length($rest) gt 200) then substring($rest, 1, 199) || '…' else $rest"/>
  </xsl:function>

  <!-- Which group of the "Named in this document" list an entry belongs to. -->
  <xsl:function name="te:entry-group" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/self::tei:event) then 'events'
                          else if ($entry/self::tei:bibl or $entry/self::tei:biblStruct) then 'works'
                          else te:register-page($entry)"/>
  </xsl:function>

  <!-- An entry of a document's own register (person, place, org, event, bibl of a listBibl): its name first,
       then what the entry says of it, part by part, separated so that names, dates and identifiers do not
       run together. -->
  <xsl:template name="pm:entry">
    <xsl:param name="content" as="item()*" select="*"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:variable name="name" select="(*[self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:name
                                        or self::tei:title or self::tei:label or self::tei:head])[1]"/>
    <xsl:variable name="phrasing" select="te:in-phrasing(.)"/>
    <xsl:element name="{te:entry-element(., $phrasing)}">
      <xsl:attribute name="class" select="if (empty($class)) then 'register-entry tei-' || local-name() || (if ($phrasing) then ' block' else '')
                                          else normalize-space(string-join(('register-entry', 'tei-' || local-name(), $class,
                                          if ($phrasing) then 'block' else ()), ' '))"/>
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="te:safe-id(@xml:id)"/></xsl:if>
      <xsl:if test="@xml:lang or $te:rtl-doc"><xsl:call-template name="te:lang"/></xsl:if>
      <xsl:choose>
        <!-- Mixed content (a bibl written as running text) reads as it stands. -->
        <xsl:when test="not(*) or text()[normalize-space()]"><xsl:apply-templates mode="text"/></xsl:when>
        <xsl:otherwise>
          <xsl:if test="$name">
            <span class="entry-name"><xsl:apply-templates select="$name/node()" mode="text"/></span>
          </xsl:if>
          <xsl:for-each select="$content[not(. is $name)][normalize-space() or self::tei:idno or @when or @url or @target]">
            <xsl:value-of select="if (position() = 1 and empty($name)) then '' else '; '"/>
            <span class="entry-part part-{te:class-token(local-name())}">
              <!-- (Only these parts have a label: the call is saved for the others, which are most.) -->
              <xsl:if test="self::tei:birth or self::tei:death or self::tei:idno"><xsl:value-of select="te:entry-part-label(.)"/></xsl:if>
              <xsl:apply-templates select="." mode="text"/>
            </span>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <!-- The HTML element of a register entry: an item of its list, else a block. $phrasing: whether the entry
       stands where only phrasing content may (te:in-phrasing, which its caller has already asked). -->
  <xsl:function name="te:entry-element" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="phrasing" as="xs:boolean"/>
    <xsl:sequence select="if ($entry/parent::*[pm:behaviour(.) = 'list'] and not(te:in-phrasing($entry/..))) then 'li'
                          else if ($phrasing) then 'span' else 'div'"/>
  </xsl:function>

  <!-- A short label for the parts of an entry whose text does not say what they are. -->
  <xsl:function name="te:entry-part-label" as="xs:string">
    <xsl:param name="part" as="element()"/>
    <xsl:sequence select="if ($part/self::tei:birth) then '* ' else if ($part/self::tei:death) then '† '
                          else if ($part/self::tei:idno and $part/@type) then $part/@type || ': '
                          else ''"/>
  </xsl:function>

  <!-- The names of a document with their descriptions: the target of aria-describedby and of the pop-ups,
       and, without scripts, a list a reader can consult. -->
  <xsl:template name="te:entity-list">
    <xsl:param name="text" as="element()*"/>
    <xsl:variable name="found" as="element()*">
      <xsl:for-each-group select="$text//(tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs)[@ref]"
                          group-by="te:pointer(@ref)">
        <xsl:sequence select="te:any-entry(.)"/>
      </xsl:for-each-group>
    </xsl:variable>
    <!-- each once: two pointers may name one entry ('#k' and 'persons.xml#k' of an imported file) -->
    <xsl:variable name="entries" select="$found/."/>
    <xsl:if test="$entries">
      <aside class="entities" aria-labelledby="entities-heading">
        <h2 id="entities-heading">Named in this document</h2>
        <xsl:for-each-group select="$entries" group-by="te:entry-group(.)">
          <xsl:sort select="index-of(('persons', 'places', 'orgs', 'works', 'events'), current-grouping-key())"/>
          <h3><xsl:value-of select="map{'persons': 'Persons', 'places': 'Places', 'orgs': 'Organisations', 'works': 'Works',
                                        'events': 'Events'}(current-grouping-key())"/></h3>
          <ul>
            <xsl:for-each select="current-group()">
              <xsl:sort select="lower-case(te:entry-name(.))"/>
              <xsl:variable name="summary" select="te:entry-summary(.)"/>
              <li id="desc-{te:safe-id(@xml:id)}" class="entity-desc">
                <a href="{te:entry-href(.)}"><xsl:value-of select="te:entry-name(.)"/></a>
                <xsl:if test="$summary">
                  <xsl:text>: </xsl:text><span class="desc"><xsl:value-of select="$summary"/></span>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:for-each-group>
      </aside>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
