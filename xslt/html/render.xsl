<?xml version="1.0" encoding="UTF-8"?>
<!-- Everything that renders the elements of a TEI text (mode "text"): the behaviours (hand-written, one file
     per concern) and the compiled processing model that chooses a behaviour for each element. The model is
     compiled from the ODD's <model> elements into schema/build/teiedit-pm.xsl (`teiedit schema`); the
     builders pass the edition's own compiled model in the static parameter te:models, so an edition changes
     its rendering by editing its ODD. Included by document.xsl (so by print too), registers.xsl and entity.xsl. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:pm="urn:teiedit:pm" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- The compiled processing model for the web (a URI; relative: to this file); print/document.xsl adds
       the print one over it. -->
  <xsl:param name="te:models" static="yes" as="xs:string" select="'../../schema/build/teiedit-pm.xsl'"/>
  <xsl:include _href="{$te:models}"/>

  <xsl:include href="text.xsl"/>
  <xsl:include href="behaviours.xsl"/>
  <xsl:include href="lists.xsl"/>
  <xsl:include href="links.xsl"/>
  <xsl:include href="editorial.xsl"/>
  <xsl:include href="apparatus.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="entities.xsl"/>
  <xsl:include href="facsimile.xsl"/>
  <xsl:include href="../common/clean-text.xsl"/>

  <!-- What a page's head needs for the rendered text: the CSS of the processing model's outputRendition,
       and the zoomable image viewer where the page shows images. -->
  <xsl:template name="te:render-head">
    <xsl:call-template name="pm:css"/>
    <xsl:call-template name="te:rendition-css"/>
    <xsl:if test="root()/te:bundle/te:images/te:image">
      <script src="js/vendor/openseadragon/openseadragon.min.js" defer="defer"></script>
    </xsl:if>
  </xsl:template>

  <!-- The behaviour the processing model gives an element (for a behaviour that asks how its parent or its
       children render: a list item in a list, a row in a table). -->
  <xsl:function name="pm:behaviour" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:apply-templates select="$el" mode="pm:behaviour"/>
  </xsl:function>
</xsl:stylesheet>
