import type { UIFinishReason } from '@edgechat/core';

/**
 * The line printed after an answer that did not end on its own: the token limit (the person
 * can ask for more — "continue" is an ordinary message) or the provider's content filter.
 * Other reasons (stop, tool calls, an error already printed as `✗ …`) need no line.
 */
export function finishNote(reason: UIFinishReason | undefined): string | undefined {
  switch (reason) {
    case 'length':
      return '[stopped at the token limit — type "continue" to go on]';
    case 'content-filter':
      return "[stopped by the provider's content filter]";
    default:
      return undefined;
  }
}
