// `pnpm bench`: the gzip size of the worker bundle (goal: ≤ 120 KB), built exactly as
// `wrangler deploy` would, and — per our "ratio against a baseline" rule — the same measure of
// two baselines built the same way in the same run: a bare Hono hello world and the openai SDK
// alone, so the number means something on any machine and any wrangler version.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wrangler = join(root, 'node_modules', '.bin', 'wrangler');
const tmp = mkdtempSync(join(tmpdir(), 'edgechat-bench-'));
const GOAL_KB = 120;
const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};

function build(name, args) {
  const outdir = join(tmp, name);
  execFileSync(wrangler, ['deploy', '--dry-run', '--outdir', outdir, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let raw = 0;
  let gzip = 0;
  for (const file of readdirSync(outdir, { recursive: true })) {
    const path = join(outdir, String(file));
    if (!statSync(path).isFile() || !/\.(m?js|wasm)$/.test(path)) continue;
    const bytes = readFileSync(path);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

const baseline = (file) => [
  join('bench', 'baseline', file),
  '--name',
  'baseline',
  '--compatibility-date',
  '2026-04-20',
  '--config',
  join('bench', 'baseline', 'wrangler.jsonc'),
];

try {
  const worker = build('worker', []);
  const hono = build('hono-hello', baseline('hono-hello.ts'));
  const openai = build('openai-only', baseline('openai-only.ts'));
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
  console.log(
    `worker bundle      ${kb(worker.gzip)} gzip (${kb(worker.raw)} raw)  goal ≤ ${GOAL_KB} KB: ${worker.gzip <= GOAL_KB * 1024 ? 'met' : 'NOT MET'}`,
  );
  console.log(
    `baseline hono      ${kb(hono.gzip)} gzip → worker = ${ratio(worker.gzip, hono.gzip)} a bare Hono app`,
  );
  console.log(
    `baseline openai    ${kb(openai.gzip)} gzip → worker = ${ratio(worker.gzip, openai.gzip)} the openai SDK alone`,
  );
  console.log(
    `ours (worker − openai − hono): ${kb(worker.gzip - openai.gzip - hono.gzip)} gzip (approximate: gzip is not additive)`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
