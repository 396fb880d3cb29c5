import type { UIFinishReason, UIMessage } from '@edgechat/core';

// An answer's finish reason (the `finish` chunk's, chunk set 6) is kept in the message's own
// metadata, beside the worker's `model` and `usage`: it then lives and dies with the message
// (saved, restored, dropped by a regenerate) with no second map to keep in step.

const REASONS: ReadonlySet<string> = new Set<UIFinishReason>([
  'stop',
  'length',
  'content-filter',
  'tool-calls',
  'error',
  'other',
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isFinishReason = (value: unknown): value is UIFinishReason =>
  typeof value === 'string' && REASONS.has(value);

/** The recorded finish reason; `undefined` when none was recorded or it is not one we know. */
export function finishReasonOf(message: UIMessage): UIFinishReason | undefined {
  const reason = isRecord(message.metadata) ? message.metadata.finishReason : undefined;
  return isFinishReason(reason) ? reason : undefined;
}

/**
 * `metadata` with the finish reason added. Metadata that is not an object (a server of
 * someone else's may send a string) is kept as it is: the reason is then not recorded.
 */
export function withFinishReason(metadata: unknown, reason: UIFinishReason): unknown {
  if (metadata === undefined || metadata === null) return { finishReason: reason };
  return isRecord(metadata) ? { ...metadata, finishReason: reason } : metadata;
}

/** What the app tells the person about how an answer ended; `undefined` for a normal end. */
export type FinishNotice = 'length' | 'content-filter';

export function finishNotice(reason: UIFinishReason | undefined): FinishNotice | undefined {
  return reason === 'length' || reason === 'content-filter' ? reason : undefined;
}

export const finishNoticeOf = (message: UIMessage): FinishNotice | undefined =>
  finishNotice(finishReasonOf(message));
