/** What the browser says about the connection, as far as an answer in flight cares. */
export type NetworkEvent = 'offline' | 'online' | 'hidden' | 'visible';

/** Calls `listener` on each event; returns the unsubscribe. */
export type NetworkEvents = (listener: (event: NetworkEvent) => void) => () => void;

/** The window's `offline` / `online` and the document's `visibilitychange`; none outside a browser. */
export const browserNetworkEvents: NetworkEvents = (listener) => {
  if (typeof window === 'undefined') return () => {};
  const offline = (): void => listener('offline');
  const online = (): void => listener('online');
  const visibility = (): void => listener(document.hidden ? 'hidden' : 'visible');
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  document.addEventListener('visibilitychange', visibility);
  return () => {
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
    document.removeEventListener('visibilitychange', visibility);
  };
};
