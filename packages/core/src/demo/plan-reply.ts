import type { OpenAIMessage, ToolDefinition } from '../openai/types.js';
import { demoModeAnswer, noClockAnswer, otherToolsAnswer } from './canned-answers.js';
import { findCities } from './cities.js';
import { detectLanguage } from './language.js';
import { asksToThink, demoReasoning, type ReasoningTopic } from './reasoning.js';
import { answerTime } from './time-answer.js';
import { isTimeQuestion } from './time-question.js';
import { readLastToolRound } from './tool-round.js';

export const CLOCK_TOOL = 'get_current_time';

/**
 * What the demo model answers: text, or tool calls (`arguments` is the JSON text to stream),
 * with the reasoning it streams first when the question asked it to think.
 */
export type DemoReply = (
  | { type: 'text'; text: string }
  | { type: 'tool-calls'; calls: { name: string; arguments: string }[] }
) & { reasoning?: string };

function lastUserText(messages: readonly OpenAIMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role !== 'user') continue;
    return typeof message.content === 'string'
      ? message.content
      : message.content.map((part) => part.text).join('');
  }
  return '';
}

/**
 * Decides the reply, in this order:
 * 1. the conversation ends with tool results → an answer built from them (tools offered or not:
 *    the no-tools last step of `runChat` lands here);
 * 2. the last user message asks the time → one `get_current_time` call per city named, in order
 *    of mention (none named → UTC), if the request offers that tool; else text saying it cannot;
 * 3. anything else → the demo-mode note.
 * The language is the last user message's (Hangul → Korean). A question that asks to think
 * ("think it through", "step by step", "생각해 보고") gets reasoning about what the demo is
 * about to do before each reply.
 */
export function planReply(
  messages: readonly OpenAIMessage[],
  tools: readonly ToolDefinition[] | undefined,
): DemoReply {
  const question = lastUserText(messages);
  const language = detectLanguage(question);
  const { reply, topic } = plan(messages, tools, question, language);
  if (topic === undefined || !asksToThink(question)) return reply;
  return { ...reply, reasoning: demoReasoning(topic, language) };
}

function plan(
  messages: readonly OpenAIMessage[],
  tools: readonly ToolDefinition[] | undefined,
  question: string,
  language: ReturnType<typeof detectLanguage>,
): { reply: DemoReply; topic?: ReasoningTopic } {
  const round = readLastToolRound(messages);
  if (round !== undefined && round.length > 0) {
    const clock = round.filter((entry) => entry.name === CLOCK_TOOL);
    const others = round.filter((entry) => entry.name !== CLOCK_TOOL).map((entry) => entry.name);
    const parts: string[] = [];
    if (clock.length > 0) parts.push(answerTime(clock, language));
    if (others.length > 0) parts.push(otherToolsAnswer([...new Set(others)], language));
    return {
      reply: { type: 'text', text: parts.join(' ') },
      topic: { type: 'results', count: round.length },
    };
  }

  const cities = findCities(question);
  if (isTimeQuestion(question, cities.length > 0)) {
    if (!(tools ?? []).some((tool) => tool.function.name === CLOCK_TOOL)) {
      return { reply: { type: 'text', text: noClockAnswer(language) } };
    }
    const zones = cities.length > 0 ? cities.map((city) => city.timezone) : ['UTC'];
    return {
      reply: {
        type: 'tool-calls',
        calls: zones.map((timezone) => ({
          name: CLOCK_TOOL,
          arguments: JSON.stringify({ timezone }),
        })),
      },
      topic: { type: 'time', zones },
    };
  }
  return {
    reply: { type: 'text', text: demoModeAnswer(language) },
    topic: { type: 'other', question },
  };
}
