// The page of `readout serve`: a dyad view, an event table with its evidence, a map and a
// "code this text" form, over the JSON API under /api/. News text is only ever written with
// textContent (never as markup), and the server's Content-Security-Policy allows no other
// script than this one.
"use strict";

const QUADS = ["", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
const SVG = "http://www.w3.org/2000/svg";

const $ = (id) => document.getElementById(id);

/// An element with attributes and children (strings become text nodes).
function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.setAttribute("class", v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

function showError(e) {
  const box = $("error");
  if (!e) { box.hidden = true; box.textContent = ""; return; }
  box.textContent = e.message || String(e);
  box.hidden = false;
}

// ---- views ---------------------------------------------------------------------------------

const views = ["dyad", "events", "map", "code"];

function route() {
  const name = views.includes(location.hash.slice(1)) ? location.hash.slice(1) : "dyad";
  for (const v of views) {
    $(`view-${v}`).hidden = v !== name;
    $(`nav-${v}`).classList.toggle("active", v === name);
  }
  $("filters").hidden = !(name === "events" || name === "map");
  showError(null);
  if (name === "events") loadEvents();
  if (name === "map") loadMap();
}

// ---- actor search --------------------------------------------------------------------------

let actorTimer = null;
function searchActors(event) {
  const q = event.target.value.trim();
  clearTimeout(actorTimer);
  if (q.length < 2) return;
  actorTimer = setTimeout(async () => {
    try {
      const { actors } = await api(`/api/actors?q=${encodeURIComponent(q)}&n=12`);
      $("actor-list").replaceChildren(...actors.map((a) => el("option", { value: a.code }, a.name ? `${a.name}` : a.code)));
    } catch (e) { /* the box still takes a typed code */ }
  }, 150);
}

// ---- dyad ----------------------------------------------------------------------------------

/// The last day of a period that starts on `start` (YYYY-MM-DD or YYYY-MM).
function periodRange(period, by) {
  if (by === "month") {
    const [y, m] = period.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${period}-01`, `${period}-${String(last).padStart(2, "0")}`];
  }
  if (by === "week") {
    const d = new Date(period + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + 6);
    return [period, d.toISOString().slice(0, 10)];
  }
  return [period, period];
}

async function drawDyad(e) {
  if (e) e.preventDefault();
  const a = $("dyad-a").value.trim().toUpperCase();
  const b = $("dyad-b").value.trim().toUpperCase();
  const by = $("dyad-by").value;
  if (!a || !b) return;
  showError(null);
  await latest($("dyad-charts"), async () => {
    const data = await api(`/api/dyad?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&by=${by}`);
    return () => renderDyad(data);
  });
}

function renderDyad(data) {
  const periods = [...new Set(data.series.map((r) => r.period))].sort();
  const box = $("dyad-charts");
  box.replaceChildren();
  if (!periods.length) {
    box.append(el("p", { class: "hint", id: "dyad-empty" }, `No dated events between ${data.a} and ${data.b}.`));
    return;
  }
  box.append(el("p", { class: "legend" }, [1, 2, 3, 4].map((q) => el("span", { class: `quad${q}` }, `\u25CF ${q} ${QUADS[q]}`))));
  for (const [direction, from, to] of [["a_to_b", data.a, data.b], ["b_to_a", data.b, data.a]]) {
    const rows = new Map(data.series.filter((r) => r.direction === direction).map((r) => [r.period, r]));
    const counts = [1, 2, 3, 4].map((q) => periods.map((p) => (rows.get(p) ? rows.get(p).quad[q - 1] : 0)));
    const goldstein = periods.map((p) => (rows.get(p) ? rows.get(p).goldstein_sum : 0));
    const onPoint = (i, quad) => {
      const [start, end] = periodRange(periods[i], data.by);
      openEvents({ source: from, target: to, quad: quad || "", from: start, to: end });
    };
    box.append(chart({
      title: `${from} \u2192 ${to}: events per ${data.by}, by quad class`,
      direction, periods, lines: counts.map((values, i) => ({ values, quad: i + 1 })), onPoint,
    }));
    box.append(chart({
      title: `${from} \u2192 ${to}: Goldstein sum per ${data.by}`,
      direction: `${direction}-goldstein`, periods, lines: [{ values: goldstein, quad: 0 }], onPoint, signed: true,
    }));
  }
}

/// A line chart in SVG: one polyline per line and a circle per value (class "point").
function chart({ title, direction, periods, lines, onPoint, signed }) {
  const W = 900, H = 200, L = 48, R = 12, T = 24, B = 28;
  const all = lines.flatMap((l) => l.values);
  let max = Math.max(1, ...all), min = signed ? Math.min(0, ...all) : 0;
  if (signed && max === 1 && all.every((v) => v <= 0)) max = 0;
  if (max === min) max = min + 1;
  const x = (i) => L + (periods.length === 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (periods.length - 1));
  const y = (v) => T + ((max - v) * (H - T - B)) / (max - min);
  const svg = el("svg:svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, width: "100%", "data-direction": direction });
  svg.append(el("svg:text", { x: L, y: 15, class: "title" }, title));
  svg.append(el("svg:line", { x1: L, x2: W - R, y1: y(min), y2: y(min), class: "axis" }));
  if (min < 0) svg.append(el("svg:line", { x1: L, x2: W - R, y1: y(0), y2: y(0), class: "axis" }));
  svg.append(el("svg:text", { x: L - 6, y: y(max) + 4, "text-anchor": "end" }, formatNumber(max)));
  svg.append(el("svg:text", { x: L - 6, y: y(min) + 4, "text-anchor": "end" }, formatNumber(min)));
  svg.append(el("svg:text", { x: L, y: H - 8 }, periods[0]));
  if (periods.length > 1) svg.append(el("svg:text", { x: W - R, y: H - 8, "text-anchor": "end" }, periods[periods.length - 1]));
  for (const line of lines) {
    const colour = line.quad ? `var(--q${line.quad})` : "#455a64";
    const points = line.values.map((v, i) => `${x(i)},${y(v)}`).join(" ");
    svg.append(el("svg:polyline", { points, class: "series", stroke: colour }));
    line.values.forEach((v, i) => {
      const dot = el("svg:circle", {
        cx: x(i), cy: y(v), r: 3.2, fill: colour, class: "point",
        "data-period": periods[i], "data-quad": line.quad || null, "data-value": v,
        onclick: () => onPoint(i, line.quad),
      });
      dot.append(el("svg:title", {}, `${periods[i]}: ${formatNumber(v)}${line.quad ? " " + QUADS[line.quad] : " Goldstein"}`));
      svg.append(dot);
    });
  }
  return svg;
}

function formatNumber(v) {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

// ---- event table and evidence --------------------------------------------------------------

const table = { offset: 0, limit: 50, order: "newest", more: false };

function filterParams() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($("filter-form"))) {
    if (String(v).trim()) params.set(k, String(v).trim());
  }
  return params;
}

function openEvents(values) {
  const form = $("filter-form");
  form.reset();
  for (const [k, v] of Object.entries(values)) form.elements[k].value = v;
  table.offset = 0;
  if (location.hash === "#events") loadEvents();
  else location.hash = "#events";
}

/// Runs `load` for `element`, marking it busy (aria-busy) until the latest load is done; an
/// answer that arrives after a newer request was made is dropped, so a slow first answer
/// never overwrites a later one.
const loads = new Map();
async function latest(element, load) {
  const seq = (loads.get(element) || 0) + 1;
  loads.set(element, seq);
  element.setAttribute("aria-busy", "true");
  try {
    const apply = await load();
    if (loads.get(element) === seq) apply();
  } catch (err) {
    if (loads.get(element) === seq) showError(err);
  } finally {
    if (loads.get(element) === seq) element.setAttribute("aria-busy", "false");
  }
}

function loadEvents() {
  const params = filterParams();
  params.set("limit", table.limit);
  params.set("offset", table.offset);
  params.set("order", table.order);
  $("evidence").hidden = true;
  return latest($("events-table"), async () => {
    const page = await api(`/api/events?${params}`);
    return () => {
      table.more = page.more;
      renderEvents(page.events);
    };
  });
}

function side(code, name) {
  if (!code) return el("td", {}, "\u2014");
  return el("td", {}, el("span", { class: "code" }, code), name ? el("div", { class: "meta" }, name) : null);
}

function renderEvents(events) {
  const body = $("events-table").tBodies[0];
  body.replaceChildren(...events.map((e) => el("tr", { "data-id": e.id, onclick: (ev) => openEvidence(e.id, ev.currentTarget) },
    el("td", {}, e.date || "undated"),
    side(e.source, e.source_name),
    el("td", { class: `quad${e.quad_class}` }, el("span", { class: "code" }, e.code), " ", e.code_name || "",
      e.negated ? el("span", { class: "meta" }, " (negated)") : null,
      e.modality !== "asserted" ? el("span", { class: "meta" }, ` (${e.modality})`) : null),
    side(e.target, e.target_name),
    el("td", {}, e.place || ""),
    el("td", {}, String(e.num_mentions)),
    el("td", {}, e.goldstein === null ? "" : formatNumber(e.goldstein)),
  )));
  if (!events.length) body.append(el("tr", {}, el("td", { colspan: 7, class: "hint" }, "No events match.")));
  const first = events.length ? table.offset + 1 : 0;
  $("page-info").textContent = `events ${first}\u2013${table.offset + events.length}`;
  $("page-prev").disabled = table.offset === 0;
  $("page-next").disabled = !table.more;
  for (const th of document.querySelectorAll("th.sortable")) {
    const on = th.dataset.order === table.order || th.dataset.reverse === table.order;
    th.classList.toggle("sorted", on);
    th.classList.toggle("reverse", on && th.dataset.reverse === table.order);
  }
}

/// The sentence with the source, target and trigger words marked (first occurrence of each,
/// overlaps dropped), as text nodes and <mark> elements.
function marked(sentence, marks) {
  const spans = [];
  for (const [cls, words] of marks) {
    if (!words) continue;
    const at = sentence.indexOf(words);
    if (at < 0) continue;
    const span = { start: at, end: at + words.length, cls };
    if (!spans.some((s) => span.start < s.end && s.start < span.end)) spans.push(span);
  }
  spans.sort((a, b) => a.start - b.start);
  const out = [];
  let pos = 0;
  for (const s of spans) {
    out.push(sentence.slice(pos, s.start));
    out.push(el("mark", { class: s.cls }, sentence.slice(s.start, s.end)));
    pos = s.end;
  }
  out.push(sentence.slice(pos));
  return out;
}

async function openEvidence(id, row) {
  for (const r of document.querySelectorAll("tbody tr.open")) r.classList.remove("open");
  if (row) row.classList.add("open");
  try {
    const { event: e, mentions } = await api(`/api/events/${encodeURIComponent(id)}`);
    const box = $("evidence");
    box.replaceChildren(
      el("h2", {}, `${e.source} `, el("span", { class: `quad${e.quad_class}` }, `${e.code} ${e.code_name || ""}`), e.target ? ` ${e.target}` : ""),
      el("p", { class: "meta" }, `${e.date || "undated"} \u00b7 ${e.place || "no place"} \u00b7 ${e.num_mentions} report(s) in ${e.num_articles} article(s) from ${e.num_sources} outlet(s) \u00b7 Goldstein ${e.goldstein}`),
      el("p", { class: "flags" },
        el("span", {}, e.negated ? "negated: the report says it did not happen" : "not negated"),
        el("span", {}, `modality: ${e.modality}`)),
      ...mentions.map((m) => el("div", { class: "mention" },
        el("p", { class: "sentence" }, marked(m.evidence, [["trigger", m.trigger], ["source", m.source_text], ["target", m.target_text]])),
        el("p", { class: "meta" },
          m.url && /^https?:\/\//i.test(m.url) ? el("a", { href: m.url, rel: "noopener noreferrer", target: "_blank" }, m.title || m.url) : (m.title || m.doc_id),
          ` \u00b7 ${m.outlet}`, m.published ? ` \u00b7 ${m.published}` : "",
          m.attribution ? ` \u00b7 according to ${m.attribution}` : ""),
      )),
    );
    box.hidden = false;
    box.scrollIntoView({ block: "nearest" });
  } catch (err) { showError(err); }
}

// ---- map -----------------------------------------------------------------------------------

let world = null;

/// Equirectangular projection onto the 960 x 480 view box.
const project = ([lon, lat]) => [((lon + 180) / 360) * 960, ((90 - lat) / 180) * 480];

function ringPath(ring) {
  return ring.map((p, i) => (i ? "L" : "M") + project(p).map((v) => v.toFixed(1)).join(",")).join("") + "Z";
}

function loadMap() {
  const svg = $("map");
  return latest(svg, async () => {
    if (!world) {
      const topology = await (await fetch("/vendor/countries-110m.json")).json();
      const land = topojson.feature(topology, topology.objects.countries);
      world = land.features.map((f) => {
        const g = f.geometry;
        if (!g) return "";
        const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
        return polygons.map((poly) => poly.map(ringPath).join("")).join("");
      });
    }
    const params = filterParams();
    const { places } = await api(`/api/places?${params}`);
    const max = Math.max(1, ...places.map((p) => p.events));
    return () => renderMap(svg, params, places, max);
  });
}

function renderMap(svg, params, places, max) {
  svg.replaceChildren(
    el("svg:g", {}, world.map((d) => el("svg:path", { d, class: "land" }))),
    el("svg:g", {}, places.map((p) => {
      const [cx, cy] = project([p.lon, p.lat]);
      const dot = el("svg:circle", {
        cx: cx.toFixed(1), cy: cy.toFixed(1), r: (2 + 10 * Math.sqrt(p.events / max)).toFixed(1), class: "place",
        "data-place": p.place, onclick: () => openEvents({ ...Object.fromEntries(params), place: p.place }),
      });
      dot.append(el("svg:title", {}, `${p.place}${p.country ? ", " + p.country : ""}: ${p.events} event(s)`));
      return dot;
    })),
  );
  $("map-info").textContent = `${places.length} place(s). Circle area follows the number of events; click one to list them.`;
}

// ---- code a text ---------------------------------------------------------------------------

async function codeText(e) {
  e.preventDefault();
  const text = $("code-text").value;
  if (!text.trim()) return;
  showError(null);
  const result = $("code-result");
  result.replaceChildren(el("p", { class: "hint" }, "Coding\u2026"));
  try {
    const body = { text, title: $("code-title").value || undefined, date: $("code-date").value || undefined };
    const { document: doc, explanations } = await api("/api/code", {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
    });
    const why = new Map(explanations.map((x) => [x.event, x.why]));
    const sentence = (i) => (doc.sentences[i] ? doc.sentences[i].text : "");
    result.replaceChildren(
      el("h2", {}, `${doc.events.length} event(s), ${doc.actors.length} actor(s), ${doc.quotes.length} quote(s)`),
      el("h3", {}, "Events"),
      ...doc.events.map((ev) => el("div", { class: "coded-event", "data-event": ev.id },
        el("p", {}, el("span", { class: "code" }, ev.source.code), " ",
          el("span", { class: `quad${ev.quad_class}` }, `${ev.code}`), " ",
          el("span", { class: "code" }, ev.target ? ev.target.code : "\u2014"),
          ev.negated ? el("span", { class: "meta" }, " (negated)") : null,
          ev.modality !== "asserted" ? el("span", { class: "meta" }, ` (${ev.modality})`) : null),
        el("p", { class: "sentence" }, marked(sentence(ev.sentence), [["trigger", ev.trigger], ["source", ev.source.text], ["target", ev.target && ev.target.text]])),
        el("ul", {}, (why.get(ev.id) || []).map((line) => el("li", {}, line))),
      )),
      el("h3", {}, "Actors"),
      el("ul", { id: "coded-actors" }, doc.actors.map((a) => el("li", {}, el("span", { class: "code" }, a.code), ` ${a.name}`))),
      el("h3", {}, "Quotes"),
      el("ul", { id: "coded-quotes" }, doc.quotes.map((q) => el("li", {}, `\u201c${q.text}\u201d \u2014 ${q.speaker && (q.speaker.name || q.speaker.text) || "unattributed"}`))),
    );
  } catch (err) {
    result.replaceChildren();
    showError(err);
  }
}

// ---- start ---------------------------------------------------------------------------------

function start() {
  window.addEventListener("hashchange", route);
  $("dyad-form").addEventListener("submit", drawDyad);
  for (const id of ["dyad-a", "dyad-b"]) $(id).addEventListener("input", searchActors);
  for (const name of ["actor", "source", "target"]) $("filter-form").elements[name].addEventListener("input", searchActors);
  $("filter-form").addEventListener("submit", (e) => {
    e.preventDefault();
    table.offset = 0;
    if (location.hash === "#map") loadMap(); else loadEvents();
  });
  $("filter-form").addEventListener("reset", () => setTimeout(() => { table.offset = 0; if (location.hash === "#map") loadMap(); else loadEvents(); }));
  $("page-prev").addEventListener("click", () => { table.offset = Math.max(0, table.offset - table.limit); loadEvents(); });
  $("page-next").addEventListener("click", () => { table.offset += table.limit; loadEvents(); });
  for (const th of document.querySelectorAll("th.sortable")) {
    th.addEventListener("click", () => {
      table.order = table.order === th.dataset.order && th.dataset.reverse ? th.dataset.reverse : th.dataset.order;
      table.offset = 0;
      loadEvents();
    });
  }
  $("code-form").addEventListener("submit", codeText);
  api("/api/stats").then((s) => {
    $("stats").textContent = `${s.documents.toLocaleString("en")} documents \u00b7 ${s.events.toLocaleString("en")} events \u00b7 ${s.mentions.toLocaleString("en")} mentions`;
  }).catch(showError);
  route();
}

start();
