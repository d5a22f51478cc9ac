#!/usr/bin/env node
// build-pages.mjs — the site's static pages: one per model with a live priced route (models/<maker>/<name>/) and one
// per comparison each model page suggests ("Continue comparing": the model against each of its rivals, in that order)
// plus the seed pairs (compare/<a>-vs-<b>/); web/pages.js names the paths. Each page is the full view at the default
// traffic as real HTML, drawn by the page's own modules (pair-view.js, pair-prose.js, model-page.js) over jsdom, from
// the site's own engine build and catalog; the page's scripts then load the engine and take over (web/state.js reads
// the page's state from its <meta name="versus-page">). Also writes sitemap.xml and robots.txt.
//
//   node scripts/build-pages.mjs SITE_DIR [--models N]    (run by scripts/build-site, after the site is assembled)
//
// --models N: only the first N models' pages, their suggested pairs and the seed pairs (a test's subset).
// VERSUS_SITE_URL: the address the site is published at, for canonical links, Open Graph and the sitemap
// (default https://versus.example/: set it when deploying, see docs/deploying.md).
// Prints the number of pages, the time and the bytes written. Exits non-zero, naming the ids, when two catalog
// ids would share a path (a page must show one model or one pair).
import { readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, workerData, parentPort } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { JSDOM } from 'jsdom';
import { siteModule, siteModules } from './lib/site-modules.mjs';

const started = performance.now();
const args = isMainThread ? process.argv.slice(2) : workerData.args;
const site = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'build/site');
const limitArg = args.indexOf('--models');
const modelLimit = limitArg >= 0 ? Number(args[limitArg + 1]) : Infinity;
if (!(modelLimit > 0)) fail(`--models needs a positive number (got “${args[limitArg + 1]}”)`);
const siteUrl = new URL(process.env.VERSUS_SITE_URL || 'https://versus.example/');
if (!siteUrl.pathname.endsWith('/')) siteUrl.pathname += '/';

function fail(message) {
  console.error(`build-pages: ${message}`);
  process.exit(1);
}

// ---------- the engine and the page's modules, as the site ships them ----------

const moduleOf = (name) => siteModule(site, name);
const { versus, pages } = await siteModules(site);
if (!versus.ready.ok) fail(`the engine cannot load the site's catalog: ${versus.ready.error.message}`);

const blank = pages.blankState(versus);
const w = blank.workload;
const workload = { ratio: w.ratio, requests: w.requests, inputTokens: w.inputTokens, outputTokens: w.outputTokens };
// What the pages say about the site's pages (pages.js hasPage): all of them, or the first N models'.
const builtPages = Number.isFinite(modelLimit) ? String(modelLimit) : 'all';
const generated = versus.catalogInfo.generated || new Date().toISOString().slice(0, 10);

// ---------- which pages ----------

/** Which pages: pages.js sitePages (the rule the live page asks too), after checking every id has a path of its own. */
function plan() {
  const slugOwner = new Map(); // each catalog id's slug → the id: two ids may not share one
  for (const m of all.value) {
    const s = pages.slug(m.id);
    if (slugOwner.has(s)) fail(`the catalog ids “${slugOwner.get(s)}” and “${m.id}” would share the page path ${s}`);
    if (s.includes('-vs-')) fail(`the catalog id “${m.id}” would make comparison paths ambiguous (its path has “-vs-”)`);
    slugOwner.set(s, m.id);
  }
  const { modelIds, pairs } = pages.sitePages(versus, modelLimit);
  return { modelPages: modelIds, pairs };
}

const rivalsOf = new Map();
const suggestions = (id, exclude = []) => {
  const key = `${id}|${exclude.join('|')}`;
  if (!rivalsOf.has(key)) {
    const r = versus.rivals(id, exclude);
    rivalsOf.set(key, r.ok ? r.value : []);
  }
  return rivalsOf.get(key);
};
const pairKey = (a, b) => `${a}\n${b}`;
const all = versus.search('', 1e6);
if (!all.ok) fail(`cannot list the catalog's models: ${all.error.message}`);

// ---------- drawing one page ----------

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The hash of a view at the default traffic, for a link to the live page (its page key); the engine must take it. */
function viewHash(s) {
  return pages.pageKey(versus, s) ?? fail(`the engine refuses a page's state: ${JSON.stringify(s)}`);
}

