// The page's side of the worker's bot check: holds the widget's token until the next chat
// request, sends it once (tokens are single use), and shows the widget again when the worker
// says the check is needed. After one pass the worker's HttpOnly cookie does the rest, so the
// page never sees or stores anything lasting.

export const TOKEN_HEADER = 'x-turnstile-token';

export class BotCheck {
  /** From `/api/config`; `undefined` → the check is off and nothing here does anything. */
  siteKey = $state<string | undefined>(undefined);
  /** Whether the widget is on screen. */
  shown = $state(true);
  /** The worker refused a request for want of a (good) token. */
  failed = $state(false);
  /** Bumped when the widget must make a new token (the last one was spent or refused). */
  generation = $state(0);
  #token: string | undefined;
  readonly #fetch: typeof fetch;

  constructor(fetchImpl: typeof fetch = (input, init) => fetch(input, init)) {
    this.#fetch = fetchImpl;
  }

  get active(): boolean {
    return this.siteKey !== undefined;
  }

  /** The widget solved a challenge. */
  solved(token: string): void {
    this.#token = token;
  }

  /** The widget's token expired before it was sent. */
  expired(): void {
    this.#token = undefined;
  }

  /** A `fetch` for the chat transport: adds the token to the next `POST /api/chat`. */
  readonly fetch: typeof fetch = async (input, init) => {
    if (!this.active || !isChatPost(input, init)) return this.#fetch(input, init);
    const token = this.#token;
    this.#token = undefined;
    const headers = new Headers(init?.headers);
    if (token !== undefined) headers.set(TOKEN_HEADER, token);
    const response = await this.#fetch(input, { ...init, headers });
    if (response.ok) {
      // Passed (by token or by the cookie): the widget is not needed until the worker says so.
      this.shown = false;
      this.failed = false;
    } else if (await isBotCheckRefusal(response)) {
      this.shown = true;
      this.failed = true;
      this.generation++;
    } else if (token !== undefined) {
      // Refused for another reason after the token was spent: the widget needs a fresh one.
      this.generation++;
    }
    return response;
  };
}

function isChatPost(input: RequestInfo | URL, init: RequestInit | undefined): boolean {
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  const url = input instanceof Request ? input.url : String(input);
  return method.toUpperCase() === 'POST' && new URL(url, location.href).pathname === '/api/chat';
}

async function isBotCheckRefusal(response: Response): Promise<boolean> {
  if (response.status !== 403 && response.status !== 503) return false;
  try {
    const body = (await response.clone().json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' && body.error.code.startsWith('bot_check_');
  } catch {
    return false;
  }
}
