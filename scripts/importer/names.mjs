// Id normalisation: how the importer turns every source's model id into (creator, name) and a join key.
// The rules are documented in data/IMPORT.md ("Joining").
import { lookupTable } from './input.mjs';

/** Lab slugs used in canonical ids, keyed by every spelling the sources use for that lab. */
export const CREATOR_ALIASES = lookupTable({
  'meta': 'meta', 'meta-llama': 'meta', 'facebook': 'meta', 'llama': 'meta',
  'openai': 'openai', 'anthropic': 'anthropic', 'google': 'google', 'gemini': 'google', 'vertex_ai': 'google',
  'mistral': 'mistral', 'mistralai': 'mistral', 'mistral-ai': 'mistral',
  'qwen': 'alibaba', 'alibaba': 'alibaba', 'alibaba-cloud': 'alibaba', 'dashscope': 'alibaba',
  'deepseek': 'deepseek', 'deepseek-ai': 'deepseek',
  'x-ai': 'xai', 'xai': 'xai', 'grok': 'xai',
  'z-ai': 'zhipuai', 'zai': 'zhipuai', 'zai-org': 'zhipuai', 'zhipuai': 'zhipuai', 'thudm': 'zhipuai', 'zhipu': 'zhipuai',
  'moonshotai': 'moonshotai', 'moonshot': 'moonshotai', 'kimi': 'moonshotai',
  'minimax': 'minimax', 'minimaxai': 'minimax',
  'cohere': 'cohere', 'cohereforai': 'cohere', 'coherelabs': 'cohere',
  'amazon': 'amazon', 'microsoft': 'microsoft', 'nvidia': 'nvidia', 'ai21': 'ai21', 'ai21labs': 'ai21',
  'perplexity': 'perplexity', 'perplexity-ai': 'perplexity', 'baidu': 'baidu', 'tencent': 'tencent',
  'bytedance': 'bytedance', 'bytedance-seed': 'bytedance', 'stepfun': 'stepfun', 'stepfun-ai': 'stepfun',
  'xiaomi': 'xiaomi', 'xiaomimimo': 'xiaomi', 'ibm': 'ibm', 'ibm-granite': 'ibm', 'allenai': 'allenai',
  'nousresearch': 'nousresearch', 'liquid': 'liquid', 'liquidai': 'liquid', 'inclusionai': 'inclusionai',
  'upstage': 'upstage', 'arcee-ai': 'arcee-ai', 'meituan': 'meituan', 'meituan-longcat': 'meituan',
  'sarvam': 'sarvam', 'sarvamai': 'sarvam', 'inception': 'inception', 'poolside': 'poolside',
  'sakana': 'sakana', 'sakanaai': 'sakana', 'tngtech': 'tngtech', 'thedrummer': 'thedrummer',
  'gryphe': 'gryphe', 'sao10k': 'sao10k', 'morph': 'morph', 'writer': 'writer', 'reka': 'reka',
  'kwaipilot': 'kwaipilot', 'baichuan': 'baichuan', 'deepcogito': 'deepcogito', 'essentialai': 'essentialai',
  'prime-intellect': 'prime-intellect', 'mancer': 'mancer', 'alpindale': 'alpindale', 'anthracite-org': 'anthracite-org',
  'eleutherai': 'eleutherai', 'cognitivecomputations': 'cognitivecomputations', 'switchpoint': 'switchpoint',
  'relace': 'relace', 'opengvlab': 'opengvlab', 'aion-labs': 'aion-labs', 'arliai': 'arliai', 'undi95': 'undi95',
  'neversleep': 'neversleep', 'raifle': 'raifle', 'internlm': 'internlm', 'snowflake': 'snowflake',
  'databricks': 'databricks', 'huggingfaceh4': 'huggingface', 'huggingfacetb': 'huggingface', 'swiss-ai': 'swiss-ai',
  'servicenow': 'servicenow', 'servicenow-ai': 'servicenow', 'salesforce': 'salesforce', 'tii': 'tii', 'tiiuae': 'tiiuae',
  'black-forest-labs': 'black-forest-labs', 'stabilityai': 'stabilityai', 'stability': 'stabilityai', 'twelvelabs': 'twelvelabs',
  'lgai-exaone': 'lg', 'lg': 'lg', 'ai-sweden': 'ai-sweden', 'nex-agi': 'nex-agi', 'openthoughts': 'openthoughts',
  // Artificial Analysis' creator slugs
  'swiss-ai-initiative': 'swiss-ai', 'reka-ai': 'reka', 'ai21-labs': 'ai21', 'aws': 'amazon', 'nous-research': 'nousresearch',
  'lg-ai-research': 'lg', 'ibm-research': 'ibm', 'liquid-ai': 'liquid', 'deep-cogito': 'deepcogito', 'allen-institute-for-ai': 'allenai',
  'moondream': 'moondream', 'rekaai': 'reka', 'unsloth': 'unsloth', 'bigcode': 'bigcode', 'mlx-community': null,
  // Fine-tuners that publish under their own namespace (Qwen-SEA-LION, an abliterated Qwen, OpenPipe's Qwen3)
  'aisingapore': 'aisingapore', 'huihui-ai': 'huihui-ai', 'openpipe': 'openpipe', 'empiriolabs': 'empiriolabs',
  'alfredpros': 'alfredpros', 'tongyi-zhiwen': 'alibaba', 'austism': 'austism', 'envoid': 'envoid',
  'failspy': 'failspy', 'tokyotech-llm': 'tokyotech-llm', 'scb10x': 'scb10x', 'eva-unit-01': 'eva-unit-01',
});
/**
 * Namespaces that re-upload a lab's weights (quantised or converted) without training them: the model stays the
 * lab's. Any other known namespace is the model's maker, even when its name starts with a base model's
 * (`nvidia/llama-3.1-nemotron-70b-instruct` is NVIDIA's, `aisingapore/qwen-sea-lion-v4-32b-it` AI Singapore's).
 */
