// The model page's price-over-time chart (web/model-page.js priceHistoryChart) drawn over jsdom: no engine
// build needed, the offers are written by hand in the shape of docs/engine-api.md's OfferView.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('<!doctype html><body></body>');
globalThis.document = window.document;
globalThis.Node = window.Node;
const { priceHistoryChart } = await import('../../web/model-page.js');

// DeepSeek V4 Flash at DeepSeek in data/catalog.json.
const deepseek = {
  provider: { id: 'deepseek', name: 'DeepSeek', type: 'lab' }, date: '2026-08-17', source: 'genai',
  history: [
    { until: '2026-08-17', input: 0.14, output: 0.28, free: false, source: 'genai' },
    { from: '2026-08-17', input: 0.22, output: 0.66, free: false, source: 'genai' },
  ],
};

test('a route with two dated prices: input and output step lines, dated axis ends, the changes as text', () => {
  const figure = priceHistoryChart(deepseek);
  assert.equal(figure.tagName, 'FIGURE');
  const chart = figure.querySelector('svg');
  assert.equal(chart.getAttribute('role'), 'img');
  assert.match(chart.querySelector('title').textContent, /price per 1M tokens over time/);
  const lines = [...chart.querySelectorAll('path')];
  assert.deepEqual(lines.map((p) => p.getAttribute('class')), ['ph-line ph-input', 'ph-line ph-output']);
  // Two steps each: a move, a run, a step up, a run.
  for (const p of lines) assert.match(p.getAttribute('d'), /^M[\d.]+ [\d.]+ H[\d.]+ V[\d.]+ H[\d.]+$/);
  // The output line steps up more than the input line ($0.28 → $0.66 against $0.14 → $0.22): higher prices are lower y.
  const ys = (p) => p.getAttribute('d').match(/(?:M[\d.]+ |V)([\d.]+)/g).map((s) => Number(s.replace(/^M[\d.]+ |^V/, '')));
  const [inY, outY] = lines.map(ys);
  assert.ok(inY[1] < inY[0] && outY[1] < outY[0], 'both rise');
  assert.ok(outY[0] - outY[1] > inY[0] - inY[1], 'the output rises more');
  const ticks = [...chart.querySelectorAll('text')].map((t) => t.textContent);
  assert.equal(ticks.length, 2);
  for (const t of ticks) assert.match(t, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(ticks[0] < '2026-08-17' && ticks[1] > '2026-08-17', 'the change lies between the axis ends');
  assert.equal(figure.querySelector('figcaption').textContent,
    'input and output price per 1M tokens: until 2026-08-17: $0.14 in / $0.28 out (genai); from 2026-08-17: $0.22 in / $0.66 out (genai).');
  assert.equal(figure.querySelectorAll('script, [onload], [onclick]').length, 0);
});

test('no chart for a route with fewer than two dated, known prices', () => {
  assert.equal(priceHistoryChart({ ...deepseek, history: [] }), null);
  assert.equal(priceHistoryChart({ ...deepseek, history: deepseek.history.slice(1) }), null);
  assert.equal(priceHistoryChart({ ...deepseek, history: [deepseek.history[0], { ...deepseek.history[1], input: null }] }), null);
  assert.equal(priceHistoryChart({ provider: { id: 'x', name: 'X' } }), null);
});

test('catalog text goes in as text: a source with markup stays text', () => {
  const figure = priceHistoryChart({ ...deepseek, history: deepseek.history.map((p) => ({ ...p, source: '<img src=x onerror=alert(1)>' })) });
  assert.equal(figure.querySelectorAll('img').length, 0);
  assert.match(figure.querySelector('figcaption').textContent, /<img src=x onerror=alert\(1\)>/);
});
