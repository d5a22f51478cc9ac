// Offline use: after one load the page, the embed builder's preview and the iframe widget work with the
// network cut (Playwright offline mode) and after a reload; a release bump swaps the cache atomically and
// the page says "Update ready — reload"; a half-deployed release (new sw.js, old wasm) is never installed.
// A "release" is made here the way scripts/build-site makes one: change files in the site folder, then
// scripts/stamp-release (build id + hashes into sw.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, appendFile, copyFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, CLI, openView } from '../node/helpers.mjs';
import { useSite, guard, newContext, pageReady, DESKTOP } from './fixture.mjs';
import { EMBED_SITE, widgetState, WAIT } from './embed-harness.mjs';

const site = useSite({ ...EMBED_SITE, prefix: 'versus-offline-' });
const HASH = '#a=meta/llama-3.2-1b-instruct&b=openai/o3&ratio=0.7&req=1000000&in=800&out=250';
// Offline, Chrome logs the failed update check of sw.js; that is expected.
const allow = [/ERR_INTERNET_DISCONNECTED/, /Failed to fetch|An unknown error occurred when fetching the script/];

const stamp = () => execFileSync(path.join(ROOT, 'scripts/stamp-release'), [site.dir], { encoding: 'utf8' }).trim();

/** Make release `tag`: a marker in versus.js, in the catalog's "generated" (JSON and pack) and in a wasm custom section. */
async function release(tag) {
  await appendFile(path.join(site.dir, 'versus.js'), `\n// release ${tag}\n`);
  const cat = JSON.parse(await readFile(path.join(site.dir, 'catalog.json'), 'utf8'));
  cat.generated = `${tag}-release`;
  await writeFile(path.join(site.dir, 'catalog.json'), JSON.stringify(cat));
  // The page loads the pack made from it, as scripts/build-site makes it.
  execFileSync(CLI, ['pack', path.join(site.dir, 'catalog.json'), path.join(site.dir, 'catalog.pack')]);
  const name = Buffer.from('versus-release');
  const payload = Buffer.from(tag);
  await appendFile(path.join(site.dir, 'versus-engine.wasm'), Buffer.concat([Buffer.from([0, 1 + name.length + payload.length, name.length]), name, payload]));
  return stamp();
}

/** What the page's service worker cache holds: cache names and the release markers of the files in it. */
const cacheState = (page) => page.evaluate(async () => {
  const names = (await caches.keys()).filter((n) => n.startsWith('versus-'));
  const out = { names, files: {} };
  for (const n of names) {
    const c = await caches.open(n);
    const text = async (f) => (await (await c.match(new URL(f, location.href).href))?.text()) ?? null;
    const js = await text('versus.js');
    const cat = await text('catalog.pack'); // binary; its string table holds "generated" as written
    const wasm = await c.match(new URL('versus-engine.wasm', location.href).href);
    const bytes = wasm ? new Uint8Array(await wasm.arrayBuffer()) : null;
    out.files[n] = {
      count: (await c.keys()).length,
      js: js?.match(/\/\/ release (\w+)\s*$/)?.[1] ?? 'r1',
      catalog: cat ? (cat.match(/(r\d+)-release/)?.[1] ?? 'r1') : null,
      wasm: bytes ? (new TextDecoder().decode(bytes.slice(-2)).match(/^r\d$/)?.[0] ?? 'r1') : null,
    };
  }
  return out;
});

/** Wait until the page's origin holds one release's cache (old ones are dropped when no page uses them). */
const oneRelease = (page) => page.waitForFunction(async () => (await caches.keys()).filter((n) => n.startsWith('versus-')).length === 1,
  null, { timeout: WAIT, polling: 100 });

/** The release of the service worker in charge and the release the page was served by. */
const builds = (page) => page.evaluate(() => new Promise((resolve) => {
  const ch = new MessageChannel();
  ch.port1.onmessage = (e) => resolve(e.data);
  navigator.serviceWorker.controller.postMessage({ type: 'build' }, [ch.port2]);
}));

const controlled = (page) => page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: WAIT });

