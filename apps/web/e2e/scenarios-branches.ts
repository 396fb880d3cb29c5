import {
  lastUserText,
  textAnswer,
  type MockRequest,
  type MockStep,
} from '@edgechat/test-support/mock-openai';

/** Questions with this word get "Answer N to …", N counting the times it was asked. */
export const VERSIONED = 'versioned';
const asked = new Map<string, number>();

export function branchesScenario(request: MockRequest): MockStep | undefined {
  const text = lastUserText(request);
  if (!text.includes(VERSIONED)) return undefined;
  const count = (asked.get(text) ?? 0) + 1;
  asked.set(text, count);
  return { actions: textAnswer(`chatcmpl-v${count}`, [`Answer ${count} `, `to: ${text}`]) };
}
