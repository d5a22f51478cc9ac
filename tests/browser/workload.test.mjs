// The real bill in the page's workload details (web/workload.js, issue 17) in headless Chromium over the full
// catalog of the assembled site: each choice (reasoning, service tier, cache-write lifetime, region) is moved by
// the visitor, lands in the link, changes the figures exactly as hand-computed from catalog.json's own prices, and
// a link restores it; the ranking reorders with the reasoning basis; the break-even answers and the lifecycle
// warnings are on screen. Any console error or page error fails the test that caused it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as fmt from '../../web/format.js';
import { SITE, WASM_JS, WASM_BIN, VERSUS_JS, need, pageHash, openView, openWorkload } from '../node/helpers.mjs';
import { useSite, pageReady, DESKTOP } from './fixture.mjs';

const O3 = 'openai/o3';
const GPT41 = 'openai/gpt-4.1';
const SONNET = 'anthropic/claude-sonnet-4-5';
const GPT54 = 'openai/gpt-5.4';
const TRAFFIC = 'ratio=0.7&req=1000000&in=800&out=250';
const REQ = 1e6;
const IN = 800;
const OUT = 250;

let catalog;
let engine; // the same engine build the site runs, in Node: only for o3's reasoning ratio (its basis is AA's data)

const site = useSite({ prefix: 'versus-workload-', needs: ['tools.js', 'workload.js'] });
before(async () => {
  catalog = JSON.parse(await readFile(path.join(SITE, 'catalog.json'), 'utf8'));
  const { loadVersus } = await import(VERSUS_JS);
  engine = await loadVersus({ moduleUrl: pathToFileURL(need(WASM_JS)), wasmBinary: await readFile(need(WASM_BIN)),
    catalogText: JSON.stringify(catalog) });
  assert.equal(engine.ready.ok, true, JSON.stringify(engine.ready));
});

/** The page at the desktop size, ready, with the workload details unfolded. */
async function openPage(hash, { view = '' } = {}) {
  const opened = await site.open(`/${hash}`, {
    viewport: DESKTOP,
    until: async (page) => {
      await pageReady(page);
      await page.waitForSelector('#tw-reasoning', { state: 'attached', timeout: 30000 });
      if (view) await openView(page, view);
      await openWorkload(page);
    },
  });
  return opened;
}

const offerOf = (model, provider) => catalog.offers.find((o) => o.model === model && o.provider === provider && (o.status ?? 'live') === 'live');
const monthlyText = (page, card) => page.evaluate((c) => document.querySelector(`#${c} [data-figure="monthly"]`).firstChild.textContent.trim(), card);
const hashParams = async (page) => new URLSearchParams((await pageHash(page)).slice(1));

/** Unfold the provider table to every route (its button is hidden when every route is shown already). */
async function showAllRoutes(page) {
  if (await page.isVisible('#offers-all') && (await page.getAttribute('#offers-all', 'aria-expanded')) === 'false') {
    await page.click('#offers-all');
    await page.waitForSelector('#offers-all[aria-expanded="true"]');
  }
}

/** Choose `value` in the select `id` and wait for the link to say `key=want` (absent when want is null) and card `card`'s month to be `month`. */
async function choose(page, id, value, { key, want, card, month }) {
  await page.selectOption(`#${id}`, value);
  await page.waitForFunction(([k, w]) => {
    const p = new URLSearchParams(location.hash.slice(1));
    return w === null ? !p.has(k) : p.get(k) === w;
  }, [key, want], { timeout: 30000 });
  await page.waitForFunction(([c, m]) => document.querySelector(`#${c} [data-figure="monthly"]`)?.firstChild.textContent.trim() === m,
    [card, month], { timeout: 30000 });
}

