<?xml version="1.0" encoding="UTF-8"?>
<!-- Clean text, for the web and the print edition alike (html/document.xsl and print/document.xsl both
     include this file, so that its templates win over the general ones of their own output):

     choice/corr[@type="debris"]   a passage whose source holds only machine code of its PDF (the debris is
                                   kept in sic): printed as a marked omission, "[damaged passage]"
     ab[@type="rule"]              a rule of the source between sections (its characters are kept as text):
                                   a section break; a run of rules is one break
     milestone[@unit="section"]    a section break anywhere else

     Emphasis from the source's marks (hi[@rend="italic mark-asterisk"], ...) needs nothing here: hi renders
     by its rend tokens. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <!-- The words printed for an omitted damaged passage; the conventions page quotes them. -->
  <xsl:variable name="te:damaged-passage" as="xs:string" select="'damaged passage'"/>

  <!-- Both readings stay in the page, as for every choice (the web's reading switch shows the original;
       print.css never does): the omission, and the debris as the source file has it. -->
  <xsl:template match="tei:choice[tei:corr[@type = 'debris']]" mode="text" priority="3">
    <span class="choice repaired damaged-passage">
      <span class="sic reading-original" title="As in the source file: machine code of its PDF">
        <xsl:apply-templates select="tei:sic/node()" mode="text"/>
      </span>
      <span class="gap reading-corrected" title="A passage that cannot be read: the source file holds only machine code of its PDF here">
        <xsl:text>[</xsl:text><em><xsl:value-of select="$te:damaged-passage"/></em><xsl:text>]</xsl:text>
      </span>
    </span>
  </xsl:template>

  <!-- The rule's characters stay in the page as the original reading, after the break. -->
  <xsl:template match="tei:ab[@type = 'rule']" mode="text" priority="3">
    <xsl:if test="not(preceding-sibling::*[1][self::tei:ab[@type = 'rule']])">
      <xsl:call-template name="te:section-break">
        <xsl:with-param name="rend" select="(tei:milestone/@rend, 'rule')[1]"/>
      </xsl:call-template>
    </xsl:if>
    <span class="rule-marks reading-original"><xsl:value-of select="normalize-space(string-join(text(), ''))"/></span>
  </xsl:template>

  <xsl:template match="tei:milestone[@unit = 'section']" mode="text" priority="3">
    <xsl:choose>
      <xsl:when test="te:in-phrasing(.)"><span class="section-break" role="separator"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="te:section-break"><xsl:with-param name="rend" select="string(@rend)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="te:section-break">
    <xsl:param name="rend" as="xs:string"/>
    <hr class="{normalize-space('section-break ' || (if (tokenize($rend) = 'asterism') then 'asterism' else 'rule'))}"/>
  </xsl:template>
</xsl:stylesheet>
