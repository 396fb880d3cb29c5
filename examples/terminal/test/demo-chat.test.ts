import { afterEach, describe, expect, it } from 'vitest';
import { chatTranscript, killChats, startChat } from './chat-process.js';

// Thursday 2025-01-02 05:05 UTC; the demo model streams without delay.
const DEMO = { EDGECHAT_DEMO_DELAY_MS: '0', EDGECHAT_NOW: '2025-01-02T05:05:00Z' };

const SYSTEM = 'You are a helpful assistant. Use get_current_time for time questions.';
const SEOUL =
  '{"timezone":"Asia/Seoul","iso":"2025-01-02T14:05:00+09:00","local":"2025-01-02 14:05:00","utcOffset":"+09:00"}';
const NEW_YORK =
  '{"timezone":"America/New_York","iso":"2025-01-02T00:05:00-05:00","local":"2025-01-02 00:05:00","utcOffset":"-05:00"}';
const DEMO_NOTE = `**Demo mode** — this answer comes from edgechat's offline demo model, not from a real LLM.

- Ask about the time in a city, e.g. *"What time is it in Seoul and New York?"*: I call the \`get_current_time\` tool, once per city, in parallel.
- Add *think* to a question, e.g. *"Think it through: what time is it in Seoul?"*, to see a reasoning model's thoughts stream first, in a Thinking block.
- Everything else gets this note, streamed token by token like a real answer.
- To talk to a real model, give edgechat an OpenAI API key:

\`\`\`sh
# web app + worker: apps/worker/.dev.vars
OPENAI_API_KEY=sk-...

# terminal chat
OPENAI_API_KEY=sk-... pnpm chat
\`\`\`
`;

// Call ids are the demo's hash of the request: not this test's business.
const sameIds = (text: string): string => text.replace(/call_[0-9A-Za-z]{24}/g, 'call_…');
// The demo note as the debug view shows it inside an assistant message.
const boxedNote = (first: string): string[] =>
  DEMO_NOTE.split('\n').map((line, i) => (i === 0 ? `│ ${first}${line}` : `│   ${line}`).trimEnd());

afterEach(killChats);

