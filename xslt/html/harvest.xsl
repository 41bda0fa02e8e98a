<?xml version="1.0" encoding="UTF-8"?>
<!-- Machine-readable head elements of a page (te:head-extra, called by the page frame): the page's schema.org
     description as JSON-LD (made in Python: builders/site/jsonld.py, handed over as the parameter jsonld) and
     the link to the page's TEI (tei-alternate) for harvesters. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:te="urn:teiedit"
  xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:param name="jsonld" as="xs:string" select="''"/>
  <xsl:param name="tei-alternate" as="xs:string" select="''"/>

  <!-- page-jsonld: a page's own description where one transform writes many pages (the entity pages). -->
  <xsl:template name="te:head-extra">
    <xsl:param name="page-jsonld" as="xs:string" select="$jsonld" tunnel="yes"/>
    <xsl:if test="$tei-alternate">
      <link rel="alternate" type="application/tei+xml" href="{$tei-alternate}"/>
    </xsl:if>
    <xsl:if test="$page-jsonld">
      <script type="application/ld+json"><xsl:value-of select="$page-jsonld" disable-output-escaping="yes"/></script>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
