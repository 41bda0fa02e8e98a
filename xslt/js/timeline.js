/* teiedit web edition: the timeline chart. Draws window.teieditTimeline (timeline-data.js: [date, label,
 * href, lane]) as an SVG: one lane per kind of document and one for the dates of the registers, on one
 * time axis. Zoom with the buttons, the mouse wheel or + and -, pan by dragging or with the arrow keys;
 * the dates in view are listed below the chart as links (the keyboard's way to them). */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var COLOURS = ["#0b5394", "#8a3b00", "#2e7d32", "#6a1b9a", "#b3261e", "#00695c", "#5d4037", "#37474f"];
  var LIST_MAX = 200;

  function time(date) {
    var m = /^(-?\d{4})(?:-(\d\d))?(?:-(\d\d))?/.exec(date);
    return m ? Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1) : NaN;
  }

  function el(name, attrs) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function ticks(from, to) {
    var years = (to - from) / 3.156e10, step, out = [];
    var start = new Date(from);
    if (years > 2) {
      step = years > 200 ? 50 : years > 60 ? 10 : years > 20 ? 5 : 1;
      for (var y = Math.ceil(start.getUTCFullYear() / step) * step; Date.UTC(y, 0, 1) <= to; y += step) {
        out.push([Date.UTC(y, 0, 1), String(y)]);
      }
    } else {
      var months = years > 1 ? 3 : 1;
      var d = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1);
      while (d <= to) {
        var dt = new Date(d);
        if (d >= from && dt.getUTCMonth() % months === 0) {
          out.push([d, dt.getUTCFullYear() + "-" + String(dt.getUTCMonth() + 1).padStart(2, "0")]);
        }
        d = Date.UTC(dt.getUTCFullYear(), dt.getUTCMonth() + 1, 1);
      }
    }
    return out;
  }

  function init() {
    var section = document.getElementById("timeline-chart");
    var data = window.teieditTimeline;
    if (!section || !data) return;
    var points = data.map(function (p) { return { t: time(p[0]), date: p[0], label: p[1], href: p[2], lane: p[3] }; })
      .filter(function (p) { return isFinite(p.t); });
    if (!points.length) return;
    section.hidden = false;
    var canvas = section.querySelector(".chart-canvas"), range = section.querySelector(".chart-range");
    var list = section.querySelector(".chart-selection");
    var lanes = [];
    points.forEach(function (p) { if (lanes.indexOf(p.lane) < 0) lanes.push(p.lane); });
    lanes.sort(function (a, b) { return (a === "register") - (b === "register") || a.localeCompare(b); });
    var min = points[0].t, max = points[0].t;
    points.forEach(function (p) { min = Math.min(min, p.t); max = Math.max(max, p.t); });
    var pad = Math.max(8.64e7 * 15, (max - min) * 0.03);
    var full = [min - pad, max + pad], view = full.slice();
    var LEFT = 110, ROW = 26, TOP = 10, height = TOP + lanes.length * ROW + 30;

    function draw() {
      var width = Math.max(320, canvas.clientWidth || 600);
      var x = function (t) { return LEFT + (t - view[0]) / (view[1] - view[0]) * (width - LEFT - 10); };
      var svg = el("svg", { width: width, height: height, "aria-hidden": "true" });
      lanes.forEach(function (lane, i) {
        var label = el("text", { x: 4, y: TOP + i * ROW + ROW / 2 + 4, "class": "lane-label" });
        label.textContent = lane === "register" ? "registers" : lane;
        svg.appendChild(label);
      });
      var axisY = TOP + lanes.length * ROW + 4;
      svg.appendChild(el("line", { x1: LEFT, x2: width - 10, y1: axisY, y2: axisY, "class": "axis" }));
      ticks(view[0], view[1]).forEach(function (t) {
        var g = el("g", { "class": "tick" }), tx = x(t[0]);
        g.appendChild(el("line", { x1: tx, x2: tx, y1: TOP, y2: axisY + 4, stroke: "#e0e0e0" }));
        var label = el("text", { x: tx, y: axisY + 18, "text-anchor": "middle" });
        label.textContent = t[1];
        g.appendChild(label);
        svg.appendChild(g);
      });
      var shown = points.filter(function (p) { return p.t >= view[0] && p.t <= view[1]; });
      shown.forEach(function (p) {
        var lane = lanes.indexOf(p.lane);
        // A picture, not controls: a mark opens its page on a click; the keyboard's way is the list below.
        var c = el("circle", { cx: x(p.t), cy: TOP + lane * ROW + ROW / 2, r: 5, "class": "point", fill: COLOURS[lane % COLOURS.length] });
        var title = el("title");
        title.textContent = p.date + ": " + p.label;
        c.appendChild(title);
        c.addEventListener("click", function () { if (!moved) window.location.href = p.href; });
        svg.appendChild(c);
      });
      canvas.textContent = "";
      canvas.appendChild(svg);
      range.textContent = new Date(view[0]).toISOString().slice(0, 10) + " \u2013 " +
        new Date(view[1]).toISOString().slice(0, 10) + ": " + shown.length + " of " + points.length + " dates";
      list.textContent = "";
      shown.slice(0, LIST_MAX).forEach(function (p) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = p.href;
        a.textContent = p.label;
        li.appendChild(document.createTextNode(p.date + " "));
        li.appendChild(a);
        li.appendChild(document.createTextNode(" (" + (p.lane === "register" ? "register" : p.lane) + ")"));
        list.appendChild(li);
      });
      if (shown.length > LIST_MAX) {
        var more = document.createElement("li");
        more.textContent = (shown.length - LIST_MAX) + " more: zoom in to list them";
        list.appendChild(more);
      }
    }

    function zoom(factor, at) {
      var span = view[1] - view[0], centre = at === undefined ? (view[0] + view[1]) / 2 : at;
      var next = Math.min(full[1] - full[0], Math.max(8.64e7 * 7, span * factor));
      var share = (centre - view[0]) / span;
      view = [centre - next * share, centre + next * (1 - share)];
      clamp();
      draw();
    }
    function pan(share) {
      var shift = (view[1] - view[0]) * share;
      view = [view[0] + shift, view[1] + shift];
      clamp();
      draw();
    }
    function clamp() {
      var span = view[1] - view[0];
      if (view[0] < full[0]) view = [full[0], full[0] + span];
      if (view[1] > full[1]) view = [full[1] - span, full[1]];
    }

    section.querySelectorAll("button[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () {
        var how = b.dataset.zoom;
        if (how === "reset") { view = full.slice(); draw(); } else zoom(how === "in" ? 0.5 : 2);
      });
    });
    canvas.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var box = canvas.getBoundingClientRect(), width = box.width - LEFT - 10;
      var at = view[0] + (ev.clientX - box.left - LEFT) / width * (view[1] - view[0]);
      zoom(ev.deltaY < 0 ? 0.8 : 1.25, at);
    }, { passive: false });
    var drag = null, moved = false;
    canvas.addEventListener("pointerdown", function (ev) { drag = ev.clientX; moved = false; });
    window.addEventListener("pointerup", function () { drag = null; });
    canvas.addEventListener("pointermove", function (ev) {
      if (drag === null) return;
      var width = canvas.clientWidth - LEFT - 10;
      if (Math.abs(drag - ev.clientX) > 2) moved = true;
      pan((drag - ev.clientX) / width);
      drag = ev.clientX;
    });
    canvas.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowLeft") pan(-0.2);
      else if (ev.key === "ArrowRight") pan(0.2);
      else if (ev.key === "+" || ev.key === "=") zoom(0.5);
      else if (ev.key === "-") zoom(2);
      else return;
      ev.preventDefault();
    });
    window.addEventListener("resize", draw);
    draw();
  }

  document.addEventListener("DOMContentLoaded", init);
})();
