<?xml version="1.0" encoding="UTF-8"?>
<!-- The teiHeader shown to readers: a one-line summary under the title, and a metadata panel (archival
     citation, translation, correspondence, abstract, revision history), "cite this document" and downloads. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <!-- Where the site is published (for the citation when the TEI has no idno[@type='URI']). -->
  <xsl:param name="base-url" as="xs:string" select="''"/>
  <!-- Links to the document's TEI file and PDF, relative to the page; empty: no link. -->
  <xsl:param name="tei-href" as="xs:string" select="''"/>
  <xsl:param name="pdf-href" as="xs:string" select="''"/>

  <!-- Date, kind, sender and addressee under the title. -->
  <xsl:template name="te:summary">
    <xsl:variable name="date" select="te:date(.)"/>
    <xsl:variable name="senders" select="te:senders(.)"/>
    <xsl:variable name="addressees" select="te:addressees(.)"/>
    <p class="doc-summary">
      <xsl:if test="$date">
        <time datetime="{$date}"><xsl:value-of select="$date"/></time>
      </xsl:if>
      <xsl:if test="te:kind(.)">
        <span class="kind"><xsl:value-of select="te:kind(.)"/></span>
      </xsl:if>
      <xsl:if test="$senders">
        <span class="people">
          <xsl:for-each select="$senders">
            <xsl:if test="position() gt 1">, </xsl:if>
            <xsl:apply-templates select="." mode="meta"/>
          </xsl:for-each>
          <xsl:if test="$addressees">
            <xsl:text> to </xsl:text>
            <xsl:for-each select="$addressees">
              <xsl:if test="position() gt 1">, </xsl:if>
              <xsl:apply-templates select="." mode="meta"/>
            </xsl:for-each>
          </xsl:if>
        </span>
      </xsl:if>
    </p>
  </xsl:template>

  <xsl:template name="te:metadata">
    <xsl:variable name="h" select="tei:teiHeader"/>
    <section class="metadata" aria-labelledby="metadata-heading">
      <h2 id="metadata-heading">About this document</h2>
      <dl>
        <xsl:for-each select="$h/tei:fileDesc/tei:sourceDesc/*[normalize-space()]">
          <dt>Source</dt>
          <dd class="source"><xsl:apply-templates select="." mode="citation"/></dd>
        </xsl:for-each>
        <xsl:variable name="translation" select="$h//tei:respStmt[tei:resp[matches(., 'transl', 'i')]]
                                                 | $h/tei:fileDesc/tei:notesStmt/tei:note[matches(@type, 'transl', 'i')]
                                                 | $h/tei:fileDesc/tei:sourceDesc//tei:note[matches(@type, 'transl', 'i')]"/>
        <xsl:if test="$translation">
          <dt>Translation</dt>
          <xsl:for-each select="$translation"><dd><xsl:apply-templates select="." mode="meta"/></dd></xsl:for-each>
        </xsl:if>
        <xsl:if test="$h/tei:profileDesc/tei:langUsage/tei:language">
          <dt>Language</dt>
          <dd><xsl:value-of select="string-join($h/tei:profileDesc/tei:langUsage/tei:language/normalize-space(), ', ')"/></dd>
        </xsl:if>
        <xsl:for-each select="$h/tei:profileDesc/tei:correspDesc/tei:correspAction">
          <dt><xsl:value-of select="if (@type = 'sent') then 'Sent' else if (@type = 'received') then 'Received'
                                    else concat(upper-case(substring(@type, 1, 1)), substring(@type, 2))"/></dt>
          <dd class="corresp-{te:class-token(@type)}">
            <xsl:for-each select="*">
              <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
              <xsl:apply-templates select="." mode="meta"><xsl:with-param name="separated" select="true()"/></xsl:apply-templates>
            </xsl:for-each>
          </dd>
        </xsl:for-each>
        <!-- the letter's place in its correspondence (the previous and next letters, the exchange it
             belongs to), as letter editions give it -->
        <xsl:for-each select="$h/tei:profileDesc/tei:correspDesc/tei:correspContext/*[normalize-space()]">
          <xsl:variable name="kind" select="lower-case(string-join((@subtype, @type), ' '))"/>
          <xsl:variable name="within" select="if (matches($kind, 'withincorrespondence')) then ' in this correspondence' else ''"/>
          <dt><xsl:value-of select="if (matches($kind, 'prev')) then 'Previous letter' || $within
                                    else if (matches($kind, 'next')) then 'Next letter' || $within
                                    else if (matches($kind, 'corresp')) then 'Correspondence' else 'Context'"/></dt>
          <dd class="corresp-context"><xsl:apply-templates select="." mode="meta"/></dd>
        </xsl:for-each>
        <xsl:if test="$h/tei:profileDesc/tei:abstract">
          <dt>Summary</dt>
          <dd class="abstract"><xsl:apply-templates select="$h/tei:profileDesc/tei:abstract/node()" mode="text"/></dd>
        </xsl:if>
        <xsl:if test="$h/tei:fileDesc/tei:notesStmt/tei:note[not(matches(@type, 'transl', 'i'))]">
          <dt>Notes</dt>
          <xsl:for-each select="$h/tei:fileDesc/tei:notesStmt/tei:note[not(matches(@type, 'transl', 'i'))]">
            <dd><xsl:apply-templates select="." mode="meta"/></dd>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="$h/tei:encodingDesc/tei:editorialDecl">
          <dt>Editorial principles</dt>
          <dd><xsl:apply-templates select="$h/tei:encodingDesc/tei:editorialDecl/*" mode="meta-block"/></dd>
        </xsl:if>
        <xsl:if test="$h/tei:fileDesc/tei:publicationStmt/tei:availability">
          <dt>Licence</dt>
          <dd><xsl:apply-templates select="$h/tei:fileDesc/tei:publicationStmt/tei:availability" mode="meta"/></dd>
        </xsl:if>
      </dl>
      <xsl:if test="$h/tei:revisionDesc//tei:change">
        <h3>Revision history</h3>
        <ol class="revisions">
          <xsl:for-each select="$h/tei:revisionDesc//tei:change">
            <li>
              <xsl:if test="@when"><time datetime="{@when}"><xsl:value-of select="@when"/></time><xsl:text>: </xsl:text></xsl:if>
              <xsl:apply-templates mode="meta"/>
            </li>
          </xsl:for-each>
        </ol>
      </xsl:if>
      <xsl:call-template name="te:cite"/>
    </section>
  </xsl:template>

  <!-- For reference managers and search engines: the canonical URL and Highwire-style citation tags. -->
  <xsl:template name="te:citation-meta">
    <xsl:variable name="url" select="te:stable-url(., $page)"/>
    <xsl:if test="$url"><link rel="canonical" href="{$url}"/></xsl:if>
    <meta name="citation_title" content="{te:title(.)}"/>
    <xsl:for-each select="te:senders(.)">
      <meta name="citation_author" content="{normalize-space(.)}"/>
    </xsl:for-each>
    <xsl:if test="te:date(.)"><meta name="citation_date" content="{te:date(.)}"/></xsl:if>
    <meta name="citation_publisher" content="{$edition-title}"/>
    <xsl:if test="$url"><meta name="citation_public_url" content="{$url}"/></xsl:if>
    <xsl:if test="tei:teiHeader/tei:profileDesc/tei:abstract">
      <meta name="description" content="{normalize-space(tei:teiHeader/tei:profileDesc/tei:abstract)}"/>
    </xsl:if>
  </xsl:template>

  <!-- The stable URL of the document: the page where the site is published (the base URL and the page's
       real file name), else its idno[@type='URI'] (a document published elsewhere). -->
  <xsl:function name="te:stable-url" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:param name="page" as="xs:string"/>
    <xsl:variable name="idno" select="te:safe-url($doc/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'URI'][1])"/>
    <xsl:sequence select="if (matches($base-url, '^https?:') and $page) then (if (ends-with($base-url, '/')) then $base-url else $base-url || '/') || $page || '.html'
                          else if (matches($idno, '^https?:')) then $idno
                          else ''"/>
  </xsl:function>

  <xsl:template name="te:cite">
    <xsl:variable name="url" select="te:stable-url(., $page)"/>
    <xsl:variable name="editors" select="tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt[not(tei:resp[matches(., 'transl', 'i')])]/(tei:persName | tei:name | tei:orgName)/normalize-space()"/>
    <xsl:variable name="year" select="replace(string((tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:date/@when)[1]), '^(\d{4}).*$', '$1')"/>
    <section class="cite" aria-labelledby="cite-heading">
      <h3 id="cite-heading">Cite this document</h3>
      <p class="citation">
        <xsl:value-of select="string-join(te:senders(.)/normalize-space(), ', ')"/>
        <xsl:if test="te:senders(.)">. </xsl:if>
        <xsl:text>“</xsl:text><xsl:value-of select="te:title(.)"/><xsl:text>.” In </xsl:text>
        <cite><xsl:value-of select="$edition-title"/></cite>
        <xsl:if test="exists($editors)">, ed. <xsl:value-of select="string-join($editors, ', ')"/></xsl:if>
        <xsl:if test="normalize-space((tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:publisher)[1])">
          <xsl:text>. </xsl:text><xsl:value-of select="normalize-space((tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:publisher)[1])"/>
        </xsl:if>
        <xsl:if test="$year castable as xs:gYear">, <xsl:value-of select="$year"/></xsl:if>
        <xsl:text>.</xsl:text>
        <xsl:if test="$url"><xsl:text> </xsl:text><a class="stable-url" href="{$url}"><xsl:value-of select="$url"/></a></xsl:if>
      </p>
      <xsl:call-template name="te:cite-tools"><xsl:with-param name="url" select="$url"/></xsl:call-template>
    </section>
  </xsl:template>

  <!-- Header content as inline text; names link to registers like in the text. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs" mode="meta">
    <xsl:param name="separated" as="xs:boolean" select="false()"/>
    <xsl:if test="not($separated)"><xsl:call-template name="te:meta-space"/></xsl:if>
    <xsl:apply-templates select="." mode="text"/>
  </xsl:template>
  <xsl:template match="tei:date" mode="meta">
    <xsl:param name="separated" as="xs:boolean" select="false()"/>
    <xsl:if test="not($separated)"><xsl:call-template name="te:meta-space"/></xsl:if>
    <xsl:choose>
      <xsl:when test="normalize-space()"><xsl:apply-templates select="." mode="text"/></xsl:when>
      <xsl:otherwise><time datetime="{(@when, @from, @notBefore)[1]}"><xsl:value-of select="string-join((@when, @from, @notBefore, @to, @notAfter), '–')"/></time></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:lb" mode="meta"><br/></xsl:template>
  <xsl:template match="tei:licence | tei:ref | tei:ptr" mode="meta">
    <xsl:variable name="url" select="te:link-target(., tokenize(normalize-space(@target), ' ')[1])"/>
    <xsl:choose>
      <xsl:when test="$url"><a href="{$url}"><xsl:apply-templates mode="meta"/><xsl:if test="not(normalize-space())"><xsl:value-of select="$url"/></xsl:if></a></xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="meta"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:p" mode="meta-block"><p><xsl:apply-templates mode="meta"/></p></xsl:template>
  <xsl:template match="*" mode="meta-block"><p><xsl:apply-templates mode="meta"/></p></xsl:template>
  <!-- Header elements often follow each other without a space (a postmark's place, date and time):
       a space between them, unless the text before ends with one. -->
  <xsl:template name="te:meta-space">
    <xsl:if test="preceding-sibling::* and not(preceding-sibling::node()[1][self::text()][matches(., '\s$')])"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="*" mode="meta">
    <xsl:param name="separated" as="xs:boolean" select="false()"/>
    <xsl:if test="not($separated)"><xsl:call-template name="te:meta-space"/></xsl:if>
    <span class="h-{te:class-token(local-name())}"><xsl:apply-templates mode="meta"/></span>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="meta"/>

  <!-- An archival citation: repository, collection, shelfmark; bibl and biblStruct read as text. -->
  <xsl:template match="tei:msDesc" mode="citation">
    <span class="archival"><xsl:value-of select="te:ms-identifier(tei:msIdentifier)"/></span>
    <xsl:for-each select="* except tei:msIdentifier">
      <xsl:text> </xsl:text><xsl:apply-templates select="." mode="meta"/>
    </xsl:for-each>
  </xsl:template>
  <!-- A manuscript description with parts (contents, physical description, history, …): each part under
       its label in a definition list, so that a reader sees what the support, the hands or the provenance
       is rather than a run of text. A witness's manuscript in a list of witnesses stays one line of that list. -->
  <xsl:template match="tei:msDesc[not(ancestor::tei:witness)][tei:msContents | tei:physDesc | tei:history | tei:additional | tei:msPart | tei:msFrag]"
                mode="citation">
    <xsl:for-each select="tei:head"><xsl:apply-templates select="." mode="meta"/><xsl:text> </xsl:text></xsl:for-each>
    <dl class="ms-desc">
      <xsl:call-template name="te:ms-parts"><xsl:with-param name="parts" select="* except tei:head"/></xsl:call-template>
    </dl>
  </xsl:template>

  <!-- The label of each part of a manuscript description that has one of its own. -->
  <xsl:variable name="te:ms-labels" as="map(xs:string, xs:string)" select="map{
      'msIdentifier': 'Identifier', 'altIdentifier': 'Other identifier', 'msName': 'Name',
      'msItem': 'Contents', 'msItemStruct': 'Contents', 'summary': 'Contents', 'textLang': 'Language',
      'support': 'Support', 'extent': 'Extent', 'dimensions': 'Dimensions', 'foliation': 'Foliation',
      'collation': 'Collation', 'condition': 'Condition', 'layoutDesc': 'Layout', 'handDesc': 'Hand',
      'scriptDesc': 'Script', 'typeDesc': 'Type', 'decoDesc': 'Decoration', 'musicNotation': 'Music notation',
      'additions': 'Additions', 'bindingDesc': 'Binding', 'sealDesc': 'Seals', 'accMat': 'Accompanying material',
      'origin': 'Origin', 'provenance': 'Provenance', 'acquisition': 'Acquisition',
      'recordHist': 'Record history', 'availability': 'Availability', 'custodialHist': 'Custodial history',
      'surrogates': 'Surrogates', 'listBibl': 'Bibliography'}"/>
  <!-- The label of what a container holds besides its labelled parts (a p in physDesc). -->
  <xsl:variable name="te:ms-container-labels" as="map(xs:string, xs:string)" select="map{
      'msContents': 'Contents', 'physDesc': 'Physical description', 'objectDesc': 'Physical description',
      'supportDesc': 'Physical description', 'history': 'History', 'additional': 'Additional information',
      'adminInfo': 'Additional information', 'msPart': 'Part', 'msFrag': 'Fragment', 'msDesc': 'Description'}"/>

  <!-- The parts as dt/dd pairs, a run of parts with the same label under one dt; containers are walked into. -->
  <xsl:template name="te:ms-parts">
    <xsl:param name="parts" as="element()*"/>
    <xsl:variable name="pairs" as="element()*">
      <xsl:apply-templates select="$parts" mode="ms-part"/>
    </xsl:variable>
    <xsl:for-each-group select="$pairs" group-adjacent="string(@label)">
      <dt><xsl:value-of select="current-grouping-key()"/></dt>
      <xsl:for-each select="current-group()"><dd><xsl:copy-of select="node()" copy-namespaces="no"/></dd></xsl:for-each>
    </xsl:for-each-group>
  </xsl:template>
  <xsl:template match="*" mode="ms-part">
    <xsl:variable name="label" select="$te:ms-labels(local-name())"/>
    <xsl:choose>
      <xsl:when test="self::tei:msIdentifier">
        <te:pair label="{$label}"><span class="archival"><xsl:value-of select="te:ms-identifier(.)"/></span></te:pair>
      </xsl:when>
      <!-- the extent's dimensions get their own label -->
      <xsl:when test="self::tei:extent and tei:dimensions">
        <te:pair label="{$label}"><xsl:apply-templates select="node() except tei:dimensions" mode="meta"/></te:pair>
        <xsl:apply-templates select="tei:dimensions" mode="ms-part"/>
      </xsl:when>
      <!-- an item of the contents as a catalogue gives it: "fols. 1r–20v: Author, Title" -->
      <xsl:when test="self::tei:msItem or self::tei:msItemStruct">
        <te:pair label="{$label}">
          <xsl:for-each select="*">
            <xsl:if test="position() gt 1"><xsl:value-of select="if (preceding-sibling::*[1][self::tei:locus | self::tei:locusGrp]) then ': ' else ', '"/></xsl:if>
            <xsl:apply-templates select="." mode="meta"><xsl:with-param name="separated" select="true()"/></xsl:apply-templates>
          </xsl:for-each>
        </te:pair>
      </xsl:when>
      <xsl:when test="exists($label)">
        <te:pair label="{$label}"><xsl:apply-templates select="if (self::tei:dimensions) then . else node()" mode="meta"/></te:pair>
      </xsl:when>
      <xsl:when test="exists($te:ms-container-labels(local-name())) and *">
        <xsl:variable name="container" select="$te:ms-container-labels(local-name())"/>
        <xsl:for-each select="*">
          <xsl:choose>
            <xsl:when test="exists($te:ms-labels(local-name())) or exists($te:ms-container-labels(local-name()))">
              <xsl:apply-templates select="." mode="ms-part"/>
            </xsl:when>
            <xsl:otherwise><te:pair label="{$container}"><xsl:apply-templates select="." mode="meta"/></te:pair></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <te:pair label="{($te:ms-container-labels(local-name()), 'Description')[1]}"><xsl:apply-templates select="." mode="meta"/></te:pair>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Dimensions as a reader writes them: "310 × 220 mm", with what was measured ("leaf") after them. -->
  <xsl:template match="tei:dimensions" mode="meta">
    <xsl:param name="separated" as="xs:boolean" select="false()"/>
    <xsl:if test="not($separated)"><xsl:call-template name="te:meta-space"/></xsl:if>
    <xsl:variable name="sizes" select="for $d in * return
        (normalize-space($d)[.], $d/@quantity, if ($d/@min and $d/@max) then $d/@min || '–' || $d/@max else (),
         $d/@atLeast ! ('≥ ' || .), $d/@atMost ! ('≤ ' || .))[1]"/>
    <span class="h-dimensions">
      <xsl:choose>
        <xsl:when test="exists($sizes)"><xsl:value-of select="string-join($sizes, ' × ')"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="meta"/></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="normalize-space(@unit)"><xsl:value-of select="' ' || normalize-space(@unit)"/></xsl:if>
      <xsl:if test="normalize-space(@type)"><xsl:value-of select="' (' || normalize-space(@type) || ')'"/></xsl:if>
    </span>
  </xsl:template>
  <!-- a critical edition's witnesses, a list of sources: one after the other; a witness described by
       an msDesc is cited by its shelfmark -->
  <xsl:template match="tei:listWit | tei:listBibl" mode="citation">
    <xsl:for-each select="* except tei:head">
      <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
      <xsl:apply-templates select="." mode="citation"/>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="tei:witness[tei:msDesc]" mode="citation">
    <xsl:apply-templates select="tei:msDesc" mode="citation"/>
  </xsl:template>
  <xsl:template match="*" mode="citation">
    <xsl:apply-templates select="." mode="meta"/>
  </xsl:template>
</xsl:stylesheet>
