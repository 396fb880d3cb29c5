import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Rollup } from 'vite';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { keepLastBuild } from './keep-last-build.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** A tiny app in a temporary folder, its dist/ holding a placeholder page as on a first run. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'keep-last-build-'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><body><script type="module" src="./main.js"></script></body></html>',
  );
  writeFileSync(join(root, 'main.js'), 'document.body.append("build 1");\n');
  const dist = join(root, 'dist');
  return { root, dist, placeholder: '<p>placeholder</p>' };
}

/** What a request for / would get now: index.html and every script it names, or why not. */
function servedPage(dist: string): string {
  const file = join(dist, 'index.html');
  if (!existsSync(file)) return 'no index.html';
  const html = readFileSync(file, 'utf8');
  if (html === '') return 'empty index.html';
  for (const [, src] of html.matchAll(/src="\/([^"]+)"/g)) {
    if (src === undefined || !existsSync(join(dist, src))) return `missing ${src}`;
  }
  return 'ok';
}

describe('keepLastBuild: vite build --watch never leaves dist/ without a page', () => {
  it('keeps the placeholder until the first build, and each build until the next is written', async () => {
    const { root, dist, placeholder } = project();
    await build({ root, logLevel: 'silent', build: { outDir: 'dist', emptyOutDir: true } });
    writeFileSync(join(dist, 'index.html'), placeholder); // as ensure-assets leaves it

    const seen = new Set<string>();
    let polling = true;
    const poll = (async () => {
      while (polling) {
        seen.add(servedPage(dist));
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    const builds: number[] = [];
    const watcher = (await build({
      root,
      logLevel: 'silent',
      configFile: false,
      plugins: [keepLastBuild()],
      build: { outDir: 'dist', emptyOutDir: true, watch: {} },
    })) as Rollup.RollupWatcher;
    cleanup = async () => {
      polling = false;
      await poll;
      await watcher.close();
      rmSync(root, { recursive: true, force: true });
    };
    const ended = () =>
      new Promise<void>((resolve) => {
        const onEvent = (event: { code: string }) => {
          if (event.code !== 'END') return;
          watcher.off('event', onEvent);
          builds.push(Date.now());
          resolve();
        };
        watcher.on('event', onEvent);
      });

    await ended();
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toBe(placeholder);
    for (const round of [2, 3, 4]) {
      const next = ended();
      writeFileSync(join(root, 'main.js'), `document.body.append("build ${round}");\n`);
      await next;
    }
    polling = false;
    await poll;

    const script = readFileSync(join(dist, 'index.html'), 'utf8').match(/src="\/([^"]+)"/)?.[1];
    expect({
      builds: builds.length,
      served: [...seen],
      latest: readFileSync(join(dist, script ?? ''), 'utf8').includes('build 4'),
    }).toEqual({ builds: 4, served: ['ok'], latest: true });
  }, 60_000);

  it('leaves a one-off build alone: dist/ is emptied and index.html written as usual', async () => {
    const { root, dist } = project();
    cleanup = async () => rmSync(root, { recursive: true, force: true });
    await build({ root, logLevel: 'silent', build: { outDir: 'dist' } });
    writeFileSync(join(dist, 'stale.txt'), 'old');
    await build({
      root,
      logLevel: 'silent',
      configFile: false,
      plugins: [keepLastBuild()],
      build: { outDir: 'dist', emptyOutDir: true },
    });
    expect({ stale: existsSync(join(dist, 'stale.txt')), page: servedPage(dist) }).toEqual({
      stale: false,
      page: 'ok',
    });
  });
});
