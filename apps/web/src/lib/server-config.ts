/** `GET /api/config` (DESIGN.md §4), plus `systemPrompt` when the worker publishes it. */
export interface ServerConfig {
  /**
   * The worker's provider preset (`openai`, `openrouter`, `ollama`, …) or `demo` for the
   * offline model. Any name is taken as it is: a preset added to the worker later needs no
   * change here, and only `demo` changes what the app shows.
   */
  provider: string;
  model: string;
  models: string[];
  tools: { name: string; description: string }[];
  limits: Record<string, number>;
  systemPrompt?: string;
  /** Present when the worker's bot check is on: the widget's site key. */
  turnstile?: { siteKey: string };
}

/** Checks the answer's shape; `undefined` when it is not a config. */
export function parseServerConfig(value: unknown): ServerConfig | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const { provider, model, models, tools, limits, systemPrompt, turnstile } = record;
  if (typeof provider !== 'string' || provider === '' || typeof model !== 'string') {
    return undefined;
  }
  const config: ServerConfig = {
    provider,
    model,
    models: Array.isArray(models)
      ? models.filter((m): m is string => typeof m === 'string')
      : [model],
    tools: Array.isArray(tools)
      ? tools.flatMap((tool: unknown) => {
          const { name, description } = (tool ?? {}) as Record<string, unknown>;
          return typeof name === 'string'
            ? [{ name, description: typeof description === 'string' ? description : '' }]
            : [];
        })
      : [],
    limits:
      typeof limits === 'object' && limits !== null
        ? Object.fromEntries(
            Object.entries(limits).filter(
              (entry): entry is [string, number] => typeof entry[1] === 'number',
            ),
          )
        : {},
  };
  if (!config.models.includes(model)) config.models.unshift(model);
  if (typeof systemPrompt === 'string') config.systemPrompt = systemPrompt;
  const siteKey = (turnstile as { siteKey?: unknown } | null | undefined)?.siteKey;
  if (typeof siteKey === 'string' && siteKey !== '') config.turnstile = { siteKey };
  return config;
}

export async function fetchServerConfig(
  fetchImpl: typeof fetch = fetch,
  signal?: AbortSignal,
): Promise<ServerConfig> {
  const response = await fetchImpl('/api/config', { signal: signal ?? null });
  if (!response.ok) throw new Error(`GET /api/config: HTTP ${response.status}`);
  const config = parseServerConfig(await response.json());
  if (config === undefined) throw new Error('GET /api/config: unexpected answer');
  return config;
}
