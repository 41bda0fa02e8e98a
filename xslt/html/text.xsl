<?xml version="1.0" encoding="UTF-8"?>
<!-- Matching: which HTML each structural TEI element of tei:text becomes (mode "text"). Notes, editorial
     interventions and names have their own files. Unknown elements fall back to a generic span/div that keeps
     their text: nothing is silently dropped. Attributes from the TEI never become HTML attributes except as
     class names (rend), ids (made safe) or checked URLs. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <!-- Blocks of reading text are counted so that each gets an id (te-b<n>) when the TEI gives none: search
     hits and citations can point at a paragraph. -->
  <xsl:accumulator name="te:blocks" initial-value="0" as="xs:integer">
    <xsl:accumulator-rule match="tei:p | tei:ab | tei:head | tei:item | tei:l | tei:dateline | tei:salute | tei:signed"
                          select="$value + 1"/>
  </xsl:accumulator>

  <!-- True where HTML allows only phrasing content. A footnote's content is rendered in a list item, so
       only phrasing ancestors inside the note count there. -->
  <xsl:function name="te:in-phrasing" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="note" select="$node/ancestor::tei:note[1]"/>
    <xsl:sequence select="exists($node/ancestor::*[local-name() = $te:phrasing-parents][empty($note) or . &gt;&gt; $note])"/>
  </xsl:function>

  <!-- A block: the given HTML element, or a span styled as a block where only phrasing content may stand. -->
  <xsl:template name="te:block">
    <xsl:param name="element" as="xs:string" select="'div'"/>
    <xsl:param name="class" as="xs:string" select="''"/>
    <xsl:element name="{if (te:in-phrasing(.)) then 'span' else $element}">
      <xsl:attribute name="class" select="normalize-space(string-join((
        'tei-' || local-name(), $class, te:rend-classes(.), if (te:in-phrasing(.)) then 'block' else ()), ' '))"/>
      <xsl:call-template name="te:id"/>
      <xsl:call-template name="te:lang"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:text" mode="text">
    <div class="tei-text"><xsl:call-template name="te:lang"/><xsl:apply-templates mode="text"/></div>
  </xsl:template>
  <xsl:template match="tei:text[ancestor::tei:text]" mode="text">
    <xsl:call-template name="te:block"><xsl:with-param name="class" select="'embedded-text'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:body | tei:front | tei:back | tei:group" mode="text">
    <xsl:call-template name="te:block"/>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5" mode="text">
    <xsl:call-template name="te:block">
      <xsl:with-param name="element" select="'section'"/>
      <xsl:with-param name="class" select="te:class-token(@type)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:floatingText" mode="text">
    <xsl:call-template name="te:block">
      <xsl:with-param name="element" select="'section'"/>
      <xsl:with-param name="class" select="'embedded ' || te:class-token(@type)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:head" mode="text">
    <xsl:variable name="sectioning" select="parent::*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3
                                            or self::tei:body or self::tei:front or self::tei:back or self::tei:group]"/>
    <xsl:choose>
      <xsl:when test="$sectioning and not(te:in-phrasing(.))">
        <!-- h1 is the document's title: headings of the text start at h2, one level per division. -->
        <xsl:variable name="depth" select="max((2, min((count(ancestor::*[self::tei:div or self::tei:div1 or self::tei:div2
                                           or self::tei:div3 or self::tei:div4 or self::tei:div5]) + 1, 6))))"/>
        <xsl:element name="h{$depth}">
          <xsl:attribute name="class" select="normalize-space('tei-head ' || te:rend-classes(.))"/>
          <xsl:call-template name="te:id"/>
          <xsl:apply-templates mode="text"/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="te:block">
          <xsl:with-param name="element" select="'p'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab | tei:dateline | tei:salute | tei:signed | tei:byline | tei:trailer
                       | tei:docAuthor | tei:docDate | tei:l" mode="text">
    <xsl:call-template name="te:block">
      <xsl:with-param name="element" select="'p'"/>
      <xsl:with-param name="class" select="te:class-token(@type)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:lg | tei:sp | tei:epigraph | tei:argument
                       | tei:titlePage | tei:address | tei:docImprint" mode="text">
    <xsl:call-template name="te:block"/>
  </xsl:template>

  <xsl:template match="tei:quote | tei:cit" mode="text">
    <xsl:choose>
      <xsl:when test="te:in-phrasing(.) or not(tei:p | tei:lg | tei:list | tei:l)">
        <span class="tei-{local-name()}"><xsl:call-template name="te:lang"/><xsl:apply-templates mode="text"/></span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="te:block"><xsl:with-param name="element" select="'blockquote'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:q | tei:said" mode="text">
    <!-- teiedit keeps the source's quotation marks as text beside the q: then the browser must not add its own -->
    <xsl:variable name="marked" select="matches(string(preceding::text()[normalize-space()][1]), '[&quot;“‘«„]\s*$')"/>
    <q class="tei-{local-name()}{if ($marked) then ' has-marks' else ''}"><xsl:call-template name="te:lang"/><xsl:apply-templates mode="text"/></q>
  </xsl:template>

  <!-- Lists: ul/ol of items; a head or label stays in the list, nothing is dropped. -->
  <xsl:template match="tei:list | tei:listBibl" mode="text">
    <xsl:variable name="ordered" select="@type = ('ordered', 'numbered') or tokenize(@rend) = ('numbered', 'ordered')"/>
    <xsl:choose>
      <xsl:when test="te:in-phrasing(.)">
        <span class="tei-list block"><xsl:apply-templates mode="text"/></span>
      </xsl:when>
      <xsl:otherwise>
        <div class="{normalize-space('tei-list ' || te:class-token(@type))}">
          <xsl:call-template name="te:id"/>
          <xsl:apply-templates select="tei:head" mode="text"/>
          <xsl:element name="{if ($ordered) then 'ol' else 'ul'}">
            <!-- Numbers already written in the items' text (as the source has them) are not doubled. -->
            <xsl:if test="tei:item and (every $i in tei:item satisfies
                          ($i/@n and starts-with(normalize-space($i), normalize-space($i/@n))))">
              <xsl:attribute name="class" select="'numbered-in-text'"/>
            </xsl:if>
            <xsl:apply-templates select="node() except tei:head" mode="list-item"/>
          </xsl:element>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:item | tei:bibl" mode="list-item">
    <li>
      <xsl:call-template name="te:id"/>
      <xsl:if test="@n and ../@type = 'ordered'"><xsl:attribute name="data-n" select="@n"/></xsl:if>
      <xsl:apply-templates mode="text"/>
    </li>
  </xsl:template>
  <xsl:template match="*" mode="list-item">
    <li class="tei-{local-name()}"><xsl:apply-templates select="." mode="text"/></li>
  </xsl:template>
  <xsl:template match="text()" mode="list-item">
    <xsl:if test="normalize-space()"><li><xsl:value-of select="."/></li></xsl:if>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="list-item"/>
  <xsl:template match="tei:item" mode="text">
    <span class="tei-item block"><xsl:call-template name="te:id"/><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <!-- Tables -->
  <xsl:template match="tei:table" mode="text">
    <xsl:choose>
      <xsl:when test="te:in-phrasing(.)"><span class="tei-table block"><xsl:apply-templates mode="text"/></span></xsl:when>
      <xsl:otherwise>
        <table class="tei-table">
          <xsl:call-template name="te:id"/>
          <xsl:if test="tei:head"><caption><xsl:apply-templates select="tei:head/node()" mode="text"/></caption></xsl:if>
          <xsl:apply-templates select="node() except tei:head" mode="table"/>
        </table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:row" mode="table">
    <tr><xsl:apply-templates select="node()" mode="table"/></tr>
  </xsl:template>
  <xsl:template match="tei:cell" mode="table">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
      <xsl:if test="@cols castable as xs:integer"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="@rows castable as xs:integer"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="*" mode="table">
    <tr><td><xsl:apply-templates select="." mode="text"/></td></tr>
  </xsl:template>
  <xsl:template match="text()" mode="table">
    <xsl:if test="normalize-space()"><tr><td><xsl:value-of select="."/></td></tr></xsl:if>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="table"/>

  <!-- Figures: captions are text; graphics are never fetched from TEI-supplied URLs. -->
  <xsl:template match="tei:figure" mode="text">
    <xsl:choose>
      <xsl:when test="te:in-phrasing(.)"><span class="tei-figure block"><xsl:apply-templates mode="text"/></span></xsl:when>
      <xsl:otherwise>
        <figure class="tei-figure">
          <xsl:call-template name="te:id"/>
          <xsl:apply-templates select="node() except (tei:head | tei:figDesc)" mode="text"/>
          <xsl:if test="tei:head | tei:figDesc">
            <figcaption><xsl:apply-templates select="tei:head | tei:figDesc" mode="figcaption"/></figcaption>
          </xsl:if>
        </figure>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="*" mode="figcaption">
    <span class="tei-{local-name()} block"><xsl:apply-templates mode="text"/></span>
  </xsl:template>
  <xsl:template match="tei:graphic" mode="text">
    <span class="tei-graphic">
      <xsl:apply-templates mode="text"/>
    </span>
  </xsl:template>

  <!-- Inline rendition -->
  <xsl:template match="tei:hi | tei:emph | tei:foreign | tei:term | tei:mentioned | tei:soCalled | tei:title" mode="text">
    <xsl:variable name="rend" select="tokenize(lower-case(@rend), '\s+')"/>
    <xsl:variable name="tag" select="if ($rend = ('italic', 'italics', 'i')) then 'em'
                                     else if ($rend = ('bold', 'b')) then 'strong'
                                     else if ($rend = ('sup', 'superscript')) then 'sup'
                                     else if ($rend = ('sub', 'subscript')) then 'sub'
                                     else if (self::tei:emph) then 'em'
                                     else 'span'"/>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class" select="normalize-space('tei-' || local-name() || ' ' || te:rend-classes(.))"/>
      <xsl:call-template name="te:lang"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:lb" mode="text"><br/></xsl:template>
  <xsl:template match="tei:pb" mode="text">
    <span class="tei-pb" role="separator">
      <xsl:if test="@n"><xsl:attribute name="data-n" select="@n"/><xsl:attribute name="title" select="'Page ' || @n"/></xsl:if>
      <xsl:apply-templates mode="text"/>
    </span>
  </xsl:template>
  <xsl:template match="tei:cb | tei:milestone | tei:anchor" mode="text">
    <span class="tei-{local-name()}"><xsl:call-template name="te:id"/><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <xsl:template match="tei:date | tei:time" mode="text">
    <time class="tei-date">
      <xsl:variable name="when" select="string((@when, @from, @notBefore)[1])"/>
      <xsl:if test="$when castable as xs:date or $when castable as xs:gYear or $when castable as xs:gYearMonth
                    or $when castable as xs:dateTime">
        <xsl:attribute name="datetime" select="$when"/>
      </xsl:if>
      <xsl:apply-templates mode="text"/>
    </time>
  </xsl:template>

  <!-- Links inside the text: only safe URLs become hrefs. -->
  <xsl:template match="tei:ref | tei:ptr" mode="text">
    <xsl:variable name="url" select="te:link-target(., tokenize(normalize-space(@target), ' ')[1])"/>
    <xsl:choose>
      <xsl:when test="$url and not(te:inside-link(.))">
        <a class="tei-{local-name()}" href="{$url}">
          <xsl:apply-templates mode="text"/>
          <xsl:if test="self::tei:ptr">
            <xsl:value-of select="if (starts-with($url, '#note-')) then 'note ' || substring-after($url, '#note-')
                                  else if (starts-with($url, '#')) then '↗ ' || substring($url, 2) else $url"/>
          </xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise><span class="tei-{local-name()}"><xsl:apply-templates mode="text"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A pointer to another TEI file of the build becomes a link to its page (te:pages in the bundle);
       absolute http(s)/mailto URLs stay links if safe; anything else (relative files that are not pages
       of the site, javascript:, data:) stays text. -->
