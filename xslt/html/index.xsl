<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: the edition corpus (teiCorpus assembled by teiedit) -> index.html. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="frame.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:template match="/tei:teiCorpus">
    <xsl:call-template name="te:frame">
      <xsl:with-param name="title" select="'Documents'"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="$edition-title"/></h1>
        <table class="documents">
          <caption>Documents of the edition</caption>
          <thead><tr><th scope="col">Date</th><th scope="col">Title</th></tr></thead>
          <tbody>
            <xsl:for-each select="tei:TEI">
              <tr>
                <td><xsl:value-of select="te:date(.)"/></td>
                <td><a href="{te:page(.)}.html"><xsl:value-of select="te:title(.)"/></a></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
