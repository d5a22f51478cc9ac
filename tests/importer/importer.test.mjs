// Importer tests on small fixtures (tests/fixtures/importer) plus sanity checks over the committed data/catalog.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync, existsSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitId, joinKey, tokenKey, effortBase, baseModelLab, routeVariant, dateSuffix, shortDateSuffix, shortDateIsRelease, deploymentSuffix, idReleaseDate, spellingKey, humanName, looksLikeId, baseModelAgrees } from '../../scripts/importer/names.mjs';
import { nonTokenCostUnit } from '../../scripts/importer/sources.mjs';
import { invalidUtf8Offset, safeTree } from '../../scripts/importer/input.mjs';
import { modelKind } from '../../scripts/importer/build.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fx = join(repo, 'tests', 'fixtures', 'importer');
const tmp = mkdtempSync(join(tmpdir(), 'versus-importer-'));
const tarball = join(tmp, 'models-dev.tar.gz');
execFileSync('tar', ['-czf', tarball, '-C', join(fx, 'models-dev'), 'models', 'providers']);

const FIXTURE_ARGS = {
  '--models-dev': tarball, '--models-dev-date': '2026-07-02',
  '--litellm': join(fx, 'litellm.json'),
  '--genai-prices': join(fx, 'genai.json'), '--genai-prices-date': '2026-09-23',
  '--openrouter': join(fx, 'openrouter.json'), '--openrouter-date': '2026-08-01',
  '--artificial-analysis': join(fx, 'aa.json'),
  '--bfcl': join(fx, 'bfcl.csv'), '--bfcl-date': '2026-04-12',
  '--epoch': join(fx, 'epoch.csv'), '--epoch-date': '2025-11',
  '--aider': join(fx, 'aider.yml'),
  '--overrides': join(fx, 'overrides.json'), '--curated': join(fx, 'curated.json'),
  '--aa-openrouter-ids': join(fx, 'aa-openrouter-ids.json'),
};
/** The importer on the fixtures, with some of them replaced: {status, stderr}. */
function importWith(out, replace = {}) {
  const args = Object.entries({ ...FIXTURE_ARGS, ...replace }).flat();
  const r = spawnSync(process.execPath, [join(repo, 'scripts', 'import-catalog'), '--quiet', ...args, '--out', out], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}
function runImporter(out) {
  const r = importWith(out);
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(out, 'utf8');
}
const text = runImporter(join(tmp, 'a.json'));
const cat = JSON.parse(text);
const model = (id) => cat.models.find((m) => m.id === id);
const offer = (m, p, pmid) => cat.offers.find((o) => o.model === m && o.provider === p && (pmid === undefined || o.providerModelId === pmid));
const LLAMA = 'meta/llama-3.2-1b-instruct';

test('normalisation: source ids of one model share a join key', () => {
  const ids = [['@cf/meta/llama-3.2-1b-instruct', 'cloudflare-workers-ai'], ['us.meta.llama3-2-1b-instruct-v1:0', 'amazon-bedrock'],
    ['accounts/fireworks/models/llama-v3p2-1b-instruct', 'fireworks-ai'], ['meta-llama/llama-3.2-1b-instruct:free', 'openrouter'],
    ['workers-ai/@cf/meta/llama-3.2-1b-instruct', 'cloudflare-ai-gateway']];
  for (const [id, p] of ids) { const s = splitId(id, p); assert.equal(joinKey(s.creator, s.name), 'meta/llama3.2-1b-instruct', id); }
  assert.equal(tokenKey('meta', 'llama-3-2-instruct-1b'), tokenKey('meta', 'llama-3.2-1b-instruct'));
  assert.equal(joinKey('anthropic', 'claude-sonnet-4-5'), joinKey('anthropic', 'claude-sonnet-4.5'));
  assert.equal(joinKey('anthropic', 'claude-3-5-sonnet-latest'), joinKey('anthropic', 'claude-3.5-sonnet'), 'a pinned version');
  assert.notEqual(joinKey('google', 'gemini-pro-latest'), joinKey('google', 'gemini-pro'), 'a versionless -latest moves');
  assert.notEqual(joinKey('mistral', 'ministral-8b-latest'), joinKey('mistral', 'ministral-8b'), 'a size is no version');
  assert.deepEqual(splitId('o3', 'azure'), { creator: 'openai', name: 'o3' });
  assert.deepEqual(splitId('openai-gpt-5.3-codex', 'digitalocean'), { creator: 'openai', name: 'gpt-5.3-codex' });
  assert.deepEqual(dateSuffix('o3-2025-04-16'), { base: 'o3', date: '2025-04-16' });
  assert.equal(dateSuffix('qwen3-235b-a22b-2507'), null);
});

test('spelling key: ids that differ only in spelling are one model; versions and dates stay apart', () => {
  const same = [
    ['anthropic', 'claude-sonnet-4-5', 'claude-4-5-sonnet'], // word order
    ['anthropic', 'claude-haiku-3.5', 'claude-3-5-haiku'],
    ['google', 'gemini-3.0-flash-preview', 'gemini-3-flash-preview'], // .0
    ['google', 'gemma3:27b', 'gemma-3-27b'], // ':' and a glued number
    ['mistral', 'mistral-large@2407', 'mistral-large-2407'],
    ['alibaba', 'qwen3.6-27b:thinking', 'qwen3.6-27b-thinking'], // one thinking variant, two spellings
    ['deepseek', 'deepseek-r1-distill-qwen-1-5b', 'deepseek-r1-distill-qwen-1.5b'],
    ['fireworks', 'qwen2p5-72b-instruct', 'qwen2.5-72b-instruct'], // p for .
    ['deepcogito', 'cogito-671b-v2.1', 'cogito-v2.1-671b'],
    ['openai', 'ft:gpt-4o-mini-2024-07-18', 'gpt-4o-mini-2024-07-18.ft'],
    ['meta', 'llama-3.2-1b-instruct:free', 'llama-3.2-1b-instruct'],
    ['deepseek', 'deepseek-v3.2', 'deepseek-3.2'], // a version's "v"
  ];
  for (const [c, x, y] of same) assert.equal(spellingKey(c, x), spellingKey(c, y), `${x} = ${y}`);
  const different = [
    ['google', 'gemini-2.5-pro-preview-05-06', 'gemini-2.5-pro-preview-06-05'], // two dated previews
    ['anthropic', 'claude-sonnet-4-5', 'claude-sonnet-4'],
    ['openai', 'gpt-4o', 'gpt-4'],
    ['openai', 'gpt-5', 'gpt-5.1'],
    ['mistral', 'mistral-large-2407', 'mistral-large-2411'],
    ['meta', 'llama-3.1-8b-instruct', 'llama-3.1-70b-instruct'],
    ['alibaba', 'qwen3-32b', 'qwen3-32b-thinking'],
    ['meta', 'llama-3.2-1b-instruct', 'llama-3.2.1b-instruct'],
    ['meta', 'llama-3.2-1b', 'llama-3-2.1b'],
    ['openai', 'o3', 'o3-mini'],
  ];
  for (const [c, x, y] of different) assert.notEqual(spellingKey(c, x), spellingKey(c, y), `${x} ≠ ${y}`);
});

test('display names: a size after a version is no decimal; a benchmark row\'s setting is no part of a name', () => {
  assert.equal(humanName('hermes-3-8b'), 'Hermes 3 8B');
  assert.equal(humanName('gemma-2-9b-it'), 'Gemma 2 9B IT');
  assert.equal(humanName('llama-3-2-1b'), 'Llama 3.2 1B', 'a version is still joined');
  const c = JSON.parse(readFileSync(real, 'utf8'));
  assert.equal(c.models.find((m) => m.id === 'nousresearch/hermes-3-8b').name, 'Hermes 3 8B');
  // Named only by Artificial Analysis' "Qwen3 0.6B (Reasoning)" row before.
  assert.equal(c.models.find((m) => m.id === 'alibaba/qwen3-0.6b').name, 'Qwen3 0.6B');
});

test('display names: a model no source names for people gets a name written from its id, in its maker\'s casing', () => {
  const cases = {
    'qwen3-coder:480b': 'Qwen3 Coder 480B', 'qwen-plus-2025-01-25': 'Qwen Plus 2025-01-25',
    'claude-3-7-sonnet-20240620': 'Claude 3.7 Sonnet 20240620', 'mixtral-8x7b-instruct': 'Mixtral 8x7B Instruct',
    'qwen3-235b-a22b-instruct-2507': 'Qwen3 235B A22B Instruct 2507', 'gpt-4o-mini-2024-07-18': 'GPT-4o Mini 2024-07-18',
    'gemini-2.5-flash-lite-preview-06-17': 'Gemini 2.5 Flash Lite Preview 06-17', 'o3-mini-2025-01-31': 'o3 Mini 2025-01-31',
    'deepseek-v2-lite-chat': 'DeepSeek V2 Lite Chat', 'llama-3.1-70b-instruct-maas': 'Llama 3.1 70B Instruct MaaS',
    'ft:gpt-4o-2024-11-20': 'Fine-tuned GPT-4o 2024-11-20', 'mistral-7b-v0.2': 'Mistral 7B v0.2',
  };
  for (const [id, name] of Object.entries(cases)) assert.equal(humanName(id), name, id);
  // What counts as an id rather than a name: OpenAI's own lower-case names are names.
  for (const n of ['qwen3-coder:480b', 'text-bison-safety-off', 'jamba-1.5-large@001']) assert.ok(looksLikeId(n), n);
  for (const n of ['o3', 'o4-mini', 'o3-deep-research', 'Claude Sonnet 4.5', 'GPT-4o']) assert.ok(!looksLikeId(n), n);
});

test('maker: a fine-tuner\'s namespace or brand names the maker, a re-uploader\'s does not', () => {
  const maker = (id, provider) => splitId(id, provider).creator;
  assert.equal(maker('aisingapore/Qwen-SEA-LION-v4-32B-IT'), 'aisingapore', 'a fine-tuner publishing under its own name');
  assert.equal(maker('huihui-ai/Qwen2.5-32B-Instruct-abliterated'), 'huihui-ai');
  assert.equal(maker('nvidia/llama-3.1-nemotron-70b-instruct'), 'nvidia');
  assert.equal(maker('llama-3.3-nemotron-super-49b-v1', 'openrouter'), 'nvidia', 'no namespace: the brand in the name');
  assert.equal(maker('deephermes-3-mistral-24b-preview', 'openrouter'), 'nousresearch');
  assert.equal(maker('Austism/chronos-hermes-13b', 'together-ai'), 'austism', 'a known namespace beats a brand in the name');
  assert.equal(maker('unsloth/gemma-3-12b-it'), 'google', 'unsloth re-uploads Google\'s weights');
  assert.equal(maker('writer.palmyra-x4-v1:0', 'amazon-bedrock'), 'writer', 'Bedrock\'s vendor prefix; palmyra is no PaLM');
  assert.equal(maker('llama-3.1-70b-instruct', 'groq'), 'meta');
  assert.equal(baseModelLab('llama-3.1-nemotron-70b-instruct'), 'meta', 'the id it had before stays an alias');
});

test('a benchmark setting with no record of its own is a setting of the model it names', () => {
  assert.equal(effortBase('gpt-5-5-high'), 'gpt-5-5');
  assert.equal(effortBase('qwen3-5-9b-non-reasoning'), 'qwen3-5-9b');
  assert.equal(effortBase('nova-2-0-pro-reasoning-low'), 'nova-2-0-pro');
  assert.equal(effortBase('o3'), null);
  assert.equal(effortBase('deepseek-r1'), null);
  // The fixture's o3 has AA rows o3 (index 30.4) and o3-low (22.1): the higher one is the model's, the other an alias.
  const o3 = model('openai/o3');
  assert.equal(o3.benchmarks['aa-intelligence'].value, 30.4);
  assert.match(o3.benchmarks['aa-intelligence'].note, /setting: o3, best of 2/);
  assert.ok(o3.aliases.includes('o3-low'));
});

test('a models.dev base_model pointer is taken only when size and variant agree', () => {
  // Real pointers from the snapshot.
  assert.equal(baseModelAgrees('@cf/deepseek-ai/deepseek-r1-distill-qwen-32b', 'deepseek/deepseek-r1'), false, 'a distilled 32B Qwen is not R1');
  assert.equal(baseModelAgrees('mistral-medium-3.5-128b', 'mistral/mistral-medium-2604'), true, 'the base names no size');
  assert.equal(baseModelAgrees('global.anthropic.claude-opus-4-6-v1', 'anthropic/claude-opus-4-6'), true);
  assert.equal(baseModelAgrees('devstral-2-123b-instruct-2512', 'mistral/devstral-2512'), true);
  // Made-up ones for the other rules.
  assert.equal(baseModelAgrees('llama-3.1-8b-instruct', 'meta/llama-3.1-70b-instruct'), false, 'another size');
  assert.equal(baseModelAgrees('qwen3-vl-235b-a22b', 'alibaba/qwen3-235b-a22b'), false, 'a vision variant');
  assert.equal(baseModelAgrees('gpt-5-mini', 'openai/gpt-5'), false, 'a smaller variant');
});

test('a month-and-day suffix joins the undated model only when it is that model\'s release', () => {
  assert.deepEqual(shortDateSuffix('grok-4-0709'), { base: 'grok-4', monthDay: '07-09' });
  assert.equal(shortDateSuffix('mistral-large-2411'), null, 'YYMM: a release of its own');
  assert.equal(shortDateSuffix('qwen3-235b-a22b-2507'), null);
  assert.equal(shortDateSuffix('gpt-4'), null);
  assert.ok(shortDateIsRelease(shortDateSuffix('grok-4-0709'), '2025-07-10'), 'Grok 4, released 2025-07-10');
  assert.ok(shortDateIsRelease(shortDateSuffix('kimi-k2-0711'), '2025-07-11'));
  assert.ok(!shortDateIsRelease(shortDateSuffix('deepseek-r1-0528'), '2025-01-20'), 'R1 0528 is a later version');
  assert.ok(!shortDateIsRelease(shortDateSuffix('deepseek-v3-0324'), '2024-12-01'), 'V3 0324 (2025) is too');
  assert.ok(shortDateIsRelease(shortDateSuffix('gpt-x-0105'), '2024-12-28'), 'early January of the next year');
  assert.ok(!shortDateIsRelease(shortDateSuffix('grok-4-0709'), '2025-07'), 'a month alone cannot confirm a day');
});

test('a deployment suffix is how a route serves the model, not another model', () => {
  assert.deepEqual(deploymentSuffix('groq-llama-4-maverick-17b-128e-instruct'), { base: 'llama-4-maverick-17b-128e-instruct', label: 'via Groq' });
  assert.equal(deploymentSuffix('groq-compound'), null, 'a host\'s own model keeps its name');
  assert.deepEqual(deploymentSuffix('deepseek-v3.2-tee'), { base: 'deepseek-v3.2', label: 'TEE' });
  assert.deepEqual(deploymentSuffix('llama-3.1-70b-instruct-maas'), { base: 'llama-3.1-70b-instruct', label: 'MaaS' });
  assert.deepEqual(deploymentSuffix('qwen3-235b-a22b-fp8'), { base: 'qwen3-235b-a22b', label: 'FP8' });
  assert.deepEqual(deploymentSuffix('deepseek-v3.2-nvfp4'), { base: 'deepseek-v3.2', label: 'NVFP4' });
  assert.deepEqual(deploymentSuffix('kimi-k2-thinking-original'), { base: 'kimi-k2-thinking', label: 'original weights' });
  for (const n of ['gpt-3.5-turbo', 'qwen3-1.7b-fp8-draft', 'fp8', 'llama-3.2-1b-instruct']) assert.equal(deploymentSuffix(n), null, n);
});

test('one provider, two ids, two prices: each is a route, labelled by what its id adds', () => {
  assert.equal(routeVariant('stealth/claude-sonnet-4.6', 'anthropic/claude-sonnet-4.6', 'anthropic'), 'stealth');
  assert.equal(routeVariant('claude-opus-4-7-fast', 'claude-opus-4-7', 'anthropic'), 'fast');
  assert.equal(routeVariant('pearl-ai/gemma-4-31b-it', 'google/gemma-4-31b-it', 'google'), 'pearl-ai', 'another host behind the provider');
  assert.equal(routeVariant('gpt-4o-2024-05-13', 'gpt-4o', 'openai'), 'snapshot 2024-05-13');
  // Spellings of one route: a lab's namespace, a version suffix, `@date`, separators.
  assert.equal(routeVariant('kimi/kimi-k2.5', 'kimi-k2.5', 'moonshotai'), null);
  assert.equal(routeVariant('gemma-2-9b-it', 'google/gemma-2-9b-it', 'google'), null);
  assert.equal(routeVariant('qwen/qwen-2.5-vl-72b-instruct', 'qwen/qwen2.5-vl-72b-instruct', 'alibaba'), null);
  assert.equal(routeVariant('anthropic.claude-haiku-4-5-20251001-v1:0', 'anthropic.claude-haiku-4-5@20251001', 'anthropic'), null);
});

test('the release date an id states', () => {
  assert.equal(idReleaseDate('o3-2025-04-16'), '2025-04-16');
  assert.equal(idReleaseDate('claude-sonnet-4-5-20250929'), '2025-09-29');
  assert.equal(idReleaseDate('doubao-seed-1-6-thinking-250615'), '2025-06-15');
  assert.equal(idReleaseDate('mistral-large-2512'), '2025-12');
  assert.equal(idReleaseDate('qwen3-235b-a22b-2507'), '2025-07');
  assert.equal(idReleaseDate('grok-2-1212'), null, 'an MMDD, not a year');
  assert.equal(idReleaseDate('gpt-4-0613'), null);
  assert.equal(idReleaseDate('gpt-5'), null);
});

test('join across sources: one model, every source id kept as an alias', () => {
  const m = model(LLAMA);
  assert.ok(m, 'llama model exists');
  assert.equal(cat.models.filter((x) => x.id.includes('llama-3.2-1b')).length, 1);
  for (const a of ['@cf/meta/llama-3.2-1b-instruct', 'meta-llama/llama-3.2-1b-instruct', 'us.meta.llama3-2-1b-instruct-v1:0',
    'accounts/fireworks/models/llama-v3p2-1b-instruct', 'llama-3-2-instruct-1b', 'meta-llama/llama-3.2-1b-instruct:free']) {
    assert.ok(m.aliases.includes(a), `alias ${a}`);
  }
  // Artificial Analysis joins through openrouter_api_id; its figures carry its source.
  assert.equal(m.benchmarks['aa-intelligence'].value, 1.1);
  assert.equal(m.benchmarks['aa-intelligence'].source, 'aa');
  assert.equal(m.speed.outputTokensPerSecond.value, 84.33);
  assert.equal(m.context.value, 128000, 'model context from Artificial Analysis, not the 60k provider limit');
  assert.equal(m.benchmarks.bfcl.value, 10.82);
  // Dated snapshot o3-2025-04-16 joins o3 (date = release date); BFCL/Epoch/Aider join too.
  const o3 = model('openai/o3');
  assert.ok(o3.aliases.includes('o3-2025-04-16'));
  assert.equal(cat.models.filter((x) => x.id.startsWith('openai/o3')).length, 1);
  assert.equal(o3.benchmarks.bfcl.value, 48.56, 'FC mode preferred');
  assert.match(o3.benchmarks.bfcl.note, /Prompt mode scored 63.05/);
  assert.equal(o3.benchmarks['aider-polyglot'].value, 81.3);
  assert.equal(o3.speed.reasoningTime.value, 4.1);
  // Curated facts name the seed page.
  assert.deepEqual(m.benchmarks.humaneval, { value: 28.1, source: 'seed-000' });
  assert.equal(m.bestFor.source, 'seed-000');
});

test('conflict: two prices -> shown value, alternatives and a note', () => {
  const o = offer(LLAMA, 'cloudflare-workers-ai');
  assert.deepEqual(o.price, { input: 0.027, output: 0.201 });
  assert.equal(o.source, 'md');
  assert.deepEqual(o.alternatives, [{ source: 'litellm', price: { input: 0.03, output: 0.2 } }]);
  assert.match(o.note, /shown: md/);
  // OpenRouter's own listing beats a stale genai-prices copy.
  const or = offer(LLAMA, 'openrouter', 'meta-llama/llama-3.2-1b-instruct');
  assert.deepEqual(or.price, { input: 0.027, output: 0.201 });
  assert.equal(or.alternatives[0].source, 'genai');
  // A model fact with disagreeing sources keeps both.
  const gpqa = model(LLAMA).benchmarks.gpqa;
  assert.equal(gpqa.value, 19.59);
  assert.deepEqual(gpqa.alternatives, [{ value: 25.6, source: 'seed-000' }]);
  assert.ok(gpqa.note);
  // genai-prices dated prices: the one in force at the snapshot date (not the old one, not a future one).
  const oa = offer('openai/o3', 'openai');
  assert.equal(oa.price.input, 2);
  assert.ok(!(oa.alternatives || []).some((a) => a.price.input === 10 || a.price.input === 1));
  assert.equal(oa.price.batchInput, 1, 'batch prices filled from a source that agrees on the price');
});

test('free tier: a source\'s 0 becomes free:true with no price', () => {
  const nim = offer(LLAMA, 'nvidia-nim');
  assert.equal(nim.free, true);
  assert.equal(nim.price, undefined);
  const orFree = offer(LLAMA, 'openrouter', 'meta-llama/llama-3.2-1b-instruct:free');
  assert.equal(orFree.free, true);
  assert.equal(orFree.price, undefined);
  for (const o of cat.offers) if (o.price) for (const k of ['input', 'output']) if (k in o.price) assert.ok(o.price[k] > 0 || o.price[k === 'input' ? 'output' : 'input'] > 0);
});

test('non-token units: a [cost] "# per audio minute" is no token price (the offer stays, unpriced, with a note)', () => {
  const v = offer('mistral/voxtral-small-24b-2507', 'evroc');
  assert.ok(v, 'the evroc route is kept');
  assert.equal(v.price, undefined);
  assert.equal(v.free, undefined);
  assert.match(v.note, /priced per audio minute by the provider, not per token/);
  assert.equal(nonTokenCostUnit('[cost]\n# per audio minute\ninput = 0.0023\n'), 'audio minute');
  assert.equal(nonTokenCostUnit('[cost]\ninput = 1\n# per 1M tokens\n[limit]\n# per image\n'), null, 'only the [cost] table counts');
  assert.equal(nonTokenCostUnit('[cost]\n# per request\ninput = 5\n'), 'request');
});

test('long-context tier: threshold and tier prices', () => {
  const g = offer('google/gemini-9-pro', 'google');
  assert.deepEqual(g.price, { input: 2, output: 12, tiers: [{ start: 200000, input: 4, output: 18 }] });
  assert.equal(g.context, 1000000);
});

test('deprecated and retired offers are marked', () => {
  assert.equal(offer('openai/gpt-4-0613', 'openai').status, 'deprecated');
  const r = offer('openai/gpt-3.5-turbo-0301', 'openai');
  assert.equal(r.status, 'retired');
  assert.match(r.note, /2024-06-13/);
  assert.equal(model('openai/gpt-3.5-turbo-0301').status, 'retired');
  assert.equal(offer(LLAMA, 'cloudflare-workers-ai').status, undefined, 'live is the default');
  assert.ok(!cat.models.some((m) => m.id.includes('embedding')), 'embedding models are not imported');
});

// The real bill (data/IMPORT.md "Prices, free tiers, status" and "Prices between sources"): the fixture LiteLLM snapshot with rows changed or
// added, imported with the other fixture sources. USD per token in, per 1M tokens out.
function withLitellm(name, rows, replace = {}) {
  const data = JSON.parse(readFileSync(join(fx, 'litellm.json'), 'utf8'));
  for (const [k, r] of Object.entries(rows)) data[k] = r === null ? undefined : { ...(data[k] ?? {}), ...r };
  const path = join(tmp, `${name}-litellm.json`);
  writeFileSync(path, JSON.stringify(data));
  const out = join(tmp, `${name}.json`);
  const r = importWith(out, { '--litellm': path, ...replace });
  assert.equal(r.status, 0, r.stderr);
  const c = JSON.parse(readFileSync(out, 'utf8'));
  return { c, at: (m, p, pmid) => c.offers.find((o) => o.model === m && o.provider === p && (pmid === undefined || o.providerModelId === pmid)) };
}
const QWEN = { litellm_provider: 'dashscope', mode: 'chat', input_cost_per_token: 2e-7, output_cost_per_token: 5e-7 };

test('bill: a reasoning token price that differs from the output price is the offer\'s reasoningOutput', () => {
  const { at } = withLitellm('bill-reasoning', {
    'dashscope/qwen-turbo': { ...QWEN, output_cost_per_reasoning_token: 5e-6 },
    'dashscope/qwen-plus': { ...QWEN, output_cost_per_reasoning_token: 5e-7 }, // the output price again: nothing apart
  });
  assert.deepEqual(at('alibaba/qwen-turbo', 'alibaba').price, { input: 0.2, output: 0.5, reasoningOutput: 5 });
  assert.deepEqual(at('alibaba/qwen-plus', 'alibaba').price, { input: 0.2, output: 0.5 });
});

test('bill: the 1-hour cache write, and a long-context tier\'s, is cacheWrite1h', () => {
  const { at } = withLitellm('bill-cache1h', { 'claude-x-9': { litellm_provider: 'anthropic', mode: 'chat',
    input_cost_per_token: 3e-6, output_cost_per_token: 1.5e-5, cache_creation_input_token_cost: 3.75e-6, cache_creation_input_token_cost_above_1hr: 6e-6,
    input_cost_per_token_above_200k_tokens: 6e-6, output_cost_per_token_above_200k_tokens: 2.25e-5, cache_creation_input_token_cost_above_1hr_above_200k_tokens: 1.2e-5 },
  // models.dev shows Gemini 9 Pro with the same >200k tier as LiteLLM: the tier's 1-hour write joins models.dev's tier.
  'gemini/gemini-9-pro': { cache_creation_input_token_cost_above_1hr_above_200k_tokens: 8e-6 } });
  assert.deepEqual(at('anthropic/claude-x-9', 'anthropic').price, { input: 3, output: 15, cacheWrite: 3.75,
    tiers: [{ start: 200000, input: 6, output: 22.5, cacheWrite1h: 12 }], cacheWrite1h: 6 });
  const g = at('google/gemini-9-pro', 'google');
  assert.equal(g.source, 'md');
  assert.deepEqual(g.price, { input: 2, output: 12, tiers: [{ start: 200000, input: 4, output: 18, cacheWrite1h: 8 }] });
  assert.match(g.note, /long-context 1-hour cache write price from litellm/);
});

test('bill: flex and priority are service prices with their cache and long-context rates; one without its output is dropped, noted', () => {
  const { at } = withLitellm('bill-service', {
    'gpt-x': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: 2e-6, output_cost_per_token: 8e-6,
      input_cost_per_token_flex: 1e-6, output_cost_per_token_flex: 4e-6, cache_read_input_token_cost_flex: 2.5e-7, cache_creation_input_token_cost_flex: 1.25e-6,
      input_cost_per_token_priority: 3.5e-6, output_cost_per_token_priority: 1.4e-5, cache_read_input_token_cost_priority: 8.75e-7,
      input_cost_per_token_above_272k_tokens: 4e-6, output_cost_per_token_above_272k_tokens: 1.2e-5,
      input_cost_per_token_above_272k_tokens_priority: 7e-6, output_cost_per_token_above_272k_tokens_priority: 2.1e-5, cache_read_input_token_cost_above_272k_tokens_priority: 1.75e-6 },
    'gpt-x-nano': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: 5e-8, output_cost_per_token: 4e-7, input_cost_per_token_priority: 2.5e-6 },
  });
  const x = at('openai/gpt-x', 'openai');
  assert.deepEqual(x.price.flex, { input: 1, output: 4, cacheRead: 0.25, cacheWrite: 1.25 });
  assert.deepEqual(x.price.priority, { input: 3.5, output: 14, cacheRead: 0.875, tiers: [{ start: 272000, input: 7, output: 21, cacheRead: 1.75 }] });
  assert.deepEqual(x.price.tiers, [{ start: 272000, input: 4, output: 12 }], 'the standard tier stays the standard one');
  const nano = at('openai/gpt-x-nano', 'openai');
  assert.deepEqual(nano.price, { input: 0.05, output: 0.4 });
  assert.match(nano.note, /priority price dropped: the source lists no priority output price/);
});

