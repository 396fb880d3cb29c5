// A thinking model through POST /api/chat inside workerd: each preset reads its service's
// reasoning, and the stream carries it as reasoning parts ended before the text.
import { createScriptedModel } from '@edgechat/core/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { openaiEnv, parseWire, postChat, testEnv, userSays } from './helpers.js';

const THINK_TAGGED = { text: ['<think>\n2+2', ' is 4.</thi', 'nk>\n\nIt is 4.'] };

async function deltas(env: Env, step: Parameters<typeof createScriptedModel>[0][number]) {
  const app = createApp({ model: createScriptedModel([step]), rateLimiter: null });
  const response = await postChat(app, userSays('2+2?'), env);
  expect(response.status).toBe(200);
  return parseWire(await response.text())
    .filter((chunk) => chunk.type.startsWith('reasoning-') || chunk.type.startsWith('text-'))
    .map((chunk) => ('delta' in chunk ? [chunk.type, chunk.delta] : [chunk.type]));
}

describe('reasoning through the worker', () => {
  it('a preset whose service answers in <think> tags (Ollama) streams them as reasoning', async () => {
    expect(await deltas(testEnv({ PROVIDER: 'ollama' }), THINK_TAGGED)).toEqual([
      ['reasoning-start'],
      ['reasoning-delta', '2+2'],
      ['reasoning-delta', ' is 4.'],
      ['reasoning-end'],
      ['text-start'],
      ['text-delta', 'It is 4.'],
      ['text-end'],
    ]);
  });

  it('OpenAI’s preset does not read tags: the text is the answer as written', async () => {
    expect(await deltas(openaiEnv(), THINK_TAGGED)).toEqual([
      ['text-start'],
      ['text-delta', '<think>\n2+2'],
      ['text-delta', ' is 4.</thi'],
      ['text-delta', 'nk>\n\nIt is 4.'],
      ['text-end'],
    ]);
  });

  it('DeepSeek’s reasoning_content field is reasoning', async () => {
    const env = openaiEnv({ PROVIDER: 'deepseek' });
    expect(await deltas(env, { reasoning: 'Add them.', text: '4' })).toEqual([
      ['reasoning-start'],
      ['reasoning-delta', 'Add them.'],
      ['reasoning-end'],
      ['text-start'],
      ['text-delta', '4'],
      ['text-end'],
    ]);
  });
});
