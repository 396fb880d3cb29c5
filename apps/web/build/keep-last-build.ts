import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

// `pnpm dev` runs `vite build --watch` next to `wrangler dev`, which serves whatever dist/
// holds at that moment. Vite's default empties dist/ when a build starts, so a page load during
// a rebuild (or during the first build, over the placeholder page) got no index.html: a 404 or
// 503 for the SPA. In watch mode this plugin keeps the last good build instead: nothing is
// emptied, and index.html — the one file that names the others — is held back until every
// asset of the new build is on disk, then swapped in with a rename, which is atomic. Old
// hashed files stay behind in dev; `vite build` alone still starts from an empty dist/.

export function keepLastBuild(): Plugin {
  let watching = false;
  let outDir = '';
  let pending: string | Uint8Array | undefined;
  return {
    name: 'edgechat:keep-last-build',
    apply: 'build',
    enforce: 'post',
    config(config) {
      if (config.build?.watch != null) return { build: { emptyOutDir: false } };
    },
    configResolved(config) {
      watching = config.build.watch != null;
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = bundle['index.html'];
        if (!watching || html?.type !== 'asset') return;
        pending = html.source;
        delete bundle['index.html'];
      },
    },
    async writeBundle() {
      if (pending === undefined) return;
      const source = pending;
      pending = undefined;
      await mkdir(outDir, { recursive: true });
      const temporary = join(outDir, `.index.html.${process.pid}.tmp`);
      await writeFile(temporary, source);
      await rename(temporary, join(outDir, 'index.html'));
    },
  };
}