test('bill: OpenAI\'s regional processing uplift above 1 (and at most 3) is regionUplift', () => {
  const row = { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: 2.5e-6, output_cost_per_token: 1.5e-5 };
  const { at } = withLitellm('bill-uplift', {
    'gpt-y': { ...row, regional_processing_uplift_multiplier_eu: 1.1, regional_processing_uplift_multiplier_us: 1.1 },
    'gpt-y-mini': { ...row, regional_processing_uplift_multiplier_eu: 1, regional_processing_uplift_multiplier_us: 4 },
  });
  assert.deepEqual(at('openai/gpt-y', 'openai').price.regionUplift, { EU: 1.1, US: 1.1 });
  assert.equal(at('openai/gpt-y-mini', 'openai').price.regionUplift, undefined, 'a factor of 1 says nothing; 4 is out of range');
});

test('bill: LiteLLM\'s extra prices join another source\'s shown price only when LiteLLM\'s input and output are that price', () => {
  const extra = { input_cost_per_token_flex: 1e-6, output_cost_per_token_flex: 4e-6, cache_read_input_token_cost_flex: 2.5e-7,
    input_cost_per_token_priority: 3.5e-6, output_cost_per_token_priority: 1.4e-5, cache_read_input_token_cost_priority: 8.75e-7,
    regional_processing_uplift_multiplier_eu: 1.1 };
  // models.dev shows o3 at OpenAI ($2 / $8 / $0.50); LiteLLM's o3 row agrees and has the flex and priority rates.
  const agree = withLitellm('bill-agree', { o3: extra }).at('openai/o3', 'openai');
  assert.equal(agree.source, 'md');
  assert.deepEqual(agree.price, { input: 2, output: 8, cacheRead: 0.5, batchInput: 1, batchOutput: 4,
    flex: { input: 1, output: 4, cacheRead: 0.25 }, priority: { input: 3.5, output: 14, cacheRead: 0.875 }, regionUplift: { EU: 1.1 } });
  assert.match(agree.note, /flex prices, priority prices and regional uplift from litellm/);
  // Another LiteLLM id of the same route may carry them (the dated snapshot), named in the note.
  const dated = withLitellm('bill-dated', { 'o3-2025-04-16': extra }).at('openai/o3', 'openai');
  assert.deepEqual(dated.price.flex, { input: 1, output: 4, cacheRead: 0.25 });
  assert.match(dated.note, /from litellm \(o3-2025-04-16\)/);
  // LiteLLM at another base price: its flex and priority rates are not paired with models.dev's price, and its
  // alternative shows the standard rates only.
  const differ = withLitellm('bill-differ', { o3: { ...extra, input_cost_per_token: 2.2e-6 }, 'o3-2025-04-16': null }).at('openai/o3', 'openai');
  assert.deepEqual(differ.price, { input: 2, output: 8, cacheRead: 0.5 });
  assert.deepEqual(differ.alternatives, [{ source: 'litellm', price: { input: 2.2, output: 8, cacheRead: 0.5, batchInput: 1, batchOutput: 4 } }]);
});

