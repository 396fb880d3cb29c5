import { describe, expect, it } from 'vitest';
import { toUIFinishReason } from './finish-reason.js';

describe('toUIFinishReason', () => {
  it('maps every OpenAI finish reason to the protocol value', () => {
    const reasons = ['stop', 'length', 'tool_calls', 'function_call', 'content_filter'];
    expect(reasons.map(toUIFinishReason)).toEqual([
      'stop',
      'length',
      'tool-calls',
      'tool-calls',
      'content-filter',
    ]);
  });

  it('maps a missing or unknown reason to other', () => {
    expect([null, undefined, '', 'eos', 'STOP', 'tool-calls'].map(toUIFinishReason)).toEqual([
      'other',
      'other',
      'other',
      'other',
      'other',
      'other',
    ]);
  });
});
