// The worker's timeouts for fault runs: short enough that a hung upstream costs seconds, not
// the production 30 s, yet long enough that 200 chats at once on a small, busy machine (CI, a
// laptop) still get their answers in time. The pair must pass config.ts's check (the status
// wait below the first-byte timeout). An upstream status that comes after the wait is still
// a promised ending (an `error` chunk), and fault-chat.ts accepts either.
export const FAULT_VARS = {
  STATUS_WAIT_MS: '5000',
  FIRST_BYTE_TIMEOUT_MS: '15000',
  IDLE_TIMEOUT_MS: '15000',
} as const;
