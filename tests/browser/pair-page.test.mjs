// The pair page's engine-written sections (seeds 000–003) in headless Chromium, plus navigation between
// the pair view and the model view, and random pairs of the full catalog. Expected figures are computed
// here from the fixture catalogs, independently of the engine. Any console error or page error fails the
// test that caused it.
//   VERSUS_SITE=build/site-pair scripts/build-site && VERSUS_SITE=build/site-pair node --test tests/browser/pair-page.test.mjs
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as fmt from '../../web/format.js';
import { SITE, SEED_CATALOG, pageHash, setHash } from '../node/helpers.mjs';
import { useSite, settled, DESKTOP } from './fixture.mjs';

const WAIT = 60000; // the machine is shared: generous waits
const LLAMA = 'meta/llama-3.2-1b-instruct';
const SEED = '?catalog=fixtures/seed-catalog.json';
const SEED_PAIRS = ['openai/o3', 'openai/o4-mini', 'openai/gpt-5.3-codex', 'meta/llama-guard-3-1b'];
// The seeds' sections, the answer first (issue 16): the monthly cost and the verdict, then the seeds' order (specs and
// capabilities side by side before the price table).
const SECTIONS = ['Monthly cost at your traffic', 'Verdict', 'Decision scorecard', 'Decision tradeoffs', 'Switch friction',
  'Specs', 'Capabilities', 'Pricing and availability', 'Benchmarks', 'Deep dive', 'Frequently asked questions',
  'Continue comparing', 'Sources and dates'];
const BAD = /\bundefined\b|\bNaN\b|\bnull\b|Infinity|\[object Object\]/;
const pairHash = (a, b, { ratio = 0.7, req = 1000000, inTok = 800, outTok = 250 } = {}) =>
  `#a=${a}&b=${b}&ratio=${ratio}&req=${req}&in=${inTok}&out=${outTok}`;

let seed;
let full;

// ---------- expected figures, from the seed fixture ----------

const val = (f) => (f && typeof f === 'object' && 'value' in f ? f.value : f);

function route(cat, id, { ratio = 0.7, req = 1e6, inTok = 800, outTok = 250 } = {}) {
  const priced = cat.offers.filter((o) => o.model === id && (o.status ?? 'live') === 'live' && !o.free &&
    typeof o.price?.input === 'number' && typeof o.price?.output === 'number');
  const cost = (o) => (inTok * o.price.input + outTok * o.price.output) / 1e6;
  const r = priced.slice().sort((x, y) => cost(x) - cost(y))[0];
  const blend = (o) => ratio * o.price.input + (1 - ratio) * o.price.output;
  return {
    name: cat.models.find((m) => m.id === id).name,
    input: r.price.input,
    output: r.price.output,
    provider: cat.providers.find((p) => p.id === r.provider).name,
    monthly: req * cost(r),
    blended: Math.min(...priced.map(blend)),
    providers: new Set(cat.offers.filter((o) => o.model === id && (o.status ?? 'live') === 'live').map((o) => o.provider)),
  };
}

// ---------- harness ----------

/** The page at `width` x 900 (the desktop size unless given), light or dark, once ready. */
const openPage = (url, { width = DESKTOP.width, dark = false } = {}) => site.open(url, {
  viewport: { width, height: DESKTOP.height }, colorScheme: dark ? 'dark' : 'light', timeout: WAIT });

const text = async (page, sel) => (await page.locator(sel).first().innerText()).trim();
/** textContent: includes the answers of closed <details>. */
const content = async (page, sel) => (await page.locator(sel).first().textContent()).replace(/\s+/g, ' ').trim();

/** Set the hash and wait until the page has handled it and drawn its lower sections (helpers.mjs). */
const go = setHash;

