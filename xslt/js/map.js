/* teiedit web edition: maps of places. The figure holds the places as a list (name, coordinates, link to
 * the place's page), which reads without scripts. This script draws the map above the list:
 * - with Leaflet (vendor/leaflet, when the site ships it): pan and zoom over the world's coastline
 *   (js/world.js, no network needed), the places as markers; a button adds OpenStreetMap's base tiles,
 *   which load only when the reader is online and asks for them;
 * - without Leaflet: a still picture (SVG) of the coastline and the places around them.
 * Text from the edition is only inserted with textContent. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

  function placesOf(figure) {
    return Array.prototype.map.call(figure.querySelectorAll(".map-points li[data-lat]"), function (li) {
      var a = li.querySelector("a");
      return { lat: parseFloat(li.dataset.lat), lon: parseFloat(li.dataset.lon), name: a.textContent, href: a.getAttribute("href") };
    }).filter(function (p) { return isFinite(p.lat) && isFinite(p.lon); });
  }

  function bounds(places) {
    var lats = places.map(function (p) { return p.lat; }), lons = places.map(function (p) { return p.lon; });
    var b = { s: Math.min.apply(null, lats), n: Math.max.apply(null, lats), w: Math.min.apply(null, lons), e: Math.max.apply(null, lons) };
    var padLon = Math.max(8, (b.e - b.w) * 0.15), padLat = Math.max(5, (b.n - b.s) * 0.15);
    return { s: Math.max(-85, b.s - padLat), n: Math.min(85, b.n + padLat), w: Math.max(-180, b.w - padLon), e: Math.min(180, b.e + padLon) };
  }

  function el(name, attrs) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  /* A still map: equirectangular, x = longitude, y = -latitude. */
  function drawSvg(canvas, places) {
    var b = bounds(places);
    var svg = el("svg", { viewBox: [b.w, -b.n, b.e - b.w, b.n - b.s].join(" "), preserveAspectRatio: "xMidYMid meet", "aria-hidden": "true" });
    var scale = (b.e - b.w) / 600;
    (window.teieditWorld || []).forEach(function (ring) {
      var d = "";
      for (var i = 0; i < ring.length; i += 2) d += (i ? "L" : "M") + ring[i] + " " + (-ring[i + 1]);
      svg.appendChild(el("path", { d: d + "Z", "class": "land", "stroke-width": String(scale) }));
    });
    var step = b.e - b.w > 90 ? 30 : 10, lines = "";
    for (var lon = Math.ceil(b.w / step) * step; lon <= b.e; lon += step) lines += "M" + lon + " " + (-b.n) + "V" + (-b.s);
    for (var lat = Math.ceil(b.s / step) * step; lat <= b.n; lat += step) lines += "M" + b.w + " " + (-lat) + "H" + b.e;
    svg.appendChild(el("path", { d: lines, "class": "graticule", "stroke-width": String(scale) }));
    places.forEach(function (p) {
      var g = el("g", { "class": "place", "data-name": p.name });
      g.appendChild(el("circle", { cx: p.lon, cy: -p.lat, r: String(5 * scale), "class": "marker", "stroke-width": String(scale) }));
      var label = el("text", { x: p.lon + 7 * scale, y: -p.lat + 4 * scale, "class": "marker-label", style: "font-size:" + 11 * scale + "px;stroke-width:" + 3 * scale + "px" });
      label.textContent = p.name;
      g.appendChild(label);
      svg.appendChild(g);
    });
    canvas.appendChild(svg);
    canvas.dataset.view = "still";
  }

  function drawLeaflet(canvas, places) {
    var L = window.L;
    // Leaflet's controls are inside: the canvas is a region of the page, no longer a picture.
    canvas.setAttribute("role", "region");
    var map = L.map(canvas, { worldCopyJump: true, attributionControl: true });
    if (window.teieditWorld) {
      var rings = window.teieditWorld.map(function (ring) {
        var out = [];
        for (var i = 0; i < ring.length; i += 2) out.push([ring[i + 1], ring[i]]);
        return [out];
      });
      // Each ring a polygon of its own (given as one polygon, every ring after the first is a hole).
      L.polygon(rings, { className: "land", color: "#8a9a80", weight: 1, fillColor: "#dfe6d6", fillOpacity: 1, interactive: false }).addTo(map);
    }
    places.forEach(function (p) {
      var marker = L.circleMarker([p.lat, p.lon], { radius: 7, color: "#fff", weight: 1, fillColor: "#b3261e", fillOpacity: 1 });
      var link = document.createElement("a");
      link.href = p.href;
      link.textContent = p.name;
      marker.bindPopup(link).bindTooltip(p.name).addTo(map);
    });
    var b = bounds(places);
    map.fitBounds([[b.s, b.w], [b.n, b.e]], { maxZoom: 6 });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    map.attributionControl.addAttribution("Coastline: Natural Earth");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "map-tiles";
    button.textContent = "Show the base map (OpenStreetMap; needs a connection)";
    var tiles = null;
    button.addEventListener("click", function () {
      if (tiles) { map.removeLayer(tiles); tiles = null; button.textContent = "Show the base map (OpenStreetMap; needs a connection)"; return; }
      tiles = L.tileLayer(TILES, { maxZoom: 18, attribution: "\u00a9 OpenStreetMap contributors" }).addTo(map);
      button.textContent = "Hide the base map";
    });
    canvas.parentNode.insertBefore(button, canvas.nextSibling);
    canvas.dataset.view = "leaflet";
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("figure.map"), function (figure) {
      var canvas = figure.querySelector(".map-canvas"), places = placesOf(figure);
      if (!canvas || !places.length) return;
      canvas.hidden = false;
      if (window.L && window.L.map) drawLeaflet(canvas, places); else drawSvg(canvas, places);
    });
  }

  document.addEventListener("DOMContentLoaded", init);
})();
