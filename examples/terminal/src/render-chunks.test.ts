import type { UIMessageChunk } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { createChunkRenderer, type ReasoningDisplay } from './render-chunks.js';
import { createTerminalOutput } from './terminal-output.js';

function render(
  chunks: UIMessageChunk[],
  verbose = false,
  reasoning: ReasoningDisplay = 'dim',
  color = true,
): string[] {
  const writes: string[] = [];
  const renderer = createChunkRenderer(
    createTerminalOutput((text) => writes.push(text)),
    { verbose: () => verbose, reasoning, color },
  );
  for (const chunk of chunks) renderer.push(chunk);
  return writes;
}

const seoul = { timezone: 'Asia/Seoul', iso: '2025-01-02T14:05:00+09:00' };

describe('createChunkRenderer', () => {
  it('writes each text delta as it comes, then ends the line at finish', () => {
    expect(
      render([
        { type: 'start', messageId: 'm' },
        { type: 'start-step' },
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: 'Hel' },
        { type: 'text-delta', id: 't', delta: 'lo!' },
        { type: 'text-end', id: 't' },
        { type: 'finish-step' },
        { type: 'finish', finishReason: 'stop' },
      ]),
    ).toEqual(['Hel', 'lo!', '\n']);
  });

  describe('the model\u2019s thinking, before the answer', () => {
    const thought: UIMessageChunk[] = [
      { type: 'start-step' },
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: 'Seoul is ' },
      { type: 'reasoning-delta', id: 'r', delta: 'UTC+9.\nSo 21:00.' },
      { type: 'reasoning-end', id: 'r' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: '9 pm.' },
      { type: 'text-end', id: 't' },
      { type: 'finish', finishReason: 'stop' },
    ];

    it('is dimmed on a terminal, on lines of its own', () => {
      expect(render(thought).join('')).toBe(
        '\u001b[2mSeoul is UTC+9.\nSo 21:00.\u001b[22m\n9 pm.\n',
      );
    });

    it('is marked with "… " where there are no styles, and left out when hidden', () => {
      expect(render(thought, false, 'plain').join('')).toBe(
        '… Seoul is UTC+9.\n… So 21:00.\n9 pm.\n',
      );
      expect(render(thought, false, 'hidden').join('')).toBe('9 pm.\n');
    });

    it('ends when the answer starts even without reasoning-end, and never stays dim', () => {
      const cut = thought.filter((chunk) => chunk.type !== 'reasoning-end');
      expect(render(cut).join('')).toBe('\u001b[2mSeoul is UTC+9.\nSo 21:00.\u001b[22m\n9 pm.\n');
      const aborted: UIMessageChunk[] = [...thought.slice(0, 3), { type: 'abort' }];
      expect(render(aborted).join('')).toBe('\u001b[2mSeoul is \u001b[22m\n[stopped]\n');
    });
  });

  it('prints a line per tool call with its arguments and result, in result order', () => {
    expect(
      render([
        { type: 'start-step' },
        { type: 'tool-input-start', toolCallId: 'a', toolName: 'get_current_time', dynamic: true },
        { type: 'tool-input-delta', toolCallId: 'a', inputTextDelta: '{"timezone":"Asia/Seoul"}' },
        { type: 'tool-input-start', toolCallId: 'b', toolName: 'get_current_time', dynamic: true },
        {
          type: 'tool-input-available',
          toolCallId: 'a',
          toolName: 'get_current_time',
          input: { timezone: 'Asia/Seoul' },
        },
        {
          type: 'tool-input-error',
          toolCallId: 'b',
          toolName: 'get_current_time',
          input: '{"timezone":',
          errorText: 'Invalid JSON',
        },
        { type: 'tool-output-available', toolCallId: 'a', output: seoul },
        { type: 'finish-step' },
        { type: 'start-step' },
        { type: 'text-delta', id: 't', delta: 'It is 14:05.' },
        { type: 'finish', finishReason: 'stop' },
      ]),
    ).toEqual([
      '⚙ get_current_time "{\\"timezone\\":" ✗ Invalid JSON\n',
      '⚙ get_current_time {"timezone":"Asia/Seoul"} → {"timezone":"Asia/Seoul","iso":"2025-01-02T14:05:00+09:00"}\n',
      'It is 14:05.',
      '\n',
    ]);
  });

  it('prints tool failures, errors and aborts on lines of their own', () => {
    expect(
      render([
        { type: 'text-delta', id: 't', delta: 'Let me check' },
        {
          type: 'tool-input-available',
          toolCallId: 'a',
          toolName: 'get_current_time',
          input: { timezone: 'Mars/Base' },
        },
        { type: 'tool-output-error', toolCallId: 'a', errorText: 'Unknown time zone' },
        { type: 'tool-output-available', toolCallId: 'zz', output: 1 },
        { type: 'text-delta', id: 't', delta: 'Sorry' },
        { type: 'error', errorText: 'The model service failed.' },
        { type: 'abort' },
      ]),
    ).toEqual([
      'Let me check',
      '\n',
      '⚙ get_current_time {"timezone":"Mars/Base"} ✗ Unknown time zone\n',
      '⚙ zz → 1\n',
      'Sorry',
      '\n',
      '✗ The model service failed.\n',
      '[stopped]\n',
    ]);
  });

  it('shortens long results', () => {
    const [line] = render([
      { type: 'tool-input-available', toolCallId: 'a', toolName: 'echo', input: {} },
      { type: 'tool-output-available', toolCallId: 'a', output: 'x'.repeat(400) },
    ]);
    expect(line).toBe(`⚙ echo {} → "${'x'.repeat(299)}…\n`);
  });

  it('reports finish reason and usage in verbose mode', () => {
    expect(
      render(
        [
          { type: 'text-delta', id: 't', delta: 'Hi' },
          {
            type: 'finish',
            finishReason: 'stop',
            messageMetadata: {
              usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
            },
          },
          { type: 'finish' },
        ],
        true,
      ),
    ).toEqual(['Hi', '\n', '· finish: stop, tokens: 12 in / 3 out\n', '· finish: unknown\n']);
  });

  describe('an answer that did not end on its own', () => {
    const cut = (finishReason: 'length' | 'content-filter'): UIMessageChunk[] => [
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Once upon' },
      { type: 'text-end', id: 't' },
      { type: 'finish', finishReason },
    ];
    const LIMIT = '[stopped at the token limit — type "continue" to go on]';
    const FILTER = "[stopped by the provider's content filter]";

    it('says so on a dimmed line of its own on a terminal', () => {
      expect(render(cut('length'))).toEqual(['Once upon', '\n', `\u001b[2m${LIMIT}\u001b[22m\n`]);
      expect(render(cut('content-filter'))).toEqual([
        'Once upon',
        '\n',
        `\u001b[2m${FILTER}\u001b[22m\n`,
      ]);
    });

    it('plainly without color (piped, NO_COLOR), before the debug line', () => {
      expect(render(cut('length'), true, 'plain', false).join('')).toBe(
        `Once upon\n${LIMIT}\n· finish: length\n`,
      );
      expect(render(cut('content-filter'), false, 'hidden', false).join('')).toBe(
        `Once upon\n${FILTER}\n`,
      );
    });

    it.each(['stop', 'tool-calls', 'error', 'other', undefined] as const)(
      'no note for %s',
      (finishReason) => {
        expect(
          render([
            { type: 'text-delta', id: 't', delta: 'Done.' },
            finishReason === undefined ? { type: 'finish' } : { type: 'finish', finishReason },
          ]),
        ).toEqual(['Done.', '\n']);
      },
    );
  });

  describe('escape sequences from the model, a tool or the server', () => {
    const ESC = '\u001b';
    // OSC 52 (clipboard), OSC 0 (title), CSI 2J (clear screen) and a bidi override, with the
    // sequences cut across deltas.
    const hostile: UIMessageChunk[] = [
      { type: 'start-step' },
      { type: 'reasoning-delta', id: 'r', delta: `think ${ESC}]0;ti` },
      { type: 'reasoning-delta', id: 'r', delta: `tle\u0007` },
      { type: 'text-delta', id: 't', delta: `a${ESC}` },
      { type: 'text-delta', id: 't', delta: ']52;c;ZXZpbA==\u0007b' },
      { type: 'text-delta', id: 't', delta: `${ESC}[2` },
      { type: 'text-delta', id: 't', delta: 'Jc\u202egnp.exe\u009b' },
      { type: 'tool-input-start', toolCallId: 'c1', toolName: `clock${ESC}[2J` },
      {
        type: 'tool-input-available',
        toolCallId: 'c1',
        toolName: `clock${ESC}[2J`,
        input: { zone: `${ESC}]52;c;eA==\u0007\u202e` },
      },
      { type: 'tool-output-available', toolCallId: 'c1', output: { text: '\u009b2J\u2066' } },
      { type: 'tool-output-error', toolCallId: 'c2', errorText: `bad${ESC}[2J` },
      { type: 'error', errorText: `upstream ${ESC}]0;x\u0007` },
      { type: 'finish', finishReason: 'stop' },
    ];

    it('are shown, not obeyed, and the renderer keeps its own dim style', () => {
      expect(render(hostile).join('')).toBe(
        `${ESC}[2mthink ␛]0;title␇${ESC}[22m\n` +
          'a␛]52;c;ZXZpbA==␇b␛[2Jc\\u{202e}gnp.exe\\u{9b}\n' +
          '⚙ clock␛[2J {"zone":"\\u001b]52;c;eA==\\u0007\\u{202e}"} → {"text":"\\u{9b}2J\\u{2066}"}\n' +
          '⚙ c2 ✗ bad␛[2J\n' +
          '✗ upstream ␛]0;x␇\n',
      );
    });

    it('leave no escape character at all without colour', () => {
      const out = render(hostile, true, 'plain', false).join('');
      expect(out).toContain('… think ␛]0;title␇\na␛]52;c;ZXZpbA==␇b');
      expect(out).not.toContain(ESC);
      expect(out).not.toContain('\u0007');
      expect(out).not.toContain('\u009b');
    });
  });
});
