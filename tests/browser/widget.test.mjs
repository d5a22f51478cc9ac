// The <llm-versus> widget and its iframe variant on a hostile foreign page served from a second port.
// Origin A (the Versus site) is a copy of VERSUS_SITE; origin B serves tests/fixtures/host/ with {{VERSUS}}
// replaced by A's URL. Both are scripts/serve.mjs. The headers a deployment needs for embedding (see
// docs/embedding.md) are added here with Playwright routes: A answers with Access-Control-Allow-Origin: *
// and lets widget.html be framed; B sends the host CSP the docs ask for. Expected figures come from the seed
// catalog's prices, formatted with web/format.js.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile, cp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as fmt from '../../web/format.js';
import { ROOT } from '../node/helpers.mjs';
import { cheapestBy } from '../node/headline.mjs';
import { useSite, startServer, newContext, guard } from './fixture.mjs';
import { EMBED_SITE, recordViolations, widgetState, assertCrossOriginLoopback, LLAMA, O3, WAIT } from './embed-harness.mjs';

let hostDir;
let hostServer;

// The host page's screen. The widgets below the first one start only when scrolled near (widgetState
// scrolls to each, as a reader would); the lazy-start test below checks that they wait.
const HOST_VIEWPORT = Object.freeze({ width: 1100, height: 900 });

const hostCsp = (a) => `default-src 'self'; script-src 'self' ${a} 'wasm-unsafe-eval'; connect-src 'self' ${a}; ` +
  `frame-src ${a}; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'`;

async function hostContext(options = {}) {
  const context = await newContext(site.browser, { viewport: HOST_VIEWPORT, serviceWorkers: 'block', ...options });
  const origin = site.server.url.replace(/\/$/, '');
  await context.route(`${hostServer.url}**`, async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': hostCsp(origin) } });
  });
  const violations = [];
  await recordViolations(context, violations);
  const keys = { start: null };
  await context.exposeBinding('__reportStartKeys', (src, k) => { if (src.frame === src.page.mainFrame()) keys.start = k; });
  await context.addInitScript(() => globalThis.__reportStartKeys(Object.keys(window)));
  const page = await context.newPage();
  const g = guard(page);
  return { context, page, g, violations, keys };
}

const seed = JSON.parse(await readFile(path.join(ROOT, 'tests/fixtures/seed-catalog.json'), 'utf8'));
function expected(modelId, { ratio = 0.7, req = 1000000, inTok = 800, outTok = 250 } = {}) {
  const priced = seed.offers.filter((o) => o.model === modelId && (o.status ?? 'live') === 'live' && !o.free &&
    typeof o.price?.input === 'number' && typeof o.price?.output === 'number');
  const cost = (o) => (inTok * o.price.input + outTok * o.price.output) / 1e6;
  const route = priced.slice().sort((x, y) => cost(x) - cost(y) || x.price.input - y.price.input)[0];
  const blend = (o) => ratio * o.price.input + (1 - ratio) * o.price.output;
  return { name: seed.models.find((m) => m.id === modelId).name, monthly: req * cost(route), blended: Math.min(...priced.map(blend)),
    input: route.price.input, output: route.price.output };
}

// Origin A: the site, served, and the browser (the fixture); origin B, the host, once A is up.
const site = useSite({ ...EMBED_SITE, started: async () => {
  hostDir = await mkdtemp(path.join(os.tmpdir(), 'versus-host-'));
  await cp(path.join(ROOT, 'tests/fixtures/host'), hostDir, { recursive: true });
  const html = await readFile(path.join(hostDir, 'index.html'), 'utf8');
  await writeFile(path.join(hostDir, 'index.html'), html.replaceAll('{{VERSUS}}', site.server.url));
  hostServer = await startServer({ dir: hostDir, port: 0 });
  assert.notEqual(new URL(site.server.url).origin, new URL(hostServer.url).origin);
  await assertCrossOriginLoopback(site.browser, hostServer.url, site.server.url);
} });

after(async () => {
  await hostServer?.close();
  if (hostDir) await rm(hostDir, { recursive: true, force: true });
});

const inner = (loc, sel) => loc.locator(sel).first().textContent();

/** The hostile host page opened in a new context, once its first widget is ready. */
async function openHost(options) {
  const host = await hostContext(options);
  await host.page.goto(hostServer.url);
  assert.equal(await widgetState(host.page.locator('#w1')), 'ready');
  return host;
}

