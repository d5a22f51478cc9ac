// Hostile data and crafted links, in headless Chromium. The page is served from VERSUS_SITE (default
// build/site, made by scripts/build-site, which copies tests/fixtures/hostile-catalog.json to fixtures/).
//
// - tests/fixtures/hostile-catalog.json holds HTML and script in names, providers, sources, notes and
//   benchmark names (each payload sets window.__pwned or calls alert when it runs), `javascript:` and
//   `data:` URLs, RTL overrides, emoji and 10 kB names. The page is opened with CSP bypassed, so a payload
//   inserted as HTML would really run: nothing may execute, no dialog may open, the payloads must show as
//   text, and no `javascript:` link may exist.
// - Crafted URL hashes (unknown ids, NaN, negative, 1e308, -0, 100 kB strings, percent garbage, duplicated
//   keys) must give a visible message and the defaults, never NaN/Infinity/undefined on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, pageHash, setHash } from '../node/helpers.mjs';
import { useSite, pageReady, pageIdle, DESKTOP } from './fixture.mjs';

const HOSTILE = '?catalog=fixtures/hostile-catalog.json';
const SEED = '?catalog=fixtures/seed-catalog.json';
const LLAMA = 'meta/llama-3.2-1b-instruct';
const O3 = 'openai/o3';
const DEFAULT_HASH = { a: LLAMA, b: O3, ratio: '0.7', req: '1000000', in: '800', out: '250' };
const BAD_WORDS = /\bNaN\b|\bInfinity\b|\bundefined\b|\bnull\b|\[object Object\]/;
/** The screen text minus the visitor's own values echoed in “quotes” (a note may quote “NaN” from the link). */
const unquoted = (s) => s.replace(/“[^”]*”/g, '“…”');

let hostile;

const site = useSite({ prefix: 'versus-hostile-', prepare: async (dir) => {
  hostile = JSON.parse(await readFile(path.join(ROOT, 'tests/fixtures/hostile-catalog.json'), 'utf8'));
  // A catalog that is valid JSON but has nothing to compare.
  await writeFile(path.join(dir, 'fixtures/test-empty-catalog.json'), JSON.stringify({
    schema: 'versus-catalog/1', generated: '2026-11-23', sources: {}, benchmarks: [], providers: [], models: [], offers: [] }));
} });

/** A fresh context (CSP bypassed when asked, so injected HTML would really run), with every problem recorded. */
/** The page at the desktop size, dialogs recorded; each test waits for its own condition (until: null). */
async function openPage(query, { bypassCSP = true } = {}) {
  const p = await site.open(query, { viewport: DESKTOP, bypassCSP, dialogs: true, until: null });
  const done = async () => {
    const pwned = await p.page.evaluate(() => window.__pwned).catch(() => 'page gone');
    await p.close();
    assert.equal(pwned, undefined, 'no payload ran (window.__pwned stays undefined)');
    assert.deepEqual(p.dialogs, [], 'no dialog opened');
    p.check();
  };
  return { ...p, done };
}

const ready = pageReady;

const text = async (page, sel) => ((await page.locator(sel).first().textContent()) ?? '').trim();
const hashParams = async (page) => Object.fromEntries((await pageHash(page)).slice(1).split('&').map((kv) => kv.split('=').map(decodeURIComponent)));

