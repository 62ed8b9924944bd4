// The timeline: events per month or ISO week as bars (empty periods included), and a brush: press on a
// bar and release on another to filter the dates between them (a click filters one bar's dates).
"use strict";

const DAY = 86400000;

function timelineBy() {
  return new URLSearchParams(location.search).get("timeline") === "week" ? "week" : "month";
}

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

// [first day, last day] of a period key: "2021-05" or "2021-W05".
function periodDays(key) {
  const week = key.match(/^(\d{4})-W(\d{2})$/);
  if (week) {
    const jan4 = Date.UTC(Number(week[1]), 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + (Number(week[2]) - 1) * 7 * DAY;
    return [isoDay(monday), isoDay(monday + 6 * DAY)];
  }
  const [year, month] = key.split("-").map(Number);
  return [`${key}-01`, isoDay(Date.UTC(year, month, 0))];
}

function weekKey(ms) {
  const day = new Date(ms);
  const thursday = ms + (3 - ((day.getUTCDay() + 6) % 7)) * DAY; // an ISO week is the year of its Thursday
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-W${String(week).padStart(2, "0")}`;
}

// Every period from the first counted to the last, zeros included, so the bars keep time's spacing.
function allPeriods(groups, by) {
  const counted = new Map(groups.filter(g => g.key).map(g => [g.key, g]));
  const keys = [...counted.keys()].sort();
  if (!keys.length) return [];
  const out = [];
  let at = Date.parse(periodDays(keys[0])[0]);
  const end = Date.parse(periodDays(keys[keys.length - 1])[0]);
  while (at <= end && out.length < 2000) {
    const key = by === "week" ? weekKey(at) : isoDay(at).slice(0, 7);
    out.push(counted.get(key) || { key, events: 0, fatalities: 0 });
    const next = new Date(at);
    at = by === "week" ? at + 7 * DAY : Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 1);
  }
  return out;
}

function drawTimeline(groups, by) {
  const periods = allPeriods(groups, by);
  const box = document.getElementById("timeline");
  for (const button of document.querySelectorAll("#timeline-by button")) {
    button.setAttribute("aria-pressed", String(button.dataset.by === by));
  }
  if (!periods.length) { box.innerHTML = "<p>No dated events.</p>"; return; }
  const max = Math.max(1, ...periods.map(g => g.events));
  const width = 100 / periods.length;
  const bars = periods.map((g, i) => {
    const h = 80 * g.events / max;
    return `<g><rect class="slot" data-i="${i}" x="${i * width}%" y="0" width="${width}%" height="90"></rect>` +
      `<rect class="bar" data-i="${i}" data-period="${esc(g.key)}" x="${i * width}%" y="${90 - h}" width="${width * 0.9}%" height="${h}">` +
      `<title>${esc(g.key)}: ${g.events} events, ${g.fatalities} killed</title></rect>` +
      (i % Math.ceil(periods.length / 8) === 0 ? `<text x="${i * width}%" y="104">${esc(g.key)}</text>` : "") + "</g>";
  });
  box.innerHTML = `<svg role="img" aria-label="events by ${by}">${bars.join("")}</svg>`;
  box.dataset.periods = periods.map(g => g.key).join(",");
}

// The brush: the bars from where the pointer went down to where it is, marked; on release, their dates.
const brush = { from: null, to: null };

function brushed(target) {
  const slot = target.closest && target.closest("[data-i]");
  return slot ? Number(slot.dataset.i) : null;
}

function markBrush() {
  const [low, high] = [Math.min(brush.from, brush.to), Math.max(brush.from, brush.to)];
  for (const bar of document.querySelectorAll("#timeline rect.bar")) {
    const i = Number(bar.dataset.i);
    bar.classList.toggle("brushed", brush.from !== null && i >= low && i <= high);
  }
}

function applyBrush() {
  const keys = document.getElementById("timeline").dataset.periods.split(",");
  const [low, high] = [Math.min(brush.from, brush.to), Math.max(brush.from, brush.to)];
  brush.from = brush.to = null;
  setFilters(with_(filters(), { since: periodDays(keys[low])[0], until: periodDays(keys[high])[1] }));
}

function startTimeline() {
  const box = document.getElementById("timeline");
  box.addEventListener("pointerdown", event => {
    const i = brushed(event.target);
    if (i === null) return;
    event.preventDefault();
    brush.from = brush.to = i;
    markBrush();
  });
  box.addEventListener("pointermove", event => {
    const i = brushed(document.elementFromPoint(event.clientX, event.clientY) || event.target);
    if (brush.from !== null && i !== null && i !== brush.to) { brush.to = i; markBrush(); }
  });
  window.addEventListener("pointerup", () => { if (brush.from !== null) applyBrush(); });
  for (const button of document.querySelectorAll("#timeline-by button")) {
    button.addEventListener("click", () => {
      const params = new URLSearchParams(location.search);
      params.set("timeline", button.dataset.by);
      setFilters(params);
    });
  }
}