test('bill: a retirement day (LiteLLM deprecation_date, OpenRouter expiration_date) is the offer\'s retires, with its status', () => {
  const or = JSON.parse(readFileSync(join(fx, 'openrouter.json'), 'utf8'));
  or.data.find((r) => r.id === 'openai/o3').expiration_date = '2026-12-01';
  writeFileSync(join(tmp, 'bill-retires-or.json'), JSON.stringify(or));
  const { at } = withLitellm('bill-retires', {
    o3: { deprecation_date: '2026-11-15' }, // after LiteLLM's snapshot (2026-07-24): deprecated
    'gemini/gemini-9-pro': { deprecation_date: '2026-12' }, // a month is no day: the status, no retires
  }, { '--openrouter': join(tmp, 'bill-retires-or.json') });
  const o3 = at('openai/o3', 'openai');
  assert.deepEqual([o3.source, o3.status, o3.retires], ['md', 'deprecated', '2026-11-15'], 'carried from LiteLLM like its status');
  assert.deepEqual([at('openai/gpt-3.5-turbo-0301', 'openai').status, at('openai/gpt-3.5-turbo-0301', 'openai').retires], ['retired', '2024-06-13']);
  const g = at('google/gemini-9-pro', 'google');
  assert.deepEqual([g.status, g.retires], ['deprecated', undefined]);
  const viaOr = at('openai/o3', 'openrouter');
  assert.deepEqual([viaOr.status, viaOr.retires], ['deprecated', '2026-12-01']);
});

