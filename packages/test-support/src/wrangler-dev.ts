// Starts a real `wrangler dev` of apps/worker for end-to-end tests (the worker's, the web app's)
// and the load check: free ports, vars from the caller (never from a developer's .dev.vars), its
// own process group so that stopping it also stops workerd, and readiness = /api/health answering.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUTPUT_LIMIT = 8 * 1024 * 1024;
const TRUNCATED = '\n[wrangler output truncated at 8 MiB]\n';

/** apps/worker: its wrangler.jsonc, and the wrangler it installs. */
export const WORKER_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'apps',
  'worker',
);

export interface WranglerDev {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** wrangler's pid, which is also its process group (workerd is in it). */
  pid: number;
  /** Everything wrangler (and the worker's console) printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface WranglerDevOptions {
  /** wrangler's --log-level; `log` (default) prints a line per request and the worker's console. */
  logLevel?: 'log' | 'warn' | 'error';
  timeoutMs?: number;
  /** A wrangler config other than apps/worker/wrangler.jsonc, relative to apps/worker (benchmarks). */
  config?: string;
}

export async function startWranglerDev(
  vars: Record<string, string>,
  { logLevel = 'log', timeoutMs = 90_000, config }: WranglerDevOptions = {},
): Promise<WranglerDev> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  // An empty env file: with --env-file, wrangler does not read .dev.vars (which may hold a real key).
  const tmp = mkdtempSync(join(tmpdir(), 'edgechat-e2e-'));
  const envFile = join(tmp, 'empty.env');
  writeFileSync(envFile, '');
  const args = [
    'dev',
    ...(config === undefined ? [] : ['--config', config]),
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
    '--ip',
    '127.0.0.1',
    '--env-file',
    envFile,
    // Its own Durable Object state: runs (and parallel runs) must not see each other's chats
    // or per-client stream leases.
    '--persist-to',
    join(tmp, 'state'),
    '--show-interactive-dev-session=false',
    '--log-level',
    logLevel,
    ...Object.entries(vars).flatMap(([key, value]) => ['--var', `${key}:${value}`]),
  ];
  const child = spawn(join(WORKER_DIR, 'node_modules', '.bin', 'wrangler'), args, {
    cwd: WORKER_DIR,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      TURBO_TELEMETRY_DISABLED: '1',
      // Wrangler's update check and colours only add noise to the captured output.
      WRANGLER_LOG_SANITIZE: 'false',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
  });
  // Capped: a workerd in trouble can print hundreds of MB, more than a string may hold.
  let output = '';
  const capture = (data: Buffer): void => {
    if (output.length < OUTPUT_LIMIT) output += data.toString();
    else if (!output.endsWith(TRUNCATED)) output += TRUNCATED;
  };
  child.stdout?.on('data', capture);
  child.stderr?.on('data', capture);
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    await killGroup(child);
    rmSync(tmp, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev not ready after ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, pid: child.pid as number, output: () => output, stop };
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}