const REUPLOADERS = new Set(['unsloth']);

/** Display names for lab slugs (creator facts). */
export const CREATOR_NAMES = lookupTable({
  meta: 'Meta', openai: 'OpenAI', anthropic: 'Anthropic', google: 'Google', mistral: 'Mistral AI', alibaba: 'Alibaba',
  deepseek: 'DeepSeek', xai: 'xAI', zhipuai: 'Z.ai (Zhipu AI)', moonshotai: 'Moonshot AI', minimax: 'MiniMax',
  cohere: 'Cohere', amazon: 'Amazon', microsoft: 'Microsoft', nvidia: 'NVIDIA', ai21: 'AI21 Labs', perplexity: 'Perplexity',
  baidu: 'Baidu', tencent: 'Tencent', bytedance: 'ByteDance', stepfun: 'StepFun', xiaomi: 'Xiaomi', ibm: 'IBM',
  allenai: 'Allen Institute for AI', nousresearch: 'Nous Research', liquid: 'Liquid AI', inclusionai: 'inclusionAI',
  upstage: 'Upstage', 'arcee-ai': 'Arcee AI', meituan: 'Meituan', sarvam: 'Sarvam AI', inception: 'Inception',
  poolside: 'Poolside', sakana: 'Sakana AI', lg: 'LG AI Research', kwaipilot: 'Kwaipilot', writer: 'Writer', reka: 'Reka',
  aisingapore: 'AI Singapore', 'huihui-ai': 'huihui.ai', openpipe: 'OpenPipe', empiriolabs: 'Empirio Labs', alfredpros: 'AlfredPros',
  'nex-agi': 'Nex AGI', tngtech: 'TNG Technology Consulting', cognitivecomputations: 'Cognitive Computations',
  deepcogito: 'Deep Cogito', 'prime-intellect': 'Prime Intellect', arliai: 'ArliAI', thedrummer: 'TheDrummer', sao10k: 'Sao10K',
  gryphe: 'Gryphe', neversleep: 'NeverSleep', 'anthracite-org': 'Anthracite', 'aion-labs': 'AionLabs',
  'swiss-ai': 'Swiss AI Initiative', servicenow: 'ServiceNow', failspy: 'failspy', 'tokyotech-llm': 'Institute of Science Tokyo',
  scb10x: 'SCB 10X', 'eva-unit-01': 'EVA UNIT 01',
});

