<?xml version="1.0" encoding="UTF-8"?>
<!-- A map of places: a figure holding the places as a list (name, coordinates, link), which reads without
     scripts and offline; site.js draws it as a map: with Leaflet and base tiles when the site ships
     Leaflet and the reader is online, else as markers over the world's coastline drawn from the site's
     own data (js/world.js), which needs no network. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:te="urn:teiedit"
  xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="#all">

  <!-- What the site ships (builders/vendor.py): Leaflet, the coastline ('1' or ''). -->
  <xsl:param name="leaflet" as="xs:string" select="''"/>
  <xsl:param name="world" as="xs:string" select="''"/>

  <!-- points: elements with @name, @lat, @lon and @slug (the entity page). -->
  <xsl:template name="te:map">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="points" as="element()*"/>
    <xsl:if test="$leaflet">
      <link rel="stylesheet" href="{$root}vendor/leaflet/leaflet.css"/>
      <script src="{$root}vendor/leaflet/leaflet.js"></script>
    </xsl:if>
    <xsl:if test="$world"><script src="{$root}js/world.js"></script></xsl:if>
    <script src="{$root}js/map.js" defer="defer"></script>
    <figure class="map" aria-labelledby="{$id}-caption">
      <div class="map-canvas" id="{$id}" data-root="{$root}" role="img" aria-label="{$label}" hidden="hidden"></div>
      <figcaption id="{$id}-caption"><xsl:value-of select="$label"/></figcaption>
      <ul class="map-points">
        <xsl:for-each select="$points">
          <li data-lat="{@lat}" data-lon="{@lon}">
            <a href="{$root}entities/{@slug}.html"><xsl:value-of select="@name"/></a>
            <xsl:text> </xsl:text>
            <span class="coordinates"><xsl:value-of select="te:coordinates(@lat, @lon)"/></span>
          </li>
        </xsl:for-each>
      </ul>
    </figure>
  </xsl:template>

  <!-- 39.01900, 125.73800 as "39.019° N, 125.738° E". -->
  <xsl:function name="te:coordinates" as="xs:string">
    <xsl:param name="lat" as="xs:string"/>
    <xsl:param name="lon" as="xs:string"/>
    <xsl:variable name="a" select="xs:decimal($lat)"/>
    <xsl:variable name="o" select="xs:decimal($lon)"/>
    <xsl:sequence select="format-number(abs($a), '0.0##') || '° ' || (if ($a ge 0) then 'N' else 'S') || ', '
                          || format-number(abs($o), '0.0##') || '° ' || (if ($o ge 0) then 'E' else 'W')"/>
  </xsl:function>
</xsl:stylesheet>