test('reasoning: "with typical reasoning" bills o3\'s hidden reasoning as output, says where the ratio comes from, and is in the link', { timeout: 120000 }, async () => {
  const o = offerOf(O3, 'openai');
  const visible = REQ * (IN * o.price.input + OUT * o.price.output) / 1e6;
  const { ratio } = engine.model(O3, { reasoning: 'typical' }).value.reasoning;
  assert.ok(ratio > 1, 'o3 reasons');
  const typical = REQ * (IN * o.price.input + OUT * (1 + ratio) * o.price.output) / 1e6;
  const { page, done } = await openPage(`#a=${O3}&b=${GPT41}&${TRAFFIC}`);
  assert.equal(await monthlyText(page, 'card-a'), fmt.usd(visible));
  // Before: the card already says what reasoning would add.
  assert.equal(await page.textContent('#card-a [data-figure="reasoning-other"]'), fmt.usd(typical));
  await choose(page, 'tw-reasoning', 'typical', { key: 'reasoning', want: 'typical', card: 'card-a', month: fmt.usd(typical) });
  assert.equal(await page.textContent('#card-a [data-figure="reasoning-other"]'), fmt.usd(visible), 'beside it: the visible-output bill');
  assert.equal(await page.getAttribute('#card-a [data-figure="reasoning"]', 'data-basis'), 'maker median');
  assert.match(await page.textContent('#card-a [data-figure="reasoning"]'), /reasoning estimated.*median of OpenAI's \d+ measured reasoning models/);
  // GPT-4.1 does not reason: the same figure, no reasoning note.
  assert.equal(await monthlyText(page, 'card-b'), fmt.usd(REQ * (IN * offerOf(GPT41, 'openai').price.input + OUT * offerOf(GPT41, 'openai').price.output) / 1e6));
  assert.equal(await page.locator('#card-b [data-figure="reasoning"]').count(), 0);
  assert.match(await page.textContent('#tw-summary'), /output billed with typical reasoning/);
  assert.match(await page.textContent('#workload-brief'), /typical reasoning/);
  // The link alone restores the choice and the figure.
  const again = await openPage(`#a=${O3}&b=${GPT41}&${TRAFFIC}&reasoning=typical`);
  assert.equal(await again.page.inputValue('#tw-reasoning'), 'typical');
  assert.equal(await monthlyText(again.page, 'card-a'), fmt.usd(typical));
  await again.done();
  // Back to the default: the key leaves the link.
  await choose(page, 'tw-reasoning', 'visible', { key: 'reasoning', want: null, card: 'card-a', month: fmt.usd(visible) });
  await done();
});

test('a link that sets workload details keeps the bill on the first screen: the box stays folded, its summary names them', { timeout: 120000 }, async () => {
  const o = offerOf(O3, 'openai');
  const { ratio } = engine.model(O3, { reasoning: 'typical' }).value.reasoning;
  // Flex at OpenAI, output billed with typical reasoning: the figure the folded details still drive.
  const flexTypical = REQ * (IN * o.price.flex.input + OUT * (1 + ratio) * o.price.flex.output) / 1e6;
  const opened = await site.open(`/#a=${O3}&b=${GPT41}&${TRAFFIC}&reasoning=typical&tier=flex`, {
    viewport: DESKTOP,
    until: async (page) => {
      await pageReady(page);
      await page.waitForFunction(() => /typical reasoning/.test(document.getElementById('workload-brief')?.textContent ?? ''), null, { timeout: 30000 });
    },
  });
  const { page } = opened;
  assert.equal(await page.evaluate(() => document.getElementById('workload-box').open), false, 'the details stay folded');
  assert.match(await page.textContent('#workload-brief'), /typical reasoning · flex tier/);
  const box = await page.evaluate(() => {
    const r = document.querySelector('#card-a [data-figure="monthly"]').getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight };
  });
  assert.ok(box.top >= 0 && box.bottom <= box.height, `o3's monthly figure is on the first screen (${JSON.stringify(box)})`);
  assert.equal(await monthlyText(page, 'card-a'), fmt.usd(flexTypical));
  await opened.done();
});

test('service tier: flex and priority bill o3 at OpenAI\'s own rates; routes without the tier say so', { timeout: 120000 }, async () => {
  const o = offerOf(O3, 'openai');
  const at = (p) => REQ * (IN * p.input + OUT * p.output) / 1e6;
  const { page, done } = await openPage(`#a=${O3}&b=${GPT41}&${TRAFFIC}`);
  await choose(page, 'tw-tier', 'flex', { key: 'tier', want: 'flex', card: 'card-a', month: fmt.usd(at(o.price.flex)) });
  // The provider table says which routes bill standard for want of a flex price.
  await showAllRoutes(page);
  const notes = await page.locator('#offers [data-figure="route-assumptions"]').allTextContents();
  assert.ok(notes.some((t) => /no flex price listed: billed at the standard price/.test(t)), notes.join(' | '));
  await choose(page, 'tw-tier', 'priority', { key: 'tier', want: 'priority', card: 'card-a', month: fmt.usd(at(o.price.priority)) });
  const again = await openPage(`#a=${O3}&b=${GPT41}&${TRAFFIC}&tier=priority`);
  assert.equal(await again.page.inputValue('#tw-tier'), 'priority');
  assert.equal(await monthlyText(again.page, 'card-a'), fmt.usd(at(o.price.priority)));
  await again.done();
  await choose(page, 'tw-tier', 'standard', { key: 'tier', want: null, card: 'card-a', month: fmt.usd(at(o.price)) });
  await done();
});

