<?xml version="1.0" encoding="UTF-8"?>
<!-- Behaviours of the web edition (TEI Processing Model): named templates pm:NAME that the compiled models
     (schema/build/teiedit-pm.xsl, from the ODD's <model behaviour="NAME">) call with the element as context.
     Every behaviour takes "content" (what to render: nodes through their own models, strings as text; the
     element itself means its children) and "class" (classes from @cssClass and outputRendition); the others
     are listed at each. The names are the TEI Guidelines' (block, inline, heading, paragraph, list, listItem,
     note, link, alternate, table, row, cell, figure, graphic, break, omit, section, document, metadata, text,
     title, index, cit, anchor, glyph, body) and teiedit's own where the edition needs more (see
     docs/processing-model.md). This file: structure and inline text; lists.xsl, links.xsl, editorial.xsl,
     apparatus.xsl, notes.xsl, entities.xsl and facsimile.xsl hold the others. print/ overrides some for paper. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:pm="urn:teiedit:pm" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- The reading text of a document (a text inside a text is a block). -->
  <xsl:template name="pm:text">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <div class="{normalize-space(string-join(('tei-text', $class), ' '))}">
      <xsl:call-template name="te:lang"/>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </div>
  </xsl:template>

  <xsl:template name="pm:document">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:call-template name="pm:block">
      <xsl:with-param name="content" select="$content"/><xsl:with-param name="class" select="('document', $class)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A header met in the reading text (a TEI fragment): its content, as a block. -->
  <xsl:template name="pm:metadata">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:call-template name="pm:block">
      <xsl:with-param name="content" select="$content"/><xsl:with-param name="class" select="('metadata-block', $class)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="pm:body">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:call-template name="te:block">
      <xsl:with-param name="class" select="string-join($class, ' ')"/><xsl:with-param name="content" select="$content"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="pm:block">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:call-template name="te:block">
      <xsl:with-param name="class" select="string-join($class, ' ')"/><xsl:with-param name="content" select="$content"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A division: a section, its @type a class. -->
  <xsl:template name="pm:section">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:call-template name="te:block">
      <xsl:with-param name="element" select="'section'"/>
      <xsl:with-param name="class" select="string-join(($class, te:class-token(@type)), ' ')"/>
      <xsl:with-param name="content" select="$content"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A heading: h2..h6 by the depth of its division (h1 is the document's title), a block elsewhere. -->
  <xsl:template name="pm:heading">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:variable name="sectioning" select="parent::*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3
                                            or self::tei:body or self::tei:front or self::tei:back or self::tei:group]"/>
    <xsl:choose>
      <xsl:when test="$sectioning and not(te:in-phrasing(.))">
        <xsl:variable name="depth" select="max((2, min((count(ancestor::*[self::tei:div or self::tei:div1 or self::tei:div2
                                           or self::tei:div3 or self::tei:div4 or self::tei:div5]) + 1, 6))))"/>
        <xsl:element name="h{$depth}">
          <xsl:attribute name="class" select="normalize-space(string-join(('tei-head', $class, te:rend-classes(.)), ' '))"/>
          <xsl:call-template name="te:id"/>
          <xsl:call-template name="te:lang"><xsl:with-param name="block" select="true()"/></xsl:call-template>
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="te:block">
          <xsl:with-param name="element" select="'p'"/>
          <xsl:with-param name="class" select="string-join($class, ' ')"/>
          <xsl:with-param name="content" select="$content"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A paragraph (and the paragraph-like lines of letters: dateline, salute, signed, ...). -->
  <xsl:template name="pm:paragraph">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <!-- A label before the content (an utterance's speaker). -->
    <xsl:param name="label" as="xs:string?" select="()"/>
    <xsl:call-template name="te:block">
      <xsl:with-param name="element" select="'p'"/>
      <xsl:with-param name="class" select="string-join(($class, te:class-token(@type)), ' ')"/>
      <xsl:with-param name="content" select="$content"/>
      <xsl:with-param name="prefix" as="node()*">
        <xsl:if test="normalize-space($label)"><span class="block-label"><xsl:value-of select="normalize-space($label)"/></span><xsl:text> </xsl:text></xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Who speaks (@who): for each pointer, the name of the person, role or persona it points to in the
       document (its persName or name, else its text), else the pointer as written. -->
  <xsl:function name="te:who" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="string-join(
      for $t in tokenize(normalize-space($el/@who), ' ')
      return (
        let $target := if (starts-with($t, '#')) then key('te:by-id', substring($t, 2), root($el))[1] else (),
            $name := normalize-space(($target/(tei:persName, tei:name, tei:roleName)[1], $target[not(*)])[1])
        return if ($name) then $name else replace($t, '^#', '')
      ), ', ')"/>
  </xsl:function>

  <!-- A line of verse, its number shown every fifth line (its @n, else its place in the poem; not when line
       breaks inside it carry the numbers). -->
  <xsl:template name="pm:line">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="number" as="xs:string?" select="if (@n) then string(@n) else string(accumulator-before('te:verse-line'))"/>
    <xsl:call-template name="te:block">
      <xsl:with-param name="element" select="'p'"/>
      <xsl:with-param name="class" select="string-join(($class, te:class-token(@type)), ' ')"/>
      <xsl:with-param name="content" select="$content"/>
      <xsl:with-param name="prefix" as="node()*">
        <xsl:if test="$number castable as xs:integer and xs:integer($number) mod 5 = 0 and not(.//tei:lb[@n])">
          <span class="line-number" aria-hidden="true"><xsl:value-of select="$number"/></span>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <!-- The place of a line of verse in its poem (the outermost lg), for lines without @n. -->
  <xsl:accumulator name="te:verse-line" initial-value="0" as="xs:integer">
    <xsl:accumulator-rule match="tei:lg[not(ancestor::tei:lg)]" select="0"/>
    <xsl:accumulator-rule match="tei:l" select="$value + 1"/>
  </xsl:accumulator>

  <!-- A quotation: inline, or a blockquote when it holds paragraphs, verse or lists. -->
  <xsl:template name="pm:cit">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:choose>
      <xsl:when test="te:in-phrasing(.) or not(tei:p | tei:lg | tei:list | tei:l)">
        <span class="{normalize-space(string-join(('tei-' || local-name(), $class), ' '))}">
          <xsl:call-template name="te:lang"/>
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="te:block">
          <xsl:with-param name="element" select="'blockquote'"/>
          <xsl:with-param name="class" select="string-join($class, ' ')"/>
          <xsl:with-param name="content" select="$content"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A short quotation in q. teiedit keeps the source's quotation marks as text beside the q: then the
       browser must not add its own. -->
  <xsl:template name="pm:quotation">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:variable name="marked" select="matches(string(preceding::text()[normalize-space()][1]), '[&quot;“‘«„]\s*$')"/>
    <q class="{normalize-space(string-join(('tei-' || local-name(), $class, if ($marked) then 'has-marks' else ()), ' '))}">
      <xsl:call-template name="te:lang"/>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </q>
  </xsl:template>

  <!-- Inline rendition: em, strong, sup, sub by @rend, else a span; classes by element name and @rend;
       "title": a tooltip. -->
  <xsl:template name="pm:inline">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:variable name="rend" select="tokenize(lower-case(@rend), '\s+')"/>
    <xsl:variable name="tag" select="if ($rend = ('italic', 'italics', 'i')) then 'em'
                                     else if ($rend = ('bold', 'b')) then 'strong'
                                     else if ($rend = ('sup', 'superscript')) then 'sup'
                                     else if ($rend = ('sub', 'subscript')) then 'sub'
                                     else if (self::tei:emph) then 'em'
                                     else 'span'"/>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class" select="if (empty($class) and empty(@rend) and empty(@rendition)) then 'tei-' || local-name()
                                          else normalize-space(string-join(('tei-' || local-name(), $class, te:rend-classes(.)), ' '))"/>
      <xsl:if test="@style"><xsl:call-template name="te:style"/></xsl:if>
      <xsl:if test="$title"><xsl:attribute name="title" select="$title"/></xsl:if>
      <xsl:if test="@xml:lang or $te:rtl-doc"><xsl:call-template name="te:lang"/></xsl:if>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- A title as the document names itself (inline where it stands). -->
  <xsl:template name="pm:title">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:call-template name="pm:inline">
      <xsl:with-param name="content" select="$content"/><xsl:with-param name="class" select="('title', $class)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A date or time, with its normalised value as the machine-readable datetime. -->
  <xsl:template name="pm:date">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <time class="{normalize-space(string-join(('tei-date', $class), ' '))}">
      <xsl:variable name="when" select="string((@when, @from, @notBefore)[1])"/>
      <xsl:if test="$when castable as xs:date or $when castable as xs:gYear or $when castable as xs:gYearMonth
                    or $when castable as xs:dateTime">
        <xsl:attribute name="datetime" select="$when"/>
      </xsl:if>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </time>
  </xsl:template>

  <!-- Line and page breaks. A line number is shown every fifth line (lb/@n). A page break becomes a marker
       with the page's number; one that falls inside a word (no space on either side) shows nothing there,
       so the word stays whole. Its image, if any, is in the facsimile column (facsimile.xsl). -->
  <xsl:template name="pm:break">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="type" as="xs:string" select="if (self::tei:pb) then 'page' else if (self::tei:cb) then 'column' else 'line'"/>
    <xsl:param name="label" as="xs:string?" select="@n"/>
    <xsl:choose>
      <xsl:when test="$type = 'line' and @break = 'no'">
        <!-- A line break inside a word: a hyphen where the source has none, and the word stays one. -->
        <xsl:if test="not(matches(string((preceding-sibling::node()[1]/descendant-or-self::text())[last()]), '[\-‐­¬=]\s*$'))"><span class="lb-hyphen" aria-hidden="true">-</span></xsl:if>
        <br class="in-word"/>
      </xsl:when>
      <xsl:when test="$type = 'line'">
        <br/>
        <xsl:if test="$label castable as xs:integer and xs:integer($label) mod 5 = 0 and xs:integer($label) gt 0">
          <span class="line-number" aria-hidden="true"><xsl:value-of select="$label"/></span>
        </xsl:if>
        <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <span class="{normalize-space(string-join(('tei-' || local-name(), $class, if (te:in-word(.)) then 'in-word' else ()), ' '))}" role="separator">
          <xsl:call-template name="te:id"/>
          <xsl:if test="normalize-space($label)"><xsl:attribute name="data-n" select="$label"/><xsl:attribute name="title" select="'Page ' || $label"/></xsl:if>
          <xsl:call-template name="te:facs-link"/>
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- True for an empty element with letters right before and right after it: it stands inside a word. -->
  <xsl:function name="te:in-word" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <!-- The nearest text on either side within the same parent (a page break inside a word stands between
         two of its letters, or between a letter and an element holding the next ones). -->
    <xsl:variable name="before" select="($el/preceding-sibling::node()[1]/descendant-or-self::text())[last()]"/>
    <xsl:variable name="after" select="($el/following-sibling::node()[1]/descendant-or-self::text())[1]"/>
    <xsl:sequence select="exists($before) and exists($after) and matches($before, '[\p{L}\p{Nd}\-\p{Pd}&#xAD;]$')
                          and matches($after, '^\p{L}')"/>
  </xsl:function>

  <!-- An anchor, milestone or column break: a point in the text others can point at. -->
  <xsl:template name="pm:anchor">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <span class="{normalize-space(string-join(('tei-' || local-name(), $class), ' '))}">
      <xsl:call-template name="te:id"/>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template name="pm:omit">
    <xsl:param name="content" as="item()*" select="()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
  </xsl:template>

  <!-- An element without a model keeps its text and structure: a div when it holds blocks (and is not in
       running text), else a span; its class is its name, as CETEIcean styles unknown elements. -->
  <xsl:template name="pm:unmodelled">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:element name="{if (exists(*) and te:block-like(.)) then 'div' else 'span'}">
      <xsl:attribute name="class" select="if (empty($class) and empty(@rend)) then 'tei-' || te:class-token(local-name())
                                          else normalize-space(string-join(('tei-' || te:class-token(local-name()), $class, te:rend-classes(.)), ' '))"/>
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="te:safe-id(@xml:id)"/></xsl:if>
      <xsl:if test="@xml:lang or $te:rtl-doc"><xsl:call-template name="te:lang"/></xsl:if>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- Block-like: it holds paragraphs, divisions, lists, tables, verse or anonymous blocks and stands where
       blocks may. -->
  <xsl:function name="te:block-like" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/(tei:p | tei:div | tei:list | tei:table | tei:lg | tei:ab | tei:l | tei:head
                                      | tei:listBibl | tei:listPerson | tei:listPlace | tei:sp | tei:figure | tei:castList))
                          and not(te:in-phrasing($el))"/>
  </xsl:function>
</xsl:stylesheet>
