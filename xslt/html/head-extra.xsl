<?xml version="1.0" encoding="UTF-8"?>
<!-- The hook for elements every page's head gets from other outputs (machine-readable links, metadata):
     te:head-extra is called in the frame's head after the style sheet and script links, with the page as
     context (the TEI document on a document page, the page's input on site pages) and the frame's
     parameter $root in scope and the page's path as the tunnel parameter path. Empty here: an output that adds head elements replaces
     this template, and nothing else of the frame. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">
  <xsl:template name="te:head-extra">
    <!-- This page's path from the site root (index.html, letter-a.html, entities/p-berg.html). -->
    <xsl:param name="path" as="xs:string" select="''" tunnel="yes"/>
  </xsl:template>
</xsl:stylesheet>
