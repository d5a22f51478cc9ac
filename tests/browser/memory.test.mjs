// Memory: 10,000 input changes on the page (the ratio slider and the three traffic fields, set in batches
// with `input` events, each one a full re-render through the wasm engine) must leave the JS heap, the wasm
// linear memory and the DOM flat after a warm-up.
//
// JS heap: the DevTools protocol's Runtime.getHeapUsage after HeapProfiler.collectGarbage (both stable CDP
// methods, so no --expose-gc, no performance.memory, no flag a later Chromium may rename). Wasm memory: the page's engine does not expose its Module, so an init script
// wraps WebAssembly.instantiate / instantiateStreaming and keeps every Memory the instances export or import;
// its buffer.byteLength is the engine's linear memory (it only ever grows, so "flat" means no growth).
// The figures are printed (node --test shows them as diagnostics).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, DESKTOP } from './fixture.mjs';

const CHANGES = Number(process.env.VERSUS_MEMORY_CHANGES ?? 10000);
const WARMUP = 1000;
const BATCH = 250;
const MB = 1024 * 1024;

const site = useSite({ prefix: 'versus-memory-' });

/** Runs in the page before its scripts: remember every wasm Memory. */
function trapWasmMemory() {
  window.__wasmMemories = [];
  const keep = (result, imports) => {
    const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
    for (const v of Object.values(instance?.exports ?? {})) if (v instanceof WebAssembly.Memory) window.__wasmMemories.push(v);
    for (const ns of Object.values(imports ?? {})) for (const v of Object.values(ns ?? {})) if (v instanceof WebAssembly.Memory) window.__wasmMemories.push(v);
    return result;
  };
  const inst = WebAssembly.instantiate;
  WebAssembly.instantiate = function (src, imports) { return inst.call(this, src, imports).then((r) => keep(r, imports)); };
  const stream = WebAssembly.instantiateStreaming;
  if (stream) WebAssembly.instantiateStreaming = function (src, imports) { return stream.call(this, src, imports).then((r) => keep(r, imports)); };
}

async function measure(page, cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return page.evaluate(async (heap) => {
    return {
      heap,
      wasm: [...new Set(window.__wasmMemories)].reduce((s, m) => s + m.buffer.byteLength, 0),
      wasmInstances: new Set(window.__wasmMemories).size,
      nodes: document.getElementsByTagName('*').length,
    };
  }, usedSize);
}

/** `n` input changes starting at change number `start`, in batches; returns the elapsed ms in the page. */
async function drive(page, start, n) {
  let ms = 0;
  for (let done = 0; done < n; done += BATCH) {
    ms += await page.evaluate(([from, count]) => {
      const t0 = performance.now();
      const fire = (id, v) => {
        const e = document.getElementById(id);
        e.value = String(v);
        e.dispatchEvent(new Event('input', { bubbles: true }));
      };
      for (let i = from; i < from + count; i++) {
        switch (i % 4) {
          case 0: fire('ratio', (i % 101) / 100); break;
          case 1: fire('req', 1000 + (i % 997) * 1000); break;
          case 2: fire('in', 100 + (i % 389)); break;
          default: fire('out', 50 + (i % 211)); break;
        }
      }
      return performance.now() - t0;
    }, [start + done, Math.min(BATCH, n - done)]);
  }
  return ms;
}

test(`${CHANGES} input changes leave the JS heap, wasm memory and DOM flat`, { timeout: 15 * 60 * 1000 }, async () => {
  const { page, context, problems } = await site.open('/?catalog=fixtures/seed-catalog.json#a=meta/llama-3.2-1b-instruct&b=openai/o3', {
    viewport: DESKTOP,
    init: (c) => c.addInitScript(trapWasmMemory),
    until: (p) => p.waitForSelector('html[data-state="ready"]', { timeout: 60000 }),
  });
  const cdp = await context.newCDPSession(page);
  const start = await measure(page, cdp);
  await drive(page, 0, WARMUP);
  const warm = await measure(page, cdp);
  const ms = await drive(page, WARMUP, CHANGES);
  const end = await measure(page, cdp);
  const state = await page.evaluate(() => document.documentElement.dataset.state);
  const monthly = await page.locator('#card-a [data-figure="monthly"]').textContent();
  await context.close();

  const f = (b) => `${(b / MB).toFixed(2)} MB`;
  const heapGrowth = end.heap - warm.heap;
  const wasmGrowth = end.wasm - warm.wasm;
  console.log(`memory after load:   JS heap ${f(start.heap)}, wasm ${f(start.wasm)} (${start.wasmInstances} instance), ${start.nodes} elements`);
  console.log(`after ${WARMUP} warm-up: JS heap ${f(warm.heap)}, wasm ${f(warm.wasm)}, ${warm.nodes} elements`);
  console.log(`after ${CHANGES} more:   JS heap ${f(end.heap)} (${heapGrowth >= 0 ? '+' : ''}${(heapGrowth / 1024).toFixed(0)} kB, ${(100 * heapGrowth / warm.heap).toFixed(1)}%), wasm ${f(end.wasm)} (+${(wasmGrowth / 1024).toFixed(0)} kB), ${end.nodes} elements; ${(ms / CHANGES).toFixed(2)} ms per change`);

  assert.equal(state, 'ready');
  assert.ok(/^\$[\d,.]+$/.test(monthly.trim()), monthly);
  assert.ok(start.wasm > 0, 'the engine\'s wasm memory was found');
  assert.ok(heapGrowth < Math.max(2 * MB, 0.1 * warm.heap), `JS heap grew by ${f(heapGrowth)}`);
  assert.ok(wasmGrowth <= 1 * MB, `wasm memory grew by ${f(wasmGrowth)}`);
  assert.ok(Math.abs(end.nodes - warm.nodes) <= 50, `DOM went from ${warm.nodes} to ${end.nodes} elements`);
  assert.deepEqual(problems, []);
});
