// `pnpm --filter @edgechat/worker soak -- --minutes 5 [--concurrency 50] [--seed 123]`:
// runs test/load/soak.soak.ts for a bounded time. wrangler dev runs in its own process group
// (it must, to be stopped with workerd), so Ctrl-C in the terminal does not reach it: the soak
// stops it on a signal, and this wrapper stops it again from its pid file whatever way the
// run ended.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAX_MINUTES = 24 * 60;
const USAGE =
  'usage: pnpm --filter @edgechat/worker soak -- [--minutes N] [--concurrency N] [--seed N]\n' +
  `  --minutes      how long, fractions allowed (default 5, at most ${MAX_MINUTES})\n` +
  '  --concurrency  chats in flight at once (default 50, 1 to 500)\n' +
  '  --seed         the fault mix seed, printed by every run (default: random)';

/** The options, or a message saying what is wrong. */
export function parseSoakArgs(argv) {
  const options = { minutes: 5, concurrency: 50, seed: undefined };
  const limits = {
    minutes: (value) => value > 0 && value <= MAX_MINUTES,
    concurrency: (value) => Number.isInteger(value) && value >= 1 && value <= 500,
    seed: (value) => Number.isInteger(value) && value >= 0 && value < 2 ** 32,
  };
  const args = argv.filter((arg) => arg !== '--');
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return { help: USAGE };
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split('=', 2) : [arg];
    if (!(flag in limits)) return { error: `unknown argument ${arg}\n${USAGE}` };
    const raw = inline ?? args[++i];
    const value = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
    if (!limits[flag](value)) return { error: `--${flag} ${raw ?? ''}: out of range\n${USAGE}` };
    options[flag] = value;
  }
  return { options };
}

function main() {
  const parsed = parseSoakArgs(process.argv.slice(2));
  if (parsed.help) {
    console.log(parsed.help);
    return;
  }
  if (parsed.error) {
    console.error(parsed.error);
    process.exitCode = 2;
    return;
  }
  const { minutes, concurrency, seed } = parsed.options;
  const workerDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  const tmp = mkdtempSync(join(tmpdir(), 'edgechat-soak-'));
  const pidFile = join(tmp, 'wrangler.pid');
  const child = spawn(
    join(workerDir, 'node_modules', '.bin', 'vitest'),
    ['run', '--config', 'vitest.soak.config.ts'],
    {
      cwd: workerDir,
      stdio: 'inherit',
      env: {
        ...process.env,
        SOAK_MINUTES: String(minutes),
        SOAK_CONCURRENCY: String(concurrency),
        ...(seed === undefined ? {} : { SOAK_SEED: String(seed) }),
        SOAK_PIDFILE: pidFile,
      },
    },
  );
  // A terminal's Ctrl-C reaches vitest too (same process group); a kill of this wrapper only
  // reaches it through here.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    stopWrangler(pidFile);
    rmSync(tmp, { recursive: true, force: true });
    process.exitCode = code ?? (signal === 'SIGINT' ? 130 : 1);
  });
}

/** Kills wrangler dev's process group, if the soak got as far as starting it and it lives on. */
function stopWrangler(pidFile) {
  let pid;
  try {
    pid = Number(readFileSync(pidFile, 'utf8'));
  } catch {
    return; // never started
  }
  if (!Number.isInteger(pid) || pid <= 1) return;
  try {
    process.kill(-pid, 'SIGKILL');
    console.error(`soak: stopped wrangler dev (process group ${pid}) left behind`);
  } catch {
    // already gone: the soak stopped it
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
