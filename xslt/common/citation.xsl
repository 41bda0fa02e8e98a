<?xml version="1.0" encoding="UTF-8"?>
<!-- Where a document comes from, in a reader's words: an archival citation from msDesc, a bibliographic
     description from the parts of a bibl (authors, title, pages, publisher, date, address), and dates
     written out ("22 October 1956"). Bookkeeping of the conversion never reaches the reader: a bibl
     that only names a file of the conversion, and file names themselves (name[@type="file"]), are left
     out. Functions only. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" exclude-result-prefixes="#all">

  <!-- A file name of the conversion (sources/x.txt, tei/x.xml) inside a description. -->
  <xsl:variable name="te:file-name" as="xs:string" select="'[\w.\-/]+\.(txt|xml|md|csv|json)(\W|$)'"/>

  <!-- An ISO date as readers write it: 1956-10-22 "22 October 1956", 1956-10 "October 1956", 1956 "1956";
       anything else as it is. -->
  <xsl:function name="te:human-date" as="xs:string">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="d" select="normalize-space($iso)"/>
    <xsl:sequence select="
        if ($d castable as xs:date) then format-date(xs:date($d), '[D] [MNn] [Y]', 'en', (), ())
        else if (matches($d, '^\d{4}-\d\d$') and ($d || '-01') castable as xs:date)
          then format-date(xs:date($d || '-01'), '[MNn] [Y]', 'en', (), ())
        else $d"/>
  </xsl:function>

  <!-- The source of a document, one line: each part of its sourceDesc that says something to a reader. -->
  <xsl:function name="te:source-citation" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string-join(distinct-values(
        $doc/tei:teiHeader/tei:fileDesc/tei:sourceDesc/* ! te:citation-of(.))[normalize-space()], '; ')"/>
  </xsl:function>

  <!-- One description: an archival one (the source's own citation line when it begins with the
       repository, else the identifier's parts), a bibliographic one, a list of witnesses or sources (each
       in turn, a witness with an msDesc by its shelfmark), or a paragraph. -->
  <xsl:function name="te:citation-of" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="repository" select="normalize-space(($el//tei:msIdentifier/tei:repository)[1])"/>
    <xsl:variable name="line" select="normalize-space(($el/tei:p)[1])"/>
    <xsl:sequence select="
        if ($el/self::tei:msDesc)
        then (if ($repository and starts-with($line, $repository)) then $line
              else te:ms-identifier($el/tei:msIdentifier))
        else if ($el/self::tei:bibl or $el/self::tei:biblStruct or $el/self::tei:biblFull)
        then te:bibl-citation($el)
        else if ($el/self::tei:listWit or $el/self::tei:listBibl)
        then string-join(($el/* except $el/tei:head) ! te:citation-of((tei:msDesc, .)[1])[normalize-space()], '; ')
        else te:plain-text($el)"/>
  </xsl:function>

  <!-- A bibliographic description from its parts: "Andrei Lankov and Igor Selivanov, “A peculiar case
       …”, pp. 233–251, 22 October 2018". A bibl without such parts counts by its text. -->
  <xsl:function name="te:bibl-citation" as="xs:string">
    <xsl:param name="bibl" as="element()"/>
    <xsl:variable name="parts" select="$bibl//(tei:author | tei:editor | tei:title | tei:biblScope | tei:publisher
                                        | tei:pubPlace | tei:idno | tei:ref)[not(ancestor::tei:note)]"/>
    <xsl:choose>
      <xsl:when test="empty($parts)"><xsl:sequence select="te:plain-text($bibl)"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="authors" select="$bibl//tei:author[normalize-space()] ! normalize-space(.)"/>
        <xsl:variable name="editors" select="$bibl//tei:editor[normalize-space()] ! normalize-space(.)"/>
        <xsl:variable name="fields" as="xs:string*" select="(
            te:and-list($authors),
            if (exists($editors)) then te:and-list($editors) || (if (count($editors) gt 1) then ' (eds.)' else ' (ed.)') else (),
            $bibl//tei:title[normalize-space()] ! (if (@level = 'a') then '“' || normalize-space(.) || '”' else normalize-space(.)),
            $bibl//tei:biblScope[normalize-space()] ! te:scope(.),
            string-join(($bibl//tei:pubPlace, $bibl//tei:publisher)[normalize-space()] ! normalize-space(.), ': '),
            ($bibl//tei:date)[1] ! te:human-date((@when, normalize-space(.))[normalize-space()][1]),
            ($bibl//tei:idno[@type = ('DOI', 'doi', 'URI', 'URL', 'uri', 'url')], $bibl//tei:ref/@target)[1] ! normalize-space(.))"/>
        <xsl:sequence select="string-join($fields[normalize-space()], ', ')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A description's text, unless it names a file of the conversion (then it tells a reader nothing). -->
  <xsl:function name="te:plain-text" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="text" select="normalize-space(string-join($el//text()[not(ancestor::tei:name[@type = 'file'])], ''))"/>
    <!-- text nodes apart: a file name may run into the next element's text ("x.txt" + "October 22") -->
    <xsl:variable name="apart" select="string-join($el//text(), ' ')"/>
    <xsl:sequence select="if ($el//tei:name[@type = 'file'] or matches($apart, $te:file-name)) then '' else $text"/>
  </xsl:function>

  <xsl:function name="te:and-list" as="xs:string?">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:sequence select="if (count($names) le 1) then $names
                          else string-join($names[position() lt last()], ', ') || ' and ' || $names[last()]"/>
  </xsl:function>

  <!-- "pp. 233–251", "vol. 3", or the scope's text. -->
  <xsl:function name="te:scope" as="xs:string">
    <xsl:param name="scope" as="element()"/>
    <xsl:variable name="range" select="if ($scope/@from and $scope/@to) then $scope/@from || '–' || $scope/@to
                                       else replace(normalize-space($scope), '(\d)-(\d)', '$1–$2')"/>
    <xsl:sequence select="if ($scope/@unit = ('page', 'pp')) then (if (contains($range, '–')) then 'pp. ' else 'p. ') || $range
                          else if ($scope/@unit = 'volume') then 'vol. ' || $range
                          else if ($scope/@unit = 'issue') then 'no. ' || $range
                          else $range"/>
  </xsl:function>
</xsl:stylesheet>
