// Which step answers a request. By scenario: the worker under test needs no hook, the test
// names the script in the user's message. In order: for a client that sends its own text.
import { DEFAULT_SCENARIOS } from './scenarios.js';
import type { ChatRequestBody, MockOpenAIOptions, MockRequest, MockStep } from './types.js';

export const SCENARIO_PREFIX = 'scenario:';

/** The scenario named by the last user message, and how many assistant turns followed it. */
export function locate(body: ChatRequestBody): { scenario: string | undefined; step: number } {
  const messages = body.messages;
  let lastUser = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.role === 'user') {
      lastUser = i;
      break;
    }
  }
  const content = messages[lastUser]?.content;
  const text = typeof content === 'string' ? content.trim() : '';
  const scenario = text.startsWith(SCENARIO_PREFIX)
    ? text.slice(SCENARIO_PREFIX.length).trim()
    : undefined;
  const step = messages
    .slice(lastUser + 1)
    .filter((message) => message.role === 'assistant').length;
  return { scenario, step };
}

/** A 400 as OpenAI words it: a script that has no answer is the test's bug, and says so. */
export function mockError(message: string, status = 400): MockStep {
  return {
    status,
    body: { error: { message: `mock: ${message}`, type: 'invalid_request_error' } },
  };
}

export function createResponder(options: MockOpenAIOptions): (request: MockRequest) => MockStep {
  if (options.replies !== undefined) {
    const replies = options.replies;
    return (request) =>
      replies[request.index - 1] ??
      mockError(`request ${request.index}, but only ${replies.length} replies are scripted`);
  }
  const scenarios = { ...DEFAULT_SCENARIOS, ...options.scenarios };
  return (request) => {
    const name = request.scenario ?? 'echo';
    // `scenario: <name> <arguments>`: a scenario function reads its arguments from the request.
    const script = scenarios[name] ?? scenarios[name.split(/\s/, 1)[0] ?? ''];
    if (script === undefined) return mockError(`unknown scenario ${name}`);
    if (typeof script === 'function') return script(request);
    return script[request.step] ?? mockError(`${name} has no step ${request.step}`);
  };
}
