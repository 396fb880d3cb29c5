import type { IncomingHttpHeaders } from 'node:http';

export type MockAction =
  /** One SSE frame: `data: <JSON>\n\n` (a string is sent as it is, e.g. '[DONE]'). */
  | { frame: unknown }
  /** Raw bytes, for frames cut in the middle, comments, other line ends. */
  | { raw: string | Uint8Array }
  /** Wait until the test calls `mock.release(name)` (released before → no wait). */
  | { waitFor: string }
  /** Wait this many ms. */
  | { sleep: number }
  /** Never continue; the request stays open until the client goes away. */
  | { hang: true }
  /** Destroy the socket: a connection cut mid-stream. */
  | { destroy: true };

/** How the mock answers one request. */
export interface MockStep {
  /** HTTP status. Default 200. */
  status?: number;
  headers?: Record<string, string>;
  /**
   * A JSON answer (a string is sent as it is). A non-200 status without one sends an OpenAI
   * error object.
   */
  body?: unknown;
  /** Hang before sending headers (the upstream never answers). */
  hangBeforeHeaders?: boolean;
  /** Wait for `release(name)` before sending headers. */
  headersWaitFor?: string;
  /** The SSE stream, for status 200 without a `body`. The response ends after the last action. */
  actions?: readonly MockAction[];
}

/** A Chat Completions request body, as far as the tests read it. */
export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string } }[];
  stream?: boolean;
  stream_options?: unknown;
  temperature?: number;
  max_tokens?: number;
}

/** One `POST …/chat/completions` the mock received. */
export interface MockRequest {
  /** 1-based, in arrival order. */
  index: number;
  method: string;
  /** e.g. `/v1/chat/completions`. */
  path: string;
  /** The `scenario: <name>` the last user message names, if it names one. */
  scenario: string | undefined;
  /** How many assistant messages follow the last user message: 0 for a turn's first call. */
  step: number;
  headers: IncomingHttpHeaders;
  body: ChatRequestBody;
  /** `performance.now()` when the request arrived / when its connection closed. */
  receivedAt: number;
  closedAt?: number;
  /** Whether the response was complete when the connection closed. */
  finished: boolean;
  /** Resolves when the connection closes (the client aborted, or the response ended). */
  closed: Promise<void>;
}

/** A scenario answers call `step` of a turn: one step per call, or a function of the request. */
export type MockScenario = readonly MockStep[] | ((request: MockRequest) => MockStep);

export type MockOpenAIOptions =
  /**
   * Each request is answered by the scenario its last user message names (`scenario: <name>`),
   * `echo` when it names none; these are added to (and override) DEFAULT_SCENARIOS.
   */
  | { scenarios?: Record<string, MockScenario>; replies?: never }
  /** Each request is answered by the next of these steps, whatever it asks. */
  | { replies: readonly MockStep[]; scenarios?: never };

export interface MockOpenAI {
  /** Base URL for OPENAI_BASE_URL, e.g. http://127.0.0.1:41234/v1 */
  url: string;
  /** Every chat completions request so far, in arrival order. */
  requests: MockRequest[];
  /** Resolves with the next request to arrive. */
  nextRequest(): Promise<MockRequest>;
  /** Lets every `waitFor` / `headersWaitFor` of this name go on, now and later. */
  release(name: string): void;
  /** Closes the server and every connection still open. */
  stop(): Promise<void>;
}
