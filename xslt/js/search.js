/* teiedit web edition: the search page. Reads the index that builders/search.py writes into search/:
 * meta.js first, then only the shards holding the query's terms and the fragments of the results shown.
 * Every file is a script calling teieditSearch.*, so the search works from file:// without a server.
 * Queries: words (all must occur), "a phrase", prefix*; names of the registers in any of their spellings
 * also find the pages naming that entry. Ranking: BM25 over the fields' weighted frequencies. Facets:
 * kind, year, person, place, organisation. Text from the edition is only inserted with textContent. */
(function () {
  "use strict";

  var loaded = {}, waiting = {}, meta = null, shards = {}, fragments = {}, postingsCache = {};
  var K1 = 1.2, B = 0.75, PAGE = 10, FIELD_BONUS = { t: 1, h: 1, x: 3, n: 2 };
  // A name the registers link is a surer sign than the same letters: its mentions weigh more, and a long
  // document naming a person often is not penalised for its length as much as for a word.
  var ENTITY_WEIGHT = 3, ENTITY_B = 0.25;

  function arrived(name) {
    loaded[name] = true;
    (waiting[name] || []).forEach(function (w) { w[0](); });
    delete waiting[name];
  }
  window.teieditSearch = {
    meta: function (m) { meta = m; arrived("meta"); },
    shard: function (k, data) { shards[k] = data; arrived("s" + k); },
    fragment: function (n, data) { fragments[n] = data; arrived("f" + n); }
  };

  function load(name) {
    return new Promise(function (resolve, reject) {
      if (loaded[name]) { resolve(); return; }
      var first = !waiting[name];
      (waiting[name] = waiting[name] || []).push([resolve, reject]);
      if (!first) return;
      var s = document.createElement("script");
      s.src = "search/" + name + ".js";
      s.onerror = function () {
        (waiting[name] || []).forEach(function (w) { w[1](new Error("missing " + name)); });
        delete waiting[name];
      };
      document.head.appendChild(s);
    });
  }

  /* Terms: as builders/search.py's fold and tokens. */
  function fold(s) { return s.normalize("NFKD").replace(/\p{M}/gu, "").normalize("NFC").toLowerCase(); }
  var APOSTROPHE = /(?<=[\p{L}\p{N}])['\u2019\u02bc\u2018`](?=[\p{L}\p{N}])/gu;
  var TOKEN = /[\p{L}\p{N}]+/gu;
  function tokens(s) { return fold(s).replace(APOSTROPHE, "").match(TOKEN) || []; }

  function b36list(s) { return s ? s.split(",").map(function (x) { return parseInt(x, 36); }) : []; }

  function shardOf(term) {
    var lo = 0, hi = meta.shards.length - 1, at = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (meta.shards[mid] <= term) { at = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return at;
  }

  function decode(text) {
    var out = new Map(), doc = 0;
    text.split(";").forEach(function (entry) {
      var parts = entry.split(".");
      doc += parseInt(parts[0], 36);
      var positions = [], p = 0;
      for (var i = 2; i < parts.length; i++) { p += parseInt(parts[i], 36); positions.push(p); }
      out.set(doc, { w: parseInt(parts[1], 36), pos: positions });
    });
    return out;
  }

  /* The postings of one term (an empty map when the index lacks it). */
  function postings(term) {
    if (postingsCache[term]) return Promise.resolve(postingsCache[term]);
    var k = shardOf(term);
    return load("s" + k).then(function () {
      var raw = shards[k][term];
      return (postingsCache[term] = raw ? decode(raw) : new Map());
    });
  }

  /* The terms of the index that start with a prefix (at most 64). */
  function expand(prefix) {
    var first = shardOf(prefix), last = shardOf(prefix + "\uffff"), wanted = [];
    for (var k = first; k <= last && k < first + 8; k++) wanted.push(load("s" + k));
    return Promise.all(wanted).then(function () {
      var found = [];
      for (var k = first; k <= last && k < first + 8; k++) {
        Object.keys(shards[k]).forEach(function (t) {
          if (t.lastIndexOf(prefix, 0) === 0 && found.length < 64) found.push(t);
        });
      }
      return found;
    });
  }

  function bm25(weight, df, doc, b) {
    var idf = Math.log(1 + (meta.pages - df + 0.5) / (df + 0.5));
    var dl = meta.lengthsList[doc] || 0;
    var boost = (meta.boostList[doc] || 100) / 100;
    var avg = boost < 1 ? meta.avgEntry : meta.avg;
    b = b === undefined ? B : b;
    return boost * idf * weight * (K1 + 1) / (weight + K1 * (1 - b + b * dl / avg));
  }

  /* Scores of a group of alternative terms: a page scores by its best alternative. */
  function scoreTerms(terms) {
    return Promise.all(terms.map(postings)).then(function (lists) {
      var scores = new Map();
      lists.forEach(function (list, i) {
        var entity = terms[i].charAt(0) === "@";
        list.forEach(function (p, doc) {
          var s = entity ? ENTITY_WEIGHT * bm25(p.w, list.size, doc, ENTITY_B) : bm25(p.w, list.size, doc);
          if (!scores.has(doc) || scores.get(doc) < s) scores.set(doc, s);
        });
      });
      return scores;
    });
  }

  /* Pages where the terms stand next to each other, in this order. */
  function scorePhrase(terms) {
    return Promise.all(terms.map(postings)).then(function (lists) {
      var hits = new Map();
      lists[0].forEach(function (p, doc) {
        if (!lists.every(function (l) { return l.has(doc); })) return;
        var sets = lists.map(function (l) { return new Set(l.get(doc).pos); });
        var n = 0;
        p.pos.forEach(function (start) {
          if (sets.every(function (set, i) { return set.has(start + i); })) n += 1;
        });
        if (n) hits.set(doc, n);
      });
      var scores = new Map();
      hits.forEach(function (n, doc) { scores.set(doc, bm25(n, hits.size, doc) * terms.length); });
      return scores;
    });
  }

  function best(maps) {
    var out = new Map();
    maps.forEach(function (m) {
      m.forEach(function (s, doc) { if (!out.has(doc) || out.get(doc) < s) out.set(doc, s); });
    });
    return out;
  }

  /* The query as clauses: each a list of words (what the page shows highlighted) and how it scores. */
  function parse(query, original) {
    var units = [], re = /"([^"]*)"|(\S+)/g, m;
    while ((m = re.exec(query))) {
      if (m[1] !== undefined) {
        var words = tokens(m[1]);
        if (words.length) units.push({ words: words, quoted: true });
      } else {
        var ws = tokens(m[2]);
        if (ws.length) units.push({ words: ws, prefix: /\*$/.test(m[2]) && ws.length === 1 });
      }
    }
    var clauses = [], i = 0;
    while (i < units.length) {
      var match = null;
      // The longest run of units that spells a register entry's name.
      for (var j = Math.min(units.length, i + 6); j > i && !match; j--) {
        var run = units.slice(i, j);
        if (run.some(function (u) { return u.prefix || (u.quoted && run.length > 1); })) continue;
        var key = [].concat.apply([], run.map(function (u) { return u.words; })).join(" ");
        if (Object.prototype.hasOwnProperty.call(meta.forms, key)) match = { end: j, key: key };
      }
      if (match) {
        clauses.push({ kind: "entity", words: match.key.split(" "), entries: meta.forms[match.key] });
        i = match.end;
        continue;
      }
      var u = units[i++];
      if (u.words.length > 1) clauses.push({ kind: "phrase", words: u.words });
      else clauses.push({ kind: u.prefix ? "prefix" : "term", words: u.words, original: original });
    }
    return clauses;
  }

  function scoreClause(c) {
    if (c.kind === "phrase") return scorePhrase(c.words);
    if (c.kind === "entity") {
      var ids = c.entries.map(function (e) { return "@" + meta.entries[e][0]; });
      var alt = [scoreTerms(ids)];
      alt.push(c.words.length > 1 ? scorePhrase(c.words) : scoreTerms(c.words));
      return Promise.all(alt).then(best).then(function (scores) {
        // The entry's own page comes first: it is what a name is a query for.
        c.entries.forEach(function (e) {
          var own = meta.entries[e][5];
          if (scores.has(own)) scores.set(own, scores.get(own) * 8);
        });
        return scores;
      });
    }
    var word = c.words[0];
    var terms = c.kind === "prefix" ? expand(word) : Promise.resolve([word]);
    return terms.then(function (ts) {
      if (c.original) ts = ts.concat(ts.map(function (t) { return "~" + t; }));
      return scoreTerms(ts);
    });
  }

  /* Pages allowed by the facets (null: all). */
  function facetFilter(f) {
    var checks = [];
    if (f.kind) {
      var k = meta.kinds.indexOf(f.kind);
      checks.push(Promise.resolve(function (doc) { return meta.kindList[doc] === k; }));
    }
    if (f.year) {
      var y = meta.years.indexOf(f.year) + 1;
      checks.push(Promise.resolve(function (doc) { return meta.yearList[doc] === y; }));
    }
    ["person", "place", "org"].forEach(function (key) {
      if (!f[key]) return;
      checks.push(postings("@" + f[key]).then(function (list) { return function (doc) { return list.has(doc); }; }));
    });
    return Promise.all(checks).then(function (fs) {
      return fs.length ? function (doc) { return fs.every(function (fn) { return fn(doc); }); } : null;
    });
  }

  function search(query, f) {
    var clauses = parse(query, f.original);
    return Promise.all([Promise.all(clauses.map(scoreClause)), facetFilter(f)]).then(function (r) {
      var maps = r[0], allow = r[1], results = [];
      if (!maps.length) {
        if (!allow) return { clauses: clauses, results: [] };
        for (var d = 0; d < meta.pages; d++) if (allow(d)) results.push([d, 0]);
        return { clauses: clauses, results: results };
      }
      maps[0].forEach(function (s, doc) {
        if (allow && !allow(doc)) return;
        var total = s;
        for (var i = 1; i < maps.length; i++) {
          if (!maps[i].has(doc)) return;
          total += maps[i].get(doc);
        }
        results.push([doc, total]);
      });
      results.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return { clauses: clauses, results: results };
    });
  }

  /* Highlighting: marks the words of the query in a text (folded per character, so that positions in
     the folded text map back to the original). */
  function matcher(clauses) {
    var exact = new Set(), prefixes = [];
    clauses.forEach(function (c) {
      c.words.forEach(function (w) { if (c.kind === "prefix") prefixes.push(w); else exact.add(w); });
    });
    return function (word) {
      return exact.has(word) || prefixes.some(function (p) { return word.lastIndexOf(p, 0) === 0; });
    };
  }

  function wordsOf(text) {
    var out = [], re = /[\p{L}\p{N}]+(?:['\u2019\u02bc\u2018`][\p{L}\p{N}]+)*/gu, m;
    while ((m = re.exec(text))) out.push({ start: m.index, end: m.index + m[0].length, term: tokens(m[0]).join("") });
    return out;
  }

  function snippet(text, isHit) {
    var words = wordsOf(text), hits = words.filter(function (w) { return isHit(w.term); });
    var first = hits.length ? hits[0].start : 0;
    var start = Math.max(0, first - 90), end = Math.min(text.length, start + 260);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var frag = document.createDocumentFragment(), at = start;
    if (start > 0) frag.appendChild(document.createTextNode("\u2026"));
    hits.forEach(function (w) {
      if (w.start < start || w.end > end) return;
      frag.appendChild(document.createTextNode(text.slice(at, w.start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(w.start, w.end);
      frag.appendChild(mark);
      at = w.end;
    });
    frag.appendChild(document.createTextNode(text.slice(at, end)));
    if (end < text.length) frag.appendChild(document.createTextNode("\u2026"));
    return frag;
  }

  function bestBlock(fragment, isHit, original) {
    var top = null, topScore = -1;
    fragment.b.forEach(function (b) {
      var text = original && b[3] ? b[2] + " " + b[3] : b[2];
      var n = wordsOf(text).filter(function (w) { return isHit(w.term); }).length;
      var score = n * (FIELD_BONUS[b[1]] || 1);
      if (n && score > topScore) { top = b; topScore = score; }
    });
    return top || fragment.b[Math.min(2, fragment.b.length - 1)];
  }

  function initSearch() {
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-q");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var more = document.getElementById("search-more");
    if (!form || !input || !list) return;
    var facets = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
    var original = document.getElementById("search-original");
    var current = null, shown = 0, token = 0;

    function fillFacets() {
      facets.forEach(function (select) {
        var key = select.dataset.facet, options = [];
        if (key === "kind") options = meta.kinds.map(function (k) { return [k, k]; });
        else if (key === "year") options = meta.years.map(function (y) { return [y, y]; });
        else {
          var register = { person: "persons", place: "places", org: "orgs" }[key];
          options = meta.entries.filter(function (e) { return e[2] === register && e[4] > 0; })
            .map(function (e) { return [e[0], e[1] + " (" + e[4] + ")"]; })
            .sort(function (a, b) { return a[1].localeCompare(b[1]); });
        }
        options.forEach(function (o) {
          var opt = document.createElement("option");
          opt.value = o[0];
          opt.textContent = o[1];
          select.appendChild(opt);
        });
      });
    }

    function state() {
      var f = { original: original && original.checked };
      facets.forEach(function (s) { f[s.dataset.facet] = s.value; });
      return f;
    }

    function showMore() {
      var slice = current.results.slice(shown, shown + PAGE), isHit = matcher(current.clauses);
      var mine = token;
      shown += slice.length;
      more.hidden = shown >= current.results.length;
      return Promise.all(slice.map(function (r) { return load("f" + r[0]); })).then(function () {
        if (mine !== token) return;
        slice.forEach(function (r) {
          var f = fragments[r[0]], block = bestBlock(f, isHit, current.original);
          var li = document.createElement("li"), a = document.createElement("a");
          var words = current.clauses.map(function (c) { return c.words.join(" ") + (c.kind === "prefix" ? "*" : ""); });
          a.href = f.h + (words.length ? "?hl=" + encodeURIComponent(words.join(" ")) : "") + (block && block[0] ? "#" + encodeURIComponent(block[0]) : "");
          a.textContent = f.t;
          li.appendChild(a);
          var info = document.createElement("span");
          info.className = "result-info";
          info.textContent = " " + [f.d, f.k].filter(Boolean).join(" \u00b7 ");
          li.appendChild(info);
          if (block && current.clauses.length) {
            var p = document.createElement("p");
            p.className = "snippet";
            var text = current.original && block[3] && !wordsOf(block[2]).some(function (w) { return isHit(w.term); }) ? block[3] : block[2];
            p.appendChild(snippet(text, isHit));
            li.appendChild(p);
          }
          list.appendChild(li);
        });
      });
    }

    function run(query) {
      token += 1;
      var mine = token, f = state();
      list.textContent = "";
      more.hidden = true;
      shown = 0;
      if (!tokens(query).length && !["kind", "year", "person", "place", "org"].some(function (k) { return f[k]; })) {
        status.textContent = "";
        return Promise.resolve();
      }
      status.textContent = "Searching\u2026";
      var started = performance.now();
      return search(query, f).then(function (r) {
        if (mine !== token) return;
        current = { clauses: r.clauses, results: r.results, original: f.original };
        var n = r.results.length;
        status.textContent = (n === 1 ? "1 page found." : n + " pages found.");
        return showMore().then(function () {
          document.body.dataset.searchMs = String(Math.round(performance.now() - started));
        });
      }).catch(function () { status.textContent = "The search index could not be read."; });
    }

    function remember() {
      try {
        var url = new URL(window.location.href), f = state();
        url.search = "";
        if (input.value) url.searchParams.set("q", input.value);
        facets.forEach(function (s) { if (s.value) url.searchParams.set(s.dataset.facet, s.value); });
        if (f.original) url.searchParams.set("original", "1");
        window.history.replaceState(null, "", url.toString());
      } catch (e) { /* some file:// set-ups refuse; the results still show */ }
    }

    load("meta").then(function () {
      meta.lengthsList = b36list(meta.lengths);
      meta.kindList = b36list(meta.kind);
      meta.yearList = b36list(meta.year);
      meta.boostList = b36list(meta.boost);
      fillFacets();
      var params = new URLSearchParams(window.location.search);
      input.value = params.get("q") || "";
      var site = document.getElementById("site-q");
      if (site) site.value = input.value;
      facets.forEach(function (s) { s.value = params.get(s.dataset.facet) || ""; });
      if (original) original.checked = params.get("original") === "1";
      var go = function (ev) { if (ev) ev.preventDefault(); remember(); run(input.value); };
      form.addEventListener("submit", go);
      facets.forEach(function (s) { s.addEventListener("change", function () { go(); }); });
      if (original) original.addEventListener("change", function () { go(); });
      more.addEventListener("click", function () { showMore(); });
      run(input.value);
    }, function () { status.textContent = "The search index is missing."; });
  }

  document.addEventListener("DOMContentLoaded", initSearch);
})();
