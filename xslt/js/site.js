/* teiedit web edition: small progressive enhancements. Every page reads without this file.
 * - reading switch (corrected / as in the source) and name highlighting: body classes, remembered
 * - pop-ups for names (register description) and note markers (the note), on hover and keyboard focus
 * - index: sortable columns and filters by year, kind, person, place and organisation
 * - permalinks: a link after each paragraph and note; the cite box shows (and copies) the passage's URL
 * - a page opened from a search result marks the words searched (?hl=); the search itself is search.js
 * - images: a zoomable viewer (OpenSeadragon, shipped in js/vendor) for the page's images, and for a IIIF
 *   image only when the reader asks (the page never loads remote images by itself)
 * Text from the edition is only ever inserted with textContent, never as markup. */
(function () {
  "use strict";

  function store(key, value) {
    try {
      if (value === undefined) return window.localStorage.getItem("teiedit." + key);
      window.localStorage.setItem("teiedit." + key, value);
    } catch (e) { /* storage may be disabled (file://, privacy settings): the switch still works */ }
    return null;
  }

  /* Reading switch and highlighting -------------------------------------------------------------- */
  function initReadingTools() {
    var body = document.body;
    var original = document.getElementById("reading-original");
    var corrected = document.getElementById("reading-corrected");
    if (original && corrected) {
      var apply = function () {
        body.classList.toggle("show-original", original.checked);
        store("reading", original.checked ? "original" : "corrected");
      };
      if (store("reading") === "original") original.checked = true;
      original.addEventListener("change", apply);
      corrected.addEventListener("change", apply);
      apply();
    }
    var highlight = document.getElementById("highlight-names");
    if (highlight) {
      var hl = function () {
        body.classList.toggle("show-names", highlight.checked);
        store("highlight", highlight.checked ? "on" : "off");
      };
      if (store("highlight") === "on") highlight.checked = true;
      highlight.addEventListener("change", hl);
      hl();
    }
  }

  /* Pop-ups ------------------------------------------------------------------------------------- */
  var popup = null;
  var popupOwner = null;

  function showPopup(owner, text) {
    if (!text) return;
    if (!popup) {
      popup = document.createElement("div");
      popup.className = "popup";
      popup.id = "teiedit-popup";
      popup.setAttribute("role", "tooltip");
      document.body.appendChild(popup);
    }
    popup.textContent = text;
    popup.hidden = false;
    popupOwner = owner;
    var r = owner.getBoundingClientRect();
    var top = window.scrollY + r.bottom + 6;
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - 340));
    popup.style.top = top + "px";
    popup.style.left = left + "px";
  }

  function hidePopup(owner) {
    if (popup && (!owner || owner === popupOwner)) {
      popup.hidden = true;
      popupOwner = null;
    }
  }

  function popupText(el) {
    var target;
    if (el.dataset.entity) {
      target = document.getElementById("desc-" + el.dataset.entity);
    } else if (el.classList.contains("noteref")) {
      target = document.getElementById(el.getAttribute("href").slice(1));
      if (target) {
        var body = target.querySelector(".note-body");
        return (body || target).textContent.replace(/\s+/g, " ").trim();
      }
    }
    return target ? target.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function initPopups() {
    var owners = document.querySelectorAll("a.entity[data-entity], a.noteref");
    Array.prototype.forEach.call(owners, function (el) {
      var text = popupText(el);
      if (!text) return;
      // The native tooltip would double the pop-up: keep the text for the pop-up only.
      if (el.title) { el.dataset.title = el.title; el.removeAttribute("title"); }
      var show = function () { showPopup(el, text); };
      var hide = function () { hidePopup(el); };
      el.addEventListener("mouseenter", show);
      el.addEventListener("focus", show);
      el.addEventListener("mouseleave", hide);
      el.addEventListener("blur", hide);
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") hidePopup(null);
    });
  }

  /* Index: sorting and filters ------------------------------------------------------------------- */
  function initIndex() {
    var table = document.getElementById("documents");
    var form = document.getElementById("filters");
    if (!table || !form) return;
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var count = document.getElementById("filter-count");
    form.hidden = false;

    // Year and kind: one value per document; person, place, organisation: the entries it names.
    function matches(row, select) {
      var want = select.value, key = select.dataset.filter;
      if (!want) return true;
      var have = row.dataset[key] || "";
      return key === "year" || key === "kind" ? have === want : have.split(" ").indexOf(want) >= 0;
    }

    function filter() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = selects.every(function (s) { return matches(row, s); });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = shown + " of " + rows.length + " documents";
    }
    selects.forEach(function (s) { s.addEventListener("change", filter); });
    filter();

    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var key = function (row) {
          var cell = row.cells[col];
          return (cell.dataset.value || cell.textContent).trim().toLowerCase();
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { tbody.appendChild(row); });
      });
    });
  }

  /* Hits of a search on the page it opened (search.js links with ?hl=words): marked, the first shown. */
  function fold(s) { return s.normalize("NFKD").replace(/\p{M}/gu, "").normalize("NFC").toLowerCase(); }
  var WORD = /[\p{L}\p{N}]+(?:['\u2019\u02bc\u2018`][\p{L}\p{N}]+)*/gu;
  var APOSTROPHE = /['\u2019\u02bc\u2018`]/g;

  function initHighlight() {
    var params = new URLSearchParams(window.location.search);
    var wanted = (params.get("hl") || "").split(/\s+/).filter(Boolean);
    // The text of the page (its article), not the navigation around it.
    var main = document.querySelector("main article") || document.querySelector("main");
    if (!wanted.length || !main) return;
    var exact = new Set(), prefixes = [];
    wanted.forEach(function (w) {
      if (/\*$/.test(w)) prefixes.push(fold(w.slice(0, -1))); else exact.add(fold(w));
    });
    var isHit = function (word) {
      var t = fold(word).replace(APOSTROPHE, "");
      return exact.has(t) || prefixes.some(function (p) { return t.lastIndexOf(p, 0) === 0; });
    };
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var marks = [];
    nodes.forEach(function (node) {
      if (node.parentElement.closest("script, style, .popup, .search-notice")) return;
      var text = node.textContent, m, parts = [], at = 0;
      WORD.lastIndex = 0;
      while ((m = WORD.exec(text))) {
        if (!isHit(m[0])) continue;
        parts.push([m.index, m.index + m[0].length]);
      }
      if (!parts.length) return;
      var frag = document.createDocumentFragment();
      parts.forEach(function (p) {
        frag.appendChild(document.createTextNode(text.slice(at, p[0])));
        var mark = document.createElement("mark");
        mark.className = "search-hit";
        mark.textContent = text.slice(p[0], p[1]);
        frag.appendChild(mark);
        marks.push(mark);
        at = p[1];
      });
      frag.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(frag, node);
    });
    if (!marks.length) return;
    var notice = document.createElement("p");
    notice.className = "search-notice";
    notice.setAttribute("role", "status");
    notice.textContent = marks.length + (marks.length === 1 ? " hit" : " hits") + " of \u201c" + wanted.join(" ") + "\u201d marked. ";
    var clear = document.createElement("button");
    clear.type = "button";
    clear.textContent = "Remove the marks";
    clear.addEventListener("click", function () {
      marks.forEach(function (mark) { mark.replaceWith(document.createTextNode(mark.textContent)); });
      notice.remove();
    });
    notice.appendChild(clear);
    main.insertBefore(notice, main.firstChild);
    if (!window.location.hash) {
      var visible = marks.filter(function (mark) { return mark.offsetParent !== null; })[0];
      if (visible) visible.scrollIntoView({ block: "center" });
    } else {
      var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (target) target.scrollIntoView({ block: "start" });
    }
  }

  /* Permalinks: a link after every paragraph and note of the text; choosing one shows (and copies) the
     passage's URL: the page's permalink (its canonical URL, else where it is read) and the passage's id. */
  function pageUrl() {
    var canonical = document.querySelector("link[rel=canonical]");
    return canonical ? canonical.href : window.location.href.split("#")[0].split("?")[0];
  }

  function showPassage(id) {
    var box = document.querySelector(".paragraph-link");
    var target = id && document.getElementById(id);
    if (!box || !target) return "";
    var url = pageUrl() + "#" + encodeURIComponent(id);
    var a = box.querySelector(".paragraph-url");
    if (!a) {
      a = document.createElement("a");
      a.className = "paragraph-url";
      box.appendChild(a);
    }
    a.href = url;
    a.textContent = url;
    box.hidden = false;
    return url;
  }

  function initPermalinks() {
    var blocks = document.querySelectorAll(
      "main .tei-text p[id], main .tei-text li[id], main .tei-text aside[id], main section.footnotes li[id]");
    Array.prototype.forEach.call(blocks, function (el, i) {
      var link = document.createElement("a");
      link.className = "permalink";
      link.href = "#" + encodeURIComponent(el.id);
      link.textContent = "\u00b6";
      link.setAttribute("aria-label", "Link to this passage (" + (i + 1) + ")");
      link.addEventListener("click", function () {
        var url = showPassage(el.id);
        link.dataset.copied = "";
        if (url && navigator.clipboard) {
          navigator.clipboard.writeText(url).then(function () { link.dataset.copied = "yes"; }, function () {});
        }
      });
      el.appendChild(document.createTextNode(" "));
      el.appendChild(link);
    });
    if (window.location.hash) showPassage(decodeURIComponent(window.location.hash.slice(1)));
    window.addEventListener("hashchange", function () {
      showPassage(decodeURIComponent(window.location.hash.slice(1)));
    });
  }

  /* Zoomable images ------------------------------------------------------------------------------ */
  function openViewer(tileSource, label) {
    var overlay = document.createElement("div");
    overlay.className = "image-viewer";
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-label", label || "Image");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "viewer-close";
    close.textContent = "Close";
    var canvas = document.createElement("div");
    canvas.className = "viewer-canvas";
    canvas.id = "teiedit-viewer";
    overlay.appendChild(close);
    overlay.appendChild(canvas);
    document.body.appendChild(overlay);
    var viewer = window.OpenSeadragon({
      element: canvas,
      prefixUrl: "js/vendor/openseadragon/images/",
      tileSources: tileSource,
      showNavigator: true
    });
    var done = function () {
      viewer.destroy();
      overlay.remove();
      document.removeEventListener("keydown", onKey);
    };
    var onKey = function (ev) { if (ev.key === "Escape") done(); };
    close.addEventListener("click", done);
    document.addEventListener("keydown", onKey);
    close.focus();
  }

  function initViewer() {
    if (!window.OpenSeadragon) return;
    Array.prototype.forEach.call(document.querySelectorAll("img.zoomable"), function (img) {
      img.tabIndex = 0;
      var open = function () { openViewer({ type: "image", url: img.src }, img.alt); };
      img.addEventListener("click", open);
      img.addEventListener("keydown", function (ev) { if (ev.key === "Enter") open(); });
    });
    Array.prototype.forEach.call(document.querySelectorAll("button.iiif-open"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { openViewer(button.dataset.iiif, "IIIF image"); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.documentElement.classList.add("js");
    initReadingTools();
    initPopups();
    initIndex();
    initHighlight();
    initPermalinks();
    initViewer();
  });
})();