/** Everything in the DOM that could run script or navigate to one: returns a list of offences. */
function domOffences() {
  const out = [];
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      if (/^on/i.test(a.name)) out.push(`${e.tagName} has ${a.name}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'].includes(a.name.toLowerCase())) {
        const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (/^(javascript|data:text|vbscript)/.test(v) || a.name === 'srcdoc') out.push(`${e.tagName} ${a.name}=${a.value.slice(0, 60)}`);
      }
    }
  }
  for (const a of document.querySelectorAll('a[href]')) {
    const p = new URL(a.href, location.href).protocol;
    if (!['http:', 'https:'].includes(p) && !a.getAttribute('href').startsWith('#')) out.push(`A href protocol ${p}`);
  }
  const scripts = [...document.scripts].filter((s) => !s.src || new URL(s.src).origin !== location.origin);
  for (const s of scripts) out.push(`SCRIPT ${s.outerHTML.slice(0, 80)}`);
  for (const sel of ['body img[src="x"]', 'body iframe', 'body svg[onload]', 'body style', 'body script']) {
    for (const e of document.querySelectorAll(sel)) out.push(`${sel}: ${e.outerHTML.slice(0, 80)}`);
  }
  return out;
}

/** Open every disclosure, sort by every column, so every view's text is in the DOM. */
async function openEverything(page) {
  await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
  const n = await page.locator('#offers thead th button').count();
  for (let i = 0; i < n; i++) await page.locator('#offers thead th button').nth(i).click();
  await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
}

const model = (id) => hostile.models.find((m) => m.id === id);
const provider = (id) => hostile.providers.find((p) => p.id === id);

test('hostile catalog: names, providers, sources and notes show as text; nothing runs; no javascript: links', async () => {
  const pairs = [['hostile/img', 'hostile/script'], ['hostile/rtl', 'hostile/long'], ['hostile/long', 'hostile/img']];
  const { page, done } = await openPage(`/${HOSTILE}#a=${pairs[0][0]}&b=${pairs[0][1]}`);
  await ready(page);
  for (const [a, b] of pairs) {
    await page.evaluate((h) => { location.hash = h; }, `a=${a}&b=${b}&ratio=0.7&req=1000000&in=800&out=250`);
    await page.waitForFunction((n) => document.getElementById('card-a-name')?.textContent.trim() === n, model(a).name, { timeout: 30000 });
    await openEverything(page);
    assert.equal(await text(page, '#card-a-name'), model(a).name);
    assert.equal(await text(page, '#card-b-name'), model(b).name);
    const body = await page.evaluate(() => document.body.textContent);
    // Provider names appear verbatim, as text (the offers table lists every provider of both models).
    for (const o of hostile.offers.filter((x) => x.model === a || x.model === b)) {
      assert.ok(body.includes(provider(o.provider).name), `provider name ${o.provider} shown as text`);
    }
    assert.ok(body.includes(model(a).name) && body.includes(model(b).name));
    assert.deepEqual(await page.evaluate(domOffences), [], `DOM offences for ${a} vs ${b}`);
    assert.doesNotMatch(await page.locator('body').innerText(), BAD_WORDS);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'ready');
  }
  // The literal payloads are on screen as text.
  const body = await page.evaluate(() => document.body.textContent);
  assert.ok(body.includes('<img src=x onerror="window.__pwned=1;alert(1)">'));
  // Swap and pick models by alias: the picker's options carry hostile names too.
  await page.click('#swap');
  await page.fill('#model-a', 'img-model');
  await page.press('#model-a', 'Enter');
  assert.equal((await hashParams(page)).a, 'hostile/img');
  await page.fill('#model-b', 'rtl-model');
  await page.press('#model-b', 'Enter');
  await page.locator('#model-b').focus();
  await page.fill('#model-b', 'Script');
  // The suggestions refresh once typing pauses: wait for the hostile model to be offered, its name as text.
  await page.waitForFunction(() => [...document.querySelectorAll('#model-b-listbox [role="option"]')].some((o) => o.dataset.id === 'hostile/script'));
  assert.deepEqual(await page.evaluate(domOffences), []);
  // Let any delayed handler (onerror of a broken image, iframe load) fire: wait until the page is idle.
  await pageIdle(page);
  await done();
});

test('hostile catalog with the page\'s own CSP: still no errors, no CSP violation reports', async () => {
  const { page, done } = await openPage(`/${HOSTILE}#a=hostile/img&b=hostile/script`, { bypassCSP: false });
  await ready(page);
  await openEverything(page);
  assert.equal(await text(page, '#card-b-name'), model('hostile/script').name);
  await pageIdle(page);
  await done();
});

