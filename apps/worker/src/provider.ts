import type { ChatModel } from '@edgechat/core';
import { createDemoModel, DEMO_MODEL_ID } from '@edgechat/core/demo';
import type { WorkerConfig } from './config.js';
import { createOpenAIModel } from './openai-model.js';
import type { PresetName } from './presets.js';
import { createResponsesModel } from './responses-model.js';

/**
 * Where answers come from: the `PROVIDER` preset's service with a key (or without one for a
 * local server that needs none), the demo model otherwise.
 */
export interface Provider {
  name: PresetName | 'demo';
  /** The default model. */
  model: string;
  /** Models a client may choose. */
  models: readonly string[];
  /** The service answers with a leading `<think>…</think>` in the content (core `thinkTags`). */
  thinkTags: boolean;
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
  const { preset } = config;
  const apiKey = config.apiKey ?? (preset.needsKey ? undefined : '');
  if (apiKey === undefined) {
    const demo = overrides.model ?? createDemoModel();
    return {
      name: 'demo',
      model: DEMO_MODEL_ID,
      models: [DEMO_MODEL_ID],
      thinkTags: false,
      create: () => demo,
    };
  }
  // One SDK client per model name, reused across requests.
  const models = new Map<string, ChatModel>();
  return {
    name: preset.name,
    model: config.model,
    models: config.allowedModels,
    thinkTags: preset.thinkTags,
    create(model) {
      if (overrides.model !== undefined) return overrides.model;
      let chatModel = models.get(model);
      if (chatModel === undefined) {
        // The preset says which API its service is asked through; both adapters take the same options.
        const createModel = preset.api === 'responses' ? createResponsesModel : createOpenAIModel;
        chatModel = createModel({
          apiKey,
          baseURL: config.baseURL,
          preset,
          presetSettings: config.presetSettings,
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
