// The static pages (scripts/build-pages.mjs) in Chromium: without JavaScript they show the figures they were built
// with; with it they become the live page (the engine takes over, the slider works, the address bar follows the pair
// to its own page and Back comes back). Served from the shipped site itself (no copy: it may hold thousands of pages).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, DESKTOP, PHONE, pageReady } from './fixture.mjs';
import { siteModules } from '../node/helpers.mjs';

const site = useSite({ copy: false, needs: ['sitemap.xml'] });
let versus; // the site's engine, format.js and pages.js (siteModules), for the figures the pages must show
let fmt;
let pages;
before(async () => {
  ({ versus, fmt, pages } = await siteModules());
});

const monthlies = (page) => page.$$eval('[data-figure="monthly"]', (els) => els.map((e) => e.firstChild.textContent.trim()));

test('without JavaScript a comparison page shows both monthly costs at the default traffic, and says what needs JavaScript', async () => {
  const [a, b] = versus.limits.defaultPair;
  const c = versus.compare(a, b, {}).value;
  for (const viewport of [DESKTOP, PHONE]) {
    const { page, done } = await site.open(`/${pages.pairPagePath(a, b)}`, { viewport, javaScriptEnabled: false, until: null });
    assert.deepEqual(await monthlies(page), c.models.map((m) => fmt.usd(m.monthly.cost)));
    assert.equal(await page.isVisible('[data-figure="monthly"]'), true, 'the costs are on screen, not hidden while "loading"');
    assert.match(await page.textContent('main noscript, main .page-error'), /needs JavaScript/);
    assert.equal(await page.title(), `${c.models[0].name} vs ${c.models[1].name} — Versus`);
    assert.equal(await page.isVisible('#offers tbody tr'), true);
    await done();
  }
});

test('a drawn page (the calculator\'s own, a pair\'s) shows its figures before the engine loads, and hides them when the link asks for another view', async () => {
  const [a, b] = versus.limits.defaultPair;
  const want = versus.compare(a, b, {}).value.models.map((m) => fmt.usd(m.monthly.cost));
  const key = pages.pageKey(versus, { ...pages.blankState(versus), models: [a, b] });
  // The engine's file is never answered: what shows is what the HTML has, and drawn.js.
  const holdEngine = (page) => page.route(/versus-engine\.wasm/, () => {});
  const cases = [['/', true], [`/${key}`, true], ['/?utm_source=newsletter', true], ['/#a=openai/o3&b=openai/o4-mini', false],
    [`/${key}&ratio=0.2`, false], ['/#model=openai/o3', false], [`/${pages.pairPagePath(a, b)}#ratio=0.2`, false]];
  for (const [url, shown] of cases) {
    const { page, close } = await site.open(url, { viewport: PHONE, until: null, onPage: holdEngine });
    await page.waitForFunction(() => document.readyState !== 'loading');
    assert.equal(await page.getAttribute('html', 'data-state'), 'loading', `${url}: the engine is held back`);
    assert.equal(await page.isVisible('[data-figure="monthly"]'), shown, `${url}: the drawn figures are ${shown ? '' : 'not '}on screen`);
    if (shown) assert.deepEqual(await monthlies(page), want, url);
    else assert.equal(await page.isVisible('#status .loading-text'), true, `${url}: says it is loading instead`);
    // On a phone the traffic box shows folded while loading (the figures first); the live page folds it for real.
    assert.equal(await page.isVisible('#ratio'), false, `${url}: the traffic fields folded on a phone`);
    assert.equal(await page.isVisible('#traffic-brief'), true, `${url}: its one-line summary instead`);
    assert.equal(await page.$eval('#traffic-summary', (e) => getComputedStyle(e).listStyleType), 'disclosure-closed', `${url}: its marker says folded`);
    await close();
  }
  // On a wide screen the box is open from the start, as the live page keeps it: nothing moves when the engine takes over.
  const wide = await site.open('/', { viewport: DESKTOP, until: null, onPage: holdEngine });
  await wide.page.waitForFunction(() => document.readyState !== 'loading');
  assert.equal(await wide.page.isVisible('#ratio'), true, 'the traffic fields shown (disabled) while loading');
  assert.equal(await wide.page.isDisabled('#ratio'), true);
  await wide.close();
  // Let in, the engine shows the link's own pair.
  const { page, done } = await site.open('/#a=openai/o3&b=openai/o4-mini', { viewport: PHONE });
  assert.equal(await page.textContent('#card-b-name'), versus.compare('openai/o3', 'openai/o4-mini', {}).value.models[1].name);
  assert.equal(await page.isVisible('[data-figure="monthly"]'), true);
  await done();
});