test('cache-write lifetime: 1 hour bills Claude Sonnet 4.5\'s cache writes at Anthropic\'s 1-hour price', { timeout: 120000 }, async () => {
  const o = offerOf(SONNET, 'anthropic');
  assert.ok(o.price.cacheWrite1h > o.price.cacheWrite, 'Anthropic prices the 1-hour write above the 5-minute one');
  const month = (write) => REQ * (IN * 0.5 * o.price.input + IN * 0.5 * write + OUT * o.price.output) / 1e6;
  const { page, done } = await openPage(`#a=${SONNET}&b=${GPT41}&${TRAFFIC}&cwrite=0.5`);
  // Anthropic's own route in the provider table (a route with no write price may head, its writes billed as input).
  const row = `#offers tr[data-model="${SONNET}"][data-provider="anthropic"] td.num:nth-of-type(5)`;
  await showAllRoutes(page);
  assert.equal(await page.textContent(row), fmt.usd(month(o.price.cacheWrite)));
  await page.selectOption('#tw-ttl', '1h');
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('ttl') === '1h');
  await page.waitForFunction(([sel, m]) => document.querySelector(sel)?.textContent === m, [row, fmt.usd(month(o.price.cacheWrite1h))], { timeout: 30000 });
  assert.match(await page.textContent('#tw-summary'), /cache writes kept 1 hour/);
  const again = await openPage(`#a=${SONNET}&b=${GPT41}&${TRAFFIC}&cwrite=0.5&ttl=1h`);
  assert.equal(await again.page.inputValue('#tw-ttl'), '1h');
  await showAllRoutes(again.page);
  assert.equal(await again.page.textContent(row), fmt.usd(month(o.price.cacheWrite1h)));
  await again.done();
  await done();
});

test('region: EU counts only routes that process there, at their uplift, and says why a route has no figure', { timeout: 120000 }, async () => {
  const o = offerOf(GPT54, 'openai');
  const uplift = o.price.regionUplift?.EU;
  assert.ok(uplift > 1, 'OpenAI prices GPT-5.4 in the EU with an uplift');
  const { page, done } = await openPage(`#a=${GPT54}&b=${GPT41}&${TRAFFIC}`);
  const anywhere = engine.model(GPT54, {}).value;
  assert.equal(anywhere.monthly.route.provider.id, 'openai', 'OpenAI heads GPT-5.4 anywhere');
  const eu = REQ * uplift * (IN * o.price.input + OUT * o.price.output) / 1e6;
  const euView = engine.model(GPT54, { region: 'EU' }).value;
  const euHead = euView.offers.find((x) => x.headline);
  // The EU headline is whichever EU route is cheapest; OpenAI's is one of them, at its uplift.
  const openaiEu = euView.offers.find((x) => x.provider.id === 'openai' && x.inRegion);
  assert.ok(Math.abs(openaiEu.monthly - eu) < 1e-6 * eu);
  await choose(page, 'tw-region', 'EU', { key: 'region', want: 'EU', card: 'card-a', month: fmt.usd(euHead.monthly) });
  assert.ok(euHead.monthly <= eu + 1e-9);
  await showAllRoutes(page);
  const notes = await page.locator('#offers [data-figure="route-assumptions"]').allTextContents();
  assert.ok(notes.some((t) => /not processed in the region asked for/.test(t)), notes.join(' | '));
  assert.match(await page.textContent('#tw-summary'), /processed in EU/);
  const again = await openPage(`#a=${GPT54}&b=${GPT41}&${TRAFFIC}&region=EU`);
  assert.equal(await again.page.inputValue('#tw-region'), 'EU');
  assert.equal(await monthlyText(again.page, 'card-a'), fmt.usd(euHead.monthly));
  await again.done();
  await choose(page, 'tw-region', '', { key: 'region', want: null, card: 'card-a', month: fmt.usd(anywhere.monthly.cost) });
  await done();
});

