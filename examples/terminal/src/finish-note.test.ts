import { describe, expect, it } from 'vitest';
import { finishNote } from './finish-note.js';

describe('finishNote', () => {
  it.each([
    ['length', '[stopped at the token limit — type "continue" to go on]'],
    ['content-filter', "[stopped by the provider's content filter]"],
    ['stop', undefined],
    ['tool-calls', undefined],
    ['error', undefined],
    ['other', undefined],
    [undefined, undefined],
  ] as const)('%s → %j', (reason, note) => {
    expect(finishNote(reason)).toBe(note);
  });
});
