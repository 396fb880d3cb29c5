import { describe, expect, it } from 'vitest';
import { createResponder, locate } from './routing.js';
import type { MockRequest } from './types.js';

const body = (messages: { role: string; content: unknown }[]) => ({ model: 'm', messages });

describe('locate', () => {
  it('names the scenario of the last user message and counts the assistant turns after it', () => {
    expect(
      locate(
        body([
          { role: 'system', content: 'scenario: not-this' },
          { role: 'user', content: 'scenario: old' },
          { role: 'assistant', content: 'a' },
          { role: 'user', content: '  scenario:   two-tools  ' },
          { role: 'assistant', content: null },
          { role: 'tool', content: '{}' },
          { role: 'assistant', content: null },
          { role: 'tool', content: '{}' },
        ]),
      ),
    ).toEqual({ scenario: 'two-tools', step: 2 });
  });

  it('no scenario when the user says something else, or in parts; no user message at all', () => {
    expect(locate(body([{ role: 'user', content: 'What scenario: x' }]))).toEqual({
      scenario: undefined,
      step: 0,
    });
    expect(
      locate(body([{ role: 'user', content: [{ type: 'text', text: 'scenario: x' }] }])),
    ).toEqual({ scenario: undefined, step: 0 });
    expect(locate(body([{ role: 'assistant', content: 'x' }]))).toEqual({
      scenario: undefined,
      step: 1,
    });
  });
});

describe('createResponder', () => {
  const request = (content: string) =>
    ({ index: 1, ...locate(body([{ role: 'user', content }])) }) as unknown as MockRequest;
  const respond = createResponder({
    scenarios: { named: [{ body: 'named' }], 'named twice': [{ body: 'exact' }] },
  });

  it('`scenario: <name> <arguments>`: the exact name first, then the first word; else unknown', () => {
    expect([
      respond(request('scenario: named')).body,
      respond(request('scenario: named twice')).body,
      respond(request('scenario: named 1 2')).body,
      respond(request('scenario: unnamed 1')).body,
    ]).toEqual([
      'named',
      'exact',
      'named',
      { error: { message: 'mock: unknown scenario unnamed 1', type: 'invalid_request_error' } },
    ]);
  });
});
