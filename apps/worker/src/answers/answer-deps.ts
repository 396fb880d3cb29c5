import type { ChatModel, ToolRegistry } from '@edgechat/core';

/**
 * What the Durable Object would otherwise build from `env`. The runtime constructs the object,
 * so a test cannot pass these in: it sets them here (the object and the tests share one module
 * in vitest-pool-workers) and clears them after. Empty in production.
 */
export interface AnswerDeps {
  model?: ChatModel;
  tools?: ToolRegistry;
}

export const answerDeps: AnswerDeps = {};