/** First-party providers: provider id → lab slug (a model at its own lab's API). */
export const FIRST_PARTY = lookupTable({
  openai: 'openai', anthropic: 'anthropic', google: 'google', mistral: 'mistral', xai: 'xai', deepseek: 'deepseek',
  cohere: 'cohere', moonshotai: 'moonshotai', 'moonshotai-cn': 'moonshotai', minimax: 'minimax', 'minimax-cn': 'minimax',
  zai: 'zhipuai', zhipuai: 'zhipuai', alibaba: 'alibaba', 'alibaba-cn': 'alibaba', perplexity: 'perplexity',
  sarvam: 'sarvam', upstage: 'upstage', inception: 'inception', morph: 'morph', poolside: 'poolside', xiaomi: 'xiaomi',
  stepfun: 'stepfun', sakana: 'sakana', ai21: 'ai21', llama: 'meta', 'meta-llama': 'meta', arcee: 'arcee-ai',
});

/** A fine-tuner's brand anywhere in the name beats the base model it starts with (llama-3.3-nemotron-super). */
const BRAND_RULES_LIST = [
  [/(^|-)nemotron|^nvidia-/, 'nvidia'],
  [/(^|-)(deep)?hermes(-|\d|$)/, 'nousresearch'],
  [/(^|-)dolphin-?\d/, 'cognitivecomputations'],
  [/(^|-)tulu/, 'allenai'],
  [/(^|-)lumimaid(-|$)/, 'neversleep'],
  [/(^|-)typhoon\d/, 'scb10x'],
  [/(^|-)r1t\d?-chimera/, 'tngtech'],
  [/(^|-)arliai(-|$)/, 'arliai'],
  [/-instruct-solidity$/, 'alfredpros'],
  [/-eva-v\d/, 'eva-unit-01'],
];
const BRAND_RULES = new Set(BRAND_RULES_LIST.map(([re]) => re));
/** Name patterns → lab, for ids that carry no lab prefix. Order matters: first match wins. */
const NAME_RULES = [
  [/^(gpt-oss|gpt|chatgpt|o[1-9](-|$)|text-(davinci|embedding)|davinci|babbage|codex|computer-use|dall-e|sora|whisper|tts-|omni-moderation|text-moderation)/, 'openai'],
  [/^claude/, 'anthropic'],
  [/^(gemini|gemma|medgemma|palm(-|$)|chat-bison|text-bison|codechat-bison|learnlm|imagen|veo|embeddinggemma|t5gemma)/, 'google'],
  ...BRAND_RULES_LIST,
  [/^(llama|meta-llama|codellama|llama-guard|prompt-guard)/, 'meta'],
  [/^(mistral|mixtral|codestral|ministral|magistral|devstral|pixtral|voxtral|open-mistral|open-mixtral|open-codestral)/, 'mistral'],
  [/^(qwen|qwq|qvq)/, 'alibaba'],
  [/^deepseek/, 'deepseek'],
  [/^grok/, 'xai'],
  [/^(glm|chatglm|codegeex|cogview|cogvideo)/, 'zhipuai'],
  [/^(kimi|moonshot)/, 'moonshotai'],
  [/^(minimax|abab)/, 'minimax'],
  [/^(command|c4ai|aya)/, 'cohere'],
  [/^(nova-|amazon-nova|titan)/, 'amazon'],
  [/^(phi-?\d|mai-ds)/, 'microsoft'],
  [/^jamba/, 'ai21'],
  [/^(sonar|r1-1776)/, 'perplexity'],
  [/^ernie/, 'baidu'],
  [/^hunyuan/, 'tencent'],
  [/^(doubao|seed-oss|seed-\d)/, 'bytedance'],
  [/^step-?\d/, 'stepfun'],
  [/^mimo/, 'xiaomi'],
  [/^granite/, 'ibm'],
  [/^(olmo|tulu|molmo)/, 'allenai'],
  [/^lfm/, 'liquid'],
  [/^(ling-|ring-)/, 'inclusionai'],
  [/^solar/, 'upstage'],
  [/^sarvam/, 'sarvam'],
  [/^kat-/, 'kwaipilot'],
  [/^longcat/, 'meituan'],
  [/^(mercury)/, 'inception'],
  [/^(exaone|k-exaone)/, 'lg'],
];

export function inferCreator(name) {
  for (const [re, lab] of NAME_RULES) if (re.test(name)) return lab;
  return null;
}
/** The lab of the base model a name starts with (`llama-3.1-nemotron-70b` → meta), the fine-tuner's brand aside. */
export function baseModelLab(name) {
  for (const [re, lab] of NAME_RULES) if (!BRAND_RULES.has(re) && re.test(name)) return lab;
  return null;
}

