import { toOpenAIMessages, type OpenAIMessage, type UIMessage } from '@edgechat/core';

/** The last request and its answer, as the model sees them (the debug view shows them). */
export interface Exchange {
  /**
   * What the request sent, converted as the worker converts it (`toOpenAIMessages`): the
   * server's system prompt first, when `/api/config` publishes it, then the history.
   */
  request: OpenAIMessage[];
  /** The system prompt is not known here: not published, or `/api/config` has not answered. */
  systemHidden: boolean;
  /**
   * The answer in the same form: each step's text and tool calls, then the calls' results —
   * what the worker's later steps sent back to the model, and what the next request sends.
   */
  answer: OpenAIMessage[];
}

export type ExchangeView = (
  sent: readonly UIMessage[],
  answer: UIMessage | undefined,
  system: string | undefined,
) => Exchange;

/**
 * Converts an exchange, once per change: the request again only when it or the system prompt
 * changed, the answer only when a new snapshot of it was published.
 */
export function createExchangeView(): ExchangeView {
  let last:
    | { sent: readonly UIMessage[]; answer: UIMessage | undefined; system: string | undefined }
    | undefined;
  let exchange: Exchange = { request: [], systemHidden: true, answer: [] };
  return (sent, answer, system) => {
    if (last?.sent === sent && last.answer === answer && last.system === system) return exchange;
    const sameRequest = last?.sent === sent && last.system === system;
    exchange = {
      request: sameRequest
        ? exchange.request
        : toOpenAIMessages(sent, system === undefined ? {} : { system }),
      systemHidden: system === undefined,
      answer: answer === undefined ? [] : toOpenAIMessages([answer]),
    };
    last = { sent, answer, system };
    return exchange;
  };
}
