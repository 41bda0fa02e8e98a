<?xml version="1.0" encoding="UTF-8"?>
<!-- Clean text, for the web and the print edition alike: behaviours of the processing model (named templates
     pm:NAME, as in html/behaviours.xsl) that the ODD's models choose (html/render.xsl includes this file):

     damaged-passage   choice/corr[@type="debris"]: a passage whose source holds only machine code of its PDF
                       (the debris is kept in sic), printed as a marked omission, "[damaged passage]"
     section-break     ab[@type="rule"]: a rule of the source between sections (its characters are kept as
                       text), a section break, one for a run of rules; milestone[@unit="section"]: a section
                       break anywhere else

     Emphasis from the source's marks (hi[@rend="italic mark-asterisk"], ...) needs nothing here: hi renders
     by its rend tokens. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:pm="urn:teiedit:pm" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- The words printed for an omitted damaged passage; the conventions page quotes them. -->
  <xsl:variable name="te:damaged-passage" as="xs:string" select="'damaged passage'"/>

  <!-- Both readings stay in the page, as for every choice (the web's reading switch shows the original;
       print.css never does): the omission, and the debris as the source file has it ("content"). -->
  <xsl:template name="pm:damaged-passage">
    <xsl:param name="content" as="item()*" select="tei:sic/node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <span class="{normalize-space(string-join(('choice repaired damaged-passage', $class), ' '))}">
      <span class="sic reading-original" title="As in the source file: machine code of its PDF">
        <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
      </span>
      <span class="gap reading-corrected" title="A passage that cannot be read: the source file holds only machine code of its PDF here">
        <xsl:text>[</xsl:text><em><xsl:value-of select="$te:damaged-passage"/></em><xsl:text>]</xsl:text>
      </span>
    </span>
  </xsl:template>

  <!-- A break between sections, drawn as the source marks it ("rend": rule or asterism), unless "first" is
       false (the second rule of a run); "content": the source's own characters for the break (a rule's),
       kept in the page as the original reading after it. Inside a line of text, a separator span. -->
  <xsl:template name="pm:section-break">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="rend" as="xs:string" select="string(@rend)"/>
    <xsl:param name="first" as="xs:boolean" select="true()"/>
    <xsl:choose>
      <xsl:when test="not($first)"/>
      <xsl:when test="te:in-phrasing(.)"><span class="section-break" role="separator"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="te:section-break"><xsl:with-param name="rend" select="$rend"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:variable name="marks" select="normalize-space(string-join($content ! string(.), ''))"/>
    <xsl:if test="$marks">
      <span class="rule-marks reading-original"><xsl:value-of select="$marks"/></span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="te:section-break">
    <xsl:param name="rend" as="xs:string"/>
    <hr class="{normalize-space('section-break ' || (if (tokenize($rend) = 'asterism') then 'asterism' else 'rule'))}"/>
  </xsl:template>
</xsl:stylesheet>
