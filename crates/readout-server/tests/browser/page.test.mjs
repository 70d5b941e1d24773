// The page of `readout serve` in headless Chromium, as an analyst uses it: pick a dyad and see
// its chart, filter and sort the event table, open an event's evidence, see the map, paste a
// text and see its events; and news text holding markup never runs as script.
//
// Driven by crates/readout-cli/tests/serve.rs, which ingests a store, starts the real binary
// and sets READOUT_URL (the server), CHROMIUM (the browser) and SCREENSHOTS (where each view's
// screenshot is saved).
import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const base = process.env.READOUT_URL;
const shots = process.env.SCREENSHOTS || "screenshots";
assert.ok(base, "READOUT_URL must name the server under test");
mkdirSync(shots, { recursive: true });

let browser;
let page;
const scripted = []; // anything the XSS probes managed to run

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    // No sandbox (CI runs as root); nothing of Chromium's own reaches out to the network.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
});

// Each test starts from a fresh page: no filter or sort left over from the one before.
beforeEach(async () => {
  await page?.close();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("dialog", async (d) => { scripted.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on("pageerror", (e) => scripted.push(`page error: ${e.message}`));
  await page.exposeFunction("__readoutProbe", (what) => scripted.push(what));
});

/// Waits until the element the page is loading into (marked aria-busy while a request is in
/// flight, set synchronously by the action that started it) shows the latest answer.
const settled = (selector) =>
  page.waitForFunction((s) => document.querySelector(s)?.getAttribute("aria-busy") === "false", selector);
const table = "#events-table";

after(async () => {
  await browser?.close();
});

const api = async (path) => (await fetch(base + path)).json();
const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

test("a dyad draws one point per period and quad class in each direction", async () => {
  await page.goto(`${base}/#dyad`);
  await page.fill("#dyad-a", "USA");
  await page.fill("#dyad-b", "GBR");
  await page.selectOption("#dyad-by", "month");
  await page.click("#dyad-form button[type=submit]");
  await settled("#dyad-charts");
  const { series } = await api("/api/dyad?a=USA&b=GBR&by=month");
  const periods = new Set(series.map((r) => r.period)).size;
  assert.ok(periods >= 2, `the test store has too few months for USA-GBR (${periods})`);
  for (const direction of ["a_to_b", "b_to_a"]) {
    const points = await page.locator(`svg.chart[data-direction=${direction}] circle.point`).count();
    assert.equal(points, periods * 4, `${direction}: points drawn`);
    const goldstein = await page.locator(`svg.chart[data-direction=${direction}-goldstein] circle.point`).count();
    assert.equal(goldstein, periods, `${direction}: Goldstein points drawn`);
  }
  // The counts drawn are the API's: the sum over the USA -> GBR points.
  const drawn = await page.$$eval("svg.chart[data-direction=a_to_b] circle.point", (c) => c.reduce((s, x) => s + Number(x.dataset.value), 0));
  const expected = series.filter((r) => r.direction === "a_to_b").reduce((s, r) => s + r.quad.reduce((a, b) => a + b, 0), 0);
  assert.equal(drawn, expected);
  await shot("dyad");

  // A point with events opens the table on them: USA acting on GBR, that month.
  const point = page.locator("svg.chart[data-direction=a_to_b] circle.point:not([data-value='0'])").first();
  const period = await point.getAttribute("data-period");
  await point.click();
  await page.waitForURL(/#events$/);
  await settled(table);
  const rows = await page.$$eval("#events-table tbody tr[data-id]", (trs) => trs.map((tr) => ({
    date: tr.cells[0].textContent, source: tr.cells[1].textContent, target: tr.cells[3].textContent,
  })));
  assert.ok(rows.length >= 1);
  for (const r of rows) {
    assert.ok(r.source.startsWith("USA"), `source ${r.source}`);
    assert.ok(r.target.startsWith("GBR"), `target ${r.target}`);
    assert.ok(r.date.startsWith(period), `${r.date} is not in ${period}`);
  }
});

test("the event table filters, sorts, pages and opens an event's evidence", async () => {
  await page.goto(`${base}/#events`);
  await settled(table);
  assert.equal(await page.locator("#events-table tbody tr[data-id]").count(), 50, "a full first page");
  assert.equal(await page.isDisabled("#page-prev"), true);
  const firstPage = await page.getAttribute("#events-table tbody tr[data-id] >> nth=0", "data-id");
  await page.click("#page-next");
  await settled(table);
  assert.match(await page.textContent("#page-info"), /^events 51/);
  assert.notEqual(await page.getAttribute("#events-table tbody tr[data-id] >> nth=0", "data-id"), firstPage);

  // Filter: GBR on either side, material or verbal conflict (quad 3).
  await page.fill("#filter-form input[name=actor]", "GBR");
  await page.selectOption("#filter-form select[name=quad]", "3");
  await page.click("#filter-form button[type=submit]");
  await settled(table);
  assert.match(await page.textContent("#page-info"), /^events 1/);
  const filtered = await page.$$eval("#events-table tbody tr[data-id]", (trs) => trs.map((tr) => [tr.cells[1].textContent, tr.cells[2].className, tr.cells[3].textContent]));
  assert.ok(filtered.length > 0, "GBR has verbal conflict events");
  for (const [source, cls, target] of filtered) {
    assert.ok(source.startsWith("GBR") || target.startsWith("GBR"), `${source} / ${target}`);
    assert.equal(cls, "quad3");
  }

  // Sort by reports, most first.
  await page.click("th[data-order=reported]");
  await settled(table);
  assert.ok(await page.locator("th[data-order=reported].sorted").count());
  const reports = await page.$$eval("#events-table tbody tr[data-id]", (trs) => trs.map((tr) => Number(tr.cells[5].textContent)));
  assert.deepEqual(reports, [...reports].sort((a, b) => b - a));

  // Evidence: the sentence, its trigger marked, and the article.
  await page.click("#events-table tbody tr[data-id] >> nth=0");
  await page.waitForSelector("#evidence:not([hidden]) .mention");
  assert.ok(await page.locator("#evidence mark.trigger").count() >= 1, "the trigger is marked");
  const meta = await page.textContent("#evidence .mention .meta");
  assert.ok(meta.length > 5, meta);
  assert.match(await page.textContent("#evidence .flags"), /modality: \w+/);
  await shot("events");
});

test("the map draws the countries and a circle per place", async () => {
  await page.goto(`${base}/#map`);
  await settled("#map");
  const { places } = await api("/api/places");
  assert.equal(await page.locator("#map circle.place").count(), places.length);
  assert.ok(await page.locator("#map path.land").count() > 150, "the world's countries are drawn");
  await shot("map");
});

test("a pasted text is coded and each event explained", async () => {
  await page.goto(`${base}/#code`);
  await page.fill("#code-text", "Japan's foreign minister met Chinese officials in Tokyo on Monday. Russia condemned the missile strike, the Kremlin said.");
  await page.fill("#code-date", "2026-02-04");
  await page.click("#code-form button[type=submit]");
  await page.waitForSelector(".coded-event");
  const events = await page.$$eval(".coded-event", (els) => els.map((e) => e.textContent));
  assert.ok(events.some((t) => t.includes("JPN") && t.includes("040")), events.join("\n"));
  assert.ok(events.some((t) => t.includes("RUS") && t.includes(" 11")), events.join("\n"));
  assert.ok(await page.locator(".coded-event li").count() >= 4 * events.length, "every event has its reasons");
  assert.match(await page.textContent(".coded-event"), /Date: 2026-02-02/);
  await shot("code");
});

test("news text with markup is shown as text and never runs", async () => {
  // The store holds an article whose sentences carry a <script> and an <img onerror>.
  await page.goto(`${base}/#events`);
  await settled(table);
  await page.fill("#filter-form input[name=text]", "xssprobe");
  await page.click("#filter-form button[type=submit]");
  await settled(table);
  assert.ok(await page.locator("#events-table tbody tr[data-id]").count() >= 1, "the hostile article's event is stored");
  await page.click("#events-table tbody tr[data-id] >> nth=0");
  await page.waitForSelector("#evidence:not([hidden]) .mention");
  const evidence = await page.textContent("#evidence");
  assert.ok(evidence.includes("<script>") || evidence.includes("<img"), evidence);
  assert.equal(await page.locator("#evidence script, #evidence img").count(), 0);
  await shot("xss-evidence");

  await page.goto(`${base}/#code`);
  await page.fill("#code-text", 'Japan condemned China. <script>__readoutProbe("script ran")</script> <img src=x onerror="__readoutProbe(\'onerror ran\')"> China accused Japan of lying.');
  await page.click("#code-form button[type=submit]");
  await page.waitForSelector(".coded-event");
  assert.equal(await page.locator("#code-result script, #code-result img").count(), 0);
  await page.waitForTimeout(300);
  assert.deepEqual(scripted, [], "nothing from the news text ran");
});
