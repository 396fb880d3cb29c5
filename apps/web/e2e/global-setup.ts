import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORE = join(WEB, '..', '..', 'packages', 'core');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * The e2e tests run against the *built* app (what wrangler serves). Build it when there is no
 * build, when the worker's placeholder page is there instead, or when sources are newer.
 */
// eslint-disable-next-line no-restricted-exports -- Playwright loads globalSetup as a default export
export default function globalSetup(): void {
  if (!existsSync(join(CORE, 'dist', 'index.js'))) {
    execFileSync('pnpm', ['--filter', '@edgechat/core', 'build'], { cwd: WEB, stdio: 'inherit' });
  }
  const index = join(WEB, 'dist', 'index.html');
  const stale =
    !existsSync(index) ||
    existsSync(join(WEB, 'dist', '.edgechat-placeholder')) ||
    [join(WEB, 'src'), join(WEB, 'index.html'), join(WEB, 'public'), join(CORE, 'dist')].some(
      (path) => newestMtime(path) > statSync(index).mtimeMs,
    );
  if (stale) {
    execFileSync(join(WEB, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
      cwd: WEB,
      stdio: 'inherit',
    });
  }
}
