// conflictlens web page: a map, an events table and an event page, over /api (the timeline is in
// timeline.js, the actor network in network.js). Filters and the timeline's period live in the URL's
// query string, the open event in its hash (#event/ID): a view can be shared.
"use strict";

const FILTERS = ["country", "actor", "type", "since", "until", "text"];
const POINT_PRECISIONS = new Set(["place", "district"]); // coarser events are shown as their area
const FIELDS = [["date", "date"], ["event_type", "type"], ["sub_event_type", "sub-event type"],
  ["location", "where"], ["perpetrator", "perpetrator"], ["target_actor", "target"], ["fatalities", "killed"],
  ["injured", "injured"], ["attack_type", "attack type"], ["weapon_type", "weapon"], ["target_type", "target type"]];
const EVIDENCE_OF = { location: ["location", "place", "admin1"], date: ["date"] };

const state = { map: null, layers: [], cursor: null, search: null };

function esc(text) {
  return String(text ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function filters() {
  const url = new URLSearchParams(location.search);
  const chosen = new URLSearchParams();
  for (const name of FILTERS) if (url.get(name)) chosen.set(name, url.get(name));
  return chosen;
}

async function api(path, params) {
  const query = params && String(params) ? `?${params}` : "";
  const response = await fetch(`/api/${path}${query}`);
  const body = await response.json();
  if (!response.ok) throw new Error(`${body.error.code} ${body.error.subject ? body.error.subject + ": " : ""}${body.error.message}`);
  return body;
}

function showError(error) {
  const box = document.getElementById("error");
  box.textContent = error ? String(error.message || error) : "";
  box.hidden = !error;
}

function with_(params, extra) {
  const merged = new URLSearchParams(params);
  for (const [k, v] of Object.entries(extra)) merged.set(k, v);
  return merged;
}

// ---------------------------------------------------------------- the map

function initMap() {
  // No tile layer: tiles would come from the internet. Province outlines are the base map.
  state.map = L.map("map", { preferCanvas: false, maxZoom: 18 }).setView([33.9, 67.7], 5);
  state.map.attributionControl.addAttribution("Boundaries: geoBoundaries (CC BY 4.0)");
}

function clearMap() {
  for (const layer of state.layers) layer.remove();
  state.layers = [];
}

function shade(count, max) {
  if (!count) return "#f7f7f7";
  const t = Math.sqrt(count / max);
  return `rgb(${Math.round(255 - 170 * t)}, ${Math.round(235 - 180 * t)}, ${Math.round(200 - 150 * t)})`;
}

function drawAreas(collection) {
  const max = Math.max(1, ...collection.features.map(f => f.properties.events || 0));
  const layer = L.geoJSON(collection, {
    style: f => ({ className: f.properties.events ? "cl-area cl-area-counted" : "cl-area", color: "#777", weight: 1,
      fillColor: shade(f.properties.events, max), fillOpacity: 0.8 }),
    onEachFeature: (f, l) => l.bindTooltip(`${esc(f.properties.name)}: ${f.properties.events} events, ${f.properties.fatalities} killed`),
  }).addTo(state.map);
  state.layers.push(layer);
  return layer;
}

function drawPoints(collection) {
  const points = collection.features.filter(f => f.geometry && POINT_PRECISIONS.has(f.properties.geo_precision));
  const markers = L.geoJSON({ type: "FeatureCollection", features: points }, {
    pointToLayer: (f, at) => L.circleMarker(at, { className: "cl-point", radius: 4 + Math.sqrt(f.properties.fatalities_best || 0),
      color: "#8a1f11", fillColor: "#d9534f", fillOpacity: 0.7, weight: 1 }),
    onEachFeature: (f, l) => l.on("click", () => openEvent(f.id)).bindTooltip(esc(f.properties.summary || f.id)),
  });
  // Nearby points gather into one numbered cluster when zoomed out (from xstatic-leaflet-markercluster;
  // without it every point is drawn). From zoom 9 on, every point stands alone.
  const layer = L.markerClusterGroup
    ? L.markerClusterGroup({ disableClusteringAtZoom: 9, maxClusterRadius: 40, showCoverageOnHover: false }).addLayer(markers)
    : markers;
  layer.addTo(state.map);
  state.layers.push(layer);
  document.getElementById("map").dataset.points = String(points.length);
  return markers;
}

async function loadMap(params) {
  clearMap();
  const [areas, points] = await Promise.all([api("areas", params), api("events", with_(params, { format: "geojson", limit: 1000 }))]);
  const drawn = [drawAreas(areas), drawPoints(points)];
  const bounds = drawn[1].getBounds().isValid() ? drawn[1].getBounds() : drawn[0].getBounds();
  if (bounds.isValid()) state.map.fitBounds(bounds, { maxZoom: 8, padding: [10, 10] });
}

// ---------------------------------------------------------------- the events table

function where(loc) {
  return [loc.place, loc.admin2, loc.admin1, loc.country].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(", ");
}

function appendRows(events) {
  const body = document.querySelector("#events tbody");
  for (const e of events) {
    const row = document.createElement("tr");
    row.dataset.id = e.id;
    row.innerHTML = `<td>${esc(e.date.start)}</td><td>${esc(e.sub_event_type || e.event_type)}</td>` +
      `<td>${esc(where(e.location))}</td><td>${esc(e.perpetrator)}</td><td>${esc(e.fatalities.best)}</td>`;
    row.addEventListener("click", () => openEvent(e.id));
    body.appendChild(row);
  }
}

async function loadRows(params, more) {
  if (!more) document.querySelector("#events tbody").innerHTML = "";
  const page = await api("events", with_(params, more ? { limit: 100, cursor: state.cursor } : { limit: 100 }));
  appendRows(page.events);
  state.cursor = page.next_cursor;
  document.getElementById("more").hidden = !state.cursor;
}

async function loadList() {
  const params = filters();
  state.search = location.search;
  showError(null);
  try {
    const by = timelineBy();
    const periods = await api("aggregates", with_(params, { by }));
    document.getElementById("count").textContent = periods.groups.reduce((n, g) => n + g.events, 0);
    drawTimeline(periods.groups, by);
    await Promise.all([loadRows(params, false), loadMap(params), loadNetwork(params)]);
  } catch (error) {
    showError(error);
  }
  document.body.dataset.loaded = String(Date.now());
}

function setFilters(params) {
  const view = new URLSearchParams(location.search).get("timeline");
  if (view && !params.has("timeline")) params.set("timeline", view); // the period shown is kept, not a filter
  history.pushState(null, "", `${location.pathname}${String(params) ? "?" + params : ""}`);
  fillForm();
  loadList();
}

function fillForm() {
  const form = document.getElementById("filters");
  const chosen = filters();
  for (const name of FILTERS) form.elements[name].value = chosen.get(name) || "";
}

// ---------------------------------------------------------------- the event page

function highlighted(evidence) {
  const sentence = esc(evidence.sentence || "");
  const text = esc(evidence.text || "");
  const at = text ? sentence.indexOf(text) : -1;
  if (at < 0) return sentence || `<mark>${text}</mark>`;
  return `${sentence.slice(0, at)}<mark>${text}</mark>${sentence.slice(at + text.length)}`;
}

function value(record, field) {
  const v = record[field];
  if (field === "date") return `${v.start || "?"}${v.end && v.end !== v.start ? " to " + v.end : ""} (${v.precision || "?"})`;
  if (field === "location") return `${where(v)} (${v.precision || "?"})`;
  if (v && typeof v === "object") return v.best ?? "";
  return v ?? "";
}

function fieldRows(record) {
  return FIELDS.filter(([f]) => value(record, f) !== "").map(([field, label]) => {
    const keys = EVIDENCE_OF[field] || [field];
    const spans = keys.flatMap(k => record.evidence[k] || []);
    const quotes = spans.slice(0, 2).map(ev => `<div class="evidence">${highlighted(ev)}</div>`).join("");
    return `<dt>${esc(label)}</dt><dd>${esc(value(record, field))}${quotes}</dd>`;
  }).join("");
}

function sourcesHtml(incident) {
  if (!incident) return "";
  const items = incident.sources.map(s => `<li>${esc(s.label)}${s.reported_on ? ", " + esc(s.reported_on) : ""}` +
    ` (grade ${esc(s.grade || "?")})${s.event_id ? ` <a href="#event/${esc(s.event_id)}">${esc(s.event_id)}</a>` : ""}</li>`);
  return `<h3>Sources of incident ${esc(incident.id)}</h3><ul id="sources">${items.join("")}</ul>`;
}

function tollsHtml(incident) {
  const toll = incident && incident.fatalities;
  if (!toll || !toll.figures || !toll.figures.length) return "";
  const items = toll.figures.map(f => `<li>${esc(f.value)} killed, by ${esc(f.source)}${f.reported_on ? " on " + esc(f.reported_on) : ""} (grade ${esc(f.grade || "?")})</li>`);
  return `<h3>Tolls by source</h3><ul id="tolls">${items.join("")}</ul>${toll.timeline ? `<p>${esc(toll.timeline)}</p>` : ""}` +
    `<p class="note">Best figure: ${esc(toll.best)} (${esc(toll.best_rule || "")})</p>`;
}

function whyHtml(why) {
  const decision = why && why.decision;
  if (!decision) return "";
  const others = (why.compared_now || []).length;
  return `<h3>Why in this incident</h3><p id="why">Linked by ${esc(why.linked_by)}: ${esc(decision.reason || "")}` +
    `${decision.score != null ? ` (score ${esc(decision.score)})` : ""}${others ? `; compared with ${others} other report(s)` : ""}.</p>`;
}

function ledgerHtml(ledger) {
  const a = ledger.answer || {};
  const statements = (ledger.statements || []).map(s => `<li>${esc(s.by || "?")}: ${esc(s.stance)} ${esc(s.actor)} (grade ${esc(s.grade)})</li>`);
  return `<h3>Attribution</h3><p>Best answer: <b>${esc(a.actor || "unknown")}</b> ${esc(a.phrase || "")}` +
    `${a.probability != null ? ` (p=${esc(a.probability)})` : ""}</p><ul>${statements.join("")}</ul>`;
}

async function openEvent(id) {
  if (location.hash !== `#event/${id}`) { location.hash = `event/${id}`; return; }
  const body = document.getElementById("event-body");
  document.querySelector("main").hidden = true;
  document.getElementById("event").hidden = false;
  body.innerHTML = "Loading…";
  try {
    const record = await api(`events/${encodeURIComponent(id)}`);
    const ref = encodeURIComponent(record.id);
    const [incident, why, ledger] = await Promise.all([api(`incidents/${ref}`).catch(() => null),
      api(`incidents/${ref}/why`).catch(() => null), api(`attribution/${ref}`).catch(() => ({}))]);
    body.innerHTML = `<h2 id="event-id">${esc(record.id)}</h2><p>${esc(record.summary)}</p><dl>${fieldRows(record)}</dl>` +
      `<p>Report: ${esc(record.document_id)}</p>` + sourcesHtml(incident) + tollsHtml(incident) + whyHtml(why) +
      ledgerHtml(ledger);
  } catch (error) {
    body.innerHTML = "";
    showError(error);
  }
}

function route() {
  const match = location.hash.match(/^#event\/(.+)$/);
  if (match) return openEvent(decodeURIComponent(match[1]));
  document.getElementById("event").hidden = true;
  document.querySelector("main").hidden = false;
  if (state.map) state.map.invalidateSize();
}

// ---------------------------------------------------------------- start

function start() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", event => {
    event.preventDefault();
    const chosen = new URLSearchParams();
    for (const name of FILTERS) if (form.elements[name].value.trim()) chosen.set(name, form.elements[name].value.trim());
    setFilters(chosen);
  });
  document.getElementById("clear").addEventListener("click", () => setFilters(new URLSearchParams()));
  document.getElementById("more").addEventListener("click", () => loadRows(filters(), true).catch(showError));
  document.getElementById("back").addEventListener("click", () => { location.hash = ""; });
  window.addEventListener("hashchange", route);
  // A hash change (opening an event) is a history entry too; only a change of filters reloads the list.
  window.addEventListener("popstate", () => { if (location.search !== state.search) { fillForm(); loadList(); } });
  startTimeline();
  initMap();
  fillForm();
  loadList();
  route();
}

// timeline.js and network.js load after this file; every script has run by DOMContentLoaded.
window.addEventListener("DOMContentLoaded", start);
