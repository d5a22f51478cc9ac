// The page, the embed builder's live preview and the iframe page under the strict CSP
// (script-src 'self' 'wasm-unsafe-eval', no inline script, no eval; sent by scripts/serve.mjs and in the
// pages' <meta>): no securitypolicyviolation event, no console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, openView } from '../node/helpers.mjs';
import { useSite, guard, DESKTOP } from './fixture.mjs';
import { EMBED_SITE, recordViolations, widgetState } from './embed-harness.mjs';

const site = useSite({ ...EMBED_SITE, prefix: 'versus-csp-' });

test('web/ has no inline script, no inline event handler, no eval', async () => {
  for (const f of await readdir(path.join(ROOT, 'web'))) {
    const text = await readFile(path.join(ROOT, 'web', f), 'utf8');
    if (f.endsWith('.html')) {
      for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        assert.match(m[1], /\bsrc=/, `${f}: inline <script>`);
        assert.equal(m[2].trim(), '', `${f}: script with a body`);
      }
      assert.doesNotMatch(text, /\son[a-z]+\s*=/i, `${f}: inline event handler`);
    }
    if (f.endsWith('.js')) assert.doesNotMatch(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''), /\beval\s*\(|new Function\s*\(/, `${f}: eval`);
  }
});

test('the page, the embed builder preview and widget.html load under the strict CSP with no violation', async () => {
  const violations = [];
  const { page, context, response: res, check } = await site.open('?catalog=fixtures/seed-catalog.json#a=meta/llama-3.2-1b-instruct&b=openai/o3&ratio=0.7&req=1000000&in=800&out=250',
    { viewport: DESKTOP, watcher: guard, init: (c) => recordViolations(c, violations) });
  assert.match(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(res.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  // The embed builder (the "Export & embed" view): snippets for the current state, and a live preview.
  await openView(page, 'export');
  await page.locator('#embed-details summary').click();
  const snippet = await page.inputValue('#embed-snippet-element');
  assert.ok(snippet.startsWith(`<script type="module" src="${site.server.url}embed.js"></script>`), snippet);
  assert.match(snippet, /<llm-versus a="meta\/llama-3.2-1b-instruct" b="openai\/o3" ratio="0.7" requests="1000000" input="800" output="250"><\/llm-versus>/);
  assert.match(await page.inputValue('#embed-snippet-iframe'), new RegExp(`<iframe src="${site.server.url}widget.html#a=meta/llama-3.2-1b-instruct&amp;b=openai/o3&amp;ratio=0.7`));
  const preview = page.locator('#embed-preview llm-versus');
  assert.equal(await widgetState(preview), 'ready');
  assert.equal((await preview.locator('[data-figure="monthly-a"]').textContent()), '$71.85');
  // Changing the page's state updates the snippets and the preview.
  await page.click('#swap');
  await page.waitForFunction(() => document.getElementById('embed-snippet-element').value.includes('a="openai/o3"'), null, { timeout: 30000 });
  await page.waitForFunction(() => document.querySelector('#embed-preview llm-versus').shadowRoot.querySelector('[data-figure="name-a"]')?.textContent === 'o3', null, { timeout: 30000 });

  const w = await context.newPage();
  const g2 = guard(w);
  await w.goto(`${site.server.url}widget.html#a=openai/o3&b=meta/llama-3.2-1b-instruct&catalog=fixtures/seed-catalog.json`);
  assert.equal(await widgetState(w.locator('llm-versus')), 'ready');
  assert.deepEqual(violations, [], 'no securitypolicyviolation event');
  check();
  g2.check();
  await context.close();
});
