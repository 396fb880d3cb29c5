import type { DemoLanguage } from './language.js';

// Words that ask the model to think first ("think it through", "step by step", "생각해 보고").
const ASKS_TO_THINK = [
  /\bthink/i,
  /\breason(?:ing)?\b/i,
  /\bstep[\s-]by[\s-]step\b/i,
  /생각/,
  /추론/,
];

/** Whether the question asks the demo to show its reasoning before the answer. */
export function asksToThink(text: string): boolean {
  return ASKS_TO_THINK.some((pattern) => pattern.test(text));
}

/** What the demo is about to do, which is what its reasoning talks about. */
export type ReasoningTopic =
  | { type: 'time'; zones: readonly string[] }
  | { type: 'results'; count: number }
  | { type: 'other'; question: string };

const QUOTE_LIMIT = 80;

/**
 * The reasoning the demo streams before its reply when asked to think. It is written the way a
 * reasoning model's thoughts read — what was asked, what it will do and why — so the app's
 * Thinking block has something true to show offline.
 */
export function demoReasoning(topic: ReasoningTopic, language: DemoLanguage): string {
  const ko = language === 'ko';
  switch (topic.type) {
    case 'time': {
      const zones = topic.zones.join(', ');
      const n = topic.zones.length;
      return ko
        ? `${zones}의 현재 시각을 알아야 한다. 나는 시계가 없으니 get_current_time 도구가 필요하다. ${n > 1 ? `호출 ${n}개는 서로 기다릴 필요가 없으니 한 번에 병렬로 부른다.` : '한 번만 부르면 된다.'}`
        : `The user wants the current time in ${zones}. I have no clock of my own, so this needs the get_current_time tool. ${n > 1 ? `The ${n} calls don't depend on each other, so I'll make them all at once, in parallel.` : 'One call will do.'}`;
    }
    case 'results':
      return ko
        ? `시각 ${topic.count}개가 도착했다. 물어본 순서대로 도시마다 현지 시각을 알려 주면 된다.`
        : `The ${topic.count === 1 ? 'clock reading is' : `${topic.count} clock readings are`} back. I'll give each place's local time, in the order asked.`;
    case 'other': {
      const question =
        topic.question.length > QUOTE_LIMIT
          ? `${topic.question.slice(0, QUOTE_LIMIT)}…`
          : topic.question;
      return ko
        ? `질문: "${question}". 나는 edgechat의 오프라인 데모 모델이라 실제로 생각하지는 않는다. 하지만 추론 모델은 답하기 전에 바로 이렇게 생각을 스트리밍한다 — reasoning_content(DeepSeek, vLLM), reasoning(OpenRouter, Groq) 또는 <think> 태그로. 앱은 그것을 "생각하는 중" 블록에 보여 주고, 답이 시작되면 접는다. 이제 답을 쓴다.`
        : `The question: "${question}". I'm edgechat's offline demo model, so there is no real thinking behind this — but a reasoning model streams its thoughts exactly like this before it answers, in reasoning_content (DeepSeek, vLLM), reasoning (OpenRouter, Groq) or <think> tags. The app shows them in a Thinking block that folds away once the answer starts. Now, the answer.`;
    }
  }
}
