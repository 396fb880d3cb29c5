import { runChat } from '@edgechat/core';
import type {
  ChatModel,
  ChatModelRequest,
  OpenAIMessage,
  ToolRegistry,
  UIMessageChunk,
} from '@edgechat/core';

export interface ChatSessionOptions {
  model: ChatModel;
  tools: ToolRegistry;
  system: string;
  /** Sees every request before it goes to the model (the debug view). */
  onRequest?: (request: ChatModelRequest) => void;
}

export interface ChatSession {
  /** The history as the model gets it: the system prompt first. */
  readonly messages: readonly OpenAIMessage[];
  /** One turn: the user's text, then `runChat`'s chunks to `onChunk` as they arrive. */
  send(
    text: string,
    options: { signal: AbortSignal; onChunk(chunk: UIMessageChunk): void },
  ): Promise<void>;
  /** Back to the system prompt alone. */
  reset(): void;
}

/**
 * The conversation: a history of OpenAI messages that each turn extends with the user's text
 * and what `runChat` reports in `onFinish` — the assistant and tool messages the turn added
 * (also when it was stopped or failed: then the text so far, without unfinished tool calls),
 * so the next request is always a valid history.
 */
export function createChatSession(options: ChatSessionOptions): ChatSession {
  const initial = (): OpenAIMessage[] => [{ role: 'system', content: options.system }];
  let history = initial();
  const { onRequest } = options;
  const model: ChatModel =
    onRequest === undefined
      ? options.model
      : (request) => {
          onRequest(request);
          return options.model(request);
        };

  return {
    get messages() {
      return history;
    },
    async send(text, { signal, onChunk }) {
      const messages: OpenAIMessage[] = [...history, { role: 'user', content: text }];
      // Committed with the turn's messages only, so a reset during the turn is not undone.
      const turnOf = history;
      const reader = runChat({
        model,
        messages,
        tools: options.tools,
        signal,
        onFinish: (result) => {
          if (history === turnOf) history = [...messages, ...result.messages];
        },
      }).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        onChunk(value);
      }
    },
    reset() {
      history = initial();
    },
  };
}
