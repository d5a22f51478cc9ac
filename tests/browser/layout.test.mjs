// The answer first (issue 16): both monthly figures on the first screen, a pair view of bounded height, the
// tools as views of their own, and axe-core's accessibility rules on every view, at a desktop and a phone
// size, in light and dark. The shipped catalog, as a visitor gets it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pageHash, settled } from '../node/helpers.mjs';
import { useSite, pageReady } from './fixture.mjs';

const WAIT = 60000;
const SONNET_GPT = '#a=anthropic/claude-sonnet-4-6&b=openai/gpt-5.5';
const SCREENS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, maxView: 6000 },
  { name: 'phone', viewport: { width: 390, height: 844 }, maxView: 12000 },
];
const TOOLS = ['rank', 'nway', 'prices', 'charts', 'export'];
const text = async (page, sel) => (await page.locator(sel).first().textContent()).trim();

let axeSource;

// The site as it ships: no test hooks.
const site = useSite({ prefix: 'versus-layout-', hooks: false });
before(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
});

/** The page at the screen's viewport, once ready and its tool tabs are shown; each test checks `problems` itself. */
const open = (hash, { viewport, dark = false, bypassCSP = false, hasTouch = false }) => site.open(`/${hash}`, {
  viewport, colorScheme: dark ? 'dark' : 'light', bypassCSP, hasTouch, timeout: WAIT,
  until: async (page) => {
    await pageReady(page);
    // the tools mount after the first comparison: the tabs show once they can be used
    await page.waitForSelector('#view-tabs:not([hidden])');
  },
});

test('both monthly figures are on the first screen, and the pair view is bounded', { timeout: 180000 }, async () => {
  for (const screen of SCREENS) {
    for (const hash of ['', SONNET_GPT]) {
      const { page, problems, close } = await open(hash, screen);
      const at = await page.evaluate(() => ({
        scrollY,
        figures: [...document.querySelectorAll('[data-figure="monthly"]')].map((e) => {
          const r = e.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, text: e.textContent };
        }),
        view: document.getElementById('results').getBoundingClientRect().height,
        page: document.documentElement.scrollHeight,
      }));
      const label = `${screen.name} ${hash || '(default pair)'}`;
      assert.equal(at.scrollY, 0, label);
      assert.equal(at.figures.length, 2, `${label}: one monthly figure per card`);
      for (const f of at.figures) {
        assert.match(f.text, /^\$[\d,.]+/, `${label}: a monthly cost`);
        assert.ok(f.top >= 0 && f.bottom <= screen.viewport.height, `${label}: ${f.text} at ${f.top}–${f.bottom}, the screen is ${screen.viewport.height} px`);
      }
      assert.ok(at.view <= screen.maxView, `${label}: the pair view is ${Math.round(at.view)} px tall (at most ${screen.maxView})`);
      console.log(`# ${label}: monthly figures at y ${at.figures.map((f) => Math.round(f.bottom)).join(' / ')}, pair view ${Math.round(at.view)} px, page ${at.page} px`);
      assert.deepEqual(problems, [], label);
      await close();
    }
  }
});

test('the provider table lists the routes that matter, and all of them on request', { timeout: 120000 }, async () => {
  const { page, problems, close } = await open('#a=openai/gpt-oss-120b&b=openai/o3', SCREENS[0]);
  const rows = () => page.locator('#offers tbody tr').count();
  const few = await rows();
  const button = page.locator('#offers-all');
  const label = await button.textContent();
  const all = Number(/Show all ([\d,]+) routes/.exec(label)[1].replace(/,/g, ''));
  assert.ok(few <= 2 * 6 && few < all, `${few} rows shown of ${all}`);
  // the headline route of each model is among them
  assert.equal(await page.locator('#offers tbody tr.cheapest').count(), 2);
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await button.click();
  assert.equal(await rows(), all);
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  await button.click();
  assert.equal(await rows(), few);
  assert.deepEqual(problems, []);
  await close();
});

