import { describe, expect, it } from 'vitest';
import { parseInput } from './commands.js';

describe('parseInput', () => {
  it.each([
    ['/debug', { type: 'debug' }],
    ['  /DEBUG  ', { type: 'debug' }],
    ['/reset', { type: 'reset' }],
    ['/help', { type: 'help' }],
    ['/exit', { type: 'exit' }],
    ['/quit', { type: 'exit' }],
    ['/exit now', { type: 'exit' }],
    ['/frobnicate it', { type: 'unknown', command: '/frobnicate' }],
    ['/', { type: 'unknown', command: '/' }],
    ['//etc/hosts is a file', { type: 'message', text: '/etc/hosts is a file' }],
    ['  What time is it?  ', { type: 'message', text: 'What time is it?' }],
    ['서울 몇 시?', { type: 'message', text: '서울 몇 시?' }],
    ['', { type: 'empty' }],
    [' \t ', { type: 'empty' }],
  ])('%j → %j', (line, input) => {
    expect(parseInput(line)).toEqual(input);
  });
});