/** Text and empty-heading checks for a visible view. */
async function checkClean(page, sel, label) {
  const body = `${await text(page, sel)}\n${await content(page, sel)}`;
  assert.doesNotMatch(body, BAD, `${label}: ${body.match(BAD)?.[0]} in the page text`);
  const empty = await page.evaluate((s) => [...document.querySelectorAll(`${s} h2, ${s} h3, ${s} summary, ${s} th[scope]`)]
    .filter((h) => !h.closest('[hidden]') && !h.textContent.trim()).map((h) => h.outerHTML), sel);
  assert.deepEqual(empty, [], `${label}: empty headings`);
  // "N% cheaper" only below 100; "100% cheaper (free)" only for a price of $0.
  for (const m of body.matchAll(/([\d,.]+)% cheaper( \(free\))?/g)) assert.ok(Number(m[1].replace(/,/g, '')) < 100 || (m[1] === '100' && m[2]), `${label}: ${m[0]}`);
}

const site = useSite({ prefix: 'versus-pair-' });
before(async () => {
  seed = JSON.parse(await readFile(SEED_CATALOG, 'utf8'));
  full = JSON.parse(await readFile(path.join(SITE, 'catalog.json'), 'utf8'));
});

// ---------- tests ----------

test('every seed pair shows every section, in the seeds\' order, with the seed figures', { timeout: 300000 }, async () => {
  const { page, done } = await openPage(`/${SEED}${pairHash(LLAMA, SEED_PAIRS[0])}`);
  for (const bId of SEED_PAIRS) {
    await go(page, pairHash(LLAMA, bId));
    const a = route(seed, LLAMA);
    const b = route(seed, bId);
    const label = `${a.name} vs ${b.name}`;
    assert.equal(await text(page, '#pair-title'), label);

    // Every section, in order, each with content.
    const headings = await page.locator('#results section > h2').allTextContents();
    assert.deepEqual(headings.map((h) => h.trim().replace(/\s+/g, ' ').replace(/^VERDICT$/i, 'Verdict')), SECTIONS, label);
    assert.ok((await text(page, '#headline')).length > 80, `${label}: headline`);
    assert.ok((await page.locator('#scorecard tbody tr').count()) >= 8, `${label}: scorecard rows`);
    assert.ok((await page.locator('#tradeoffs li:not(.empty)').count()) >= 1, `${label}: tradeoffs`);
    assert.ok((await page.locator('#friction li:not(.empty)').count()) >= 1, `${label}: switch friction`);
    assert.equal(await page.locator('#caps tbody tr').count(), 10, `${label}: ten capabilities`);
    assert.ok((await page.locator('#deep-dive p').count()) >= 3, `${label}: deep dive`);
    assert.ok((await page.locator('#faq details').count()) >= 10, `${label}: FAQ`);
    assert.ok((await page.locator('#continue-list a').count()) >= 1, `${label}: continue comparing`);
    assert.ok((await page.locator('#pair-sources li').count()) >= 1, `${label}: sources`);
    assert.equal(await text(page, '#last-reviewed'), `Last reviewed: ${seed.generated} (the catalog's generation date).`);

    // The verdict: percent cheaper at the 70/30 blend (below 100, truncated to one decimal) and both blended prices.
    const [cheap, dear] = a.blended <= b.blended ? [a, b] : [b, a];
    const pct = ((dear.blended - cheap.blended) / dear.blended) * 100;
    const verdict = await text(page, '#verdict');
    assert.ok(verdict.startsWith(`${cheap.name} is ${fmt.percentCheaper(pct)} than ${dear.name} at a 70/30 input/output blend (${fmt.usd(cheap.blended)} vs ${fmt.usd(dear.blended)} per 1M tokens)`), verdict);
    const faq = await content(page, '#faq');
    if (dear.blended / cheap.blended >= 2) assert.ok(faq.includes(`${dear.name} costs ${fmt.times(dear.blended / cheap.blended)} as much`), `${label}: FAQ ratio`);

    // Monthly cost: both models and the gap.
    const monthly = await text(page, '#monthly-text');
    assert.ok(monthly.includes(`${a.name} costs ${fmt.usd(a.monthly)} at its cheapest verified route, ${a.provider}`), monthly);
    assert.ok(monthly.includes(`${b.name} costs ${fmt.usd(b.monthly)} at its cheapest verified route, ${b.provider}`), monthly);
    assert.ok(monthly.includes(`The estimated monthly gap is ${fmt.usd(Math.abs(b.monthly - a.monthly))}`), monthly);
    assert.match(await text(page, '#monthly-excluded'), /excluded/);

    // Switch friction: shared providers by name and the output price delta.
    const friction = await text(page, '#friction');
    const shared = [...a.providers].filter((p) => b.providers.has(p)).map((id) => seed.providers.find((p) => p.id === id).name);
    for (const name of shared) assert.ok(friction.includes(name), `${label}: ${name} in switch friction`);
    assert.ok(friction.includes(`${fmt.usd(Math.abs(b.output - a.output))} per 1M tokens`), `${label}: output delta in ${friction}`);

    // Shared benchmarks and their gaps in the deep dive.
    const deep = await content(page, '#deep-dive'); // folded under its summary: its text, not its rendering
    const ba = seed.models.find((m) => m.id === LLAMA).benchmarks ?? {};
    const bb = seed.models.find((m) => m.id === bId).benchmarks ?? {};
    const gaps = Object.keys(ba).filter((k) => k in bb).map((k) => Math.abs(val(bb[k]) - val(ba[k])));
    for (const g of gaps) assert.ok(deep.includes(`ahead by ${fmt.score(g)} points`), `${label}: gap ${g}`);
    if (!gaps.length) assert.match(deep, /share no benchmark|no shared benchmark|none are shared|no benchmark/i);

    await checkClean(page, '#results', label);
  }

  // The seed's literal figures for the o3 pair.
  await go(page, pairHash(LLAMA, 'openai/o3'));
  assert.match(await text(page, '#verdict'), /^Llama 3\.2 1B Instruct is 97\.9% cheaper than o3/);
  assert.match(await content(page, '#faq'), /o3 costs 48\.0× as much/);
  assert.match(await text(page, '[data-figure="input-wording"]'), /7,307% more expensive/);
  const monthly = await text(page, '#monthly-text');
  for (const s of ['$71.85', '$3,600', '$3,528']) assert.ok(monthly.includes(s), s);
  assert.match(await text(page, '#friction'), /OpenRouter and Vercel AI Gateway/);
  assert.match(await text(page, '#friction'), /\$7\.80 per 1M tokens higher/);
  const deep = await content(page, '#deep-dive');
  assert.match(deep, /ahead by 62\.1 points/);
  assert.match(deep, /largest visible gap is 68\.6 points on HumanEval/);
  assert.match(await content(page, '#pair-sources'), /Source: Artificial Analysis/);
  // Model names link to their model pages.
  assert.equal(await page.locator('#pair-models a').first().getAttribute('href'), `#model=${LLAMA}&ratio=0.7&req=1000000&in=800&out=250`);
  await page.screenshot({ path: '/tmp/versus-pair-light.png', fullPage: true });
  await done();
});

