import {
  lastUserText,
  textAnswer,
  type MockRequest,
  type MockStep,
} from '@edgechat/test-support/mock-openai';

export const MATH_QUESTION = 'Show me some formulas';
export const MATH_ANSWER = [
  'Euler’s identity is $e^{i\\pi} + 1 = 0$, and the area of a circle is \\(\\pi r^2\\).',
  '',
  '$$',
  '\\int_0^1 x^2\\,dx = \\frac{1}{3}',
  '$$',
  '',
  'It costs $5 and $10, which is not math.',
  '',
  '\\[ \\sum_{k=1}^{n} k = \\frac{n(n+1)}{2} \\]',
].join('\n');
export const PLAIN_QUESTION = 'Say something without formulas';

/** Small pieces, so every formula is seen open, then closed, while it streams. */
function pieces(text: string): string[] {
  return text.match(/[\s\S]{1,3}/g) ?? [];
}

export function mathScenario(request: MockRequest): MockStep | undefined {
  const text = lastUserText(request);
  if (text.includes(MATH_QUESTION)) {
    return {
      actions: textAnswer('chatcmpl-math', pieces(MATH_ANSWER), {
        between: (index) => (index % 4 === 0 ? [{ sleep: 5 }] : []),
      }),
    };
  }
  if (text.includes(PLAIN_QUESTION)) {
    return { actions: textAnswer('chatcmpl-plain', ['Just ', 'words, ', 'no math.']) };
  }
  return undefined;
}
