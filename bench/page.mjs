// Page benchmark in headless Chromium: the Versus page vs bench/baseline/ (no wasm: fetches the same
// catalog.json, prices the same pair in plain JS), served side by side from one copy of the site, same run.
//
//   node bench/page.mjs [--runs 5] [--changes 200] [--json]
//
// - ready: navigation start → <html data-state="ready"> (recorded in the page by a MutationObserver
//   installed before any script), cold (a fresh browser context per run) and warm (a second load in the
//   same context).
// - input change: set the ratio slider and dispatch `input`; time until the blended figures' text changed
//   and layout is done (a forced reflow), p50 and p95 over N changes; against the 16 ms frame. The page
//   draws the sections below the figures after the next paint: `settle` times input → those drawn too.
// - transfer: every file the page requested during a cold load, gzip -9 (zlib level 9) of its bytes on disk;
//   and the widget files (web/embed.js, widget.*) on their own.
import { cp, mkdtemp, readFile, rm, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { ROOT, SITE, CHROMIUM, HASH, arg, quantile, median } from './common.mjs';



function recordReady() {
  const t = () => {
    if (document.documentElement?.dataset.state === 'ready' && window.__readyAt === undefined) window.__readyAt = performance.now();
  };
  // Observe the document (the <html> element may not exist yet when this runs).
  new MutationObserver(t).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}

async function loadOnce(context, url) {
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(url);
  await page.waitForFunction(() => window.__readyAt !== undefined || document.documentElement.dataset.state === 'error', null, { timeout: 120000 });
  const at = await page.evaluate(() => window.__readyAt ?? -1);
  if (at < 0) throw new Error(`${url}: data-state=error: ${await page.locator('#page-error').textContent().catch(() => '')}`);
  return { page, at, requested };
}

async function inputLatency(page, changes) {
  return page.evaluate(async (n) => {
    const slider = document.getElementById('ratio');
    // Query each time: the page rebuilds the cards on every change.
    const sel = '#card-a [data-figure="blended"], #card-b [data-figure="blended"], #blended-a, #blended-b';
    const blended = { get textContent() { return [...document.querySelectorAll(sel)].map((f) => f.textContent).join('|'); } };
    const out = [];
    for (let i = 0; i < n; i++) {
      const v = ((i * 37) % 99 + 1) / 100;
      const before = blended.textContent;
      const t0 = performance.now();
      slider.value = String(v);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      void document.body.offsetHeight; // style + layout of the updated figures
      const t1 = performance.now();
      if (blended.textContent === before && i > 0) out.push(-1);
      else out.push(t1 - t0);
      if (i % 10 === 9) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  }, changes);
}

// The Versus page draws the figures within the input's task and the sections below them (providers, tables,
// prose) in a task after the next paint, with aria-busy on #results meanwhile (web/app.js). This times the
// whole pair view: input → aria-busy cleared → layout, which includes waiting for that frame.
async function settleLatency(page, changes) {
  return page.evaluate(async (n) => {
    const slider = document.getElementById('ratio');
    const results = document.getElementById('results');
    const settled = () => new Promise((resolve) => {
      if (results.getAttribute('aria-busy') !== 'true') return resolve();
      const mo = new MutationObserver(() => {
        if (results.getAttribute('aria-busy') === 'true') return;
        mo.disconnect();
        resolve();
      });
      mo.observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
    });
    const out = [];
    for (let i = 0; i < n; i++) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      slider.value = String(((i * 53) % 99 + 1) / 100);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await settled();
      void document.body.offsetHeight;
      out.push(performance.now() - t0);
    }
    return out;
  }, changes);
}

async function gz(file) {
  const b = await readFile(file);
  return { raw: b.length, gzip: gzipSync(b, { level: 9 }).length };
}

export async function runPageBench({ runs = Number(arg('runs', 5)), changes = Number(arg('changes', 200)), log = console.log } = {}) {
  if (!existsSync(path.join(SITE, 'index.html'))) throw new Error(`${SITE}/index.html is missing: run scripts/build-site`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'versus-bench-'));
  await cp(SITE, dir, { recursive: true });
  await cp(path.join(ROOT, 'bench/baseline'), path.join(dir, 'bench-baseline'), { recursive: true });
  const server = await startServer({ dir, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const targets = { versus: new URL(`/${HASH}`, server.url).href, baseline: new URL(`/bench-baseline/${HASH}`, server.url).href };
  const times = { versus: { cold: [], warm: [], input: [], settle: [] }, baseline: { cold: [], warm: [], input: [] } };
  let requested = [];
  try {
    for (let r = 0; r < runs; r++) {
      for (const which of r % 2 ? ['baseline', 'versus'] : ['versus', 'baseline']) { // alternate the order
        const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
        await context.addInitScript(recordReady);
        const cold = await loadOnce(context, targets[which]);
        if (which === 'versus' && r === 0) requested = cold.requested;
        times[which].cold.push(cold.at);
        await cold.page.close();
        const warm = await loadOnce(context, targets[which]);
        times[which].warm.push(warm.at);
        const lat = await inputLatency(warm.page, r === 0 ? changes : Math.ceil(changes / runs));
        if (lat.includes(-1)) throw new Error(`${which}: an input change did not update the blended figure`);
        times[which].input.push(...lat);
        if (which === 'versus') times.versus.settle.push(...await settleLatency(warm.page, Math.ceil(changes / runs / 2)));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  // Transfer: what the page fetched on a cold load (same-origin paths), and the widget files.
  const files = [...new Set(requested)].map((p) => (p === '/' ? '/index.html' : p)).filter((p) => existsSync(path.join(dir, p)));
  const page = [];
  for (const f of files) page.push({ file: f.slice(1), ...(await gz(path.join(dir, f))) });
  const widgetNames = (await readdir(dir)).filter((f) => /^(embed|widget)[\w.-]*\.(js|css|html)$/.test(f));
  const widget = [];
  for (const f of widgetNames) widget.push({ file: f, ...(await gz(path.join(dir, f))) });
  await rm(dir, { recursive: true, force: true });

  const sum = (xs, k) => xs.reduce((s, x) => s + x[k], 0);
  const v = times.versus;
  const b = times.baseline;
  const res = {
    runs,
    ready: {
      coldMs: { versus: median(v.cold), baseline: median(b.cold), ratio: median(v.cold) / median(b.cold) },
      warmMs: { versus: median(v.warm), baseline: median(b.warm), ratio: median(v.warm) / median(b.warm) },
    },
    input: {
      changes: v.input.length,
      versus: { p50: median(v.input), p95: quantile(v.input, 0.95), max: Math.max(...v.input) },
      baseline: { p50: median(b.input), p95: quantile(b.input, 0.95) },
      p95Ratio: quantile(v.input, 0.95) / Math.max(quantile(b.input, 0.95), 0.1),
      frameMs: 16,
      // input → the whole pair view (the sections drawn after the paint too), Versus only
      settle: { changes: v.settle.length, p50: median(v.settle), p95: quantile(v.settle, 0.95) },
    },
    transfer: {
      page: { files: page, raw: sum(page, 'raw'), gzip: sum(page, 'gzip') },
      widget: { files: widget, raw: sum(widget, 'raw'), gzip: sum(widget, 'gzip') },
    },
  };
  return res;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await runPageBench();
  console.log(JSON.stringify(r, null, 2));
}
