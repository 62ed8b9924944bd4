// The actor network of the filtered dates (with an actor filter, that actor's own network): actors on a
// circle, edges coloured by polarity and dated in their tooltips; a click shows the actor's profile.
"use strict";

const MAX_NODES = 40; // more are unreadable on a circle: the most connected are drawn
const POLARITY_COLOURS = { cooperative: "#2e7d32", hostile: "#c62828", structural: "#757575" };

function shortName(name) {
  const acronym = name.match(/\(([^)]{2,12})\)$/);
  return acronym ? acronym[1] : name.length > 22 ? `${name.slice(0, 20)}…` : name;
}

function networkParams(params) {
  const chosen = new URLSearchParams();
  for (const name of ["since", "until", "actor"]) if (params.get(name)) chosen.set(name, params.get(name));
  if (chosen.has("actor")) chosen.set("depth", "1");
  return chosen;
}

async function loadNetwork(params) {
  const box = document.getElementById("network");
  document.getElementById("actor-profile").hidden = true;
  try {
    drawNetwork(await api("network", networkParams(params)));
  } catch (error) {
    // An actor with no relation in the window is an answer, not a failure of the page.
    box.innerHTML = `<p class="note">${esc(error.message)}</p>`;
    box.dataset.nodes = "0";
  }
}

function layout(nodes) {
  const chosen = [...nodes].sort((a, b) => (b.relations || 0) - (a.relations || 0) || a.id.localeCompare(b.id)).slice(0, MAX_NODES);
  chosen.sort((a, b) => a.id.localeCompare(b.id));
  const at = new Map();
  chosen.forEach((node, i) => {
    const angle = 2 * Math.PI * i / chosen.length - Math.PI / 2;
    at.set(node.id, { node, x: 200 + 140 * Math.cos(angle), y: 160 + 120 * Math.sin(angle) });
  });
  return at;
}

function edgeSvg(edge, at) {
  const [a, b] = [at.get(edge.source), at.get(edge.target)];
  const title = `${edge.source} – ${edge.kind.replace("_", " ")} – ${edge.target}: ${edge.first || "?"} to ` +
    `${edge.last || "?"}, ${edge.count} statement(s)${edge.denied_only ? " (denied)" : ""}`;
  return `<line class="cl-edge cl-${esc(edge.polarity)}" x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" ` +
    `stroke="${POLARITY_COLOURS[edge.polarity] || "#999"}" stroke-width="${1 + Math.min(4, Math.log2(edge.count))}"` +
    `${edge.denied_only ? ' stroke-dasharray="4 3"' : ""}><title>${esc(title)}</title></line>`;
}

function drawNetwork(data) {
  const box = document.getElementById("network");
  const at = layout(data.nodes);
  const edges = data.edges.filter(e => at.has(e.source) && at.has(e.target));
  box.dataset.nodes = String(at.size);
  if (!at.size) { box.innerHTML = '<p class="note">No relations between actors in these dates.</p>'; return; }
  const nodes = [...at.values()].map(({ node, x, y }) => {
    const r = 4 + Math.min(10, Math.sqrt(node.relations || 1));
    const anchor = x < 195 ? "end" : x > 205 ? "start" : "middle";
    const dx = anchor === "end" ? -r - 2 : anchor === "start" ? r + 2 : 0;
    return `<g class="cl-actor" data-name="${esc(node.id)}" tabindex="0"><circle cx="${x}" cy="${y}" r="${r}"` +
      `${node.hops === 0 ? ' class="cl-ego"' : ""}><title>${esc(node.id)}${node.actor_type ? ` (${esc(node.actor_type)})` : ""}` +
      `</title></circle><text x="${x + dx}" y="${y + 3}" text-anchor="${anchor}">${esc(shortName(node.id))}</text></g>`;
  });
  const legend = Object.entries(POLARITY_COLOURS).map(([k, c], i) =>
    `<text class="cl-legend" x="4" y="${12 + 12 * i}" style="fill:${c}">${k}</text>`).join("");
  box.innerHTML = `<svg viewBox="0 0 400 320" role="img" aria-label="actor network">${legend}` +
    `${edges.map(e => edgeSvg(e, at)).join("")}${nodes.join("")}</svg>` +
    (data.nodes.length > at.size ? `<p class="note">The ${at.size} most connected of ${data.nodes.length} actors.</p>` : "");
  for (const node of box.querySelectorAll("g.cl-actor")) {
    node.addEventListener("click", () => showActor(node.dataset.name));
    node.addEventListener("keydown", event => { if (event.key === "Enter") showActor(node.dataset.name); });
  }
}

async function showActor(name) {
  const box = document.getElementById("actor-profile");
  box.hidden = false;
  box.innerHTML = "Loading…";
  try {
    const actor = await api(`actors/${encodeURIComponent(name)}`);
    const aliases = Object.values(actor.aliases || {}).flat();
    const rows = [["type", actor.actor_type], ["country", actor.country], ["parent", actor.parent],
      ["active", actor.valid_from ? `${actor.valid_from} to ${actor.valid_to || "now"}` : null],
      ["also called", aliases.slice(0, 8).join("; ") + (aliases.length > 8 ? ` and ${aliases.length - 8} more` : "")]];
    box.innerHTML = `<h3 id="actor-name">${esc(actor.name)}</h3><dl>` +
      rows.filter(([, v]) => v).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("") + "</dl>" +
      `<button type="button" id="actor-filter">Show this actor's events</button>`;
    document.getElementById("actor-filter").addEventListener("click", () => setFilters(with_(filters(), { actor: actor.name })));
  } catch (error) {
    box.innerHTML = `<p class="note">${esc(error.message)}</p>`;
  }
}
