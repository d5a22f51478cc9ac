// The tool views of web/tools.js (issue 5) in headless Chromium over the FULL catalog of the assembled site:
// ranking with filters (checked against an independent computation from catalog.json), a 4-way comparison,
// a custom price, CSV/JSON exports, the charts, crafted links; and the timing of a ranking update against a
// pair comparison, printed for the lead. Any console error or page error fails the test that caused it.
//
//   VERSUS_SITE=build/site-tools scripts/build-site && VERSUS_SITE=build/site-tools node --test tests/browser/tools.test.mjs
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as fmt from '../../web/format.js';
import { SITE, pageHash, openView, openWorkload } from '../node/helpers.mjs';
import { useSite, pageReady, DESKTOP } from './fixture.mjs';
import { headlineCandidates, cheapestBy } from '../node/headline.mjs';

const LLAMA = 'meta/llama-3.2-1b-instruct';
const O3 = 'openai/o3';
const HASH = `#a=${LLAMA}&b=${O3}&ratio=0.7&req=1000000&in=800&out=250`;
const W = { requests: 1e6, inputTokens: 800, outputTokens: 250 };

let catalog;

// ---------- independent figures from catalog.json (no engine) ----------

const live = (x) => (x.status ?? 'live') === 'live';
const routable = (o) => live(o) && !o.free && typeof o.price?.input === 'number' && typeof o.price?.output === 'number';
const perRequest = (o, w = W) => (w.inputTokens * o.price.input + w.outputTokens * o.price.output) / 1e6;

function offersOf(id) {
  return catalog.offers.filter((o) => o.model === id);
}

/**
 * The headline route of a model for the default workload (docs/routes.md, worked out in tests/node/headline.mjs);
 * `extra` are the visitor's prices, each replacing its provider's offer.
 */
function cheapest(id, extra = []) {
  const offers = [...offersOf(id).filter((o) => !extra.some((x) => x.provider === o.provider)), ...extra.map((x) => ({ model: id, ...x }))];
  const { offers: candidates, tie } = headlineCandidates(catalog, id, offers);
  return cheapestBy(candidates, perRequest, tie);
}

/** Models with function calling and ≥128k context, ranked by monthly cost at the default workload. */
function expectedRanking({ cap = 'functionCalling', minContext = 128000 } = {}) {
  const rows = [];
  let unpriced = 0;
  for (const m of catalog.models) {
    if (!live(m)) continue;
    if (m.capabilities?.[cap]?.value !== true) continue;
    if (!(m.context?.value >= minContext)) continue;
    const best = cheapest(m.id);
    if (!best) {
      unpriced += 1;
      continue;
    }
    rows.push({ id: m.id, name: m.name, monthly: best.c * W.requests, provider: best.o.provider });
  }
  rows.sort((x, y) => x.monthly - y.monthly || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0) || (x.provider < y.provider ? -1 : 1));
  return { rows, unpriced };
}

// ---------- harness ----------

/**
 * The page at the desktop size, once ready and the tools are mounted; then `view` opened (a view is drawn when it
 * is shown: the ranking's rows once its tab is open).
 */
const openPage = (hash = HASH, { allow = [], view = '' } = {}) => site.open(`/${hash}`, {
  viewport: DESKTOP,
  acceptDownloads: true,
  allow,
  until: async (page) => {
    await pageReady(page);
    await page.waitForSelector('html[data-tools="mounted"]', { state: 'attached', timeout: 30000 });
    if (view) await openView(page, view);
    if (view === 'rank' || /[#&]tool=rank\b/.test(hash)) await page.waitForSelector('#tr-table tbody tr', { state: 'attached', timeout: 30000 });
  },
});

const text = async (page, sel) => (await page.locator(sel).first().textContent()).trim();
const hashParams = async (page) => (await pageHash(page)).slice(1).split('&').map((kv) => kv.split('=').map(decodeURIComponent));

async function downloadText(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click(selector)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), text: await readFile(file, 'utf8') };
}

