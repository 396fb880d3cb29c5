// What the mock OpenAI upstream answers in the web app's e2e tests. The mock picks a script by
// the last user message (@edgechat/test-support/mock-openai); the app's messages are real
// questions, so the default script (`echo`) is replaced by a router on keywords.
import { textAnswerChunks, TWO_CITY_TOOL_ROUND } from '@edgechat/test-support/fixtures';
import {
  echo,
  ENDLESS,
  errorFrame,
  lastUserText,
  streamOf,
  textAnswer,
  textAnswerStart,
  type MockAction,
  type MockScenario,
  type MockRequest,
  type MockStep,
} from '@edgechat/test-support/mock-openai';
import { branchesScenario } from './scenarios-branches.js';
import { mathScenario } from './scenarios-math.js';
import { searchScenario } from './scenarios-search.js';
import { XSS_PAYLOADS } from '../src/lib/markdown/xss-corpus.js';

export const KOREAN_TIME_QUESTION = '서울이랑 뉴욕 지금 몇 시야?';
export const KOREAN_ANSWER = [
  '**서울**은 지금 오전 9시 15분이고, **뉴욕**은 전날 오후 7시 15분입니다.',
  '',
  '| 도시 | 현재 시각 |',
  '|---|---|',
  '| 서울 | 09:15 |',
  '| 뉴욕 | 19:15 (전날) |',
  '',
  '두 도시의 시차는 **14시간**입니다.',
].join('\n');

export const CODE_ANSWER = [
  'Here is a debounce in TypeScript:',
  '',
  '```ts',
  'export function debounce<Args extends unknown[]>(',
  '  fn: (...args: Args) => void,',
  '  waitMs: number,',
  '): (...args: Args) => void {',
  '  let timer: ReturnType<typeof setTimeout> | undefined;',
  '  return (...args: Args) => {',
  '    if (timer !== undefined) clearTimeout(timer);',
  '    timer = setTimeout(() => {',
  '      timer = undefined;',
  '      fn(...args);',
  '    }, waitMs);',
  '  };',
  '}',
  'export type Debounced = ReturnType<typeof debounce>;',
  '',
  '// Usage: only the last call within 200 ms runs.',
  'const log = debounce((text: string) => console.log(text), 200);',
  "log('a');",
  "log('b');",
  'log(\'c\'); // prints "c"',
  '```',
  '',
  'Each call resets the timer.',
].join('\n');

export const XSS_ANSWER = XSS_PAYLOADS.join('\n\n');

/** Splits text into small deltas, as a model streams it. */
export function deltasOf(text: string, size = 6): string[] {
  const deltas: string[] = [];
  for (let i = 0; i < text.length; i += size) deltas.push(text.slice(i, i + size));
  return deltas;
}

/** A text answer whose last choice chunk says `finishReason` (OpenAI's spelling) instead of stop. */
function answerEndingWith(id: string, text: string, finishReason: string): MockStep {
  const chunks = textAnswerChunks(id, deltasOf(text)).map((chunk) => ({
    ...chunk,
    choices: chunk.choices.map((choice) =>
      choice.finish_reason === 'stop' ? { ...choice, finish_reason: finishReason } : choice,
    ),
  }));
  return { actions: streamOf(chunks) };
}

export const CUT_ANSWER = 'Once upon a time, in a land far';
export const CONTINUED_ANSWER = 'away, they lived happily ever after.';

const paced = (ms: number) => () => [{ sleep: ms }] as MockAction[];

/** A paced answer, ~6 s: long enough to drop the connection or reload the page in the middle. */
export const COUNTING_QUESTION = 'count slowly to forty';
export const COUNTING_ANSWER = `Counting:${Array.from({ length: 40 }, (_, i) => ` ${i + 1}`).join('')}. Done.`;
const COUNTING_DELTAS = [
  'Counting:',
  ...Array.from({ length: 40 }, (_, i) => ` ${i + 1}`),
  '. Done.',
];

const failsOnce = new Map<string, number>();
/** First call of a turn fails with `failure`, the next one answers. */
function failOnce(key: string, failure: MockStep, answer: string): MockStep {
  const count = failsOnce.get(key) ?? 0;
  failsOnce.set(key, count + 1);
  if (count % 2 === 0) return failure;
  return { actions: textAnswer(`chatcmpl-${key}-ok`, deltasOf(answer), { between: paced(5) }) };
}

