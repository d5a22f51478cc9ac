// The page in headless Chromium (playwright-core + Debian's /usr/bin/chromium), served by scripts/serve.mjs
// from a copy of build/site (made by scripts/build-site) plus a few test catalogs. Expected figures are
// computed here from the seed fixture's prices, independently of the engine. Any console error or page
// error fails the test that caused it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as fmt from '../../web/format.js';
import { SITE, SEED_CATALOG, pageHash, testSite } from '../node/helpers.mjs';
import { useSite, startServer, newContext, pageReady, settled, DESKTOP } from './fixture.mjs';

const LLAMA = 'meta/llama-3.2-1b-instruct';
const O3 = 'openai/o3';
const O4 = 'openai/o4-mini';
const SEED = '?catalog=fixtures/seed-catalog.json';
const hashFor = ({ a = LLAMA, b = O3, ratio = 0.7, req = 1000000, inTok = 800, outTok = 250 } = {}) =>
  `#a=${a}&b=${b}&ratio=${ratio}&req=${req}&in=${inTok}&out=${outTok}`;

let seed;

// ---------- expected figures, from the fixture's prices ----------

/** Cheapest live, priced route of a model for the traffic, and its blended price at the ratio. */
function expected(modelId, { ratio = 0.7, req = 1000000, inTok = 800, outTok = 250 } = {}) {
  const priced = seed.offers.filter((o) => o.model === modelId && (o.status ?? 'live') === 'live' && !o.free &&
    typeof o.price?.input === 'number' && typeof o.price?.output === 'number');
  const cost = (o) => (inTok * o.price.input + outTok * o.price.output) / 1e6;
  const byCost = priced.slice().sort((x, y) => cost(x) - cost(y) || x.price.input - y.price.input);
  const blend = (o) => ratio * o.price.input + (1 - ratio) * o.price.output;
  const route = byCost[0];
  const provider = seed.providers.find((p) => p.id === route.provider);
  return {
    name: seed.models.find((m) => m.id === modelId).name,
    input: route.price.input,
    output: route.price.output,
    provider: provider.name,
    monthly: req * cost(route),
    blended: Math.min(...priced.map(blend)),
  };
}

// ---------- harness ----------

/** The page at the desktop size; each test then waits for its own condition (ready, or the error state). */
const openPage = (query, { allow = [] } = {}) => site.open(query, { viewport: DESKTOP, allow, until: null });

/** Wait for data-state="ready"; on data-state="error" fail at once with the page's message. */
const ready = pageReady;
const text = async (page, sel) => (await page.locator(sel).first().textContent()).trim();
const figure = (page, card, name) => text(page, `#card-${card} [data-figure="${name}"]`);
const hashParams = async (page) => Object.fromEntries((await pageHash(page)).slice(1).split('&').map((kv) => kv.split('=').map(decodeURIComponent)));

async function checkFigures(page, w) {
  const a = expected(w.a ?? LLAMA, w);
  const b = expected(w.b ?? O3, w);
  assert.equal(await text(page, '#card-a-name'), a.name);
  assert.equal(await text(page, '#card-b-name'), b.name);
  assert.equal(await figure(page, 'a', 'monthly'), fmt.usd(a.monthly));
  assert.equal(await figure(page, 'b', 'monthly'), fmt.usd(b.monthly));
  assert.equal(await figure(page, 'a', 'blended'), fmt.perMillion(a.blended));
  assert.equal(await figure(page, 'b', 'blended'), fmt.perMillion(b.blended));
  assert.equal(await figure(page, 'a', 'route'), a.provider);
  assert.equal(await figure(page, 'a', 'input'), fmt.perMillion(a.input));
  assert.equal(await figure(page, 'b', 'output'), fmt.perMillion(b.output));
  const blendGap = await text(page, '#gaps [data-figure="blend-gap"]');
  assert.ok(blendGap.startsWith(fmt.perMillion(Math.abs(b.blended - a.blended))), blendGap);
  const monthlyGap = await text(page, '#gaps [data-figure="monthly-gap"]');
  assert.ok(monthlyGap.startsWith(fmt.usd(Math.abs(b.monthly - a.monthly))), monthlyGap);
  return { a, b };
}