test('availability-only offer from a seed page', () => {
  const b = offer(LLAMA, 'bitdeer-ai');
  assert.deepEqual(b, { model: LLAMA, provider: 'bitdeer-ai', source: 'seed-000' });
  assert.ok(cat.providers.some((p) => p.id === 'bitdeer-ai' && p.source === 'seed-000'));
});

test('deterministic: same inputs give byte-identical output', () => {
  assert.equal(runImporter(join(tmp, 'b.json')), text);
  assert.equal(cat.generated, '2026-09-23', 'generated = newest source date');
});

test('the price history beside --out goes into its offers as `history`; --history none leaves it out', () => {
  const dir = join(tmp, 'with-history');
  mkdirSync(dir, { recursive: true });
  const o = offer(LLAMA, 'cloudflare-workers-ai');
  const points = [{ until: '2026-05-01', source: 'litellm', price: { input: 0.03, output: 0.2 } },
    { seen: '2026-07-02', source: 'md', price: { input: 0.027, output: 0.201 } }];
  writeFileSync(join(dir, 'price-history.json'), JSON.stringify({ schema: 'versus-price-history/1', offers: [
    { model: LLAMA, provider: 'cloudflare-workers-ai', providerModelId: o.providerModelId, prices: points },
    { model: 'gone/model', provider: 'cloudflare-workers-ai', prices: points },
  ] }));
  const merged = JSON.parse(runImporter(join(dir, 'catalog.json')));
  const withPoints = merged.offers.filter((x) => x.history);
  assert.equal(withPoints.length, 1, 'only the offer the history names; an offer the catalog lacks stays in the file');
  assert.deepEqual(withPoints[0], { ...o, history: points }, 'the offer as before, its points last');
  const r = importWith(join(dir, 'none.json'), { '--history': 'none' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(dir, 'none.json'), 'utf8'), text, 'no history: the catalog as without the file');
});

test('Artificial Analysis: the API\'s rows (`{status, data}`) read like the leaderboard payload\'s', () => {
  const out = join(tmp, 'aa-api.json');
  const r = importWith(out, { '--artificial-analysis': join(fx, 'aa-api.json'), '--artificial-analysis-date': '2026-11-30' });
  assert.equal(r.status, 0, r.stderr);
  const api = JSON.parse(readFileSync(out, 'utf8'));
  const o3 = api.models.find((m) => m.id === 'openai/o3');
  const bench = (m, id) => m.benchmarks[id];
  // The same figures as the payload fixture, with the API's date.
  assert.equal(bench(o3, 'aa-intelligence').value, 30.4);
  assert.equal(bench(o3, 'gpqa').value, 82.73);
  assert.equal(bench(o3, 'gpqa').source, 'aa');
  assert.equal(api.sources.aa.date, '2026-11-30', 'dated by the refresh (the API states no date)');
  // The API spells three benchmarks otherwise (lcr, terminalbench_hard, tau2).
  assert.equal(bench(o3, 'aa-lcr').value, 69);
  assert.equal(bench(o3, 'terminal-bench-hard').value, 28.4);
  assert.equal(bench(o3, 'tau2-bench').value, 61.4);
  assert.equal(bench(o3, 'aa-coding').value, 31.2);
  // Speeds are the API's top-level medians.
  assert.equal(o3.speed.outputTokensPerSecond.value, 113.79);
  assert.equal(o3.speed.timeToFirstToken.value, 5.47);
  assert.equal(o3.speed.timeToFirstAnswerToken.value, 9.8);
  // The API says nothing about reasoning time or open weights: unknown, not zero or false.
  assert.equal(o3.speed.reasoningTime, undefined);
  const llama = api.models.find((m) => m.id === LLAMA);
  // The row's slug names no model: it joins through the OpenRouter id its payload row named (by its AA id).
  assert.equal(bench(llama, 'aa-intelligence').value, 1.1, 'joined through data/aa-openrouter-ids.json');
  assert.ok(llama.aliases.includes('llama-small-chat'));
  const without = join(tmp, 'aa-api-no-ids.json');
  assert.equal(importWith(without, { '--artificial-analysis': join(fx, 'aa-api.json'), '--artificial-analysis-date': '2026-11-30',
    '--aa-openrouter-ids': 'none' }).status, 0);
  assert.equal(JSON.parse(readFileSync(without, 'utf8')).models.find((m) => m.id === LLAMA).benchmarks['aa-intelligence'], undefined,
    'without the table the row joins nothing (and is counted as unjoined)');
  assert.equal(bench(llama, 'hle'), undefined, 'a null score is no score');
  assert.equal(llama.speed.timeToFirstAnswerToken, undefined, 'a zero median is no figure');
  // A row the reader cannot place is named by its JSON path.
  const bad = join(tmp, 'aa-api-bad.json');
  writeFileSync(bad, JSON.stringify({ status: 200, data: [{ slug: 'o3' }, { name: 'no slug' }] }));
  const b = importWith(join(tmp, 'aa-api-bad-out.json'), { '--artificial-analysis': bad, '--artificial-analysis-date': '2026-11-30' });
  assert.equal(b.status, 1);
  assert.match(b.stderr, /artificial-analysis: .*aa-api-bad\.json: data\[1\]\.slug: expected a non-empty string/);
});

