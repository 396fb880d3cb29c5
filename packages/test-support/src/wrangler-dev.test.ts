import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, WORKER_DIR } from './wrangler-dev.js';

// Starting wrangler dev itself is what the worker's and the web app's e2e tests do.
describe('wrangler dev support', () => {
  it('WORKER_DIR is apps/worker, with its wrangler.jsonc', () => {
    expect(existsSync(join(WORKER_DIR, 'wrangler.jsonc'))).toBe(true);
  });

  it('freePort gives a port that can be listened on at once', async () => {
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise((resolve) => server.close(resolve));
    expect(port).toBeGreaterThan(0);
  });
});
