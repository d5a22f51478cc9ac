// bench/run.mjs — run every benchmark, print a table, write bench/results.json. Called by scripts/bench.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { runEngineBench } from './engine.mjs';
import { runPageBench } from './page.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const t0 = Date.now();
const ms = (x) => `${x.toFixed(1)} ms`;
const kB = (b) => `${(b / 1024).toFixed(1)} kB`;

console.log('engine throughput (Node, wasm vs @pydantic/genai-prices, same records, same run)…');
const engine = await runEngineBench();
console.table(engine.rows);
console.log(`model() answers ${engine.responseBytesPerCall} bytes of JSON per call; Versus and genai-prices agree within 1% on ${engine.agreement.within1pct} of ${engine.agreement.compared} records`);
for (const d of engine.agreement.examples) console.log(`  differs: ${d}`);

console.log('\npage (headless Chromium, Versus vs bench/baseline/, same run)…');
const page = await runPageBench();
const row = (what, versus, baseline, ratio, target) => ({ what, versus, baseline, ratio: Number(ratio.toFixed(2)), target });
console.table([
  row('ready, cold (median)', ms(page.ready.coldMs.versus), ms(page.ready.coldMs.baseline), page.ready.coldMs.ratio, '≤ 1.5×'),
  row('ready, warm (median)', ms(page.ready.warmMs.versus), ms(page.ready.warmMs.baseline), page.ready.warmMs.ratio, '≤ 1.5×'),
  row('input change → figures, p50', ms(page.input.versus.p50), ms(page.input.baseline.p50), page.input.versus.p50 / Math.max(page.input.baseline.p50, 0.1), ''),
  row('input change → figures, p95', ms(page.input.versus.p95), ms(page.input.baseline.p95), page.input.p95Ratio, '≤ 16 ms'),
  { what: 'input change → whole pair view (next frame + sections below), p50 / p95', versus: `${ms(page.input.settle.p50)} / ${ms(page.input.settle.p95)}`, baseline: '', ratio: '', target: '' },
]);
console.table([
  { what: `page: ${page.transfer.page.files.length} files fetched on a cold load`, raw: kB(page.transfer.page.raw), gzip9: kB(page.transfer.page.gzip), target: '≤ 400 kB' },
  ...page.transfer.page.files.sort((a, b) => b.gzip - a.gzip).slice(0, 6).map((f) => ({ what: `  ${f.file}`, raw: kB(f.raw), gzip9: kB(f.gzip), target: '' })),
  { what: `widget: ${page.transfer.widget.files.map((f) => f.file).join(', ') || '(none)'}`, raw: kB(page.transfer.widget.raw), gzip9: kB(page.transfer.widget.gzip), target: '' },
]);
const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, load: os.loadavg() },
  command: 'scripts/bench',
  seconds: Math.round((Date.now() - t0) / 1000),
  engine,
  page,
};
await writeFile(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote bench/results.json (${results.seconds} s)`);
