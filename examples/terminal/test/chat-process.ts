import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ChatProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything written to stdout so far. */
  stdout(): string;
  stderr(): string;
  /** Types a line. */
  send(line: string): void;
  /** Closes stdin (EOF). */
  end(): void;
  /** Resolves once stdout contains `text` (after `from` characters); rejects on exit first. */
  waitFor(text: string, from?: number): Promise<void>;
  /** The exit code, once the process ended. */
  readonly exited: Promise<number | null>;
}

const running = new Set<ChildProcessWithoutNullStreams>();

/**
 * Starts the chat as a person would pipe into it: `node --import tsx src/main.ts`, stdin a
 * pipe. The environment is only what is given (plus PATH), so no OPENAI_API_KEY leaks in from
 * the shell that runs the tests. With `tty` it runs on a pseudo-terminal instead.
 */
export function startChat(
  env: Record<string, string>,
  args: string[] = [],
  options: { tty?: boolean } = {},
): ChatProcess {
  const command = [process.execPath, '--import', 'tsx', 'src/main.ts', ...args];
  // util-linux `script` runs the chat on a pseudo-terminal, as a person at a terminal sees it
  // (colours on, readline's line editing); its own stdin and stdout stay pipes for the test.
  const [file, ...argv] = options.tty
    ? ['script', '-qfec', command.map(shellQuote).join(' '), '/dev/null']
    : command;
  const child = spawn(file ?? '', argv, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  running.add(child);
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (data: string) => {
    out += data;
    for (const check of waiters) check();
  });
  child.stderr.on('data', (data: string) => {
    err += data;
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      running.delete(child);
      for (const check of waiters) check();
      resolve(code);
    });
  });

  return {
    child,
    stdout: () => out,
    stderr: () => err,
    send: (line) => child.stdin.write(`${line}\n`),
    end: () => child.stdin.end(),
    waitFor(text, from = 0) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (out.indexOf(text, from) !== -1) {
            waiters.delete(check);
            resolve();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            waiters.delete(check);
            reject(new Error(`exited before printing ${JSON.stringify(text)}:\n${out}\n${err}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
    exited,
  };
}

/** Runs the chat over `lines` piped to stdin and EOF; resolves with the whole transcript. */
export async function chatTranscript(
  env: Record<string, string>,
  lines: string[],
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const chat = startChat(env);
  for (const line of lines) chat.send(line);
  chat.end();
  const code = await chat.exited;
  return { stdout: chat.stdout(), stderr: chat.stderr(), code };
}

/** For afterEach: no chat outlives its test. */
export function killChats(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

function shellQuote(word: string): string {
  return `'${word.replaceAll("'", "'\\''")}'`;
}
