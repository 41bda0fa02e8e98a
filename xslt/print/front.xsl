<?xml version="1.0" encoding="UTF-8"?>
<!-- Print, front matter: the title page and its verso (the imprint), from the settings of teiedit.toml;
     the contents; the introduction and any other front matter the editor writes as TEI in tei/front/,
     rendered with the templates of the documents (notes at the foot of the page, names indexed). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:teiedit" xmlns:tp="urn:teiedit:print" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all">

  <!-- The editors' names, and what each did (teiedit.toml: "Name: role" per line). -->
  <xsl:variable name="tp:editors" as="xs:string*"
    select="tokenize($edition-editors, '\n')[normalize-space()] ! normalize-space(replace(., ':.*$', ''))"/>

  <xsl:template name="tp:title-page">
    <section class="title-page" id="title-page">
      <h1 class="edition-title" data-running="{$tp:running-edition}"><xsl:value-of select="$edition-title"/></h1>
      <xsl:variable name="editors" select="tokenize($edition-editors, '\n')[normalize-space()]"/>
      <xsl:if test="exists($editors)">
        <div class="editors">
          <p class="edited-by">Edited by</p>
          <xsl:for-each select="$editors">
            <p class="editor">
              <span class="editor-name"><xsl:value-of select="normalize-space(replace(., ':.*$', ''))"/></span>
              <xsl:if test="contains(., ':')">
                <span class="editor-resp"><xsl:value-of select="normalize-space(substring-after(., ':'))"/></span>
              </xsl:if>
            </p>
          </xsl:for-each>
        </div>
      </xsl:if>
      <p class="publisher">
        <xsl:value-of select="string-join(($edition-publisher, $edition-pub-place, $edition-year)[normalize-space()], ' · ')"/>
      </p>
    </section>
  </xsl:template>

  <!-- The verso of the title page: who publishes, under which licence, where it is online, how to cite
       it, and what the PDF holds. -->
  <xsl:template name="tp:imprint">
    <xsl:param name="docs" as="element()*"/>
    <section class="imprint" id="imprint">
      <xsl:if test="normalize-space($edition-publisher)">
        <p>Published by <xsl:value-of select="string-join(($edition-publisher, $edition-pub-place)[normalize-space()], ', ')"/>
          <xsl:if test="normalize-space($edition-year)">, <xsl:value-of select="$edition-year"/></xsl:if>.</p>
      </xsl:if>
      <xsl:if test="normalize-space($edition-licence)">
        <p>This edition may be shared and adapted under the licence <xsl:value-of select="$edition-licence"/>
          <xsl:if test="normalize-space($edition-licence-url)"> (<span class="url"><xsl:value-of select="$edition-licence-url"/></span>)</xsl:if>.</p>
      </xsl:if>
      <xsl:if test="normalize-space($edition-base-url)">
        <p>The edition is online at <span class="url"><xsl:value-of select="$edition-base-url"/></span>.</p>
      </xsl:if>
      <p class="how-to-cite"><span class="label">How to cite: </span>
        <xsl:value-of select="string-join((
            if (exists($tp:editors)) then te:and-list($tp:editors) || (if (count($tp:editors) gt 1) then ' (eds.)' else ' (ed.)') else (),
            $edition-title,
            string-join(($edition-pub-place, $edition-publisher)[normalize-space()], ': '),
            $edition-year, $edition-base-url)[normalize-space()], ', ')"/>.</p>
      <p class="made-by">The <xsl:value-of select="count($docs)"/> documents of this book were typeset from the
        edition's TEI files, which are attached to this PDF.</p>
    </section>
  </xsl:template>

  <!-- ===== Contents, with page numbers from the laid-out parts ===== -->
  <xsl:template name="tp:contents">
    <xsl:param name="docs" as="element()*"/>
    <xsl:param name="fronts" as="element()*"/>
    <nav class="matter contents" id="contents" aria-label="Contents">
      <h2 class="matter-title">Contents</h2>
      <ol class="toc">
        <xsl:for-each select="$fronts">
          <li class="toc-matter"><a class="toc-link" href="#{tp:doc-id(.)}"><xsl:value-of select="te:title(.)"/></a></li>
        </xsl:for-each>
        <li class="toc-matter"><a class="toc-link" href="#conventions">Editorial conventions</a></li>
        <li class="toc-matter"><a class="toc-link" href="#sources">Sources</a></li>
        <xsl:for-each select="$docs">
          <li class="toc-doc">
            <xsl:variable name="date" select="tp:doc-date(.)"/>
            <a class="toc-link" href="#{tp:doc-id(.)}">
              <xsl:if test="$date"><span class="toc-date"><xsl:value-of select="te:human-date($date)"/></span></xsl:if>
              <span class="toc-title"><xsl:value-of select="te:title(.)"/></span>
            </a>
          </li>
        </xsl:for-each>
        <xsl:if test="tp:mentions($docs)">
          <li class="toc-matter"><a class="toc-link" href="#index">Index</a></li>
        </xsl:if>
      </ol>
    </nav>
  </xsl:template>

  <!-- ===== Front matter the editor writes: one section each, first after the contents ===== -->
  <xsl:template match="tei:TEI" mode="tp:front">
    <section class="matter front-text" id="{tp:doc-id(.)}">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <h2 class="matter-title"><xsl:value-of select="te:title(.)"/></h2>
      <xsl:apply-templates select="tei:text" mode="text"/>
    </section>
  </xsl:template>

  <!-- A heading of the front text that repeats its title (already the section's heading) is not printed. -->
  <xsl:template match="tei:TEI[@te:role = 'front']/tei:text/tei:body/tei:div[1]/tei:head[1]
                       [normalize-space(.) = te:title(ancestor::tei:TEI[1])]
                       | tei:TEI[@te:role = 'front']/tei:text/tei:front/tei:div[1]/tei:head[1]
                       [normalize-space(.) = te:title(ancestor::tei:TEI[1])]" mode="text" priority="3"/>
</xsl:stylesheet>
