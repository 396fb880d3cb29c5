// Cloudflare Turnstile's script, loaded only when the worker has the bot check on — a
// deployment without it never contacts Cloudflare from the page (and its CSP would forbid it).

export const TURNSTILE_SCRIPT =
  'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit';

/** The part of `window.turnstile` the app uses (explicit rendering). */
export interface TurnstileApi {
  render(
    container: HTMLElement,
    options: {
      sitekey: string;
      callback: (token: string) => void;
      'expired-callback'?: () => void;
      'error-callback'?: () => void;
      language?: string;
      theme?: 'auto' | 'light' | 'dark';
    },
  ): string | undefined;
  reset(widgetId: string): void;
  remove(widgetId: string): void;
}

declare global {
  interface Window {
    turnstile?: TurnstileApi;
  }
}

let loading: Promise<TurnstileApi> | undefined;

/** Adds the script once; rejects (and lets a later call try again) when it cannot load. */
export function loadTurnstile(): Promise<TurnstileApi> {
  loading ??= new Promise<TurnstileApi>((resolve, reject) => {
    if (window.turnstile !== undefined) {
      resolve(window.turnstile);
      return;
    }
    const script = document.createElement('script');
    script.src = TURNSTILE_SCRIPT;
    script.onload = () => {
      if (window.turnstile === undefined) reject(new Error('turnstile: api.js defined nothing'));
      else resolve(window.turnstile);
    };
    script.onerror = () => reject(new Error('turnstile: api.js did not load'));
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
