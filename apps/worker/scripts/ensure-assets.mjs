// wrangler refuses to start when `assets.directory` is missing. Until apps/web has been built,
// write a placeholder "build" there: a page that explains the API, plus the `_headers` file.
// A real build (vite empties its outDir) replaces it; an existing directory is never touched.
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = join(root, '..', 'web', 'dist');
const placeholder = join(root, 'public-placeholder');

if (!existsSync(assets)) {
  cpSync(placeholder, assets, { recursive: true });
  writeFileSync(
    join(assets, '.edgechat-placeholder'),
    'written by apps/worker/scripts/ensure-assets.mjs\n',
  );
  if (!process.argv.includes('--quiet')) {
    console.log(
      `[ensure-assets] ${relative(process.cwd(), assets)} missing: wrote the placeholder page`,
    );
  }
}
