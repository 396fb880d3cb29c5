import type { DemoLanguage } from './language.js';

const FENCE = '```';

// What the demo says to anything but a time question: that it is a demo, what it can do, and
// how to switch to a real model (the worker reads apps/worker/.dev.vars, the terminal the env).
const DEMO_MODE: Record<DemoLanguage, string> = {
  en: `**Demo mode** — this answer comes from edgechat's offline demo model, not from a real LLM.

- Ask about the time in a city, e.g. *"What time is it in Seoul and New York?"*: I call the \`get_current_time\` tool, once per city, in parallel.
- Add *think* to a question, e.g. *"Think it through: what time is it in Seoul?"*, to see a reasoning model's thoughts stream first, in a Thinking block.
- Everything else gets this note, streamed token by token like a real answer.
- To talk to a real model, give edgechat an OpenAI API key:

${FENCE}sh
# web app + worker: apps/worker/.dev.vars
OPENAI_API_KEY=sk-...

# terminal chat
OPENAI_API_KEY=sk-... pnpm chat
${FENCE}
`,
  ko: `**데모 모드** — 이 답변은 실제 LLM이 아니라 edgechat의 오프라인 데모 모델이 만든 것입니다.

- 도시의 시간을 물어보세요. 예: *"서울이랑 뉴욕 몇 시야?"* 도시마다 \`get_current_time\` 도구를 병렬로 호출합니다.
- 질문에 *생각*을 넣으면(예: *"생각해 보고 알려 줘: 서울 몇 시야?"*) 추론 모델처럼 생각이 답보다 먼저 '생각하는 중' 블록에 스트리밍됩니다.
- 그 밖의 질문에는 실제 답변처럼 토큰 단위로 스트리밍되는 이 안내가 나옵니다.
- 실제 모델과 대화하려면 OpenAI API 키를 설정하세요:

${FENCE}sh
# 웹 앱 + 워커: apps/worker/.dev.vars
OPENAI_API_KEY=sk-...

# 터미널 채팅
OPENAI_API_KEY=sk-... pnpm chat
${FENCE}
`,
};

/** The markdown note (bold line, list, code block) every non-time question gets. */
export function demoModeAnswer(language: DemoLanguage): string {
  return DEMO_MODE[language];
}

/** A time question in a request that offers no `get_current_time` tool: say so, call nothing. */
export function noClockAnswer(language: DemoLanguage): string {
  return language === 'ko'
    ? '지금은 시간을 확인할 수 없습니다. 이 요청에서는 `get_current_time` 도구를 쓸 수 없습니다.'
    : "I can't check the time right now: the `get_current_time` tool isn't available in this request.";
}

/** Results of tools the demo never calls itself (another model's calls in the history). */
export function otherToolsAnswer(names: readonly string[], language: DemoLanguage): string {
  const list = names.map((name) => `\`${name}\``).join(', ');
  return language === 'ko'
    ? `도구 결과를 받았습니다(${list}). 데모 모델은 \`get_current_time\` 결과만 해석할 수 있습니다.`
    : `I received results from ${list}. The demo model can only interpret \`get_current_time\` results.`;
}