const site = useSite({ prefix: 'versus-site-', prepare: async (dir) => {
  seed = JSON.parse(await readFile(SEED_CATALOG, 'utf8'));
  const fixtures = path.join(dir, 'fixtures');
  // A malformed catalog: a missing id, a negative price, a string where a number belongs.
  const bad = structuredClone(seed);
  delete bad.models[3].id;
  bad.offers[0].price.input = -1;
  bad.offers[7].price.output = 'eight';
  await writeFile(path.join(fixtures, 'test-bad-catalog.json'), JSON.stringify(bad));
  await writeFile(path.join(fixtures, 'test-not-json.json'), '{"schema": "versus-catalog/1", "models": [');
  // Catalog text that looks like HTML must show as text.
  const xss = structuredClone(seed);
  xss.models.find((m) => m.id === O3).name = '<img src=x id=pwned onerror="document.title=1">o3';
  await writeFile(path.join(fixtures, 'test-html-names.json'), JSON.stringify(xss));
} });

// ---------- tests ----------

test('opens a pair by hash and shows the seed figures', async () => {
  const { page, done } = await openPage(`/${SEED}${hashFor()}`);
  await ready(page);
  await checkFigures(page, {});
  // The seed's literal figures, as people read them.
  assert.equal(await figure(page, 'a', 'monthly'), '$71.85');
  assert.equal(await figure(page, 'b', 'monthly'), '$3,600');
  assert.match(await text(page, '#gaps [data-figure="monthly-gap"]'), /^\$3,528 a month more for o3 \(50\.1× the cost\)/);
  assert.match(await text(page, '#gaps [data-figure="blend-gap"]'), /^\$3\.72 \/ 1M higher for o3/);
  assert.match(await text(page, '#gaps [data-figure="output-gap"]'), /^\$7\.80 \/ 1M higher for o3/);
  assert.equal(await figure(page, 'a', 'input'), '$0.027 / 1M');
  const wording = await text(page, '[data-figure="input-wording"]');
  assert.match(wording, /Llama 3\.2 1B Instruct is 98\.6% cheaper/);
  assert.match(wording, /o3 is 74\.1× the price \(7,307% more expensive\)/);
  assert.equal(await text(page, '[data-figure="shared-providers"]'), 'OpenRouter, Vercel AI Gateway');
  assert.equal(await text(page, '[data-figure="largest-gap"]'), '68.6 points on HumanEval');
  assert.match(await text(page, '#bench tr[data-bench="gpqa"]'), /62\.1 — o3 leads/);
  // Never "N% cheaper" with N > 100, never NaN/undefined/null on screen.
  const body = await page.locator('body').innerText();
  for (const m of body.matchAll(/([\d,.]+)% cheaper/g)) assert.ok(Number(m[1].replace(/,/g, '')) <= 100, m[0]);
  assert.doesNotMatch(body, /\bNaN\b|\bundefined\b|\bnull\b|\[object Object\]/);
  // Unknown prices show as "—", never "$0".
  const bedrock = page.locator('#offers tbody tr', { hasText: 'AWS Bedrock' });
  assert.deepEqual(await bedrock.locator('td.num').allTextContents(), ['—', '—', '—', '—', '—']);
  // The ten capabilities, Yes/No/Unknown.
  assert.equal(await page.locator('#caps tbody tr').count(), 10);
  assert.deepEqual(await page.locator('#caps tr[data-cap="vision"] td').allTextContents(), ['No', 'Yes']);
  // Facts carry their source and date.
  assert.match(await page.locator('#card-a [data-figure="route"]').getAttribute('title'), /^Source: .+, \d{4}-\d{2}(-\d{2})?$/);
  assert.match(await page.locator('#specs tr[data-spec="released"] td').first().getAttribute('title'), /Source: /);
  await page.screenshot({ path: '/tmp/versus-page.png', fullPage: true });
  await done();
});

