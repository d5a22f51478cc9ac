#!/usr/bin/env node
// minify-site — minify the JavaScript and CSS of an assembled site folder in place, with esbuild.
//
//   node scripts/minify-site.mjs SITE_DIR      (run by scripts/build-site, before stamp-release)
//
// Why esbuild: it parses the modules (ES2022, import.meta, top-level await) and rewrites them safely; a
// hand-written whitespace stripper cannot. Only whitespace, comments and local names change: exports,
// module specifiers and string contents (every message the page shows) stay as they are.
// sw.js and test-hooks.js are left alone: stamp-release rewrites sw.js's `// @stamp` lines afterwards, and
// enable-test-hooks test-hooks.js's `// @flag` line in a test build.
// Prints raw and gzip -9 sizes before and after. Set VERSUS_MINIFY=0 to skip (debugging in the browser).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const site = process.argv[2];
if (!site) {
  console.error('usage: node scripts/minify-site.mjs SITE_DIR');
  process.exit(2);
}
if (process.env.VERSUS_MINIFY === '0') {
  console.log('minify-site: skipped (VERSUS_MINIFY=0)');
  process.exit(0);
}
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('minify-site: the npm package esbuild is missing: run npm ci (scripts/build does)');
  process.exit(1);
}

const SKIP = new Set(['sw.js', 'test-hooks.js']);
const gz = (b) => gzipSync(b, { level: 9 }).length;
let before = 0;
let after = 0;
let beforeGz = 0;
let afterGz = 0;
for (const name of readdirSync(site).sort()) {
  const ext = path.extname(name);
  if (!['.js', '.css'].includes(ext) || SKIP.has(name)) continue;
  const file = path.join(site, name);
  const source = readFileSync(file, 'utf8');
  let out;
  try {
    out = esbuild.transformSync(source, {
      loader: ext === '.css' ? 'css' : 'js',
      minify: true,
      legalComments: 'none',
      target: ext === '.css' ? ['chrome100', 'firefox100', 'safari15'] : 'es2022',
      sourcefile: name,
    }).code;
  } catch (e) {
    console.error(`minify-site: ${name}: ${e.message}`);
    process.exit(1);
  }
  writeFileSync(file, out);
  before += Buffer.byteLength(source);
  after += Buffer.byteLength(out);
  beforeGz += gz(source);
  afterGz += gz(out);
}
console.log(`minify-site: JS and CSS ${before} → ${after} bytes raw, ${beforeGz} → ${afterGz} gzip -9`);
