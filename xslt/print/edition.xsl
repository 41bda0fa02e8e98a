<?xml version="1.0" encoding="UTF-8"?>
<!-- Print: the whole edition as one paged book. Input: the teiCorpus that builders/pdf.py assembles (the
     documents in chronological order, each with xml:base = its page name, and the registers' lists in a
     trailing tei:standOff). Output: title page, editorial conventions, contents, one chapter per document
     (mode "print" from document.xsl, each on a new page), and an index of persons, places and
     organisations whose page numbers WeasyPrint fills in with target-counter(). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:tp="urn:teiedit:print" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:import href="document.xsl"/>

  <xsl:key name="tp:entry" match="tei:standOff//*[@xml:id]" use="@xml:id"/>

  <xsl:template match="/tei:teiCorpus" mode="print-root">
    <!-- A compilation's whole (kind "compilation") only lists its parts, which are documents of the
         book themselves: the contents already list them. -->
    <xsl:variable name="docs" select="tei:TEI[not(tp:kind(.) = 'compilation')]"/>
    <xsl:call-template name="te:frame">
      <xsl:with-param name="title" select="$edition-title"/>
      <xsl:with-param name="content">
        <xsl:call-template name="tp:title-page"><xsl:with-param name="docs" select="$docs"/></xsl:call-template>
        <xsl:call-template name="tp:conventions"><xsl:with-param name="docs" select="$docs"/></xsl:call-template>
        <xsl:call-template name="tp:contents"><xsl:with-param name="docs" select="$docs"/></xsl:call-template>
        <xsl:apply-templates select="$docs" mode="print"/>
        <xsl:call-template name="tp:index"><xsl:with-param name="docs" select="$docs"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== Title page (settings from teiedit.toml) ===== -->
  <xsl:template name="tp:title-page">
    <xsl:param name="docs" as="element()*"/>
    <section class="title-page" id="title-page">
      <h1 class="edition-title" data-running="{$tp:running-edition}"><xsl:value-of select="$edition-title"/></h1>
      <xsl:variable name="editors" select="tokenize($edition-editors, '\n')[normalize-space()]"/>
      <xsl:if test="exists($editors)">
        <div class="editors">
          <p class="edited-by">Edited by</p>
          <xsl:for-each select="$editors">
            <p class="editor">
              <span class="editor-name"><xsl:value-of select="normalize-space(replace(., ':.*$', ''))"/></span>
              <xsl:if test="contains(., ':')">
                <span class="editor-resp"><xsl:value-of select="normalize-space(substring-after(., ':'))"/></span>
              </xsl:if>
            </p>
          </xsl:for-each>
        </div>
      </xsl:if>
      <div class="imprint">
        <p class="publisher">
          <xsl:value-of select="string-join(($edition-publisher, $edition-pub-place, $edition-year)[normalize-space()], ' · ')"/>
        </p>
        <xsl:if test="normalize-space($edition-licence)">
          <p class="licence">Licence: <xsl:value-of select="$edition-licence"/></p>
        </xsl:if>
        <xsl:if test="normalize-space($edition-base-url)">
          <p class="base-url"><xsl:value-of select="$edition-base-url"/></p>
        </xsl:if>
        <p class="made-by"><xsl:value-of select="count($docs)"/> documents. Typeset by teiedit from the TEI
          sources, which are attached to this PDF.</p>
      </div>
    </section>
  </xsl:template>

  <!-- ===== Editorial conventions: a key to the signs this print edition uses (only for signs that occur),
       then the editorialDecl statements of the documents, each once. ===== -->
  <xsl:template name="tp:conventions">
    <xsl:param name="docs" as="element()*"/>
    <section class="matter conventions" id="conventions">
      <h2 class="matter-title">Editorial conventions</h2>
      <xsl:variable name="text" select="$docs/tei:text"/>
      <xsl:variable name="signs" as="element()*">
        <xsl:if test="$text//tei:note[te:note-kind(.) = 'footnote']">
          <dt>¹ ² ³</dt><dd>Footnotes, numbered per document with the numbers of the web edition.</dd>
        </xsl:if>
        <xsl:if test="$text//tei:supplied[tokenize(@rend) = 'brackets']">
          <dt>[text]</dt><dd>Text supplied in square brackets by the source's editor or translator.</dd>
        </xsl:if>
        <xsl:if test="$text//tei:supplied[not(tokenize(@rend) = 'brackets')]">
          <dt>⟨text⟩</dt><dd>Text supplied by the editors of this edition.</dd>
        </xsl:if>
        <xsl:if test="$text//tei:gap">
          <dt>[…]</dt><dd>A gap: text omitted, illegible, damaged or lost, as stated in the brackets.</dd>
        </xsl:if>
        <xsl:if test="$text//tei:unclear">
          <dt>text[?]</dt><dd>An uncertain reading.</dd>
        </xsl:if>
        <xsl:if test="$text//tei:sic[not(parent::tei:choice)]">
          <dt>[sic]</dt><dd>Thus in the source.</dd>
        </xsl:if>
        <xsl:if test="$text//tei:corr[@resp = '#teiedit']">
          <dt>⸢text⸣</dt><dd>A passage damaged by the extraction from PDF (shifted letters, split or joined
            words, letter-spacing, ligatures, quotation marks, hyphenation) and repaired by teiedit; the TEI
            source keeps the damaged original.</dd>
        </xsl:if>
        <xsl:if test="$text//tei:corr[not(@resp = '#teiedit')]">
          <dt>text°</dt><dd>A correction of an error in the source; the TEI keeps the source's reading.</dd>
        </xsl:if>
        <xsl:if test="$text//tei:choice[tei:reg and not(tei:corr)]">
          <dt>—</dt><dd>Regularised spellings are printed in their regular form; the TEI keeps the original.</dd>
        </xsl:if>
        <xsl:if test="$text//tei:add">
          <dt>\text/</dt><dd>An addition in the source.</dd>
        </xsl:if>
        <xsl:if test="$text//tei:del">
          <dt><del>text</del></dt><dd>A deletion in the source.</dd>
        </xsl:if>
        <xsl:if test="$text//tei:seg[@type = 'pdf-debris']">
          <dt class="debris">grey</dt><dd>Characters left over from the PDF extraction that could not be
            placed.</dd>
        </xsl:if>
        <xsl:if test="tp:mentions($docs)">
          <dt>Index</dt><dd>Names of persons, places and organisations are indexed under the form of the
          edition's registers; the page numbers are those of every page that mentions them.</dd>
        </xsl:if>
      </xsl:variable>
      <xsl:if test="exists($signs)">
        <h3>Signs used in this edition</h3>
        <dl class="signs"><xsl:sequence select="$signs"/></dl>
      </xsl:if>
      <xsl:if test="$docs/tei:teiHeader/tei:encodingDesc/tei:editorialDecl/*[normalize-space()]">
        <h3>The editorial principles of the TEI sources</h3>
        <div class="decls">
          <xsl:for-each-group select="$docs/tei:teiHeader/tei:encodingDesc/tei:editorialDecl/*[normalize-space()]"
                              group-by="local-name() || ' ' || normalize-space(.)">
            <p class="decl">
              <xsl:variable name="label" select="tp:decl-label(local-name())"/>
              <xsl:if test="$label"><span class="label"><xsl:value-of select="$label"/>. </span></xsl:if>
              <xsl:apply-templates select="if (tei:p) then tei:p/node() else node()" mode="fn"/>
              <xsl:if test="count(current-group()) lt count($docs)">
                <span class="decl-scope"> (<xsl:value-of select="count(current-group()/ancestor::tei:TEI)"/>
                  of <xsl:value-of select="count($docs)"/> documents)</span>
              </xsl:if>
            </p>
          </xsl:for-each-group>
        </div>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:function name="tp:decl-label" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="(map{'correction': 'Corrections', 'normalization': 'Normalisation',
                              'punctuation': 'Punctuation', 'hyphenation': 'Hyphenation',
                              'quotation': 'Quotation', 'segmentation': 'Segmentation',
                              'interpretation': 'Interpretation', 'stdVals': 'Standard values'}($name), '')[1]"/>
  </xsl:function>

  <!-- ===== Contents, with page numbers from target-counter() ===== -->
  <xsl:template name="tp:contents">
    <xsl:param name="docs" as="element()*"/>
    <nav class="matter contents" id="contents" aria-label="Contents">
      <h2 class="matter-title">Contents</h2>
      <ol class="toc">
        <li class="toc-matter"><a class="toc-link" href="#conventions">Editorial conventions</a></li>
        <xsl:for-each select="$docs">
          <li class="toc-doc">
            <xsl:variable name="date" select="tp:doc-date(.)"/>
            <a class="toc-link" href="#{tp:doc-id(.)}">
              <xsl:if test="$date"><span class="toc-date"><xsl:value-of select="$date"/></span></xsl:if>
              <span class="toc-title"><xsl:value-of select="te:title(.)"/></span>
            </a>
          </li>
        </xsl:for-each>
        <xsl:if test="tp:mentions($docs)">
          <li class="toc-matter"><a class="toc-link" href="#index">Index</a></li>
        </xsl:if>
      </ol>
    </nav>
  </xsl:template>

  <!-- The date that places a document in the book (teiedit's facts: its sort date): the header's, else the
       first single full date in its heading, opener or dateline. -->
  <xsl:function name="tp:doc-date" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string(te:facts($doc)/@sort_date)"/>
  </xsl:function>

  <!-- ===== Index of persons, places and organisations ===== -->

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
      <section class="matter index" id="index" data-running="{$tp:running-edition}">
        <h2 class="matter-title">Index</h2>
        <xsl:variable name="entries" as="element()*">
          <xsl:for-each-group select="$mentions" group-by="tokenize(@ref)[1]">
            <xsl:variable name="id" select="substring-after(current-grouping-key(), '#')"/>
            <xsl:variable name="entry" select="if ($id) then key('tp:entry', $id, root(current-group()[1]))[1] else ()"/>
            <tp:entry kind="{tp:entity-kind($entry, current-group()[1])}"
                      label="{tp:entry-label($entry, current-group())}"
                      script="{tp:other-scripts($entry)}"
                      desc="{tp:entry-desc($entry)}">
              <xsl:attribute name="mentions" select="current-group() ! tp:mention-id(.)"/>
              <xsl:for-each-group select="current-group()" group-by="generate-id(ancestor::tei:TEI[1])">
                <tp:loc href="#{tp:mention-id(current-group()[1])}"/>
              </xsl:for-each-group>
            </tp:entry>
          </xsl:for-each-group>
        </xsl:variable>
        <xsl:for-each select="('person', 'place', 'org')">
          <xsl:variable name="kind" select="."/>
          <xsl:variable name="these" select="$entries[@kind = $kind]"/>
          <xsl:if test="$these">
            <section class="index-part index-{$kind}">
              <h3><xsl:value-of select="map{'person': 'Persons', 'place': 'Places', 'org': 'Organisations'}($kind)"/></h3>
              <ul class="index-entries">
                <xsl:for-each select="$these">
                  <xsl:sort select="lower-case(@label)" lang="en"/>
                  <li class="index-entry">
                    <span class="index-label"><xsl:value-of select="@label"/></span>
                    <xsl:if test="normalize-space(@script)">
                      <span class="index-script"> (<xsl:value-of select="@script"/>)</span>
                    </xsl:if>
                    <xsl:if test="normalize-space(@desc)">
                      <span class="index-desc">, <xsl:value-of select="@desc"/></span>
                    </xsl:if>
                    <!-- Locators: the first mention in each document, by target-counter(). builders/pdf.py
                         replaces them with every page that mentions the entry, read from the laid-out
                         pages (data-mentions lists the ids of all mentions). -->
                    <span class="index-locators" data-mentions="{@mentions}">
                      <xsl:for-each select="tp:loc">
                        <xsl:text> </xsl:text>
                        <a class="locator" href="{@href}"/>
                        <xsl:if test="position() ne last()">,</xsl:if>
                      </xsl:for-each>
                    </span>
                  </li>
                </xsl:for-each>
              </ul>
            </section>
          </xsl:if>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- person, place or org: from the register entry when there is one, else from the mention's element. -->
  <xsl:function name="tp:entity-kind" as="xs:string">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="name" select="local-name(($entry, $mention)[1])"/>
    <xsl:sequence select="if ($name = ('person', 'personGrp', 'persName')) then 'person'
                          else if ($name = ('place', 'placeName')) then 'place'
                          else 'org'"/>
  </xsl:function>

  <!-- The register's preferred name, else the commonest spelling among the mentions. -->
  <xsl:function name="tp:entry-label" as="xs:string">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="mentions" as="element()*"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:name)"/>
    <xsl:variable name="preferred" select="($names[@type = ('preferred', 'main', 'reg')], $names[not(@type)], $names)[1]"/>
    <xsl:variable name="counted" as="xs:string*">
      <xsl:for-each-group select="$mentions" group-by="normalize-space(.)">
        <xsl:sort select="count(current-group())" order="descending"/>
        <xsl:sequence select="current-grouping-key()"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="if (normalize-space($preferred)) then tp:name-string($preferred) else ($counted, '?')[1]"/>
  </xsl:function>

  <!-- The entry's names in other scripts (Hangul, Han characters, Cyrillic: register names with an
       @xml:lang that are not written in Latin letters, by code point ranges), at most two. -->
  <xsl:function name="tp:other-scripts" as="xs:string">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName)[@xml:lang]
                                       [not(matches(normalize-space(.), '^[&#x20;-&#x24F;&#x300;-&#x36F;&#x1E00;-&#x1EFF;&#x2000;-&#x206F;]*$'))]"/>
    <xsl:sequence select="string-join(subsequence(distinct-values($names ! normalize-space(.)), 1, 2), ', ')"/>
  </xsl:function>

  <!-- A name as one string, also when it is split into forename/surname or similar parts. -->
  <xsl:function name="tp:name-string" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="if ($name/*) then normalize-space(string-join($name/*, ' ')) else normalize-space($name)"/>
  </xsl:function>

  <!-- A short description from the register entry (office, role), if it has one. -->
  <xsl:function name="tp:entry-desc" as="xs:string">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="d" select="($entry/tei:occupation, $entry/tei:roleName, $entry/tei:desc,
                                     $entry/tei:note, $entry/tei:state/tei:p)[normalize-space()][1]"/>
    <xsl:sequence select="if ($d) then tp:shorten(normalize-space($d), 90) else ''"/>
  </xsl:function>
</xsl:stylesheet>
