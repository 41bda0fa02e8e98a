<?xml version="1.0" encoding="UTF-8"?>
<!-- Print (output "print"): imports the web stylesheet and overrides what differs for paged media. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:import href="../html/document.xsl"/>

  <xsl:template name="te:head-links">
    <link rel="stylesheet" href="print.css"/>
  </xsl:template>
  <xsl:template name="te:nav"/>
  <xsl:template name="te:pager"/>
  <xsl:template name="te:footer"/>
</xsl:stylesheet>
