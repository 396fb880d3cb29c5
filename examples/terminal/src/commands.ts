export type Input =
  | { type: 'message'; text: string }
  | { type: 'debug' }
  | { type: 'reset' }
  | { type: 'help' }
  | { type: 'exit' }
  | { type: 'unknown'; command: string }
  | { type: 'empty' };

const COMMANDS: Record<string, Input> = {
  '/debug': { type: 'debug' },
  '/reset': { type: 'reset' },
  '/help': { type: 'help' },
  '/exit': { type: 'exit' },
  '/quit': { type: 'exit' },
};

export const HELP =
  'Commands: /debug (show the messages sent to the model), /reset (clear history), /exit. Ctrl-C stops an answer; twice exits.';

/**
 * One line typed at the prompt: a command (`/debug`, case-insensitive, surrounding spaces
 * ignored), or a message. A line starting with `//` is a message that starts with `/`.
 */
export function parseInput(line: string): Input {
  const text = line.trim();
  if (text === '') return { type: 'empty' };
  if (text.startsWith('//')) return { type: 'message', text: text.slice(1) };
  if (!text.startsWith('/')) return { type: 'message', text };
  const command = text.split(/\s+/, 1)[0]?.toLowerCase() ?? text;
  return COMMANDS[command] ?? { type: 'unknown', command };
}
