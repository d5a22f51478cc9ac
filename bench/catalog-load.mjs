// Catalog load time in the wasm engine under Node: the JSON catalog (engine.loadCatalog(text)) against
// its pack (engine.loadCatalogPack(bytes), see data/README.md), same engine build, same run, with
// JSON.parse of the same JSON text (what the no-wasm baseline page pays) as a yardstick.
//
//   node bench/catalog-load.mjs [--runs 7] [--warm 10] [--json]
//
// cold  each run is a new Node process: it compiles the module, instantiates it and loads the catalog
//       once, timed. The first call runs V8's baseline (Liftoff) code, as on a page's first load; in one
//       process V8 would reuse the code of an earlier instance, so a process per run is the honest cold.
// warm  one process, one instance: `--warm` loads of each first (tier-up to optimised code), then
//       `--warm` more of each, interleaved; the median.
// Both loads include what the boundary costs: the text encoded into wasm memory, or the bytes copied.
// BENCH_NODE_FLAGS adds V8 flags to the cold runs' processes: `--liftoff-only` (no tier-up) or `--no-liftoff`
// separate the baseline code's speed from the cost of compiling optimised code while the load runs.
// Needs VERSUS_WASM_DIR (default build/wasm) and VERSUS_CATALOG (default data/catalog.json); the pack is
// VERSUS_PACK if set, else made from the catalog with the native CLI (VERSUS_CLI, default
// build/native/versus: `versus pack`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const RUNS = Number(arg('runs', 7));
const WARM = Number(arg('warm', 10));
const WASM_DIR = path.resolve(ROOT, process.env.VERSUS_WASM_DIR ?? 'build/wasm');
const CATALOG = path.resolve(ROOT, process.env.VERSUS_CATALOG ?? 'data/catalog.json');
const CLI = path.resolve(ROOT, process.env.VERSUS_CLI ?? 'build/native/versus');
const CHILD_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function createEngine() {
  const wasmBinary = await readFile(path.join(WASM_DIR, 'versus-engine.wasm'));
  const factory = (await import(pathToFileURL(path.join(WASM_DIR, 'versus-engine.js')).href)).default;
  const engine = await factory({ wasmBinary, print: () => {}, printErr: () => {} });
  if (typeof engine.loadCatalogPack !== 'function') throw new Error(`${WASM_DIR} has no loadCatalogPack(): rebuild it`);
  return engine;
}

/** One timed load; throws when the engine refuses the catalog. */
function load(engine, kind, input) {
  const t0 = performance.now();
  const answer = kind === 'json' ? engine.loadCatalog(input) : engine.loadCatalogPack(input);
  const ms = performance.now() - t0;
  const env = JSON.parse(answer);
  if (!env.ok) throw new Error(`${kind}: ${env.error}`);
  return { ms, models: env.result.models };
}

/** The pack bytes: VERSUS_PACK, else `versus pack` of the catalog into a temporary folder. */
function packBytes() {
  if (process.env.VERSUS_PACK) return readFileSync(path.resolve(ROOT, process.env.VERSUS_PACK));
  const dir = mkdtempSync(path.join(tmpdir(), 'versus-pack-'));
  try {
    const out = path.join(dir, 'catalog.pack');
    execFileSync(CLI, ['pack', CATALOG, out], { stdio: ['ignore', 'ignore', 'inherit'] });
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- a cold run (child process): node bench/catalog-load.mjs --child json|pack FILE ----
if (process.argv.includes('--child')) {
  const kind = arg('child');
  const file = process.argv[process.argv.indexOf('--child') + 2];
  const input = kind === 'json' ? readFileSync(file, 'utf8') : new Uint8Array(readFileSync(file));
  const t0 = performance.now();
  const engine = await createEngine();
  const instantiateMs = performance.now() - t0;
  const { ms } = load(engine, kind, input);
  process.stdout.write(JSON.stringify({ instantiateMs, loadMs: ms }));
  process.exit(0);
}

export async function runCatalogLoadBench({ runs = RUNS, warm = WARM, log = console.log } = {}) {
  const text = await readFile(CATALOG, 'utf8');
  const pack = packBytes();
  const dir = mkdtempSync(path.join(tmpdir(), 'versus-load-'));
  const packFile = path.join(dir, 'catalog.pack');
  writeFileSync(packFile, pack);

  // cold: alternate which kind goes first, one process each
  const cold = { json: [], pack: [] };
  for (let r = 0; r < runs; r++) {
    for (const kind of r % 2 ? ['pack', 'json'] : ['json', 'pack']) {
      const out = execFileSync(process.execPath, ['--no-experimental-fetch', ...CHILD_FLAGS, fileURLToPath(import.meta.url), '--child', kind,
        kind === 'json' ? CATALOG : packFile], { encoding: 'utf8', env: process.env });
      cold[kind].push(JSON.parse(out).loadMs);
    }
  }
  rmSync(dir, { recursive: true, force: true });

  // warm: one instance, interleaved
  const engine = await createEngine();
  const bytes = new Uint8Array(pack);
  const warmTimes = { json: [], pack: [], parse: [] };
  for (let i = 0; i < 2 * warm; i++) {
    const j = load(engine, 'json', text).ms;
    const p = load(engine, 'pack', bytes).ms;
    const t0 = performance.now();
    JSON.parse(text);
    const parse = performance.now() - t0;
    if (i >= warm) {
      warmTimes.json.push(j);
      warmTimes.pack.push(p);
      warmTimes.parse.push(parse);
    }
  }
  const jsonModels = load(engine, 'json', text).models;
  const packModels = load(engine, 'pack', bytes).models;
  if (jsonModels !== packModels) throw new Error(`the pack holds ${packModels} models, the JSON ${jsonModels}`);

  const result = {
    catalog: path.relative(ROOT, CATALOG),
    models: jsonModels,
    bytes: { json: Buffer.byteLength(text), pack: pack.length },
    coldMs: { json: median(cold.json), pack: median(cold.pack) },
    warmMs: { json: median(warmTimes.json), pack: median(warmTimes.pack), jsonParse: median(warmTimes.parse) },
    runs,
    warm,
    coldNodeFlags: CHILD_FLAGS,
  };
  const f = (ms) => ms.toFixed(1).padStart(8);
  const x = (a, b) => `${(a / b).toFixed(2)}×`.padStart(7);
  log(`catalog ${result.catalog}: ${result.models} models; JSON ${result.bytes.json} bytes, pack ${result.bytes.pack} bytes`);
  log(`median of ${runs} cold runs (a process each${CHILD_FLAGS.length ? `, node ${CHILD_FLAGS.join(' ')}` : ''}) and ${warm} warm loads; ms`);
  log('                          JSON     pack   pack/JSON   JSON/pack');
  log(`cold (first call)    ${f(result.coldMs.json)} ${f(result.coldMs.pack)} ${x(result.coldMs.pack, result.coldMs.json)}     ${x(result.coldMs.json, result.coldMs.pack)}`);
  log(`warm                 ${f(result.warmMs.json)} ${f(result.warmMs.pack)} ${x(result.warmMs.pack, result.warmMs.json)}     ${x(result.warmMs.json, result.warmMs.pack)}`);
  log(`JSON.parse (JS), warm ${f(result.warmMs.jsonParse)}   pack warm / JSON.parse ${x(result.warmMs.pack, result.warmMs.jsonParse)}`);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runCatalogLoadBench({ log: process.argv.includes('--json') ? () => {} : console.log });
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
}
