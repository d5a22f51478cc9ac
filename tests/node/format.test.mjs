// web/format.js: numbers and wording for people.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as f from '../../web/format.js';

test('usd: whole dollars from $1,000, cents from $1, three significant digits below $1', () => {
  const cases = [
    [3600, '$3,600'], [3528.15, '$3,528'], [71.85, '$71.85'], [2, '$2'], [7.8, '$7.80'], [7.799, '$7.80'],
    [3.7208, '$3.72'], [0.87, '$0.87'], [0.5, '$0.50'], [0.1, '$0.10'], [0.027, '$0.027'], [0.201, '$0.201'],
    [0.0792, '$0.0792'], [0.07920000000000002, '$0.0792'], [0.000123, '$0.000123'], [0.9996, '$1'],
    [999.996, '$1,000'], [0, '$0'], [-3.72, '−$3.72'], [1234567.8, '$1,234,568'],
  ];
  for (const [n, s] of cases) assert.equal(f.usd(n), s, String(n));
});

test('unknown is "—", never 0, NaN or undefined', () => {
  for (const fn of [f.usd, f.perMillion, f.times, f.percent, f.tokens, f.params, f.score, f.num, f.integer, f.ratioLabel]) {
    for (const v of [null, undefined, NaN, Infinity, -Infinity, '3', {}]) assert.equal(fn(v), f.UNKNOWN, `${fn.name}(${String(v)})`);
  }
  assert.equal(f.yesNo(null), 'Unknown');
  assert.equal(f.yesNo(undefined), 'Unknown');
  assert.equal(f.yesNo(true), 'Yes');
  assert.equal(f.yesNo(false), 'No');
});

test('ratios, percentages, tokens, parameters, scores', () => {
  assert.equal(f.times(74.07407407407408), '74.1×');
  assert.equal(f.times(50.104384133611696), '50.1×');
  assert.equal(f.times(123.4), '123×');
  assert.equal(f.times(1234.5), '1,235×');
  assert.equal(f.percent(7307.407407407408), '7,307%');
  assert.equal(f.percent(1752), '1,752%');
  assert.equal(f.percent(98.65), '98.7%');
  assert.equal(f.percent(98.65, { floor: true }), '98.6%');
  assert.equal(f.percent(99.97), '>99.9%');
  assert.equal(f.percent(12), '12.0%');
  assert.equal(f.tokens(128000), '128k');
  assert.equal(f.tokens(200000), '200k');
  assert.equal(f.tokens(8192), '8.19k');
  assert.equal(f.tokens(1048576), '1.05M');
  assert.equal(f.tokens(512), '512');
  assert.equal(f.params(1.23), '1.23B');
  assert.equal(f.params(405), '405B');
  assert.equal(f.params(0.5), '500M');
  assert.equal(f.score(87.7 - 25.6), '62.1');
  assert.equal(f.score(96.7 - 28.1), '68.6');
  assert.equal(f.integer(1000000), '1,000,000');
  assert.equal(f.ratioLabel(0.7), '70% input / 30% output');
  assert.equal(f.perMillion(0.027), '$0.027 / 1M');
});

test('parseDecimal: decimal numbers only, as the engine reads a link', () => {
  for (const [text, n] of [['800', 800], [' 0.7 ', 0.7], ['1e6', 1e6], ['+5', 5], ['-3', -3], ['.5', 0.5], ['2.', 2], ['1E-3', 0.001]]) {
    assert.equal(f.parseDecimal(text), n, text);
  }
  for (const text of ['0x10', '0b11', '0o7', '1_000', 'Infinity', '-Infinity', 'NaN', '', ' ', '1e', '1,000', '١٢', null, undefined]) {
    assert.ok(Number.isNaN(f.parseDecimal(text)), String(text));
  }
});

test('routeName: the provider, and the deployment when the route is not the plain weights', () => {
  assert.equal(f.routeName({ provider: { id: 'nano-gpt', name: 'NanoGPT' } }), 'NanoGPT');
  assert.equal(f.routeName({ provider: { id: 'nano-gpt', name: 'NanoGPT' }, deployment: 'TEE' }), 'NanoGPT (TEE)');
  assert.equal(f.routeName({ provider: { id: 'google-vertex', name: 'Vertex' }, deployment: null }), 'Vertex');
});

test('routeWithType and the region: what the route is, where it runs', () => {
  const bedrock = { provider: { id: 'amazon-bedrock', name: 'AWS Bedrock', type: 'cloud' }, region: 'EU' };
  assert.equal(f.routeName(bedrock), 'AWS Bedrock (EU)');
  assert.equal(f.routeName({ ...bedrock, deployment: 'FP8' }), 'AWS Bedrock (FP8, EU)');
  assert.equal(f.routeWithType(bedrock), 'AWS Bedrock (EU) · cloud');
  assert.equal(f.routeWithType({ provider: { id: 'p', name: 'P' } }), 'P', 'no type: the name alone');
  assert.equal(f.providerType({ provider: { type: 'reseller' } }), 'reseller');
  // A lab is the maker's API only for its own models (the engine's route.maker): Perplexity serving GPT-5 Mini is not.
  assert.equal(f.providerType({ provider: { type: 'lab' }, maker: true }), "maker's API");
  assert.equal(f.providerType({ provider: { type: 'lab' }, maker: false }), "another lab's API");
});

test('estimateSentence: the engine\'s words, joined', () => {
  assert.equal(f.andList(['a']), 'a');
  assert.equal(f.andList(['a', 'b']), 'a and b');
  assert.equal(f.andList(['a', 'b', 'c']), 'a, b and c');
  assert.equal(f.estimateSentence({ includes: ['tokens', 'its fee per request'], excludes: ['hidden reasoning tokens'] }),
    'Counts tokens and its fee per request; leaves out hidden reasoning tokens.');
  assert.equal(f.estimateSentence({ includes: [], excludes: [] }), 'No priced route to count.');
  assert.equal(f.estimateSentence(undefined), '');
});

test('csvCell: numbers without binary float noise, text safe for spreadsheets', async () => {
  const { csvCell } = await import('../../web/tools-dom.js');
  assert.equal(csvCell(0.1 + 0.2), '0.3');
  assert.equal(csvCell(1.9000000000000001), '1.9');
  assert.equal(csvCell(0.000027), '0.000027');
  assert.equal(csvCell('=1+1'), "'=1+1");
  assert.equal(csvCell(null), '');
});

test('the shared table of worded figures: the engine (tests/format_test.cpp) gives the same answers', async () => {
  const { readFileSync } = await import('node:fs');
  const table = JSON.parse(readFileSync(new URL('../fixtures/format-cases.json', import.meta.url), 'utf8'));
  const fns = { usd: f.usd, ratio: f.times, percent: f.percent, percentCheaper: f.percentCheaper, tokens: f.tokens };
  for (const [name, fn] of Object.entries(fns)) {
    for (const [n, want] of table[name]) assert.equal(fn(n), want, `${name}(${n})`);
  }
});