test('after one load everything works offline; a release bump swaps every cached file together', async () => {
  const { page, context, check } = await site.open(HASH, { viewport: DESKTOP, watcher: guard, allow });
  await controlled(page);
  const build1 = await builds(page);
  assert.match(build1.build, /^[0-9a-f]{16}$/);
  assert.ok(build1.files >= 10, `precached ${build1.files} files`);
  const c1 = await cacheState(page);
  assert.deepEqual(c1.names, [`versus-${build1.build}`]);
  // The iframe widget page, loaded once too (it shares the cache).
  const wpage = await context.newPage();
  const gw = guard(wpage, { allow });
  await wpage.goto(`${site.server.url}widget.html#a=openai/o3&b=meta/llama-3.2-1b-instruct`);
  assert.equal(await widgetState(wpage.locator('llm-versus')), 'ready');

  // ---- network cut ----
  await context.setOffline(true);
  await page.reload();
  await pageReady(page);
  assert.equal((await page.locator('#card-a-name').textContent()).trim(), 'Llama 3.2 1B Instruct');
  await page.click('#swap');
  await page.waitForFunction(() => document.getElementById('card-a-name').textContent.trim() === 'o3');
  // The embed builder's preview (its own engine instance, versus-engine.js?embed) works offline too.
  await openView(page, 'export');
  await page.locator('#embed-details summary').click();
  assert.equal(await widgetState(page.locator('#embed-preview llm-versus')), 'ready');
  await wpage.reload();
  assert.equal(await widgetState(wpage.locator('llm-versus')), 'ready');
  assert.equal(await wpage.locator('llm-versus').locator('[data-figure="name-a"]').textContent(), 'o3');
  await context.setOffline(false);

  // ---- release r2 ----
  const build2 = await release('r2');
  assert.notEqual(build2, build1.build);
  await wpage.close();
  await page.reload();
  await pageReady(page);
  await page.waitForSelector('#update-banner', { timeout: WAIT });
  assert.match(await page.locator('#update-banner').textContent(), /Update ready — reload/);
  // While the update waits, the page still runs release 1, all of it.
  const waiting = await cacheState(page);
  assert.deepEqual(waiting.files[`versus-${build1.build}`], { ...c1.files[`versus-${build1.build}`] });
  assert.equal(await page.evaluate(async () => (await (await fetch('versus.js')).text()).includes('// release r2')), false);
  assert.deepEqual(waiting.files[`versus-${build2}`], { ...waiting.files[`versus-${build2}`], js: 'r2', catalog: 'r2', wasm: 'r2' });

  await Promise.all([page.waitForEvent('load', { timeout: WAIT }), page.locator('#update-banner button').click()]);
  await pageReady(page);
  // The old release's cache goes once no page uses it: the reloaded page says it has started.
  await oneRelease(page);
  const c2 = await cacheState(page);
  assert.deepEqual(c2.names, [`versus-${build2}`], 'the old release is gone');
  assert.deepEqual(c2.files[`versus-${build2}`], { count: c1.files[`versus-${build1.build}`].count, js: 'r2', catalog: 'r2', wasm: 'r2' });
  assert.match(await page.locator('#catalog-info').textContent(), /r2-release/);

  // ---- offline again, new release ----
  await context.setOffline(true);
  await page.reload();
  await pageReady(page);
  assert.match(await page.locator('#catalog-info').textContent(), /r2-release/);
  await context.setOffline(false);

  // ---- a half-deployed release 3: sw.js and versus.js are new, the wasm on the server is still release 2 ----
  const wasmPath = path.join(site.dir, 'versus-engine.wasm');
  await copyFile(wasmPath, `${wasmPath}.r2`);
  const build3 = await release('r3');
  await copyFile(`${wasmPath}.r2`, wasmPath);
  assert.notEqual(build3, build2);
  await page.reload();
  await pageReady(page);
  const settled = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg.update().catch(() => {});
    for (let i = 0; i < 300 && reg.installing; i++) await new Promise((r) => setTimeout(r, 100));
    return { installing: !!reg.installing, waiting: !!reg.waiting };
  });
  assert.deepEqual(settled, { installing: false, waiting: false }, 'the mixed release is not installed');
  assert.equal(await page.locator('#update-banner').count(), 0);
  const c3 = await cacheState(page);
  assert.deepEqual(c3.names, [`versus-${build2}`]);
  assert.deepEqual(c3.files[`versus-${build2}`].js, 'r2');
  check();
  gw.check();
  await context.close();
});

test('two tabs, two releases: the tab that did not ask keeps its release until it reloads, and its "Update ready" works', async () => {
  // Before: the update one tab activated deleted the old release's cache and served the new files to every
  // tab, so the other tab (still running release 1) got release 2's modules on its next lazy load, and its
  // "Update ready" button did nothing (it posted to a waiting worker that was no longer there).
  stamp(); // the site as the last test left it (a half-deployed release) made whole again
  const context = await newContext(site.browser, { viewport: DESKTOP });
  const tabA = await context.newPage();
  const tabB = await context.newPage();
  const gA = guard(tabA, { allow });
  const gB = guard(tabB, { allow });
  for (const tab of [tabA, tabB]) {
    await tab.goto(`${site.server.url}${HASH}`);
    await pageReady(tab);
    await controlled(tab);
  }
  await tabB.reload(); // served by the service worker, so it knows the release of this page
  await pageReady(tabB);
  const before = await builds(tabB);
  const marker = (tab) => tab.evaluate(async () => (await (await fetch('versus.js')).text()).match(/\/\/ release (\w+)\s*$/)?.[1] ?? 'old');
  const old = await marker(tabB);

  const next = await release(`t${Date.now() % 1000}`);
  await tabA.reload();
  await pageReady(tabA);
  await tabA.waitForSelector('#update-banner', { timeout: WAIT });
  await tabB.waitForSelector('#update-banner', { timeout: WAIT });

  // Tab A takes the update.
  await Promise.all([tabA.waitForEvent('load', { timeout: WAIT }), tabA.locator('#update-banner button').click()]);
  await pageReady(tabA);
  assert.equal((await builds(tabA)).build, next);
  assert.notEqual(await marker(tabA), old);

  // Tab B is now controlled by the new worker, yet it still gets its own release's files.
  await tabB.waitForFunction((b) => new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = (e) => resolve(e.data.build === b);
    navigator.serviceWorker.controller.postMessage({ type: 'build' }, [ch.port2]);
  }), next, { timeout: WAIT, polling: 200 });
  assert.equal(await marker(tabB), old, 'a lazy load in tab B is answered from its own release');
  const during = await builds(tabB);
  assert.deepEqual({ build: during.build, page: during.page }, { build: next, page: before.build });
  assert.equal((await cacheState(tabB)).names.length, 2, 'both releases are kept while tab B uses the old one');
  assert.match(await tabB.locator('#update-banner').textContent(), /Update ready — reload/);

  // Its banner reloads it into the new release, and the old release's cache goes.
  await Promise.all([tabB.waitForEvent('load', { timeout: WAIT }), tabB.locator('#update-banner button').click()]);
  await pageReady(tabB);
  assert.equal((await builds(tabB)).page, next);
  assert.notEqual(await marker(tabB), old);
  await oneRelease(tabB);
  assert.deepEqual((await cacheState(tabB)).names, [`versus-${next}`]);
  gA.check();
  gB.check();
  await context.close();
});