/** The links a page draws: to the pages the site has, else to the live page's view at the root. */
function linksFrom(rel) {
  const up = '../'.repeat(rel.split('/').length - 1);
  return {
    up,
    // A view without a page of its own: the live page at the root, by its hash at the default traffic (its page key).
    pairHref: (a, b) => up + (pairPages.has(pairKey(a, b)) ? pages.pairPagePath(a, b) : viewHash({ models: [a, b] })),
    modelHref: (id) => up + (hasModelPage.has(id) ? pages.modelPagePath(id) : viewHash({ models: [], model: id })),
    suggestions,
  };
}

/**
 * What every drawn document gets (a page of its own and the calculator's root alike): the state its figures stand for
 * (<meta name="versus-drawn">, data-drawn="shown", and web/drawn.js, which hides them before the first paint when the
 * link asks for another), the engine's files fetched after the HTML and CSS, the controls waiting for the engine.
 */
function finishDrawn(doc, { key, up }) {
  const html = doc.documentElement;
  html.dataset.drawn = 'shown';
  const meta = doc.createElement('meta');
  Object.assign(meta, { name: 'versus-drawn', content: key });
  doc.head.insertBefore(meta, doc.querySelector('link[rel="stylesheet"]'));
  builtPagesMeta(doc);
  // A classic script that blocks the parser (it must run before the body is painted), last in the head: the stylesheet,
  // the preloads and the module scripts (deferred: they run after the parse) are asked for first. Before the modules
  // it held their requests back until it had run (issue 21: app.js asked for 150-300 ms after its imports at CPU x4 +
  // fast 4G, and the engine with it).
  const guard = doc.createElement('script');
  guard.setAttribute('src', `${up}drawn.js`);
  doc.head.append(guard);
  // The figures are in the HTML: the engine and the catalog (1.4 MB) are for what comes after, so they must not hold
  // back the first paint's HTML and CSS.
  for (const node of doc.querySelectorAll('link[rel="preload"]')) node.setAttribute('fetchpriority', 'low');
  // Before the engine has loaded (or without JavaScript) the page shows what it was built with; the controls wait. (The
  // status keeps its loading line, shown only when drawn.js finds the figures stale.)
  for (const c of doc.getElementById('controls').elements) c.setAttribute('disabled', '');
  // The traffic box stays open as index.html has it: on a wide screen the live page keeps it so, and nothing moves when
  // the engine takes over; on a phone the stylesheet shows it folded while the page loads, and the live page folds it.
  const note = doc.createElement('noscript');
  const said = doc.createElement('p');
  said.className = 'note';
  said.textContent = `The figures on this page are for ${fmt.integer(w.requests)} requests a month of ${fmt.integer(w.inputTokens)} input + ${fmt.integer(w.outputTokens)} output tokens (${fmt.ratioLabel(w.ratio)}). Changing the models or the traffic needs JavaScript and WebAssembly.`;
  note.append(said);
  doc.querySelector('main').prepend(note);
  doc.querySelector('body > noscript')?.remove();
  return `<!doctype html>\n${html.outerHTML}\n`;
}

/** <meta name="versus-pages">: which pages the site has (pages.js hasPage), after the description. */
function builtPagesMeta(doc) {
  doc.querySelector('meta[name="versus-pages"]')?.remove();
  const meta = doc.createElement('meta');
  Object.assign(meta, { name: 'versus-pages', content: builtPages });
  doc.querySelector('meta[name="description"]').after(meta);
}

