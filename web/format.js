/**
 * format.js — number and wording helpers for people (no DOM, no engine; importable from Node).
 *
 * Every helper takes the engine's unrounded numbers and returns a string. `null`, `undefined`,
 * NaN and ±Infinity mean "unknown" and come back as UNKNOWN ("—"), never "0", "NaN" or "undefined".
 *
 *   usd(3600) → "$3,600"     usd(71.85) → "$71.85"   usd(2) → "$2"      usd(7.8) → "$7.80"
 *   usd(0.027) → "$0.027"    usd(0.0792) → "$0.0792" usd(0.5) → "$0.50" usd(-3.72) → "−$3.72"
 *   times(74.07) → "74.1×"   percent(7307.4) → "7,307%"   percent(98.65, {floor:true}) → "98.6%"
 *   tokens(128000) → "128k"  tokens(1048576) → "1.05M"
 */

export const UNKNOWN = '—';

/**
 * A number as people write one in a link, an attribute or a field: decimal digits with an optional sign,
 * fraction and exponent ("800", "0.7", "1e6"). Anything else is NaN: "0x10", "0b11", "0o7", "1_000",
 * "Infinity" and "" (which Number() reads as 16, 3, 7, NaN, Infinity and 0), as the engine's URL-state
 * parser refuses them.
 */
export function parseDecimal(text) {
  const s = String(text ?? '').trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number(s) : NaN;
}

/** A route as people read it: the provider, and how it serves the model when that is not the plain weights ("Nano GPT (TEE)"). */
export function routeName(route) {
  const how = [route.deployment, route.region].filter(Boolean).join(', ');
  return how ? `${route.provider.name} (${how})` : route.provider.name;
}

/** "a", "a and b", "a, b and c". */
export function andList(items) {
  const l = items.filter(Boolean);
  return l.length < 3 ? l.join(' and ') : `${l.slice(0, -1).join(', ')} and ${l[l.length - 1]}`;
}

/** The engine's estimate words (model view `estimate`) as one sentence: what the month counts, what it leaves out. */
export function estimateSentence(estimate) {
  if (!estimate) return '';
  const counts = estimate.includes?.length ? `Counts ${andList(estimate.includes)}` : 'No priced route to count';
  const leaves = estimate.excludes?.length ? `; leaves out ${andList(estimate.excludes)}` : '';
  return `${counts}${leaves}.`;
}

/** What a provider is, as the route tables and the widget say it (the engine's provider types). */
const PROVIDER_TYPES = { lab: 'another lab\'s API', cloud: 'cloud', host: 'inference host', gateway: 'gateway', reseller: 'reseller' };
export function providerType(route) {
  if (route?.maker) return 'maker\'s API'; // the lab that makes the model (route.maker, the engine's)
  return PROVIDER_TYPES[route?.provider?.type] ?? null;
}

/** A route named with what it is: "Anthropic API · maker's API", "QiHang · reseller". */
export function routeWithType(route) {
  const t = providerType(route);
  return t ? `${routeName(route)} · ${t}` : routeName(route);
}

/** Whether `n` is inside one of the engine's workload bounds (versus.limits.workload[FIELD]). */
export function withinBound(n, bound) {
  return Number.isFinite(n) && n >= bound.min && n <= bound.max;
}

/** A bound's maximum as messages write it: 1e12, 1e9. */
export function boundMax(bound) {
  return bound.max.toExponential().replace('e+', 'e');
}

/** What a value inside that bound is, for a message: "a share between 0 and 1", "a number from 0 to 1e12". */
export function boundText(bound) {
  return bound.share ? 'a share between 0 and 1' : `a number from 0 to ${boundMax(bound)}`;
}
const MINUS = '\u2212';

/** True when `n` is a usable number (finite). */
export function known(n) {
  return typeof n === 'number' && Number.isFinite(n);
}

const grouped0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fixed2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// Intl.NumberFormat construction costs far more than format(): a chart formats hundreds of labels.
const byDigits = new Map();

/** Plain number with thousands separators and at most `digits` decimals (trailing zeros dropped). */
export function num(n, digits = 2) {
  if (!known(n)) return UNKNOWN;
  let f = byDigits.get(digits);
  if (!f) byDigits.set(digits, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits })));
  const s = f.format(n);
  return s.replace(/^-/, MINUS).replace(/^−0$/, '0');
}

/** Whole number with thousands separators: 1000000 → "1,000,000". */
export function integer(n) {
  if (!known(n)) return UNKNOWN;
  return grouped0.format(Math.round(n)).replace(/^-/, MINUS).replace(/^−0$/, '0');
}

/**
 * US dollars for people. ≥ $1,000: whole dollars ("$3,600", "$3,528"); ≥ $1: cents, with ".00"
 * dropped for whole amounts ("$71.85", "$2", "$7.80"); below $1: three significant digits but at least
 * two decimals ("$0.87", "$0.50", "$0.027", "$0.0792", "$0.000123"). Negative amounts get "−".
 */
