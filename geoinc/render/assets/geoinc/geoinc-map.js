/*
 * geoinc map runtime (part of geoinc, MIT licence).
 *
 * Draws an incident map from the JSON data block the Python side writes. Report text is
 * untrusted: it is only ever shown with textContent / DOM nodes, never parsed as HTML, and
 * links are made only for http(s) addresses.
 */
(function () {
  "use strict";
  var G = (window.geoinc = window.geoinc || {});
  var plugins = (G.plugins = G.plugins || {});
  var DAY = 86400000;

  function el(tag, cls, text, parent) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (parent) parent.appendChild(e);
    return e;
  }
  G.el = el;

  function httpUrl(u) {
    if (typeof u !== "string" || !u) return null;
    try {
      var p = new URL(u);
      return p.protocol === "http:" || p.protocol === "https:" ? p.href : null;
    } catch (e) {
      return null;
    }
  }
  G.httpUrl = httpUrl;

  function fmtDay(d) {
    if (d === null || d === undefined) return "";
    return new Date(d * DAY).toISOString().slice(0, 10);
  }
  G.fmtDay = fmtDay;

  function fmtInt(n) {
    return Number(n).toLocaleString("en-US");
  }

  /* fold a name for searching: case, Latin and Arabic diacritics, alef/ta marbuta/ya forms */
  function fold(s) {
    return String(s || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "")
      .toLowerCase()
      .replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627")
      .replace(/\u0629/g, "\u0647")
      .replace(/\u0649/g, "\u064a")
      .replace(/['\u2018\u2019\u02bf\u02be`\-]/g, "")
      .replace(/\s+/g, " ")
      .trim();
  }
  G.fold = fold;

  /* read the data block: plain JSON, or {"gzip": base64} inflated by the browser */
  G.readBlock = function (id) {
    var node = document.getElementById(id);
    var obj = JSON.parse(node.textContent);
    if (obj && typeof obj.gzip === "string") {
      var bin = atob(obj.gzip),
        n = bin.length,
        bytes = new Uint8Array(n);
      for (var i = 0; i < n; i++) bytes[i] = bin.charCodeAt(i);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).text().then(JSON.parse);
    }
    return Promise.resolve(obj);
  };

  /* ------------------------------------------------------------------ the app */
  function App(map, opts) {
    this.map = map;
    this.opts = opts || {};
    this.steps = [];
    this.bases = [];
    this.overlays = [];
    this.listeners = [];
    this.range = null; // [lo, hi] days, null = everything
    (G.apps = G.apps || []).push(this);
  }
  G.App = App;

  App.prototype.use = function (step) {
    this.steps.push(step);
    return this;
  };
  App.prototype.base = function (name, layer, show) {
    this.bases.push([name, layer, !!show]);
  };
  App.prototype.overlay = function (name, layer, show) {
    this.overlays.push([name, layer, !!show]);
  };
  App.prototype.onFilter = function (fn) {
    this.listeners.push(fn);
  };
  App.prototype.setRange = function (lo, hi, full) {
    this.range = full ? null : [lo, hi];
    for (var i = 0; i < this.listeners.length; i++) this.listeners[i](this);
  };
  /* whether incident i is in the time window (undated ones only when nothing is filtered) */
  App.prototype.visible = function (i) {
    if (!this.range) return true;
    var d = this.data.pts.d[i];
    return d !== null && d >= this.range[0] && d <= this.range[1];
  };
  App.prototype.str = function (k) {
    return this.data.strings[k] || "";
  };
  App.prototype.casualties = function (i) {
    var P = this.data.pts;
    return (P.k[i] || 0) + (P.i[i] || 0);
  };
  App.prototype.color = function (i) {
    return this.data.colors[this.data.pts.t[i]] || "#777";
  };

  var PRECISION = { 1: "town or exact place", 2: "near a place / within an area", 3: "governorate or region" };

  /* the popup of one incident, as DOM nodes (never HTML) */
  App.prototype.popup = function (i, back) {
    var app = this,
      P = this.data.pts,
      pl = this.data.places[P.pl[i]] || [0, 0, 0, 0];
    var box = el("div", "geoinc-popup");
    box.setAttribute("dir", "auto");
    if (back) {
      var b = el("a", "geoinc-back", "\u2190 all incidents here", box);
      b.href = "#";
      b.addEventListener("click", function (ev) {
        ev.preventDefault();
        back();
      });
    }
    var head = el("div", "geoinc-popup-head", null, box);
    var sw = el("span", "geoinc-swatch", null, head);
    sw.style.background = this.color(i);
    el("strong", null, this.data.types[P.t[i]] || "incident", head);
    var date = P.d[i] !== null ? fmtDay(P.d[i]) : "";
    if (date) el("span", "geoinc-date", " \u00b7 " + date, head);
    var tbl = el("table", null, null, box);
    function row(label, value, cls) {
      var tr = el("tr", null, null, tbl);
      el("th", null, label, tr);
      var td = el("td", cls || null, null, tr);
      if (value instanceof Node) td.appendChild(value);
      else td.textContent = value;
      return td;
    }
    var dt = this.str(P.dt[i]);
    row("Date", date ? (dt && dt !== date ? date + " (" + dt + ")" : date) : dt || "unknown");
    var n = function (v) {
      return v === null || v === undefined ? "unknown" : fmtInt(v);
    };
    row("Killed", n(P.k[i]));
    row("Injured", n(P.i[i]));
    row("Arrested", n(P.a[i]));
    var place = el("span");
    el("span", null, this.str(pl[1]) || "unknown", place);
    if (pl[2]) {
      place.appendChild(document.createTextNode(" / "));
      var ar = el("span", "geoinc-ar", this.str(pl[2]), place);
      ar.setAttribute("dir", "rtl");
      ar.setAttribute("lang", "ar");
    }
    row("Place", place);
    if (pl[3] || pl[0]) row("Kind", [this.str(pl[3]), this.str(pl[0])].filter(Boolean).join(" \u00b7 "));
    row("Precision", P.p[i] ? P.p[i] + " \u2013 " + (PRECISION[P.p[i]] || "") : "unknown");
    var src = this.str(P.s[i]),
      url = httpUrl(this.str(P.u[i]));
    if (src || url) {
      var s;
      if (url) {
        s = el("a", null, src || new URL(url).hostname);
        s.href = url;
        s.target = "_blank";
        s.rel = "noopener noreferrer nofollow";
      } else s = el("span", null, src);
      row("Source", s);
    }
    if (P.r[i]) row("Report", this.str(P.r[i]), "geoinc-id");
    if (P.id[i]) row("Incident", P.id[i], "geoinc-id");
    if (!P.x) el("div", "geoinc-more", "(the report's words are still loading)", box);
    else if (P.x[i]) {
      var q = el("blockquote", "geoinc-excerpt", P.x[i], box);
      q.setAttribute("dir", "auto");
    }
    return box;
  };

  /* a popup listing several incidents; each opens its own popup */
  App.prototype.listPopup = function (indices, total, popup) {
    var app = this;
    var box = el("div", "geoinc-popup geoinc-list");
    box.setAttribute("dir", "auto"); /* the summaries may be Arabic */
    el("div", "geoinc-popup-head", fmtInt(total) + " incidents here", box);
    var ul = el("ul", null, null, box);
    indices.slice(0, 200).forEach(function (i) {
      var li = el("li", null, null, ul);
      var sw = el("span", "geoinc-swatch", null, li);
      sw.style.background = app.color(i);
      var a = el("a", null, app.summary(i), li);
      a.href = "#";
      a.setAttribute("dir", "auto");
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        popup.setContent(
          app.popup(i, function () {
            popup.setContent(box);
          })
        );
      });
    });
    if (total > indices.length || indices.length > 200) el("div", "geoinc-more", "showing the first " + Math.min(200, indices.length) + "; zoom in or use the time slider", box);
    return box;
  };

  App.prototype.summary = function (i) {
    var P = this.data.pts,
      pl = this.data.places[P.pl[i]] || [0, 0, 0, 0];
    var bits = [P.d[i] !== null ? fmtDay(P.d[i]) : "undated", this.data.types[P.t[i]] || ""];
    if (P.k[i]) bits.push(P.k[i] + " killed");
    if (P.i[i]) bits.push(P.i[i] + " injured");
    if (P.a[i]) bits.push(P.a[i] + " arrested");
    var name = this.str(pl[1]);
    if (name) bits.push(name);
    return bits.join(" \u00b7 ");
  };

  App.prototype.start = function () {
    var app = this,
      t0 = performance.now();
    var done = G.readBlock(this.opts.data).then(function (data) {
      app.data = data;
      data.pts.x = null; // filled from the text block once the map is drawn
      app.tDecoded = performance.now() - t0;
      app.timings = [];
      for (var s = 0; s < app.steps.length; s++) {
        var ts = performance.now();
        app.steps[s](app);
        app.timings.push(Math.round(performance.now() - ts));
      }
      var bases = {},
        overlays = {};
      app.bases.forEach(function (b, k) {
        bases[b[0]] = b[1];
        if (b[2] || (k === 0 && !app.bases.some(function (x) { return x[2]; }))) b[1].addTo(app.map);
      });
      app.overlays.forEach(function (o) {
        overlays[o[0]] = o[1];
        if (o[2]) o[1].addTo(app.map);
      });
      L.control.layers(bases, overlays, { collapsed: app.opts.collapsed !== false, position: "topright" }).addTo(app.map);
      app.map.fire("geoinc:ready");
      var ms = performance.now() - t0;
      app.map.getContainer().setAttribute("data-geoinc-ready", ms.toFixed(1));
      return { ms: ms, decoded: app.tDecoded, drawn: data.meta.n_drawn, steps: app.timings };
    });
    done.catch(function (e) {
      app.map.getContainer().setAttribute("data-geoinc-error", String(e && e.message ? e.message : e));
      var box = el("div", "geoinc-error", "This map could not read its data: " + e);
      app.map.getContainer().appendChild(box);
    });
    window.geoincReady = done;
    window.geoincText = done.then(function () {
      return app.opts.text && document.getElementById(app.opts.text)
        ? G.readBlock(app.opts.text).then(function (t) {
            app.data.pts.x = t.x;
            return t.x.length;
          })
        : 0;
    });
    return done;
  };

  /* ------------------------------------------------------------------ basemap */
  plugins.basemap = function (o) {
    return function (app) {
      (o.tiles || []).forEach(function (t) {
        app.base(t.name, L.tileLayer(t.url, { attribution: t.attribution, maxZoom: t.maxZoom || 18, subdomains: t.subdomains || "abc" }), false);
      });
      var fc = app.data.basemap;
      if (fc) {
        var g = L.layerGroup();
        L.geoJSON(fc.admin1, {
          interactive: false,
          style: { color: "#8a8f98", weight: 1.2, fillColor: "#f4f1ea", fillOpacity: 1 },
        }).addTo(g);
        if (fc.admin2)
          L.geoJSON(fc.admin2, { interactive: false, style: { color: "#b9bcc2", weight: 0.5, fill: false } }).addTo(g);
        app.base(o.boundariesName || "Boundaries only (offline)", g, !!o.offline);
      }
      (o.attribution || []).forEach(function (a) {
        app.map.attributionControl.addAttribution(a);
      });
    };
  };

  /* ------------------------------------------------------------------ clustered points */
  plugins.points = function (o) {
    return function (app) {
      var map = app.map,
        P = app.data.pts,
        n = P.t.length;
      var layer = L.layerGroup(),
        renderer = L.canvas({ padding: 0.3 }),
        index = null;
      var maxZ = o.maxZoom || 17;
      function radius(i) {
        var c = app.casualties(i);
        return Math.min(18, 4 + 2.2 * Math.sqrt(c));
      }
      function build() {
        var feats = [];
        for (var i = 0; i < n; i++) {
          if (P.ar[i] >= 0 || P.lat[i] === null || !app.visible(i)) continue;
          feats.push({ type: "Feature", properties: { i: i }, geometry: { type: "Point", coordinates: [P.lon[i], P.lat[i]] } });
        }
        index = new Supercluster({
          radius: o.radius || 55,
          maxZoom: maxZ,
          map: function (p) {
            return { c: app.casualties(p.i) };
          },
          reduce: function (a, b) {
            a.c += b.c;
          },
        });
        index.load(feats);
        draw();
      }
      function clusterIcon(count) {
        var size = count < 10 ? 26 : count < 100 ? 32 : count < 1000 ? 38 : 46;
        var cls = count < 10 ? "s" : count < 100 ? "m" : count < 1000 ? "l" : "xl";
        var label = count < 10000 ? String(count) : Math.round(count / 1000) + "k";
        var div = el("div");
        el("span", null, label, div);
        return L.divIcon({ className: "geoinc-cluster geoinc-cluster-" + cls, html: div, iconSize: [size, size] });
      }
      function draw() {
        if (!index || !map.hasLayer(layer)) return;
        layer.clearLayers();
        var b = map.getBounds().pad(0.2),
          z = Math.round(map.getZoom());
        var items = index.getClusters([Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()), Math.min(180, b.getEast()), Math.min(85, b.getNorth())], z);
        for (var k = 0; k < items.length; k++) {
          (function (f) {
            var c = f.geometry.coordinates,
              ll = [c[1], c[0]],
              pr = f.properties;
            if (pr.cluster) {
              var m = L.marker(ll, { icon: clusterIcon(pr.point_count), keyboard: false });
              m.bindTooltip(fmtInt(pr.point_count) + " incidents" + (pr.c ? ", " + fmtInt(pr.c) + " killed or injured" : ""));
              m.on("click", function () {
                var ez = index.getClusterExpansionZoom(pr.cluster_id);
                if (ez <= maxZ && ez <= map.getMaxZoom()) map.setView(ll, ez);
                else {
                  var leaves = index.getLeaves(pr.cluster_id, 200).map(function (x) {
                    return x.properties.i;
                  });
                  var pop = L.popup({ maxWidth: 380, maxHeight: 320 }).setLatLng(ll);
                  pop.setContent(app.listPopup(leaves, pr.point_count, pop)).openOn(map);
                }
              });
              layer.addLayer(m);
            } else {
              var i = pr.i;
              var cm = L.circleMarker(ll, { renderer: renderer, radius: radius(i), color: "#222", weight: 0.8, fillColor: app.color(i), fillOpacity: 0.85 });
              cm.bindPopup(function () {
                return app.popup(i);
              }, { maxWidth: 380, maxHeight: 360 });
              cm.bindTooltip(function () {
                return el("span", null, app.summary(i));
              });
              layer.addLayer(cm);
            }
          })(items[k]);
        }
      }
      map.on("moveend", draw);
      layer.on("add", draw);
      app.onFilter(build);
      build();
      app.points = { layer: layer, index: function () { return index; } };
      app.overlay(o.name || "Incidents", layer, o.show !== false);
    };
  };

  /* ------------------------------------------------------------------ heat map */
  plugins.heat = function (o) {
    return function (app) {
      var P = app.data.pts,
        n = P.t.length,
        dirty = true;
      var layer = L.heatLayer([], { radius: o.radius || 16, blur: o.blur || 14, maxZoom: o.maxZoom || 11, minOpacity: 0.3 });
      function fill() {
        if (!app.map.hasLayer(layer)) {
          dirty = true;
          return;
        }
        var pts = [];
        for (var i = 0; i < n; i++) {
          if (P.ar[i] >= 0 || P.lat[i] === null || !app.visible(i)) continue;
          pts.push([P.lat[i], P.lon[i], 1]);
        }
        layer.setLatLngs(pts);
        dirty = false;
      }
      app.onFilter(fill);
      app.map.on("overlayadd", function (e) {
        if (e.layer === layer && dirty) fill();
      });
      app.overlay(o.name || "Heat map", layer, !!o.show);
      if (o.show) setTimeout(fill, 0);
    };
  };

  /* ------------------------------------------------------------------ areas */
  plugins.areas = function (o) {
    return function (app) {
      var P = app.data.pts,
        n = P.t.length,
        A = app.data.areas || [];
      var members = A.map(function () {
        return [];
      });
      for (var i = 0; i < n; i++) if (P.ar[i] >= 0) members[P.ar[i]].push(i);
      var group = L.featureGroup();
      var shapes = A.map(function (a, k) {
        var shape = L.geoJSON(a.geometry, { style: { color: "#5b3a8c", weight: 1.5, dashArray: "5 4", fillColor: "#8e6cc4", fillOpacity: 0.08 } });
        shape.bindTooltip(function () {
          var first = members[k][0],
            pl = app.data.places[P.pl[first]] || [0, 0, 0, 0];
          var t = el("div", null, null);
          el("strong", null, app.str(pl[1]) || a.pid, t);
          if (pl[2]) {
            t.appendChild(document.createTextNode(" / "));
            el("span", null, app.str(pl[2]), t).setAttribute("dir", "rtl");
          }
          el("div", null, shown(k).length + " incidents located only to this " + (a.kind || "area"), t);
          return t;
        }, { sticky: true });
        shape.on("click", function (e) {
          var idx = shown(k);
          var pop = L.popup({ maxWidth: 380, maxHeight: 320 }).setLatLng(e.latlng);
          pop.setContent(idx.length === 1 ? app.popup(idx[0]) : app.listPopup(idx, idx.length, pop)).openOn(app.map);
        });
        return shape;
      });
      function shown(k) {
        return members[k].filter(function (i) {
          return app.visible(i);
        });
      }
      function update() {
        shapes.forEach(function (s, k) {
          var on = shown(k).length > 0;
          if (on && !group.hasLayer(s)) group.addLayer(s);
          if (!on && group.hasLayer(s)) group.removeLayer(s);
        });
      }
      app.onFilter(update);
      update();
      app.overlay(o.name || "Incidents located to an area", group, o.show !== false);
    };
  };

  /* ------------------------------------------------------------------ choropleth */
  plugins.choropleth = function (o) {
    return function (app) {
      var levels = o.levels || [],
        legend = null,
        byLayer = [];
      function colorOf(v, breaks, palette) {
        if (!v) return null;
        for (var k = 0; k < breaks.length; k++) if (v <= breaks[k]) return palette[k];
        return palette[palette.length - 1];
      }
      levels.forEach(function (lv) {
        var fc = app.data.choropleth && app.data.choropleth[lv.key];
        if (!fc) return;
        var layer = L.geoJSON(fc, {
          style: function (f) {
            var c = colorOf(f.properties.incidents, lv.breaks, o.palette);
            return { color: "#555", weight: lv.weight || 0.6, fillColor: c || "#ffffff", fillOpacity: c ? 0.6 : 0.05 };
          },
          onEachFeature: function (f, l) {
            l.bindTooltip(function () {
              var p = f.properties,
                t = el("div", "geoinc-tip");
              el("strong", null, p.name || p.pcode, t);
              if (p.name_ar) {
                t.appendChild(document.createTextNode(" / "));
                el("span", null, p.name_ar, t).setAttribute("dir", "rtl");
              }
              el("div", null, fmtInt(p.incidents || 0) + " incidents", t);
              el("div", null, fmtInt(p.killed || 0) + " killed \u00b7 " + fmtInt(p.injured || 0) + " injured \u00b7 " + fmtInt(p.arrested || 0) + " arrested", t);
              el("div", "geoinc-id", p.pcode, t);
              return t;
            }, { sticky: true });
            l.on("mouseover", function () {
              l.setStyle({ weight: 2.5 });
            });
            l.on("mouseout", function () {
              layer.resetStyle(l);
            });
          },
        });
        byLayer.push([layer, lv]);
        app.overlay(lv.name, layer, !!lv.show);
      });
      var Legend = L.Control.extend({
        onAdd: function () {
          this.div = el("div", "geoinc-legend geoinc-choro-legend");
          L.DomEvent.disableClickPropagation(this.div);
          return this.div;
        },
        show: function (lv) {
          var d = this.div;
          d.textContent = "";
          el("div", "geoinc-legend-title", lv.title, d);
          var lo = 1;
          lv.breaks.forEach(function (b, k) {
            var r = el("div", "geoinc-legend-row", null, d);
            el("span", "geoinc-box", null, r).style.background = o.palette[k];
            el("span", null, lo === b ? fmtInt(b) : fmtInt(lo) + "\u2013" + fmtInt(b), r);
            lo = b + 1;
          });
          var r0 = el("div", "geoinc-legend-row", null, d);
          el("span", "geoinc-box geoinc-box-empty", null, r0);
          el("span", null, "none", r0);
          d.style.display = "";
        },
      });
      legend = new Legend({ position: "bottomright" });
      legend.addTo(app.map);
      legend.div.style.display = "none";
      function refresh() {
        var active = byLayer.filter(function (x) {
          return app.map.hasLayer(x[0]);
        });
        if (active.length) legend.show(active[active.length - 1][1]);
        else legend.div.style.display = "none";
      }
      app.map.on("overlayadd overlayremove", refresh);
      app.map.on("geoinc:ready", refresh);
    };
  };

  /* ------------------------------------------------------------------ legend of types */
  plugins.legend = function (o) {
    return function (app) {
      var P = app.data.pts,
        counts = app.data.types.map(function () {
          return 0;
        });
      for (var i = 0; i < P.t.length; i++) counts[P.t[i]]++;
      var C = L.Control.extend({
        onAdd: function () {
          var d = el("div", "geoinc-legend");
          L.DomEvent.disableClickPropagation(d);
          el("div", "geoinc-legend-title", o.title || "Incident type", d);
          app.data.types.forEach(function (t, k) {
            var r = el("div", "geoinc-legend-row", null, d);
            el("span", "geoinc-dot", null, r).style.background = app.data.colors[k];
            el("span", null, t + " (" + fmtInt(counts[k]) + ")", r);
          });
          var s = el("div", "geoinc-legend-note", "circle size: killed + injured", d);
          if ((app.data.areas || []).length) {
            var r = el("div", "geoinc-legend-row", null, d);
            el("span", "geoinc-box geoinc-box-area", null, r);
            el("span", null, "located only to an area", r);
          }
          return d;
        },
      });
      new C({ position: "bottomright" }).addTo(app.map);
    };
  };

  /* ------------------------------------------------------------------ title */
  plugins.title = function (o) {
    return function (app) {
      var m = app.data.meta;
      var d = el("div", "geoinc-title");
      L.DomEvent.disableClickPropagation(d);
      el("div", "geoinc-title-main", o.title, d);
      var period = m.day_min !== null ? fmtDay(m.day_min) + " \u2013 " + fmtDay(m.day_max) : "dates unknown";
      var bits = [period, fmtInt(m.n_total) + " incidents"];
      if (m.n_not_drawn) bits.push(fmtInt(m.n_not_drawn) + " not on the map (unlocated or whole-country)");
      if (m.n_undated) bits.push(fmtInt(m.n_undated) + " undated");
      el("div", "geoinc-title-sub", bits.join(" \u00b7 "), d);
      app.map.getContainer().appendChild(d);
    };
  };

  /* ------------------------------------------------------------------ time slider */
  plugins.time = function (o) {
    return function (app) {
      var m = app.data.meta;
      if (m.day_min === null || m.day_min === m.day_max) return;
      var lo = m.day_min,
        hi = m.day_max,
        timer = null;
      var C = L.Control.extend({
        onAdd: function () {
          var d = el("div", "geoinc-time");
          L.DomEvent.disableClickPropagation(d);
          L.DomEvent.disableScrollPropagation(d);
          var play = el("button", "geoinc-play", "\u25b6", d);
          play.type = "button";
          play.title = "play incidents through time";
          var range = el("input", null, null, d);
          range.type = "range";
          range.min = lo;
          range.max = hi;
          range.step = 1;
          range.value = hi;
          var win = el("select", null, null, d);
          [["0", "all up to"], ["7", "7 days to"], ["30", "30 days to"], ["365", "1 year to"]].forEach(function (x) {
            var op = el("option", null, x[1], win);
            op.value = x[0];
          });
          var label = el("div", "geoinc-time-label", null, d);
          function apply() {
            var end = +range.value,
              w = +win.value;
            var start = w ? end - w + 1 : lo;
            var full = end >= hi && !w;
            label.textContent = full ? "all dates (" + fmtDay(lo) + " \u2013 " + fmtDay(hi) + ")" : fmtDay(Math.max(lo, start)) + " \u2013 " + fmtDay(end);
            app.setRange(start, end, full);
          }
          function stop() {
            if (timer) clearInterval(timer);
            timer = null;
            play.textContent = "\u25b6";
          }
          play.addEventListener("click", function () {
            if (timer) return stop();
            if (+range.value >= hi) range.value = lo;
            var step = Math.max(1, Math.ceil((hi - lo) / (o.frames || 120)));
            play.textContent = "\u275a\u275a";
            timer = setInterval(function () {
              var v = Math.min(hi, +range.value + step);
              range.value = v;
              apply();
              if (v >= hi) stop();
            }, o.interval || 200);
          });
          range.addEventListener("input", apply);
          win.addEventListener("change", apply);
          label.textContent = "all dates (" + fmtDay(lo) + " \u2013 " + fmtDay(hi) + ")";
          return d;
        },
      });
      new C({ position: "bottomleft" }).addTo(app.map);
    };
  };

  /* ------------------------------------------------------------------ place search */
  plugins.search = function (o) {
    return function (app) {
      var items = (app.data.search || []).map(function (s) {
        return { name: s[0], ar: s[1], lat: s[2], lon: s[3], zoom: s[4], bbox: s[5], key: fold(s[0]) + " | " + fold(s[1]) };
      });
      var C = L.Control.extend({
        onAdd: function () {
          var d = el("div", "geoinc-search");
          L.DomEvent.disableClickPropagation(d);
          L.DomEvent.disableScrollPropagation(d);
          var input = el("input", null, null, d);
          input.type = "search";
          input.placeholder = o.placeholder || "Search place\u2026 / \u0627\u0628\u062d\u062b";
          input.setAttribute("dir", "auto");
          input.setAttribute("aria-label", "search place names");
          var list = el("ul", "geoinc-search-results", null, d);
          function go(it) {
            if (it.bbox) app.map.fitBounds([[it.bbox[1], it.bbox[0]], [it.bbox[3], it.bbox[2]]], { maxZoom: 12 });
            else app.map.setView([it.lat, it.lon], it.zoom || 12);
            list.textContent = "";
          }
          input.addEventListener("input", function () {
            list.textContent = "";
            var q = fold(input.value);
            if (q.length < 2) return;
            var starts = [],
              inside = [];
            for (var k = 0; k < items.length && starts.length < 10; k++) {
              var it = items[k],
                pos = it.key.indexOf(q);
              if (pos < 0) continue;
              if (pos === 0 || it.key.charAt(pos - 1) === " ") starts.push(it);
              else if (inside.length < 10) inside.push(it);
            }
            starts.concat(inside).slice(0, 10).forEach(function (it) {
              var li = el("li", null, null, list);
              var a = el("a", null, it.name + (it.ar ? " / " + it.ar : ""), li);
              a.href = "#";
              a.setAttribute("dir", "auto");
              a.addEventListener("click", function (ev) {
                ev.preventDefault();
                go(it);
              });
            });
          });
          input.addEventListener("keydown", function (ev) {
            if (ev.key === "Enter") {
              var a = list.querySelector("a");
              if (a) a.click();
            }
          });
          return d;
        },
      });
      new C({ position: "topleft" }).addTo(app.map);
    };
  };

  /* ------------------------------------------------------------------ standard controls */
  plugins.controls = function (o) {
    return function (app) {
      if (o.fullscreen && L.control.fullscreen) L.control.fullscreen({ position: "topleft", title: "Full screen", titleCancel: "Exit full screen" }).addTo(app.map);
      if (o.scale) L.control.scale({ imperial: false, position: "bottomleft" }).addTo(app.map);
      if (o.bounds) app.map.fitBounds([[o.bounds[1], o.bounds[0]], [o.bounds[3], o.bounds[2]]]);
    };
  };
})();