/** Segments that are never a lab in a path-shaped id. */
const NOT_A_CREATOR = new Set(['accounts', 'fireworks', 'models', 'workers-ai', '@cf', '@hf', 'hf', 'openrouter',
  'vercel', 'together', 'togetherai', 'deepinfra', 'groq', 'azure', 'bedrock', 'vertex', 'publishers', 'serverless',
  'router', 'api', 'v1', 'chat', 'global', 'us', 'eu', 'ai', 'free', 'pro', 'premium', 'custom', 'nim', 'ft']);

const REGION = /^(us|eu|apac|ap|global|jp|au|ca|us-gov|regional|in|sa|me|af|uk)\./;
const VENDOR = /^(meta|anthropic|amazon|mistral|cohere|ai21|deepseek|openai|qwen|writer|twelvelabs|stability|minimax|moonshot|moonshotai|google|nvidia|zai|luma|kimi)\./;

/**
 * Split a source id into {creator, name}: strips provider prefixes (`@cf/`, `accounts/fireworks/models/`,
 * region and vendor prefixes such as `us.meta.`), version suffixes (`-v1:0`), and infers the lab.
 * `provider` is our provider id (used for first-party labs). Returns creator null when no rule applies.
 */
export function splitId(rawId, provider = null) {
  let id = String(rawId).trim().toLowerCase().replace(/\s+/g, '-');
  const segs = id.split('/').filter(Boolean);
  let name = segs.pop() || id;
  let creator = null;
  let namedMaker = false; // a known namespace named the maker (it beats the base model's name)
  // The nearest path segment that names a lab.
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i].replace(/^@/, '');
    if (NOT_A_CREATOR.has(segs[i]) || NOT_A_CREATOR.has(s)) continue;
    if (s in CREATOR_ALIASES) { creator = CREATOR_ALIASES[s]; namedMaker = creator !== null; break; }
    if (i === segs.length - 1 && /^[a-z0-9][a-z0-9._-]*$/.test(s) && !/^(cf|hf)$/.test(s)) { creator = s; break; }
  }
  // Bedrock style: region.vendor.model-v1:0
  const bedrockStyle = REGION.test(name) || VENDOR.test(name);
  name = name.replace(REGION, '');
  const v = VENDOR.exec(name);
  if (v) {
    const vc = CREATOR_ALIASES[v[1]] || v[1];
    if (!creator) { creator = vc; namedMaker = true; }
    const rest = name.slice(v[0].length);
    // "deepseek.r1" keeps the lab in the name ("deepseek-r1"); "meta.llama3-2-1b" does not need it.
    name = inferCreator(rest) !== vc && inferCreator(`${v[1]}-${rest}`) === vc ? `${v[1]}-${rest}` : rest;
  }
  name = name.replace(/-v\d+(:\d+)+$/, '').replace(/:\d+$/, '');
  if (bedrockStyle) name = name.replace(/-v\d+$/, '');
  // Vertex style: claude-sonnet-4-5@20250929, claude-opus-4-6@default
  name = name.replace(/@(20\d{6})$/, '-$1').replace(/@(default|latest)$/, '');
  // Fireworks style: llama-v3p2-1b-instruct, qwen2p5-72b
  name = name.replace(/^llama-v(\d)/, 'llama-$1').replace(/(\d)p(\d)/g, '$1.$2');
  // "openai-gpt-5" / "meta-llama-3.1-8b": a lab prefix glued on with a hyphen.
  const glued = /^([a-z0-9]+(?:-ai|-llama)?)-(.+)$/.exec(name);
  if (glued && CREATOR_ALIASES[glued[1]] && inferCreator(glued[2]) === CREATOR_ALIASES[glued[1]]) {
    creator = creator || CREATOR_ALIASES[glued[1]];
    name = glued[2];
  }
  if (name.startsWith('meta-llama-')) name = name.slice(5);
  const inferred = inferCreator(name);
  if (!creator || (inferred && creator !== inferred && (!namedMaker || REUPLOADERS.has(creator)))) creator = inferred || creator;
  if (!creator && provider && FIRST_PARTY[provider]) creator = FIRST_PARTY[provider];
  name = name.replace(/[^a-z0-9._:+@-]/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return { creator, name };
}

const DATE_SUFFIX = [
  /^(.*?)-(20\d\d)-(\d\d)-(\d\d)$/,
  /^(.*?)-(20\d\d)(\d\d)(\d\d)$/,
  /^(.*?)-(2[3-9])(\d\d)(\d\d)$/, // YYMMDD: ByteDance's doubao-seed-1-6-250615
];

