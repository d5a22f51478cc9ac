// First-visit bytes in headless Chromium: every body the server sends during a first visit (the page's own loads and
// the service worker's precache of the release), counted at the server, against the release's size once (the files
// sw.js precaches, on disk, and sw.js itself). Not a timing: a byte count, so one run says it.
//
//   node bench/first-visit.mjs [--json]
//
// The page is opened in a new context; the count stops when the service worker controls the page and its release
// cache holds every file (the install finished).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SITE = path.resolve(ROOT, process.env.VERSUS_SITE ?? 'build/site');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const sw = await readFile(path.join(SITE, 'sw.js'), 'utf8');
const files = JSON.parse(/^const FILES = (.*); \/\/ @stamp files$/m.exec(sw)?.[1] ?? 'null');
if (!files?.length) throw new Error(`${SITE}/sw.js is not stamped: run scripts/build-site`);
let release = 0;
for (const [f] of files) release += (await stat(path.join(SITE, f))).size;
release += (await stat(path.join(SITE, 'sw.js'))).size; // the worker itself ships with the release too

const server = await startServer({ dir: SITE, port: 0 });
const served = []; // {path, status, bytes}
let inFlight = 0;
server.server.on('request', (req, res) => {
  let bytes = 0;
  inFlight += 1;
  res.on('close', () => { inFlight -= 1; });
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  res.write = (chunk, ...rest) => {
    if (chunk) bytes += chunk.length;
    return write(chunk, ...rest);
  };
  res.end = (chunk, ...rest) => {
    if (chunk && typeof chunk !== 'function') bytes += chunk.length;
    return end(chunk, ...rest);
  };
  res.on('finish', () => served.push({ path: req.url, status: res.statusCode, bytes }));
});
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${server.url}#a=meta/llama-3.2-1b-instruct&b=openai/o3`);
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 60000 });
  await page.waitForFunction(async (n) => {
    if (!navigator.serviceWorker.controller) return false;
    for (const name of await caches.keys()) if (name.startsWith('versus-') && (await (await caches.open(name)).keys()).length >= n) return true;
    return false;
  }, files.length, { timeout: 60000, polling: 200 });
  await context.close();
  // Every answer counted: none still being sent.
  while (inFlight > 0) await new Promise((r) => setTimeout(r, 50));
} finally {
  await browser.close();
  await server.close();
}
const total = served.reduce((n, r) => n + r.bytes, 0);
const twice = Object.entries(served.reduce((m, r) => ({ ...m, [r.path]: (m[r.path] ?? 0) + (r.status === 200 ? 1 : 0) }), {})).filter(([, n]) => n > 1).map(([p]) => p);
if (process.argv.includes("--list")) for (const r of served) console.log(r.status, r.bytes, r.path);
const result = { release, served: total, ratio: total / release, requests: served.length, notModified: served.filter((r) => r.status === 304).length, downloadedTwice: twice };
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`first visit: ${total.toLocaleString('en-US')} bytes served in ${served.length} requests (${result.notModified} answered 304) against the release once, ${release.toLocaleString('en-US')} bytes: ${result.ratio.toFixed(2)}× (target ≤ 1×)`);
  console.log(twice.length ? `downloaded twice: ${twice.join(', ')}` : 'no file downloaded twice');
}
