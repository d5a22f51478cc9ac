// One import: the upstream files and the repo's rule files in, the catalog text out. scripts/import-catalog and
// scripts/refresh-catalog both run it, so that a refresh builds exactly what an import of the same files builds.
import { writeFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readSources, buildCatalog, serialize } from './build.mjs';
import { readSource, expectObject, isObject } from './input.mjs';
import { readHistory, withHistory } from './history.mjs';

/** The repo's own rule files, the defaults of both scripts. */
export const ruleFiles = (repo) => ({
  overrides: join(repo, 'data', 'overrides.json'), curated: join(repo, 'data', 'curated.json'), providers: join(repo, 'data', 'providers.json'),
  'aa-openrouter-ids': join(repo, 'data', 'aa-openrouter-ids.json'),
});

/** A path of `none` (or …/none) leaves that source or rule file out. */
export const isNone = (p) => p === 'none' || p.endsWith('/none');

// The repo's own rule files are sources too: missing, empty or malformed stops the import; `none` skips one.
const loadRules = (key, p, shape = expectObject) => (isNone(p) ? null : readSource(key, p, { shape }));
const expectAaOpenRouterIds = (v) => {
  if (!isObject(v) || !isObject(v.ids)) return 'expected an object with an "ids" object';
  const bad = Object.entries(v.ids).find(([, j]) => !isObject(j) || typeof j.slug !== 'string' || typeof j.openrouter !== 'string');
  return bad ? `ids["${bad[0]}"]: expected {"slug": string, "openrouter": string}` : null;
};

/** The price history an import merges (a path, or `none`: none); a file not there yet is an empty history. */
export const loadHistory = (p) => (isNone(p) ? null : readHistory(p));

/** The catalog's text with the history's points in its offers: what both scripts write. */
export const catalogText = (catalog, history) => serialize(withHistory(catalog, history));

/**
 * paths: source key → file (or `none`); dates: source key → YYYY-MM-DD that wins over the file's own date;
 * rules: {overrides, curated, providers, aa-openrouter-ids} paths; history: a price history (readHistory) to merge, or null.
 * Returns {catalog (without the history), text, stats, datedPrices}; throws on bad input.
 */
export function importCatalog({ paths, dates = {}, rules, history = null }) {
  const kept = Object.fromEntries(Object.entries(paths).filter(([, p]) => p && !isNone(p)));
  const input = readSources(kept, dates);
  const { catalog, stats, datedPrices } = buildCatalog(input, {
    overrides: loadRules('overrides', rules.overrides) || {}, curated: loadRules('curated', rules.curated),
    providerTypes: loadRules('providers', rules.providers),
    aaOpenRouterIds: rules['aa-openrouter-ids'] ? loadRules('aa-openrouter-ids', rules['aa-openrouter-ids'], expectAaOpenRouterIds) : null,
  });
  return { catalog, text: catalogText(catalog, history), stats, datedPrices };
}

/** Written beside the target and renamed over it: a failed write never leaves half a file. */
export function writeFileAtomic(path, text) {
  const partial = `${path}.partial-${process.pid}`;
  try {
    writeFileSync(partial, text);
    renameSync(partial, path);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/** The two lines an import prints. */
export function importSummary(name, { catalog, text, stats }, out) {
  const live = catalog.offers.filter((o) => (o.status || 'live') === 'live').length;
  return `${name}: ${catalog.models.length} models, ${catalog.offers.length} offers (${live} live), ` +
    `${catalog.providers.length} providers, ${text.length} bytes -> ${out}\n` +
    `  skipped (no creator): ${stats.droppedNoCreator}; not text LLMs: ${stats.droppedNotText || 0}; unjoined benchmark records: ${JSON.stringify(stats.unjoined)}`;
}
