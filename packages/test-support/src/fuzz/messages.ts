import fc from 'fast-check';
import { surrogateString } from './hostile-values.js';

// Valid request values, as JSON: UI messages in both forms (`parts`, and `{role, content}`) and
// whole `POST /api/chat` bodies. Fuzz tests start from these and mutate them, so most cases get
// past the first checks and reach the deeper ones.

/** Text a user message may carry: it has something besides white space. */
const userText = fc
  .tuple(fc.constantFrom('hi', 'What time is it?', '시간?', 'x'), fc.string({ maxLength: 12 }))
  .map(([word, rest]) => word + rest);
const anyText = fc.oneof(fc.string({ maxLength: 16 }), surrogateString);
const messageId = fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined });
const metadata = fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined });

const textPart = (text: fc.Arbitrary<string>) =>
  fc.record(
    { type: fc.constant('text'), text, state: fc.constantFrom('streaming', 'done') },
    { requiredKeys: ['type', 'text'] },
  );
const dataPart = fc.record(
  {
    type: fc.constantFrom('data-note', 'data-debug', 'data-x'),
    id: fc.string({ maxLength: 6 }),
    data: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: ['type', 'data'] },
);
const toolPart = fc
  .record({
    // Registered in the worker: a call to any other tool is a forged one (mutations make those).
    toolName: fc.constant('get_current_time'),
    toolCallId: fc.string({ minLength: 1, maxLength: 8 }),
    input: fc.jsonValue({ maxDepth: 2 }),
    output: fc.jsonValue({ maxDepth: 2 }),
    errorText: anyText,
    state: fc.constantFrom(
      'input-streaming',
      'input-available',
      'output-available',
      'output-error',
    ),
  })
  .map(({ toolName, toolCallId, input, output, errorText, state }) => ({
    type: 'dynamic-tool',
    toolName,
    toolCallId,
    state,
    input,
    ...(state === 'output-available' ? { output } : {}),
    ...(state === 'output-error' ? { errorText } : {}),
  }));
const assistantPart = fc.oneof(
  textPart(anyText),
  fc.record({ type: fc.constant('reasoning'), text: anyText }),
  fc.constant({ type: 'step-start' }),
  toolPart,
  dataPart,
);

const withOptional = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

export const userMessage: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  userText.map((content) => ({ role: 'user', content })),
  fc
    .tuple(
      messageId,
      textPart(userText),
      fc.array(fc.oneof(textPart(anyText), dataPart), { maxLength: 2 }),
      metadata,
    )
    .map(([id, text, more, meta]) =>
      withOptional({ id, role: 'user', parts: [text, ...more], metadata: meta }),
    ),
);

export const assistantMessage: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  anyText.map((content) => ({ role: 'assistant', content })),
  fc
    .tuple(messageId, fc.array(assistantPart, { maxLength: 4 }), metadata)
    .map(([id, parts, meta]) => withOptional({ id, role: 'assistant', parts, metadata: meta })),
);

/** A conversation a chat request may carry: any turns, the last one the user's. */
export const conversation: fc.Arbitrary<Record<string, unknown>[]> = fc
  .tuple(fc.array(fc.oneof(userMessage, assistantMessage), { maxLength: 4 }), userMessage)
  .map(([history, last]) => [...history, last]);

/** A chat id the worker accepts: 16–128 characters of [A-Za-z0-9_-]. */
export const chatId: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...'abcXYZ019_-'),
  minLength: 16,
  maxLength: 128,
});

export interface ChatBodyOptions {
  /** Give the body a chat id (its answer then comes from the chat's Durable Object). */
  withId?: boolean;
  /** The models the body may name. */
  models?: readonly string[];
}

/** A valid `POST /api/chat` body, with what AI SDK clients send besides (`trigger`, …). */
export function chatBody(options: ChatBodyOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const models = options.models ?? [];
  return fc
    .record({
      messages: conversation,
      id: options.withId === true ? chatId : fc.constant(undefined),
      model:
        models.length === 0
          ? fc.constant(undefined)
          : fc.option(fc.constantFrom(...models), { nil: undefined }),
      trigger: fc.option(fc.constantFrom('submit-message', 'regenerate-message'), {
        nil: undefined,
      }),
    })
    .map(withOptional);
}