/** "o3-2025-04-16" → {base: "o3", date: "2025-04-16"}; null when the name has no full date suffix. */
export function dateSuffix(name) {
  const [n, variant] = splitVariant(name);
  for (const re of DATE_SUFFIX) {
    const m = re.exec(n);
    if (m && +m[3] >= 1 && +m[3] <= 12 && +m[4] >= 1 && +m[4] <= 31) {
      return { base: m[1] + (variant ? ':' + variant : ''), date: `${m[2].length === 2 ? `20${m[2]}` : m[2]}-${m[3]}-${m[4]}` };
    }
  }
  return null;
}

/**
 * A month and day at the end of a name (`grok-4-0709`: {base: 'grok-4', monthDay: '07-09'}), which only the
 * model's release date can confirm; null otherwise. Four digits that are no month and day are left alone:
 * YYMM versions (`mistral-large-2411`, `qwen3-235b-a22b-2507`) are releases of their own, not snapshots.
 */
export function shortDateSuffix(name) {
  const [n, variant] = splitVariant(name);
  const m = /^(.*?)-(\d{2})(\d{2})$/.exec(n);
  if (!m || !m[1]) return null;
  const [month, day] = [+m[2], +m[3]];
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  return { base: m[1] + (variant ? ':' + variant : ''), monthDay: `${m[2]}-${m[3]}` };
}

/** Whether an MMDD names the release of a model released on `released`: within 14 days, in its year or the next. */
export function shortDateIsRelease(short, released) {
  if (!short || !released || released.length < 10) return false;
  const year = +released.slice(0, 4);
  return [year, year + 1].some((y) => Math.abs(Date.parse(`${y}-${short.monthDay}`) - Date.parse(released)) <= 14 * 86400e3);
}

/**
 * The release date a model's id states, or null: a full date (`o3-2025-04-16`, `…-20250929`), a YYMMDD
 * (`doubao-seed-1-6-thinking-250615` → 2025-06-15) or a YYMM (`mistral-large-2512` → 2025-12). Two-digit years
 * run from 2023, so MMDD suffixes (`grok-2-1212`) are not read as years.
 */
export function idReleaseDate(name) {
  const ds = dateSuffix(name);
  if (ds) return ds.date;
  const [n] = splitVariant(name);
  let m = /-(\d{2})(\d{2})(\d{2})$/.exec(n);
  if (m && +m[1] >= 23 && +m[1] <= 29 && +m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= 31) return `20${m[1]}-${m[2]}-${m[3]}`;
  m = /-(\d{2})(\d{2})$/.exec(n);
  if (m && +m[1] >= 23 && +m[1] <= 29 && +m[2] >= 1 && +m[2] <= 12) return `20${m[1]}-${m[2]}`;
  return null;
}

function splitVariant(name) {
  const i = name.indexOf(':');
  return i < 0 ? [name, ''] : [name.slice(0, i), name.slice(i + 1)];
}

/** Join key for a (creator, name): spelling differences removed ("claude-3-5" = "claude-3.5", "llama3.2" = "llama-3.2"). */
export function joinKey(creator, name) {
  let n = name.toLowerCase().replace(/[_\s]+/g, '-');
  n = n.replace(/:free$/, '');
  let prev;
  do { prev = n; n = n.replace(/(\d)-(\d{1,2})(?=-|$|:)/, '$1.$2'); } while (n !== prev);
  n = n.replace(/(\d)\.0$/, '$1');
  // `-latest` is dropped only where the name pins a version (`claude-3-5-sonnet-latest` is a 3.5 Sonnet): a
  // versionless `gemini-pro-latest` moves across generations and must not join the legacy `gemini-pro`.
  if (/-latest$/.test(n) && /(^|[-.a-z])\d+(\.\d+)?(?![\d.]*[bmk](-|$))/.test(n.slice(0, -7))) n = n.slice(0, -7);
  const out = [];
  for (const t of n.split('-')) {
    const size = /^\d+(\.\d+)?[bmk]$|^\d+x\d+b$|^a\d+(\.\d+)?b$/.test(t);
    if (out.length && /^\d/.test(t) && !size && /[a-z]$/.test(out[out.length - 1])) out[out.length - 1] += t;
    else out.push(t);
  }
  return `${creator}/${out.join('-')}`;
}

