import { createApp } from '../../src/app.js';
import { passThrough } from '../baseline/pass-through.js';

// The latency bench serves both workers from one `wrangler dev` (one workerd, same bundle
// settings, same compatibility flags): `/baseline/chat` is the bare pass-through, everything
// else is edgechat exactly as src/index.ts builds it.
const edgechat = createApp();

// eslint-disable-next-line no-restricted-exports -- a Worker entry is a default export
export default {
  fetch(request, env, ctx) {
    if (new URL(request.url).pathname === '/baseline/chat') {
      return passThrough(request, {
        OPENAI_BASE_URL: env.OPENAI_BASE_URL,
        OPENAI_API_KEY: env.OPENAI_API_KEY,
      });
    }
    return edgechat.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;

export { ClientStreams } from '../../src/limits/client-streams.js';
