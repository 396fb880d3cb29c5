import { TWO_CITY_TOOL_ROUND } from '@edgechat/test-support/fixtures';
import {
  errorFrame,
  lastUserText,
  streamOf,
  textAnswer,
  textAnswerStart,
  type MockRequest,
  type MockStep,
} from '@edgechat/test-support/mock-openai';

/** A tool round, then an answer at once: no waiting on the test, unlike the time question. */
export const AXE_TOOL_QUESTION = 'axe check: what time is it in two cities';
/** A stream that always fails halfway, so the error notice stays on screen. */
export const AXE_ERROR_QUESTION = 'axe check: fail halfway every time';

export function searchScenario(request: MockRequest): MockStep | undefined {
  const text = lastUserText(request);
  if (text.includes(AXE_TOOL_QUESTION)) {
    if (request.step === 0) return { actions: streamOf(TWO_CITY_TOOL_ROUND) };
    return { actions: textAnswer('chatcmpl-axe-tool', ['Seoul is ', 'ahead by 14 hours.']) };
  }
  if (text.includes(AXE_ERROR_QUESTION)) {
    return {
      actions: [
        ...textAnswerStart('chatcmpl-axe-error', ['Half ', 'an answer']),
        errorFrame('The server had an error.'),
      ],
    };
  }
  return undefined;
}
