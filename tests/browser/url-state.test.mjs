// The page, its tools and widget.html accept and refuse exactly what the engine's URL state does
// (src/url_state.cpp): each hash of the shared table (tests/fixtures/url-state-cases.json, which
// tests/url_state_test.cpp runs against the engine) is opened, and the page writes the engine's canonical
// hash back and names each refused key in a visible message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSite, DESKTOP } from './fixture.mjs';
import { pageHash } from '../node/helpers.mjs';

const CASES = JSON.parse(readFileSync(new URL('../fixtures/url-state-cases.json', import.meta.url), 'utf8'));
const site = useSite({ prefix: 'versus-url-state-' });

const messages = (page) => page.evaluate(() => [...document.querySelectorAll('#status p, .tools-status p')].map((p) => p.textContent).join('\n'));

test('the page reads every hash of the shared table as the engine does', { timeout: 300000 }, async () => {
  for (const c of CASES) {
    const { page, done } = await site.open(`/index.html${c.hash}`, { viewport: DESKTOP });
    // The tools (and their messages) mount after the first figures.
    await page.waitForSelector('.tools-status', { state: 'attached' });
    assert.equal(await pageHash(page), c.canonical, c.hash);
    const text = await messages(page);
    for (const key of c.problems) assert.match(text, new RegExp(`\\(${key}=\\)`), `${c.hash}: a message names ${key}=`);
    if (!c.problems.length) assert.doesNotMatch(text, /The link's/, `${c.hash}: no message`);
    await done();
  }
});

test('widget.html reads the same hashes: the same refusals, named inside the widget', { timeout: 300000 }, async () => {
  // The widget's keys: the pair, its traffic, routes and theme.
  const widgetKeys = new Set(['a', 'b', 'ratio', 'req', 'in', 'out', 'routes', 'theme']);
  const cases = CASES.filter((c) => !c.hash.includes('model=') && c.problems.every((k) => widgetKeys.has(k)));
  assert.ok(cases.length >= 8, 'set-up: enough widget cases');
  for (const c of cases) {
    const { page, done } = await site.open(`/widget.html${c.hash}`, { viewport: DESKTOP, until: 'llm-versus[data-state="ready"]' });
    const text = await page.evaluate(() => document.querySelector('llm-versus').shadowRoot.querySelector('.msgs')?.textContent ?? '');
    for (const key of c.problems) assert.match(text, new RegExp(`\\(${key}=\\)`), `${c.hash}: the widget names ${key}=`);
    if (!c.problems.length) assert.equal(text, '', `${c.hash}: no message`);
    await done();
  }
});
