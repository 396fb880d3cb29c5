import type { Messages } from './i18n/index.js';
import type { ChatError } from './storage/index.js';

/** The sentence a person reads for an error. */
export function describeChatError(error: ChatError, t: Messages): string {
  switch (error.kind) {
    case 'network':
      return t.errorNetwork;
    case 'rate-limited':
      return t.errorRateLimited(error.retryAfter);
    case 'budget-spent':
      return t.errorBudgetSpent;
    case 'bot-check':
      return t.errorBotCheck;
    case 'too-large':
      return t.errorTooLarge;
    case 'rejected':
      return t.errorRejected;
    case 'upstream':
      return t.errorUpstream;
    case 'server':
      return t.errorServer(error.status ?? 0);
    case 'truncated':
      return t.errorTruncated;
    case 'stream':
      return t.errorStream;
    case 'invalid-response':
      return t.errorInvalidResponse;
    default:
      return t.errorUnknown;
  }
}
