// What a refresh changed: the previous catalog against the new one (data/catalog-changes.md and .json; the
// JSON's schema is in data/README.md). Models new and gone, status changes, routes new and gone, price
// changes with their dates, and the sources whose values disagree with the shown one more often than before.
import { offerKey } from './history.mjs';

export const CHANGES_SCHEMA = 'versus-catalog-changes/1';
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const route = (o) => ({ model: o.model, provider: o.provider, ...(o.providerModelId ? { providerModelId: o.providerModelId } : {}) });
const priced = (o, catalog) => ({
  ...(o.free ? { free: true } : o.price ? { price: o.price } : {}), source: o.source, date: o.date || catalog.sources[o.source]?.date,
});
const samePrice = (a, b) => JSON.stringify(a.price ?? null) === JSON.stringify(b.price ?? null) && !!a.free === !!b.free;

/** Facts of a model (objects with value and source), however deep (capabilities, benchmarks, speed…). */
function* facts(x) {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return;
  if ('value' in x && typeof x.source === 'string') { yield x; return; }
  for (const v of Object.values(x)) yield* facts(v);
}
/** Per source: how many prices and model facts it gives other than the one shown (its alternatives). */
function disagreements(catalog) {
  const count = new Map();
  const bump = (source) => count.set(source, (count.get(source) || 0) + 1);
  for (const o of catalog.offers) for (const s of new Set((o.alternatives || []).map((a) => a.source))) bump(s);
  for (const m of catalog.models) for (const f of facts(m)) for (const s of new Set((f.alternatives || []).map((a) => a.source))) bump(s);
  return count;
}

/** The report of oldCatalog → newCatalog (oldCatalog null: the first catalog, nothing to compare). */
export function compareCatalogs(oldCatalog, newCatalog) {
  const dates = (c) => (c ? Object.fromEntries(Object.entries(c.sources).map(([k, s]) => [k, s.date ?? null])) : {});
  const report = {
    schema: CHANGES_SCHEMA,
    from: oldCatalog ? { generated: oldCatalog.generated, sources: dates(oldCatalog) } : null,
    to: { generated: newCatalog.generated, sources: dates(newCatalog) },
    newModels: [], removedModels: [], statusChanges: [], newRoutes: [], removedRoutes: [], priceChanges: [], moreDisagreement: [],
  };
  if (!oldCatalog) return report;
  const oldModels = new Map(oldCatalog.models.map((m) => [m.id, m]));
  const newModels = new Map(newCatalog.models.map((m) => [m.id, m]));
  for (const m of newCatalog.models) if (!oldModels.has(m.id)) report.newModels.push({ id: m.id, name: m.name });
  for (const m of oldCatalog.models) {
    const now = newModels.get(m.id);
    if (!now) report.removedModels.push({ id: m.id, name: m.name });
    else if ((m.status || 'live') !== (now.status || 'live')) report.statusChanges.push({ id: m.id, from: m.status || 'live', to: now.status || 'live' });
  }
  const oldOffers = new Map(oldCatalog.offers.map((o) => [offerKey(o), o]));
  const newOffers = new Map(newCatalog.offers.map((o) => [offerKey(o), o]));
  // Routes of models in both catalogs only: a new or removed model's routes come and go with it.
  for (const [k, o] of newOffers) {
    const old = oldOffers.get(k);
    if (!old) { if (oldModels.has(o.model)) report.newRoutes.push({ ...route(o), ...priced(o, newCatalog) }); continue; }
    if (!samePrice(old, o)) report.priceChanges.push({ ...route(o), old: priced(old, oldCatalog), new: priced(o, newCatalog) });
  }
  for (const [k, o] of oldOffers) if (!newOffers.has(k) && newModels.has(o.model)) report.removedRoutes.push({ ...route(o), ...priced(o, oldCatalog) });
  const before = disagreements(oldCatalog), after = disagreements(newCatalog);
  for (const [source, n] of [...after].sort((a, b) => cmp(a[0], b[0]))) {
    if (n > (before.get(source) || 0)) report.moreDisagreement.push({ source, before: before.get(source) || 0, after: n });
  }
  return report;
}

const money = (x) => `$${x}`;
function priceWords(p) {
  if (p.free) return 'free';
  if (!p.price) return 'no price';
  const { input, output, tiers, ...rest } = p.price;
  const { regionUplift, ...flat } = rest;
  const extra = Object.entries(flat).map(([k, v]) => (typeof v === 'object' ? `${k} ${priceWords({ price: v })}` : `${k} ${money(v)}`));
  if (regionUplift) extra.push(`regional uplift ${Object.entries(regionUplift).map(([r, f]) => `${r} ×${f}`).join(', ')}`);
  if (tiers) extra.push(`${tiers.length} long-context tier${tiers.length > 1 ? 's' : ''}`);
  return `${input === undefined ? '?' : money(input)} / ${output === undefined ? '?' : money(output)}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}
const routeWords = (r) => `\`${r.model}\` at ${r.provider}${r.providerModelId ? ` (\`${r.providerModelId}\`)` : ''}`;
const dated = (p) => `${priceWords(p)} (${p.source}${p.date ? `, ${p.date}` : ''})`;

/**
 * The report as Markdown. `refreshed` (optional): {date, mirror?} of the refresh; `sources` (optional): its word
 * on each source [{key, status, date, error?}], listed first.
 */
export function renderChanges(report, { refreshed = null, sources = [] } = {}) {
  const out = ['# Catalog changes', ''];
  if (refreshed) out.push(`Refreshed ${refreshed.date}${refreshed.mirror ? ` from the mirror ${refreshed.mirror}` : ' from the sources\' own addresses'}.`, '');
  if (!report.from) out.push(`No previous catalog: this is the first (generated ${report.to.generated}).`, '');
  else out.push(`From the catalog generated ${report.from.generated} to the one generated ${report.to.generated}. Prices are USD per 1M tokens, input / output.`, '');
  if (sources.length) {
    out.push('## Sources', '', '| source | data of | this refresh |', '|---|---|---|');
    for (const s of sources) out.push(`| ${s.key} | ${s.date || '—'} | ${s.status}${s.error ? `: ${s.error.replace(/\|/g, '\\|')}` : ''} |`);
    out.push('');
  }
  const section = (title, list, line) => {
    out.push(`## ${title} (${list.length})`, '');
    if (!list.length) out.push('None.');
    for (const x of list) out.push(`- ${line(x)}`);
    out.push('');
  };
  if (report.from) {
    section('New models', report.newModels, (m) => `\`${m.id}\` ${m.name}`);
    section('Removed models', report.removedModels, (m) => `\`${m.id}\` ${m.name}`);
    section('Status changes', report.statusChanges, (m) => `\`${m.id}\`: ${m.from} → ${m.to}`);
    section('Price changes', report.priceChanges, (c) => `${routeWords(c)}: ${dated(c.old)} → ${dated(c.new)}`);
    section('New routes of known models', report.newRoutes, (r) => `${routeWords(r)}: ${dated(r)}`);
    section('Routes gone from known models', report.removedRoutes, (r) => `${routeWords(r)}: was ${dated(r)}`);
    section('Sources that disagree more than before', report.moreDisagreement,
      (d) => `${d.source}: ${d.before} → ${d.after} values other than the one shown`);
  }
  return out.join('\n');
}