test('moving the ratio slider changes the figures and the hash; reload restores the state', async () => {
  const { page, done } = await openPage(`/${SEED}${hashFor()}`);
  await ready(page);
  const slider = page.locator('#ratio');
  await slider.focus();
  await page.keyboard.press('Home'); // all output
  assert.equal(await text(page, '#ratio-value'), '0% input / 100% output');
  await checkFigures(page, { ratio: 0 });
  assert.equal(await figure(page, 'b', 'blended'), '$8 / 1M');
  assert.equal((await hashParams(page)).ratio, '0');
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowRight');
  assert.equal((await hashParams(page)).ratio, '0.25');
  await checkFigures(page, { ratio: 0.25 });
  await slider.fill('0.5');
  assert.equal(await text(page, '#ratio-value'), '50% input / 50% output');
  await checkFigures(page, { ratio: 0.5 });
  assert.match(await text(page, '#card-a'), /Blended price at 50\/50/);

  // Traffic fields.
  await page.fill('#req', '2000');
  await page.fill('#out', '1000');
  await checkFigures(page, { ratio: 0.5, req: 2000, outTok: 1000 });
  assert.deepEqual((await hashParams(page)), { a: LLAMA, b: O3, ratio: '0.5', req: '2000', in: '800', out: '1000' });

  // A drag writes the hash a few times, not once per input event (Chromium ignores replaceState after
  // 200 calls in 10 s), and the last value lands by itself shortly after the drag stops.
  const writes = await page.evaluate(async () => {
    let n = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...args) => {
      n += 1;
      return replace(...args);
    };
    const slider = document.getElementById('ratio');
    const t0 = performance.now();
    for (let i = 1; i <= 40; i++) { // one event a task, as a drag delivers them
      slider.value = String(i / 100);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 4));
    }
    // The last value lands by itself (no flush): wait for it, however long the writer's spacing is.
    while (!/[#&]ratio=0\.4(&|$)/.test(location.hash)) await new Promise((resolve) => setTimeout(resolve, 20));
    return { n, ms: performance.now() - t0, hash: location.hash };
  });
  // At most one write per 250 ms (web/state.js), where one per event would be 40.
  assert.ok(writes.n >= 1 && writes.n <= Math.ceil(writes.ms / 250) + 1, `40 input events in ${Math.round(writes.ms)} ms wrote the hash ${writes.n} times`);
  assert.match(writes.hash, /[#&]ratio=0\.4(&|$)/);
  await slider.fill('0.5');
  // A reload starts from the URL as it is at that moment: wait for the (spaced-out) write of 0.5 to land.
  await page.waitForFunction(() => /[#&]ratio=0\.5(&|$)/.test(location.hash));

  // Reload: everything comes back from the hash.
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('#ratio'), '0.5');
  assert.equal(await page.inputValue('#req'), '2000');
  assert.equal(await page.inputValue('#out'), '1000');
  await checkFigures(page, { ratio: 0.5, req: 2000, outTok: 1000 });
  await done();
});

test('invalid traffic shows a message next to the field and keeps the page working', async () => {
  const { page, done } = await openPage(`/${SEED}${hashFor()}`);
  await ready(page);
  const before = await figure(page, 'a', 'monthly');
  await page.fill('#in', '-5');
  assert.match(await text(page, '#in-msg'), /0 or more/);
  assert.equal(await page.getAttribute('#in', 'aria-invalid'), 'true');
  assert.equal(await figure(page, 'a', 'monthly'), before);
  assert.equal((await hashParams(page)).in, '800');
  await page.fill('#req', '');
  assert.match(await text(page, '#req-msg'), /Enter a number/);
  await page.locator('#req').pressSequentially('1e');
  assert.match(await text(page, '#req-msg'), /number/i);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'ready');
  // Fixing the field clears the message and updates the figures.
  await page.fill('#in', '1600');
  await page.fill('#req', '1000000');
  assert.equal(await text(page, '#in-msg'), '');
  assert.equal(await page.getAttribute('#in', 'aria-invalid'), null);
  await checkFigures(page, { inTok: 1600 });
  await done();
});

test('a model change and a swap are history entries: Back returns to the pair before', async () => {
  const { page, done } = await openPage(`/${SEED}${hashFor()}`);
  await ready(page);
  await page.fill('#model-a', 'OPENAI/O4-MINI');
  await page.press('#model-a', 'Enter');
  assert.equal((await hashParams(page)).a, O4);
  await page.click('#swap');
  assert.equal((await hashParams(page)).b, O4);
  // Back: the swap undone, then the model change; the cards follow the hash each time.
  await page.goBack();
  await page.waitForFunction((name) => document.getElementById('model-a').value === name, 'o4-mini');
  assert.deepEqual([(await hashParams(page)).a, (await hashParams(page)).b], [O4, O3]);
  await checkFigures(page, { a: O4, b: O3 });
  await page.goBack();
  await page.waitForFunction((name) => document.getElementById('model-a').value === name, 'Llama 3.2 1B Instruct');
  await checkFigures(page, { a: LLAMA, b: O3 });
  // The ratio slider does not add entries: Forward still reaches the changed pair.
  await page.goForward();
  await page.waitForFunction((name) => document.getElementById('model-a').value === name, 'o4-mini');
  await done();
});

test('a model change while the sections are being drawn: they follow it, and stay busy until they do', async () => {
  const { page, done } = await openPage(`/${SEED}${hashFor()}`);
  await ready(page);
  await settled(page);
  // Model B becomes o4-mini; once the first step of its sections has drawn the providers (the specs still to come,
  // a task later: web/dom.js runInSteps), it becomes GPT-5.3-Codex. When #results is no longer busy, the specs
  // must name GPT-5.3-Codex, and o4-mini's specs must never have been drawn.
  const seen = await page.evaluate(() => new Promise((resolve) => {
    const results = document.getElementById('results');
    const field = document.getElementById('model-b');
    const specsHead = () => document.querySelector('#specs thead').textContent;
    const pick = (name) => {
      field.value = name;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    };
    const heads = [];
    new MutationObserver(() => heads.push(specsHead())).observe(document.getElementById('specs'), { childList: true, subtree: true });
    pick('o4-mini');
    const offers = new MutationObserver(() => {
      offers.disconnect();
      const busyThen = results.getAttribute('aria-busy');
      pick('gpt-5.3-codex');
      new MutationObserver((_, self) => {
        if (results.getAttribute('aria-busy') === 'true') return;
        self.disconnect();
        resolve({ busyThen, heads, final: specsHead() });
      }).observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
    });
    offers.observe(document.getElementById('offers'), { childList: true, subtree: true });
  }));
  assert.equal(seen.busyThen, 'true', 'the second change came while the first one\'s sections were being drawn');
  assert.match(seen.final, /GPT-5\.3-Codex/);
  assert.ok(!seen.heads.some((h) => /o4-mini/.test(h)), `specs drawn for o4-mini: ${seen.heads.join(' | ')}`);
  assert.equal(await text(page, '#card-b-name'), 'GPT-5.3-Codex');
  await done();
});

test('swap, pick a model by alias, sort the provider table with the keyboard', async () => {
  const { page, done } = await openPage(`/${SEED}${hashFor()}`);
  await ready(page);
  await page.click('#swap');
  assert.equal((await hashParams(page)).a, O3);
  assert.equal((await hashParams(page)).b, LLAMA);
  await checkFigures(page, { a: O3, b: LLAMA });

  // Pick model A by a case-insensitive id, commit with Enter.
  await page.fill('#model-a', 'OPENAI/O4-MINI');
  await page.press('#model-a', 'Enter');
  assert.equal((await hashParams(page)).a, O4);
  assert.equal(await page.inputValue('#model-a'), 'o4-mini', 'the field shows the name, not the id');
  const { a, b } = await checkFigures(page, { a: O4, b: LLAMA });
  assert.equal(Math.round(Math.abs(a.blended - b.blended) * 100) / 100, 0.87); // the seed's $0.87 blend gap
  // An alias of B.
  await page.fill('#model-b', '@cf/meta/llama-3.2-1b-instruct');
  await page.press('#model-b', 'Enter');
  assert.equal((await hashParams(page)).b, LLAMA);
  // Unknown text: a message next to the field; the comparison stays.
  await page.fill('#model-b', 'no such model');
  await page.press('#model-b', 'Enter');
  assert.match(await text(page, '#model-b-msg'), /No model matches “no such model”/);
  assert.equal((await hashParams(page)).b, LLAMA);

  // Sort by input price with the keyboard: ascending, then descending; unknown prices stay last.
  const th = page.locator('#offers thead th', { hasText: 'Input / 1M' });
  assert.equal(await th.getAttribute('aria-sort'), 'none');
  await th.locator('button').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#offers thead th', { hasText: 'Input / 1M' }).getAttribute('aria-sort'), 'ascending');
  let firsts = await page.locator('#offers tbody tr td:nth-child(3)').allTextContents();
  assert.deepEqual(firsts.slice(0, 2), ['$0.027', '$0.50']);
  assert.equal(firsts.at(-1), '—');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.key), 'input'); // focus stays on the header
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#offers thead th', { hasText: 'Input / 1M' }).getAttribute('aria-sort'), 'descending');
  firsts = await page.locator('#offers tbody tr td:nth-child(3)').allTextContents();
  assert.deepEqual(firsts.slice(0, 2), ['$0.50', '$0.027']);
  assert.equal(firsts.at(-1), '—');
  await done();
});

