import { describe, expect, it } from 'vitest';
import { openAIChunk, textAnswerChunks } from '../fixtures/openai-chunks.js';
import { errorFrame, streamOf, textAnswer, textAnswerStart } from './actions.js';

describe('stream actions', () => {
  it('streamOf: one frame per chunk, then [DONE]', () => {
    const chunks = textAnswerChunks('c', ['a']);
    expect(streamOf(chunks)).toEqual([...chunks.map((frame) => ({ frame })), { frame: '[DONE]' }]);
  });

  it('textAnswer: `between(i)` plays before delta i, from the second delta on', () => {
    const [role, a, b, c, finish, usage] = textAnswerChunks('c', ['a', 'b', 'c']);
    expect(
      textAnswer('c', ['a', 'b', 'c'], { between: (index) => [{ waitFor: `d${index}` }] }),
    ).toEqual([
      { frame: role },
      { frame: a },
      { waitFor: 'd1' },
      { frame: b },
      { waitFor: 'd2' },
      { frame: c },
      { frame: finish },
      { frame: usage },
      { frame: '[DONE]' },
    ]);
  });

  it('textAnswerStart: the role frame and the deltas, nothing after', () => {
    expect(textAnswerStart('c', ['a'])).toEqual([
      { frame: openAIChunk('c', { role: 'assistant', content: '', refusal: null }) },
      { frame: openAIChunk('c', { content: 'a' }) },
    ]);
  });

  it('errorFrame: OpenAI’s mid-stream error object', () => {
    expect(errorFrame('boom')).toEqual({
      frame: { error: { message: 'boom', type: 'server_error', param: null, code: null } },
    });
  });
});