test('the 10 kB name and provider do not break the layout (no horizontal page overflow)', async () => {
  const { page, done } = await openPage(`/${HOSTILE}#a=hostile/long&b=hostile/rtl`);
  await ready(page);
  assert.equal((await text(page, '#card-a-name')).length, model('hostile/long').name.length);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
  await done();
});

test('an RTL override in a model name stays inside the name: the figures after it read left to right', async () => {
  // "RLO \u202Eclosed\u202C" comes first in the verdict. An override that is never closed would turn every
  // character after it right-to-left ("$0.20 vs $3.00" read as "00.3$ sv 02.0$"); the loader refuses such
  // text (tests/json_reader_test.cpp), so a catalog can only hold closed ones.
  const { page, done } = await openPage(`/${HOSTILE}#a=hostile/rlo&b=hostile/script`);
  await ready(page);
  // It reads glyph positions, so it needs glyphs laid out: wait for fonts, and check that each measured
  // glyph has a width (a missing font would make every position equal and the check pass vacuously).
  await page.evaluate(() => document.fonts.ready);
  const { reversed, checked } = await page.evaluate(() => {
    const out = [];
    let checked = 0;
    for (const sel of ['#verdict', '#price-sentence']) {
      const root = document.querySelector(sel);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        // Find " vs " after the override and compare the x of 'v' and 's'.
        const i = n.data.indexOf(' vs ', n.data.indexOf('\u202E') + 1);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i + 1); r.setEnd(n, i + 2);
        const v = r.getBoundingClientRect();
        r.setStart(n, i + 2); r.setEnd(n, i + 3);
        const s = r.getBoundingClientRect();
        if (!(v.width > 0 && s.width > 0)) out.push(`${sel}: “vs” has no laid-out glyphs (no font?)`);
        else if (s.left < v.left) out.push(`${sel}: “vs” renders as “sv”`);
        checked += 1;
      }
    }
    return { reversed: out, checked };
  });
  assert.ok(checked > 0, 'the verdict or price sentence has a “ vs ” after the override to measure');
  assert.deepEqual(reversed, []);
  await done();
});

// ---------- crafted links ----------

const LONG = 'x'.repeat(100_000);
const CRAFTED = [
  { hash: 'a=nope/none&b=also/none', notes: [/no model “nope\/none”/, /no model “also\/none”/] },
  { hash: `a=${LLAMA}&b=${O3}&ratio=NaN&req=NaN&in=NaN&out=NaN`, notes: [/input share \(ratio=\) is not a number \(it is “NaN”\)/, /requests a month \(req=\) is not a number \(it is “NaN”\)/] },
  { hash: `a=${LLAMA}&b=${O3}&ratio=-0.5&req=-1&in=-800&out=-250`, notes: [/“-0.5”/, /“-1”/, /“-800”/] },
  { hash: `a=${LLAMA}&b=${O3}&ratio=1e308&req=1e308&in=1e308&out=1e308`, notes: [/“1e308”/] },
  { hash: `a=${LLAMA}&b=${O3}&ratio=Infinity&req=Infinity&in=-Infinity&out=1e999`, notes: [/“Infinity”/, /“1e999”/] },
  { hash: `a=${LLAMA}&b=${O3}&ratio=-0&req=-0&in=-0&out=-0`, notes: [], expect: { ratio: '0', req: '0', in: '0', out: '0' } },
  { hash: `a=${LONG}&b=${O3}`, notes: [/The link is \d+ bytes long, over the 16384-byte limit; it was ignored/] },
  { hash: `a=${LLAMA}&b=${O3}&req=${'9'.repeat(100_000)}`, notes: [/The link is \d+ bytes long, over the 16384-byte limit/] },
  { hash: `a=${LLAMA}&b=${O3}&ratio=${LONG}`, notes: [/The link is \d+ bytes long, over the 16384-byte limit/] },
  { hash: 'a=%E0%A4%A&b=%%%%&ratio=%ZZ&req=%00&in=%C0%AF&out=%uFFFF', notes: [/model A \(a=\) has a malformed percent escape/] },
  { hash: `a=${O3}&a=${LLAMA}&b=${O3}&b=${O3}&ratio=0.2&ratio=0.9`, notes: [] },
  { hash: '&&&===&a&b&=&ratio', notes: [] },
  { hash: `a=${LLAMA}&b=${LLAMA}`, notes: [] },
  { hash: `a=%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E&b=${O3}&ratio=0x10&req=1_000&in=%20&out=+5`, notes: [/<img src=x onerror/] },
  { hash: `a=${LLAMA}&b=${O3}&req=1e-300&in=5e-324&out=0.5`, notes: [] },
  // Decimal numbers only, as the engine's URL-state parser: Number() would read these as 16, 3 and 7.
  { hash: `a=${LLAMA}&b=${O3}&req=0x10&out=0b11&in=0o7`, notes: [/requests a month \(req=\) is not a number \(it is “0x10”\)/, /output tokens per request \(out=\) is not a number \(it is “0b11”\)/, /input tokens per request \(in=\) is not a number \(it is “0o7”\)/],
    expect: { req: '1000000', in: '800', out: '250' } },
];

