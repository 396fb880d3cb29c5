// One OpenAI-compatible provider per preset, with the quirks its servers are known for, so a
// deployment says `PROVIDER=deepseek` and a key instead of learning each quirk by failure.
// Every field can be a reason a request fails elsewhere: OpenAI's reasoning models reject
// `temperature` and `max_tokens`; some servers reject `stream_options`; DeepSeek rejects a
// tool-call turn sent back without its `reasoning_content`.

export const PRESET_NAMES = [
  'openai',
  'openrouter',
  'ollama',
  'deepseek',
  'groq',
  'together',
  'vllm',
  'lmstudio',
  'azure',
  'workers-ai',
  'openai-responses',
] as const;

export type PresetName = (typeof PRESET_NAMES)[number];

/** Where a stream carries the model's thinking (the core reads every field; this is the one to expect). */
export type ReasoningField = 'reasoning_content' | 'reasoning' | 'none';

export interface ProviderPreset {
  name: PresetName;
  /** Shown in `/api/config` and logs. */
  label: string;
  /**
   * Which OpenAI API the service is asked through: Chat Completions (every compatible
   * server), or OpenAI's Responses API (`POST /responses`, src/responses-model.ts).
   */
  api: 'chat-completions' | 'responses';
  /** The default `OPENAI_BASE_URL`; undefined → the deployment must set it (it names the deployment or host). */
  baseURL: string | undefined;
  /** Without a key the worker runs the demo model; a local server needs none. */
  needsKey: boolean;
  /** How the key is sent: `Authorization: Bearer`, or Azure's `api-key` header. */
  auth: 'bearer' | 'api-key';
  /** Azure: the `api-version` query parameter every request carries. */
  apiVersion?: string;
  /** Whether `stream_options: { include_usage: true }` is accepted. */
  includeUsage: boolean;
  /** The name the token limit goes under. */
  maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /**
   * Reasoning models that reject `temperature` and `max_tokens`: they get
   * `max_completion_tokens` and no temperature. Other models keep `max_tokens`, which every
   * OpenAI-compatible server takes (many a server behind the `openai` preset does not know
   * `max_completion_tokens`).
   */
  reasoningModels: RegExp | undefined;
  reasoningField: ReasoningField;
  /** Whether a leading `<think>…</think>` in `content` is the model's thinking. */
  thinkTags: boolean;
  /** Whether assistant turns with tool calls go back with their `reasoning_content`. */
  sendsReasoningBack: boolean;
  /** Extra request headers, from the worker's settings. */
  headers(settings: PresetSettings): Record<string, string>;
}

export interface PresetSettings {
  /** OpenRouter's `HTTP-Referer`: the site the requests are for. */
  siteURL?: string;
  /** OpenRouter's `X-Title`. */
  siteName?: string;
}

const OPENAI_REASONING_MODELS = /^(?:o\d|gpt-5)/;
const none = (): Record<string, string> => ({});

const base = {
  api: 'chat-completions',
  needsKey: true,
  auth: 'bearer',
  includeUsage: true,
  maxTokensField: 'max_tokens',
  reasoningModels: undefined,
  reasoningField: 'none',
  thinkTags: false,
  sendsReasoningBack: false,
  headers: none,
} as const satisfies Partial<ProviderPreset>;

export const PRESETS: Readonly<Record<PresetName, ProviderPreset>> = {
  openai: {
    ...base,
    name: 'openai',
    label: 'OpenAI',
    baseURL: 'https://api.openai.com/v1',
    reasoningModels: OPENAI_REASONING_MODELS,
  },
  openrouter: {
    ...base,
    name: 'openrouter',
    label: 'OpenRouter',
    baseURL: 'https://openrouter.ai/api/v1',
    reasoningField: 'reasoning',
    headers: (settings) => ({
      ...(settings.siteURL === undefined ? {} : { 'HTTP-Referer': settings.siteURL }),
      ...(settings.siteName === undefined ? {} : { 'X-Title': settings.siteName }),
    }),
  },
  ollama: {
    ...base,
    name: 'ollama',
    label: 'Ollama',
    baseURL: 'http://localhost:11434/v1',
    needsKey: false,
    reasoningField: 'reasoning',
    thinkTags: true,
  },
  deepseek: {
    ...base,
    name: 'deepseek',
    label: 'DeepSeek',
    baseURL: 'https://api.deepseek.com/v1',
    reasoningField: 'reasoning_content',
    sendsReasoningBack: true,
  },
  groq: {
    ...base,
    name: 'groq',
    label: 'Groq',
    baseURL: 'https://api.groq.com/openai/v1',
    // Groq reports usage in `x_groq.usage` on the last chunk, asked or not.
    includeUsage: false,
    maxTokensField: 'max_completion_tokens',
    reasoningField: 'reasoning',
    thinkTags: true,
  },
  together: {
    ...base,
    name: 'together',
    label: 'Together AI',
    baseURL: 'https://api.together.xyz/v1',
    reasoningField: 'reasoning',
    thinkTags: true,
  },
  vllm: {
    ...base,
    name: 'vllm',
    label: 'vLLM',
    baseURL: 'http://localhost:8000/v1',
    needsKey: false,
    reasoningField: 'reasoning_content',
  },
  lmstudio: {
    ...base,
    name: 'lmstudio',
    label: 'LM Studio',
    baseURL: 'http://localhost:1234/v1',
    needsKey: false,
    reasoningField: 'reasoning_content',
    thinkTags: true,
  },
  azure: {
    ...base,
    name: 'azure',
    label: 'Azure OpenAI',
    baseURL: undefined,
    auth: 'api-key',
    apiVersion: '2024-10-21',
    reasoningModels: OPENAI_REASONING_MODELS,
  },
  'workers-ai': {
    ...base,
    name: 'workers-ai',
    label: 'Workers AI',
    baseURL: undefined,
    includeUsage: false,
    reasoningField: 'reasoning_content',
    thinkTags: true,
  },
  // OpenAI's newer API: the same models, with reasoning summaries a Chat Completions stream
  // never carries. The adapter translates both ways, so the core still reads Chat Completions.
  'openai-responses': {
    ...base,
    name: 'openai-responses',
    label: 'OpenAI (Responses API)',
    api: 'responses',
    baseURL: 'https://api.openai.com/v1',
    reasoningModels: OPENAI_REASONING_MODELS,
    // Where the adapter puts the reasoning summary in the stream it hands the core.
    reasoningField: 'reasoning_content',
  },
};

/** The preset a `PROVIDER` value names; blank → OpenAI; anything else → undefined. */
export function findPreset(value: string | undefined): ProviderPreset | undefined {
  const name = (value ?? '').trim().toLowerCase();
  if (name === '') return PRESETS.openai;
  return (PRESET_NAMES as readonly string[]).includes(name)
    ? PRESETS[name as PresetName]
    : undefined;
}

/** Whether the preset's service treats `model` as a reasoning model (no `temperature`). */
export function isReasoningModel(preset: ProviderPreset, model: string): boolean {
  return preset.reasoningModels?.test(model) === true;
}

/** The body fields a preset changes for one model: the token limit's name and `temperature`. */
export function samplingFields(
  preset: ProviderPreset,
  model: string,
  settings: { temperature: number; maxTokens: number },
): Record<string, number> {
  if (isReasoningModel(preset, model)) {
    return { max_completion_tokens: settings.maxTokens };
  }
  return { temperature: settings.temperature, [preset.maxTokensField]: settings.maxTokens };
}
