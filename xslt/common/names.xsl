<?xml version="1.0" encoding="UTF-8"?>
<!-- The names of register entries as an index and a register page list them (docs/tei-conventions.md,
     "Registers"): where an entry sorts, and the form it is listed under. The register says both:

       person/@sortKey (place, org too)       the sort key, one word as TEI wants it, its parts joined
                                              by underscores ("Berg_Anna_van_der")
       persName[@type="preferred"] with       sorted by surname, then forenames; listed as "Brezhnev, Leonid",
         forename and surname                 or as written ("Kim Il Sung") when written surname first with
                                              spaces between the parts
       otherwise                              the preferred name as written

     Sort keys are compared without case and accents ("Chŏng" sorts as "Chong"); a leading "The" is
     ignored. Functions only. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" exclude-result-prefixes="#all">

  <!-- The entry's preferred name element. -->
  <xsl:function name="te:preferred-name" as="element()?">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:name)"/>
    <xsl:sequence select="($names[@type = ('preferred', 'main', 'reg', 'standard')], $names[not(@type)], $names)[1]"/>
  </xsl:function>

  <!-- The words the entry sorts by: its @sortKey (underscores read as spaces), else surname(s) then forename(s) then the other parts of
       a split name, else the preferred name. -->
  <xsl:function name="te:sort-key" as="xs:string">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="name" select="te:preferred-name($entry)"/>
    <!-- not $name/(...): a path gives its nodes in document order, the surname must come first -->
    <xsl:variable name="parts" select="($name/tei:surname, $name/tei:forename, $name/(* except (tei:surname | tei:forename)))"/>
    <xsl:sequence select="te:sort-form((
        $entry/@sortKey ! replace(., '_', ' '),
        if ($name/tei:surname) then string-join($parts ! normalize-space(.), ' ') else (),
        $name, $entry/@xml:id)[normalize-space()][1])"/>
  </xsl:function>

  <!-- A string as it sorts: lower case, accents and marks dropped, a leading "the" dropped ("An" and "A"
       stay: they begin Korean names). -->
  <xsl:function name="te:sort-form" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="plain" select="replace(normalize-unicode(lower-case(normalize-space($s)), 'NFD'), '\p{Mn}', '')"/>
    <xsl:sequence select="replace($plain, '^the\s+', '')"/>
  </xsl:function>

  <!-- The form an index lists the entry under: "Surname, Forenames" for a split name, unless it is
       written surname first with spaces between its parts ("Kim Il Sung"): then as written. (Registers
       that record <surname>Schnitzler</surname><forename>Arthur</forename> with nothing between the parts
       give the parts, not a written name.) -->
  <xsl:function name="te:index-name" as="xs:string">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="name" select="te:preferred-name($entry)"/>
    <xsl:variable name="sur" select="$name/tei:surname[1]"/>
    <xsl:variable name="fore" select="$name/tei:forename[1]"/>
    <xsl:variable name="written-surname-first" select="$sur &lt;&lt; $fore
        and (every $t in $name/text()[following-sibling::*] satisfies matches($t, '^\s+$'))
        and exists($name/text()[following-sibling::*])"/>
    <xsl:sequence select="
        if ($sur and $fore and not($written-surname-first))
        then normalize-space(string-join($name/tei:surname, ' ')) || ', '
             || normalize-space(string-join($name/* except $name/tei:surname, ' '))
        else normalize-space($name)"/>
  </xsl:function>
</xsl:stylesheet>
