import { Hono } from 'hono';

// Baseline for `pnpm bench`: the smallest Hono worker, bundled the same way as ours.
const app = new Hono();
app.get('/', (c) => c.text('hello'));

// eslint-disable-next-line no-restricted-exports -- a Worker entry is a default export
export default app;
