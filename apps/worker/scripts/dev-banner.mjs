// Says which model `pnpm dev` will use before wrangler prints its own "Ready on <url>".
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const devVars = join(dirname(fileURLToPath(import.meta.url)), '..', '.dev.vars');
const hasKey =
  existsSync(devVars) &&
  /^\s*OPENAI_API_KEY\s*=\s*["']?[^\s"'#]/m.test(readFileSync(devVars, 'utf8'));
console.log(
  hasKey
    ? '[edgechat] OPENAI_API_KEY found in apps/worker/.dev.vars: answers come from OpenAI.'
    : '[edgechat] No OPENAI_API_KEY in apps/worker/.dev.vars: using the offline demo model.',
);
console.log('[edgechat] Open http://localhost:8787 once wrangler says "Ready".');
