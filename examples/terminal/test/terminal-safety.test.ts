import { openAIChunk, textAnswerChunks, type OpenAIChunk } from '@edgechat/test-support/fixtures';
import { startMockOpenAI, streamOf, type MockOpenAI } from '@edgechat/test-support/mock-openai';
import { afterEach, describe, expect, it } from 'vitest';
import { chatTranscript, killChats, startChat } from './chat-process.js';

const ESC = '\u001b';

// A model that tries its luck: a tool call whose arguments carry an OSC 52 clipboard write,
// then thinking with an OSC 0 title change and an answer with OSC 52, CSI 2J (clear screen),
// a bidi override and a one-byte C1 CSI, every sequence cut across deltas.
const toolRound: OpenAIChunk[] = [
  openAIChunk('chatcmpl-evil-1', { role: 'assistant', content: null, refusal: null }),
  openAIChunk('chatcmpl-evil-1', {
    tool_calls: [
      {
        index: 0,
        id: 'call_evil',
        type: 'function',
        function: { name: 'get_current_time', arguments: '{"timezone":"\\u001b]52;c;' },
      },
    ],
  }),
  openAIChunk('chatcmpl-evil-1', {
    tool_calls: [{ index: 0, function: { arguments: 'ZXZpbA==\\u0007"}' } }],
  }),
  openAIChunk('chatcmpl-evil-1', {}, 'tool_calls'),
];
const answerRound: OpenAIChunk[] = [
  openAIChunk('chatcmpl-evil-2', { role: 'assistant', content: '', refusal: null }),
  openAIChunk('chatcmpl-evil-2', { reasoning_content: `Plan ${ESC}]0;ti` }),
  openAIChunk('chatcmpl-evil-2', { reasoning_content: 'tle\u0007' }),
  ...textAnswerChunks('chatcmpl-evil-2', [
    `Copied${ESC}]52;c;ZXZp`,
    'bA==\u0007 ',
    `${ESC}[2`,
    'J cleared \u202egnp.exe\u009b2J',
  ]).slice(1),
];

let mock: MockOpenAI | undefined;

async function startEvilModel(): Promise<Record<string, string>> {
  mock = await startMockOpenAI({
    replies: [{ actions: streamOf(toolRound) }, { actions: streamOf(answerRound) }],
  });
  return {
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: mock.url,
    MODEL: 'gpt-test',
    EDGECHAT_NOW: '2025-06-01T12:00:00Z',
  };
}

afterEach(async () => {
  killChats();
  await mock?.stop();
  mock = undefined;
});

describe('terminal chat: escape sequences from the model never reach the terminal', () => {
  it('piped, not one escape character is written; the sequences are shown instead', async () => {
    const { stdout, code } = await chatTranscript(await startEvilModel(), ['Copy this']);
    expect(code).toBe(0);
    expect(stdout).not.toContain(ESC);
    expect(stdout).not.toContain('\u0007');
    expect(stdout).not.toContain('\u009b');
    expect(stdout).not.toContain('\u202e');
    expect(stdout.split('\n').slice(1)).toEqual([
      '> Copy this',
      '⚙ get_current_time {"timezone":"\\u001b]52;c;ZXZpbA==\\u0007"} ✗ Unknown time zone ' +
        '"\\u001b]52;c;ZXZpbA==\\u0007"; use an IANA name like "Asia/Seoul" or "America/New_York"',
      '… Plan ␛]0;title␇',
      'Copied␛]52;c;ZXZpbA==␇ ␛[2J cleared \\u{202e}gnp.exe\\u{9b}2J',
      '',
    ]);
  });

  /** A turn at a (pseudo-)terminal: the whole output, readline's prompts and echo included. */
  async function terminalTurn(env: Record<string, string>): Promise<string> {
    const chat = startChat({ ...(await startEvilModel()), ...env }, [], { tty: true });
    await chat.waitFor('> ');
    chat.send('Copy this');
    await chat.waitFor('cleared');
    await chat.waitFor('> ', chat.stdout().indexOf('cleared'));
    chat.send('/exit');
    await chat.exited;
    return chat.stdout();
  }
  // readline's own line editing: cursor to a column, erase to the end of the screen or line.
  const LINE_EDITING = new RegExp(`${ESC}\\[(?:\\d+G|0J|0K)`, 'gu');

  it('on a terminal, the only escape sequences are the chat\u2019s dim style and line editing', async () => {
    const out = await terminalTurn({});
    expect(out).toContain(`${ESC}[2mPlan ␛]0;title␇${ESC}[22m`);
    expect(out).toContain('Copied␛]52;c;ZXZpbA==␇ ␛[2J cleared \\u{202e}gnp.exe\\u{9b}2J');
    expect(
      out.replace(LINE_EDITING, '').replaceAll(`${ESC}[2m`, '').replaceAll(`${ESC}[22m`, ''),
    ).not.toContain(ESC);
    expect(out).not.toContain('\u0007');
    expect(out).not.toContain('\u009b');
  });

  it('on a terminal with NO_COLOR, no style at all: thinking is marked "… " instead', async () => {
    const out = await terminalTurn({ NO_COLOR: '1' });
    expect(out).toContain('… Plan ␛]0;title␇');
    expect(out).toContain('Copied␛]52;c;ZXZpbA==␇ ␛[2J cleared \\u{202e}gnp.exe\\u{9b}2J');
    expect(out.replace(LINE_EDITING, '')).not.toContain(ESC);
  });
});