/**
 * The model a benchmark's setting names, without the setting: `gpt-5-5-high` → `gpt-5-5`,
 * `qwen3-5-9b-non-reasoning` → `qwen3-5-9b`, `nova-2-0-pro-reasoning-low` → `nova-2-0-pro`; else null.
 */
export function effortBase(name) {
  const m = /^(.+?)-(?:non-reasoning|(?:reasoning|thinking)(?:-(?:minimal|low|medium|high|xhigh))?|minimal|low|medium|high|xhigh|max)$/.exec(name);
  return m ? m[1] : null;
}

/** Word-order-insensitive key (Artificial Analysis slugs put the size last: llama-3-2-instruct-1b). */
export function tokenKey(creator, name) {
  const k = joinKey(creator, name).split('/')[1];
  return `${creator}/${k.split('-').filter(Boolean).sort().join('-')}`;
}

/**
 * Spelling key: what two ids of one model share when they differ only in spelling — separators (`-`, `_`,
 * `.` between words, `:`, `@`, `/`), word order (`claude-sonnet-4-5` = `claude-4-5-sonnet`), a trailing `.0`
 * (`gemini-3.0-flash` = `gemini-3-flash`), `p` for `.` between digits (`v3p2` = `v3.2`), and a glued or split
 * number (`gemma3:27b` = `gemma-3-27b`). Numbers keep their order inside a group (`05-06` ≠ `06-05`), so
 * dated ids stay apart; `:free` is dropped as in joinKey.
 */
export function spellingKey(creator, name) {
  let n = name.toLowerCase().replace(/:free$/, '').replace(/(\d)p(\d)/g, '$1.$2');
  n = n.replace(/[_:@/\s]+/g, '-').replace(/\.(?=[a-z])|(?<=[a-z])\./g, '-');
  n = n.replace(/(^|-)v0(\d)(?=-|$)/g, '$1v0.$2'); // `mistral-7b-instruct-v03` = `-v0.3`
  n = n.replace(/(^|-)v(?=\d)/g, '$1'); // `deepseek-v3.2` = `deepseek-3.2`: a version's "v" is spelling
  n = n.replace(/(^|-)think(?=-|$)/g, '$1thinking'); // `claude-opus-4-6-think` = `-thinking`
  let prev;
  do { prev = n; n = n.replace(/(\d)-(\d{1,2})(?=-|$)/, '$1.$2'); } while (n !== prev);
  // A split size: `qwen-1-5b` = `qwen-1.5b` (but `llama-3.2-1b` keeps its 1B)
  n = n.replace(/(?<![\d.])(\d+)-(\d)(?=[bkm](?:-|$))/g, '$1.$2');
  n = n.replace(/(\d)\.0(?![.\d])/g, '$1');
  n = n.replace(/([a-z])(\d)/g, '$1-$2').replace(/(\d)([a-z])/g, '$1-$2');
  return `${creator}/${n.split(/-+/).filter(Boolean).sort().join('-')}`;
}

/** How makers write the words of their model names; any other word is capitalised. */
const WORD_CASE = lookupTable({
  gpt: 'GPT', glm: 'GLM', qwen: 'Qwen', qwq: 'QwQ', deepseek: 'DeepSeek', llama: 'Llama', claude: 'Claude', gemini: 'Gemini',
  gemma: 'Gemma', mistral: 'Mistral', mixtral: 'Mixtral', codestral: 'Codestral', devstral: 'Devstral', ministral: 'Ministral',
  pixtral: 'Pixtral', magistral: 'Magistral', phi: 'Phi', yi: 'Yi', jamba: 'Jamba', grok: 'Grok', kimi: 'Kimi', minimax: 'MiniMax',
  ernie: 'ERNIE', hunyuan: 'Hunyuan', granite: 'Granite', nemotron: 'Nemotron', olmo: 'OLMo', falcon: 'Falcon', internlm: 'InternLM',
  chatglm: 'ChatGLM', baichuan: 'Baichuan', doubao: 'Doubao', seed: 'Seed', lfm: 'LFM', sonar: 'Sonar', cogito: 'Cogito',
  vl: 'VL', ai: 'AI', fp8: 'FP8', fp4: 'FP4', fp16: 'FP16', bf16: 'BF16', int4: 'INT4', int8: 'INT8', awq: 'AWQ', gguf: 'GGUF',
  gptq: 'GPTQ', maas: 'MaaS', tee: 'TEE', hf: 'HF', moe: 'MoE', it: 'IT', r1: 'R1', v2: 'V2', v3: 'V3', v4: 'V4', oss: 'OSS',
  tts: 'TTS', ocr: 'OCR', sql: 'SQL', nsfw: 'NSFW', rp: 'RP', exp: 'Exp', j2: 'J2', l3: 'L3', hermes: 'Hermes',
  api: 'API', dpo: 'DPO', sft: 'SFT', ft: 'Fine-tuned', chatgpt: 'ChatGPT', codellama: 'CodeLlama', llamaguard: 'LlamaGuard',
});

