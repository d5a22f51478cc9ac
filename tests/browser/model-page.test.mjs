// The single-model page (seed 004, `#model=ID&…`) in headless Chromium on the FULL catalog
// (SITE/catalog.json). Expected figures (end-to-end time, peer class, class medians) are computed here
// from the catalog JSON, independently of the engine. Also takes the screenshots of both views
// (light, dark, 390 px wide) to /tmp/versus-*.png.
//   VERSUS_SITE=build/site-pair scripts/build-site && VERSUS_SITE=build/site-pair node --test tests/browser/model-page.test.mjs
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as fmt from '../../web/format.js';
import { SITE, pageHash, setHash } from '../node/helpers.mjs';
import { useSite, DESKTOP } from './fixture.mjs';
import { headlineCandidates, cheapestBy } from '../node/headline.mjs';

const WAIT = 60000;
const LLAMA = 'meta/llama-3.2-1b-instruct';
const TRAFFIC = 'ratio=0.7&req=1000000&in=800&out=250';
const BAD = /\bundefined\b|\bNaN\b|\bnull\b|Infinity|\[object Object\]/;

let catalog;

const val = (f) => (f && typeof f === 'object' && 'value' in f ? f.value : f);
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/** The open-weights size class of a model, as docs/prose.md defines it (Tiny ≤ 4B, …). */
const sizeClass = (p) => (p <= 4 ? 'tiny' : p <= 40 ? 'small' : p <= 150 ? 'medium' : 'large');

/** The page at `width` x 900 (the desktop size unless given), light or dark, once ready. */
const openPage = (url, { width = DESKTOP.width, dark = false } = {}) => site.open(url, {
  viewport: { width, height: DESKTOP.height }, colorScheme: dark ? 'dark' : 'light', timeout: WAIT });

const text = async (page, sel) => (await page.locator(sel).first().innerText()).trim();
const metric = (page, key, part = '.metric-value') => text(page, `[data-metric="${key}"] ${part}`);

async function checkClean(page, label) {
  const body = `${await text(page, '#model-view')}\n${await page.locator('#model-view').textContent()}`;
  assert.doesNotMatch(body, BAD, `${label}: ${body.match(BAD)?.[0]}`);
  const empty = await page.evaluate(() => [...document.querySelectorAll('#model-view h2, #model-view h3, #model-view th[scope]')]
    .filter((h) => !h.textContent.trim()).length);
  assert.equal(empty, 0, `${label}: empty headings`);
}

// The site as built, served in place (no copy: the full catalog, no test fixtures needed).
const site = useSite({ copy: false });
before(async () => {
  catalog = JSON.parse(await readFile(path.join(SITE, 'catalog.json'), 'utf8'));
});

