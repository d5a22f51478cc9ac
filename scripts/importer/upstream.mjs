// Where every source the importer reads lives upstream: the one table scripts/refresh-catalog downloads from.
// `key` is the importer's source key (readSources), `option` the scripts/import-catalog option it feeds, `file`
// its path inside a snapshot folder (and on a mirror, see data/IMPORT.md "Refreshing").
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { lookupTable } from './input.mjs';

/**
 * Where the upstream snapshots are: $VERSUS_UPSTREAM, else ../shared/upstream beside the checkout `repo`, else beside
 * the repository it was cloned from (a CI clone in a temporary folder); null when none exists.
 */
export function upstreamDir(repo) {
  const candidates = [process.env.VERSUS_UPSTREAM, join(repo, '..', 'shared', 'upstream')];
  try {
    const origin = execFileSync('git', ['-C', repo, 'config', '--get', 'remote.origin.url'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (origin && !/^[a-z]+:\/\//i.test(origin) && !/^[^/]+@/.test(origin)) candidates.push(join(resolve(repo, origin), '..', 'shared', 'upstream'));
  } catch {
    // not a clone: nothing more to try
  }
  return candidates.find((d) => d && existsSync(d)) ?? null;
}

export const UPSTREAM = [
  // GitHub's archive of the repository: one top folder holding models/ and providers/ (readModelsDev strips it).
  { key: 'models.dev', option: 'models-dev', file: 'models.dev/models-dev.tar.gz', url: 'https://codeload.github.com/anomalyco/models.dev/tar.gz/refs/heads/dev' },
  { key: 'litellm', option: 'litellm', file: 'litellm/model_prices_and_context_window.json', url: 'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json' },
  // The provider array the npm package bundles is built from this file.
  { key: 'genai-prices', option: 'genai-prices', file: 'genai-prices/data.json', url: 'https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/data.json' },
  { key: 'openrouter', option: 'openrouter', file: 'openrouter/models.json', url: 'https://openrouter.ai/api/v1/models' },
  // Its terms: attribution, and no calls from the page; the key is read at build time only.
  { key: 'artificial-analysis', option: 'artificial-analysis', file: 'artificialanalysis/llms.json', url: 'https://artificialanalysis.ai/api/v2/data/llms/models',
    apiKey: { env: 'ARTIFICIAL_ANALYSIS_API_KEY', header: 'x-api-key' } },
  { key: 'bfcl', option: 'bfcl', file: 'bfcl/data_overall.csv', url: 'https://raw.githubusercontent.com/ShishirPatil/gorilla/gh-pages/data_overall.csv' },
  { key: 'epoch', option: 'epoch', file: 'epoch/benchmarks_runs.csv', url: 'https://raw.githubusercontent.com/epoch-research/benchmark-stitching/main/data/benchmarks_runs.csv' },
  { key: 'aider', option: 'aider', file: 'aider/polyglot_leaderboard.yml', url: 'https://raw.githubusercontent.com/Aider-AI/aider/main/aider/website/_data/polyglot_leaderboard.yml' },
];

/** The import-catalog option of each source key ("models.dev" → "models-dev"). */
export const OPTION_OF = lookupTable(Object.fromEntries(UPSTREAM.map((s) => [s.key, s.option])));
/** The source key of each import-catalog option. */
export const KEY_OF_OPTION = lookupTable(Object.fromEntries(UPSTREAM.map((s) => [s.option, s.key])));
