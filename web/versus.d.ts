// versus.d.ts — the types of web/versus.js, the engine's ES module API (hand-written; docs/engine-api.md is
// the reference for every answer's fields, and tests/node/versus-types.test.mjs checks that this file, the module
// and that page name the same methods).

/** Every answer: a value, or an error naming what is wrong (JSON paths in `problems`). */
export type Answer<T> = { ok: true; value: T } | { ok: false; error: EngineError };

export interface Problem {
  path: string;
  message: string;
}

export interface EngineError {
  message: string;
  problems: Problem[];
}

/** Missing fields take the engine's defaults (versus.limits.workload[FIELD].default). */
export interface Workload {
  requests?: number;
  inputTokens?: number;
  outputTokens?: number;
  ratio?: number;
  cacheHitRate?: number;
  cacheWriteRate?: number;
  batchShare?: number;
  longShare?: number;
  longInputTokens?: number;
  allRoutes?: boolean;
  /** A day, YYYY-MM-DD: every route priced as on that day by its price history (docs/engine-api.md). */
  on?: string;
  /** The real bill (docs/engine-api.md): options and defaults are versus.limits.workloadChoices. */
  reasoning?: 'visible' | 'typical';
  tier?: 'standard' | 'flex' | 'priority';
  cacheLifetime?: '5m' | '1h';
  /** '' for anywhere, or one of lists().regions' ids ('EU', 'US', …). */
  region?: string;
}

export interface RankFilter {
  capabilities?: string[];
  minContext?: number;
  openWeightsOnly?: boolean;
  benchmark?: string;
  minScore?: number;
  provider?: string;
  byOffer?: boolean;
  kinds?: string[];
}

export interface PriceOverride {
  model: string;
  provider?: string;
  input?: number;
  output?: number;
  cacheRead?: number;
}

export interface PrivateModel {
  name: string;
  input: number;
  output: number;
  context?: number;
}

export interface Overrides {
  prices: PriceOverride[];
  models: PrivateModel[];
}

/** A problem with a link: the key, the engine's message, and the sentence a page shows. */
export interface LinkProblem extends Problem {
  sentence: string;
  consequence: string;
  about: 'pair' | 'details';
}

/** The page state a URL hash holds (src/url_state.hpp). */
export interface PageState {
  models: string[];
  model: string;
  tool: '' | 'rank' | 'nway' | 'prices' | 'charts' | 'export';
  workload: Required<Omit<Workload, 'on'>>;
  rank: {
    cap: string[];
    minctx: number;
    ow: boolean;
    bench: string;
    minscore: number | null;
    prov: string;
    offer: boolean;
    rsort: { key: string; dir: 'ascending' | 'descending' } | null;
    top: number;
  };
  custom: Overrides;
  sbench: string;
  theme: '' | 'light' | 'dark';
}

export interface SearchHit {
  id: string;
  name: string;
  creator: string | null;
  matched: string;
  released: string | null;
  routes: number;
  status: string;
}

export interface Resolution {
  id: string;
  name: string;
  guess: boolean;
  also: string[];
  note?: string;
}

export interface Rival {
  id: string;
  name: string;
  why: string;
}

export interface CatalogInfo {
  models: number;
  providers: number;
  offers: number;
  generated?: string;
  [key: string]: unknown;
}

/** Answers whose fields docs/engine-api.md lists (comparison, model analysis, ranking, price records). */
export type Comparison = Record<string, unknown>;
export type ModelAnalysis = Record<string, unknown>;
export type Ranking = Record<string, unknown>;

export interface Versus {
  readonly ready: Answer<CatalogInfo>;
  readonly catalogInfo: CatalogInfo | null;
  /**
   * The engine's limits and defaults (src/limits.hpp), or null when the module failed to load; `prices.staleDays`:
   * a route's price is flagged `stale` past that many days older than the catalog's newest data.
   */
  readonly limits: Record<string, any> | null;
  compare(a: string, b: string, workload?: Workload): Answer<Comparison>;
  pairFigures(a: string, b: string, workload?: Workload): Answer<Comparison>;
  compareMany(ids: string[], workload?: Workload): Answer<Comparison>;
  model(id: string, workload?: Workload): Answer<ModelAnalysis>;
  rank(workload?: Workload, filter?: RankFilter, limit?: number): Answer<Ranking>;
  setOverrides(overrides: Overrides | null): Answer<{ privateIds: string[] }>;
  priceRecords(records: unknown[]): Answer<Record<string, unknown>>;
  lists(): Answer<{ benchmarks: { id: string; name: string; unit: string; higherIsBetter: boolean }[]; providers: { id: string; name: string }[];
    regions: { id: string; routes: number }[] }>;
  parseState(hash: string): Answer<PageState & { problems: LinkProblem[] }>;
  formatState(state: Partial<PageState>): Answer<string>;
  rivals(id: string, exclude?: string[]): Answer<Rival[]>;
  resolve(query: string): Answer<Resolution>;
  search(query?: string, limit?: number): Answer<SearchHit[]>;
  prepareSearch(count?: number): Answer<{ left: number }>;
  loadCatalog(text: string): Answer<CatalogInfo>;
}

export interface LoadOptions {
  moduleUrl?: string | URL;
  wasmUrl?: string | URL;
  wasmBinary?: ArrayBuffer | Uint8Array;
  catalogText?: string;
  catalogBytes?: ArrayBuffer | Uint8Array;
  catalogUrl?: string | URL;
  fetch?: typeof fetch;
}

export function loadVersus(options?: LoadOptions): Promise<Versus>;
export function failure(message: string, problems?: Problem[]): { ok: false; error: EngineError };
export function parseEnvelope<T = unknown>(text: string): Answer<T>;
export function normaliseWorkload(workload: Workload): Answer<Workload>;
