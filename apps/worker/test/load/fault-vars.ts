// The worker's timeouts for fault runs: short, so a hung upstream costs seconds, not the
// production 30 s. The pair must pass config.ts's check (the status wait below the first-byte
// timeout), and the wait is long enough that under 200 concurrent chats an upstream 429/500
// still arrives within it and becomes an HTTP error rather than an `error` chunk.
export const FAULT_VARS = {
  STATUS_WAIT_MS: '1500',
  FIRST_BYTE_TIMEOUT_MS: '3000',
  IDLE_TIMEOUT_MS: '3000',
} as const;