test('Llama 3.2 1B Instruct: end-to-end time, peer class and class medians computed from the catalog', { timeout: 180000 }, async () => {
  const m = catalog.models.find((x) => x.id === LLAMA);
  const ttft = val(m.speed.timeToFirstToken);
  const speed = val(m.speed.outputTokensPerSecond);
  assert.equal(val(m.capabilities.reasoning), false, 'the fixture expectation: a non-reasoning model (reasoning time 0)');
  const e2e = ttft + 500 / speed;

  // The peer class: open-weights, non-reasoning models of the same size class, not retired.
  const size = sizeClass(val(m.parameters));
  const peers = catalog.models.filter((x) => val(x.openWeights) === true && typeof val(x.parameters) === 'number' &&
    sizeClass(val(x.parameters)) === size && val(x.capabilities?.reasoning) === false && x.status !== 'retired');
  const withIndex = peers.map((x) => val(x.benchmarks?.['aa-intelligence'])).filter((v) => typeof v === 'number');
  const withSpeed = peers.map((x) => val(x.speed?.outputTokensPerSecond)).filter((v) => typeof v === 'number');

  const { page, done } = await openPage(`/#model=${LLAMA}&${TRAFFIC}`);
  assert.equal(await page.locator('#model-view').isVisible(), true);
  assert.equal(await page.locator('#results').isVisible(), false);
  assert.equal(await text(page, '#model-title'), m.name.trim());
  assert.match(await page.title(), /Llama 3\.2 1B Instruct — model analysis/);

  // End-to-end time for 500 tokens, with its parts.
  assert.equal(await metric(page, 'endToEnd'), `${fmt.num(e2e, 2)} s`);
  const parts = await metric(page, 'endToEnd', '.metric-extra');
  assert.ok(parts.includes(`${fmt.num(ttft, 2)} s to the first token`), parts);
  assert.ok(parts.includes('0 s reasoning'), parts);
  assert.ok(parts.includes(`${fmt.num(500 / speed, 2)} s generating 500 tokens`), parts);
  assert.equal(await metric(page, 'timeToFirstToken'), `${fmt.num(ttft, 2)} s`);
  assert.equal(await metric(page, 'outputSpeed'), `${fmt.num(speed, 1)} tokens/s`);

  // Peer class with its member count; medians against it.
  assert.equal(await text(page, '[data-figure="peer-class"]'), 'Tiny');
  assert.equal(await text(page, '[data-figure="peer-members"]'), `${peers.length} models`);
  const iPeer = await metric(page, 'intelligenceIndex', '.metric-peer');
  assert.ok(iPeer.includes(`class median ${fmt.num(median(withIndex), 1)} across ${withIndex.length} models`), iPeer);
  const sPeer = await metric(page, 'outputSpeed', '.metric-peer');
  assert.ok(sPeer.includes(`class median ${fmt.num(median(withSpeed), 1)} tokens/s across ${withSpeed.length} models`), sPeer);
  assert.match(sPeer, speed > median(withSpeed) ? /^Faster than average/ : /^Slower than average|^About average/);

  // Prices: median and cheapest over live priced offers; blended 3:1.
  const offers = catalog.offers.filter((o) => o.model === LLAMA && (o.status ?? 'live') === 'live' &&
    typeof o.price?.input === 'number' && typeof o.price?.output === 'number');
  const medIn = median(offers.map((o) => o.price.input));
  const medOut = median(offers.map((o) => o.price.output));
  assert.equal(await metric(page, 'inputPrice'), fmt.perMillion(medIn));
  assert.equal(await metric(page, 'outputPrice'), fmt.perMillion(medOut));
  assert.equal(await metric(page, 'blendedPrice'), fmt.perMillion((3 * medIn + medOut) / 4));
  // The cheapest price quoted is a headline route's (docs/routes.md): a flagged reseller's is no "cheapest".
  const heads = headlineCandidates(catalog, LLAMA).offers.filter((o) => offers.includes(o));
  assert.match(await metric(page, 'inputPrice', '.metric-extra'), new RegExp(`^Cheapest \\${fmt.perMillion(Math.min(...heads.map((o) => o.price.input)))}`));

  // Context window in tokens and A4 pages (667 tokens a page).
  const ctxTokens = val(m.context);
  assert.equal(await metric(page, 'context'), `${fmt.tokens(ctxTokens)} tokens`);
  assert.ok((await metric(page, 'context', '.metric-extra')).startsWith(`≈ ${fmt.integer(Math.round(ctxTokens / 667))} A4 pages`));

  // Artificial Analysis attribution where its figures appear.
  assert.equal(await metric(page, 'outputSpeed', '.metric-attr'), 'Source: Artificial Analysis');
  assert.equal(await page.locator('[data-metric="outputSpeed"] .metric-attr a').getAttribute('href'), 'https://artificialanalysis.ai/');
  assert.match(await text(page, '#model-summary'), /Source: Artificial Analysis/);
  assert.match(await text(page, '#model-sources'), /Artificial Analysis/);

  // Summary paragraphs, providers table (every offer), the ten capabilities.
  assert.ok((await page.locator('#model-summary p').count()) >= 3);
  assert.equal(await page.locator('#model-offers tbody tr').count(), catalog.offers.filter((o) => o.model === LLAMA).length);
  assert.equal(await page.locator('#model-caps tbody tr').count(), 10);
  assert.ok((await page.locator('#model-continue a').count()) >= 3);
  await checkClean(page, LLAMA);

  // The traffic controls drive the monthly figure and the hash (replaceState: same view).
  await page.fill('#req', '2000');
  assert.equal((await pageHash(page)), `#model=${LLAMA}&ratio=0.7&req=2000&in=800&out=250`);
  // The monthly bill at the headline route (docs/routes.md; tests/node/headline.mjs), not at a reseller's.
  const perRequest = (o) => (800 * o.price.input + 250 * o.price.output) / 1e6;
  const { offers: candidates, tie } = headlineCandidates(catalog, LLAMA);
  assert.equal(await metric(page, 'monthly'), fmt.usd(2000 * cheapestBy(candidates, perRequest, tie).c));
  await done();
});