test('a drawn page opened for another pair never shows the drawn pair\'s sections: they stay hidden, unlaid, until the engine has drawn the link\'s', async () => {
  const [a, b] = ['openai/gpt-4.1', 'openai/o4-mini'];
  const want = versus.compare(a, b, {}).value;
  // Every frame from the first: is a section below the figures on screen while it still holds the drawn page's providers?
  // (Taken once the HTML is parsed, before the engine can draw: a frame during the parse sees a part of the table.)
  const record = () => {
    window.__staleSeen = [];
    document.addEventListener('DOMContentLoaded', () => { window.__drawnProviders = document.getElementById('offers')?.textContent; });
    const look = () => {
      const providers = document.getElementById('offers');
      if (providers?.checkVisibility() && (window.__drawnProviders === undefined || providers.textContent === window.__drawnProviders)) window.__staleSeen.push(document.documentElement.dataset.drawn);
      if (!window.__stopLooking) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  };
  for (const viewport of [DESKTOP, PHONE]) {
    const { page, done } = await site.open(`/#a=${a}&b=${b}`, { viewport, onPage: (p) => p.addInitScript(record) });
    await page.evaluate(() => { window.__stopLooking = true; });
    assert.equal(await page.textContent('#card-a-name'), want.models[0].name);
    assert.deepEqual(await page.evaluate(() => window.__staleSeen), [], `${viewport.width} px: no frame showed the drawn pair's providers`);
    assert.match(await page.evaluate(() => window.__drawnProviders), /\$/, 'the page was drawn with its pair\'s providers');
    assert.equal(await page.getAttribute('html', 'data-drawn'), 'replaced', 'the sections are the engine\'s now');
    assert.equal(await page.isVisible('#offers tbody tr'), true, 'and shown');
    assert.notEqual(await page.textContent('#offers'), await page.evaluate(() => window.__drawnProviders));
    await done();
  }
});

test('a drawn page\'s figures stay where they are when the engine and the tools take over', async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    const held = [];
    let asked;
    const engineAsked = new Promise((resolve) => { asked = resolve; });
    const hold = (r) => {
      held.push(r);
      asked();
    };
    const { page, done } = await site.open('/', { viewport, until: null, onPage: (p) => p.route(/versus-engine\.wasm/, hold) });
    await page.waitForFunction(() => document.readyState !== 'loading');
    const top = () => page.evaluate(() => Math.round(document.getElementById('card-a').getBoundingClientRect().top + scrollY));
    const before = await top();
    await engineAsked;
    assert.equal(await page.getAttribute('html', 'data-state'), 'loading');
    for (const r of held) await r.continue();
    await pageReady(page);
    await page.waitForSelector('html[data-tools="mounted"]', { state: 'attached' });
    assert.equal(await top(), before, `${viewport.width} px: card A's top once the tools mounted`);
    assert.equal(await page.isVisible('#view-tabs a[data-tool="rank"]'), true, 'the tabs shown');
    assert.match(await page.textContent('#workload-brief'), /Workload details/);
    await done();
  }
});

