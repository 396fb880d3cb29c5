import type { Interface as ReadlineInterface } from 'node:readline';
import { createChunkRenderer, type ReasoningDisplay } from './render-chunks.js';
import type { ChatSession } from './chat-session.js';
import { HELP, parseInput } from './commands.js';
import { createInterruptPolicy } from './interrupts.js';
import { safeText } from './safe-text.js';
import type { TerminalOutput } from './terminal-output.js';

export interface ChatLoopOptions {
  lines: ReadlineInterface;
  output: TerminalOutput;
  session: ChatSession;
  /** A person at a TTY: show a prompt. Otherwise (piped stdin) each line is echoed as `> line`. */
  interactive: boolean;
  /** Debug view on at start; `/debug` toggles it. */
  debug: { on: boolean };
  /** How the model's thinking is shown. Default `dim`. */
  reasoning?: ReasoningDisplay;
  /** ANSI styles for notes (token limit, content filter). Default on. */
  color?: boolean;
}

export interface ChatLoop {
  /** Reads lines until EOF, `/exit` or a second Ctrl-C; answers each in turn. */
  run(): Promise<void>;
  /** Ctrl-C: stops the answer, or (the second time) exits. */
  interrupt(): void;
}

export function createChatLoop(options: ChatLoopOptions): ChatLoop {
  const { lines, output, session, interactive, debug } = options;
  const renderer = createChunkRenderer(output, {
    verbose: () => debug.on,
    reasoning: options.reasoning ?? 'dim',
    color: options.color ?? true,
  });
  const interrupts = createInterruptPolicy();
  // Taken now, not in run(): readline's iterator only buffers lines emitted after it exists,
  // and a piped stdin can deliver (and end) before run() is called.
  const incoming = lines[Symbol.asyncIterator]();
  let current: AbortController | undefined;
  let closed = false;

  const prompt = (): void => {
    if (interactive && !closed) lines.prompt();
  };
  const close = (): void => {
    if (closed) return;
    closed = true;
    lines.close();
  };

  async function answer(text: string): Promise<void> {
    const controller = new AbortController();
    current = controller;
    try {
      await session.send(text, { signal: controller.signal, onChunk: renderer.push });
    } catch (error) {
      // runChat reports failures as chunks; this is a bug or a broken pipe, not a bad answer.
      output.line(`✗ ${safeText(error instanceof Error ? error.message : String(error))}`);
    } finally {
      current = undefined;
      output.endLine();
    }
  }

  return {
    async run() {
      prompt();
      for (let next = await incoming.next(); next.done !== true; next = await incoming.next()) {
        if (closed) break;
        const line = next.value;
        interrupts.reset();
        const input = parseInput(line);
        if (!interactive && input.type !== 'empty') output.line(`> ${safeText(line.trim())}`);
        switch (input.type) {
          case 'message':
            await answer(input.text);
            break;
          case 'debug':
            debug.on = !debug.on;
            output.line(
              debug.on ? 'debug on: each request to the model is shown in full' : 'debug off',
            );
            break;
          case 'reset':
            session.reset();
            output.line('history cleared');
            break;
          case 'help':
            output.line(HELP);
            break;
          case 'exit':
            close();
            break;
          case 'unknown':
            output.line(`unknown command ${safeText(input.command)} (/help lists them)`);
            break;
          case 'empty':
            break;
        }
        if (closed) break;
        prompt();
      }
      close();
    },
    interrupt() {
      const action = interrupts.interrupt(current !== undefined);
      if (action === 'abort') current?.abort();
      else if (action === 'hint') {
        output.line('(Ctrl-C again or /exit to quit)');
        prompt();
      } else {
        current?.abort();
        output.endLine();
        close();
      }
    },
  };
}
