<?xml version="1.0" encoding="UTF-8"?>
<!-- Print: the editorial conventions, written once for readers and grouped by what they see on the page.
     A convention is stated only when the book's documents use it, and each comes with an example from this
     book, printed by the very templates that print the documents, and the page of its document. Nothing
     here names TEI elements or attributes, or the conversion: the TEI files attached to the PDF state the
     encoding in full (their editorialDecl), for those who read them. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:tp="urn:teiedit:print" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <xsl:template name="tp:conventions">
    <xsl:param name="docs" as="element()*"/>
    <xsl:variable name="text" select="$docs/tei:text"/>
    <xsl:variable name="repairs" select="$text//tei:choice[tei:corr[@resp = '#teiedit'][not(@type = 'debris')]]"/>
    <xsl:variable name="source-marks" select="$text//tei:hi[tokenize(@rend) = ('mark-asterisk', 'mark-asterisk2', 'mark-underscore', 'mark-underscore2')]"/>
    <section class="matter conventions" id="conventions">
      <h2 class="matter-title">Editorial conventions</h2>

      <h3>The documents</h3>
      <p>The documents are printed in the order of their dates, those without a date at the end. Each begins
        with its title, its date, its source and, where the edition has one, a summary. The text is the
        source’s: its wording, spelling and punctuation, its paragraphs and its notes. What the edition adds
        or changes is marked as set out below.</p>

      <!-- What the editors of the documents state about their text, each statement once. -->
      <xsl:variable name="stated" select="$docs/tei:teiHeader/tei:encodingDesc/tei:editorialDecl//tei:p[tp:for-readers(.)]"/>
      <xsl:for-each-group select="$stated" group-by="normalize-space(.)">
        <p class="decl"><xsl:apply-templates select="node()" mode="fn"/>
          <xsl:if test="count(current-group()/ancestor::tei:TEI) lt count($docs)">
            <span class="decl-scope"> (<xsl:value-of select="count(current-group()/ancestor::tei:TEI)"/> of
              <xsl:value-of select="count($docs)"/> documents)</span>
          </xsl:if></p>
      </xsl:for-each-group>

      <xsl:if test="$text//tei:note[te:note-kind(.) = ('footnote', 'endnote')]">
        <h3>Notes</h3>
        <p>The notes of the source are printed at the foot of the page, with the source’s numbers, which begin
          anew in each document and are those of the web edition.
          <xsl:if test="$text//tei:note[te:note-kind(.) = 'endnote']">Notes whose place in the text the
            source does not show are printed at the end of their document.</xsl:if></p>
      </xsl:if>

      <xsl:variable name="bracketed" as="element()*">
        <xsl:call-template name="tp:sign">
          <xsl:with-param name="el" select="($text//tei:supplied[tokenize(@rend) = 'brackets'][not(.//tei:note)])[1]"/>
          <xsl:with-param name="what">Words that the source’s editor or translator added.</xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="tp:sign">
          <xsl:with-param name="el" select="($text//tei:gap[tokenize(@rend) = 'brackets'])[1]"/>
          <xsl:with-param name="what">A passage the source’s editor could not read or left out, as the source says.</xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="tp:sign">
          <xsl:with-param name="el" select="($text//tei:sic[not(parent::tei:choice)][not(.//tei:note)])[1]"/>
          <xsl:with-param name="what">Thus in the original, as the source’s editor notes.</xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="tp:sign">
          <xsl:with-param name="el" select="($text//tei:unclear[not(.//tei:note)])[1]"/>
          <xsl:with-param name="what">A reading the source’s editor was unsure of.</xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="tp:sign">
          <xsl:with-param name="el" select="($text//tei:choice[tei:seg[@type = 'romanisation']][not(.//tei:note)])[1]"/>
          <xsl:with-param name="what">A name followed by another spelling of it.</xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="tp:sign">
          <xsl:with-param name="el" select="($text//tei:choice[tei:seg[@type = 'expansion']][not(.//tei:note)])[1]"/>
          <xsl:with-param name="what">An abbreviation followed by its meaning.</xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="tp:sign">
          <xsl:with-param name="el" select="($text//tei:seg[@type = ('handwritten', 'stamp')][not(.//tei:note)])[1]"/>
          <xsl:with-param name="what">What the original has written by hand or stamped, as the source describes it.</xsl:with-param>
        </xsl:call-template>
      </xsl:variable>
      <xsl:if test="exists($bracketed)">
        <h3>Square brackets</h3>
        <p>Square brackets are the source’s own: the editors and translators of the documents used them to add
          words, to mark what they could not read, and to comment. They are printed as the source has them.</p>
        <dl class="signs"><xsl:sequence select="$bracketed"/></dl>
      </xsl:if>

      <xsl:variable name="edition-signs" as="element()*">
        <xsl:call-template name="tp:sign">
          <xsl:with-param name="el" select="($text//tei:supplied[not(tokenize(@rend) = 'brackets')][not(.//tei:note)])[1]"/>
          <xsl:with-param name="what">Words this edition supplies where the source lacks them.</xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="tp:sign">
          <xsl:with-param name="el" select="($text//tei:choice[tei:corr[not(@resp = '#teiedit')]][not(.//tei:note)])[1]"/>
          <xsl:with-param name="what">A correction of an error in the source; the TEI files keep the source’s reading.</xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="tp:sign">
          <xsl:with-param name="el" select="($text//tei:add[not(ancestor::tei:seg[@type = 'handwritten'])][not(.//tei:note)])[1]"/>
          <xsl:with-param name="what">An addition in the original.</xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="tp:sign">
          <xsl:with-param name="el" select="($text//tei:del[not(.//tei:note)])[1]"/>
          <xsl:with-param name="what">A deletion in the original.</xsl:with-param>
        </xsl:call-template>
      </xsl:variable>
      <xsl:if test="exists($edition-signs) or $text//tei:choice[tei:reg and not(tei:corr)]">
        <h3>Additions and corrections</h3>
        <xsl:if test="$text//tei:choice[tei:reg and not(tei:corr)]">
          <p>Spellings that this edition regularises are printed in their regular form; the TEI files keep
            the original.</p>
        </xsl:if>
        <xsl:if test="exists($edition-signs)"><dl class="signs"><xsl:sequence select="$edition-signs"/></dl></xsl:if>
      </xsl:if>

      <xsl:if test="$repairs or $text//tei:corr[@type = 'debris']">
        <h3>Repairs of damaged text</h3>
        <p>Some sources reached this edition as text taken from PDF files, and taking it out damaged parts of
          it: letters turned into other letters, words spaced out or run together, ligatures and quotation
          marks lost, words broken at the end of a line.</p>
        <dl class="signs">
          <xsl:for-each select="($repairs[tei:corr[@type = 'shift'][matches(normalize-space(.), '^\p{L}{5,}$')]]
                                [matches(normalize-space(tei:sic), '^\p{L}+$')], $repairs)[1]">
            <dt class="example"><span class="repair-mark">⸢</span><xsl:value-of select="normalize-space(tei:corr)"/><span class="repair-mark">⸣</span></dt>
            <dd>A repaired passage, between half brackets. The TEI files keep the damaged text beside the repair:
              here the source file reads <span class="damaged-text"><xsl:value-of select="normalize-space(tei:sic)"/></span><xsl:call-template name="tp:example-place"/>.</dd>
          </xsl:for-each>
          <xsl:for-each select="($text//tei:choice[tei:corr[@type = 'debris']])[1]">
            <dt class="example"><xsl:call-template name="tp:example"><xsl:with-param name="el" select="."/></xsl:call-template></dt>
            <dd>A passage that cannot be read: the source file holds nothing there but fragments of the PDF’s own
              code. It is left out; the TEI files keep what the file holds<xsl:call-template name="tp:example-place"/>.</dd>
          </xsl:for-each>
        </dl>
      </xsl:if>

      <xsl:if test="$source-marks or $text//tei:ab[@type = 'rule']">
        <h3>Type and layout</h3>
        <p>
          <xsl:if test="$source-marks">Italic and bold type are the source’s, which marked them with asterisks or
            underscores<xsl:for-each select="($source-marks[tokenize(@rend) = 'italic'][parent::tei:p][not(*)]
                [matches(string(preceding-sibling::node()[1][self::text()]), '\p{L}\s$')]
                [matches(string(following-sibling::node()[1][self::text()]), '^[\s,.;:]')], $source-marks)[1]">, as in
            “<xsl:call-template name="tp:example"><xsl:with-param name="el" select="."/></xsl:call-template>”<xsl:call-template name="tp:example-place"/></xsl:for-each>. </xsl:if>
          <xsl:if test="$text//tei:ab[@type = 'rule']">A line or a row of stars that divides a text in the source is
            printed as a short rule.</xsl:if>
        </p>
      </xsl:if>

      <xsl:if test="$text//(tei:q | tei:quote)">
        <h3>Quotations</h3>
        <p>Quotation marks are the source’s, as it has them.</p>
      </xsl:if>

      <xsl:if test="tp:mentions($docs)">
        <h3>Names and the index</h3>
        <p>The index lists persons, places and organisations under one form of their name, that of the
          edition’s registers, whatever the spelling in a document; the other spellings the documents use
          refer to it. Persons are listed by family name: names written family name first, as Korean and
          Chinese names are, keep their order. A body that is part of another (a party’s central committee)
          is listed under it. The page numbers are those of every page on which the name is printed.</p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- A statement of editorialDecl written for readers of the text. Statements about the conversion and the
       encoding (that name teiedit or its conversion report, say how something is encoded, or spell out
       markup: note[@place], corr resp="…") are for readers of the TEI files, attached to the PDF. -->
  <xsl:function name="tp:for-readers" as="xs:boolean">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="normalize-space($p) ne ''
                          and not(matches($p, 'teiedit|conversion report|encod|\w\[@|\s@\w|\w=&quot;', 'i'))"/>
  </xsl:function>

  <!-- One sign of the page: the example as this book prints it, and what it means. Nothing without an
       example: the documents do not use the sign. -->
  <xsl:template name="tp:sign">
    <xsl:param name="el" as="element()?"/>
    <xsl:param name="what" as="item()*"/>
    <xsl:if test="$el">
      <dt class="example"><xsl:call-template name="tp:example"><xsl:with-param name="el" select="$el"/></xsl:call-template></dt>
      <dd><xsl:sequence select="$what"/><xsl:for-each select="$el"><xsl:call-template name="tp:example-place"/></xsl:for-each></dd>
    </xsl:if>
  </xsl:template>

  <!-- An element as the book prints it, with the words around it in its sentence; without the ids and
       the notes of the document, whose place is the document's page, not this one. -->
  <xsl:template name="tp:example">
    <xsl:param name="el" as="element()"/>
    <!-- the source's own remark on it ([?], [sic]) belongs to the example -->
    <xsl:variable name="remark" select="$el/following-sibling::node()[1][self::tei:note[@place = 'inline']]"/>
    <xsl:variable name="last" select="($remark, $el)[1]"/>
    <xsl:variable name="before" select="$el/preceding-sibling::node()[1][self::text()]"/>
    <xsl:variable name="after" select="$last/following-sibling::node()[1][self::text()]"/>
    <xsl:variable name="printed"><xsl:apply-templates select="$el, $remark" mode="text"/></xsl:variable>
    <span class="example-text">
      <xsl:if test="normalize-space($before)">
        <xsl:variable name="words" select="tokenize(normalize-space($before), ' ')"/>
        <xsl:value-of select="(if (count($words) gt 4) then '…' else '')
                              || string-join(subsequence($words, max((1, count($words) - 3))), ' ')
                              || (if (matches($before, '\s$')) then ' ' else '')"/>
      </xsl:if>
      <xsl:apply-templates select="$printed" mode="tp:no-ids"/>
      <xsl:if test="normalize-space($after)">
        <xsl:variable name="words" select="tokenize(normalize-space($after), ' ')"/>
        <xsl:value-of select="(if (matches($after, '^\s')) then ' ' else '')
                              || string-join(subsequence($words, 1, 3), ' ')
                              || (if (count($words) gt 3) then '…' else '')"/>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- ", p. 12": the first page of the document that holds the example. -->
  <xsl:template name="tp:example-place">
    <xsl:variable name="doc" select="ancestor::tei:TEI[1]"/>
    <xsl:if test="$doc">
      <span class="example-place"> (in “<xsl:value-of select="tp:shorten(te:title($doc), 60)"/>”, p. <xsl:call-template name="tp:page-ref">
        <xsl:with-param name="target" select="tp:doc-id($doc)"/></xsl:call-template>)</span>
    </xsl:if>
  </xsl:template>

  <xsl:template match="@id" mode="tp:no-ids"/>
  <xsl:template match="*[tokenize(@class) = ('footnote', 'endnote')]" mode="tp:no-ids"/>
  <xsl:template match="node() | @*" mode="tp:no-ids">
    <xsl:copy><xsl:apply-templates select="node() | @*" mode="tp:no-ids"/></xsl:copy>
  </xsl:template>
</xsl:stylesheet>