/** A small CSV parser for the exported files (quoted cells, doubled quotes, CRLF). */
function parseCsv(textIn) {
  const rows = [];
  let row = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < textIn.length; i++) {
    const ch = textIn[i];
    if (q) {
      if (ch === '"' && textIn[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};
const p95 = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};

const site = useSite({ prefix: 'versus-tools-', needs: ['tools.js'] });
before(async () => {
  catalog = JSON.parse(await readFile(path.join(SITE, 'catalog.json'), 'utf8'));
});

// ---------- tests ----------

test('a hidden view costs nothing: the ranking, side-by-side and charts are drawn when their tab is opened', { timeout: 120000 }, async () => {
  const { page, done } = await openPage(`${HASH}&m=openai/o4-mini`);
  // The pair view is open: none of the three tools has drawn (issue 21: a ratio step paid ~60 ms for the ranking
  // and ~75 ms for the charts under CPU ×4, off screen).
  await page.focus('#ratio');
  await page.keyboard.press('ArrowRight');
  await pageReady(page);
  assert.equal(await page.locator('#tr-table tbody tr').count(), 0, 'no ranking rows while the ranking is hidden');
  assert.equal(await page.locator('#tn-table thead th[data-model]').count(), 0, 'no side-by-side while it is hidden');
  assert.equal(await page.locator('#chart-cost svg').count(), 0, 'no chart while it is hidden');
  for (const [view, sel] of [['rank', '#tr-table tbody tr'], ['nway', '#tn-table thead th[data-model]'], ['charts', '#chart-cost svg']]) {
    await openView(page, view);
    await page.waitForSelector(sel, { state: 'attached', timeout: 30000 });
  }
  // Drawn at the state of now: the side-by-side's A, B and the extra model from the link.
  assert.equal(await page.locator('#tn-table thead th[data-model]').count(), 3);
  await done();
});

test('ranking: cheapest function-calling model with ≥128k context matches an independent computation', { timeout: 120000 }, async () => {
  const { page, done } = await openPage(HASH, { view: 'rank' });
  await page.check('#tr-cap-functionCalling');
  await page.selectOption('#tr-minctx', '128000');
  const exp = expectedRanking();
  assert.ok(exp.rows.length > 0, 'the catalog has a model to find');
  await page.waitForFunction((id) => document.querySelector('#tr-table tbody tr')?.dataset.id === id, exp.rows[0].id, { timeout: 30000 });
  const first = page.locator('#tr-table tbody tr').first();
  assert.equal(await first.locator('td[data-col="monthly"]').textContent(), fmt.usd(exp.rows[0].monthly));
  assert.equal(await first.locator('td[data-col="rank"]').textContent(), '1');
  const counts = await text(page, '#tr-counts');
  assert.ok(counts.startsWith(`${fmt.integer(exp.rows.length)} models match the filters; ${fmt.integer(exp.unpriced)} more`), counts);
  // the next rows follow the same order (up to ties in cost)
  const ids = await page.locator('#tr-table tbody tr').evaluateAll((trs) => trs.slice(0, 10).map((tr) => tr.dataset.id));
  const monthly = await page.locator('#tr-table tbody td[data-col="monthly"]').evaluateAll((tds) => tds.slice(0, 10).map((td) => td.textContent));
  assert.deepEqual(monthly, exp.rows.slice(0, 10).map((r) => fmt.usd(r.monthly)));
  assert.equal(ids[0], exp.rows[0].id);
  // the hash keeps app.js's keys and adds the filters
  const h = (await hashParams(page));
  assert.deepEqual(h.slice(0, 6).map(([k]) => k), ['a', 'b', 'ratio', 'req', 'in', 'out']);
  assert.ok(h.some(([k, v]) => k === 'cap' && v === 'functionCalling'));
  assert.ok(h.some(([k, v]) => k === 'minctx' && v === '128000'));
  // sorting by a header: aria-sort follows, keyboard operable
  await page.focus('#tr-table thead button[data-key="monthly"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#tr-table thead th:has(button[data-key="monthly"])', 'aria-sort'), 'ascending');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#tr-table thead th:has(button[data-key="monthly"])', 'aria-sort'), 'descending');
  const desc = await page.locator('#tr-table tbody td[data-col="monthly"]').evaluateAll((tds) => tds.map((td) => Number(td.textContent.replace(/[$,]/g, ''))));
  assert.deepEqual(desc, desc.slice().sort((a, b) => b - a));
  // a row sets model A of the pair
  await page.click(`#tr-table tbody tr[data-id="${exp.rows[0].id}"] button[data-act="a"]`);
  await page.waitForFunction((n) => document.getElementById('card-a-name')?.textContent === n, exp.rows[0].name, { timeout: 30000 });
  await page.waitForFunction(() => document.documentElement.dataset.tool === '', null, { timeout: 30000 }); // back at the pair
  assert.equal(await page.locator('#card-a-name').isVisible(), true);
  assert.equal((await hashParams(page)).find(([k]) => k === 'a')[1], exp.rows[0].id);
  assert.ok((await hashParams(page)).some(([k]) => k === 'cap'), 'our keys survive a pair change');
  // a reload with the hash restores the filters
  await page.reload();
  await pageReady(page);
  await page.waitForSelector('#tr-cap-functionCalling', { state: 'attached', timeout: 30000 });
  assert.equal(await page.isChecked('#tr-cap-functionCalling'), true);
  assert.equal(await page.inputValue('#tr-minctx'), '128000');
  await done();
});

test('timing: a ranking update over the full catalog vs a pair comparison (printed)', { timeout: 180000 }, async () => {
  const { page, done } = await openPage();
  const REPS = 25;
  const figures = await page.evaluate(async (reps) => {
    const box = document.getElementById('tr-cap-vision');
    const out = document.getElementById('out');
    const rankTimes = [];
    const pairTimes = [];
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    for (let i = 0; i < reps; i++) {
      await frame();
      const before = document.querySelector('#tr-counts').textContent;
      let t = performance.now();
      box.click(); // change event → engine rank over the whole catalog → table rendered, synchronously
      void document.body.offsetHeight; // + style and layout of what changed
      rankTimes.push(performance.now() - t);
      if (document.querySelector('#tr-counts').textContent === before) throw new Error('the ranking did not update');
      await frame();
      const card = document.querySelector('#card-b [data-figure="monthly"]').textContent;
      out.value = String(i % 2 ? 250 : 251);
      t = performance.now();
      out.dispatchEvent(new Event('input', { bubbles: true })); // app.js: engine pairFigures → pair figures (the rest after the paint)
      void document.body.offsetHeight;
      pairTimes.push(performance.now() - t);
      if (document.querySelector('#card-b [data-figure="monthly"]').textContent === card) throw new Error('the pair did not update');
    }
    return { rankTimes, pairTimes };
  }, REPS);
  const r = { median: median(figures.rankTimes), p95: p95(figures.rankTimes) };
  const p = { median: median(figures.pairTimes), p95: p95(figures.pairTimes) };
  const models = catalog.models.length;
  console.log(`[timing] full catalog: ${models} models, ${catalog.offers.length} offers; ${REPS} repetitions each`);
  console.log(`[timing] ranking update (toggle a capability → engine rank + table + layout): median ${r.median.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms`);
  console.log(`[timing] pair comparison (change output tokens → engine pairFigures + pair figures + layout): median ${p.median.toFixed(2)} ms, p95 ${p.p95.toFixed(2)} ms`);
  console.log(`[timing] ratio ranking / pair: median ${(r.median / p.median).toFixed(2)}×, p95 ${(r.p95 / p.p95).toFixed(2)}×; one frame = 16.7 ms`);
  assert.ok(Number.isFinite(r.median) && Number.isFinite(p.median));
  await done();
});

test('a private model named “Our Fine-Tune v2”: added, compared, restored from its link, removed', { timeout: 120000 }, async () => {
  // Before: the page guessed the id as "custom/our fine-tune v2" (the engine's is custom/our-fine-tune-v2), so
  // removing it left it in the side-by-side; and a link naming it as model A fell back to the default model,
  // because the link's prices were applied only after its models were resolved.
  const ID = 'custom/our-fine-tune-v2';
  const { page, done } = await openPage(HASH, { view: 'prices' });
  await page.fill('#to-pname', 'Our Fine-Tune v2');
  await page.fill('#to-pinput', '0.5');
  await page.fill('#to-poutput', '1.5');
  await page.click('#to-model-add');
  await page.waitForSelector('#to-list li[data-kind="model"]', { timeout: 15000 });
  assert.match(await text(page, '#to-list'), new RegExp(`Our Fine-Tune v2 \\(${ID}\\): input \\$0\\.50, output \\$1\\.50 per 1M`));
  await page.click('#to-list li[data-kind="model"] button[aria-label^="Add Our Fine-Tune v2"]');
  await openView(page, 'nway'); // the side-by-side is drawn when it is shown
  await page.waitForSelector(`#tn-table thead th[data-model="${ID}"]`, { state: 'attached', timeout: 15000 });
  const link = await pageHash(page);
  assert.match(link, /[#&]m=custom\/our-fine-tune-v2(&|$)/);

  // The link, opened fresh with the private model as model A, shows exactly that.
  const fresh = await openPage(link.replace(`a=${LLAMA}`, `a=${ID}`));
  assert.equal(await text(fresh.page, '#card-a-name'), 'Our Fine-Tune v2');
  assert.doesNotMatch(await text(fresh.page, '#status'), /no model|not found|instead/i);
  assert.equal(await text(fresh.page, '#card-a [data-figure="monthly"]'), fmt.usd(W.requests * (800 * 0.5 + 250 * 1.5) / 1e6));

  // Removing it takes it out of the list, the side-by-side and the link, and model A falls back with a note.
  await openView(fresh.page, 'prices');
  await fresh.page.click('#to-list li[data-kind="model"] button.remove');
  await fresh.page.waitForFunction(() => !document.querySelector('#to-list li[data-kind="model"]'), null, { timeout: 15000 });
  await fresh.page.waitForFunction((id) => !document.querySelector(`#tn-table thead th[data-model="${id}"]`), ID, { timeout: 15000 });
  assert.notEqual(await text(fresh.page, '#card-a-name'), 'Our Fine-Tune v2');
  assert.match(await text(fresh.page, '#status'), /custom\/our-fine-tune-v2/);
  assert.doesNotMatch(await pageHash(fresh.page), /our-fine-tune/);
  await fresh.done();
  await done();
});

test('headline routes: the makers\' prices head, flagged routes are listed, and the visitor can let them in', { timeout: 120000 }, async () => {
  const SONNET = 'anthropic/claude-sonnet-4-6', GPT = 'openai/gpt-5.5';
  const { page, done } = await openPage(`#a=${SONNET}&b=${GPT}&ratio=0.7&req=1000000&in=800&out=250`);
  // 800 × $3 + 250 × $15 and 800 × $5 + 250 × $30 per 1M, a million requests: at Anthropic's and OpenAI's own APIs.
  assert.equal(await text(page, '#card-a [data-figure="monthly"]'), '$6,150');
  assert.equal(await text(page, '#card-b [data-figure="monthly"]'), '$11,500');
  assert.equal(await text(page, '#card-a [data-figure="route"]'), 'Anthropic API · maker\'s API');
  assert.equal(await text(page, '#card-b [data-figure="route"]'), 'OpenAI API · maker\'s API');
  // Flagged routes are in the table with their flag, and the note counts them.
  await page.click('#offers-all'); // every route, not only the main ones
  const flags = await page.locator('#offers [data-flag]').evaluateAll((els) => els.map((e) => e.dataset.flag));
  assert.ok(flags.includes('reseller') && flags.includes("below the maker's price"), flags.join(', '));
  assert.match(await text(page, '#offers-note'), new RegExp(`^${flags.length} routes are flagged .* more than 10% under the maker's own`));
  // Letting every route head: the cheapest of all routes, and routes=all in the hash.
  await openWorkload(page);
  await page.check('#tw-routes');
  const all = (id) => cheapestBy(offersOf(id), perRequest).c * W.requests;
  assert.ok(all(SONNET) < 6150, 'a flagged route is cheaper than the maker\'s');
  await page.waitForFunction((v) => document.querySelector('#card-a [data-figure="monthly"]')?.textContent === v, fmt.usd(all(SONNET)), { timeout: 30000 });
  assert.equal(await text(page, '#card-b [data-figure="monthly"]'), fmt.usd(all(GPT)));
  assert.ok((await hashParams(page)).some(([k, v]) => k === 'routes' && v === 'all'));
  // The link restores it.
  await page.reload();
  await pageReady(page);
  await page.waitForFunction((v) => document.querySelector('#card-a [data-figure="monthly"]')?.textContent === v, fmt.usd(all(SONNET)), { timeout: 30000 });
  assert.equal(await page.isChecked('#tw-routes'), true);
  await done();
});

test('a typo in the picker: "clade sonet" and Enter compares Claude Sonnet 4.6; Back returns to the pair before', { timeout: 120000 }, async () => {
  const { page, done } = await openPage();
  await page.fill('#model-a', 'clade sonet');
  await page.press('#model-a', 'Enter');
  await page.waitForFunction(() => document.getElementById('card-a-name')?.textContent === 'Claude Sonnet 4.6', null, { timeout: 30000 });
  assert.equal((await hashParams(page)).find(([k]) => k === 'a')[1], 'anthropic/claude-sonnet-4-6');
  assert.match(await text(page, '#model-a-msg'), /^Comparing Claude Sonnet 4\.6, the closest match to “clade sonet”; also: /);
  assert.equal(await page.getAttribute('#model-a', 'aria-invalid'), null, 'a note, not an error');
  await page.goBack();
  await page.waitForFunction((name) => document.getElementById('model-a').value === name, 'Llama 3.2 1B Instruct', { timeout: 30000 });
  assert.equal((await hashParams(page)).find(([k]) => k === 'a')[1], LLAMA);
  await done();
});

test('4-way comparison, a custom price and the exports', { timeout: 180000 }, async () => {
  const { page, done } = await openPage(HASH, { view: 'nway' });
  const extra = ['openai/o4-mini', 'openai/gpt-4o'];
  for (const id of extra) assert.ok(catalog.models.some((m) => m.id === id), `${id} is in the catalog`);
  for (const id of extra) {
    await page.fill('#tn-search', id);
    await page.press('#tn-search', 'Escape'); // the suggestions close (they may cover the button on a busy machine)
    await page.click('#tn-add');
    await page.waitForSelector(`#tn-table thead th[data-model="${id}"]`, { timeout: 30000 });
  }
  const ids = [LLAMA, O3, ...extra];
  const heads = await page.locator('#tn-table thead th[data-model]').evaluateAll((ths) => ths.map((th) => th.dataset.model));
  assert.deepEqual(heads, ids);
  const monthlyCells = () => page.locator('#tn-table tr[data-row="monthly"] td').evaluateAll((tds) => tds.map((td) => td.textContent));
  assert.deepEqual(await monthlyCells(), ids.map((id) => fmt.usd(cheapest(id).c * W.requests)));
  assert.equal((await hashParams(page)).filter(([k]) => k === 'm').map(([, v]) => v).join(','), extra.join(','));

  // a custom price: o3 at OpenAI for $1 input / $4 output per 1M
  const openaiOffer = offersOf(O3).find((o) => o.provider === 'openai');
  assert.ok(openaiOffer, 'o3 has an OpenAI offer');
  await openView(page, 'prices');
  await page.fill('#to-model', O3);
  await page.press('#to-model', 'Escape'); // the suggestions close; the typed id is the model
  await page.dispatchEvent('#to-model', 'change');
  await page.selectOption('#to-provider', 'openai');
  await page.fill('#to-input', '1');
  await page.fill('#to-output', '4');
  await page.click('#to-offer-add');
  const mine = { provider: 'openai', price: { input: 1, output: 4 } };
  const expectedO3 = cheapest(O3, [mine]).c * W.requests;
  assert.equal(expectedO3, 1800);
  await page.waitForFunction((v) => document.querySelector('#card-b [data-figure="monthly"]')?.textContent === v, fmt.usd(expectedO3), { timeout: 30000 });
  await openView(page, 'nway');
  await page.waitForFunction((v) => document.querySelectorAll('#tn-table tr[data-row="monthly"] td')[1]?.textContent === v, fmt.usd(expectedO3), { timeout: 30000 });
  assert.match(await text(page, '#tn-table tr[data-row="route"] td:nth-of-type(2)'), /Your price/);
  assert.match(await text(page, '#to-list'), /Your price.*o3.*\$1.*\$4/);
  const custom = (await hashParams(page)).find(([k]) => k === 'custom');
  assert.ok(custom, 'the custom price is in the link');
  assert.deepEqual(JSON.parse(custom[1]), { p: [[O3, 'openai', 1, 4, null]] });

  // an engine error is shown with its path
  await openView(page, 'prices');
  await page.fill('#to-model', O3);
  await page.press('#to-model', 'Escape');
  await page.fill('#to-input', '20000');
  await page.click('#to-offer-add');
  assert.match(await text(page, '#to-offer-msg'), /10,000/);

  // exports: the 4-way comparison
  await openView(page, 'export');
  const csv = await downloadText(page, '#te-cmp-csv');
  assert.match(csv.name, /^versus-comparison-.*\.csv$/);
  const rows = parseCsv(csv.text);
  assert.deepEqual(rows.map((r) => r.model_id), ids);
  const o3row = rows.find((r) => r.model_id === O3);
  assert.equal(Number(o3row.monthly_usd), 1800);
  assert.equal(o3row.your_price, 'yes');
  assert.equal(Number(rows[0].monthly_usd), Number((cheapest(LLAMA).c * W.requests).toPrecision(12)), 'no float noise in the CSV');
  const json = await downloadText(page, '#te-cmp-json');
  const j = JSON.parse(json.text);
  assert.equal(j.kind, 'nway');
  assert.deepEqual(j.models.map((m) => m.id), ids);
  assert.equal(j.models[1].monthly, 1800);
  assert.equal(j.workload.requests, 1e6);
  // exports: the ranking
  const rcsv = parseCsv((await downloadText(page, '#te-rank-csv')).text);
  const rjson = JSON.parse((await downloadText(page, '#te-rank-json')).text);
  assert.equal(rcsv.length, 25);
  assert.equal(rjson.rows.length, 25);
  assert.equal(rcsv[0].model_id, rjson.rows[0].id);
  assert.equal(Number(rcsv[0].monthly_usd), Number(rjson.rows[0].monthly.toPrecision(12)));
  assert.ok(rcsv.every((r) => !/\d{13}/.test(String(r.monthly_usd).replace('.', ''))), 'at most 12 significant digits');
  assert.equal(await page.locator('#tr-table tbody tr').first().getAttribute('data-id'), rcsv[0].model_id);

  // the summary: Markdown with the table (clipboard, or the textarea fallback)
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('#te-copy');
  await page.waitForFunction(() => /copied|Could not copy/.test(document.getElementById('te-msg').textContent), null, { timeout: 30000 });
  const md = await page.evaluate(() => navigator.clipboard.readText().catch(() => ''));
  if (md) {
    assert.match(md, /^## Llama 3\.2 1B Instruct vs o3 vs o4-mini vs /);
    assert.match(md, /\| o3 \| \$1,800 \|/);
  }

  // the custom price survives a reload (it is in the link)
  await page.reload();
  await pageReady(page);
  await page.waitForFunction((v) => document.querySelector('#card-b [data-figure="monthly"]')?.textContent === v, fmt.usd(expectedO3), { timeout: 30000 });
  await done();
});

test('charts: a traffic far below one request a month still draws finite paths (req=5e-324)', { timeout: 120000 }, async () => {
  const { page, done } = await openPage(`${HASH.replace(/req=\d+/, 'req=5e-324')}&m=openai/o4-mini`, { view: 'charts' });
  await page.waitForSelector('#chart-cost svg[role="img"] title', { state: 'attached', timeout: 30000 });
  const bad = await page.evaluate(() => [...document.querySelectorAll('#chart-cost svg *')]
    .flatMap((e) => [...e.attributes].filter((a) => /NaN|Infinity/.test(a.value)).map((a) => `${e.tagName} ${a.name}="${a.value.slice(0, 60)}"`)));
  assert.deepEqual(bad, []);
  assert.equal(await page.locator('#chart-cost path.line').count(), 3);
  await done();
});

test('charts: SVG with title, description, focusable points and a data table', { timeout: 120000 }, async () => {
  const { page, done } = await openPage(`${HASH}&m=openai/o4-mini&sbench=gpqa`, { view: 'charts' });
  await page.waitForSelector('#chart-cost svg[role="img"] title', { state: 'attached', timeout: 30000 });
  await page.waitForSelector('#chart-score svg[role="img"] title', { state: 'attached', timeout: 30000 });
  const info = await page.evaluate(() => [...document.querySelectorAll('#tool-charts svg.chart')].map((s) => ({
    ns: s.namespaceURI,
    title: s.querySelector('title')?.textContent,
    desc: s.querySelector('desc')?.textContent,
    labelled: s.getAttribute('aria-labelledby').split(' ').every((id) => document.getElementById(id)),
    focusable: s.querySelectorAll('[tabindex="0"]').length,
    lines: s.querySelectorAll('path.line').length,
  })));
  assert.equal(info.length, 2);
  assert.equal(info[0].ns, 'http://www.w3.org/2000/svg');
  assert.equal(info[0].title, 'Monthly cost against requests a month');
  assert.equal(info[0].lines, 3);
  assert.equal(info[0].focusable, 3);
  assert.match(info[0].desc, /never cross/);
  assert.match(info[1].title, /Google-Proof Q&A score against blended price/);
  assert.match(info[1].desc, /Pareto front/);
  assert.ok(info[1].focusable >= 2);
  assert.ok(info.every((i) => i.labelled));
  assert.equal(await page.inputValue('#tc-bench'), 'gpqa');
  // keyboard focus reaches a chart point
  await page.focus('#chart-score svg [tabindex="0"]');
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), /Pareto front/);
  assert.ok(await page.locator('#chart-score-front tbody tr').count() >= 2);
  // the Pareto front is right: no front model is beaten on both price and score
  await done();
});

test('crafted links give visible messages and sane defaults; every field is labelled', { timeout: 120000 }, async () => {
  const crafted = `${HASH}&cache=abc&cwrite=2&batch=-1&longin=1e99&cap=<script>,vision&minctx=NaN&minscore=x&bench=nope&m=no/such-model&m=openai/o4-mini&custom=%7Bbad&top=7&ow=1`;
  const { page, done } = await openPage(crafted);
  const status = await text(page, '.tools-status');
  for (const re of [/cache hit rate \(cache=\) is not a number \(it is “abc”\)/, /cache write rate \(cwrite=\) is not a share from 0 to 1 \(it is “2”\)/, /batch share \(batch=\) is not a share from 0 to 1 \(it is “-1”\)/, /long prompt length/, /capability list/, /minimum context \(minctx=\) is not a number/, /custom prices \(custom=\) is ignored/, /no model “no\/such-model”/]) {
    assert.match(status, re);
  }
  await page.waitForFunction(() => /benchmark “nope”/.test(document.querySelector('.tools-status').textContent) || /benchmark/.test(document.querySelector('.tools-status').textContent), null, { timeout: 30000 });
  assert.equal(await page.inputValue('#tw-cache'), '0');
  assert.equal(await page.isChecked('#tr-cap-vision'), true);
  assert.equal(await page.isChecked('#tr-ow'), true);
  const body = (await page.locator('#tools-root section').allInnerTexts()).join('\n'); // the messages quote the link
  assert.doesNotMatch(body, /NaN|undefined|null|Infinity/);
  await openView(page, 'nway');
  await page.waitForFunction(() => document.querySelectorAll('#tn-table thead th[data-model]').length === 3, null, { timeout: 30000 });
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('#tools-root input, #tools-root select, #tools-root textarea, #workload-box input, #workload-box select')]
    .filter((e) => !e.closest('.visually-hidden') && !(e.id && document.querySelector(`label[for="${CSS.escape(e.id)}"]`))).map((e) => e.id || e.name || e.type));
  assert.deepEqual(unlabelled, []);
  const sortable = await page.evaluate(() => [...document.querySelectorAll('#tr-table thead th:has(button.sort)')].every((th) => th.hasAttribute('aria-sort')));
  assert.ok(sortable);
  // workload details change the figures: a 50% cache hit rate lowers o3's monthly cost in the side-by-side table
  const before = await text(page, '#tn-table tr[data-row="monthly"] td:nth-of-type(2)');
  await openWorkload(page);
  await page.fill('#tw-cache', '50');
  await page.waitForFunction((b) => document.querySelector('#tn-table tr[data-row="monthly"] td:nth-of-type(2)')?.textContent !== b, before, { timeout: 30000 });
  const o3 = cheapestWithCache(O3, 0.5);
  assert.equal(await text(page, '#tn-table tr[data-row="monthly"] td:nth-of-type(2)'), fmt.usd(o3));
  assert.ok((await hashParams(page)).some(([k, v]) => k === 'cache' && v === '0.5'));
  await done();
});

