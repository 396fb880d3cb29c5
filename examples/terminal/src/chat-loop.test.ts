import { PassThrough } from 'node:stream';
import { createInterface } from 'node:readline';
import type { OpenAIMessage, UIMessageChunk } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { createChatLoop } from './chat-loop.js';
import type { ChatSession } from './chat-session.js';
import { createTerminalOutput } from './terminal-output.js';

/** A session that answers each message with `answer: <text>` — or waits for an abort. */
function fakeSession(options: { hang?: boolean } = {}) {
  const sent: string[] = [];
  const signals: AbortSignal[] = [];
  let resets = 0;
  const session: ChatSession = {
    messages: [] as OpenAIMessage[],
    async send(text, { signal, onChunk }) {
      sent.push(text);
      signals.push(signal);
      const chunk = (value: UIMessageChunk): void => onChunk(value);
      chunk({ type: 'text-delta', id: 't', delta: `answer: ${text}` });
      if (options.hang === true) {
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
        chunk({ type: 'abort' });
        return;
      }
      chunk({ type: 'finish', finishReason: 'stop' });
    },
    reset() {
      resets++;
    },
  };
  return { session, sent, signals, resets: () => resets };
}

function loopOver(session: ChatSession, interactive = false) {
  const input = new PassThrough();
  const lines = createInterface({ input, terminal: false });
  let out = '';
  const debug = { on: false };
  const loop = createChatLoop({
    lines,
    output: createTerminalOutput((text) => (out += text)),
    session,
    interactive,
    debug,
  });
  return { input, loop, debug, output: () => out };
}

describe('createChatLoop', () => {
  it('answers lines in turn, runs commands, and stops at /exit', async () => {
    const fake = fakeSession();
    const { input, loop, debug, output } = loopOver(fake.session);
    input.end(['one', '', '/debug', '/reset', '/what', 'two', '/exit', 'three', ''].join('\n'));
    await loop.run();
    expect(fake.sent).toEqual(['one', 'two']);
    expect(fake.resets()).toBe(1);
    expect(debug.on).toBe(true);
    expect(output()).toBe(
      [
        '> one',
        'answer: one',
        '> /debug',
        'debug on: each request to the model is shown in full',
        '> /reset',
        'history cleared',
        '> /what',
        'unknown command /what (/help lists them)',
        '> two',
        'answer: two',
        // verbose after /debug: the renderer reports the finish
        '· finish: stop',
        '> /exit',
        '',
      ].join('\n'),
    );
  });

  it('ends at EOF after the last answer', async () => {
    const fake = fakeSession();
    const { input, loop, output } = loopOver(fake.session);
    input.end('last question');
    await loop.run();
    expect(output()).toBe('> last question\nanswer: last question\n');
  });

  it('Ctrl-C aborts the running answer, a second one exits', async () => {
    const fake = fakeSession({ hang: true });
    const { input, loop, output } = loopOver(fake.session);
    const running = loop.run();
    input.write('wait forever\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.signals[0]?.aborted).toBe(false);
    loop.interrupt();
    expect(fake.signals[0]?.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    loop.interrupt();
    await running;
    expect(output()).toBe('> wait forever\nanswer: wait forever\n[stopped]\n');
  });

  it('Ctrl-C when idle hints first', async () => {
    const fake = fakeSession();
    const { loop, output } = loopOver(fake.session);
    const running = loop.run();
    loop.interrupt();
    expect(output()).toBe('(Ctrl-C again or /exit to quit)\n');
    loop.interrupt();
    await running;
    expect(fake.sent).toEqual([]);
  });
});
