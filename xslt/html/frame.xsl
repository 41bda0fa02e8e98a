<?xml version="1.0" encoding="UTF-8"?>
<!-- The site frame: head, navigation landmarks, footer. Print overrides te:head-links and te:nav. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:param name="edition-title" as="xs:string" select="'Edition'"/>

  <xsl:template name="te:frame">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> · <xsl:value-of select="$edition-title"/></title>
        <xsl:call-template name="te:head-links"/>
      </head>
      <body>
        <xsl:call-template name="te:nav"/>
        <main id="main">
          <xsl:sequence select="$content"/>
        </main>
        <xsl:call-template name="te:footer"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="te:head-links">
    <link rel="stylesheet" href="css/site.css"/>
  </xsl:template>

  <xsl:template name="te:nav">
    <header class="site-header">
      <a class="skip" href="#main">Skip to the text</a>
      <nav aria-label="Edition"><a href="index.html"><xsl:value-of select="$edition-title"/></a></nav>
    </header>
  </xsl:template>

  <xsl:template name="te:footer">
    <footer class="site-footer"><p>Made with teiedit.</p></footer>
  </xsl:template>
</xsl:stylesheet>
