// The catalog pack through the ES module API (web/versus.js) against the built wasm: a pack made by the
// native CLI (`versus pack`) answers as its JSON does, loads from bytes or a `.pack` URL, is reloaded from
// its bytes when another Versus object used the shared engine in between, and a damaged one is an error value.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WASM_JS, WASM_BIN, CLI, SEED_CATALOG, VERSUS_JS, need } from './helpers.mjs';

const { loadVersus } = await import(VERSUS_JS);

let dir;
let pack;
let catalogText;
let wasmBinary;
const opts = () => ({ moduleUrl: pathToFileURL(WASM_JS), wasmBinary });
const PAIR = ['meta/llama-3.2-1b-instruct', 'openai/o3'];

before(async () => {
  wasmBinary = await readFile(need(WASM_BIN));
  catalogText = await readFile(SEED_CATALOG, 'utf8');
  dir = await mkdtemp(path.join(os.tmpdir(), 'versus-pack-test-'));
  const file = path.join(dir, 'seed.pack');
  execFileSync(need(CLI), ['pack', SEED_CATALOG, file], { stdio: 'ignore' });
  pack = await readFile(file);
});
after(() => rm(dir, { recursive: true, force: true }));

test('a pack answers exactly as its JSON catalog', async () => {
  const fromPack = await loadVersus({ ...opts(), catalogBytes: pack });
  const fromJson = await loadVersus({ ...opts(), catalogText });
  assert.equal(fromPack.ready.ok, true, JSON.stringify(fromPack.ready));
  assert.deepEqual(fromPack.catalogInfo, fromJson.catalogInfo);
  // The two objects share one engine: each call below reloads the other's catalog first.
  assert.deepEqual(fromPack.compare(...PAIR), fromJson.compare(...PAIR));
  assert.deepEqual(fromPack.search('llama'), fromJson.search('llama'));
  assert.deepEqual(fromPack.rank({}, {}, 5), fromJson.rank({}, {}, 5));
  assert.deepEqual(fromPack.model('o4 mini'), fromJson.model('o4 mini'));
});

test('a URL ending in .pack is fetched as bytes; catalogBytes takes an ArrayBuffer too', async () => {
  const fetched = [];
  const fetch = async (url) => {
    fetched.push(url);
    return { ok: true, status: 200, arrayBuffer: async () => pack.buffer.slice(pack.byteOffset, pack.byteOffset + pack.length) };
  };
  const byUrl = await loadVersus({ ...opts(), catalogUrl: 'https://example.test/site/catalog.pack?release=2', fetch });
  assert.equal(byUrl.catalogInfo?.models, 5, JSON.stringify(byUrl.ready));
  assert.deepEqual(fetched, ['https://example.test/site/catalog.pack?release=2']);
  const buffer = pack.buffer.slice(pack.byteOffset, pack.byteOffset + pack.length);
  const byBuffer = await loadVersus({ ...opts(), catalogBytes: buffer });
  assert.equal(byBuffer.catalogInfo?.models, 5);
});

test('a damaged pack or the wrong bytes are error values naming the problem', async () => {
  const cut = await loadVersus({ ...opts(), catalogBytes: pack.subarray(0, pack.length - 1) });
  assert.equal(cut.ready.ok, false);
  assert.match(cut.ready.error.message, /^the catalog is not valid: .*pack: /);
  const json = await loadVersus({ ...opts(), catalogBytes: Buffer.from(catalogText) });
  assert.match(json.ready.error.message, /pack: not a Versus catalog pack \(it looks like JSON\)/);
  const wrong = await loadVersus({ ...opts(), catalogBytes: 'not bytes' });
  assert.equal(wrong.ready.error.message, 'catalogBytes must be an ArrayBuffer or a Uint8Array');
  assert.equal(wrong.compare(...PAIR).ok, false);
});