/** Add a <llm-versus> to the host page (after a `spacer` px tall block, in `parent`); returns its locator. */
async function addWidget(page, { id, a, b, catalog, parent = 'body', spacer = 0, attrs = {} }) {
  await page.evaluate((o) => {
    const box = document.querySelector(o.parent);
    if (o.spacer) box.append(Object.assign(document.createElement('div'), { style: `height: ${o.spacer}px` }));
    const w = document.createElement('llm-versus');
    w.id = o.id;
    for (const [k, v] of Object.entries({ a: o.a, b: o.b, catalog: o.catalog, ...o.attrs })) if (v !== undefined && v !== null) w.setAttribute(k, v);
    box.append(w);
  }, { id, a, b, catalog, parent, spacer, attrs });
  return page.locator(`#${id}`);
}

test('on a hostile foreign page the widget renders the right figures, adds no globals and breaks nothing', async () => {
  const { context, page, g, violations, keys } = await hostContext();
  await page.goto(hostServer.url);
  const w1 = page.locator('#w1');
  assert.equal(await widgetState(w1), 'ready');
  const a = expected(LLAMA);
  const b = expected(O3);
  assert.equal(await inner(w1, '[data-figure="name-a"]'), a.name);
  assert.equal(await inner(w1, '[data-figure="name-b"]'), b.name);
  assert.equal(await inner(w1, '[data-figure="monthly-a"]'), '$71.85');
  assert.equal(await inner(w1, '[data-figure="monthly-b"]'), '$3,600');
  assert.equal(await inner(w1, '[data-figure="monthly-a"]'), fmt.usd(a.monthly));
  assert.equal(await inner(w1, '[data-figure="blended-b"]'), fmt.perMillion(b.blended));
  assert.equal(await inner(w1, '[data-figure="input-a"]'), '$0.027 / 1M');
  assert.match(await inner(w1, '[data-figure="monthly-gap"]'), /^\$3,528 a month more for o3 \(50\.1× the cost\)/);
  assert.equal(await inner(w1, '[data-figure="largest-gap"]'), '68.6 points on HumanEval — o3 leads');
  const href = await w1.locator('[data-figure="full-link"]').getAttribute('href');
  assert.equal(href, `${site.server.url}index.html#a=${LLAMA}&b=${O3}&ratio=0.7&req=1000000&in=800&out=250`);

  // The hostile CSS did not reach inside: our font size, block layout, and it fits the 320px column.
  const look = await w1.evaluate((host) => {
    const box = host.shadowRoot.querySelector('.w');
    const cs = getComputedStyle(box);
    const r = box.getBoundingClientRect();
    const col = host.parentElement.getBoundingClientRect();
    return { font: cs.fontSize, transform: cs.textTransform, display: getComputedStyle(host).display, width: r.width,
      left: r.left, right: r.right, colLeft: col.left, colRight: col.right, overflow: box.scrollWidth - box.clientWidth,
      cols: getComputedStyle(host.shadowRoot.querySelector('.cols')).gridTemplateColumns.split(' ').length };
  });
  assert.equal(look.font, '14px');
  assert.equal(look.transform, 'none');
  assert.equal(look.display, 'block');
  assert.ok(look.left >= look.colLeft - 0.5 && look.right <= look.colRight + 0.5, `widget inside its 320px column: ${JSON.stringify(look)}`);
  assert.ok(look.overflow <= 0, `no horizontal overflow: ${JSON.stringify(look)}`);
  assert.equal(look.cols, 1, 'narrow: the two models stack');

  // The widget's own controls.
  const req = w1.locator('input[name="requests"]');
  await req.fill('2000');
  await req.press('Enter');
  assert.equal(await inner(w1, '[data-figure="monthly-b"]'), fmt.usd(expected(O3, { req: 2000 }).monthly));
  const bad = w1.locator('input[name="input"]');
  await bad.fill('-3');
  await bad.press('Enter');
  assert.match(await inner(w1, '.field-msg'), /^Input tokens per request must be a number from 0 to 1e9\.$/);
  assert.equal(await inner(w1, '[data-figure="monthly-b"]'), fmt.usd(expected(O3, { req: 2000 }).monthly));

  // Unknown model: a clear message inside the widget, with suggestions, never a blank box.
  const w2 = page.locator('#w2');
  assert.equal(await widgetState(w2), 'error');
  const msg = await inner(w2, '[data-figure="unknown-model"]');
  assert.match(msg, /Unknown model “no-such\/model-xyz” \(the b attribute\)/);
  assert.ok(await w2.locator('[data-figure="full-link"]').isVisible());

  // Bad numbers: defaults, and a note saying so.
  const w3 = page.locator('#w3');
  assert.equal(await widgetState(w3), 'ready');
  const notes = await inner(w3, '.msgs');
  assert.match(notes, /ratio attribute is not a share from 0 to 1 \(it is “7”\); the default, 0\.7, is used\./);
  assert.match(notes, /requests attribute is not a number \(it is “lots”\)/);

  // Attributes are live.
  await page.evaluate(() => document.getElementById('w3').setAttribute('ratio', '0'));
  await page.waitForFunction(() => !document.getElementById('w3').shadowRoot.querySelector('.msgs')?.textContent.includes('ratio'), null, { timeout: WAIT });

  // No globals: the same window keys as before any script ran (only the element is new). Numeric keys are
  // the host's own <iframe> (window[0]), not ours.
  const now = (await page.evaluate(() => Object.keys(window))).filter((k) => !/^\d+$/.test(k));
  assert.ok(keys.start?.length > 0);
  assert.deepEqual(now.filter((k) => !keys.start.includes(k)), []);
  assert.ok(await page.evaluate(() => !!customElements.get('llm-versus')));
  // The host's own styles are untouched by the widget.
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontSize), '48px');
  assert.equal(await page.evaluate(() => document.styleSheets.length), 1);

  // The iframe variant, framed by the foreign page (it loads lazily: scroll it into view).
  await page.locator('#frame').scrollIntoViewIfNeeded();
  const frame = page.frameLocator('#frame');
  const fw = frame.locator('llm-versus');
  assert.equal(await widgetState(fw), 'ready');
  assert.equal(await inner(fw, '[data-figure="monthly-b"]'), fmt.usd(expected(O3, { ratio: 0.5, req: 2000, outTok: 1000 }).monthly));
  assert.equal(await inner(fw, '[data-figure="blended-a"]'), fmt.perMillion(expected(LLAMA, { ratio: 0.5 }).blended));
  await page.screenshot({ path: '/tmp/versus-widget-host.png', fullPage: true });
  assert.deepEqual(violations, [], 'no CSP violation on the host page or in the frame');
  g.check();
  await context.close();
});

