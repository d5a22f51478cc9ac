// Stable provider ids across sources, and display names.
import { lookupTable } from './input.mjs';

/** models.dev provider directory → our id (others keep their directory name). */
export const MODELS_DEV_PROVIDER = lookupTable({
  nvidia: 'nvidia-nim', vercel: 'vercel-ai-gateway', togetherai: 'together-ai', 'google-vertex-anthropic': 'google-vertex',
  'novita-ai': 'novita-ai', 'fireworks-ai': 'fireworks-ai',
});

/** LiteLLM `litellm_provider` → our id. null = not a hosted API we list (local runtimes, non-LLM services). */
export const LITELLM_PROVIDER = lookupTable({
  openai: 'openai', 'text-completion-openai': 'openai', azure: 'azure', azure_text: 'azure', azure_ai: 'azure-ai-foundry',
  anthropic: 'anthropic', bedrock: 'amazon-bedrock', bedrock_converse: 'amazon-bedrock', bedrock_mantle: 'amazon-bedrock',
  amazon_nova: 'amazon-nova', sagemaker: 'amazon-sagemaker',
  gemini: 'google', palm: 'google', 'vertex_ai-language-models': 'google-vertex', vertex_ai: 'google-vertex',
  'vertex_ai-anthropic_models': 'google-vertex', 'vertex_ai-mistral_models': 'google-vertex',
  'vertex_ai-deepseek_models': 'google-vertex', 'vertex_ai-ai21_models': 'google-vertex', 'vertex_ai-llama_models': 'google-vertex',
  'vertex_ai-minimax_models': 'google-vertex', 'vertex_ai-moonshot_models': 'google-vertex', 'vertex_ai-zai_models': 'google-vertex',
  'vertex_ai-openai_models': 'google-vertex', 'vertex_ai-qwen_models': 'google-vertex', 'vertex_ai-text-models': 'google-vertex',
  cloudflare: 'cloudflare-workers-ai', fireworks_ai: 'fireworks-ai', together_ai: 'together-ai', deepinfra: 'deepinfra',
  groq: 'groq', mistral: 'mistral', codestral: 'mistral', 'text-completion-codestral': 'mistral', cohere: 'cohere',
  cohere_chat: 'cohere', xai: 'xai', deepseek: 'deepseek', perplexity: 'perplexity', openrouter: 'openrouter',
  vercel_ai_gateway: 'vercel-ai-gateway', nvidia_nim: 'nvidia-nim', novita: 'novita-ai', dashscope: 'alibaba',
  moonshot: 'moonshotai', zai: 'zai', minimax: 'minimax', cerebras: 'cerebras', sambanova: 'sambanova',
  databricks: 'databricks', snowflake: 'snowflake-cortex', watsonx: 'ibm-watsonx', oci: 'oracle-oci', nebius: 'nebius',
  nscale: 'nscale', lambda_ai: 'lambda', hyperbolic: 'hyperbolic', github_copilot: 'github-copilot', ovhcloud: 'ovhcloud',
  scaleway: 'scaleway', replicate: 'replicate', baseten: 'baseten', wandb: 'wandb', gmi: 'gmicloud', volcengine: 'volcengine',
  ai21: 'ai21', anyscale: 'anyscale', gradient_ai: 'digitalocean', featherless_ai: 'featherless', friendliai: 'friendli',
  heroku: 'heroku', llamagate: 'llamagate', libertai: 'libertai', morph: 'morph', publicai: 'publicai', crusoe: 'crusoe',
  meta_llama: 'llama', aiml: 'aimlapi', sarvam: 'sarvam', tencent: 'tencent', inception: 'inception', v0: 'v0',
  'text-completion-inception': 'inception', darkbloom: 'darkbloom', pinstripes: 'pinstripes', tensormesh: 'tensormesh',
  nlp_cloud: 'nlp-cloud', gigachat: 'gigachat', meta: 'llama',
  ollama: null, lemonade: null, chatgpt: null,
});

/** genai-prices provider id → our id (huggingface_<x> → huggingface-<x>). */
export function genaiProvider(id) {
  const map = { aws: 'amazon-bedrock', cloudflare: 'cloudflare-workers-ai', fireworks: 'fireworks-ai', together: 'together-ai',
    'x-ai': 'xai', novita: 'novita-ai', moonshotai: 'moonshotai', voyageai: 'voyage-ai', arcee: 'arcee' };
  if (map[id]) return map[id];
  return id.replace(/_/g, '-').toLowerCase();
}

/** Display names that differ from the sources' (the seed pages' names where they name a provider). */
export const PROVIDER_NAMES = lookupTable({
  openai: 'OpenAI API', anthropic: 'Anthropic API', 'nvidia-nim': 'NVIDIA NIM', 'amazon-bedrock': 'AWS Bedrock',
  'vercel-ai-gateway': 'Vercel AI Gateway', 'cloudflare-workers-ai': 'Cloudflare Workers AI', 'fireworks-ai': 'Fireworks AI',
  google: 'Google Gemini API', 'google-vertex': 'Google Vertex AI', 'together-ai': 'Together AI', 'novita-ai': 'Novita AI',
  'azure-ai-foundry': 'Azure AI Foundry', 'amazon-nova': 'Amazon Nova', 'amazon-sagemaker': 'Amazon SageMaker',
  'ibm-watsonx': 'IBM watsonx', 'oracle-oci': 'Oracle Cloud Infrastructure', lambda: 'Lambda', hyperbolic: 'Hyperbolic',
  sambanova: 'SambaNova', replicate: 'Replicate API', volcengine: 'Volcengine', anyscale: 'Anyscale', featherless: 'Featherless AI',
  heroku: 'Heroku', llamagate: 'LlamaGate', libertai: 'LibertAI', publicai: 'PublicAI', crusoe: 'Crusoe', aimlapi: 'AI/ML API',
  tencent: 'Tencent Cloud', darkbloom: 'Darkbloom', pinstripes: 'Pinstripes', tensormesh: 'TensorMesh', 'nlp-cloud': 'NLP Cloud',
  gigachat: 'GigaChat', 'snowflake-cortex': 'Snowflake Cortex', ai21: 'AI21 Labs', llama: 'Meta Llama API',
  xai: 'xAI API', mistral: 'Mistral AI API', deepseek: 'DeepSeek API', 'voyage-ai': 'Voyage AI',
});

export function titleCase(id) {
  return id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}
