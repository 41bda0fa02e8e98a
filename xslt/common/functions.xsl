<?xml version="1.0" encoding="UTF-8"?>
<!-- Functions shared by the web and print stylesheets: titles, dates, page names. No templates here. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" exclude-result-prefixes="#all">

  <!-- The main title of a TEI document, space-normalised. -->
  <xsl:function name="te:title" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="t" select="($doc/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type='main'],
                                     $doc/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)[1]"/>
    <xsl:sequence select="if ($t) then normalize-space(string($t)) else '(untitled)'"/>
  </xsl:function>

  <!-- The document's own date (ISO) from correspDesc or sourceDesc, or the empty string. -->
  <xsl:function name="te:date" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string(($doc/tei:teiHeader//tei:correspAction[@type='sent']/tei:date/@when,
                                   $doc/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:date/@when,
                                   $doc/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:date/@notBefore)[1])"/>
  </xsl:function>

  <!-- The page name teiedit chose for a document in an edition corpus (xml:base), without extension. -->
  <xsl:function name="te:page" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="replace(string($doc/@xml:base), '\.xml$', '')"/>
  </xsl:function>

  <!-- Only http(s), mailto and relative URLs may become links; anything else (javascript:, data:) is dropped. -->
  <xsl:function name="te:safe-url" as="xs:string">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:sequence select="if (matches($u, '^(https?:|mailto:|#|[^:]*$)', 'i')) then $u else ''"/>
  </xsl:function>
</xsl:stylesheet>
