// Builders for the actions of a streamed answer.
import { openAIChunk, textAnswerChunks } from '../fixtures/openai-chunks.js';
import type { OpenAIChunk } from '../fixtures/wire-types.js';
import type { MockAction } from './types.js';

/** Each chunk as a frame, then `data: [DONE]`: a whole stream as OpenAI ends it. */
export function streamOf(chunks: readonly OpenAIChunk[]): MockAction[] {
  return [...chunks.map((chunk) => ({ frame: chunk })), { frame: '[DONE]' }];
}

/** A text answer that stops short: the role frame and one frame per delta, nothing after. */
export function textAnswerStart(id: string, deltas: readonly string[]): MockAction[] {
  return [
    { frame: openAIChunk(id, { role: 'assistant', content: '', refusal: null }) },
    ...deltas.map((content) => ({ frame: openAIChunk(id, { content }) })),
  ];
}

/**
 * A whole text answer: role frame, one frame per delta, finish, usage, [DONE]. `between(i)`
 * gives actions to play before delta `i` (from 1): pauses, barriers.
 */
export function textAnswer(
  id: string,
  deltas: readonly string[],
  options: { between?: (index: number) => MockAction[] } = {},
): MockAction[] {
  const actions: MockAction[] = [];
  textAnswerChunks(id, deltas).forEach((chunk, position) => {
    // Position 0 is the role chunk: deltas are at 1…deltas.length.
    const index = position - 1;
    if (index > 0 && index < deltas.length) actions.push(...(options.between?.(index) ?? []));
    actions.push({ frame: chunk });
  });
  actions.push({ frame: '[DONE]' });
  return actions;
}

/** OpenAI's mid-stream error frame, `data: {"error":{…}}`. */
export function errorFrame(message: string, type = 'server_error'): MockAction {
  return { frame: { error: { message, type, param: null, code: null } } };
}