test('the prose follows the ratio and the traffic', { timeout: 120000 }, async () => {
  const { page, done } = await openPage(`/${SEED}${pairHash(LLAMA, 'openai/o3')}`);
  await page.locator('#ratio').fill('0.5');
  await settled(page);
  const a = route(seed, LLAMA, { ratio: 0.5 });
  const b = route(seed, 'openai/o3', { ratio: 0.5 });
  const pct = ((b.blended - a.blended) / b.blended) * 100;
  assert.ok((await text(page, '#verdict')).startsWith(`${a.name} is ${fmt.percent(pct)} cheaper than o3 at a 50/50 input/output blend (${fmt.usd(a.blended)} vs ${fmt.usd(b.blended)} per 1M tokens)`));
  assert.match(await text(page, '#scorecard'), /Blended price \(50\/50\)/);
  await page.fill('#req', '2000');
  await settled(page);
  const a2 = route(seed, LLAMA, { req: 2000 });
  const b2 = route(seed, 'openai/o3', { req: 2000 });
  const monthly = await text(page, '#monthly-text');
  assert.ok(monthly.startsWith('At 2,000 requests a month'), monthly);
  assert.ok(monthly.includes(fmt.usd(a2.monthly)) && monthly.includes(fmt.usd(b2.monthly)), monthly);
  await done();
});

