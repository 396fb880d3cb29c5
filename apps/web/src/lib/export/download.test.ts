import { describe, expect, it } from 'vitest';
import { fileNameOf } from './download.js';

describe('fileNameOf', () => {
  it('keeps letters of any script and digits, and is never empty', () => {
    expect(fileNameOf('Time in Seoul?', 'md')).toBe('Time-in-Seoul.md');
    expect(fileNameOf('서울 / 뉴욕 시간', 'json')).toBe('서울-뉴욕-시간.json');
    expect(fileNameOf('../../etc/passwd', 'md')).toBe('etc-passwd.md');
    expect(fileNameOf('???', 'md')).toBe('conversation.md');
  });
});
