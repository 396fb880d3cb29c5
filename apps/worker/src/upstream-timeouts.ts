// Timeouts that only make sense together are checked as a pair when the config loads. The
// status wait holds the response until the upstream answers; the first-byte timeout gives up
// on an upstream that does not. A wait as long as the timeout could never end in the stream
// README promises (`start` first, the timeout as an `error` chunk): every silent upstream
// would be a 504 instead, and a slow one would look like a broken one. So a bad pair is not
// quietly repaired like a single bad value: it is an error an operator sees at once.

export interface UpstreamTimeouts {
  statusWaitMs: number;
  firstByteTimeoutMs: number;
}

/**
 * The problem with the pair, naming both vars (their values are plain numbers, no secrets),
 * or `undefined` when they fit. `defaulted` tells which var was not set (or ignored), so the
 * message does not send an operator looking for a value they never wrote.
 */
export function checkUpstreamTimeouts(
  timeouts: UpstreamTimeouts,
  defaulted: (name: 'STATUS_WAIT_MS' | 'FIRST_BYTE_TIMEOUT_MS') => boolean,
): string | undefined {
  const { statusWaitMs, firstByteTimeoutMs } = timeouts;
  if (statusWaitMs < firstByteTimeoutMs) return undefined;
  const value = (ms: number, name: 'STATUS_WAIT_MS' | 'FIRST_BYTE_TIMEOUT_MS'): string =>
    defaulted(name) ? `${ms}, the default` : String(ms);
  return (
    `STATUS_WAIT_MS (${value(statusWaitMs, 'STATUS_WAIT_MS')}) must be less than ` +
    `FIRST_BYTE_TIMEOUT_MS (${value(firstByteTimeoutMs, 'FIRST_BYTE_TIMEOUT_MS')}): ` +
    'the response waits for the upstream status at most that long, and the first-byte ' +
    'timeout must be able to end a stream that has started.'
  );
}