test('a link whose model name only forgives a typo shows the default with a note, never the guess', { timeout: 120000 }, async () => {
  // "codec" is one edit from "codex" of GPT-5.3-Codex, the seed catalog's only match: a picker would offer it as a
  // guess; a link shows what it names or says it cannot.
  const { page, done } = await openPage(`/${SEED}${pairHash('codec', 'openai/o3')}`);
  assert.match(await text(page, '#status'), /The catalog has no model “codec” \(model A in the link\); showing meta\/llama-3\.2-1b-instruct instead\./);
  assert.equal(await page.inputValue('#model-a'), 'Llama 3.2 1B Instruct');
  assert.match(await pageHash(page), /a=meta\/llama-3\.2-1b-instruct&b=openai\/o3/);
  await done();
});

test('a slider step redraws the figures it changes, in place, and the cards equal a fresh draw', { timeout: 120000 }, async () => {
  const { page, done } = await openPage(`/${SEED}${pairHash(LLAMA, 'openai/o3')}`);
  // Nodes a ratio cannot change, marked: a step keeps them, so it lays out its own figures only.
  await page.evaluate(() => {
    window.__kept = ['#card-a > header', '#card-a [data-figure="monthly"]', '#card-b [data-figure="input"]', '#gaps [data-figure="monthly-gap"]']
      .map((sel) => document.querySelector(sel));
  });
  await page.focus('#ratio');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await settled(page);
  const ratio = Number(await page.locator('#ratio').inputValue());
  assert.equal(ratio, 0.67);
  const kept = await page.evaluate(() => window.__kept.map((n) => n.isConnected));
  assert.deepEqual(kept, [true, true, true, true], 'the header, the monthly and input figures and the monthly gap are the same nodes');
  const a = route(seed, LLAMA, { ratio });
  const b = route(seed, 'openai/o3', { ratio });
  assert.equal(await text(page, '#card-a [data-figure="blended"]'), fmt.perMillion(a.blended));
  assert.equal(await text(page, '#card-b [data-figure="blended"]'), fmt.perMillion(b.blended));
  assert.match(await text(page, '#card-a'), /Blended price at 67\/33/);
  assert.match(await text(page, '#gaps'), /Blended gap at 67\/33/);
  // Drawn in steps (each part redrawn only when what it is drawn from changed: dom.js redrawParts) or at once: the same.
  const answer = () => document.querySelector('section.answer').outerHTML;
  const stepped = await page.evaluate(answer);
  const fresh = await openPage(`/${SEED}${pairHash(LLAMA, 'openai/o3', { ratio })}`);
  assert.equal(stepped, await fresh.page.evaluate(answer));
  await fresh.done();
  await done();
});

