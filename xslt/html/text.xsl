<?xml version="1.0" encoding="UTF-8"?>
<!-- Helpers of the behaviours (web; print imports them): the block wrapper, ids, language and direction,
     class names from the TEI, safe link targets. No template here matches a TEI element: which behaviour
     renders an element is said by the ODD's processing model (compiled into schema/build/teiedit-pm.xsl,
     see render.xsl). Attributes from the TEI never become HTML attributes except as class names (rend),
     ids (made safe), language tags (checked) or checked URLs. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:pm="urn:teiedit:pm" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <!-- Blocks of reading text are counted so that each gets an id (te-b<n>) when the TEI gives none: search
     hits and citations can point at a paragraph. -->
  <xsl:accumulator name="te:blocks" initial-value="0" as="xs:integer">
    <xsl:accumulator-rule match="tei:p | tei:ab | tei:head | tei:item | tei:l | tei:dateline | tei:salute | tei:signed"
                          select="$value + 1"/>
  </xsl:accumulator>

  <!-- True where HTML allows only phrasing content. A footnote's content is rendered in a list item, so
       what counts is the note's own ancestors only (a list in a footnote is a list). A paragraph that
       holds a table is rendered as a div (te:holds-blocks): inside it a table is a table. -->
  <xsl:function name="te:in-phrasing" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="note" select="$node/ancestor::tei:note[1]"/>
    <xsl:sequence select="exists($node/ancestor::*[map:contains($te:phrasing-set, local-name())][empty($note) or . &gt;&gt; $note]
                                                  [not(te:holds-blocks(.))])"/>
  </xsl:function>

  <!-- te:phrasing-parents as a map: looked up for every ancestor of every block. -->
  <xsl:variable name="te:phrasing-set" as="map(xs:string, xs:boolean)"
    select="map:merge($te:phrasing-parents ! map{.: true()})"/>

  <!-- A paragraph-like element that holds a table (outside its notes): HTML cannot put the table inside a
       p, so the paragraph becomes a div and the table stays a table. -->
  <xsl:key name="te:tables-in" match="tei:table" use="generate-id((ancestor::tei:p | ancestor::tei:ab | ancestor::tei:note)[last()])"/>
  <xsl:function name="te:holds-blocks" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el[self::tei:p or self::tei:ab]) and exists(key('te:tables-in', generate-id($el), root($el)))"/>
  </xsl:function>

  <!-- A block: the given HTML element, or a span styled as a block where only phrasing content may stand. -->
  <xsl:template name="te:block">
    <xsl:param name="element" as="xs:string" select="'div'"/>
    <xsl:param name="class" as="xs:string" select="''"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <!-- Rendered nodes put before the content (a line number). -->
    <xsl:param name="prefix" as="node()*" select="()"/>
    <xsl:variable name="phrasing" select="te:in-phrasing(.)"/>
    <xsl:element name="{if ($phrasing) then 'span' else if ($element = 'p' and te:holds-blocks(.)) then 'div' else $element}">
      <!-- (The class list is joined and normalised only when it has more than the element's own name:
           asked for every block, the general expression cost more than the rest of the block.) -->
      <xsl:attribute name="class" select="if ($class = '' and empty(@rend) and empty(@rendition)) then 'tei-' || local-name() || (if ($phrasing) then ' block' else '')
        else normalize-space(string-join(('tei-' || local-name(), $class, te:rend-classes(.), if ($phrasing) then 'block' else ()), ' '))"/>
      <xsl:call-template name="te:id"/>
      <xsl:if test="@style"><xsl:call-template name="te:style"/></xsl:if>
      <xsl:if test="@xml:lang or $te:rtl-doc"><xsl:call-template name="te:lang"><xsl:with-param name="block" select="true()"/></xsl:call-template></xsl:if>
      <xsl:sequence select="$prefix"/>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- What a behaviour renders: nodes through their models (the element itself: its children), strings as
       text. -->
  <xsl:template name="te:content">
    <xsl:param name="content" as="item()*"/>
    <xsl:choose>
      <xsl:when test="every $c in $content satisfies ($c instance of node() and not($c is current()))">
        <xsl:choose>
          <!-- (te:spaced-parts needs two child elements: the call is saved for the many that have fewer.) -->
          <xsl:when test=". instance of element() and exists(*[2]) and te:spaced-parts(.)">
            <xsl:for-each select="$content">
              <xsl:if test=". instance of element() and preceding-sibling::node()[1][self::*]"><xsl:text> </xsl:text></xsl:if>
              <xsl:apply-templates select="." mode="text"/>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates select="$content" mode="text"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="self" select="."/>
        <xsl:for-each select="$content">
          <xsl:choose>
            <xsl:when test=". instance of node() and . is $self"><xsl:apply-templates select="node()" mode="text"/></xsl:when>
            <xsl:when test=". instance of node()"><xsl:apply-templates select="." mode="text"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The parts of a structure the TEI writes without text between them (a name's forename and surname, a
       record's fields, a tree's labels) are words of their own: a space between two that touch. Not inside
       what may be one word (w, choice, subst, app, ...; teiedit's repairs: a run of choices; tokens, which space themselves), nor between blocks. -->
  <xsl:function name="te:spaced-parts" as="xs:boolean">
    <xsl:param name="el" as="node()"/>
    <xsl:sequence select="$el instance of element() and exists($el/*[2]) and not($el/text()[normalize-space()])
                          and not(map:contains($te:joined-set, local-name($el)))
                          and not($el/*[map:contains($te:block-set, local-name())]) and not($el/(tei:choice | tei:w | tei:pc))"/>
  </xsl:function>
  <xsl:variable name="te:joined-parts" as="xs:string*"
    select="('w', 'choice', 'subst', 'app', 'lem', 'rdg', 'rdgGrp', 'sic', 'corr', 'orig', 'reg', 'abbr', 'expan',
             'am', 'ex', 'g', 'c', 'pc', 'num', 'unclear', 'supplied', 'damage', 'add', 'del', 'restore', 'mod',
             'hi', 'seg')"/>
  <xsl:variable name="te:block-parts" as="xs:string*"
    select="('p', 'ab', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'lg', 'l', 'list', 'item',
             'table', 'row', 'cell', 'head', 'note', 'figure', 'floatingText', 'opener', 'closer', 'postscript',
             'dateline', 'salute', 'signed', 'byline', 'docAuthor', 'docDate', 'docTitle', 'titlePart', 'epigraph',
             'argument', 'trailer', 'sp', 'speaker', 'stage', 'castList', 'listBibl', 'listPerson', 'listPlace',
             'listOrg', 'listEvent', 'text', 'body', 'front', 'back', 'group', 'titlePage', 'graphic', 'surface', 'zone',
             'u', 'line', 'listWit', 'address', 'addrLine')"/>

  <xsl:variable name="te:joined-set" as="map(xs:string, xs:boolean)" select="map:merge($te:joined-parts ! map{.: true()})"/>
  <xsl:variable name="te:block-set" as="map(xs:string, xs:boolean)" select="map:merge($te:block-parts ! map{.: true()})"/>

  <xsl:template match="comment() | processing-instruction()" mode="text"/>

  <xsl:template name="te:id">
    <xsl:choose>
      <xsl:when test="@xml:id"><xsl:attribute name="id" select="te:safe-id(@xml:id)"/></xsl:when>
      <xsl:when test="self::tei:p | self::tei:ab | self::tei:head | self::tei:item | self::tei:l | self::tei:dateline
                      | self::tei:salute | self::tei:signed">
        <xsl:attribute name="id" select="'te-b' || accumulator-before('te:blocks')"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- lang from xml:lang (checked), and the writing direction: right to left for the languages and scripts
       written so (te:rtl-lang), back to left to right inside them; a block without a language of its own
       takes the direction of its first letter (a Syriac paragraph in a document that names no language). -->
  <!-- (It writes nothing for an element without xml:lang in a document without right-to-left text: the
       hottest callers test that first and save the call.) -->
  <xsl:template name="te:lang">
    <xsl:param name="block" as="xs:boolean" select="false()"/>
    <xsl:variable name="lang" select="if (@xml:lang and matches(@xml:lang, '^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$')) then string(@xml:lang) else ''"/>
    <xsl:if test="$lang"><xsl:attribute name="lang" select="$lang"/></xsl:if>
    <xsl:if test="$te:rtl-doc">
      <xsl:variable name="outer" select="string(ancestor::*[@xml:lang][1]/@xml:lang)"/>
      <xsl:choose>
        <xsl:when test="$lang and te:rtl-lang($lang) and not(te:rtl-lang($outer))"><xsl:attribute name="dir" select="'rtl'"/></xsl:when>
        <xsl:when test="$lang and not(te:rtl-lang($lang)) and te:rtl-lang($outer)"><xsl:attribute name="dir" select="'ltr'"/></xsl:when>
        <xsl:when test="$block and not($lang) and not(te:rtl-lang($outer)) and not(te:holds-structure(.)) and te:rtl-text(.)"><xsl:attribute name="dir" select="'rtl'"/></xsl:when>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- Does the input hold right-to-left text or languages at all (so that blocks need to be looked at)? Its
       letters are looked at once in Python (facts.py: rtl-text). -->
  <xsl:variable name="te:rtl-doc" as="xs:boolean"
    select="exists(/) and (not($facts/te:facts/@rtl-text = 'no')
                           or (some $l in //@xml:lang satisfies te:rtl-lang($l)))"/>

  <!-- Languages written right to left, by language subtag or by script subtag. -->
  <xsl:function name="te:rtl-lang" as="xs:boolean">
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:variable name="tags" select="tokenize(lower-case($lang), '-')"/>
    <xsl:sequence select="exists($tags) and not($tags[position() gt 1] = ('latn', 'cyrl', 'grek'))
                          and ($tags[1] = ('ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ji', 'ku', 'ps', 'sd', 'syr',
                                           'syc', 'ug', 'ur', 'yi', 'arz', 'apc', 'acm', 'prs', 'pes', 'bal', 'sam', 'mid', 'jrb')
                               or $tags[position() gt 1] = ('arab', 'hebr', 'syrc', 'syre', 'syrj', 'syrn', 'thaa', 'nkoo',
                                                            'samr', 'mand', 'adlm', 'rohg', 'yezi'))"/>
  </xsl:function>

  <!-- True for a container of blocks (body, div, lg, sp, list, ...): its first letter says nothing of the
       direction of the blocks after the first (an Arabic division first, English ones after it), so only the
       blocks themselves take a direction from their letters. -->
  <xsl:function name="te:holds-structure" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/(tei:p | tei:ab | tei:lg | tei:l | tei:head | tei:sp | tei:u | tei:list | tei:item
                          | tei:table | tei:row | tei:listBibl | tei:body | tei:front | tei:back | tei:group | tei:text
                          | tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7))"/>
  </xsl:function>

  <!-- True when the first letter of an element's text belongs to a right-to-left script. -->
  <xsl:function name="te:rtl-text" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="first" select="($el//text()[matches(., '\p{L}')])[1]"/>
    <xsl:sequence select="exists($first) and matches(replace($first, '^[^\p{L}]+', ''),
                          '^[&#x590;-&#x8FF;&#xFB1D;-&#xFDFF;&#xFE70;-&#xFEFF;]')"/>
  </xsl:function>

  <!-- rend/type values as class names (prefixed, only name characters). -->
  <!-- (Asked of every rendered element: most have no rend, and most names are plain ASCII, which the regular
       expression would leave as they are.) -->
  <!-- (@rendition's pointers to the header's rendition elements become classes too: rendition-ID, styled
       by te:rendition-css.) -->
  <xsl:function name="te:rend-classes" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if (empty($el/@rend) and empty($el/@rendition)) then ''
                          else string-join((for $r in tokenize(normalize-space($el/@rend), ' ') return 'rend-' || te:class-token($r),
                                            for $r in tokenize(normalize-space($el/@rendition), ' ')[starts-with(., '#')]
                                            return 'rendition-' || te:class-token(substring($r, 2))), ' ')"/>
  </xsl:function>

  <!-- CSS from the document: the rules of its tagsDecl's rendition elements (scheme css, or none) that
       its text points at, for the classes rendition-ID, each rule kept only when te:safe-css passes it. -->
  <xsl:template name="te:rendition-css">
    <!-- (The text's attributes are looked at only when the header declares renditions at all.) -->
    <xsl:variable name="declared" select="root()//tei:tagsDecl/tei:rendition[@xml:id][not(@scheme) or @scheme = 'css']"/>
    <xsl:variable name="used" select="if (empty($declared)) then ()
                                      else distinct-values(for $r in root()//tei:text//@rendition return tokenize(normalize-space($r), ' '))"/>
    <xsl:variable name="rules" as="xs:string*"
      select="for $r in $declared[('#' || @xml:id) = $used]
              return if (te:safe-css(string($r)) and ($r/@scope = ('before', 'after', 'first-line', 'first-letter') or empty($r/@scope)))
                     then '.rendition-' || te:class-token($r/@xml:id) || (if ($r/@scope) then '::' || $r/@scope else '')
                          || ' { ' || normalize-space($r) || ' }'
                     else ()"/>
    <xsl:if test="exists($rules)"><style><xsl:value-of select="string-join(('', $rules, ''), '&#10;')"/></style></xsl:if>
  </xsl:template>

  <!-- CSS declarations from a document that can do no more than style: no blocks, at-rules, escapes,
       markup, resources (url, image-set, import) or script. -->
  <xsl:function name="te:safe-css" as="xs:boolean">
    <xsl:param name="css" as="xs:string?"/>
    <xsl:sequence select="normalize-space($css) != ''
                          and not(matches($css, '[{}&lt;&gt;@\\]|url\s*\(|image|expression|javascript:|behavior|binding|import', 'i'))"/>
  </xsl:function>

  <!-- @style, when te:safe-css passes it, as the element's own style. -->
  <xsl:template name="te:style">
    <xsl:if test="@style and te:safe-css(@style)"><xsl:attribute name="style" select="normalize-space(@style)"/></xsl:if>
  </xsl:template>
  <xsl:function name="te:class-token" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="if (translate($s, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-', '') = '') then string($s)
                          else replace(normalize-space($s), '[^\p{L}\p{Nd}_\-]', '_')"/>
  </xsl:function>

  <!-- True inside something that already renders as a link (no nested links). -->
  <xsl:function name="te:inside-link" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <!-- (One pass over the ancestors: a union of two paths cost a sort for every link.) -->
    <xsl:sequence select="exists($node/ancestor::*[((self::tei:persName or self::tei:placeName or self::tei:orgName
                           or self::tei:name or self::tei:rs) and @ref) or (self::tei:ref and @target)])"/>
  </xsl:function>

  <!-- A pointer to another TEI file of the build becomes a link to its page (te:pages in the bundle);
       absolute http(s)/mailto URLs stay links if safe; anything else (relative files that are not pages
       of the site, javascript:, data:) stays text. -->
  <xsl:function name="te:link-target" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="target" as="xs:string?"/>
    <!-- (The file name is worked out only when the bundle lists pages at all.) -->
    <xsl:variable name="pages" select="root($context)/te:bundle/te:pages/te:page"/>
    <xsl:variable name="file" select="if (exists($pages)) then tokenize(substring-before(($target || '#'), '#'), '/')[last()] else ()"/>
    <xsl:variable name="page" select="if ($file) then $pages[@file = $file][1]/@page else ()"/>
    <xsl:variable name="url" select="te:safe-url($target)"/>
    <xsl:sequence select="if ($page) then $page || '.html'
                          else if (starts-with($target, '#')) then te:internal-target($context, substring($target, 2))
                          else if (matches($url, '^(https?|mailto):', 'i')) then $url
                          else te:based-target($context, $target)"/>
  </xsl:function>

  <!-- A relative pointer under an xml:base that makes it a web address ("l002.xml" under
       xml:base="https://example.org/letters/"): that address; '' when no xml:base makes it one. -->
  <xsl:function name="te:based-target" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="target" as="xs:string?"/>
    <xsl:choose>
      <xsl:when test="normalize-space($target) and exists($context/ancestor-or-self::*/@xml:base)">
        <xsl:variable name="resolved" as="xs:string">
          <xsl:try select="string(resolve-uri(normalize-space($target), base-uri($context)))">
            <xsl:catch select="''"/>
          </xsl:try>
        </xsl:variable>
        <xsl:variable name="url" select="te:safe-url($resolved)"/>
        <xsl:sequence select="if (matches($url, '^https?://', 'i')) then $url else ''"/>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="''"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- "#id" inside the document: the HTML id the element got (a footnote's is note-n), or '' when the
       element is not in this document or renders without an id. -->
  <xsl:function name="te:internal-target" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="el" select="key('te:by-id', $id, te:doc-scope($context))[1]"/>
    <xsl:sequence select="if (empty($el)) then ''
                          else if ($el/self::tei:note and te:is-footnote($el)) then '#' || te:note-id($el, 'note')
                          else if ($el[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:p
                                   or self::tei:head or self::tei:item or self::tei:ab or self::tei:l or self::tei:list
                                   or self::tei:table or self::tei:figure or self::tei:floatingText or self::tei:anchor
                                   or self::tei:milestone or self::tei:dateline or self::tei:salute or self::tei:signed]
                               [ancestor::tei:text]
                               [not(self::tei:list or self::tei:table or self::tei:figure) or not(te:in-phrasing(.))])
                          then '#' || te:safe-id($id)
                          else if ($el[ancestor::tei:text or ancestor::tei:facsimile or ancestor::tei:standOff]
                                     [self::tei:person or self::tei:place or self::tei:org or self::tei:bibl or self::tei:event
                                      or self::tei:surface or self::tei:zone or self::tei:graphic or self::tei:witness or self::tei:lg
                                      or self::tei:app or self::tei:lb or self::tei:pb or self::tei:seg or self::tei:w])
                          then '#' || te:safe-id($id)
                          (: an item of any list (a listBibl's biblStruct) and an element without a model carry
                             their id whatever their name (pm:listItem, pm:unmodelled) :)
                          else if ($el[ancestor::tei:text] and pm:behaviour($el) = ('listItem', 'unmodelled'))
                          then '#' || te:safe-id($id)
                          else ''"/>
  </xsl:function>
</xsl:stylesheet>