test('every input has a label; the page works from the keyboard alone', async () => {
  const { page, done } = await openPage(`/${SEED}${hashFor()}`);
  await ready(page);
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((i) => !i.labels || i.labels.length === 0).map((i) => i.id));
  assert.deepEqual(unlabelled, []);
  // Tab from the top reaches model A, the swap button, model B and the traffic fields in order (however many
  // other stops, such as the skip link, come between them; at most 40 presses).
  const order = [];
  await page.locator('body').focus();
  for (let i = 0; i < 40 && !order.includes('out'); i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName));
  }
  for (const id of ['model-a', 'swap', 'model-b', 'ratio', 'req', 'in', 'out']) assert.ok(order.includes(id), `${id} in ${order}`);
  assert.ok(order.indexOf('model-a') < order.indexOf('swap') && order.indexOf('swap') < order.indexOf('model-b'));
  await page.locator('#swap').focus();
  await page.keyboard.press('Enter');
  assert.equal((await hashParams(page)).a, O3);
  await done();
});

test('crafted or unknown hash values give a visible message and sane defaults', async () => {
  const { page, done } = await openPage(`/${SEED}#a=nope/not-a-model&b=${O3}&ratio=abc&req=-7&in=800&out=250`);
  await ready(page);
  const status = await text(page, '#status');
  assert.match(status, /no model “nope\/not-a-model”/);
  assert.match(status, /input share \(ratio=\) is not a number \(it is “abc”\)/);
  assert.match(status, /requests a month \(req=\) cannot be negative \(it is “-7”\)/);
  await checkFigures(page, {});
  assert.deepEqual((await hashParams(page)), { a: LLAMA, b: O3, ratio: '0.7', req: '1000000', in: '800', out: '250' });
  // No hash at all: the defaults.
  await page.goto(site.url(`/${SEED}`));
  await ready(page);
  await checkFigures(page, {});
  // Editing the hash by hand re-renders.
  await page.evaluate((h) => { location.hash = h; }, hashFor({ b: O4, ratio: 0.3 }).slice(1));
  await page.waitForFunction(() => document.getElementById('card-b-name').textContent === 'o4-mini');
  await checkFigures(page, { b: O4, ratio: 0.3 });
  assert.equal(await page.inputValue('#ratio'), '0.3');
  await done();
});