test('crafted hashes: a visible message, sane defaults, data-state="ready", nothing absurd on screen', async () => {
  const { page, done } = await openPage(`/${SEED}`);
  await ready(page);
  await done();
  const failures = [];
  for (const c of CRAFTED) {
    const label = c.hash.slice(0, 90);
    const r = await openPage(`/${SEED}#${c.hash}`);
    try {
      await ready(r.page);
      const status = await text(r.page, '#status');
      for (const re of c.notes) if (!re.test(status)) failures.push(`${label}: status lacks ${re} (status: ${status.slice(0, 200)})`);
      if (status.length > 2000) failures.push(`${label}: the status message is ${status.length} characters long`);
      const shown = unquoted(await r.page.locator('body').innerText());
      const bad = shown.match(BAD_WORDS);
      if (bad) failures.push(`${label}: “${bad[0]}” on screen near “${shown.slice(Math.max(0, bad.index - 60), bad.index + 40)}”`);
      const h = await hashParams(r.page);
      for (const k of ['ratio', 'req', 'in', 'out']) {
        const n = Number(h[k]);
        if (!Number.isFinite(n) || n < 0) failures.push(`${label}: the rewritten hash has ${k}=${h[k]}`);
      }
      if (c.expect) for (const [k, v] of Object.entries(c.expect)) if (h[k] !== v) failures.push(`${label}: ${k}=${h[k]}, expected ${v}`);
      for (const id of ['ratio', 'req', 'in', 'out']) {
        const v = await r.page.inputValue(`#${id}`);
        if (!Number.isFinite(Number(v)) || v === '') failures.push(`${label}: #${id} holds “${v}”`);
      }
      await r.done();
    } catch (e) {
      failures.push(`${label}: ${e.message.split('\n')[0]}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('a link value that cannot be percent-decoded is not shown as “null”', async () => {
  const { page, done } = await openPage(`/${SEED}#a=${LLAMA}&b=${O3}&ratio=%ZZ&req=%E0%A4%A`);
  await ready(page);
  const status = await text(page, '#status');
  assert.match(status, /input share/);
  assert.doesNotMatch(status, /“null”/);
  await done();
});

test('link values above the engine\'s bounds (req > 1e12, tokens > 1e9) get a note and the defaults', async () => {
  // web/app.js accepts up to MAX_TRAFFIC = 1e15 for every field; src/pricing.cpp validateWorkload rejects
  // requests > 1e12 and tokens > 1e9, and resolveStateModels() looks models up with that invalid workload,
  // so every lookup fails and the page dies with "The catalog has no models to compare."
  for (const h of ['req=1e13', 'in=2e9', 'out=1e15', 'req=1e15&in=1e15&out=1e15']) {
    const { page, done } = await openPage(`/${SEED}#a=${LLAMA}&b=${O3}&${h}`);
    await ready(page);
    assert.match(await text(page, '#status'), /over the limit|not a number|is used/i, h);
    assert.equal(await page.locator('#card-b-name').textContent(), 'o3');
    await done();
  }
});

test('typing a value above the engine\'s bounds says so next to the field', async () => {
  const { page, done } = await openPage(`/${SEED}#a=${LLAMA}&b=${O3}`);
  await ready(page);
  await page.fill('#req', '10000000000000');
  assert.match(await text(page, '#req-msg'), /too large/i);
  await page.fill('#in', '5000000000');
  assert.match(await text(page, '#in-msg'), /too large/i);
  await done();
});

test('crafted hashes typed after load (hashchange) are handled like a fresh link', async () => {
  const { page, done } = await openPage(`/${SEED}#a=${LLAMA}&b=${O3}`);
  await ready(page);
  for (const c of CRAFTED) {
    await setHash(page, c.hash);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'ready', c.hash.slice(0, 80));
    const shown = unquoted(await page.locator('body').innerText());
    assert.doesNotMatch(shown, BAD_WORDS, c.hash.slice(0, 80));
  }
  // Back to a clean link: defaults, no notes left behind.
  await page.evaluate(() => { location.hash = 'a=meta/llama-3.2-1b-instruct&b=openai/o3'; });
  await page.waitForFunction(() => document.getElementById('card-b-name').textContent.trim() === 'o3');
  assert.deepEqual((await hashParams(page)), DEFAULT_HASH);
  await done();
});

test('the same hostile model on both sides is still a comparison', async () => {
  const { page, done } = await openPage(`/${HOSTILE}#a=hostile/img&b=hostile/img`);
  await ready(page);
  assert.doesNotMatch(await page.locator('body').innerText(), BAD_WORDS);
  await done();
});

test('an impossible catalog (valid JSON, no models) ends in data-state="error" with a message', async () => {
  const { page, done } = await openPage('/?catalog=fixtures/test-empty-catalog.json#a=x&b=y');
  await page.waitForSelector('html[data-state="error"]', { timeout: 60000 });
  const msg = await text(page, '#page-error');
  assert.ok(msg.length > 10, msg);
  assert.ok(await page.locator('#page-error').isVisible());
  assert.doesNotMatch(await page.locator('body').innerText(), BAD_WORDS);
  await done();
});

test('an unclosed bidi override in a link is isolated in the note: the page\'s own words still read left to right', async () => {
  // U+202E (RIGHT-TO-LEFT OVERRIDE), never closed, as model B of the link.
  const { page, done } = await openPage(`/${SEED}#a=${LLAMA}&b=%E2%80%AEevil`);
  await ready(page);
  await page.evaluate(() => document.fonts.ready);
  const r = await page.evaluate(() => {
    const p = [...document.querySelectorAll('#status p')].find((q) => q.textContent.includes('\u202E'));
    if (!p) return { found: false };
    const bdi = p.querySelector('bdi');
    // The words after the value: "(model B in the link); showing …". Compare the x of 's' and 'h' of "showing".
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (bdi?.contains(n)) continue;
      const i = n.data.indexOf('showing');
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i); range.setEnd(n, i + 1);
      const s = range.getBoundingClientRect();
      range.setStart(n, i + 1); range.setEnd(n, i + 2);
      const h = range.getBoundingClientRect();
      return { found: true, isolated: !!bdi && bdi.textContent.includes('\u202E'), measured: s.width > 0 && h.width > 0, ltr: s.left < h.left };
    }
    return { found: true, isolated: !!bdi, measured: false };
  });
  assert.ok(r.found, 'the note quoting the link value is shown');
  assert.ok(r.isolated, 'the value sits in its own <bdi>');
  assert.ok(r.measured, 'the glyphs of "showing" are laid out (a font is installed)');
  assert.ok(r.ltr, '"showing" after the value reads left to right');
  await done();
});
