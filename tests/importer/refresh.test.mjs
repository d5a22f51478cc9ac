// scripts/refresh-catalog against a local server (127.0.0.1, any free port) serving copies of ../shared/upstream
// laid out like a manifest: the committed catalog rebuilt byte for byte, conditional requests, a changed copy's
// report and history, and sources that fail (404, timeout, malformed). No real upstream address is reached.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, statSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveFile } from '../../scripts/serve.mjs';
import { fetchWithRetry } from '../../scripts/importer/refresh.mjs';
import { UPSTREAM, upstreamDir } from '../../scripts/importer/upstream.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const upstream = upstreamDir(repo);
if (!upstream) throw new Error('the upstream snapshots (../shared/upstream) are not beside this checkout nor its origin: set VERSUS_UPSTREAM');
const committed = join(repo, 'data', 'catalog.json');
const mirrorManifest = JSON.parse(readFileSync(join(repo, 'tests', 'fixtures', 'importer', 'upstream-mirror.json'), 'utf8'));
const tmp = mkdtempSync(join(tmpdir(), 'versus-refresh-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of ../shared/upstream served at /NAME/, with its manifest.json; `edit(dir, manifest)` changes it. */
function mirror(name, edit = () => {}) {
  const dir = join(tmp, 'www', name);
  cpSync(upstream, dir, { recursive: true });
  const manifest = structuredClone(mirrorManifest);
  edit(dir, manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return name;
}
const litellmFile = mirrorManifest.files.litellm.path;
const bfclFile = mirrorManifest.files.bfcl.path;
mirror('good');
mirror('changed', (dir, manifest) => {
  const path = join(dir, litellmFile);
  const data = JSON.parse(readFileSync(path, 'utf8'));
  data['j2-mid'].input_cost_per_token = 0.000012; // $10 → $12 per 1M input tokens
  data['j2-next'] = { ...data['j2-mid'] }; // a new model, AI21's J2 Next
  delete data['dashscope/qwen-coder']; // the only route of Alibaba's Qwen Coder
  writeFileSync(path, JSON.stringify(data, null, 1));
  manifest.files.litellm.date = '2026-07-25';
  delete manifest.files.litellm.sha256;
});
mirror('missing', (dir, manifest) => { manifest.files.bfcl.path = 'bfcl/gone.csv'; });
mirror('malformed', (dir, manifest) => {
  writeFileSync(join(dir, bfclFile), 'Rank,Name\n1,nobody\n');
  delete manifest.files.bfcl.sha256;
});
mirror('hang');
// Artificial Analysis served as its API answers (`{status, data}`), made from the leaderboard payload's rows.
const aaFile = mirrorManifest.files['artificial-analysis'].path;
const API_EVALUATION = { aa_lcr: 'lcr', terminal_bench_hard: 'terminalbench_hard', tau2_bench: 'tau2' };
mirror('aa-api', (dir, manifest) => {
  const page = JSON.parse(readFileSync(join(dir, aaFile), 'utf8'));
  const data = page.models.map((r) => ({
    id: r.id, name: r.name, slug: r.slug, release_date: r.release_date,
    model_creator: { id: r.creator?.id, name: r.creator?.name, slug: r.creator?.slug },
    evaluations: Object.fromEntries(Object.entries(r.evaluations || {}).map(([k, v]) => [API_EVALUATION[k] || k, v])),
    pricing: r.pricing,
    median_output_tokens_per_second: r.speed?.output_tokens_per_second,
    median_time_to_first_token_seconds: r.speed?.time_to_first_token_seconds,
    median_time_to_first_answer_token: r.speed?.time_to_first_answer_token_seconds,
  }));
  writeFileSync(join(dir, aaFile), JSON.stringify({ status: 200, data }));
  delete manifest.files['artificial-analysis'].sha256;
});

// The server: /hang/ never answers for BFCL's file (the client's timeout must end it), /flaky answers 503
// twice before its 200, everything else is a file under www/. Every answer is logged.
const www = realpathSync(join(tmp, 'www'));
const log = [];
const hanging = [];
let flaky = 0;
const server = createServer((req, res) => {
  const entry = { url: req.url, ifNoneMatch: req.headers['if-none-match'] || null, status: null };
  log.push(entry);
  res.on('finish', () => { entry.status = res.statusCode; });
  if (req.url === `/hang/${bfclFile}`) { hanging.push(res); return; }
  if (req.url === '/flaky') { flaky++; res.writeHead(flaky <= 2 ? 503 : 200); res.end('ok'); return; }
  serveFile(www, req, res).catch(() => { res.writeHead(500); res.end(); });
});
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const base = `http://127.0.0.1:${server.address().port}`;
after(() => new Promise((closed) => { for (const r of hanging) r.destroy(); server.closeAllConnections(); server.close(closed); }));

/** The refresh as a child process (async: this process serves its requests): {code, stdout, stderr}. */
function refresh(name, { out, snapshots, date, extra = [] }) {
  const args = [join(repo, 'scripts', 'refresh-catalog'), '--mirror', `${base}/${name}/`, '--snapshots', snapshots,
    '--out', out, '--date', date, '--timeout', '5', '--retries', '1', '--retry-wait', '0.01', ...extra];
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
const json = (path) => JSON.parse(readFileSync(path, 'utf8'));
const sha = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
const offerIn = (history, model, provider, providerModelId) => history.offers.find((o) => o.model === model && o.provider === provider
  && (providerModelId === undefined || o.providerModelId === providerModelId));
/** A folder holding a copy of the committed catalog, as the previous one. */
function withCommittedCatalog(name) {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  cpSync(committed, join(dir, 'catalog.json'));
  return join(dir, 'catalog.json');
}

const first = { out: join(tmp, 'a', 'catalog.json'), snapshots: join(tmp, 'a', 'snapshots') };

test('a mirror of ../shared/upstream rebuilds the committed catalog byte for byte, with a manifest and the dated prices', async () => {
  mkdirSync(dirname(first.out), { recursive: true });
  const r = await refresh('good', { ...first, date: '2026-10-01' });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(readFileSync(first.out).equals(readFileSync(committed)), 'byte-identical to data/catalog.json');
  const manifest = json(join(first.snapshots, '2026-10-01', 'manifest.json'));
  for (const s of UPSTREAM) {
    const f = manifest.files[s.key];
    assert.equal(f.status, 'fetched', s.key);
    assert.equal(f.url, `${base}/good/${mirrorManifest.files[s.key].path}`);
    assert.equal(f.date, mirrorManifest.files[s.key].date, `${s.key}: the source date is the mirror manifest's`);
    assert.equal(f.sha256, mirrorManifest.files[s.key].sha256);
    assert.equal(sha(join(first.snapshots, '2026-10-01', f.path)), f.sha256);
    assert.ok(f.etag && f.lastModified, `${s.key}: validators kept for the next refresh`);
  }
  // genai-prices dates DeepSeek V4 Flash's change: $0.14 / $0.28 until 2026-08-17, then $0.22 / $0.66.
  const history = json(join(dirname(first.out), 'price-history.json'));
  assert.deepEqual(offerIn(history, 'deepseek/deepseek-v4-flash', 'deepseek').prices, [
    { until: '2026-08-17', source: 'genai', price: { input: 0.14, output: 0.28, cacheRead: 0.0028 } },
    { from: '2026-08-17', source: 'genai', price: { input: 0.22, output: 0.66, cacheRead: 0.007 } },
  ]);
  assert.deepEqual(offerIn(json(first.out), 'deepseek/deepseek-v4-flash', 'deepseek').history, offerIn(history, 'deepseek/deepseek-v4-flash', 'deepseek').prices,
    'the catalog carries the history in the offer');
  const changes = json(join(dirname(first.out), 'catalog-changes.json'));
  assert.equal(changes.from, null, 'no previous catalog');
  // Every dated price of these snapshots is in the committed history (which later refreshes only add to).
  const kept = json(join(repo, 'data', 'price-history.json'));
  for (const o of history.offers) assert.deepEqual(offerIn(kept, o.model, o.provider, o.providerModelId)?.prices.filter((p) => !p.seen), o.prices, `${o.model} at ${o.provider}`);
});

test('the next refresh asks conditionally; a 304 reuses the previous file and nothing changes', async () => {
  const before = log.length;
  const r = await refresh('good', { ...first, date: '2026-10-02' });
  assert.equal(r.code, 0, r.stderr);
  const asked = log.slice(before).filter((e) => !e.url.endsWith('/manifest.json'));
  assert.equal(asked.length, UPSTREAM.length);
  for (const e of asked) {
    assert.ok(e.ifNoneMatch, `${e.url}: conditional`);
    assert.equal(e.status, 304, e.url);
  }
  const manifest = json(join(first.snapshots, '2026-10-02', 'manifest.json'));
  for (const s of UPSTREAM) {
    assert.equal(manifest.files[s.key].status, 'not modified', s.key);
    assert.equal(sha(join(first.snapshots, '2026-10-02', s.file)), mirrorManifest.files[s.key].sha256, `${s.key}: the previous file, copied`);
  }
  assert.ok(readFileSync(first.out).equals(readFileSync(committed)));
  const changes = json(join(dirname(first.out), 'catalog-changes.json'));
  for (const k of ['newModels', 'removedModels', 'statusChanges', 'priceChanges', 'newRoutes', 'removedRoutes', 'moreDisagreement']) assert.deepEqual(changes[k], [], k);
});

test('a changed copy: the report lists the new model, the removed one and the price change; the history keeps the old price', async () => {
  const dir = join(tmp, 'b');
  mkdirSync(dir, { recursive: true });
  for (const f of ['catalog.json', 'price-history.json']) cpSync(join(dirname(first.out), f), join(dir, f));
  const r = await refresh('changed', { out: join(dir, 'catalog.json'), snapshots: join(dir, 'snapshots'), date: '2026-10-03' });
  assert.equal(r.code, 0, r.stderr);
  const changes = json(join(dir, 'catalog-changes.json'));
  assert.deepEqual(changes.newModels, [{ id: 'ai21/j2-next', name: 'J2 Next' }]);
  assert.deepEqual(changes.removedModels, [{ id: 'alibaba/qwen-coder', name: 'Qwen Coder' }]);
  assert.deepEqual(changes.priceChanges, [{ model: 'ai21/j2-mid', provider: 'ai21', providerModelId: 'j2-mid',
    old: { price: { input: 10, output: 10 }, source: 'litellm', date: '2026-07-24' },
    new: { price: { input: 12, output: 10 }, source: 'litellm', date: '2026-07-25' } }]);
  for (const k of ['statusChanges', 'newRoutes', 'removedRoutes', 'moreDisagreement']) assert.deepEqual(changes[k], [], k);
  const md = readFileSync(join(dir, 'catalog-changes.md'), 'utf8');
  assert.match(md, /`ai21\/j2-mid` at ai21 \(`j2-mid`\): \$10 \/ \$10 \(litellm, 2026-07-24\) → \$12 \/ \$10 \(litellm, 2026-07-25\)/);
  assert.match(r.stdout, /## New models \(1\)\n\n- `ai21\/j2-next` J2 Next/, 'printed too');
  const history = json(join(dir, 'price-history.json'));
  assert.deepEqual(offerIn(history, 'ai21/j2-mid', 'ai21').prices, [
    { seen: '2026-07-24', source: 'litellm', price: { input: 10, output: 10 } },
    { seen: '2026-07-25', source: 'litellm', price: { input: 12, output: 10 } },
  ]);
  assert.deepEqual(offerIn(history, 'alibaba/qwen-coder', 'alibaba').prices, [{ seen: '2026-07-24', source: 'litellm', price: { input: 0.3, output: 1.5 } }],
    'a removed route keeps its last price');
  assert.ok(offerIn(history, 'deepseek/deepseek-v4-flash', 'deepseek'), 'earlier entries stay');
  assert.deepEqual(offerIn(json(join(dir, 'catalog.json')), 'ai21/j2-mid', 'ai21').history, offerIn(history, 'ai21/j2-mid', 'ai21').prices,
    "the catalog carries this refresh's points");
});

for (const [name, why] of [['missing', /bfcl: http:\/\/127\.0\.0\.1:\d+\/missing\/bfcl\/gone\.csv: HTTP 404 Not Found/],
  ['malformed', /bfcl: http:\/\/127\.0\.0\.1:\d+\/malformed\/bfcl\/data_overall-2026-04-12\.csv: malformed: bfcl: .*has no "Model", "Overall Acc" columns/],
  ['hang', /bfcl: http:\/\/127\.0\.0\.1:\d+\/hang\/bfcl\/data_overall-2026-04-12\.csv: timed out after 1 s \(2 attempts\)/]]) {
  test(`a source that fails (${name}) with no earlier snapshot: the previous catalog is untouched and the message says which and why`, async () => {
    const out = withCommittedCatalog(`fail-${name}`);
    const mtime = statSync(out).mtimeMs;
    const r = await refresh(name, { out, snapshots: join(dirname(out), 'snapshots'), date: '2026-10-04', extra: name === 'hang' ? ['--timeout', '1'] : [] });
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, why);
    assert.match(r.stderr, /refresh-catalog: bfcl failed and no earlier snapshot has it .*; .*catalog\.json is as it was/);
    assert.ok(readFileSync(out).equals(readFileSync(committed)), 'the catalog is as it was');
    assert.equal(statSync(out).mtimeMs, mtime, 'not even rewritten');
    for (const f of ['price-history.json', 'catalog-changes.md', 'catalog-changes.json']) assert.ok(!existsSync(join(dirname(out), f)), `no ${f}`);
    if (name === 'hang') assert.equal(log.filter((e) => e.url === `/hang/${bfclFile}`).length, 2, 'one retry after the timeout');
  });
}

test('a source that fails with an earlier snapshot: its last good file stands in, the others are imported', async () => {
  const out = withCommittedCatalog('fallback');
  const r = await refresh('missing', { out, snapshots: first.snapshots, date: '2026-10-05' });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /bfcl: http:\/\/127\.0\.0\.1:\d+\/missing\/bfcl\/gone\.csv: HTTP 404 Not Found — using the previous snapshot's file \(data of 2026-04-12\)/);
  const manifest = json(join(first.snapshots, '2026-10-05', 'manifest.json'));
  assert.equal(manifest.files.bfcl.status, 'previous snapshot');
  assert.equal(manifest.files.bfcl.from, '2026-10-02');
  assert.equal(manifest.files.litellm.status, 'fetched', 'another mirror\'s URL: no conditional request');
  assert.ok(readFileSync(out).equals(readFileSync(committed)), 'the same data, so the same catalog');
  assert.match(readFileSync(join(dirname(out), 'catalog-changes.md'), 'utf8'), /\| bfcl \| 2026-04-12 \| previous snapshot: http:/);
});

test('Artificial Analysis as its API answers: accepted and imported, with the same scores and speeds', async () => {
  const out = join(tmp, 'aa-api', 'catalog.json');
  mkdirSync(dirname(out), { recursive: true });
  const r = await refresh('aa-api', { out, snapshots: join(tmp, 'aa-api', 'snapshots'), date: '2026-10-06' });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(json(join(tmp, 'aa-api', 'snapshots', '2026-10-06', 'manifest.json')).files['artificial-analysis'].status, 'fetched');
  const scores = (catalog) => new Map(catalog.models.flatMap((m) => [
    ...Object.entries(m.benchmarks || {}).filter(([, f]) => f.source === 'aa').map(([id, f]) => [`${m.id} ${id}`, f.value]),
    ...Object.entries(m.speed || {}).filter(([, f]) => f.source === 'aa').map(([id, f]) => [`${m.id} speed.${id}`, f.value])]));
  const now = scores(json(out)), before = scores(json(committed));
  // The API has no reasoning time; every other figure, including those of the rows that join their model
  // only through the OpenRouter id the payload named (data/aa-openrouter-ids.json), is the payload's.
  const differ = [...before].filter(([k, v]) => now.get(k) !== v && !k.endsWith(' speed.reasoningTime')).map(([k]) => k);
  assert.ok(before.size > 1000, `${before.size} figures from Artificial Analysis`);
  assert.deepEqual(differ, [], 'every score and speed as from the payload');
  assert.ok([...now.keys()].every((k) => !k.endsWith(' speed.reasoningTime')), 'no reasoning time the API does not state');
  const qwen = json(out).models.find((m) => m.id === 'alibaba/qwen3-14b');
  assert.equal(qwen.benchmarks['aa-intelligence'].value, 10.38, 'joined through the OpenRouter id its payload row named');
});

test('fetchWithRetry tries a 503 again after a growing wait; a 404 is not tried again', async () => {
  const r = await fetchWithRetry(`${base}/flaky`, { timeoutMs: 2000, retries: 3, retryWaitMs: 5 });
  assert.equal(r.status, 200);
  assert.equal(flaky, 3);
  const before = log.length;
  await assert.rejects(fetchWithRetry(`${base}/good/nothing-here`, { timeoutMs: 2000, retries: 3, retryWaitMs: 5 }), /^Error: HTTP 404 Not Found$/);
  assert.equal(log.length - before, 1);
  const closed = createServer();
  await new Promise((ready) => closed.listen(0, '127.0.0.1', ready));
  const port = closed.address().port;
  await new Promise((done) => closed.close(done));
  await assert.rejects(fetchWithRetry(`http://127.0.0.1:${port}/`, { timeoutMs: 2000, retries: 0, retryWaitMs: 5 }),
    /network error \(ECONNREFUSED\)/);
});