test('catalog text is inserted as text, never as HTML', async () => {
  const { page, done } = await openPage(`/?catalog=fixtures/test-html-names.json${hashFor()}`);
  await ready(page);
  assert.equal(await page.locator('#pwned').count(), 0);
  assert.match(await text(page, '#card-b-name'), /^<img src=x/);
  await done();
});

test('a malformed catalog shows a clear message naming the JSON path and sets data-state="error"', async () => {
  const { page, done } = await openPage(`/?catalog=fixtures/test-bad-catalog.json${hashFor()}`);
  await page.waitForSelector('html[data-state="error"]', { timeout: 15000 });
  const msg = await text(page, '#page-error');
  assert.match(msg, /catalog/i);
  assert.match(msg, /models\[3\]/);
  assert.match(msg, /offers\[0\]/);
  assert.match(msg, /offers\[7\]/);
  assert.ok(await page.locator('#page-error').isVisible());
  assert.equal(await page.locator('#results').isVisible(), false);
  await done();

  const notJson = await openPage(`/?catalog=fixtures/test-not-json.json`);
  await notJson.page.waitForSelector('html[data-state="error"]', { timeout: 15000 });
  assert.match(await text(notJson.page, '#page-error'), /catalog is not valid/);
  await notJson.done();
});

test('a missing catalog or a refused catalog parameter is a clear error', async () => {
  const missing = await openPage('/?catalog=fixtures/nothing-here.json', { allow: [/Failed to load resource.*404/] });
  await missing.page.waitForSelector('html[data-state="error"]', { timeout: 15000 });
  assert.match(await text(missing.page, '#page-error'), /HTTP 404/);
  await missing.done();
  for (const bad of ['https://example.com/x.json', '//example.com/x.json', '../catalog.json', '/etc/passwd', 'catalog.js']) {
    const r = await openPage(`/?catalog=${encodeURIComponent(bad)}`);
    await r.page.waitForSelector('html[data-state="error"]', { timeout: 15000 });
    assert.match(await text(r.page, '#page-error'), /refused|this site/, bad);
    await r.done();
  }
});

