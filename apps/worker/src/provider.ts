import type { ChatModel } from '@edgechat/core';
import { createDemoModel, DEMO_MODEL_ID } from '@edgechat/core/demo';
import type { WorkerConfig } from './config.js';
import { createOpenAIModel } from './openai-model.js';

/** Where answers come from: OpenAI (or a compatible server) with a key, the demo model without. */
export interface Provider {
  name: 'openai' | 'demo';
  /** The default model. */
  model: string;
  /** Models a client may choose. */
  models: readonly string[];
  /** The ChatModel for one of `models`. */
  create(model: string): ChatModel;
}

export interface ProviderOverrides {
  /** Replaces the model (tests inject the core's scripted model); name and models stay. */
  model?: ChatModel;
  /** The `fetch` the OpenAI SDK uses. */
  fetch?: typeof fetch;
}

export function selectProvider(config: WorkerConfig, overrides: ProviderOverrides = {}): Provider {
  const { apiKey } = config;
  if (apiKey === undefined) {
    const demo = overrides.model ?? createDemoModel();
    return { name: 'demo', model: DEMO_MODEL_ID, models: [DEMO_MODEL_ID], create: () => demo };
  }
  // One SDK client per model name, reused across requests.
  const models = new Map<string, ChatModel>();
  return {
    name: 'openai',
    model: config.model,
    models: config.allowedModels,
    create(model) {
      if (overrides.model !== undefined) return overrides.model;
      let chatModel = models.get(model);
      if (chatModel === undefined) {
        chatModel = createOpenAIModel({
          apiKey,
          baseURL: config.baseURL,
          model,
          temperature: config.temperature,
          maxTokens: config.maxTokens,
          firstByteTimeoutMs: config.firstByteTimeoutMs,
          idleTimeoutMs: config.idleTimeoutMs,
          ...(overrides.fetch === undefined ? {} : { fetch: overrides.fetch }),
        });
        models.set(model, chatModel);
      }
      return chatModel;
    },
  };
}
