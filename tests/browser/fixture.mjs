// The browser tests' one fixture: the assembled site (VERSUS_SITE, default build/site) served by
// scripts/serve.mjs, Debian's Chromium (headless, tests/node/helpers.mjs CHROMIUM_ARGS), pages opened at a
// stated viewport that resolve once a condition holds (never after a fixed time), and the console errors and
// page errors of each page collected so the test that caused one fails.
//
//   const site = useSite({ prefix: 'versus-page-' });     // before: copy, serve, launch; after: close, remove
//   const { page, done } = await site.open('/#a=…', { viewport: DESKTOP });   // waits for pageReady
//   …
//   await done();                                          // closes the context, fails on any error
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { SITE, need, launchChromium, newContext, pageReady, testSite } from '../node/helpers.mjs';

export { startServer, newContext, pageReady };
export { DESKTOP, PHONE, pageIdle, settled } from '../node/helpers.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Launch Debian's Chromium headless (helpers.mjs CHROMIUM_ARGS plus `args`). */
export async function launchBrowser(args = []) {
  need(CHROMIUM, 'install Debian chromium');
  return launchChromium(args);
}

/**
 * Collect a page's console errors and page errors (and, with `dialogs`, its dialogs, dismissed).
 * `allow`: regular expressions for console errors a test expects; with `allowPageErrors` they let page
 * errors through too. `check()` fails unless nothing was collected.
 */
export function watch(page, { allow = [], allowPageErrors = false, dialogs = false, clip = Infinity,
  message = 'no console or page errors' } = {}) {
  const problems = [];
  const opened = [];
  const ok = (t) => allow.some((re) => re.test(t));
  if (dialogs) {
    page.on('dialog', async (d) => {
      opened.push(`${d.type()}: ${d.message()}`);
      await d.dismiss().catch(() => {});
    });
  }
  page.on('console', (m) => {
    if (m.type() === 'error' && !ok(m.text())) problems.push(`console: ${m.text().slice(0, clip)}`);
  });
  page.on('pageerror', (e) => { if (!(allowPageErrors && ok(e.message))) problems.push(`pageerror: ${e.message}`); });
  return { problems, dialogs: opened, check: () => assert.deepEqual(problems, [], message) };
}

/**
 * watch() as the embedding tests use it (widget, offline, standalone, CSP): `allow` covers page errors as
 * well, and the failure names CSP violations, which those tests collect with recordViolations.
 */
export function guard(page, { allow = [] } = {}) {
  return watch(page, { allow, allowPageErrors: true, clip: 300, message: 'no console errors, page errors or CSP violations' });
}

/**
 * Open `url` in a new context of `browser` at `viewport` (required) and resolve once `until(page)` has
 * resolved: by default pageReady (data-state="ready" and the lower sections drawn); a string waits for that
 * selector; null returns right after navigation, for a test that waits for its own condition.
 *
 * Options: `allow`/`dialogs` (see watch; `watcher: guard` for the embedding tests' guard), `timeout` (page.setDefaultTimeout), `init(context)` before the
 * page exists (init scripts, bindings, offline), `onPage(page)` before it navigates; anything else is a
 * browser.newContext option (colorScheme, bypassCSP, hasTouch, acceptDownloads, …).
 *
 * Returns { page, context, response, problems, dialogs, check, close, done }: close() closes the context,
 * done() closes it and then fails on any console or page error.
 */
export async function openPage(browser, url, { viewport, until = pageReady, allow = [], dialogs = false, watcher = watch,
  timeout, init, onPage, ...contextOptions } = {}) {
  const context = await newContext(browser, { viewport, ...contextOptions });
  if (init) await init(context);
  const page = await context.newPage();
  if (timeout) page.setDefaultTimeout(timeout);
  const w = watcher(page, { allow, dialogs });
  if (onPage) await onPage(page);
  const response = await page.goto(url);
  if (typeof until === 'string') await page.waitForSelector(until);
  else if (until) await until(page);
  const close = () => context.close();
  const done = async () => {
    await close();
    w.check();
  };
  return { page, context, response, problems: w.problems, dialogs: w.dialogs, check: w.check, close, done };
}

/**
 * Start a site for one test file: a copy of `from` (testSite: the test hooks on unless `hooks: false`;
 * `copy: false` serves `from` itself), `prepare(dir)` to add files before it is served, scripts/serve.mjs
 * on a free port, Chromium launched with `args`, then `started(site)` for more setup that needs them (a
 * second before() hook would not do: Node 20 runs a file's top-level before hooks concurrently).
 * `needs` are files the site must have. Returns { dir, server, browser, url(path), open(path, options), close() }.
 */
export async function startSite(options = {}, site = {}) {
  const { prefix = 'versus-site-', from = SITE, hooks = true, copy = true, needs = [], prepare, started, args = [] } = options;
  need(path.join(from, 'index.html'), 'run scripts/build-site first');
  for (const f of needs) need(path.join(from, f), `run scripts/build-site first (${f} is not in the site)`);
  need(CHROMIUM, 'install Debian chromium');
  Object.assign(site, {
    url: (p = '/') => new URL(p, site.server.url).href,
    open: (p, o) => openPage(site.browser, site.url(p), o),
    close: async () => {
      await site.browser?.close();
      await site.server?.close();
      if (copy && site.dir) await rm(site.dir, { recursive: true, force: true });
    },
  });
  site.dir = copy ? await testSite(prefix, from, { hooks }) : from;
  if (prepare) await prepare(site.dir);
  site.server = await startServer({ dir: site.dir, port: 0 });
  site.browser = await launchBrowser(args);
  if (started) await started(site);
  return site;
}

/** startSite in a before() hook and its close in an after() hook; the object is filled in by before(). */
export function useSite(options = {}) {
  const site = {};
  before(() => startSite(options, site));
  after(() => site.close?.());
  return site;
}
