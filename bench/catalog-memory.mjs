// The engine's wasm memory for a catalog, under Node: a fresh engine instance per catalog (wasm memory only
// grows, so each figure is that catalog's high-water mark: the pack's bytes copied in, the decoded catalog, its
// indexes), then after a pair comparison, a model page and a full ranking, then after a first search (every model's
// search names prepared). Also the time of each.
//
//   node bench/catalog-memory.mjs [PACK ...]      default: build/site/catalog.pack, build/bench/catalog-20k.pack
//   (make the second with bench/make-big-catalog.mjs and `versus pack`)
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WASM_DIR = path.resolve(ROOT, process.env.VERSUS_WASM_DIR ?? 'build/wasm');
const packs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!packs.length) packs.push('build/site/catalog.pack', 'build/bench/catalog-20k.pack');

const factory = (await import(pathToFileURL(path.join(WASM_DIR, 'versus-engine.js')).href)).default;
const wasmBinary = await readFile(path.join(WASM_DIR, 'versus-engine.wasm'));
const MB = (b) => (b / 1048576).toFixed(1);
const rows = [];
for (const file of packs) {
  const abs = path.resolve(ROOT, file);
  if (!existsSync(abs)) {
    console.error(`${file}: missing (see the header)`);
    continue;
  }
  const bytes = new Uint8Array(await readFile(abs));
  const engine = await factory({ wasmBinary, print: () => {}, printErr: () => {} });
  const mem = () => engine.HEAP8.buffer.byteLength;
  const start = mem();
  const t0 = performance.now();
  const loaded = JSON.parse(engine.loadCatalogPack(bytes));
  const loadMs = performance.now() - t0;
  if (!loaded.ok) throw new Error(`${file}: ${JSON.stringify(loaded).slice(0, 300)}`);
  const afterLoad = mem();
  const { models, offers } = loaded.result ?? loaded.value ?? {};
  const w = JSON.stringify({});
  const t1 = performance.now();
  JSON.parse(engine.compare(JSON.stringify(['meta/llama-3.2-1b-instruct', 'openai/o3']), w));
  const compareMs = performance.now() - t1;
  JSON.parse(engine.model('openai/o3', w));
  const t2 = performance.now();
  const ranked = JSON.parse(engine.rank(w, JSON.stringify({}), 50));
  const rankMs = performance.now() - t2;
  if (!ranked.ok) throw new Error(`${file}: rank: ${JSON.stringify(ranked).slice(0, 300)}`);
  const afterUse = mem();
  // A name typed in a picker: the first search prepares every model's search names (the page also does it in idle
  // time after load), memory a visitor's engine holds from then on.
  const t3 = performance.now();
  const found = JSON.parse(engine.search('gpt 4.1', 8));
  const searchMs = performance.now() - t3;
  if (!found.ok) throw new Error(`${file}: search: ${JSON.stringify(found).slice(0, 300)}`);
  const afterSearch = mem();
  rows.push({ file, packBytes: bytes.length, models, offers, startMB: MB(start), afterLoadMB: MB(afterLoad), afterUseMB: MB(afterUse),
    afterSearchMB: MB(afterSearch), kBPerModel: models ? ((afterSearch - start) / 1024 / models).toFixed(1) : null, loadMs: loadMs.toFixed(0),
    compareMs: compareMs.toFixed(1), rankMs: rankMs.toFixed(1), searchMs: searchMs.toFixed(1) });
}
if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else for (const r of rows) {
  console.log(`${r.file}: ${r.models} models, ${r.offers} offers, pack ${MB(r.packBytes)} MB; wasm memory ${r.startMB} MB at start → ${r.afterLoadMB} MB loaded → ${r.afterUseMB} MB after compare, model, rank → ${r.afterSearchMB} MB after a search (${r.kBPerModel} kB a model); load ${r.loadMs} ms, compare ${r.compareMs} ms, rank ${r.rankMs} ms, first search ${r.searchMs} ms`);
}
