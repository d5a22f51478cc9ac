// data/price-history.json (schema in data/README.md): every dated price a source states and every price a
// refresh replaced, per offer. The file is the record that accumulates over refreshes; each import copies
// its points into the catalog's offers (withHistory), so the engine reads one document.
import { existsSync } from 'node:fs';
import { readSource, isObject, lookupTable } from './input.mjs';
import { orderPrice } from './build.mjs';

export const HISTORY_SCHEMA = 'versus-price-history/1';

/** An offer's identity, as the catalog keeps it unique: model, provider, provider model id. */
export const offerKey = (o) => `${o.model}\u0000${o.provider}\u0000${o.providerModelId || ''}`;

// Which date a point carries: `until` (the price held until then, since when the source does not say),
// `from` (the source states the price holds from then), `seen` (a catalog showed it, with its source's data of then).
const KINDS = ['until', 'from', 'seen'];
const KIND_ORDER = lookupTable({ until: 0, from: 1, seen: 2 });
const kindOf = (p) => KINDS.find((k) => typeof p[k] === 'string');
const dateOf = (p) => p[kindOf(p)];
const priceText = (p) => (p.free ? 'free' : JSON.stringify(p.price));
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const byDate = (a, b) => cmp(dateOf(a), dateOf(b)) || KIND_ORDER[kindOf(a)] - KIND_ORDER[kindOf(b)] || cmp(a.source, b.source);

/** A point in the file's key order: its date, the source, then the price (or free). */
function point(kind, date, source, { price, free }) {
  return { [kind]: date, source, ...(free ? { free: true } : { price: orderPrice(price) }) };
}

function checkPoint(p, where) {
  if (!isObject(p) || !kindOf(p)) return `${where}: needs one of "until", "from", "seen" (a date)`;
  if (typeof p.source !== 'string') return `${where}: needs a "source"`;
  if (!(p.free === true || isObject(p.price))) return `${where}: needs a "price" object or "free": true`;
  return null;
}
const expectHistory = (v) => {
  if (!isObject(v) || v.schema !== HISTORY_SCHEMA) return `expected {"schema": "${HISTORY_SCHEMA}", "offers": […]}`;
  if (!Array.isArray(v.offers)) return 'expected an "offers" array';
  for (const [i, o] of v.offers.entries()) {
    if (!isObject(o) || typeof o.model !== 'string' || typeof o.provider !== 'string' || !Array.isArray(o.prices)) return `offers[${i}]: needs "model", "provider" and a "prices" array`;
    for (const [j, p] of o.prices.entries()) { const wrong = checkPoint(p, `offers[${i}].prices[${j}]`); if (wrong) return wrong; }
  }
  return null;
};

/** The history file, or an empty history when there is none yet; a malformed one stops the refresh. */
export function readHistory(path) {
  if (!existsSync(path)) return { schema: HISTORY_SCHEMA, offers: [] };
  return readSource('price-history', path, { shape: expectHistory });
}

/**
 * The history with this refresh added: the prices sources date (`datedPrices` from buildCatalog), and for
 * every offer of `oldCatalog` whose price the new catalog changes or drops, the old price and the new one,
 * each `seen` on its source's date. A point already in force on its date (the same price) adds nothing, so
 * a refresh from the same snapshots leaves the file as it was.
 */
export function updateHistory(history, { datedPrices = [], oldCatalog = null, newCatalog }) {
  const offers = new Map();
  const entry = (o) => {
    const k = offerKey(o);
    if (!offers.has(k)) offers.set(k, { model: o.model, provider: o.provider, ...(o.providerModelId ? { providerModelId: o.providerModelId } : {}), prices: [] });
    return offers.get(k);
  };
  const add = (o, p) => {
    const list = entry(o).prices;
    if (!list.some((q) => kindOf(q) === kindOf(p) && dateOf(q) === dateOf(p) && q.source === p.source && priceText(q) === priceText(p))) list.push(p);
  };
  // The price in force on `date` by the points so far: the last `from` or `seen` on or before it.
  const inForce = (o, date) => entry(o).prices.filter((q) => !q.until && dateOf(q) <= date).sort(byDate).at(-1);
  const addSeen = (o, catalog) => {
    const date = o.date || catalog.sources[o.source]?.date;
    if (!date || !(o.price || o.free)) return;
    const p = point('seen', date, o.source, o);
    const now = inForce(o, date);
    if (now && priceText(now) === priceText(p)) return;
    add(o, p);
  };

  for (const o of history.offers) for (const p of o.prices) add(o, point(kindOf(p), dateOf(p), p.source, p));
  for (const d of datedPrices) for (const p of d.points) add(d.offer, point(kindOf(p), dateOf(p), d.source, p));
  if (oldCatalog) {
    const now = new Map(newCatalog.offers.map((o) => [offerKey(o), o]));
    for (const old of oldCatalog.offers) {
      if (!(old.price || old.free)) continue;
      const o = now.get(offerKey(old));
      const same = o && (o.price || o.free) && priceText(point('seen', '', '', o)) === priceText(point('seen', '', '', old));
      if (same) continue;
      addSeen(old, oldCatalog);
      if (o) addSeen(o, newCatalog);
    }
  }
  const out = [...offers.values()].filter((o) => o.prices.length)
    .sort((a, b) => cmp(a.model, b.model) || cmp(a.provider, b.provider) || cmp(a.providerModelId || '', b.providerModelId || ''));
  for (const o of out) o.prices.sort(byDate);
  return { schema: HISTORY_SCHEMA, offers: out };
}

/**
 * The catalog with each offer's points as its `history` member, in the file's order (by date). Offers the
 * catalog no longer has keep their points in the file only.
 */
export function withHistory(catalog, history) {
  if (!history || !history.offers.length) return catalog;
  const pointsOf = new Map(history.offers.map((o) => [offerKey(o), o.prices]));
  const offers = catalog.offers.map((o) => {
    const prices = pointsOf.get(offerKey(o));
    return prices ? { ...o, history: prices.map((p) => point(kindOf(p), dateOf(p), p.source, p)) } : o;
  });
  return { ...catalog, offers };
}

/** One offer per line, like the catalog: a refresh's change is a readable diff. */
export function serializeHistory(h) {
  const lines = h.offers.map((o) => JSON.stringify(o));
  return `{"schema":${JSON.stringify(h.schema)},\n"offers":[${lines.length ? `\n${lines.join(',\n')}\n` : ''}]}\n`;
}
