import { describe, expect, it } from 'vitest';
import { answerSpeech, markdownToSpeech } from './answer-announcer.js';

describe('answerSpeech', () => {
  it('reads the whole answer once: every text part as speech, tools and code left out', () => {
    expect(
      answerSpeech({
        id: 'a',
        role: 'assistant',
        parts: [
          { type: 'text', text: 'Let me check.' },
          {
            type: 'dynamic-tool',
            toolCallId: 'c',
            toolName: 'get_current_time',
            state: 'output-available',
            input: {},
            output: { time: '09:00' },
          },
          { type: 'text', text: '## Seoul\n\nIt is **9:00** now.\n\n```sh\ndate\n```' },
        ],
      }),
    ).toBe('Let me check. Seoul It is 9:00 now.');
    expect(answerSpeech(undefined)).toBe('');
  });

  it('cuts a long answer', () => {
    const message = {
      id: 'a',
      role: 'assistant',
      parts: [{ type: 'text', text: 'word '.repeat(50) }],
    } as const;
    expect(answerSpeech({ ...message, parts: [...message.parts] }, 12)).toBe('word word…');
  });
});

describe('markdownToSpeech', () => {
  it.each([
    ['[the docs](https://x.example) and ![a cat](c.png)', 'the docs and a cat'],
    ['> quoted *text*', 'quoted text'],
    ['1. one\n2. two', 'one two'],
    ['| a | b |\n|---|:-:|\n| 1 | 2 |', 'a b 1 2'],
    ['Run:\n```sh\nrm -rf /\n```\nthen wait', 'Run: then wait'],
    ['```js\nunclosed', ''],
    [
      'call `get_current_time` with _care_ and **bold**!',
      'call get_current_time with care and bold!',
    ],
  ])('%j → %j', (markdown, speech) => {
    expect(markdownToSpeech(markdown)).toBe(speech);
  });
});