test('the FAQ works from the keyboard', { timeout: 120000 }, async () => {
  const { page, done } = await openPage(`/${SEED}${pairHash(LLAMA, 'openai/o3')}`);
  const first = page.locator('#faq details').first();
  assert.equal(await first.evaluate((d) => d.open), false);
  await first.locator('summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await first.evaluate((d) => d.open), true);
  assert.ok((await first.locator('p').innerText()).length > 20);
  await page.keyboard.press('Space');
  assert.equal(await first.evaluate((d) => d.open), false);
  await done();
});

test('pair → model page → compare with … → pair; back and forward restore each view', { timeout: 180000 }, async () => {
  const { page, done } = await openPage(`/${SEED}${pairHash(LLAMA, 'openai/o3')}`);
  await page.locator('#pair-models a', { hasText: 'Llama 3.2 1B Instruct' }).click();
  await page.waitForFunction(() => !document.getElementById('model-view').hidden);
  assert.equal((await pageHash(page)), `#model=${LLAMA}&ratio=0.7&req=1000000&in=800&out=250`);
  assert.equal(await text(page, '#model-title'), 'Llama 3.2 1B Instruct');
  assert.equal(await page.locator('#results').isVisible(), false);
  assert.equal(await page.locator('#models-fieldset').isVisible(), false);
  assert.match(await text(page, '#back-to-pair'), /Llama 3\.2 1B Instruct vs o3/);

  // Compare with o4-mini, by typing its name and pressing Enter.
  await page.fill('#compare-with', 'openai/o4-mini');
  await page.press('#compare-with', 'Enter');
  await page.waitForFunction(() => !document.getElementById('results').hidden);
  assert.equal(await text(page, '#pair-title'), 'Llama 3.2 1B Instruct vs o4-mini');
  assert.equal((await pageHash(page)), pairHash(LLAMA, 'openai/o4-mini'));
  assert.equal(await page.inputValue('#model-b'), 'o4-mini');

  // An unknown model in the picker: a message, no navigation.
  await page.goBack();
  await page.waitForFunction(() => !document.getElementById('model-view').hidden);
  assert.equal(await text(page, '#model-title'), 'Llama 3.2 1B Instruct');
  await page.fill('#compare-with', 'no such model');
  await page.press('#compare-with', 'Enter');
  assert.match(await text(page, '#compare-with-msg'), /No model matches/);
  assert.ok((await pageHash(page)).startsWith('#model='));

  await page.goBack();
  await page.waitForFunction(() => !document.getElementById('results').hidden);
  assert.equal(await text(page, '#pair-title'), 'Llama 3.2 1B Instruct vs o3');
  assert.equal(await page.inputValue('#model-b'), 'o3');
  await page.goForward();
  await page.waitForFunction(() => !document.getElementById('model-view').hidden);
  await page.goForward();
  await page.waitForFunction(() => !document.getElementById('results').hidden);
  assert.equal(await text(page, '#pair-title'), 'Llama 3.2 1B Instruct vs o4-mini');

  // A "Continue comparing" link opens another pair.
  const link = page.locator('#continue-list a').first();
  const target = await link.innerText();
  await link.click();
  await page.waitForFunction((t) => document.getElementById('pair-title').textContent === t, target.trim());
  await done();
});

test('a dozen random pairs of the full catalog render every section cleanly', { timeout: 300000 }, async () => {
  const { page, done } = await openPage(`/${pairHash(LLAMA, 'openai/o3')}`);
  let x = 20260923; // deterministic pseudo-random choice
  const rnd = (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  const ids = full.models.map((m) => m.id);
  for (let i = 0; i < 12; i++) {
    const a = ids[rnd(ids.length)];
    let b = ids[rnd(ids.length)];
    if (b === a) b = ids[(ids.indexOf(a) + 1) % ids.length];
    await go(page, pairHash(encodeURIComponent(a).replace(/%2F/g, '/'), encodeURIComponent(b).replace(/%2F/g, '/')));
    const label = `${a} vs ${b}`;
    assert.equal(await page.locator('#results').isVisible(), true, label);
    const headings = await page.locator('#results section > h2').allTextContents();
    assert.equal(headings.length, SECTIONS.length, label);
    assert.ok((await text(page, '#verdict')).length > 20, `${label}: verdict`);
    assert.ok((await text(page, '#monthly-text')).length > 20, `${label}: monthly`);
    await checkClean(page, '#results', label);
  }
  await done();
});

test('one gap, one multiplier: every sentence about the monthly bills quotes the same ratio', { timeout: 180000 }, async () => {
  const pairs = [[LLAMA, 'openai/o3'], ['openai/o3', 'openai/o4-mini'], ['anthropic/claude-sonnet-4-6', 'openai/gpt-5.5']];
  const { page, done } = await openPage(`/${pairHash(...pairs[0])}`);
  let quoted = 0;
  for (const [a, b] of pairs) {
    await go(page, pairHash(a, b));
    const gap = await page.locator('[data-figure="monthly-gap"]').textContent();
    const inGap = /\(([\d.,]+×) the cost\)/.exec(gap)?.[1];
    // The prose words the same gap as "costs N× as much" where it says the monthly gap.
    const prose = await page.evaluate(() => document.getElementById('results').innerText);
    const monthly = [...prose.matchAll(/monthly gap is \$[\d,.]+: .*? costs ([\d.,]+×) as much/g)].map((m) => m[1]);
    const label = `${a} vs ${b}`;
    if (inGap) for (const r of monthly) assert.equal(r, inGap, `${label}: the prose quotes the gap box's ${inGap}`);
    else assert.deepEqual(monthly, [], `${label}: no multiplier in the prose when the gap box has none`);
    quoted += monthly.length;
  }
  assert.ok(quoted >= 2, `set-up: the prose quotes the monthly multiplier (${quoted} times)`);
  await done();
});
