#!/usr/bin/env node
// Time from navigation to <html data-state="ready"> in headless Chromium with the full catalog
// (catalog.json) and with the seed-only fixture (?catalog=fixtures/seed-catalog.json), alternating in
// one run so both see the same machine load. Each load is a fresh browser context (cold cache).
//   node bench/ready-by-catalog.mjs [--site build/site] [--rounds 7]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { startServer } from '../scripts/serve.mjs';
import { launchChromium, testSite } from '../tests/node/helpers.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
// A copy with the test fixtures in it (the shipped site has none).
const site = await testSite('versus-bench-', path.resolve(opt('--site', 'build/site')));
const rounds = Number(opt('--rounds', 7));

const server = await startServer({ dir: site, port: 0 });
const base = server.url;
const browser = await launchChromium();

async function readyMs(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-state="ready"]', { timeout: 120000 });
  // performance.now() counts from the navigation's start.
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const full = [], seed = [];
for (let i = 0; i < rounds; i++) {
  seed.push(await readyMs(`${base}?catalog=fixtures/seed-catalog.json`));
  full.push(await readyMs(base));
}
await browser.close();
await server.close();

const size = (f) => {
  const bytes = readFileSync(path.join(site, f));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const result = {
  rounds,
  readyMs: { fullCatalog: median(full), seedCatalog: median(seed) },
  ratio: median(full) / median(seed),
  catalogBytes: { full: size('catalog.json'), seed: size('fixtures/seed-catalog.json') },
};
console.log(JSON.stringify(result, null, 2));
