// The no-wasm baseline for bench/page.mjs: fetch the catalog, find the pair from the hash, price it in JS.
const $ = (id) => document.getElementById(id);
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });
const hash = new URLSearchParams(location.hash.slice(1));
const state = { a: hash.get('a') ?? 'meta/llama-3.2-1b-instruct', b: hash.get('b') ?? 'openai/o3', ratio: 0.7, req: 1e6, in: 800, out: 250 };
const catalog = await (await fetch(new URL('../catalog.json', location.href))).json();
const byModel = new Map();
for (const o of catalog.offers) {
  if ((o.status ?? 'live') !== 'live' || o.free || typeof o.price?.input !== 'number' || typeof o.price?.output !== 'number') continue;
  if (!byModel.has(o.model)) byModel.set(o.model, []);
  byModel.get(o.model).push(o);
}
const providers = new Map(catalog.providers.map((p) => [p.id, p.name]));
const models = new Map(catalog.models.map((m) => [m.id, m]));

function render() {
  for (const [k, id] of [['a', state.a], ['b', state.b]]) {
    const offers = byModel.get(id) ?? [];
    const cost = (o) => (state.in * o.price.input + state.out * o.price.output) / 1e6;
    let best = null;
    for (const o of offers) if (!best || cost(o) < cost(best) || (cost(o) === cost(best) && o.price.input < best.price.input)) best = o;
    let blended = null;
    for (const o of offers) {
      const b = state.ratio * o.price.input + (1 - state.ratio) * o.price.output;
      if (blended === null || b < blended) blended = b;
    }
    $(`name-${k}`).textContent = models.get(id)?.name ?? id;
    $(`route-${k}`).textContent = best ? providers.get(best.provider) : '—';
    $(`input-${k}`).textContent = best ? usd.format(best.price.input) : '—';
    $(`output-${k}`).textContent = best ? usd.format(best.price.output) : '—';
    $(`blended-${k}`).textContent = blended === null ? '—' : usd.format(blended);
    $(`monthly-${k}`).textContent = best ? usd.format(state.req * cost(best)) : '—';
  }
}
$('ratio').addEventListener('input', () => { state.ratio = Number($('ratio').value); render(); });
$('req').addEventListener('input', () => { state.req = Number($('req').value); render(); });
render();
document.documentElement.dataset.state = 'ready';