test('the ranking takes the reasoning basis into account: o3 falls below GPT-4.1 among OpenAI\'s routes', { timeout: 180000 }, async () => {
  const { page, done } = await openPage(`#a=${O3}&b=${GPT41}&${TRAFFIC}&prov=openai&top=100`, { view: 'rank' });
  await page.waitForSelector(`#tr-table tbody tr[data-id="${O3}"]`, { state: 'attached', timeout: 30000 });
  const order = () => page.locator('#tr-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.id));
  const monthly = (id) => page.textContent(`#tr-table tbody tr[data-id="${id}"] td[data-col="monthly"]`);
  const before = await order();
  assert.ok(before.indexOf(O3) < before.indexOf(GPT41) + 2, 'at list price o3 and GPT-4.1 cost the same');
  await page.selectOption('#tw-reasoning', 'typical');
  // At a tie the names order them (GPT-4.1 first): wait for o3's own new figure, then read the order.
  const typical = engine.model(O3, { reasoning: 'typical', requests: REQ, inputTokens: IN, outputTokens: OUT }).value.monthly.cost;
  await page.waitForFunction(([id, want]) => document.querySelector(`#tr-table tbody tr[data-id="${id}"] td[data-col="monthly"]`)?.textContent.trim() === want,
    [O3, fmt.usd(typical)], { timeout: 30000 });
  const after = await order();
  assert.ok(after.indexOf(O3) > after.indexOf(GPT41), 'o3 below GPT-4.1 once its reasoning is billed');
  assert.notDeepEqual(after, before);
  const costs = await page.locator('#tr-table tbody td[data-col="monthly"]').evaluateAll((tds) => tds.map((td) => Number(td.textContent.replace(/[$,]/g, ''))));
  assert.deepEqual(costs, costs.slice().sort((x, y) => x - y), 'still cheapest first');
  await done();
});

test('break-even answers and lifecycle warnings: GPT-4.1\'s retiring Azure route, its successor, and when caching and batch pay', { timeout: 120000 }, async () => {
  const { page, done } = await openPage(`#a=${O3}&b=${GPT41}&${TRAFFIC}`);
  const warning = page.locator(`#lifecycle-notes [data-figure="lifecycle"][data-model="${GPT41}"]`);
  await warning.waitFor({ timeout: 30000 });
  const azure = catalog.offers.find((o) => o.model === GPT41 && o.provider === 'azure' && o.retires);
  assert.ok(azure, 'the catalog has Azure\'s retiring GPT-4.1 route');
  const text = await warning.textContent();
  assert.match(text, /Lifecycle warning/);
  assert.ok(text.includes(azure.retires), text);
  assert.match(text, /successor is GPT-5\b/);
  assert.equal(await warning.locator('a[data-link="successor"]').getAttribute('href').then((h) => h.includes('gpt-5')), true);
  // Break-even: GPT-4.1's batch saving at this traffic, from its route's own batch prices.
  const gpt41 = offerOf(GPT41, 'openai');
  const full = REQ * (IN * gpt41.price.input + OUT * gpt41.price.output) / 1e6;
  const batch = REQ * (IN * gpt41.price.batchInput + OUT * gpt41.price.batchOutput) / 1e6;
  const be = await page.textContent(`#tw-breakeven li[data-model="${GPT41}"] [data-figure="breakeven-batch"]`);
  assert.ok(be.includes(fmt.usd(full - batch)) && be.includes(fmt.usd(batch)), be);
  assert.ok(await page.locator(`#tw-breakeven li[data-model="${O3}"] [data-figure="breakeven-cache"]`).count() === 1);
  assert.match(await page.textContent('#tw-breakeven [data-figure="crossover-volume"]'), /volume/);
  // The model page shows the same warning.
  await page.goto(site.url(`/#model=${GPT41}`));
  await page.waitForSelector(`#model-lifecycle [data-figure="lifecycle"][data-model="${GPT41}"]`, { timeout: 30000 });
  assert.equal(await page.isVisible('#model-lifecycle'), true);
  await done();
});
