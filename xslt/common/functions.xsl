<?xml version="1.0" encoding="UTF-8"?>
<!-- Functions shared by the web and print stylesheets: titles, dates, people, page names, safe URLs and ids,
     note kinds and numbers.
     Keys, no templates. A document's title, dates and kind and a note's kind and number are facts teiedit
     computes in Python (teiedit/facts.py) and passes in the parameter "facts"; these functions look them
     up and derive nothing. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" exclude-result-prefixes="#all">

  <xsl:include href="citation.xsl"/>  <!-- sources and dates in readers' words -->

  <!-- The facts teiedit computed (teiedit/facts.py): a te:doc for each TEI and teiCorpus element of the
       input and a te:note for each tei:note, numbered (@i) in document order as the accumulators below
       count them. -->
  <xsl:param name="facts" as="document-node()" required="yes"/>
  <xsl:mode use-accumulators="#all"/>
  <xsl:accumulator name="te:doc-ordinal" initial-value="0" as="xs:integer">
    <xsl:accumulator-rule match="tei:TEI | tei:teiCorpus" select="$value + 1"/>
  </xsl:accumulator>
  <xsl:accumulator name="te:note-ordinal" initial-value="0" as="xs:integer">
    <xsl:accumulator-rule match="tei:note" select="$value + 1"/>
  </xsl:accumulator>
  <xsl:accumulator name="te:mention-ordinal" initial-value="0" as="xs:integer">
    <xsl:accumulator-rule match="tei:text//*[@ref]" select="$value + 1"/>
  </xsl:accumulator>
  <xsl:key name="te:doc-facts" match="te:doc" use="xs:integer(@i)"/>
  <xsl:key name="te:mention-facts" match="te:mention" use="xs:integer(@i)"/>
  <xsl:key name="te:note-facts" match="te:note" use="xs:integer(@i)"/>

  <!-- The facts of a TEI or teiCorpus element of the input. -->
  <xsl:function name="te:facts" as="element()">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="key('te:doc-facts', $doc ! accumulator-before('te:doc-ordinal'), $facts)"/>
  </xsl:function>

  <!-- The facts of a note of the input. -->
  <xsl:function name="te:note-facts" as="element()">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="key('te:note-facts', $note ! accumulator-before('te:note-ordinal'), $facts)"/>
  </xsl:function>

  <!-- The main title of a TEI document, space-normalised ('(untitled)' when it has none). -->
  <xsl:function name="te:title" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string(te:facts($doc)/@title)"/>
  </xsl:function>

  <!-- The document's own date (ISO) from its header, or the empty string. -->
  <xsl:function name="te:date" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string(te:facts($doc)/@date)"/>
  </xsl:function>

  <!-- The year (four digits) of the document's date, or the empty string. -->
  <xsl:function name="te:year" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string(te:facts($doc)/@year)"/>
  </xsl:function>

  <!-- The page name teiedit chose for a document in an edition corpus (xml:base), without extension. -->
  <xsl:function name="te:page" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="replace(string($doc/@xml:base), '\.xml$', '')"/>
  </xsl:function>

  <!-- The kind of document (letter, memorandum, ...) from textClass, or the type of a division. -->
  <xsl:function name="te:kind" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string(te:facts($doc)/@kind)"/>
  </xsl:function>

  <!-- Senders or authors of a document (elements whose text names them). -->
  <xsl:function name="te:senders" as="element()*">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="sent" select="$doc/tei:teiHeader//tei:correspAction[@type='sent']/(tei:persName | tei:orgName | tei:name)"/>
    <xsl:sequence select="if ($sent) then $sent else $doc/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author"/>
  </xsl:function>

  <!-- Addressees of a letter. -->
  <xsl:function name="te:addressees" as="element()*">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="$doc/tei:teiHeader//tei:correspAction[@type='received']/(tei:persName | tei:orgName | tei:name)"/>
  </xsl:function>

  <!-- The source of a document in one line (citation.xsl: never a file name of the conversion). -->
  <xsl:function name="te:source-line" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="te:source-citation($doc)"/>
  </xsl:function>

  <!-- The corrected reading of an element in one line: of each choice, the corr/reg/expan, not the sic/orig/abbr. -->
  <xsl:function name="te:corrected-text" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($el//text()[not(ancestor::tei:sic[parent::tei:choice[tei:corr]]
        | ancestor::tei:orig[parent::tei:choice[tei:reg]] | ancestor::tei:abbr[parent::tei:choice[tei:expan]])], ''))"/>
  </xsl:function>

  <!-- The text of a header element in one line, with a space between its parts: a bibl's author, title and
       date are separate elements with no space between them in the TEI. -->
  <xsl:function name="te:spaced-text" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="replace(normalize-space(string-join($el//text(), ' ')), ' ([,.;:)])', '$1')"/>
  </xsl:function>

  <!-- An archival shelfmark in one line: "RGANI, Fond 5, Opis 28, Delo 412". Typed idnos get their type as a
       label; a part already given (collection "Fond 5" and idno[@type='fond'] "5") is said once. -->
  <xsl:function name="te:ms-identifier" as="xs:string">
    <xsl:param name="ident" as="element()?"/>
    <xsl:variable name="parts" as="xs:string*" select="
        for $p in $ident/*[normalize-space()]
        return if ($p/self::tei:idno and $p/@type and not($p/@type = ('shelfmark', 'callNumber', 'URI'))
                   and not(starts-with(lower-case(normalize-space($p)), lower-case($p/@type))))
               then concat(upper-case(substring($p/@type, 1, 1)), substring($p/@type, 2), ' ', normalize-space($p))
               else normalize-space($p)"/>
    <xsl:sequence select="string-join(
        for $i in 1 to count($parts)
        return $parts[$i][not(some $q in subsequence($parts, 1, $i - 1) satisfies lower-case($q) = lower-case($parts[$i]))],
        ', ')"/>
  </xsl:function>

  <!-- Only http(s), mailto and relative URLs may become links; anything else (javascript:, data:) is dropped. -->
  <xsl:function name="te:safe-url" as="xs:string">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:sequence select="if (matches($u, '[\p{Cc}\s]')) then ''
                          else if (matches($u, '^(https?:|mailto:|#|[^:]*$)', 'i')) then $u else ''"/>
  </xsl:function>

  <!-- A value from the TEI made fit for an HTML id or fragment: letters, digits, '-', '_', '.'. -->
  <xsl:function name="te:safe-id" as="xs:string">
    <xsl:param name="id" as="xs:string?"/>
    <!-- (Most ids are plain ASCII already, which the regular expression would leave as they are.) -->
    <xsl:sequence select="if (translate($id, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-', '') = '') then string($id)
                          else replace(normalize-space($id), '[^\p{L}\p{Nd}_.\-]', '_')"/>
  </xsl:function>

  <!-- The register id a pointer like "#kim-il-sung" names (first pointer only), or '' for other pointers. -->
  <xsl:function name="te:ref-id" as="xs:string">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:variable name="first" select="tokenize(normalize-space($ref), ' ')[1]"/>
    <xsl:sequence select="if (starts-with($first, '#')) then substring($first, 2) else ''"/>
  </xsl:function>

  <!-- What the first pointer of a @ref names, as teiedit/document.py's register_pointer says: '#p1' gives
       'p1'; a pointer into a register file, 'persons.xml#p1' (under any relative folder), gives
       'persons.xml#p1'; anything else (a URL) ''. -->
  <xsl:function name="te:pointer" as="xs:string">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:variable name="first" select="string(tokenize(normalize-space($ref), ' ')[1])"/>
    <xsl:sequence select="if (starts-with($first, '#')) then substring($first, 2)
                          else if (matches($first, '^([^#:/\s]*/)*[^#:/\s]+\.xml#[^#\s]+$'))
                          then replace($first, '^.*/', '') else ''"/>
  </xsl:function>

  <!-- Which register page lists an entry, from the entry's element: persons, places or orgs. -->
  <xsl:function name="te:register-page" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/self::tei:place) then 'places'
                          else if ($entry/self::tei:org) then 'orgs' else 'persons'"/>
  </xsl:function>

  <!-- The preferred name of a register entry. -->
  <xsl:function name="te:entry-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:name)"/>
    <xsl:variable name="best" select="($names[@type = ('main', 'preferred', 'reg', 'standard')], $names[not(@type)], $names)[1]"/>
    <xsl:sequence select="if (normalize-space($best)) then normalize-space($best) else string($entry/@xml:id)"/>
  </xsl:function>

  <!-- The element describing a register entry in a line (its note, desc or occupation). -->
  <xsl:function name="te:entry-description-element" as="element()?">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="($entry/tei:note[not(@type) or @type = ('description', 'desc', 'short')],
                           $entry/tei:desc, $entry/tei:occupation, $entry/tei:roleName, $entry/tei:note)[1]"/>
  </xsl:function>
  <xsl:function name="te:entry-description" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="normalize-space(string(te:entry-description-element($entry)))"/>
  </xsl:function>

  <!-- The texts of a TEI or teiCorpus document (outermost tei:text elements, in document order). -->
  <xsl:function name="te:texts" as="element()*">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="texts" select="$doc/descendant::tei:text[not(ancestor::tei:text)]"/>
    <!-- Without a text (a transcription in sourceDoc, a chronology in standOff), those are the reading text. -->
    <xsl:sequence select="if ($texts) then $texts else $doc/(tei:sourceDoc | tei:standOff)"/>
  </xsl:function>

  <xsl:key name="te:entry" match="te:registers//tei:person[@xml:id] | te:registers//tei:personGrp[@xml:id] | te:registers//tei:place[@xml:id] | te:registers//tei:org[@xml:id]" use="string(@xml:id)"/>
  <xsl:key name="te:mentions" match="tei:text//*[@ref]" use="te:ref-id(@ref)"/>

  <!-- The edition's registers as one te:registers document (builders/html.py: the document pages), parsed
       once per process and shared by every page, so a page's input is its own TEI alone; without it, the
       entries come in the input (a te:bundle's te:registers). -->
  <xsl:param name="te:registers" as="document-node()?" select="()"/>

  <!-- The register entry with the id $id: in the registers parameter when given, else in the input of
       $context. -->
  <xsl:function name="te:register-entry" as="element()?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="if (exists($te:registers)) then key('te:entry', $id, $te:registers)[1]
                          else key('te:entry', $id, root($context))[1]"/>
  </xsl:function>

  <!-- The register entry a name points to, if the registers are at hand. -->
  <xsl:function name="te:entry" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="id" select="te:ref-id($name/@ref)"/>
    <xsl:sequence select="if ($id) then te:register-entry($id, $name) else ()"/>
  </xsl:function>

  <!-- The HTML id of a mention: m-&lt;entry&gt;-&lt;n&gt;, n counting the mentions of that entry in the document.
       teiedit numbers them once, in Python (facts.py: mention_anchors), and passes the ids in the facts:
       a look-up, where counting here cost a scan of every mention of the entry for each mention. -->
  <xsl:function name="te:mention-id" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="if ($name/ancestor::tei:text and $name/@ref)
                          then string(key('te:mention-facts', $name ! accumulator-before('te:mention-ordinal'), $facts)/@id)
                          else ''"/>
  </xsl:function>

  <!-- The outermost TEI element around a node, or its root when there is none: the scope of per-document counters. -->
  <xsl:function name="te:doc-scope" as="node()">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="($node/ancestor-or-self::tei:TEI[1], root($node))[1]"/>
  </xsl:function>
  <!-- Notes. Both editions take a note's kind and number from the facts (teiedit/facts.py: NoteFacts), so
       the web page and the PDF cannot number notes differently. The kinds: footnote (a numbered call in the
       running text), endnote (numbered, where it stands or at the end), block (where it stands, without
       number), inline (kept in the text, without number). -->

  <!-- Elements whose HTML counterpart only takes phrasing content: inside them blocks become spans
       (te:in-phrasing in html/text.xsl). -->
  <xsl:variable name="te:phrasing-parents" as="xs:string*"
    select="('p', 'head', 'l', 'ab', 'dateline', 'salute', 'signed', 'label', 'figDesc', 'hi', 'q', 'seg',
             'persName', 'placeName', 'orgName', 'name', 'rs', 'date', 'title', 'trailer', 'byline',
             'titlePart', 'docAuthor', 'docDate', 'emph', 'term', 'foreign', 'ref', 'num', 'measure', 'addrLine',
             'sic', 'corr', 'orig', 'reg', 'abbr', 'expan', 'supplied', 'unclear', 'add', 'del', 'choice', 'gap',
             'app', 'lem', 'rdg', 'rdgGrp', 'w', 'pc', 'subst', 'mentioned', 'soCalled', 'said', 'time', 'ex', 'g',
             'damage', 'surplus', 'secl')"/>

  <xsl:function name="te:note-kind" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="string(te:note-facts($note)/@kind)"/>
  </xsl:function>

  <!-- The running number of a footnote or endnote in its document (1, 2, ...): the key of its ids. -->
  <xsl:function name="te:note-number" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="xs:integer(te:note-facts($note)/@n)"/>
  </xsl:function>

  <!-- The number a reader sees at the call and at the note: @n, else the running number. -->
  <xsl:function name="te:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="string(te:note-facts($note)/@label)"/>
  </xsl:function>
</xsl:stylesheet>