/** A name written like an id (lower case, no spaces, words joined by `-`, `_`, `:` or `@`). */
export function looksLikeId(name) {
  return /^[a-z0-9][a-z0-9._:@/+-]*$/.test(name) && /[-_:@/]/.test(name) && !/^o\d+(-(mini|pro|deep-research))?$/.test(name);
}

/**
 * A display name for people from an id's name, when no source gives one (or gives only the id): the makers'
 * casing of known words (GPT, Qwen, DeepSeek), sizes in capitals (7B, A22B, 8x7B), dates and versions kept
 * whole: `qwen3-coder:480b` → "Qwen3 Coder 480B", `qwen-plus-2025-01-25` → "Qwen Plus 2025-01-25".
 */
export function humanName(name) {
  const words = [];
  // Dates and two-digit pairs (`06-17`) stay one word; a one-digit pair is a version (`claude-3-7` → 3.7).
  const text = name.replace(/@/g, ' ').replace(/(\d{4})-(\d{2})-(\d{2})/g, '$1\u0001$2\u0001$3')
    .replace(/(?<![\d.])(\d{2})-(\d{2})(?![\d])/g, '$1\u0001$2').replace(/(?<![\d.])(\d)-(\d)(?![\d]|[bmkt](?![a-z]))/g, '$1.$2'); // `hermes-3-8b` is Hermes 3 8B
  for (const raw of text.split(/[-_:/\s]+/).filter(Boolean)) {
    const w = raw.replace(/\u0001/g, '-');
    const lower = w.toLowerCase();
    let m;
    if (WORD_CASE[lower]) words.push(WORD_CASE[lower]);
    else if (/^o\d+$/.test(lower)) words.push(lower); // OpenAI's o-series: o3, o4
    else if (/^\d+(\.\d+)?[bmkt]$/.test(lower) || /^a\d+(\.\d+)?b$/.test(lower) || /^\d+x\d+(\.\d+)?b$/.test(lower)) words.push(lower.toUpperCase().replace(/X/, 'x'));
    else if ((m = /^([a-z]+)(\d[\d.]*)([a-z]*)$/.exec(lower)) && WORD_CASE[m[1]]) words.push(WORD_CASE[m[1]] + m[2] + m[3]);
    else if (/^v\d/.test(lower) || /^\d/.test(lower)) words.push(lower);
    else words.push(lower[0].toUpperCase() + lower.slice(1));
  }
  // GPT-4o, GPT-5.1: OpenAI joins the version to GPT with a hyphen.
  return words.join(' ').replace(/\bGPT (\d)/g, 'GPT-$1');
}

/** Suffixes that name how a route serves a model, not another model, and the label the page shows. */
const HOST_NAMES = lookupTable({ cerebras: 'Cerebras', groq: 'Groq', sambanova: 'SambaNova', together: 'Together', fireworks: 'Fireworks' });
const DEPLOYMENT_SUFFIXES = [
  [/-nvfp4$/, 'NVFP4'], [/-fp8$/, 'FP8'], [/-fp4$/, 'FP4'], [/-bf16$/, 'BF16'], [/-fp16$/, 'FP16'], [/-int4$/, 'INT4'],
  [/-int8$/, 'INT8'], [/-awq$/, 'AWQ'], [/-gptq$/, 'GPTQ'], [/-maas$/, 'MaaS'], [/-tee$/, 'TEE'], [/-original$/, 'original weights'],
];

/**
 * A deployment suffix at the end of a name (`deepseek-v3.2-tee` → {base: 'deepseek-v3.2', label: 'TEE'}), or
 * null: an FP8 or TEE route of a model is an offer of that model, with the deployment as its attribute.
 */