test('with JavaScript the same page becomes live: ready, the slider changes the figures, the path stays and no console error', async () => {
  const [a, b] = versus.limits.defaultPair;
  const rel = `/${pages.pairPagePath(a, b)}`;
  const { page, done } = await site.open(rel, { viewport: DESKTOP });
  assert.equal(await page.evaluate(() => location.pathname + location.hash), rel, 'the page as built: no hash');
  assert.equal(await page.isDisabled('#ratio'), false, 'the controls are on');
  const before = await page.textContent('[data-figure="blended"]');
  await page.locator('#ratio').fill('0.2');
  await page.waitForFunction((b0) => document.querySelector('[data-figure="blended"]').textContent !== b0, before);
  await page.waitForFunction(() => location.hash.includes('ratio=0.2'));
  assert.equal(await page.evaluate(() => location.pathname), rel, 'the traffic goes in the hash of the same page');
  await done();
});

test('following a suggested pair moves the address to that pair\'s page; Back returns to the first page and its figures', async () => {
  const [a, b] = versus.limits.defaultPair;
  const rel = `/${pages.pairPagePath(a, b)}`;
  const { page, done } = await site.open(rel, { viewport: DESKTOP });
  const first = await monthlies(page);
  // A suggestion whose pair has a page of its own (the suggestions of A's page do: they are A against its rivals).
  const rival = versus.rivals(a, [a, b]).value[0];
  const link = page.locator(`#continue-list a[href*="b=${encodeURIComponent(rival.id).replace(/%2F/g, '/')}"]`).first();
  await link.click();
  const target = `/${pages.pairPagePath(a, rival.id)}`;
  await page.waitForFunction((t) => location.pathname === t, target);
  await pageReady(page);
  assert.equal(await page.evaluate(() => location.hash), '', 'at the default traffic the page needs no hash');
  assert.notDeepEqual(await monthlies(page), first);
  await page.goBack();
  await page.waitForFunction((t) => location.pathname === t, rel);
  await page.waitForFunction((f) => JSON.stringify([...document.querySelectorAll('[data-figure="monthly"]')].map((e) => e.firstChild.textContent.trim())) === f, JSON.stringify(first));
  await done();
});

test('a model page without JavaScript shows the model and its prices; with it the page is live and its compare links work', async () => {
  const m = versus.model('openai/o3', {}).value;
  const rel = `/${pages.modelPagePath('openai/o3')}`;
  const still = await site.open(rel, { viewport: PHONE, javaScriptEnabled: false, until: null });
  assert.equal(await still.page.textContent('#model-title'), m.name);
  assert.ok((await still.page.textContent('#model-offers')).includes(fmt.usd(m.cheapest.input)));
  await still.done();
  const { page, done } = await site.open(rel, { viewport: DESKTOP });
  assert.equal(await page.textContent('#model-title'), m.name);
  assert.equal(await page.evaluate(() => location.pathname + location.hash), rel);
  await done();
});

test('the service worker keeps a static page once visited, for offline use, and says so for one never visited', async () => {
  const [a, b] = versus.limits.defaultPair;
  const rel = `/${pages.pairPagePath(a, b)}`;
  // Offline, the worker's own fetch fails and the page never visited is answered 503: both are logged, as they should be.
  const allow = [/status of 503/, /ERR_INTERNET_DISCONNECTED/];
  const { page, context, done } = await site.open(rel, { viewport: DESKTOP, allow });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30000 });
  await page.reload(); // this visit goes through the worker, which keeps the page
  await pageReady(page);
  const kept = await page.evaluate(async (url) => {
    for (const name of await caches.keys()) if (await (await caches.open(name)).match(url)) return true;
    return false;
  }, page.url());
  assert.equal(kept, true, 'the visited page is in the release cache');
  const first = await monthlies(page);
  await context.setOffline(true);
  await page.reload();
  await pageReady(page);
  assert.deepEqual(await monthlies(page), first, 'offline, the page and the engine come from the cache');
  const other = `/${pages.pairPagePath(a, versus.rivals(a, [a, b]).value[1].id)}`;
  await page.goto(site.url(other));
  assert.match(await page.textContent('body'), /not saved for offline use/);
  assert.equal(await page.getAttribute('a', 'href'), site.url('/'));
  await context.setOffline(false);
  await done();
});
