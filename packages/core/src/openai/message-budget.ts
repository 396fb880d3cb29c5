import {
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_MAX_TOOL_CALLS,
  limitOption,
  tooLargeError,
} from '../base/limits.js';
import type { MessageLimits } from './types.js';

/**
 * OpenAI's own limit on `n`. Not an option: every choice holds state, so a stream of ever new
 * choice indexes must be bounded too, and no real server sends more.
 */
export const MAX_CHOICES = 128;

/**
 * What one answer holds so far, against its caps (`MessageLimits`). Each charge is an add and
 * a compare on a length the caller already has, so the merger's hot path stays a few
 * instructions per delta; the charge comes before the text is kept, so a refused delta leaves
 * nothing behind.
 */
export class MessageBudget {
  readonly maxMessageBytes: number;
  readonly maxToolCalls: number;
  private bytes = 0;
  private toolCalls = 0;
  private choices = 0;

  constructor(limits: MessageLimits = {}) {
    this.maxMessageBytes = limitOption(
      'maxMessageBytes',
      limits.maxMessageBytes,
      DEFAULT_MAX_MESSAGE_BYTES,
    );
    this.maxToolCalls = limitOption('maxToolCalls', limits.maxToolCalls, DEFAULT_MAX_TOOL_CALLS);
  }

  /** `length` more code units of text, ids, names or arguments. */
  add(length: number): void {
    this.bytes += length;
    if (this.bytes > this.maxMessageBytes) {
      throw tooLargeError('the answer', 'maxMessageBytes', this.maxMessageBytes);
    }
  }

  addToolCall(): void {
    if (this.toolCalls >= this.maxToolCalls) {
      throw tooLargeError('the number of tool calls', 'maxToolCalls', this.maxToolCalls);
    }
    this.toolCalls++;
  }

  addChoice(): void {
    if (this.choices >= MAX_CHOICES) {
      throw tooLargeError('the number of choices', 'its limit', MAX_CHOICES);
    }
    this.choices++;
  }
}