test('each tool is a view of its own: a tab shows it alone, the hash keeps it, Back returns to the pair', { timeout: 120000 }, async () => {
  const { page, problems, close } = await open(SONNET_GPT, SCREENS[1]);
  const visible = () => page.evaluate(() => ({
    results: getComputedStyle(document.getElementById('results')).display !== 'none',
    tools: [...document.querySelectorAll('#tools-root > section[data-view]')].filter((s) => !s.hidden).map((s) => s.dataset.view),
  }));
  assert.deepEqual(await visible(), { results: true, tools: [] }, 'the pair view shows no tool below it');
  await page.click('#view-tabs a[data-tool="rank"]');
  assert.deepEqual(await visible(), { results: false, tools: ['rank'] });
  assert.equal(await page.locator('#view-tabs a[aria-current="page"]').textContent(), 'Rank all models');
  assert.match(await pageHash(page), /[#&]tool=rank(&|$)/);
  assert.match(await pageHash(page), /a=anthropic\/claude-sonnet-4-6/, 'the pair stays in the link');
  await page.click('#view-tabs a[data-tool="export"]');
  assert.deepEqual((await visible()).tools, ['export', 'export'], 'the exports and the embed builder');
  await page.goBack();
  await page.waitForFunction(() => document.documentElement.dataset.tool === 'rank');
  await page.goBack();
  await page.waitForFunction(() => document.documentElement.dataset.tool === '');
  await settled(page);
  assert.deepEqual(await visible(), { results: true, tools: [] });
  // a crafted view name is refused with a message, and the pair is shown
  await page.evaluate(() => { location.hash = `${location.hash}&tool=%3Cscript%3E`; });
  await page.waitForFunction(() => /view/.test(document.querySelector('.tools-status')?.textContent ?? ''));
  assert.deepEqual(await visible(), { results: true, tools: [] });
  assert.deepEqual(problems, []);
  await close();
});

/** axe-core's violations on the page as it is now (WCAG 2.x A and AA rules and best practices). */
async function violations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test('axe-core finds no violations on the pair view, the model page, each tool view and the widget, at both sizes, light and dark', { timeout: 600000 }, async () => {
  const found = [];
  for (const screen of SCREENS) {
    for (const dark of [false, true]) {
      const tag = `${screen.name} ${dark ? 'dark' : 'light'}`;
      const { page, problems, close } = await open(SONNET_GPT, { ...screen, dark, bypassCSP: true });
      for (const v of await violations(page)) found.push(`${tag} pair: ${v}`);
      for (const tool of TOOLS) {
        await page.click(`#view-tabs a[data-tool="${tool}"]`);
        await page.waitForFunction((t) => document.documentElement.dataset.tool === t, tool);
        for (const v of await violations(page)) found.push(`${tag} ${tool}: ${v}`);
      }
      await page.goto(site.url('/#model=openai/o3'));
      await page.waitForSelector('#model-view:not([hidden])');
      for (const v of await violations(page)) found.push(`${tag} model page: ${v}`);
      await page.goto(site.url('/widget.html#a=anthropic/claude-sonnet-4-6&b=openai/gpt-5.5'));
      await page.waitForSelector('llm-versus[data-state="ready"]');
      for (const v of await violations(page)) found.push(`${tag} widget: ${v}`);
      assert.deepEqual(problems, [], tag);
      await close();
    }
  }
  assert.deepEqual(found, []);
});

test('the model picker is a combobox: arrow keys, Enter, Escape, the name in the field, what each option is', { timeout: 120000 }, async () => {
  const { page, problems, close } = await open(SONNET_GPT, SCREENS[1]);
  const input = page.locator('#model-a');
  assert.equal(await input.getAttribute('role'), 'combobox');
  assert.equal(await input.inputValue(), 'Claude Sonnet 4.6', 'the name, not the id');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  await input.fill('gemni flash');
  await page.waitForSelector('#model-a-listbox:not([hidden]) [role="option"]');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  const first = page.locator('#model-a-listbox [role="option"]').first();
  assert.match(await first.textContent(), /^Gemini .*Flash.*Google · \d{4}-\d{2}-\d{2} · \d+ routes/);
  assert.match(await text(page, '#model-a-count'), /^\d+ suggestions?; arrow keys to choose\.$/);
  // ↓ ↓ ↑ lands on the first option again; its id is the active descendant
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  await input.press('ArrowUp');
  const activeId = await input.getAttribute('aria-activedescendant');
  assert.equal(activeId, 'model-a-listbox-0');
  assert.equal(await page.getAttribute(`#${activeId}`, 'aria-selected'), 'true');
  const id = await first.getAttribute('data-id');
  const name = (await first.locator('.picker-name').textContent()).trim();
  await input.press('Enter');
  await page.waitForFunction((n) => document.getElementById('card-a-name')?.textContent === n, name);
  assert.equal(await input.inputValue(), name);
  assert.match(await pageHash(page), new RegExp(`[#&]a=${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(&|$)`));
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  // Escape closes the list, a second Escape puts the model back
  await input.fill('claude');
  await page.waitForSelector('#model-a-listbox:not([hidden])');
  await input.press('Escape');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  await input.press('Escape');
  assert.equal(await input.inputValue(), name);
  // nothing matches: said in the live region, and Enter says so beside the field
  await input.fill('zzqx no such');
  await page.waitForFunction(() => /No model matches/.test(document.getElementById('model-a-count').textContent));
  await input.press('Enter');
  assert.match(await text(page, '#model-a-msg'), /No model matches “zzqx no such”/);
  assert.deepEqual(problems, []);
  await close();
});


test('a figure\'s source opens on tap and on keyboard focus; a disputed one lists the other sources', { timeout: 120000 }, async () => {
  const { page, problems, close } = await open(SONNET_GPT, { ...SCREENS[1], hasTouch: true });
  const route = page.locator('#card-a [data-figure="route"]');
  await route.tap();
  const pop = page.locator('#provenance');
  await pop.waitFor({ state: 'visible' });
  assert.match(await pop.textContent(), /^Source: .+, \d{4}-\d{2}(-\d{2})?/);
  assert.equal(await route.getAttribute('aria-describedby'), 'provenance');
  await page.keyboard.press('Escape');
  await pop.waitFor({ state: 'hidden' });
  // the keyboard: focus opens it
  await page.locator('#card-b [data-figure="monthly"]').focus();
  await pop.waitFor({ state: 'visible' });
  assert.match(await pop.textContent(), /^Source: /);
  // where the sources disagree the figure is marked, and the popover names the others
  const disputed = page.locator('#results .sourced.disputed');
  assert.ok(await disputed.count() > 0, 'Claude Sonnet 4.6 vs GPT-5.5 has a figure the sources disagree on');
  await disputed.first().scrollIntoViewIfNeeded();
  await disputed.first().tap();
  await page.waitForFunction(() => /Other sources: .+ says /.test(document.getElementById('provenance').textContent));
  assert.deepEqual(problems, []);
  await close();
});