describe('terminal chat with the demo model', () => {
  it('answers piped questions in turn, tool calls shown, and exits at EOF', async () => {
    const { stdout, stderr, code } = await chatTranscript(DEMO, [
      'What time is it in Seoul and New York?',
      '',
      '서울이랑 뉴욕 몇 시야?',
      'Tell me a joke',
    ]);
    expect(stdout).toBe(
      [
        'edgechat — demo model (no OPENAI_API_KEY)',
        '> What time is it in Seoul and New York?',
        `⚙ get_current_time {"timezone":"Asia/Seoul"} → ${SEOUL}`,
        `⚙ get_current_time {"timezone":"America/New_York"} → ${NEW_YORK}`,
        "It's 14:05 (Thu) in Seoul (UTC+09:00) and 00:05 (Thu) in New York (UTC-05:00).",
        '> 서울이랑 뉴욕 몇 시야?',
        `⚙ get_current_time {"timezone":"Asia/Seoul"} → ${SEOUL}`,
        `⚙ get_current_time {"timezone":"America/New_York"} → ${NEW_YORK}`,
        '서울은 지금 오후 2시 5분(목, UTC+09:00)이고, 뉴욕은 오전 12시 5분(목, UTC-05:00)입니다.',
        '> Tell me a joke',
        DEMO_NOTE,
      ].join('\n'),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('/debug shows every request in full, system and tool messages included; /reset clears', async () => {
    const { stdout, code } = await chatTranscript(DEMO, [
      '/debug',
      'What time is it in Seoul?',
      '/reset',
      'hi',
      '/debug',
      'hi again',
    ]);
    expect(sameIds(stdout).split('\n').slice(0, -1)).toEqual([
      'edgechat — demo model (no OPENAI_API_KEY)',
      '> /debug',
      'debug on: each request to the model is shown in full',
      '> What time is it in Seoul?',
      '┌─ 2 messages → model',
      `│ system: ${SYSTEM}`,
      '│ user: What time is it in Seoul?',
      '└─ tools: get_current_time',
      `⚙ get_current_time {"timezone":"Asia/Seoul"} → ${SEOUL}`,
      '┌─ 4 messages → model',
      `│ system: ${SYSTEM}`,
      '│ user: What time is it in Seoul?',
      `│ assistant: → get_current_time({"timezone":"Asia/Seoul"}) call_…`,
      `│ tool call_…: ${SEOUL}`,
      '└─ tools: get_current_time',
      "It's 14:05 (Thu) in Seoul (UTC+09:00).",
      '· finish: stop, tokens: 196 in / 19 out',
      '> /reset',
      'history cleared',
      '> hi',
      // after /reset the model sees the system prompt and the new message only
      '┌─ 2 messages → model',
      `│ system: ${SYSTEM}`,
      '│ user: hi',
      '└─ tools: get_current_time',
      ...DEMO_NOTE.split('\n').slice(0, -1),
      '· finish: stop, tokens: 43 in / 128 out',
      '> /debug',
      'debug off',
      '> hi again',
      ...DEMO_NOTE.split('\n').slice(0, -1),
    ]);
    expect(code).toBe(0);
  });

  it('keeps the history across turns', async () => {
    const { stdout } = await chatTranscript(DEMO, ['hi', 'What time is it?', '/debug', 'thanks']);
    const request = sameIds(stdout.slice(stdout.indexOf('┌─'), stdout.indexOf('└─')));
    expect(request.split('\n')).toEqual([
      '┌─ 8 messages → model',
      `│ system: ${SYSTEM}`,
      '│ user: hi',
      ...boxedNote('assistant: '),
      '│ user: What time is it?',
      '│ assistant: → get_current_time({"timezone":"UTC"}) call_…',
      '│ tool call_…: {"timezone":"UTC","iso":"2025-01-02T05:05:00+00:00","local":"2025-01-02 05:05:00","utcOffset":"+00:00"}',
      "│ assistant: It's 05:05 (Thu) in UTC (UTC+00:00).",
      '│ user: thanks',
      '',
    ]);
  });

  it('stops at /exit, leaving later lines unread', async () => {
    const { stdout, code } = await chatTranscript(DEMO, ['/help', '/nope', '/exit', 'hi']);
    expect(stdout).toBe(
      [
        'edgechat — demo model (no OPENAI_API_KEY)',
        '> /help',
        'Commands: /debug (show the messages sent to the model), /reset (clear history), /exit. Ctrl-C stops an answer; twice exits.',
        '> /nope',
        'unknown command /nope (/help lists them)',
        '> /exit',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
  });

  it('stops the answer at Ctrl-C, keeps going, and exits at the second Ctrl-C', async () => {
    const chat = startChat({ ...DEMO, EDGECHAT_DEMO_DELAY_MS: '40' });
    chat.send('Tell me a joke');
    await chat.waitFor('**Demo ');
    chat.child.kill('SIGINT');
    await chat.waitFor('[stopped]\n');
    const stopped = chat.stdout();
    // The answer stopped part-way: the note's end never came.
    expect(stopped).toMatch(
      /^edgechat — demo model \(no OPENAI_API_KEY\)\n> Tell me a joke\n\*\*Demo [^`]*\n\[stopped\]\n$/,
    );
    chat.send('What time is it in London?');
    await chat.waitFor('(UTC+00:00).\n', stopped.length);
    expect(chat.stdout().slice(stopped.length)).toBe(
      [
        '> What time is it in London?',
        '⚙ get_current_time {"timezone":"Europe/London"} → {"timezone":"Europe/London","iso":"2025-01-02T05:05:00+00:00","local":"2025-01-02 05:05:00","utcOffset":"+00:00"}',
        "It's 05:05 (Thu) in London (UTC+00:00).",
        '',
      ].join('\n'),
    );
    chat.child.kill('SIGINT'); // idle: a hint
    await chat.waitFor('(Ctrl-C again or /exit to quit)\n');
    chat.child.kill('SIGINT'); // second: exit
    expect(await chat.exited).toBe(0);
  });

  it('refuses bad arguments with the usage, exit code 2', async () => {
    const chat = startChat(DEMO, ['--frobnicate']);
    expect(await chat.exited).toBe(2);
    expect(chat.stdout()).toBe('');
    expect(chat.stderr()).toMatch(/^edgechat: unknown argument "--frobnicate"\n\nUsage: pnpm chat/);
  });
});