/** The document as it was drawn, with what a page of its own adds: its state, its root, search and share tags. */
function finishPage({ rel, key, kind, description, jsonLd, up }) {
  const doc = dom.window.document;
  const html = doc.documentElement;
  html.dataset.page = kind;
  const head = doc.head;
  // The shipped files are at the root: every relative address in the head and of the scripts goes up to it.
  for (const node of doc.querySelectorAll('head [href], head [src], script[src]')) {
    for (const attr of ['href', 'src']) {
      const v = node.getAttribute(attr);
      if (v && !/^([a-z]+:|#|\/)/i.test(v)) node.setAttribute(attr, up + v);
    }
  }
  const canonical = new URL(rel, siteUrl).href;
  const title = doc.title;
  doc.querySelector('meta[name="description"]').setAttribute('content', description);
  const tags = [
    ['link', { rel: 'canonical', href: canonical }],
    ['meta', { name: 'versus-page', content: key }],
    ['meta', { name: 'versus-root', content: up }],
    ['meta', { property: 'og:type', content: 'website' }],
    ['meta', { property: 'og:site_name', content: 'Versus' }],
    ['meta', { property: 'og:title', content: title }],
    ['meta', { property: 'og:description', content: description }],
    ['meta', { property: 'og:url', content: canonical }],
    ['meta', { name: 'twitter:card', content: 'summary' }],
    ['meta', { name: 'twitter:title', content: title }],
    ['meta', { name: 'twitter:description', content: description }],
  ];
  const anchor = doc.querySelector('link[rel="stylesheet"]');
  for (const [tag, attrs] of tags) {
    const node = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    head.insertBefore(node, anchor);
  }
  const ld = doc.createElement('script');
  ld.setAttribute('type', 'application/ld+json');
  ld.textContent = JSON.stringify({ '@context': 'https://schema.org', url: canonical, dateModified: generated, ...jsonLd }).replace(/</g, '\\u003c');
  head.append(ld);
  return finishDrawn(doc, { key, up });
}

function freshDocument() {
  const doc = dom.window.document;
  doc.replaceChild(pristine.cloneNode(true), doc.documentElement);
}

/** The pair view of comparison `c` of `a` with `b` at the default traffic, drawn into the document; its view. */
function drawPair(c, a, b, links) {
  const pv = { a, b, ratio: w.ratio, req: w.requests, in: w.inputTokens, out: w.outputTokens, sort: { key: null, dir: 'ascending' },
    showAllRoutes: false, allRoutes: false, belowMakerPriceMargin: versus.limits.routes.belowMakerPriceMargin };
  view.renderPairFigures(c, pv);
  view.renderPairSections(c, pv, links);
  return pv;
}

/**
 * The calculator's own page (index.html) with the default pair drawn in it, as the live page would first show it: a
 * visitor who opens the site, or a link to its default view, reads the figures before the engine has loaded. It
 * keeps its own title and description, and no page key (it is the root, not a page: web/state.js). The model fields
 * stay empty until the engine fills them: drawn.js cannot reach them before they are painted.
 */
function rootPage() {
  const [a, b] = versus.limits.defaultPair;
  const r = versus.compare(a, b, workload);
  if (!r.ok) return { rel: '', error: r.error.message };
  freshDocument();
  const doc = dom.window.document;
  const title = doc.title;
  drawPair(r.value, a, b, linksFrom(''));
  doc.title = title;
  return { rel: '', html: finishDrawn(doc, { key: viewHash({ models: [a, b] }), up: '' }) };
}

function pairPage([a, b]) {
  const rel = pages.pairPagePath(a, b);
  const r = versus.compare(a, b, workload);
  if (!r.ok) return { rel, error: r.error.message };
  freshDocument();
  const c = r.value;
  const links = linksFrom(rel);
  const pv = drawPair(c, a, b, links);
  const doc = dom.window.document;
  doc.getElementById('model-a').setAttribute('value', c.models[0].name);
  doc.getElementById('model-b').setAttribute('value', c.models[1].name);
  const thing = (m) => ({
    '@type': 'SoftwareApplication', name: m.name, applicationCategory: 'Large language model',
    ...(m.creator?.value ? { creator: { '@type': 'Organization', name: m.creator.value } } : {}),
    ...(m.cheapest && fmt.known(m.cheapest.input) ? { offers: { '@type': 'Offer', price: m.cheapest.input, priceCurrency: 'USD', description: `per 1M input tokens at ${fmt.routeName(m.cheapest)}` } } : {}),
  });
  return {
    rel,
    html: finishPage({ rel, key: viewHash({ models: [a, b] }), kind: 'compare', description: view.pairDescription(c, pv), up: links.up,
      jsonLd: { '@type': 'WebPage', name: doc.title, about: c.models.map(thing) } }),
  };
}

function modelPage(id) {
  const rel = pages.modelPagePath(id);
  const r = versus.model(id, workload);
  if (!r.ok) return { rel, error: r.error.message };
  const m = r.value;
  freshDocument();
  const links = linksFrom(rel);
  const [a, b] = versus.limits.defaultPair;
  const names = [a, b].map((x) => all.value.find((y) => y.id === x)?.name ?? x);
  const state = { a, b, names, ratio: w.ratio, req: w.requests, in: w.inputTokens, out: w.outputTokens };
  view.renderModel(m, { state, pairHref: links.pairHref, suggestions, staleDays: versus.limits.prices?.staleDays });
  return {
    rel,
    html: finishPage({ rel, key: viewHash({ models: [], model: id }), kind: 'model', description: view.modelDescription(m, state), up: links.up,
      jsonLd: { '@type': 'WebPage', name: dom.window.document.title, about: { '@type': 'SoftwareApplication', name: m.name, applicationCategory: 'Large language model' } } }),
  };
}

// ---------- drawing in workers, writing the indexes here ----------

// The drawing's own setup (jsdom and the page's modules), in each worker: the plan above needs only the engine.
let dom = null;
let pristine = null;
let fmt = null;
let view = null; // pair-view.js and model-page.js
let pairPages = null; // pairKey → [a, b]: every comparison page of the site (for the links)
let hasModelPage = null;

async function drawShare({ modelIds, pairs, allPairs, allModels, root }) {
  // (Its versus-pages line, if any, is replaced on each page drawn: builtPagesMeta.)
  const template = await readFile(path.join(site, 'index.html'), 'utf8');
  // The root is drawn in place: a second run would draw over a drawn page (scripts/build-site starts from web/).
  if (/<meta name="versus-drawn"/.test(template)) throw new Error(`${site}/index.html is drawn already: run scripts/build-site to build the site again`);
  dom = new JSDOM(template, { url: siteUrl.href });
  // The modules draw into the global document (as in the browser).
  Object.assign(globalThis, { window: dom.window, document: dom.window.document, Node: dom.window.Node, Element: dom.window.Element });
  pristine = dom.window.document.documentElement.cloneNode(true);
  fmt = await moduleOf('format.js');
  view = { ...(await moduleOf('pair-view.js')), ...(await moduleOf('model-page.js')) };
  pairPages = new Map(allPairs.map(([a, b]) => [pairKey(a, b), [a, b]]));
  hasModelPage = new Set(allModels);
  let bytes = 0;
  const written = [];
  const problems = [];
  const put = async (page) => {
    if (page.error) return problems.push(`${page.rel}: ${page.error}`);
    const file = path.join(site, page.rel, 'index.html');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, page.html);
    bytes += Buffer.byteLength(page.html);
    written.push(page.rel);
  };
  for (const id of modelIds) await put(modelPage(id));
  for (const pair of pairs) await put(pairPage(pair));
  let rootHtml = null; // written by the main thread, once every worker has read the template
  if (root) {
    const page = rootPage();
    if (page.error) problems.push(`index.html: ${page.error}`);
    else rootHtml = page.html;
  }
  return { bytes, written, problems, rootHtml };
}

if (!isMainThread) {
  parentPort.postMessage(await drawShare(workerData.share));
} else {
  const { modelPages, pairs } = plan();
  for (const dir of ['models', 'compare']) await rm(path.join(site, dir), { recursive: true, force: true });
  // Each worker loads its own engine and jsdom; on two cores two workers halve the time.
  const jobs = Math.max(1, Math.min(availableParallelism(), 4, Math.ceil((modelPages.length + pairs.length) / 200)));
  const share = (list, i) => list.filter((_, k) => k % jobs === i);
  const results = await Promise.all(Array.from({ length: jobs }, (_, i) => new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: { args, share: { modelIds: share(modelPages, i), pairs: share(pairs, i), allPairs: pairs, allModels: modelPages, root: i === 0 } },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code && reject(new Error(`a drawing worker stopped with code ${code}`)));
  })));
  const written = results.flatMap((r) => r.written).sort();
  const problems = results.flatMap((r) => r.problems);
  const bytes = results.reduce((n, r) => n + r.bytes, 0);
  if (problems.length) fail(`${problems.length} pages could not be drawn:\n  ${problems.slice(0, 10).join('\n  ')}`);
  // The calculator's own page, with the default pair drawn (and versus-pages, so that it moves to the pages from the root).
  await writeFile(path.join(site, 'index.html'), results.find((r) => r.rootHtml).rootHtml);
  const urls = ['', ...written].map((rel) => `  <url><loc>${esc(new URL(rel, siteUrl).href)}</loc><lastmod>${generated}</lastmod></url>`);
  await writeFile(path.join(site, 'sitemap.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`);
  await writeFile(path.join(site, 'robots.txt'), `User-agent: *\nAllow: /\nSitemap: ${new URL('sitemap.xml', siteUrl).href}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`build-pages: ${modelPages.length} model pages and ${written.length - modelPages.length} comparison pages in ${seconds} s (${jobs} workers), ${(bytes / 1e6).toFixed(1)} MB of HTML (${Math.round(bytes / Math.max(1, written.length) / 1000)} kB a page)`);
}