<xsl:function name="te:link-target" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="target" as="xs:string?"/>
    <xsl:variable name="file" select="tokenize(substring-before(($target || '#'), '#'), '/')[last()]"/>
    <xsl:variable name="page" select="root($context)/te:bundle/te:pages/te:page[@file = $file][1]/@page"/>
    <xsl:variable name="url" select="te:safe-url($target)"/>
    <xsl:sequence select="if ($file and $page) then $page || '.html'
                          else if (starts-with($target, '#')) then te:internal-target($context, substring($target, 2))
                          else if (matches($url, '^(https?|mailto):', 'i')) then $url else ''"/>
  </xsl:function>

  <!-- "#id" inside the document: the HTML id the element got (a footnote's is note-n), or '' when the
       element is not in this document or renders without an id. -->
  <xsl:function name="te:internal-target" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="el" select="(te:doc-scope($context)//*[@xml:id = $id])[1]"/>
    <xsl:sequence select="if (empty($el)) then ''
                          else if ($el/self::tei:note and te:is-footnote($el)) then '#' || te:note-id($el, 'note')
                          else if ($el[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:p
                                   or self::tei:head or self::tei:item or self::tei:ab or self::tei:l or self::tei:list
                                   or self::tei:table or self::tei:figure or self::tei:floatingText or self::tei:anchor
                                   or self::tei:milestone or self::tei:dateline or self::tei:salute or self::tei:signed]
                               [ancestor::tei:text]
                               [not(self::tei:list or self::tei:table or self::tei:figure) or not(te:in-phrasing(.))])
                          then '#' || te:safe-id($id)
                          else ''"/>
  </xsl:function>

  <xsl:template match="comment() | processing-instruction()" mode="text"/>

  <!-- Fallback: any other element (any namespace) keeps its text, in a div for block-like content, a span otherwise. -->
  <xsl:template match="*" mode="text">
    <xsl:choose>
      <xsl:when test="(tei:p | tei:div | tei:list | tei:table | tei:lg | tei:ab) and not(te:in-phrasing(.))">
        <div class="{normalize-space('tei-' || te:class-token(local-name()) || ' ' || te:rend-classes(.))}">
          <xsl:call-template name="te:lang"/><xsl:apply-templates mode="text"/></div>
      </xsl:when>
      <xsl:otherwise>
        <span class="{normalize-space('tei-' || te:class-token(local-name()) || ' ' || te:rend-classes(.))}">
          <xsl:call-template name="te:lang"/><xsl:apply-templates mode="text"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="te:id">
    <xsl:choose>
      <xsl:when test="@xml:id"><xsl:attribute name="id" select="te:safe-id(@xml:id)"/></xsl:when>
      <xsl:when test="self::tei:p | self::tei:ab | self::tei:head | self::tei:item | self::tei:l | self::tei:dateline
                      | self::tei:salute | self::tei:signed">
        <xsl:attribute name="id" select="'te-b' || accumulator-before('te:blocks')"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="te:lang">
    <xsl:if test="@xml:lang and matches(@xml:lang, '^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$')">
      <xsl:attribute name="lang" select="@xml:lang"/>
    </xsl:if>
  </xsl:template>

  <!-- rend/type values as class names (prefixed, only name characters). -->
  <xsl:function name="te:rend-classes" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="string-join(for $r in tokenize(normalize-space($el/@rend), ' ') return 'rend-' || te:class-token($r), ' ')"/>
  </xsl:function>
  <xsl:function name="te:class-token" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="replace(normalize-space($s), '[^\p{L}\p{Nd}_\-]', '_')"/>
  </xsl:function>

  <!-- True inside something that already renders as a link (no nested links). -->
  <xsl:function name="te:inside-link" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists($node/ancestor::*[(self::tei:persName or self::tei:placeName or self::tei:orgName
                           or self::tei:name or self::tei:rs) and @ref] | $node/ancestor::tei:ref[@target])"/>
  </xsl:function>
</xsl:stylesheet>