test('unknown figures read "unknown", never 0, NaN or undefined; a dozen random models render cleanly', { timeout: 300000 }, async () => {
  // A model with no speed figures.
  const sparse = catalog.models.find((x) => !x.speed && !x.benchmarks?.['aa-intelligence'] && catalog.offers.some((o) => o.model === x.id));
  const { page, done } = await openPage(`/#model=${encodeURIComponent(sparse.id).replace(/%2F/g, '/')}&${TRAFFIC}`);
  assert.equal(await metric(page, 'outputSpeed'), 'unknown');
  assert.equal(await metric(page, 'endToEnd'), 'unknown');
  assert.equal(await metric(page, 'intelligenceIndex'), 'unknown');
  await checkClean(page, sparse.id);

  let x = 4004;
  const rnd = (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  for (let i = 0; i < 12; i++) {
    const m = catalog.models[rnd(catalog.models.length)];
    const h = `#model=${encodeURIComponent(m.id).replace(/%2F/g, '/')}&${TRAFFIC}`;
    await setHash(page, h);
    assert.equal(await text(page, '#model-title'), (await page.evaluate(() => document.getElementById('model-title').textContent)).trim());
    assert.ok((await text(page, '#model-title')).length > 0, m.id);
    assert.equal(await page.locator('#metrics .metric').count(), 12, m.id);
    await checkClean(page, m.id);
  }
  // Verbosity and the cost to run the index, where Artificial Analysis measured the run.
  const run = catalog.models.find((y) => y.indexRun?.answerMillionTokens && y.indexRun?.reasoningMillionTokens && y.indexRun?.costUsd);
  await setHash(page, `#model=${run.id}&${TRAFFIC}`);
  const total = run.indexRun.answerMillionTokens.value + run.indexRun.reasoningMillionTokens.value;
  assert.equal(await metric(page, 'verbosity'), `${fmt.num(total, 1)}M tokens`);
  assert.equal(await text(page, '[data-figure="verbosity-parts"]'),
    `${fmt.num(run.indexRun.answerMillionTokens.value, 1)}M answer + ${fmt.num(run.indexRun.reasoningMillionTokens.value, 1)}M reasoning tokens`);
  assert.equal(await metric(page, 'indexCost'), fmt.usd(run.indexRun.costUsd.value));
  await done();
});

test('screenshots: pair and model page, light, dark and 390 px wide', { timeout: 300000 }, async () => {
  const shots = [
    ['pair', `/#a=${LLAMA}&b=openai/o3&${TRAFFIC}`, {}],
    ['pair-dark', `/#a=${LLAMA}&b=openai/o3&${TRAFFIC}`, { dark: true }],
    ['pair-390', `/#a=${LLAMA}&b=openai/o3&${TRAFFIC}`, { width: 390 }],
    ['model', `/#model=${LLAMA}&${TRAFFIC}`, {}],
    ['model-dark', `/#model=${LLAMA}&${TRAFFIC}`, { dark: true }],
    ['model-390', `/#model=${LLAMA}&${TRAFFIC}`, { width: 390 }],
  ];
  for (const [name, url, opts] of shots) {
    const { page, done } = await openPage(url, opts);
    // Nothing wider than the viewport.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the viewport`);
    await page.screenshot({ path: `/tmp/versus-${name}.png`, fullPage: true });
    await done();
  }
});

test('a route whose price changed draws its history: DeepSeek V4 Flash at DeepSeek, before and from 2026-08-17', async () => {
  const { page, done } = await site.open(`/#model=deepseek/deepseek-v4-flash&${TRAFFIC}`, { viewport: DESKTOP });
  const chart = page.locator('#model-offers [data-figure="price-history"]').first();
  await chart.waitFor();
  assert.equal(await chart.locator('svg').count(), 1, 'one chart');
  const caption = await chart.locator('figcaption').textContent();
  assert.match(caption, /2026-08-17/);
  assert.match(caption, /\$0\.14/, 'the old input price');
  assert.match(caption, /\$0\.22/, 'the new one');
  assert.ok(await page.locator('#model-offers [data-figure="price-checked"]').count() > 0, 'each route says when its price was checked');
  await done();
});

test('the model view has no tool tabs (they are the pair view\'s), and the pair view it links back to has them again', async () => {
  const { page, done } = await openPage(`/#model=openai/o3&${TRAFFIC}`);
  await page.waitForSelector('#model-view:not([hidden])');
  assert.equal(await page.getAttribute('html', 'data-view'), 'model');
  assert.equal(await page.isVisible('#view-tabs'), false, 'no tabs over the model view');
  await setHash(page, `#a=${LLAMA}&b=openai/o3&${TRAFFIC}`);
  await page.waitForSelector('#results:not([hidden])');
  await page.waitForSelector('#view-tabs', { state: 'visible' });
  assert.equal(await page.getAttribute('html', 'data-view'), 'pair');
  await done();
});