/** Monthly cost of a model's cheapest route with a cache hit rate (cached input at cacheRead, else the input price). */
function cheapestWithCache(id, hit) {
  const cost = (o) => {
    const cachePrice = typeof o.price.cacheRead === 'number' ? o.price.cacheRead : o.price.input;
    return (W.inputTokens * (1 - hit) * o.price.input + W.inputTokens * hit * cachePrice + W.outputTokens * o.price.output) / 1e6;
  };
  const { offers, tie } = headlineCandidates(catalog, id);
  return cheapestBy(offers, cost, tie).c * W.requests;
}

test('long-context tier: where the threshold lies and what crossing it costs', { timeout: 120000 }, async () => {
  // A model whose every priced route has a long-context tier, so the tier shows whichever route heads the pair
  // at this traffic (Gemini 1.5 Flash was the example until its OpenRouter spelling joined it, with an untiered
  // reseller route that is cheaper for long prompts).
  const tiered = (id) => offersOf(id).filter(routable);
  const GEMINI = catalog.models.map((x) => x.id).sort()
    .find((id) => tiered(id).length >= 2 && tiered(id).every((o) => o.price.tiers?.length));
  assert.ok(GEMINI, 'the catalog has a model whose every route has a tier');
  const best = cheapest(GEMINI).o;
  const tier = best.price.tiers?.[0];
  assert.ok(tier, 'its cheapest route has a tier');
  const { page, done } = await openPage(`#a=${LLAMA}&b=${GEMINI}&ratio=0.7&req=1000000&in=800&out=250&long=0.2&longin=${tier.start + 1000}`);
  const li = page.locator(`#tw-tiers li[data-model="${GEMINI}"]`);
  assert.equal(await li.locator('[data-figure="tier-start"]').textContent(), `${fmt.integer(tier.start)} tokens`);
  // genai-prices rule: past the threshold every token of the request is billed at the tier rate
  const below = (tier.start * best.price.input + 250 * best.price.output) / 1e6;
  const above = ((tier.start + 1) * tier.input + 250 * tier.output) / 1e6;
  assert.equal(await li.locator('[data-figure="tier-below"]').textContent(), fmt.usd(below));
  assert.equal(await li.locator('[data-figure="tier-above"]').textContent(), fmt.usd(above));
  assert.match(await li.textContent(), /crossed by your long prompts \(20% of requests\)/);
  await done();
});

