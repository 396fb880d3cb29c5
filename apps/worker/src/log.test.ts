import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeError, logger, redact, REDACTED, registerSecret } from './log.js';

afterEach(() => vi.restoreAllMocks());

describe('log', () => {
  registerSecret('sk-log-test-secret-1');
  registerSecret('short');

  it('redacts every registered secret, every occurrence; ignores secrets under 8 characters', () => {
    expect(redact('a sk-log-test-secret-1 b sk-log-test-secret-1 short')).toBe(
      `a ${REDACTED} b ${REDACTED} short`,
    );
  });

  it('describes an error in one line: name, code and status, message — no cause, no stack', () => {
    const error = Object.assign(
      new Error('failed with sk-log-test-secret-1', { cause: new Error('inner') }),
      {
        code: 'http_error',
        status: 401,
      },
    );
    expect(describeError(error)).toBe(`Error [http_error 401]: failed with ${REDACTED}`);
    expect(describeError('plain sk-log-test-secret-1')).toBe(`plain ${REDACTED}`);
  });

  it('writes warnings and errors redacted', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    logger.warn('w sk-log-test-secret-1');
    logger.error('e', new TypeError('t sk-log-test-secret-1'));
    expect([warn.mock.calls, error.mock.calls]).toEqual([
      [[`w ${REDACTED}`]],
      [[`e: TypeError: t ${REDACTED}`]],
    ]);
  });
});
