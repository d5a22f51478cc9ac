// custom.js — the visitor's own prices in the link (custom=…): the compact codec both the page (app.js,
// which applies them before it resolves the link's models, so a private model in a=/b= is found) and the
// Custom prices tool read and write. Shapes are checked here; the engine (setOverrides) checks the rest.
//   custom=JSON   {"p":[[model,provider,input,output,cacheRead]…],"m":[[name,input,output,context]…]}

export const CUSTOM_MAX_CHARS = 1800; // encoded length of custom= in the hash
export const CUSTOM_MAX_ENTRIES = 20;

const priceOk = (x) => x === null || (typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 10000);

/** The custom= value → {value: {prices, models}} or {error}. Shapes are checked here; the engine checks the rest. */
export function decodeCustom(text) {
  if (typeof text !== 'string' || !text) return { error: 'it is empty or not readable.' };
  if (text.length > CUSTOM_MAX_CHARS) return { error: `it is longer than ${CUSTOM_MAX_CHARS} characters.` };
  let j;
  try {
    j = JSON.parse(text);
  } catch {
    return { error: 'it is not valid JSON.' };
  }
  if (!j || typeof j !== 'object' || Array.isArray(j)) return { error: 'it is not an object.' };
  const p = Array.isArray(j.p) ? j.p : [];
  const m = Array.isArray(j.m) ? j.m : [];
  if (p.length + m.length > CUSTOM_MAX_ENTRIES) return { error: `it has more than ${CUSTOM_MAX_ENTRIES} entries.` };
  const prices = [];
  for (const row of p) {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || !row[0] || row[0].length > 200) return { error: 'a price names no model.' };
    const [model, provider, input, output, cacheRead] = row;
    if (provider !== null && provider !== undefined && typeof provider !== 'string') return { error: `the provider for ${model} is not text.` };
    const nums = [input ?? null, output ?? null, cacheRead ?? null];
    if (!nums.every(priceOk)) return { error: `a price for ${model} is not a number from 0 to 10,000.` };
    if (nums.every((x) => x === null)) return { error: `the entry for ${model} sets no price.` };
    const e = { model };
    if (provider) e.provider = provider;
    if (nums[0] !== null) e.input = nums[0];
    if (nums[1] !== null) e.output = nums[1];
    if (nums[2] !== null) e.cacheRead = nums[2];
    prices.push(e);
  }
  const models = [];
  for (const row of m) {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || !row[0].trim() || row[0].length > 80) return { error: 'a private model has no name.' };
    const [name, input, output, context] = row;
    if (!priceOk(input) || !priceOk(output) || input === null || output === null) return { error: `the prices of ${name} are not numbers from 0 to 10,000.` };
    const e = { name, input, output };
    if (context !== null && context !== undefined) {
      if (typeof context !== 'number' || !Number.isFinite(context) || context < 0 || context > 1e9) return { error: `the context of ${name} is not a token count.` };
      e.context = context;
    }
    models.push(e);
  }
  return { value: { prices, models } };
}

export function encodeCustom(c) {
  if (!c.prices.length && !c.models.length) return '';
  const j = {};
  if (c.prices.length) j.p = c.prices.map((x) => [x.model, x.provider ?? null, x.input ?? null, x.output ?? null, x.cacheRead ?? null]);
  if (c.models.length) j.m = c.models.map((x) => [x.name, x.input, x.output, x.context ?? null]);
  return JSON.stringify(j);
}
