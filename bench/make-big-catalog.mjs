// A synthetic large catalog for issue 21's scale check: data/catalog.json's models and offers copied until the
// catalog holds at least N models (default 20,000). Each copy's id, name and provider model ids get a suffix, its
// aliases are dropped (they would clash), and its prices are scaled a little (×1.01 per copy) so that copies do
// not tie. Not a fixture: written to build/ and packed with the CLI.
//
//   node bench/make-big-catalog.mjs [--models 20000] [--out build/bench/catalog-20k.json]
//   build/native/versus pack build/bench/catalog-20k.json build/bench/catalog-20k.pack
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};

export function bigCatalog(base, models) {
  const copies = Math.ceil(models / base.models.length);
  const out = { ...base, models: [...base.models], offers: [...base.offers] };
  const scalePrice = (p, f) => {
    if (!p || typeof p !== 'object') return p;
    if (Array.isArray(p)) return p.map((x) => scalePrice(x, f));
    const q = {};
    // A tier's start is a token count, not a price: kept.
    for (const [k, v] of Object.entries(p)) q[k] = typeof v === 'number' && k !== 'start' ? v * f : scalePrice(v, f);
    return q;
  };
  for (let k = 1; k < copies; k++) {
    const suffix = `-copy${k}`;
    const f = 1 + k / 100;
    for (const m of base.models) {
      const { aliases, ...rest } = m;
      out.models.push({ ...rest, id: `${m.id}${suffix}`, name: `${m.name} copy ${k}` });
    }
    for (const o of base.offers) {
      const copy = { ...o, model: `${o.model}${suffix}` };
      if (o.providerModelId) copy.providerModelId = `${o.providerModelId}${suffix}`;
      if (o.price) copy.price = scalePrice(o.price, f);
      delete copy.history; // a history's points are dated prices: the copies keep the current one only
      out.offers.push(copy);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const models = Number(arg('models', 20000));
  const file = path.resolve(ROOT, arg('out', 'build/bench/catalog-20k.json'));
  const base = JSON.parse(await readFile(path.join(ROOT, 'data/catalog.json'), 'utf8'));
  const big = bigCatalog(base, models);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(big));
  console.log(`${file}: ${big.models.length} models, ${big.offers.length} offers`);
}
