// scripts/build-pages.mjs (run by scripts/build-site): the static pages in build/site, read as a search engine or a
// reader without JavaScript would read them, and checked against the engine's own answers. scripts/test builds the
// first models' pages (VERSUS_PAGES); a full build checks the same way.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { SITE, need, siteModules } from './helpers.mjs';

const SITE_URL = 'https://versus.example/'; // build-pages' default VERSUS_SITE_URL
let versus;
let fmt;
let pages;
let listed; // the sitemap's paths, relative to the root
const read = (rel) => readFileSync(path.join(SITE, rel, 'index.html'), 'utf8');
const parse = (rel) => new JSDOM(read(rel)).window.document; // scripts do not run

before(async () => {
  need(path.join(SITE, 'sitemap.xml'), 'run scripts/build-site first (it writes the static pages)');
  ({ versus, fmt, pages } = await siteModules());
  const xml = readFileSync(path.join(SITE, 'sitemap.xml'), 'utf8');
  listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(SITE_URL, '').replace(/&amp;/g, '&'));
});

const defaults = () => {
  const w = pages.blankState(versus).workload;
  return { ratio: w.ratio, requests: w.requests, inputTokens: w.inputTokens, outputTokens: w.outputTokens };
};

test('the sitemap lists the root and every page written, each once, and every listed page exists', () => {
  assert.equal(listed[0], '', 'the calculator itself first');
  assert.equal(new Set(listed).size, listed.length, 'no page twice');
  for (const rel of listed.slice(1)) assert.ok(existsSync(path.join(SITE, rel, 'index.html')), `${rel} is listed but missing`);
  assert.ok(listed.some((p) => p.startsWith('models/')) && listed.some((p) => p.startsWith('compare/')));
  const robots = readFileSync(path.join(SITE, 'robots.txt'), 'utf8');
  assert.match(robots, new RegExp(`^Sitemap: ${SITE_URL}sitemap.xml$`, 'm'));
});

test('a model page for models with a live priced route only, and a comparison page for each pair it suggests', () => {
  const modelPages = listed.filter((p) => p.startsWith('models/'));
  const ids = new Map(versus.search('', 1e6).value.map((m) => [pages.modelPagePath(m.id), m.id]));
  for (const rel of modelPages) {
    const id = ids.get(rel);
    assert.ok(id, `${rel} is no catalog model's path`);
    const m = versus.model(id, defaults()).value;
    assert.ok(m.cheapest, `${id} has a page but no live priced route`);
    for (const s of versus.rivals(id, [id]).value) {
      assert.ok(listed.includes(pages.pairPagePath(id, s.id)), `${id}'s page suggests ${s.id}, which has no page`);
    }
  }
  const [a, b] = versus.limits.defaultPair;
  assert.ok(listed.includes(pages.pairPagePath(a, b)), 'the default pair has its page');
  assert.ok(listed.includes(pages.pairPagePath('meta/llama-3.2-1b-instruct', 'openai/o4-mini')), 'so do the seed pairs');
});

test('a comparison page has its prices, monthly costs, title and search tags in the HTML, as the engine computes them', () => {
  const sample = listed.filter((p) => p.startsWith('compare/')).filter((_, i, all) => i % Math.ceil(all.length / 6) === 0);
  const byPath = new Map();
  for (const rel of sample) {
    const doc = parse(rel);
    const key = doc.querySelector('meta[name="versus-page"]').content;
    const state = versus.parseState(key).value;
    byPath.set(rel, state.models);
    assert.equal(pages.pairPagePath(...state.models), rel, `${rel} says it is ${key}`);
    const c = versus.compare(state.models[0], state.models[1], defaults()).value;
    const [A, B] = c.models;
    const monthly = [...doc.querySelectorAll('[data-figure="monthly"]')].map((e) => e.firstChild.textContent.trim());
    assert.deepEqual(monthly, [A, B].map((m) => (m.monthly ? fmt.usd(m.monthly.cost) : 'unknown')), `${rel}: the monthly costs`);
    const inputs = [...doc.querySelectorAll('[data-figure="input"]')].map((e) => e.firstChild.textContent.trim());
    assert.deepEqual(inputs, [A, B].map((m) => (m.cheapest ? fmt.perMillion(m.cheapest.input) : fmt.UNKNOWN)), `${rel}: the input prices`);
    assert.equal(doc.title, `${A.name} vs ${B.name} — Versus`);
    assert.equal(doc.querySelector('link[rel="canonical"]').href, `${SITE_URL}${rel}`);
    assert.equal(doc.querySelector('meta[property="og:title"]').content, doc.title);
    const description = doc.querySelector('meta[name="description"]').content;
    assert.ok(description.startsWith(`${A.name} vs ${B.name}: `) && description.length <= 300, description);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]').textContent);
    assert.deepEqual(ld.about.map((x) => x.name), [A.name, B.name]);
    assert.ok(doc.querySelectorAll('#offers tbody tr').length > 0, `${rel}: the provider table`);
    assert.ok(doc.getElementById('verdict').textContent.length > 20, `${rel}: the verdict`);
    assert.equal(doc.getElementById('results').hidden, false);
    assert.equal(doc.documentElement.dataset.page, 'compare');
    // The shipped files are one level up per folder.
    assert.equal(doc.querySelector('script[src$="app.js"]').getAttribute('src'), '../../app.js');
  }
  assert.ok(byPath.size >= 2, 'a sample of pages was read');
});