// Each feature's questions live in a file of its own (`scenarios-<feature>.ts`): a function that
// answers the questions it knows and returns undefined for the rest.
type FeatureScenario = (request: MockRequest) => MockStep | undefined;
const FEATURE_SCENARIOS: FeatureScenario[] = [
  // branches and export
  branchesScenario,
  // tool approval
  // math and long chats
  mathScenario,
  // search and keyboard
  searchScenario,
];

const router: MockScenario = (request) => {
  for (const scenario of FEATURE_SCENARIOS) {
    const step = scenario(request);
    if (step !== undefined) return step;
  }
  const text = lastUserText(request);
  if (text.includes('몇 시')) {
    if (request.step === 0) return { actions: streamOf(TWO_CITY_TOOL_ROUND) };
    return {
      actions: textAnswer('chatcmpl-ko-2', deltasOf(KOREAN_ANSWER, 4), {
        // Halfway, the stream waits for the test: it sees the answer mid-stream.
        between: (index) => (index === 8 ? [{ waitFor: 'ko-answer' }] : [{ sleep: 10 }]),
      }),
    };
  }
  if (text.includes('XSS')) {
    return { actions: textAnswer('chatcmpl-xss', deltasOf(XSS_ANSWER, 40)) };
  }
  if (text.includes('debounce')) {
    return {
      actions: textAnswer('chatcmpl-code', deltasOf(CODE_ANSWER, 8), { between: paced(2) }),
    };
  }
  if (text.includes('many lines')) {
    const lines = Array.from({ length: 400 }, (_, i) => `Line ${i + 1} of a long answer.\n\n`);
    return { actions: textAnswer('chatcmpl-lines', lines, { between: paced(15) }) };
  }
  if (text.includes(COUNTING_QUESTION)) {
    return { actions: textAnswer('chatcmpl-count', COUNTING_DELTAS, { between: paced(150) }) };
  }
  if (text.includes('forever')) return ENDLESS;
  if (text.includes('long story')) return answerEndingWith('chatcmpl-cut', CUT_ANSWER, 'length');
  if (text === 'Continue') return { actions: textAnswer('chatcmpl-more', [CONTINUED_ANSWER]) };
  if (text.includes('filtered')) {
    return answerEndingWith('chatcmpl-filtered', 'I cannot', 'content_filter');
  }
  if (text.includes('rate limit')) {
    return failOnce(
      'rate',
      {
        status: 429,
        headers: { 'retry-after': '2' },
        body: {
          error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' },
        },
      },
      'Now it worked.',
    );
  }
  if (text.includes('half')) {
    return failOnce(
      'half',
      {
        actions: [
          ...textAnswerStart('chatcmpl-half', ['The first half ', 'of the answer']),
          { sleep: 20 },
          errorFrame('The server had an error.'),
        ],
      },
      'The whole answer, this time.',
    );
  }
  return echo(request);
};

export const SCENARIOS: Record<string, MockScenario> = { echo: router };

/** A long markdown answer for the benchmark: headings, prose, lists, code blocks, a table. */
export function longAnswerDeltas(tokens: number): string[] {
  const deltas: string[] = [];
  for (let section = 0; deltas.length < tokens; section++) {
    const text = [
      `## Section ${section + 1}: streaming markdown`,
      '',
      `This paragraph explains part ${section + 1} of the answer in plain words, with *emphasis*, **strong text**, \`inline code\` and a [link](https://example.com/${section}).`,
      '',
      '- first point of the list',
      '- second point, a little longer than the first one',
      '- third point',
      '',
      '```ts',
      `export function step${section}(input: number[]): number {`,
      '  let total = 0;',
      '  for (const value of input) {',
      '    if (value > 0) total += value * 2;',
      '    else total -= value;',
      '  }',
      '',
      `  return total + ${section};`,
      '}',
      '```',
      '',
      '| name | value | note |',
      '|---|---:|---|',
      `| alpha | ${section} | first row |`,
      `| beta | ${section * 2} | second row |`,
      `| gamma | ${section * 3} | third row |`,
      '',
      '',
    ].join('\n');
    // About four characters per token, split at word boundaries like a tokenizer would.
    for (const piece of text.match(/\s*\S{1,4}|\s+/g) ?? []) {
      if (deltas.length >= tokens) break;
      deltas.push(piece);
    }
  }
  return deltas;
}