export function usd(n) {
  if (!known(n)) return UNKNOWN;
  if (n === 0) return '$0';
  const sign = n < 0 ? MINUS : '';
  const a = Math.abs(n);
  let body;
  if (a >= 1000) {
    body = grouped0.format(Math.round(a));
  } else if (a >= 1) {
    const cents = Math.round(a * 100) / 100;
    body = Number.isInteger(cents) ? String(cents) : fixed2.format(cents);
    if (cents >= 1000) body = grouped0.format(cents);
  } else {
    // three significant digits, at least two decimals, trailing zeros beyond two decimals dropped
    const decimals = Math.max(2, 2 - Math.floor(Math.log10(a)));
    let s = a.toFixed(Math.min(decimals, 20));
    if (s.includes('.')) {
      const [i, f] = s.split('.');
      let frac = f.replace(/0+$/, '');
      if (frac.length < 2) frac = frac.padEnd(2, '0');
      s = `${i}.${frac}`;
    }
    if (Number(s) >= 1) return `${sign}$${usd(Number(s)).slice(1)}`;
    body = s;
  }
  return `${sign}$${body}`;
}

/** A price per 1M tokens: "$0.027 / 1M". */
export function perMillion(n) {
  return known(n) ? `${usd(n)} / 1M` : UNKNOWN;
}

const fixedBy = new Map();
/** `n` with exactly `digits` decimals and thousands separators (the engine's formatNumber). */
function fixed(n, digits) {
  let f = fixedBy.get(digits);
  if (!f) fixedBy.set(digits, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(n).replace(/^-/, MINUS).replace(/^−(0(\.0+)?)$/, '$1');
}

/**
 * A ratio, as the engine words it (src/format.cpp formatRatio; tests/fixtures/format-cases.json holds both to
 * it): 4.02 → "4.02×", 74.07 → "74.1×", 123.4 → "123×".
 */
export function times(r) {
  if (!known(r)) return UNKNOWN;
  return `${r >= 100 ? integer(r) : fixed(r, r >= 10 ? 1 : 2)}×`;
}

/**
 * A percentage, as the engine words it (formatPercent): below 100 with one decimal ("98.7%", "25.0%"), from 100 up
 * as a whole number ("7,307%"). A value just under 100 never rounds up to "100%" (that would claim "free"): it
 * reads ">99.9%". With `{floor: true}` the decimal is truncated, never rounded up (used for "N% cheaper", as the
 * engine's percentCheaper does: 98.65 → "98.6%").
 */
export function percent(p, { floor = false } = {}) {
  if (!known(p)) return UNKNOWN;
  if (floor && Math.abs(p) < 100) p = Math.sign(p) * Math.floor(Math.abs(p) * 10 + 1e-9) / 10;
  const a = Math.abs(p);
  if (a >= 100) return `${p < 0 ? MINUS : ''}${integer(a)}%`;
  if (a > 99.95) return `${p < 0 ? '<' + MINUS : '>'}99.9%`;
  return `${fixed(p, 1)}%`;
}

/** "N% cheaper", as the engine words it (percentCheaper): truncated, never "100%", "marginally" below 0.05%. */
export function percentCheaper(p) {
  if (!known(p)) return UNKNOWN;
  if (p >= 99.95) return 'over 99.9% cheaper';
  if (p < 0.05) return 'marginally cheaper (by less than 0.1%)';
  return `${percent(p, { floor: true })} cheaper`;
}

/**
 * Token counts, as the engine words them (prose formatTokens): three significant digits, trailing zeros dropped:
 * 128000 → "128k", 1048576 → "1.05M", 8192 → "8.19k", 512 → "512".
 */
export function tokens(n) {
  if (!known(n)) return UNKNOWN;
  const a = Math.abs(n);
  const scaled = (v, suffix) => `${num(v, Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2)}${suffix}`;
  if (a >= 1e12) return scaled(n / 1e12, 'T');
  if (a >= 1e9) return scaled(n / 1e9, 'B');
  if (a >= 1e6) return scaled(n / 1e6, 'M');
  if (a >= 1e3) return scaled(n / 1e3, 'k');
  return num(n, 2);
}

/** Parameters in billions: 1.23 → "1.23B", 405 → "405B", 0.5 → "500M". */
export function params(billions) {
  if (!known(billions)) return UNKNOWN;
  if (billions < 1) return `${num(billions * 1000, 0)}M`;
  return `${num(billions, 2)}B`;
}

/** A benchmark score or a gap in points: 62.10000000000001 → "62.1". */
export function score(n) {
  return num(n, 1);
}

/** Share of input as a label: 0.7 → "70% input / 30% output". */
export function ratioLabel(r) {
  if (!known(r)) return UNKNOWN;
  const i = Math.round(r * 100);
  return `${i}% input / ${100 - i}% output`;
}

/** Yes / No / Unknown for true / false / null. */
export function yesNo(v) {
  if (v === true) return 'Yes';
  if (v === false) return 'No';
  return 'Unknown';
}

/** At most 300 characters, cut at a word. */
export function clip(text, max = 300) {
  const t = text.trim();
  if (t.length <= max) return t;
  return `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