test('a source that is missing, empty or malformed stops the import, names the file and why, and leaves the catalog as it was', () => {
  const out = join(tmp, 'kept.json');
  writeFileSync(out, 'previous catalog');
  const bad = (name, bytes) => { const p = join(tmp, name); writeFileSync(p, bytes); return p; };
  const cases = [
    [{ '--litellm': join(tmp, 'nowhere.json') }, /^import-catalog: litellm: file not found: .*nowhere\.json$/m],
    [{ '--litellm': tmp }, /litellm: .* is a directory, not a file/],
    [{ '--openrouter': bad('empty.json', '') }, /openrouter: .*empty\.json: is empty$/m],
    [{ '--openrouter': bad('blank.json', ' \n\t') }, /openrouter: .*blank\.json: is empty \(only white space\)/],
    [{ '--genai-prices': bad('cut.json', '[{"id": "openai", "models": [') }, /genai-prices: .*cut\.json: is not valid JSON \(/],
    [{ '--openrouter': bad('shape.json', '{"models": []}') }, /openrouter: .*shape\.json: expected an object with a "data" array/],
    [{ '--genai-prices': bad('shape2.json', '[{"name": "x"}]') }, /genai-prices: .*: expected providers, each with an "id" and a "models" array/],
    [{ '--litellm': bad('latin1.json', Buffer.from('{"caf\xe9": {}}', 'latin1')) }, /litellm: .*latin1\.json: is not UTF-8 \(invalid byte 0xe9 at offset 5\)/],
    [{ '--artificial-analysis': bad('nul.json', '{"models": []}\0') }, /artificial-analysis: .*nul\.json: holds a NUL byte at offset 14/],
    [{ '--artificial-analysis': bad('aa-shape-2026-07-10.json', '{"status": 200}') }, /artificial-analysis: .*aa-shape-2026-07-10\.json: expected an object with a "models" array \(the leaderboard payload\) or a "data" array \(the API\)/],
    [{ '--bfcl': bad('cols.csv', 'Rank,Score\n1,2\n') }, /bfcl: .*cols\.csv: has no "Model", "Overall Acc" columns/],
    [{ '--aider': bad('aider.yml', 'model: [unclosed\n') }, /aider: .*aider\.yml: is not valid YAML/],
    [{ '--curated': bad('curated.json', '[1, 2]') }, /curated: .*curated\.json: expected a JSON object at the top level/],
    [{ '--overrides': join(tmp, 'no-overrides.json') }, /overrides: file not found/],
    [{ '--aa-openrouter-ids': bad('ids.json', '{"ids": {"x": null}}') }, /aa-openrouter-ids: .*ids\.json: ids\["x"\]: expected \{"slug": string, "openrouter": string\}/],
    [{ '--models-dev': bad('md.tar.gz', Buffer.from([0x1f, 0x8b, 1, 2, 3])) }, /models\.dev: .*md\.tar\.gz: is not a readable gzip file/],
  ];
  for (const [replace, message] of cases) {
    const r = importWith(out, replace);
    assert.equal(r.status, 1, `${JSON.stringify(replace)}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line, no stack trace');
    assert.equal(readFileSync(out, 'utf8'), 'previous catalog', 'the old catalog is untouched');
  }
});

test('a models.dev archive with its files in one top folder (GitHub\'s archive of the repository) reads like the snapshot', () => {
  const dir = join(tmp, 'github-archive');
  execFileSync('mkdir', ['-p', join(dir, 'models.dev-dev')]);
  execFileSync('cp', ['-a', join(fx, 'models-dev', 'models'), join(fx, 'models-dev', 'providers'), join(dir, 'models.dev-dev')]);
  const archive = join(tmp, 'github-archive.tar.gz');
  execFileSync('tar', ['-czf', archive, '-C', dir, 'models.dev-dev']);
  const out = join(tmp, 'github-archive.json');
  const r = importWith(out, { '--models-dev': archive });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(out, 'utf8'), text);
});

test('a source named none is skipped; the others still import', () => {
  const r = importWith(join(tmp, 'no-aider.json'), { '--aider': 'none', '--bfcl': 'none' });
  assert.equal(r.status, 0, r.stderr);
  const c = JSON.parse(readFileSync(join(tmp, 'no-aider.json'), 'utf8'));
  assert.ok(!c.sources.aider && !c.sources.bfcl && c.sources.litellm);
  assert.equal(c.models.find((m) => m.id === 'openai/o3').benchmarks['aider-polyglot'], undefined);
});

test('keys that reach an object prototype are refused with their path; source data has no prototype', () => {
  const bad = (name, text) => { const p = join(tmp, name); writeFileSync(p, text); return p; };
  const out = join(tmp, 'proto.json');
  const cases = [
    [{ '--litellm': bad('proto1.json', '{"gpt-x": {"__proto__": {"polluted": true}}}') }, /litellm: .*proto1\.json: refuses the key "__proto__" at \$\.gpt-x/],
    [{ '--litellm': bad('proto2.json', '{"constructor": {"mode": "chat"}}') }, /litellm: .*: refuses the key "constructor" at \$$/m],
    [{ '--openrouter': bad('proto3.json', '{"data": [{"id": "a/b", "pricing": {"prototype": 1}}]}') }, /openrouter: .*: refuses the key "prototype" at \$\.data\[0\]\.pricing/],
    [{ '--bfcl': bad('proto.csv', 'Model,Overall Acc,__proto__\nx,1,2\n') }, /bfcl: .*: refuses the key "__proto__" at \$\[0\]/],
  ];
  for (const [replace, message] of cases) {
    const r = importWith(out, replace);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, message);
  }
  assert.equal({}.polluted, undefined);
  const tree = safeTree('test', JSON.parse('{"a": {"b": [{"toString": 1}]}}'));
  assert.equal(Object.getPrototypeOf(tree), null);
  assert.equal(Object.getPrototypeOf(tree.a.b[0]), null);
  assert.equal(tree.a.b[0].toString, 1, 'a key named like an Object method is only data');
});

test('a models.dev archive member that is not UTF-8 is named inside the archive', () => {
  const dir = join(tmp, 'md-bad');
  cpSync(join(fx, 'models-dev'), dir, { recursive: true });
  writeFileSync(join(dir, 'models', 'openai', 'o3.toml'), Buffer.concat([Buffer.from('name = "o'), Buffer.from([0xb3]), Buffer.from('"\n')]));
  const archive = join(tmp, 'md-bad.tar.gz');
  execFileSync('tar', ['-czf', archive, '-C', dir, 'models', 'providers']);
  const r = importWith(join(tmp, 'md-bad.json'), { '--models-dev': archive });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /models\.dev: .*md-bad\.tar\.gz: models\/openai\/o3\.toml: is not UTF-8 \(invalid byte 0xb3 at offset 9\)/);
});

test('models.dev symlinks: a model a second provider links to is that provider\'s route; links outside the archive are refused', () => {
  const dir = join(tmp, 'md-links');
  cpSync(join(fx, 'models-dev'), dir, { recursive: true });
  const mirror = join(dir, 'providers', 'mirror-cloud');
  mkdirSync(join(mirror, 'models'), { recursive: true });
  writeFileSync(join(mirror, 'provider.toml'), 'name = "Mirror Cloud"\n');
  symlinkSync('../../openai/models/o3.toml', join(mirror, 'models', 'o3.toml'));
  symlinkSync('../../openai/models/not-there.toml', join(mirror, 'models', 'gone.toml')); // dangling: skipped
  const archive = join(tmp, 'md-links.tar.gz');
  execFileSync('tar', ['-czf', archive, '-C', dir, 'models', 'providers']);
  const out = join(tmp, 'md-links.json');
  const r = importWith(out, { '--models-dev': archive });
  assert.equal(r.status, 0, r.stderr);
  const c = JSON.parse(readFileSync(out, 'utf8'));
  const at = (p) => c.offers.find((o) => o.model === 'openai/o3' && o.provider === p);
  assert.ok(at('mirror-cloud'), 'the linked file is a route of the provider that links to it');
  assert.deepEqual(at('mirror-cloud').price, { input: 2, output: 8, cacheRead: 0.5 }, 'the price of the file it links to');
  assert.equal(c.providers.find((p) => p.id === 'mirror-cloud')?.name, 'Mirror Cloud');

  symlinkSync('../../../../../etc/passwd', join(mirror, 'models', 'evil.toml'));
  execFileSync('tar', ['-czf', archive, '-C', dir, 'models', 'providers']);
  const refused = importWith(join(tmp, 'md-evil.json'), { '--models-dev': archive });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /models\.dev: .*md-links\.tar\.gz: the link providers\/mirror-cloud\/models\/evil\.toml points outside the archive \(\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd\)/);
  rmSync(dir, { recursive: true, force: true });
});

test('kind: embedding models and safety classifiers that say so only by name are not text generation', () => {
  const cases = {
    'baai/bge-m3': 'embedding', 'baai/bge-large-en-v1.5': 'embedding', 'intfloat/e5-mistral-7b-instruct': 'embedding',
    'intfloat/multilingual-e5-large-instruct': 'embedding', 'nvidia/nv-embedcode-7b-v1': 'embedding',
    'baai/bge-reranker-v2-m3': 'rerank',
    'meta/llama-guard-3-1b': 'classifier', 'meta/llamaguard-7b': 'classifier', 'meta/prompt-guard-2-86m': 'classifier',
    'ibm/granite-guardian-3-3-8b': 'classifier', 'nvidia/nemotron-3-content-safety': 'classifier', 'openai/moderation': 'classifier',
    // text generation, though the names come close
    'google/text-bison-safety-off': 'text', 'meta/llama-3.2-1b-instruct': 'text', 'openai/gpt-5': 'text',
    'deepseek/deepseek-r1-distill-qwen-1.5b': 'text', 'alibaba/qwen3-embedding-8b': 'embedding',
  };
  for (const [id, kind] of Object.entries(cases)) assert.equal(modelKind({ id }), kind, id);
});

test('invalidUtf8Offset finds the first byte that breaks UTF-8', () => {
  assert.equal(invalidUtf8Offset(Buffer.from('plain ascii')), -1);
  assert.equal(invalidUtf8Offset(Buffer.from('ümlaut → ok ✓ 𝄞')), -1);
  assert.equal(invalidUtf8Offset(Buffer.from([0x61, 0xc3])), 1, 'a sequence cut short');
  assert.equal(invalidUtf8Offset(Buffer.from([0x61, 0x62, 0xc0, 0x80])), 2, 'an overlong NUL');
  assert.equal(invalidUtf8Offset(Buffer.from([0xed, 0xa0, 0x80])), 0, 'a UTF-16 surrogate');
  assert.equal(invalidUtf8Offset(Buffer.from([0x61, 0x80])), 1, 'a lone continuation byte');
});

function checkCatalog(c, { minModels = 0, minLive = 0, minProviders = 0 } = {}) {
  const problems = [];
  const bad = (p) => { if (problems.length < 20) problems.push(p); };
  assert.equal(c.schema, 'versus-catalog/1');
  const ID = /^[a-z0-9][a-z0-9._:/@+-]*$/;
  const DATE = /^\d{4}-\d{2}(-\d{2})?$/;
  // A seed page is cited by the public page it copies (no address of ours to link); every other source links.
  for (const [k, s] of Object.entries(c.sources)) { if (!s.name || (!s.url && !k.startsWith('seed-')) || /^Seed page/.test(s.name)) bad(`source ${k}`); if (s.date && !DATE.test(s.date)) bad(`source ${k} date`); }
  const benchIds = new Set(c.benchmarks.map((b) => b.id));
  const providerIds = new Set();
  for (const p of c.providers) { if (!ID.test(p.id) || providerIds.has(p.id)) bad(`provider ${p.id}`); providerIds.add(p.id); if (!c.sources[p.source]) bad(`provider ${p.id} source`); }
  const modelIds = new Set();
  const checkFact = (f, path) => {
    if (!f || typeof f !== 'object' || !('value' in f)) return bad(`${path}: not a fact`);
    if (!c.sources[f.source]) bad(`${path}: source ${f.source} not in sources`);
    if (f.date && !DATE.test(f.date)) bad(`${path}: date`);
    for (const a of f.alternatives || []) if (!c.sources[a.source]) bad(`${path}: alternative source ${a.source}`);
    if (f.value === null || f.value === undefined) bad(`${path}: empty value`);
  };
  c.models.forEach((m, i) => {
    const p = `models[${i}](${m.id})`;
    if (!ID.test(m.id) || !m.id.includes('/')) bad(`${p}: id`);
    if (modelIds.has(m.id)) bad(`${p}: duplicate id`);
    modelIds.add(m.id);
    if (typeof m.name !== 'string' || !m.name) bad(`${p}: name`);
    if (/<[a-z][^>]*>/i.test(m.name)) bad(`${p}: html in name`);
    for (const k of ['creator', 'family', 'released', 'knowledgeCutoff', 'parameters', 'activeParameters', 'architecture', 'license',
      'openWeights', 'commercialUse', 'context', 'maxOutput', 'inputModalities', 'outputModalities', 'bestFor', 'decisionFit']) {
      if (m[k] !== undefined) checkFact(m[k], `${p}.${k}`);
    }
    for (const k of ['released', 'knowledgeCutoff']) if (m[k] && !DATE.test(m[k].value)) bad(`${p}.${k}: ${m[k].value}`);
    for (const k of ['context', 'maxOutput']) if (m[k] && !(Number.isInteger(m[k].value) && m[k].value > 0)) bad(`${p}.${k}`);
    for (const [k, f] of Object.entries(m.capabilities || {})) { checkFact(f, `${p}.capabilities.${k}`); if (typeof f.value !== 'boolean') bad(`${p}.capabilities.${k}`); }
    for (const [k, f] of Object.entries(m.benchmarks || {})) {
      checkFact(f, `${p}.benchmarks.${k}`);
      if (!benchIds.has(k)) bad(`${p}.benchmarks.${k}: unknown benchmark`);
      const unit = c.benchmarks.find((b) => b.id === k)?.unit;
      if (unit === '%' && !(f.value >= 0 && f.value <= 100)) bad(`${p}.benchmarks.${k}: ${f.value} not a percentage`);
    }
    for (const [k, f] of Object.entries(m.speed || {})) { checkFact(f, `${p}.speed.${k}`); if (!(f.value > 0)) bad(`${p}.speed.${k}`); }
    if (m.status && !['live', 'deprecated', 'retired'].includes(m.status)) bad(`${p}.status`);
  });
  const triples = new Set();
  let live = 0;
  const checkPrice = (pr, path) => {
    for (const [k, v] of Object.entries(pr)) {
      if (k === 'tiers') { for (const t of v) { if (!(t.start > 0)) bad(`${path}.tiers start`); for (const [tk, tv] of Object.entries(t)) if (tk !== 'start' && !(tv >= 0 && tv < 1000)) bad(`${path}.tiers.${tk}`); } continue; }
      if (k === 'flex' || k === 'priority') { if (!(v.input > 0 && v.output > 0)) bad(`${path}.${k}: needs input and output`); checkPrice(v, `${path}.${k}`); continue; }
      if (k === 'regionUplift') { for (const [r, f] of Object.entries(v)) if (!(f > 1 && f <= 3)) bad(`${path}.regionUplift.${r}: ${f}`); continue; }
      if (!(typeof v === 'number' && v >= 0 && v < 1000)) bad(`${path}.${k}: ${v}`);
    }
    if ((pr.input === 0 && pr.output === 0)) bad(`${path}: zero price (should be free:true)`);
    if (pr.input !== undefined && pr.output !== undefined && !(pr.input > 0 || pr.output > 0)) bad(`${path}: not a price`);
  };
  c.offers.forEach((o, i) => {
    const p = `offers[${i}](${o.model}@${o.provider})`;
    if (!modelIds.has(o.model)) bad(`${p}: unknown model`);
    if (!providerIds.has(o.provider)) bad(`${p}: unknown provider`);
    if (!c.sources[o.source]) bad(`${p}: unknown source`);
    const t = `${o.model}|${o.provider}|${o.providerModelId || ''}`;
    if (triples.has(t)) bad(`${p}: duplicate`);
    triples.add(t);
    if (o.free && o.price) bad(`${p}: free with a price`);
    if (o.price) checkPrice(o.price, `${p}.price`);
    for (const a of o.alternatives || []) { if (!c.sources[a.source]) bad(`${p}: alternative source`); if (a.price) checkPrice(a.price, `${p}.alternatives`); }
    if (o.status && !['live', 'deprecated', 'retired'].includes(o.status)) bad(`${p}.status`);
    if ((o.status || 'live') === 'live') live++;
  });
  assert.deepEqual(problems, []);
  assert.ok(c.models.length >= minModels, `models ${c.models.length} >= ${minModels}`);
  assert.ok(live >= minLive, `live offers ${live} >= ${minLive}`);
  const usedProviders = new Set(c.offers.filter((o) => (o.status || 'live') === 'live').map((o) => o.provider));
  assert.ok(usedProviders.size >= minProviders, `providers ${usedProviders.size} >= ${minProviders}`);
}

test('schema checks pass on the fixture catalog', () => checkCatalog(cat));

const real = join(repo, 'data', 'catalog.json');
test('committed data/catalog.json: sane, complete, has the seed models', { skip: !existsSync(real) }, () => {
  const c = JSON.parse(readFileSync(real, 'utf8'));
  checkCatalog(c, { minModels: 1000, minLive: 3000, minProviders: 60 });
  assert.equal(c.sources.aa.attribution, 'Source: Artificial Analysis');
  assert.equal(c.sources.aa.url, 'https://artificialanalysis.ai');
  const ids = new Set(c.models.map((m) => m.id));
  for (const id of [LLAMA, 'openai/o3', 'openai/o4-mini', 'openai/gpt-5.3-codex', 'meta/llama-guard-3-1b']) assert.ok(ids.has(id), id);
  const cf = c.offers.find((o) => o.model === LLAMA && o.provider === 'cloudflare-workers-ai');
  assert.equal(cf.price.input, 0.027);
  assert.equal(cf.price.output, 0.201);
  const o3 = c.offers.find((o) => o.model === 'openai/o3' && o.provider === 'openai');
  assert.deepEqual([o3.price.input, o3.price.output], [2, 8]);
  const llamaProviders = new Set(c.offers.filter((o) => o.model === LLAMA).map((o) => o.provider));
  for (const p of ['openrouter', 'fireworks-ai', 'nvidia-nim', 'vercel-ai-gateway', 'amazon-bedrock']) assert.ok(llamaProviders.has(p), p);
  const llama = c.models.find((m) => m.id === LLAMA);
  assert.deepEqual(llama.benchmarks.humaneval, { value: 28.1, source: 'seed-000' });
  assert.ok(llama.aliases.includes('@cf/meta/llama-3.2-1b-instruct'));
});

/**
 * Groups of catalog models that share a creator and whose ids differ only by separators, word order, `.0` or
 * `p` for `.`: written apart from the importer's spellingKey, so that the check does not grade itself.
 */
function spellingDuplicates(c) {
  const signature = (id) => {
    const [creator, ...rest] = id.split('/');
    const n = rest.join('/').toLowerCase().replace(/:free$/, '').replace(/(\d)p(\d)/g, '$1.$2');
    const tokens = [];
    for (const m of n.matchAll(/\d+(?:[.-]\d{1,2}(?=[^\d]|$))*[bkm]?(?![a-z])|\d+|[a-z]+/g)) {
      tokens.push(/^\d/.test(m[0]) ? m[0].replace(/-/g, '.').replace(/\.0(?=[bkm]?$)/, '') : m[0]);
    }
    return `${creator}|${tokens.sort().join(' ')}`;
  };
  const groups = new Map();
  for (const m of c.models) groups.set(signature(m.id), [...(groups.get(signature(m.id)) ?? []), m.id]);
  return [...groups.values()].filter((g) => g.length > 1);
}

test('identity: the catalog agrees with every same/different judgement of the fixture table', { skip: !existsSync(real) }, () => {
  const c = JSON.parse(readFileSync(real, 'utf8'));
  const { judgements } = JSON.parse(readFileSync(join(fx, 'identity-judgements.json'), 'utf8'));
  assert.ok(judgements.length >= 150, `${judgements.length} judgements`);
  const byName = new Map();
  for (const m of c.models) for (const n of [m.id, ...(m.aliases ?? [])]) byName.set(n.toLowerCase(), m.id);
  // A reference is a model's id or alias, or a provider's route (its offer, else its id among the aliases).
  const resolve = (r) => {
    if (r.id) return byName.get(r.id.toLowerCase());
    const pm = r.providerModelId.toLowerCase();
    return c.offers.find((o) => o.provider === r.provider && o.providerModelId?.toLowerCase() === pm)?.model ?? byName.get(pm);
  };
  const show = (r) => r.id ?? `${r.provider}:${r.providerModelId}`;
  const wrong = [];
  for (const j of judgements) {
    assert.ok(j.evidence?.length > 20, `evidence for ${show(j.a)} / ${show(j.b)}`);
    const a = resolve(j.a), b = resolve(j.b);
    if (!a || !b) wrong.push(`${show(j.a)} / ${show(j.b)}: ${!a ? show(j.a) : show(j.b)} names no model`);
    else if ((a === b) !== j.same) wrong.push(`${show(j.a)} (${a}) / ${show(j.b)} (${b}) should be ${j.same ? 'one model' : 'two models'}: ${j.evidence}`);
  }
  assert.deepEqual(wrong, []);
});

test('committed data/catalog.json: every id it ever published still names a model (links keep working)', { skip: !existsSync(real) }, () => {
  const c = JSON.parse(readFileSync(real, 'utf8'));
  const names = new Set(c.models.flatMap((m) => [m.id, ...(m.aliases ?? [])]));
  const published = readFileSync(join(fx, 'published-ids.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  assert.ok(published.length > 1800);
  assert.deepEqual(published.filter((id) => !names.has(id)), []);
});

test('data/providers.json: every provider of the catalog has a type, every lab its maker', { skip: !existsSync(real) }, () => {
  const { types, providers } = JSON.parse(readFileSync(join(repo, 'data', 'providers.json'), 'utf8'));
  const c = JSON.parse(readFileSync(real, 'utf8'));
  assert.deepEqual(Object.keys(types).sort(), ['cloud', 'gateway', 'host', 'lab', 'reseller']);
  for (const [id, p] of Object.entries(providers)) {
    assert.ok(p.type in types, `providers["${id}"].type`);
    assert.equal(p.type === 'lab', typeof p.maker === 'string', `providers["${id}"]: a lab names its maker, no other type does`);
    if (p.priceSource) {
      assert.ok(['models.dev', 'genai-prices', 'litellm'].includes(p.priceSource.source), `providers["${id}"].priceSource.source`);
      assert.ok(p.priceSource.why?.length > 40, `providers["${id}"].priceSource.why: the reason`);
    }
  }
  assert.deepEqual(c.providers.filter((p) => !p.type).map((p) => p.id), [], 'providers with no type');
  assert.equal(c.providers.find((p) => p.id === 'qihang-ai').type, 'reseller');
  assert.equal(c.providers.find((p) => p.id === 'anthropic').maker, 'anthropic');
});

test('data/overrides.json: every alias has its evidence and names a model of the catalog', { skip: !existsSync(real) }, () => {
  const o = JSON.parse(readFileSync(join(repo, 'data', 'overrides.json'), 'utf8'));
  const ids = new Set(JSON.parse(readFileSync(real, 'utf8')).models.map((m) => m.id));
  for (const [k, id] of Object.entries(o.aliases)) {
    assert.ok(o.why?.[k]?.length > 20, `overrides.why["${k}"]: the evidence for this alias`);
    assert.ok(ids.has(id), `overrides.aliases["${k}"]: ${id} is no model of the catalog`);
  }
  for (const [from, into] of Object.entries(o.merge ?? {})) {
    assert.ok(o.why?.[`merge:${from}`]?.length > 20, `overrides.why["merge:${from}"]: the evidence for this merge`);
    assert.ok(ids.has(into), `overrides.merge["${from}"]: ${into} is no model of the catalog`);
  }
  assert.deepEqual(Object.keys(o.why).filter((k) => !(k in o.aliases) && !(k.startsWith('merge:') && k.slice(6) in (o.merge ?? {}))), [],
    'a reason for an alias that is gone');
});

test('committed data/catalog.json: one record per model, whatever the spelling; old ids still resolve', { skip: !existsSync(real) }, () => {
  const c = JSON.parse(readFileSync(real, 'utf8'));
  assert.deepEqual(spellingDuplicates(c), []);
  const names = new Map();
  for (const m of c.models) for (const n of [m.id, ...(m.aliases ?? [])]) names.set(n, m.id);
  const kind = (id) => c.models.find((m) => m.id === id)?.kind ?? 'text';
  assert.equal(kind('baai/bge-m3'), 'embedding', 'BGE M3 is no text LLM: it headed `versus rank`');
  assert.equal(kind('meta/llama-guard-3-1b'), 'classifier');
  assert.equal(kind('huggingface/distilbert-sst-2'), 'classifier', 'a sentiment classifier ranked among the cheapest LLMs');
  assert.equal(kind('openai/o3'), 'text');
  // google/gemini-pro-latest held legacy Gemini 1.0 Pro at $0.125 / $0.375 as Google's own route.
  const googleRoute = (id) => c.offers.find((o) => o.model === id && o.provider === 'google');
  assert.notEqual(googleRoute('google/gemini-pro-latest')?.price?.input, 0.125);
  assert.equal(googleRoute('google/gemini-pro')?.price?.input, 0.125, 'the legacy model keeps its own record');
  // Facts the id states beat a weaker source: mistral-large-2512 was "released 2024-11-01" (models.dev).
  const large = c.models.find((m) => m.id === 'mistral/mistral-large-2512');
  assert.match(large.released.value, /^2025-12/);
  assert.match(large.released.note, /agrees with the date in the id \(2025-12\)/);
  const thinking = c.models.filter((m) => /(^|-)thinking(-|$)/.test(m.id.split('/')[1]));
  assert.ok(thinking.length > 20);
  assert.deepEqual(thinking.filter((m) => m.capabilities?.reasoning?.value === false).map((m) => m.id), [], 'a -thinking model reasons');
  // Open weights: DeepSeek V3 and Mistral Large 3 are open although several provider files say closed.
  for (const id of ['deepseek/deepseek-v3', 'mistral/mistral-large-3-675b-instruct-2512', 'google/gemma-4-31b']) {
    assert.equal(c.models.find((m) => m.id === id).openWeights.value, true, id);
  }
  for (const id of ['openai/o3', 'anthropic/claude-sonnet-4-6', 'google/gemini-2.5-pro']) {
    assert.equal(c.models.find((m) => m.id === id).openWeights.value, false, id);
  }
  // Deployment records are routes of their model: nano-gpt's plain and TEE routes of DeepSeek V3.2 both stay.
  assert.equal(names.get('deepseek/deepseek-v3.2-maas'), 'deepseek/deepseek-v3.2');
  assert.equal(names.get('deepseek/deepseek-v3.2-tee'), 'deepseek/deepseek-v3.2');
  const nano = c.offers.filter((o) => o.model === 'deepseek/deepseek-v3.2' && o.provider === 'nano-gpt');
  assert.deepEqual(nano.map((o) => o.deployment ?? 'plain').sort(), ['TEE', 'plain']);
  // One offer per (provider, provider model id) where the source prices the two apart: Kilo's stealth route of
  // Claude Sonnet 4.6 at $2.40 beside its $3 one; OpenAI's gpt-4o-2024-05-13 at $5 beside gpt-4o at $2.50.
  const routes = (m, p) => c.offers.filter((o) => o.model === m && o.provider === p).map((o) => `${o.deployment ?? 'plain'} ${o.price?.input}`).sort();
  assert.deepEqual(routes('anthropic/claude-sonnet-4-6', 'kilo'), ['plain 3', 'stealth 2.4']);
  assert.deepEqual(routes('openai/gpt-4o', 'openai'), ['plain 2.5', 'snapshot 2024-05-13 5']);
  assert.deepEqual(routes('anthropic/claude-opus-4-7', 'venice'), ['fast 36', 'plain 6']);
  // Status: the most severe a source dates. models.dev says Anthropic's Claude 3 Opus is deprecated, LiteLLM's
  // deprecation date (2026-05-01) is before its snapshot: retired, and the note says which source and date.
  const opus3 = c.offers.find((o) => o.model === 'anthropic/claude-3-opus' && o.provider === 'anthropic');
  assert.equal(opus3.status, 'retired');
  assert.match(opus3.note, /retired: litellm deprecation date 2026-05-01 \(claude-3-opus-20240229\)/);
  // The newest dated price wins over an older snapshot: genai-prices dates DeepSeek's V4 Flash change 2026-08-17.
  const flash = c.offers.find((o) => o.model === 'deepseek/deepseek-v4-flash' && o.provider === 'deepseek');
  assert.deepEqual([flash.price.input, flash.price.output, flash.date], [0.22, 0.66, '2026-08-17']);
  assert.match(flash.note, /dated 2026-08-17 is newer than md's 2026-04-24/); // the record's own last edit
  // ... and over a record its source last edited before the change: models.dev's ministral-8b-latest file is of
  // 2024-10-04, genai-prices dates the alias's move to Ministral 3 8B ($0.15 / $0.15) 2025-12-02.
  const m8 = c.offers.find((o) => o.model === 'mistral/ministral-8b-latest' && o.provider === 'mistral');
  assert.deepEqual([m8.price.input, m8.price.output, m8.date], [0.15, 0.15, '2025-12-02']);
  assert.match(m8.note, /dated 2025-12-02 is newer than md's 2024-10-04/);
  // A record edited after the dated change keeps its price: models.dev's mistral-small-latest (2026-03-16).
  // Two later snapshots that agree outvote the first source: genai-prices and LiteLLM both have Bedrock's Gemma 3
  // 27B at $0.23 / $0.38 (models.dev's record: $0.12 / $0.20); the route keeps models.dev's id.
  const g27 = c.offers.find((o) => o.model === 'google/gemma-3-27b-it' && o.provider === 'amazon-bedrock' && !o.region);
  assert.deepEqual([g27.price.input, g27.price.output, g27.source, g27.providerModelId], [0.23, 0.38, 'genai', 'google.gemma-3-27b-it']);
  assert.match(g27.note, /genai and litellm agree on this price, both newer than md's/);
  assert.deepEqual(g27.alternatives.map((a) => [a.source, a.price.input, a.price.output]), [['md', 0.12, 0.2]]);
  // An OpenRouter route OpenRouter's own API does not list is retired: genai-prices' copy still has 01.AI's Yi
  // Large at $3 / $3; OpenRouter's /api/v1/models of 2026-08-01 has no such model. A listed one stays live.
  const yi = c.offers.find((o) => o.provider === 'openrouter' && o.providerModelId === '01-ai/yi-large');
  assert.equal(yi.status, 'retired');
  assert.match(yi.note, /not among OpenRouter's own models \(\/api\/v1\/models of 2026-08-01\)/);
  assert.equal(c.offers.find((o) => o.provider === 'openrouter' && o.providerModelId === 'sao10k/l3.1-euryale-70b').status ?? 'live', 'live');
  // A provider's own price source (data/providers.json priceSource): Zhipu AI's China API at genai-prices'
  // conversion of its CNY price (GLM-4.7: ¥2 / ¥8 → $0.276 / $1.103), not models.dev's copy of Z.AI's USD price.
  const zp = c.offers.find((o) => o.model === 'zhipuai/glm-4.7' && o.provider === 'zhipuai');
  assert.deepEqual([zp.price.input, zp.price.output, zp.providerModelId], [0.276, 1.103, 'glm-4.7']);
  assert.match(zp.note, /copies the provider's own pricing page.*32k tokens/);
  assert.equal(c.offers.find((o) => o.model === 'zhipuai/glm-4.7' && o.provider === 'zai').price.input, 0.6);
  const glm = c.offers.find((o) => o.model === 'zhipuai/glm-5.2' && o.provider === 'fireworks-ai');
  assert.equal(glm.providerModelId, 'accounts/fireworks/models/glm-5p2');
  assert.equal(c.offers.find((o) => o.model === 'mistral/mistral-small-latest' && o.provider === 'mistral')?.price.input, 0.15);
  // A tier only a lower-priority source lists is kept: Anthropic's claude-sonnet-4-5 above 200k at $6 / $22.50.
  const s45 = c.offers.find((o) => o.model === 'anthropic/claude-sonnet-4-5' && o.provider === 'anthropic');
  assert.deepEqual(s45.price.tiers.map((t) => [t.start, t.input, t.output]), [[200000, 6, 22.5]]);
  // A region priced apart is its own offer with its region, never an alternative of the plain route.
  const bedrock = c.offers.filter((o) => o.model === 'anthropic/claude-sonnet-4-5' && o.provider === 'amazon-bedrock');
  const plain = bedrock.find((o) => !o.region);
  assert.equal(plain.price.input, 3);
  assert.ok(!(plain.alternatives ?? []).some((a) => a.price.input === 3.3), 'the EU +10% price is no alternative of the plain route');
  assert.equal(bedrock.find((o) => o.region === 'EU')?.price.input, 3.3);
  assert.equal(bedrock.find((o) => o.region === 'US GovCloud')?.price.input, 3.6);
  // An image model's models.dev "output" is its image price: the text output price is shown.
  const flashImage = c.offers.find((o) => o.model === 'google/gemini-2.5-flash-image' && o.provider === 'google');
  assert.deepEqual([flashImage.price.input, flashImage.price.output], [0.3, 2.5]);
  assert.match(flashImage.note, /models\.dev's \$30 is the image output price/);
  // OpenRouter's min_prompt_tokens overrides are tiers (qwen/qwen3-max above 128k was billed 2.5x low).
  const qmax = c.offers.find((o) => o.model === 'alibaba/qwen3-max' && o.provider === 'openrouter');
  assert.deepEqual(qmax.price.tiers.map((t) => [t.start, t.input, t.output]), [[31999, 1.56, 7.8], [127999, 1.95, 9.75]]);
  // xai/grok-4-0709 held xAI's own route and the BFCL/Epoch scores, xai/grok-4 the other routes and AA's.
  assert.equal(names.get('xai/grok-4-0709'), 'xai/grok-4');
  assert.ok(c.offers.some((o) => o.model === 'xai/grok-4' && o.provider === 'xai'));
  // Gemini 2.5 Pro's Artificial Analysis row sat on the -preview record (AA names OpenRouter's preview id).
  assert.ok(c.models.find((m) => m.id === 'google/gemini-2.5-pro').benchmarks['aa-intelligence'], 'AA scores on the GA record');
  // Fine-tunes are their makers' (they were credited to the base model's lab); the old ids resolve.
  assert.equal(names.get('meta/llama-3.1-nemotron-70b-instruct'), 'nvidia/llama-3.1-nemotron-70b-instruct');
  assert.equal(names.get('alibaba/qwen-sea-lion-v4-32b-it'), 'aisingapore/qwen-sea-lion-v4-32b-it');
  assert.equal(c.models.find((m) => m.id === 'aisingapore/qwen-sea-lion-v4-32b-it').creator.value, 'AI Singapore');
  // Amazon's -v1 is an API version: Nova Pro was two records.
  assert.equal(names.get('amazon/nova-pro-v1'), 'amazon/nova-pro');
  const grok = c.models.find((m) => m.id === 'xai/grok-4');
  assert.ok(grok.benchmarks.bfcl && grok.benchmarks['aa-intelligence'], 'BFCL and Artificial Analysis on one record');
  assert.ok(!c.offers.some((o) => o.model === 'deepseek/deepseek-r1' && /distill/.test(o.providerModelId ?? '')), 'no distilled model is an R1 route');
  // Names are for people: at most 2% of the models show an id as their name (OpenAI's o-series are names).
  const idNamed = c.models.filter((m) => m.name === m.id.split('/').slice(1).join('/') || looksLikeId(m.name));
  assert.ok(idNamed.length <= 0.02 * c.models.length, `${idNamed.length} of ${c.models.length}: ${idNamed.slice(0, 10).map((m) => m.name)}`);
  // The examples: the two spellings of Claude Sonnet 4.6 are one model, with every route.
  assert.equal(names.get('anthropic/claude-4-6-sonnet'), 'anthropic/claude-sonnet-4-6');
  assert.ok(c.offers.filter((o) => o.model === 'anthropic/claude-sonnet-4-6').length >= 30);
  for (const [old, now] of [['google/gemini-3.0-flash-preview', 'google/gemini-3-flash-preview'], ['alibaba/qwen3.6-27b:thinking', 'alibaba/qwen3.6-27b-thinking']]) {
    assert.equal(names.get(old), now, old);
  }
});

test('committed data/catalog.json: LiteLLM\'s extra prices on the routes whose shown price LiteLLM agrees with', { skip: !existsSync(real) }, () => {
  const c = JSON.parse(readFileSync(real, 'utf8'));
  const at = (m, p) => c.offers.find((o) => o.model === m && o.provider === p && !o.region && !o.deployment);
  const o3 = at('openai/o3', 'openai');
  assert.deepEqual([o3.source, o3.price.input, o3.price.output], ['md', 2, 8]);
  assert.deepEqual(o3.price.flex, { input: 1, output: 4, cacheRead: 0.25 });
  assert.deepEqual(o3.price.priority, { input: 3.5, output: 14, cacheRead: 0.875 });
  assert.deepEqual(at('openai/gpt-4.1', 'openai').price.priority, { input: 3.5, output: 14, cacheRead: 0.875 });
  const s45 = at('anthropic/claude-sonnet-4-5', 'anthropic');
  assert.equal(s45.price.cacheWrite1h, 6);
  assert.deepEqual(s45.price.tiers.map((t) => [t.start, t.cacheWrite1h]), [[200000, 12]]);
  assert.deepEqual(at('openai/gpt-5.4', 'openai').price.regionUplift, { EU: 1.1, US: 1.1 });
  assert.equal(at('alibaba/qwen-turbo', 'alibaba').price.reasoningOutput, 0.5);
  // genai-prices dates gpt-5.6-sol's cut to $4 / $20 after LiteLLM's snapshot: LiteLLM's older flex and
  // priority rates ($5 / $30 base) are not paired with it.
  const sol = at('openai/gpt-5.6-sol', 'openai');
  assert.equal(sol.price.input, 4);
  assert.equal(sol.price.flex, undefined);
  assert.equal(sol.price.priority, undefined);
  assert.equal(at('anthropic/claude-3-opus', 'anthropic').retires, '2026-05-01');
});
