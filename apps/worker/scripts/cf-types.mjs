// worker-configuration.d.ts is generated, not kept in git: `wrangler types` writes it from
// wrangler.jsonc and .dev.vars.example. Install (postinstall) and typecheck run this, so a
// fresh clone type-checks without a step to remember. Regenerating takes seconds, so it runs
// only when an input or the wrangler version changed since the file was written.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'worker-configuration.d.ts');
const stamp = join(root, '.wrangler', 'cf-types.stamp');
const inputs = ['wrangler.jsonc', '.dev.vars.example'];
const args = ['types', '--strict-vars', 'false', '--env-file', '.dev.vars.example'];

const require = createRequire(import.meta.url);
const wranglerPackage = require.resolve('wrangler/package.json');
const wranglerVersion = JSON.parse(readFileSync(wranglerPackage, 'utf8')).version;
const wranglerBin = join(dirname(wranglerPackage), 'bin', 'wrangler.js');

const fingerprint = JSON.stringify({
  wrangler: wranglerVersion,
  args,
  inputs: inputs.map((name) => readFileSync(join(root, name), 'utf8')),
});

const current =
  existsSync(output) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint;
if (!current || process.argv.includes('--force')) {
  execFileSync(process.execPath, [wranglerBin, ...args], {
    cwd: root,
    stdio: process.argv.includes('--quiet') ? 'ignore' : 'inherit',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  });
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, fingerprint);
}
