/* teiedit web edition: small progressive enhancements. Every page reads without this file.
 * - reading switch (corrected / as in the source) and name highlighting: body classes, remembered
 * - pop-ups for names (register description) and note markers (the note), on hover and keyboard focus
 * - index: sortable columns and filters by year, kind, person, place and organisation
 * - search page: full-text search over search-index.js
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

  /* Search -------------------------------------------------------------------------------------- */
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function snippet(text, terms) {
    var folded = fold(text);
    var at = folded.indexOf(terms[0]);
    var start = Math.max(0, at - 80);
    var piece = text.slice(start, start + 240);
    var frag = document.createDocumentFragment();
    if (start > 0) frag.appendChild(document.createTextNode("…"));
    // Highlight every term occurrence; folding keeps string length for the scripts we index (NFD then
    // dropping combining marks can shorten it, so positions are recomputed on the piece itself).
    var foldedPiece = fold(piece);
    if (foldedPiece.length !== piece.length) {
      frag.appendChild(document.createTextNode(piece));
    } else {
      var i = 0;
      while (i < piece.length) {
        var next = -1, len = 0;
        terms.forEach(function (t) {
          var k = foldedPiece.indexOf(t, i);
          if (k >= 0 && (next < 0 || k < next)) { next = k; len = t.length; }
        });
        if (next < 0) { frag.appendChild(document.createTextNode(piece.slice(i))); break; }
        if (next > i) frag.appendChild(document.createTextNode(piece.slice(i, next)));
        var mark = document.createElement("mark");
        mark.textContent = piece.slice(next, next + len);
        frag.appendChild(mark);
        i = next + len;
      }
    }
    if (start + 240 < text.length) frag.appendChild(document.createTextNode("…"));
    return frag;
  }

  function initSearch() {
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-q");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!form || !input || !list) return;
    var index = window.teieditSearchIndex;
    if (!index) { status.textContent = "The search index is missing."; return; }
    var folded = index.blocks.map(function (b) { return fold(b[2]); });

    function run(query) {
      list.textContent = "";
      var terms = fold(query).split(/\s+/).filter(Boolean);
      if (!terms.length) { status.textContent = ""; return; }
      var hits = [];
      folded.forEach(function (text, i) {
        if (terms.every(function (t) { return text.indexOf(t) >= 0; })) hits.push(i);
      });
      status.textContent = hits.length === 1 ? "1 passage found." : hits.length + " passages found.";
      hits.slice(0, 200).forEach(function (i) {
        var block = index.blocks[i];
        var doc = index.docs[block[0]];
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = doc[0] + (block[1] ? "#" + encodeURIComponent(block[1]) : "");
        a.textContent = doc[1];
        li.appendChild(a);
        if (doc[2]) {
          var date = document.createElement("span");
          date.className = "date";
          date.textContent = " (" + doc[2] + ")";
          li.appendChild(date);
        }
        var p = document.createElement("p");
        p.appendChild(snippet(block[2], terms));
        li.appendChild(p);
        list.appendChild(li);
      });
    }

    var params = new URLSearchParams(window.location.search);
    var q = params.get("q") || "";
    input.value = q;
    var site = document.getElementById("site-q");
    if (site) site.value = q;
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      try {
        var url = new URL(window.location.href);
        url.searchParams.set("q", input.value);
        window.history.replaceState(null, "", url.toString());
      } catch (e) { /* some file:// set-ups refuse; the results still show */ }
      run(input.value);
    });
    run(q);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.documentElement.classList.add("js");
    initReadingTools();
    initPopups();
    initIndex();
    initSearch();
  });
})();