test('a pasted link (hashchange) restores the tools state and keeps app.js keys', { timeout: 120000 }, async () => {
  const { page, done } = await openPage();
  await page.evaluate(() => { location.hash = '#a=meta/llama-3.2-1b-instruct&b=openai/o4-mini&ratio=0.7&req=1000&in=800&out=250&cap=vision&m=openai/o3&cache=0.3'; });
  await page.waitForFunction(() => document.getElementById('tr-cap-vision')?.checked, null, { timeout: 30000 });
  await openView(page, 'nway');
  await page.waitForFunction(() => document.querySelectorAll('#tn-table thead th[data-model]').length === 3, null, { timeout: 30000 });
  assert.equal(await page.inputValue('#tw-cache'), '30');
  const h = (await hashParams(page));
  assert.deepEqual(h.slice(0, 6), [['a', LLAMA], ['b', 'openai/o4-mini'], ['ratio', '0.7'], ['req', '1000'], ['in', '800'], ['out', '250']]);
  assert.ok(h.some(([k, v]) => k === 'm' && v === O3));
  await done();
});

test('prices as on a day: the workload details\' date prices every route by its history, in the link too', { timeout: 120000 }, async () => {
  const PAIR = '#a=deepseek/deepseek-v4-flash&b=openai/o3&ratio=0.7&req=1000000&in=800&out=250';
  const { page, done } = await openPage(PAIR);
  await openWorkload(page);
  // Each route of DeepSeek V4 Flash at the price it had that day: the headline is its cheapest route then.
  const today = await text(page, '#card-a [data-figure="monthly"]');
  await page.fill('#tw-on', '2026-08-01');
  await page.dispatchEvent('#tw-on', 'change');
  await page.waitForFunction(() => location.hash.includes('on=2026-08-01'));
  await page.waitForFunction((t) => document.querySelector('#card-a [data-figure="monthly"]').firstChild.textContent.trim() !== t, today);
  const then = await text(page, '#card-a [data-figure="monthly"]');
  assert.match(await page.textContent('#tw-summary'), /as on 2026-08-01/);
  // The link alone gives the same figure; clearing the day gives today's again.
  const again = await openPage(`${PAIR}&on=2026-08-01`);
  assert.equal(await text(again.page, '#card-a [data-figure="monthly"]'), then);
  assert.equal(await again.page.inputValue('#tw-on'), '2026-08-01');
  await again.done();
  await page.fill('#tw-on', '');
  await page.dispatchEvent('#tw-on', 'change');
  await page.waitForFunction(() => !location.hash.includes('on='));
  await page.waitForFunction((t) => document.querySelector('#card-a [data-figure="monthly"]').firstChild.textContent.trim() === t, today);
  await done();
});
