// build/site/versus-standalone.html (scripts/build-standalone) opened from disk: file://, no server, no network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SITE, need } from '../node/helpers.mjs';
import { launchBrowser, openPage, guard, pageIdle, DESKTOP } from './fixture.mjs';
import { EMBED_SITE, recordViolations } from './embed-harness.mjs';

test('the standalone file works from file:// with the network cut, under its own CSP', async () => {
  const file = need(path.join(SITE, 'versus-standalone.html'), 'run scripts/build-site (it calls scripts/build-standalone)');
  // Alone in an empty folder: nothing next to it to fetch.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'versus-standalone-'));
  const copy = path.join(dir, 'versus-standalone.html');
  await copyFile(file, copy);
  const browser = await launchBrowser(EMBED_SITE.args);
  try {
    const violations = [];
    const requests = [];
    const { page, context, check } = await openPage(browser, `${pathToFileURL(copy).href}#a=meta/llama-3.2-1b-instruct&b=openai/o3&ratio=0.7&req=1000000&in=800&out=250`, {
      viewport: DESKTOP,
      watcher: guard,
      init: async (c) => {
        await recordViolations(c, violations);
        await c.setOffline(true);
      },
      onPage: (p) => p.on('request', (r) => { if (!/^(data|blob):/.test(r.url()) && r.url() !== pathToFileURL(copy).href) requests.push(r.url()); }),
    });
    assert.equal((await page.locator('#card-a-name').textContent()).trim(), 'Llama 3.2 1B Instruct');
    assert.equal((await page.locator('#card-b-name').textContent()).trim(), 'o3');
    assert.match(await page.locator('#card-b [data-figure="monthly"]').textContent(), /^\$[\d,.]+$/);
    // Still interactive: swap recomputes.
    await page.click('#swap');
    await page.waitForFunction(() => document.getElementById('card-a-name').textContent.trim() === 'o3');
    assert.ok(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content.includes("default-src 'none'")));
    await pageIdle(page); // anything the page would still fetch has been asked for by now
    assert.deepEqual(requests, [], 'the file fetches nothing');
    assert.deepEqual(violations, [], 'no CSP violation');
    check();
    await context.close();
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
});