export function deploymentSuffix(name) {
  const [n, variant] = splitVariant(name);
  // Meta's Llama API names the host it routes to in front: `groq-llama-4-maverick-17b-128e-instruct`.
  const host = /^(cerebras|groq|sambanova|together|fireworks)-(.+)$/.exec(n);
  if (host && inferCreator(host[2])) return { base: host[2] + (variant ? ':' + variant : ''), label: `via ${HOST_NAMES[host[1]]}` };
  for (const [re, label] of DEPLOYMENT_SUFFIXES) {
    if (re.test(n) && n.replace(re, '')) return { base: n.replace(re, '') + (variant ? ':' + variant : ''), label };
  }
  return null;
}

/** The path segments of a provider's model id that name neither the lab nor the provider's own layout (`stealth`). */
export function routeHosts(pmid, creator) {
  return String(pmid).toLowerCase().split('/').slice(0, -1)
    .filter((s) => !NOT_A_CREATOR.has(s) && CREATOR_ALIASES[s.replace(/^@/, '')] !== creator && !/^(cf|hf|@cf|@hf)$/.test(s));
}

/**
 * A provider's second id for a model, beside its main one, names a route of its own when it carries another
 * host's namespace (`pearl-ai/gemma-4-31b-it` beside `google/gemma-4-31b-it` at Together, `stealth/…` at Kilo)
 * or a word the main id lacks (`claude-opus-4-7-fast`, `deepseek-v4-pro-lightning`): that namespace or word is
 * returned as the route's label. Null when both spell one route (a lab's namespace or none, `-v1:0`, `@date`,
 * separators: `kimi/kimi-k2.5` = `kimi-k2.5`).
 */
export function routeVariant(pmid, mainPmid, creator) {
  const hosts = (id) => routeHosts(id, creator);
  const words = (id) => spellingKey(creator, splitId(id).name).split('/')[1].split('-');
  const ns = hosts(pmid).join('/'), mainNs = hosts(mainPmid).join('/');
  const main = new Set(words(mainPmid));
  const extra = words(pmid).filter((w) => !main.has(w));
  // A dated snapshot priced apart (OpenAI's gpt-4o-2024-05-13 at $5 / $15 beside gpt-4o at $2.50 / $10).
  const date = extra.find((w) => /^20\d\d\.\d\d\.\d\d$/.test(w));
  const named = extra.filter((w) => /[a-z]/.test(w) && w !== 'latest' && CREATOR_ALIASES[w] !== creator && w !== creator);
  const label = [ns !== mainNs ? ns : '', ...named, date ? `snapshot ${date.replace(/\./g, '-')}` : ''].filter(Boolean).join(' ');
  return label || null;
}

/** Parameter sizes written in a name: `32b`, `0.5b`, `a22b`, `8x7b`. */
function nameSizes(name) {
  return new Set(name.toLowerCase().replace(/(\d)p(\d)/g, '$1.$2').match(/(?<![a-z0-9.])\d+(\.\d+)?b(?![a-z])|(?<![a-z0-9])a\d+(\.\d+)?b|\d+x\d+b/g) || []);
}
/** Words that make another model of a family: a distilled, smaller or special-purpose one. */
const VARIANT_WORDS = ['distill', 'mini', 'nano', 'micro', 'tiny', 'lite', 'guard', 'embed', 'embedding', 'vl', 'vision'];

/**
 * Whether a provider's model (its id) is the model its models.dev `base_model` names: both name the same size
 * when both name one, and the provider's id adds no variant word the base lacks. Cloudflare's
 * `deepseek-r1-distill-qwen-32b` points at `deepseek/deepseek-r1`, which it is not (a 32B Qwen distilled from
 * it); `mistral-medium-3.5-128b` at `mistral/mistral-medium-2604` is (the base names no size).
 */
export function baseModelAgrees(providerModelId, baseModel) {
  const own = providerModelId.split('/').pop().toLowerCase();
  const base = baseModel.split('/').pop().toLowerCase();
  const ownSizes = nameSizes(own), baseSizes = nameSizes(base);
  if (ownSizes.size && baseSizes.size && ![...ownSizes].some((x) => baseSizes.has(x))) return false;
  const words = (n) => new Set(n.split(/[^a-z]+/).filter(Boolean));
  const ownWords = words(own), baseWords = words(base);
  return !VARIANT_WORDS.some((w) => ownWords.has(w) && !baseWords.has(w));
}

export const ID_RE = /^[a-z0-9][a-z0-9._:/@+-]*$/;
