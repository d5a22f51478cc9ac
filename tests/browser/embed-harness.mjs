// Shared harness for the embedding tests (widget, offline, standalone, CSP): a copy of the assembled site
// (VERSUS_SITE, made by scripts/build-site) served by scripts/serve.mjs, Debian's Chromium, and a guard that
// fails a test on any console error, page error or CSP violation it did not expect.
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { SITE, SEED_CATALOG, need, launchChromium, pageReady } from '../node/helpers.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const LLAMA = 'meta/llama-3.2-1b-instruct';
export const O3 = 'openai/o3';
export const WAIT = 60000; // 2 shared cores and a 3 MB catalog: be generous

export async function copySite(prefix = 'versus-embed-') {
  need(path.join(SITE, 'index.html'), 'run scripts/build-site first');
  need(path.join(SITE, 'versus-engine.wasm'), 'run scripts/build and scripts/build-site first');
  need(path.join(SITE, 'embed.js'), 'run scripts/build-site first (web/embed.js is not in the site)');
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await cp(SITE, dir, { recursive: true });
  const fixtures = path.join(dir, 'fixtures');
  if (!existsSync(path.join(fixtures, 'seed-catalog.json'))) await cp(SEED_CATALOG, path.join(fixtures, 'seed-catalog.json'));
  return dir;
}

export async function launch() {
  need(CHROMIUM, 'install Debian chromium');
  // The "foreign" host and the Versus site are two ports of 127.0.0.1 here; Chromium's Local Network Access
  // checks would refuse that cross-origin loopback load, which public origins never meet.
  return launchChromium(['--disable-features=LocalNetworkAccessChecks']);
}

export { startServer, rm };

/**
 * Watch a page: console errors, page errors and CSP violations (reported by the page's
 * securitypolicyviolation event, collected without adding anything the widget could see).
 */
export function guard(page, { allow = [] } = {}) {
  const problems = [];
  const ok = (t) => allow.some((re) => re.test(t));
  page.on('console', (m) => {
    if (m.type() === 'error' && !ok(m.text())) problems.push(`console: ${m.text().slice(0, 300)}`);
  });
  page.on('pageerror', (e) => { if (!ok(e.message)) problems.push(`pageerror: ${e.message}`); });
  return {
    problems,
    check: () => assert.deepEqual(problems, [], 'no console errors, page errors or CSP violations'),
  };
}

/** Record securitypolicyviolation events in every frame, into a binding (no global in the page). */
export async function recordViolations(context, sink) {
  await context.exposeBinding('__reportCspViolation', (_src, v) => sink.push(v));
  await context.addInitScript(() => {
    const report = globalThis.__reportCspViolation;
    document.addEventListener('securitypolicyviolation', (e) => {
      report({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
    });
  });
}

/** Wait until the widget (a <llm-versus> locator, in any frame) has data-state ready or error. */
export async function widgetState(locator) {
  const until = Date.now() + WAIT;
  await locator.waitFor({ state: 'attached', timeout: WAIT });
  for (;;) {
    const s = await locator.getAttribute('data-state');
    if (s === 'ready' || s === 'error') return s;
    if (Date.now() > until) assert.fail(`the widget stayed in state ${s}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export { pageReady }; // the page's own start: tests/node/helpers.mjs