test('a widget far below the fold waits until the reader scrolls near it, then starts', async () => {
  const { context, page, g } = await openHost();
  // A widget 6,000 px further down the post: its observer has had a frame to look, and it has not started.
  const far = await addWidget(page, { id: 'far', a: 'openai/o4-mini', b: 'openai/o3', catalog: 'fixtures/seed-catalog.json', spacer: 6000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const before = await far.evaluate((h) => ({ state: h.dataset.state, top: h.getBoundingClientRect().top, vh: innerHeight }));
  assert.ok(before.top > before.vh + 300, `set-up: the widget is out of the lazy-load margin (${JSON.stringify(before)})`);
  assert.equal(before.state, 'loading');
  assert.equal(await widgetState(far), 'ready'); // scrolls it into view
  assert.equal(await inner(far, '[data-figure="name-a"]'), 'o4-mini');
  g.check();
  await context.close();
});

test('a catalog with 10 kB unbroken names wraps inside the widget: the host page gets no sideways scroll', async () => {
  const { context, page, g } = await openHost();
  const long = await addWidget(page, { id: 'long', a: 'hostile/long', b: 'hostile/rtl', catalog: 'fixtures/hostile-catalog.json', parent: '#narrow' });
  assert.equal(await widgetState(long), 'ready');
  // A test catalog is named inside the widget, not passed off as the Versus catalog.
  assert.equal(await inner(long, '[data-figure="catalog"]'), 'Prices: test catalog fixtures/hostile-catalog.json, not the Versus catalog');
  const sizes = await page.evaluate(() => {
    const host = document.getElementById('long');
    const box = host.shadowRoot.querySelector('.w');
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      widget: box.scrollWidth - box.clientWidth, name: host.shadowRoot.querySelector('[data-figure="name-a"]').textContent.length };
  });
  assert.ok(sizes.name > 5000, `set-up: the long name is shown whole (${sizes.name} characters)`);
  assert.ok(sizes.page <= 0, `the host page scrolls sideways by ${sizes.page}px`);
  assert.ok(sizes.widget <= 0, `the widget overflows by ${sizes.widget}px`);
  g.check();
  await context.close();
});

test('values past the engine\'s bounds get the engine\'s defaults and a note; the form stays usable', async () => {
  // The widget allowed up to 1e15 where the engine stops at 1e12 requests and 1e9 tokens: the attribute
  // or the typed value reached the engine, which refused it, and the widget replaced its form by an error.
  const { context, page, g } = await openHost();
  const w = await addWidget(page, { id: 'big', a: LLAMA, b: O3, catalog: 'fixtures/seed-catalog.json',
    attrs: { requests: '5e12', output: '2e9' } });
  assert.equal(await widgetState(w), 'ready');
  const notes = await inner(w, '.msgs');
  assert.match(notes, /requests attribute is over the limit of 1000000000000 \(it is “5e12”\); the default, 1000000, is used\./);
  assert.match(notes, /output attribute is over the limit of 1000000000 \(it is “2e9”\); the default, 250, is used\./);
  assert.equal(await inner(w, '[data-figure="monthly-b"]'), fmt.usd(expected(O3).monthly));

  const req = w.locator('input[name="requests"]');
  await req.fill('2e12');
  await req.press('Enter');
  assert.equal(await inner(w, '.field-msg'), 'Requests a month must be a number from 0 to 1e12.');
  assert.equal(await req.getAttribute('aria-invalid'), 'true');
  assert.equal(await widgetState(w), 'ready', 'the engine never saw the value');
  await req.fill('1e12');
  await req.press('Enter');
  assert.equal(await inner(w, '[data-figure="monthly-b"]'), fmt.usd(expected(O3, { req: 1e12 }).monthly));
  g.check();
  await context.close();
});

test('the widget heads at the makers\' prices as the page does, and routes="all" lets every route head', async () => {
  const { context, page, g } = await openHost();
  const real = JSON.parse(await readFile(path.join(ROOT, 'data/catalog.json'), 'utf8'));
  const w = await addWidget(page, { id: 'makers', a: 'anthropic/claude-sonnet-4-6', b: 'openai/gpt-5.5' });
  assert.equal(await widgetState(w), 'ready');
  // 800 × $3 + 250 × $15 per 1M, a million requests, at Anthropic's own API (docs/routes.md).
  assert.equal(await inner(w, '[data-figure="monthly-a"]'), '$6,150');
  assert.equal(await inner(w, '[data-figure="route-a"]'), 'Anthropic API · maker\'s API');
  await page.evaluate(() => document.getElementById('makers').setAttribute('routes', 'all'));
  const perRequest = (o) => (800 * o.price.input + 250 * o.price.output) / 1e6;
  const all = cheapestBy(real.offers.filter((o) => o.model === 'anthropic/claude-sonnet-4-6'), perRequest).c * 1e6;
  assert.ok(all < 6150, 'a flagged route is cheaper than the maker\'s');
  await page.waitForFunction((v) => document.getElementById('makers').shadowRoot.querySelector('[data-figure="monthly-a"]')?.textContent === v,
    fmt.usd(all), { timeout: WAIT });
  g.check();
  await context.close();
});

test('the real bill\'s attributes: tier="priority" bills o3 at OpenAI\'s priority rates; a bad reasoning value says so', async () => {
  const { context, page, g } = await openHost();
  const real = JSON.parse(await readFile(path.join(ROOT, 'data/catalog.json'), 'utf8'));
  const o3 = real.offers.find((o) => o.model === 'openai/o3' && o.provider === 'openai');
  const w = await addWidget(page, { id: 'bill', a: 'openai/o3', b: 'openai/gpt-4.1', attrs: { tier: 'priority' } });
  assert.equal(await widgetState(w), 'ready');
  // 1,000,000 × (800 × $3.50 + 250 × $14) / 1M at OpenAI's priority tier.
  assert.equal(await inner(w, '[data-figure="monthly-a"]'), fmt.usd(800 * o3.price.priority.input + 250 * o3.price.priority.output));
  assert.match(await inner(w, '[data-figure="traffic"]'), /priority service tier/);
  await page.evaluate(() => document.getElementById('bill').setAttribute('reasoning', 'lots'));
  await page.waitForFunction(() => /reasoning/.test(document.getElementById('bill').shadowRoot.querySelector('.msgs')?.textContent ?? ''), null, { timeout: WAIT });
  await page.evaluate(() => document.getElementById('bill').setAttribute('reasoning', 'typical'));
  await page.waitForFunction(() => /typical hidden reasoning/.test(document.getElementById('bill').shadowRoot.querySelector('[data-figure="traffic"]')?.textContent ?? ''), null, { timeout: WAIT });
  const typical = Number((await inner(w, '[data-figure="monthly-a"]')).replace(/[$,]/g, ''));
  assert.ok(typical > 800 * o3.price.priority.input + 250 * o3.price.priority.output, 'hidden reasoning adds to the bill');
  g.check();
  await context.close();
});

test('dark mode follows prefers-color-scheme; theme="light" overrides it', async () => {
  const { context, page, g } = await hostContext({ colorScheme: 'dark' });
  await page.goto(hostServer.url);
  const w1 = page.locator('#w1');
  assert.equal(await widgetState(w1), 'ready');
  const bg = () => w1.evaluate((h) => getComputedStyle(h.shadowRoot.querySelector('.w')).backgroundColor);
  assert.equal(await bg(), 'rgb(22, 25, 29)');
  await page.evaluate(() => document.getElementById('w1').setAttribute('theme', 'light'));
  assert.equal(await bg(), 'rgb(255, 255, 255)');
  g.check();
  await context.close();
});

test('the iframe page on its own: parameters from the hash or the query, hashchange re-renders', async () => {
  // until: null, the widget's own start is what the test checks (widgetState)
  const { page, context, check } = await site.open(`widget.html?a=${O3}&b=${LLAMA}&catalog=fixtures/seed-catalog.json`,
    { viewport: HOST_VIEWPORT, serviceWorkers: 'block', watcher: guard, until: null });
  const w = page.locator('llm-versus');
  assert.equal(await widgetState(w), 'ready');
  assert.equal(await inner(w, '[data-figure="name-a"]'), 'o3');
  await page.evaluate(() => { location.hash = 'a=openai/o4-mini&b=openai/o3&catalog=fixtures/seed-catalog.json'; });
  await page.waitForFunction(() => document.querySelector('llm-versus').shadowRoot.querySelector('[data-figure="name-a"]')?.textContent === 'o4-mini', null, { timeout: WAIT });
  check();
  await context.close();
});

test('in a frame the widget reports its height to the host, which can fit the frame to it at any width', async () => {
  const host = await openHost();
  const { page } = host;
  // The host listens the way docs/embedding.md shows, and keeps what it heard.
  await page.evaluate((origin) => {
    window.__heights = [];
    addEventListener('message', (e) => {
      if (e.origin !== origin || e.data?.type !== 'versus:height') return;
      const f = document.getElementById('frame');
      if (f.contentWindow !== e.source) return;
      window.__heights.push(e.data.height);
      f.style.height = `${Number(e.data.height)}px`;
    });
  }, new URL(site.server.url).origin);
  const frame = page.frameLocator('#frame');
  await page.locator('#frame').scrollIntoViewIfNeeded(); // the widget starts when its frame is near the screen
  await frame.locator('llm-versus[data-state="ready"]').waitFor({ state: 'attached', timeout: WAIT });
  // A narrow frame makes the widget taller: a new report, and the frame follows it exactly.
  await page.evaluate(() => { document.getElementById('frame').style.width = '340px'; });
  // Chromium runs no layout observers in a cross-origin frame off the screen: keep it in view.
  await page.evaluate(() => document.getElementById('frame').scrollIntoView({ block: 'start' }));
  await page.waitForFunction(() => window.__heights.length > 0 && window.__heights.at(-1) > 700, null, { timeout: WAIT });
  const inside = await frame.locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
  const reported = await page.evaluate(() => window.__heights.at(-1));
  assert.equal(reported, inside, 'the height the frame reported is its document\'s');
  await page.waitForFunction((h) => Math.round(document.getElementById('frame').getBoundingClientRect().height) === h, reported, { timeout: WAIT });
  // nothing in the frame scrolls: the whole widget is in view
  assert.equal(await frame.locator('html').evaluate((h) => h.scrollHeight <= h.clientHeight + 1), true);
  host.g.check();
  await host.context.close();
});
