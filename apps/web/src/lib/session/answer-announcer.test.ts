import { describe, expect, it } from 'vitest';
import { createAnswerAnnouncer, markdownToSpeech } from './answer-announcer.js';

describe('createAnswerAnnouncer', () => {
  it('says each block once, as it completes, and the rest at the end', () => {
    const said: string[] = [];
    const announcer = createAnswerAnnouncer((text) => said.push(text));
    const answer = '## Seoul\n\nIt is **9:00** now.\n\n- New York: 19:00\n- London: 0:00';
    for (let end = 1; end <= answer.length; end++) announcer.update('t1', answer.slice(0, end));
    announcer.finish();
    expect(said).toEqual(['Seoul', 'It is 9:00 now.', 'New York: 19:00 London: 0:00']);
  });

  it('finishes a part when the next one starts', () => {
    const said: string[] = [];
    const announcer = createAnswerAnnouncer((text) => said.push(text));
    announcer.update('0', 'Let me check.');
    announcer.update('3', 'Done');
    announcer.finish();
    expect(said).toEqual(['Let me check.', 'Done']);
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
