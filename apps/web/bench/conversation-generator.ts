// Deterministic conversations for the benchmarks: what people keep — questions, and answers
// with prose, lists, code, tables and math — in the app's stored form (version 2).
import type { UIMessage } from '@edgechat/core';

const TOPICS = [
  'Seoul',
  'debounce',
  'Fourier series',
  'SQL joins',
  'Rust lifetimes',
  '부산 여행',
  'CSS grid',
  'gradient descent',
];

function answerText(topic: string, index: number): string {
  // Answers are the odd messages: cycle through the four kinds of content over them.
  const kind = ((index - 1) / 2) % 4;
  const intro = `Here is what you asked about **${topic}** (part ${index}), with a [reference](https://example.com/${index}).`;
  if (kind === 0) {
    return `${intro}\n\n\`\`\`ts\nexport function step${index}(values: number[]): number {\n  let total = 0;\n  for (const value of values) total += value * ${index % 7};\n  return total;\n}\n\`\`\`\n\nCall it with an array.`;
  }
  if (kind === 1) {
    return `${intro}\n\n| name | value | note |\n|---|---:|---|\n| alpha | ${index} | first |\n| beta | ${index * 2} | second |\n| gamma | ${index * 3} | third |`;
  }
  if (kind === 2) {
    return `${intro}\n\nThe sum is $\\sum_{k=1}^{${index}} k = \\frac{${index}(${index}+1)}{2}$, and\n\n$$\n\\int_0^{${index}} x^2\\,dx = \\frac{${index}^3}{3}\n$$`;
  }
  return `${intro}\n\n- first point about ${topic}\n- second point, a little longer than the first\n- third point\n\nIn short: it depends on ${topic}.`;
}

/** `count` messages (questions and answers alternating), the last one's text ending in `end`. */
export function generateMessages(count: number, prefix: string, end: string): UIMessage[] {
  const messages: UIMessage[] = [];
  for (let i = 0; i < count; i++) {
    const topic = TOPICS[Math.floor(i / 2) % TOPICS.length] as string;
    const text =
      i % 2 === 0 ? `Tell me about ${topic}, question ${i / 2 + 1}.` : answerText(topic, i);
    messages.push({
      id: `${prefix}-${i}`,
      role: i % 2 === 0 ? 'user' : 'assistant',
      parts: [{ type: 'text', text: i === count - 1 ? `${text}\n\n${end}` : text, state: 'done' }],
    });
  }
  return messages;
}

export interface GeneratedConversation {
  id: string;
  title: string;
  titled: boolean;
  createdAt: number;
  updatedAt: number;
  messages: UIMessage[];
  toolTimes: Record<string, never>;
  stopped: boolean;
}

export function generateConversation(
  id: string,
  messages: number,
  end: string,
  at = 1_700_000_000_000,
): GeneratedConversation {
  return {
    id,
    title: `Conversation ${id}`,
    titled: true,
    createdAt: at,
    updatedAt: at,
    messages: generateMessages(messages, id, end),
    toolTimes: {},
    stopped: false,
  };
}

/** What localStorage holds for these conversations (the app's stored form). */
export function storedConversations(
  conversations: GeneratedConversation[],
  activeId: string,
): string {
  return JSON.stringify({ version: 2, activeId, conversations });
}
