<?xml version="1.0" encoding="UTF-8"?>
<!-- Behaviours of images (web): figures, graphics, the facsimile (surfaces, zones) beside the text, and the
     links from page breaks and other @facs to their images. Images are never fetched from URLs the TEI
     gives: an image the builder copied into the site (te:images in the bundle: the TEI's @url and the
     site's own path) is shown, and opens in the zoomable viewer (js/vendor/openseadragon) when scripts run;
     a remote image or a IIIF image or manifest is a link (the viewer loads a IIIF image only when the reader
     asks for it, so the site works offline); an image that is neither is named, not shown. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:pm="urn:teiedit:pm" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- The site path of an image the builder copied for a URL of the TEI, or ''. -->
  <xsl:function name="te:image-href" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="url" as="xs:string?"/>
    <xsl:sequence select="string(root($context)/te:bundle/te:images/te:image[@url = normalize-space($url)][1]/@href)"/>
  </xsl:function>

  <xsl:function name="te:iiif-kind" as="xs:string">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:sequence select="if (matches($url, '^https?://.+/info\.json$', 'i')) then 'image'
                          else if (matches($url, '^https?://.*manifest(\.json)?$', 'i')) then 'manifest' else ''"/>
  </xsl:function>

  <!-- Figures: the picture, then the caption (head and figDesc). -->
  <xsl:template name="pm:figure">
    <xsl:param name="content" as="item()*" select="node() except (tei:head | tei:figDesc)"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="title" as="item()*" select="tei:head | tei:figDesc"/>
    <xsl:choose>
      <xsl:when test="te:in-phrasing(.)">
        <span class="{normalize-space(string-join(('tei-figure', $class, 'block'), ' '))}"><xsl:apply-templates mode="text"/></span>
      </xsl:when>
      <xsl:otherwise>
        <figure class="{normalize-space(string-join(('tei-figure', $class), ' '))}">
          <xsl:call-template name="te:id"/>
          <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
          <xsl:if test="exists($title)">
            <figcaption>
              <xsl:for-each select="$title">
                <xsl:choose>
                  <xsl:when test=". instance of element()">
                    <span class="tei-{local-name()} block"><xsl:apply-templates mode="text"/></span>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
            </figcaption>
          </xsl:if>
        </figure>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A graphic: the image when the site has it, a link when it is remote, else its name. -->
  <xsl:template name="pm:graphic">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="url" as="xs:string?" select="@url"/>
    <!-- An image the site copied, or one the TEI carries inline (binaryObject: a data URL of a raster type). -->
    <xsl:variable name="href" select="if (te:inline-image($url)) then $url else te:image-href(., $url)"/>
    <xsl:variable name="alt" select="normalize-space(string-join((tei:desc, ../tei:figDesc, ../tei:head, ../tei:label)[1], ' '))"/>
    <xsl:variable name="classes" select="normalize-space(string-join(('tei-graphic', $class), ' '))"/>
    <xsl:variable name="id" select="if (@xml:id or ancestor::tei:facsimile) then te:facs-id(.) else ''"/>
    <xsl:choose>
      <xsl:when test="$href">
        <img class="{$classes} zoomable" src="{$href}" alt="{if ($alt) then $alt else 'Image ' || tokenize($url, '/')[last()]}" loading="lazy">
          <xsl:if test="$id"><xsl:attribute name="id" select="$id"/></xsl:if>
        </img>
      </xsl:when>
      <xsl:when test="te:iiif-kind($url) = 'image' and te:safe-url($url)">
        <span class="{$classes} iiif">
          <xsl:if test="$id"><xsl:attribute name="id" select="$id"/></xsl:if>
          <a href="{te:safe-url($url)}" rel="external noopener">IIIF image</a>
          <xsl:text> </xsl:text>
          <button type="button" class="iiif-open" data-iiif="{te:safe-url($url)}" hidden="hidden">Zoomable image (online)</button>
        </span>
      </xsl:when>
      <xsl:when test="matches(te:safe-url($url), '^https?:', 'i')">
        <a class="{$classes} external" href="{te:safe-url($url)}" rel="external noopener">
          <xsl:if test="$id"><xsl:attribute name="id" select="$id"/></xsl:if>
          <xsl:value-of select="if (te:iiif-kind($url) = 'manifest') then 'IIIF manifest' else 'Image (online)'"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$classes} missing" title="Image not included in this edition: {$url}">
          <xsl:if test="$id"><xsl:attribute name="id" select="$id"/></xsl:if>
        </span>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="exists($content[. instance of element() or normalize-space()])">
      <span class="tei-graphic-desc"><xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template></span>
    </xsl:if>
  </xsl:template>

  <!-- A data URL of a raster image in base64 (png, jpeg, gif, webp). Checked with translate, not a regular
       expression: an inline image is hundreds of kilobytes, and a regex over it cost more than the rest of
       its page. -->
  <xsl:function name="te:inline-image" as="xs:boolean">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="type" select="substring-before(substring-after($url, 'data:image/'), ';base64,')"/>
    <xsl:variable name="data" select="substring-after($url, ';base64,')"/>
    <xsl:sequence select="starts-with($url, 'data:image/') and $type = ('png', 'jpeg', 'gif', 'webp')
                          and $data and translate($data, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=', '') = ''"/>
  </xsl:function>

  <!-- The facsimile of a document: its surfaces (pages) and graphics, shown beside the text. -->
  <xsl:template name="pm:facsimile">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <aside class="{normalize-space(string-join(('facsimile', $class), ' '))}" aria-label="Facsimile">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="te:safe-id(@xml:id)"/></xsl:if>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </aside>
  </xsl:template>

  <!-- A surface (a page): its images, with its zones outlined over them where the coordinates allow. -->
  <xsl:template name="pm:surface">
    <xsl:param name="content" as="item()*" select="node() except tei:zone"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="zones" as="element()*" select="tei:zone"/>
    <figure class="{normalize-space(string-join(('tei-' || local-name(), $class), ' '))}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="te:safe-id(@xml:id)"/></xsl:if>
      <div class="surface-image">
        <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
        <xsl:for-each select="$zones">
          <xsl:apply-templates select="." mode="text"/>
        </xsl:for-each>
      </div>
      <xsl:if test="@n"><figcaption><xsl:value-of select="@n"/></figcaption></xsl:if>
    </figure>
  </xsl:template>

  <!-- A zone: a box over its surface's image (percentages of the surface's extent), a target for @facs. -->
  <xsl:template name="pm:zone">
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:variable name="s" select="ancestor::tei:surface[1]"/>
    <xsl:variable name="box" select="te:box(.)"/>
    <xsl:variable name="frame" select="if (exists($s)) then te:box($s) else ()"/>
    <span class="{normalize-space(string-join(('tei-zone', $class), ' '))}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="te:safe-id(@xml:id)"/></xsl:if>
      <xsl:if test="count($box) = 4 and count($frame) = 4 and $frame[3] gt $frame[1] and $frame[4] gt $frame[2]">
        <xsl:variable name="w" select="$frame[3] - $frame[1]"/>
        <xsl:variable name="h" select="$frame[4] - $frame[2]"/>
        <xsl:attribute name="style" select="string-join((
            'left:' || format-number(100 * ($box[1] - $frame[1]) div $w, '0.##') || '%',
            'top:' || format-number(100 * ($box[2] - $frame[2]) div $h, '0.##') || '%',
            'width:' || format-number(100 * ($box[3] - $box[1]) div $w, '0.##') || '%',
            'height:' || format-number(100 * ($box[4] - $box[2]) div $h, '0.##') || '%'), ';')"/>
      </xsl:if>
      <xsl:call-template name="te:content"><xsl:with-param name="content" select="$content"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- ulx, uly, lrx, lry of a surface or zone (from @points when there are no corners), as numbers. -->
  <xsl:function name="te:box" as="xs:double*">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="corners" select="($el/@ulx, $el/@uly, $el/@lrx, $el/@lry)[. castable as xs:double] ! xs:double(.)"/>
    <xsl:variable name="points" select="for $p in tokenize(normalize-space($el/@points), ' ') return tokenize($p, ',')[. castable as xs:double] ! xs:double(.)"/>
    <xsl:variable name="xs" select="$points[position() mod 2 = 1]"/>
    <xsl:variable name="ys" select="$points[position() mod 2 = 0]"/>
    <xsl:sequence select="if (count($corners) = 4) then $corners
                          else if (count($xs) ge 2 and count($xs) = count($ys)) then (min($xs), min($ys), max($xs), max($ys))
                          else ()"/>
  </xsl:function>

  <!-- A link from an element with @facs (a page break) to its image: a surface, zone or graphic of the
       facsimile (by #id, or by the same URL), else the image itself. Nothing when there is none. -->
  <xsl:template name="te:facs-link">
    <xsl:variable name="facs" select="tokenize(normalize-space(@facs), ' ')[1]"/>
    <xsl:if test="$facs">
      <xsl:variable name="doc" select="te:doc-scope(.)"/>
      <xsl:variable name="target" select="if (starts-with($facs, '#')) then key('te:by-id', substring($facs, 2), $doc)[ancestor::tei:facsimile][1]
                                          else ($doc/tei:facsimile//tei:graphic[@url = $facs])[1]"/>
      <xsl:variable name="href" select="if ($target and te:facsimile-shown($doc)) then '#' || te:facs-id($target)
                                        else if (not(starts-with($facs, '#'))) then te:image-href(., $facs) else ''"/>
      <xsl:if test="$href and not(te:in-word(.))">
        <a class="facs-link" href="{$href}" title="Image of this page" aria-label="Image of this page">⧉</a>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- The HTML id of a facsimile element: its own, else one made from its place. -->
  <xsl:function name="te:facs-id" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/@xml:id) then te:safe-id($el/@xml:id)
                          else 'facs-' || count($el/preceding::*[ancestor::tei:facsimile]) + count($el/ancestor::*[ancestor-or-self::tei:facsimile])"/>
  </xsl:function>

  <!-- Is the facsimile worth a column beside the text: does it have an image the reader can see or open? -->
  <!-- (Cached: every page break with a facsimile asks it of its document.) -->
  <xsl:function name="te:facsimile-shown" as="xs:boolean" cache="yes">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="some $g in $doc/tei:facsimile//tei:graphic satisfies
                          (te:image-href($g, $g/@url) or matches(te:safe-url($g/@url), '^https?:', 'i'))"/>
  </xsl:function>
</xsl:stylesheet>
