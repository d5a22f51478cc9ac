// Shared paths for the Node and browser tests. Override with environment variables:
//   VERSUS_WASM_DIR  folder holding versus-engine.js + versus-engine.wasm (default build/wasm)
//   VERSUS_CLI       the native CLI (default build/native/versus)
//   VERSUS_SITE      the assembled site (default build/site, made by scripts/build-site)
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { siteModules as siteModulesOf } from '../../scripts/lib/site-modules.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WASM_DIR = path.resolve(ROOT, process.env.VERSUS_WASM_DIR ?? 'build/wasm');
export const WASM_JS = path.join(WASM_DIR, 'versus-engine.js');
export const WASM_BIN = path.join(WASM_DIR, 'versus-engine.wasm');
export const CLI = path.resolve(ROOT, process.env.VERSUS_CLI ?? 'build/native/versus');
export const SITE = path.resolve(ROOT, process.env.VERSUS_SITE ?? 'build/site');
export const SEED_CATALOG = path.join(ROOT, 'tests/fixtures/seed-catalog.json');
export const VERSUS_JS = pathToFileURL(path.join(ROOT, 'web/versus.js')).href;

/** Throw a clear message when a build artefact is missing. */
export function need(file, how = 'run scripts/build first') {
  if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: ${how}`);
  return file;
}

/**
 * A copy of the assembled site for one test file, in a new temporary folder, made a test build
 * (scripts/enable-test-hooks): tests/fixtures/*.json in its fixtures/ folder and the catalog test hook on, so
 * the page's ?catalog=fixtures/NAME.json and the widget's catalog attribute load them. `hooks: false` keeps
 * the site as it ships: no fixtures, the hook off. `pages: true` copies the static pages too.
 */
export async function testSite(prefix = 'versus-site-', from = SITE, { hooks = true, pages = false } = {}) {
  need(path.join(from, 'index.html'), 'run scripts/build-site first');
  need(path.join(from, 'versus-engine.wasm'), 'run scripts/build and scripts/build-site first');
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  // The static pages (models/, compare/: thousands in a full build) only when a test asks for them.
  const top = (src) => path.relative(from, src).split(path.sep)[0];
  await cp(from, dir, { recursive: true, filter: (src) => pages || !['models', 'compare'].includes(top(src)) });
  if (!pages) {
    // Without them, the page must not send the address bar to them (web/pages.js hasPage): a new release.
    const index = path.join(dir, 'index.html');
    await writeFile(index, (await readFile(index, 'utf8')).replace(/<meta name="versus-pages" content="[^"]*">/, '<meta name="versus-pages" content="none">'));
    if (!hooks) await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/stamp-release'), dir]);
  }
  if (hooks) await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/enable-test-hooks'), dir]);
  return dir;
}

/** The assembled site's own engine, format.js and pages.js (scripts/lib/site-modules.mjs), for the figures its pages must show. */
export const siteModules = (site = SITE) => siteModulesOf(site);

/** Round to `d` decimals for comparisons with the seeds' displayed figures. */
export const round = (n, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** Flags that make Debian's Chromium run headless as root here without reaching for the internet. */
export const CHROMIUM_ARGS = Object.freeze(['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']);

/** Launch Debian's Chromium (headless) through playwright-core, with CHROMIUM_ARGS and any extra flags. */
export async function launchChromium(extraArgs = []) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * The screens the browser tests run on, in CSS px at deviceScaleFactor 1. Every browser context says which
 * one it uses (newContext refuses a context without one), so no test depends on Playwright's default
 * 1280x720 or on what a later Chromium picks.
 */
export const DESKTOP = Object.freeze({ width: 1200, height: 900 });
export const PHONE = Object.freeze({ width: 390, height: 844 });

/** browser.newContext with the viewport stated (required) and deviceScaleFactor 1 unless given. */
export function newContext(browser, { viewport, ...options } = {}) {
  if (!viewport?.width || !viewport?.height) throw new Error('newContext: state the viewport the test assumes');
  return browser.newContext({ viewport, deviceScaleFactor: 1, ...options });
}

/**
 * Wait until the page has nothing left to do: web fonts loaded, two frames painted and the main thread idle
 * (requestIdleCallback). Tests that check that something did NOT happen (no request, no payload ran) wait
 * for this condition instead of a fixed time.
 */
export async function pageIdle(page) {
  await page.evaluate(async () => {
    await document.fonts?.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await new Promise((r) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(r, { timeout: 2000 }) : setTimeout(r, 0)));
  });
}

/**
 * Set location.hash from the test and resolve once the page's own hashchange handler has run (it was added
 * before this one, so it runs first) and the lower sections have caught up.
 */
export async function setHash(page, hash) {
  await page.evaluate((h) => new Promise((resolve) => {
    if (location.hash === h || location.hash === `#${h}`) return resolve();
    addEventListener('hashchange', () => resolve(), { once: true });
    location.hash = h;
  }), hash);
  await settled(page);
}

/**
 * The page's hash once its pending write has landed: web/state.js spaces replaceState calls out, so a test
 * flushes it (the same module instance, by dynamic import) before reading.
 */
export async function pageHash(page) {
  return page.evaluate(async () => {
    try {
      (await import('./state.js')).flushHash();
    } catch {
      // a page without state.js (the widget) writes no hash
    }
    return location.hash;
  });
}

/**
 * Wait until the pair view's lower sections have caught up with the last input: a slider or traffic change
 * draws the figures at once and the rest after the paint, with aria-busy on #results meanwhile (web/app.js).
 */
export async function settled(page) {
  await page.waitForFunction(() => document.getElementById('results')?.getAttribute('aria-busy') !== 'true');
}

/**
 * Wait until the page has started: data-state="ready" and the sections drawn after the first paint are in
 * (see settled); data-state="error" fails at once with the page's message.
 */
export async function pageReady(page, { timeout = 60000 } = {}) {
  await page.waitForSelector('html[data-state="ready"], html[data-state="error"]', { timeout });
  const state = await page.evaluate(() => document.documentElement.dataset.state);
  if (state !== 'ready') assert.fail(`the page is in state ${state}: ${await page.locator('#page-error').textContent()}`);
  await settled(page);
}

/** Open one of the page's tool views through its tab (web/tools.js) and wait until it is the one shown. */
export async function openView(page, tool) {
  await page.waitForSelector('#view-tabs:not([hidden])');
  await page.click(`#view-tabs a[data-tool="${tool}"]`);
  await page.waitForFunction((t) => document.documentElement.dataset.tool === t, tool);
}

/** Unfold the workload details under the traffic controls (web/tools.js), once the tools have mounted. */
export async function openWorkload(page) {
  await page.waitForSelector('html[data-tools="mounted"] #workload-box');
  await page.evaluate(() => { document.getElementById('workload-box').open = true; });
}