test('the site as shipped has the catalog hook off: ?catalog= and the widget\'s catalog attribute get a note and the real catalog', async () => {
  // Before, the hook was on in every build: a link could load any .json file of the site's origin as prices.
  const shipped = await testSite('versus-shipped-', SITE, { hooks: false });
  const shippedServer = await startServer({ dir: shipped, port: 0 });
  const context = await newContext(site.browser, { viewport: DESKTOP });
  try {
    const page = await context.newPage();
    await page.goto(new URL(`/${SEED}${hashFor()}`, shippedServer.url).href);
    await pageReady(page);
    assert.match(await text(page, '#status'), /This site loads only its own catalog: the catalog parameter works in test builds only\./);
    assert.doesNotMatch(await text(page, '#catalog-info'), /loaded from/);
    const real = JSON.parse(await readFile(path.join(shipped, 'catalog.json'), 'utf8'));
    assert.match(await text(page, '#catalog-info'), new RegExp(`Catalog: ${fmt.integer(real.models.length)} models`));

    await page.goto(new URL(`/widget.html#a=${O3}&b=${LLAMA}&catalog=fixtures/seed-catalog.json`, shippedServer.url).href);
    const w = page.locator('llm-versus');
    await page.waitForFunction(() => document.querySelector('llm-versus')?.dataset.state === 'ready', null, { timeout: 15000 });
    assert.match(await w.locator('.msgs').textContent(), /the catalog attribute works in test builds only/);
    assert.match(await w.locator('[data-figure="catalog"]').textContent(), /^Prices: Versus catalog/);
  } finally {
    await context.close();
    await shippedServer.close();
    await rm(shipped, { recursive: true, force: true });
  }
});

test('the shipped catalog (build/site/catalog.json) loads and compares the default pair', async () => {
  const { page, done } = await openPage('/');
  await page.waitForSelector('html[data-state="ready"], html[data-state="error"]', { timeout: 15000 });
  const state = await page.evaluate(() => document.documentElement.dataset.state);
  assert.equal(state, 'ready', state === 'error' ? await text(page, '#page-error') : '');
  assert.ok((await text(page, '#card-a-name')).length > 0);
  await page.screenshot({ path: '/tmp/versus-page-catalog.png', fullPage: true });
  await done();
});
