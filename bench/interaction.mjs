// Interaction benchmark in headless Chromium, the way issue 21's phone review measured: a phone viewport, the CPU
// throttled N× (CDP Emulation.setCPUThrottlingRate), trusted input from Playwright (keys and the mouse, as a
// visitor's), and each latency taken from the event's own timestamp to the first frame painted after it.
//
//   node bench/interaction.mjs [--cpu 4] [--steps 40] [--drags 3] [--changes 6] [--pack FILE] [--json]
//   --pack FILE serves FILE as the release's catalog.pack (a synthetic 20k-model one: bench/make-big-catalog.mjs).
//
// - slider step: ArrowRight on the focused ratio slider; the `input` event's timeStamp → the frame painted after
//   the figures changed (a message posted from that frame's animation callback runs once it is painted). The page
//   is let settle (the sections below drawn) between steps: each step is the visitor's single nudge.
// - drag: the mouse presses the slider's thumb and moves across it, one move a frame (16 ms apart); every `input`
//   event the drag fires, timeStamp → the next painted frame after its handler. Events the page coalesces count.
// - model change: model B's field gets a name typed and Enter; keydown's timeStamp → the frame that shows the new
//   model's name and monthly figure in card B.
// - baseline: the same slider steps on bench/baseline/ (plain JS, no wasm: the figures only), same run, same
//   throttle: what the frame itself costs here, to read the slider step against.
// Medians and p95 per measure; the load average is in the result (the machines are shared: read it with it).
import { mkdtemp, cp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { ROOT, SITE, CHROMIUM, HASH, arg, quantile, installPaintTiming } from './common.mjs';

export const PHONE = Object.freeze({ width: 390, height: 844 });
// Model B's field: what is typed, and the name card B must then show. Alternated so each change is a change.
const MODELS = [['gpt-4.1', 'GPT-4.1'], ['o4-mini', 'o4-mini'], ['claude sonnet 4.5', 'Claude Sonnet 4.5 (latest)'], ['o3', 'o3']];

const stats = (xs) => ({ n: xs.length, p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: xs.length ? Math.max(...xs) : null });

/** In the page before any script: every trusted `input` on the slider and Enter in a model field, timed to paint. */
function instrument() {
  window.__lat = { input: [], enter: [] };
  addEventListener('input', (e) => {
    if (!e.isTrusted || e.target?.id !== 'ratio') return;
    const t0 = e.timeStamp;
    // Registered in the capture phase, before the page's own handler: this frame callback runs after it.
    window.__afterPaint((t1) => window.__lat.input.push(t1 - t0));
  }, true);
  addEventListener('keydown', (e) => {
    if (!e.isTrusted || e.key !== 'Enter' || !/^model-[ab]$/.test(e.target?.id ?? '')) return;
    const t0 = e.timeStamp;
    const want = window.__wantName;
    const shown = () => {
      const name = document.getElementById('card-b-name')?.textContent.trim();
      const month = document.querySelector('#card-b [data-figure="monthly"]')?.textContent ?? '';
      return name === want && /\$/.test(month);
    };
    const poll = () => requestAnimationFrame(() => {
      if (!shown()) return poll();
      window.__whenPainted((t1) => window.__lat.enter.push(t1 - t0));
    });
    poll();
  }, true);
}

/** Until the pair view is whole again (the sections below drawn after the figures) and one more frame. */
async function settle(page) {
  await page.waitForFunction(() => document.getElementById('results')?.getAttribute('aria-busy') !== 'true', null, { timeout: 60000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
}

export async function runInteractionBench({ cpu = Number(arg('cpu', 4)), steps = Number(arg('steps', 40)), drags = Number(arg('drags', 3)),
  changes = Number(arg('changes', 6)), pack = arg('pack', ''), log = () => {} } = {}) {
  // The release's top-level files (not the thousands of static pages) and the baseline, served from one copy.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'versus-bench-interaction-'));
  for (const f of await readdir(SITE, { withFileTypes: true })) if (f.isFile()) await cp(path.join(SITE, f.name), path.join(dir, f.name));
  await cp(path.join(ROOT, 'bench/baseline'), path.join(dir, 'bench-baseline'), { recursive: true });
  if (pack) await cp(path.resolve(ROOT, pack), path.join(dir, 'catalog.pack'));
  const server = await startServer({ dir, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const out = { cpuThrottle: cpu, viewport: PHONE, slider: [], baseline: [], drag: [], modelChange: [], readyMs: null };
  const open = async (url) => {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1 });
    await context.addInitScript(installPaintTiming);
    await context.addInitScript(instrument);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready' || document.documentElement.dataset.state === 'error', null, { timeout: 300000 });
    if (await page.evaluate(() => document.documentElement.dataset.state) === 'error') throw new Error(`page error: ${await page.textContent('#page-error').catch(() => '')}`);
    await settle(page);
    // Throttled only from here: the load is the static-page bench's; this one times what the visitor does.
    if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    // On a phone the traffic box comes folded: the visitor opens it first.
    if (await page.evaluate(() => document.getElementById('traffic-box')?.open === false)) await page.click('#traffic-box > summary');
    await page.waitForSelector('#ratio', { state: 'visible' });
    return { context, page, errors };
  };
  // Slider steps: one nudge at a time, the page let settle between them.
  const sliderSteps = async (page) => {
    await page.focus('#ratio');
    for (let i = 0; i < steps; i++) {
      await page.keyboard.press(i % 20 < 10 ? 'ArrowRight' : 'ArrowLeft');
      await page.waitForFunction((n) => window.__lat.input.length >= n, i + 1, { timeout: 30000 });
      await settle(page);
    }
    return page.evaluate(() => window.__lat.input.splice(0));
  };
  try {
    const base = await open(`${server.url}bench-baseline/${HASH}`);
    out.baseline = await sliderSteps(base.page);
    await base.context.close();
    const t0 = Date.now();
    const { context, page, errors } = await open(`${server.url}${HASH}`);
    out.readyMs = Date.now() - t0; // navigation → ready and the sections drawn, unthrottled (a warm browser)
    out.slider = await sliderSteps(page);
    log(`slider: ${out.slider.length} steps`);

    // Drags across the slider, one move a frame.
    const box = await page.locator('#ratio').boundingBox();
    for (let d = 0; d < drags; d++) {
      const y = box.y + box.height / 2;
      const from = box.x + box.width * (d % 2 ? 0.9 : 0.1);
      const to = box.x + box.width * (d % 2 ? 0.1 : 0.9);
      await page.mouse.move(from, y);
      await page.mouse.down();
      for (let s = 1; s <= 30; s++) {
        await page.mouse.move(from + ((to - from) * s) / 30, y);
        await page.waitForTimeout(16); // a finger's pace: one move a frame
      }
      await page.mouse.up();
      await settle(page);
    }
    out.drag = await page.evaluate(() => window.__lat.input.splice(0));
    log(`drag: ${out.drag.length} input events`);

    // Model changes through model B's picker: type, Enter.
    for (let i = 0; i < changes; i++) {
      const [typed, name] = MODELS[i % MODELS.length];
      await page.evaluate((n) => { window.__wantName = n; }, name);
      await page.fill('#model-b', typed);
      await page.focus('#model-b');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => window.__lat.enter.length >= n, i + 1, { timeout: 60000 });
      await settle(page);
    }
    out.modelChange = await page.evaluate(() => window.__lat.enter.splice(0));
    log(`model changes: ${out.modelChange.map((x) => x.toFixed(0)).join(', ')} ms`);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
  return {
    cpuThrottle: out.cpuThrottle, viewport: out.viewport, load: os.loadavg().map((x) => Number(x.toFixed(2))),
    pack: pack || 'catalog.pack', readyMs: out.readyMs, sliderStepMs: stats(out.slider), baselineSliderStepMs: stats(out.baseline),
    sliderP95Ratio: quantile(out.slider, 0.95) / quantile(out.baseline, 0.95), dragMs: stats(out.drag), modelChangeMs: stats(out.modelChange),
    targets: { sliderStepP95: 16, dragP95: 50, modelChange: 100 },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await runInteractionBench({ log: (s) => console.error(s) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
  else {
    const f = (s) => `p50 ${s.p50?.toFixed(1)} ms, p95 ${s.p95?.toFixed(1)} ms, max ${s.max?.toFixed(1)} ms (${s.n})`;
    console.log(`phone ${PHONE.width}×${PHONE.height}, CPU ×${r.cpuThrottle}, load ${r.load.join(' / ')}, ${r.pack}: open → ready and settled (CPU ×1) ${r.readyMs} ms`);
    console.log(`slider step → figures painted: ${f(r.sliderStepMs)}   target p95 ≤ 16 ms`);
    console.log(`  baseline (plain JS):          ${f(r.baselineSliderStepMs)}   p95 ratio ${r.sliderP95Ratio.toFixed(2)}×`);
    console.log(`drag, each input → painted:   ${f(r.dragMs)}   target p95 ≤ 50 ms`);
    console.log(`model change → card painted:  ${f(r.modelChangeMs)}   target ≤ 100 ms`);
  }
}