test('a model page has its name, cheapest route and monthly cost in the HTML; its links go to the pages that exist', () => {
  const rel = pages.modelPagePath('openai/o3');
  const doc = parse(rel);
  const m = versus.model('openai/o3', defaults()).value;
  assert.equal(doc.getElementById('model-title').textContent, m.name);
  assert.equal(doc.title, `${m.name} — model analysis — Versus`);
  assert.ok(doc.getElementById('model-offers').textContent.includes(fmt.usd(m.cheapest.input)), 'the cheapest input price');
  assert.ok(doc.querySelector('meta[name="description"]').content.includes(fmt.usd(m.monthly.cost)), 'the monthly cost');
  assert.equal(doc.getElementById('model-view').hidden, false);
  const links = [...doc.querySelectorAll('#model-continue a')].map((a) => a.getAttribute('href'));
  assert.ok(links.length > 0);
  for (const href of links) {
    assert.ok(href.startsWith('../../../compare/'), `${href}: a pair's own page`);
    assert.ok(existsSync(path.join(SITE, rel, href, 'index.html')), `${href} exists`);
  }
});

test('the live page\'s rule (pages.js hasPage) says yes for every page written and no for others; the root says how many were built', () => {
  const index = readFileSync(path.join(SITE, 'index.html'), 'utf8');
  const built = /<meta name="versus-pages" content="([^"]+)">/.exec(index)?.[1];
  assert.ok(built === 'all' || Number(built) > 0, `index.html says versus-pages ${built}`);
  const blank = pages.blankState(versus);
  const written = new Set(listed);
  let checked = 0;
  for (const rel of listed.filter((p) => p.startsWith('compare/')).slice(0, 40)) {
    const models = versus.parseState(parse(rel).querySelector('meta[name="versus-page"]').content).value.models;
    assert.equal(pages.hasPage(versus, { ...blank, models }, built), true, rel);
    const swapped = pages.pairPagePath(models[1], models[0]);
    assert.equal(pages.hasPage(versus, { ...blank, models: [models[1], models[0]] }, built), written.has(swapped), swapped);
    checked += 1;
  }
  assert.ok(checked > 0);
  const [a, b] = versus.limits.defaultPair;
  assert.equal(pages.hasPage(versus, { ...blank, models: [a, b] }, 'none'), false, 'a site without pages has none');
  const custom = { prices: [], models: [{ name: 'Our Fine-Tune', input: 1, output: 2 }] };
  assert.equal(pages.hasPage(versus, { ...blank, models: [a, b], custom }, built), false, 'nor a state with the visitor\'s own prices');
  assert.equal(pages.hasPage(versus, { ...blank, models: [a, b], tool: 'rank' }, built), false, 'nor a tool');
});

test('the calculator\'s own page has the default pair drawn in it, keeps its own title, and says which link its figures stand for', () => {
  const doc = new JSDOM(readFileSync(path.join(SITE, 'index.html'), 'utf8')).window.document;
  const [a, b] = versus.limits.defaultPair;
  const c = versus.compare(a, b, defaults()).value;
  const monthly = [...doc.querySelectorAll('[data-figure="monthly"]')].map((e) => e.firstChild.textContent.trim());
  assert.deepEqual(monthly, c.models.map((m) => fmt.usd(m.monthly.cost)), 'the default pair\'s monthly costs');
  assert.equal(doc.getElementById('results').hidden, false);
  assert.ok(doc.querySelectorAll('#offers tbody tr').length > 0, 'the provider table');
  assert.equal(doc.title, 'Versus — compare two LLMs and what they cost', 'the root keeps its title');
  assert.match(doc.querySelector('meta[name="description"]').content, /^Compare two LLMs side by side/);
  assert.equal(doc.documentElement.dataset.drawn, 'shown');
  assert.equal(doc.querySelector('meta[name="versus-drawn"]').content, pages.pageKey(versus, { ...pages.blankState(versus), models: [a, b] }));
  assert.equal(doc.querySelector('meta[name="versus-page"]'), null, 'the root is no page of its own (web/state.js)');
  assert.equal(doc.documentElement.dataset.page, undefined);
  // drawn.js: a classic script in the head (it must run before the body is painted), last: the stylesheet, the preloads
  // and the module scripts are asked for before it blocks the parser.
  const head = [...doc.head.children];
  const guard = doc.querySelector('script[src="drawn.js"]');
  assert.equal(guard.type, '');
  assert.equal(head.at(-1), guard, 'last in the head');
  assert.ok(head.some((n) => n.tagName === 'LINK' && n.rel === 'modulepreload') && head.some((n) => n.type === 'module'), 'set-up: the head has the preloads and the modules');
  assert.ok([...doc.querySelectorAll('link[rel="preload"]')].every((l) => l.getAttribute('fetchpriority') === 'low'));
  assert.equal(doc.getElementById('model-a').getAttribute('value'), null, 'the model fields wait for the engine');
  // A comparison page has the guard too, one level up per folder.
  const pair = parse(pages.pairPagePath(a, b));
  assert.equal(pair.querySelector('script[src$="drawn.js"]').getAttribute('src'), '../../drawn.js');
  assert.equal(pair.querySelector('meta[name="versus-drawn"]').content, pair.querySelector('meta[name="versus-page"]').content);
});
