import OpenAI, { AzureOpenAI } from 'openai';
import type { PresetSettings, ProviderPreset } from './presets.js';

// The `openai` SDK client every adapter makes its requests with, configured once for the
// preset: auth, base URL, headers, and none of the SDK's own retries or logging.

export interface OpenAIClientOptions {
  /** Empty for a local server that takes none. */
  apiKey: string;
  baseURL: string;
  preset: ProviderPreset;
  presetSettings?: PresetSettings | undefined;
  /** The SDK's own timeout is only a backstop behind this one (src/upstream-call.ts). */
  firstByteTimeoutMs: number;
  /** For tests; default the global `fetch`. */
  fetch?: typeof fetch | undefined;
}

export function createOpenAIClient(options: OpenAIClientOptions): OpenAI {
  const { preset } = options;
  const clientOptions = {
    // The SDK refuses to start without a key; a server that needs none ignores this one.
    apiKey: options.apiKey === '' ? 'none' : options.apiKey,
    baseURL: options.baseURL,
    defaultHeaders: preset.headers(options.presetSettings ?? {}),
    // No retries: a retried 429 only makes the user wait longer; they get the 429 instead.
    maxRetries: 0,
    // Our own first-byte timer fires first; this is a backstop.
    timeout: options.firstByteTimeoutMs + 1000,
    // The SDK's logger can print request details; we log through src/log.ts only.
    logLevel: 'off' as const,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  };
  // Azure: the key goes in `api-key`, and every request carries `api-version`.
  return preset.auth === 'api-key'
    ? new AzureOpenAI({ ...clientOptions, apiVersion: preset.apiVersion ?? '2024-10-21' })
    : new OpenAI(clientOptions);
}
