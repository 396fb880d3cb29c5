// The sidebar search over 500 conversations: per keystroke, the index (text extracted and
// folded once) against a naive scan that extracts and lower-cases every conversation's text
// on each keystroke, run in the same process, interleaved.
import type { UIMessage } from '@edgechat/core';
import { createSearchIndex } from '../src/lib/search/search-index.js';
import { generateConversation } from './conversation-generator.js';

const CONVERSATIONS = 500;
const MESSAGES = 40;
const QUERIES = [
  's',
  'se',
  'seo',
  'seou',
  'seoul',
  'seoul q',
  'seoul question 3',
  'lifetimes',
  '부산',
  'zzz',
];
const ROUNDS = 30;
/** A keystroke's budget: a frame. */
const GOAL_MS = 16;

function textOf(messages: UIMessage[]): string {
  return messages
    .flatMap((message) => message.parts.map((part) => (part.type === 'text' ? part.text : '')))
    .join(' ');
}

export function benchSearch(): { lines: string[]; ok: boolean } {
  const conversations = Array.from({ length: CONVERSATIONS }, (_, i) =>
    generateConversation(`c${i}`, MESSAGES, `end ${i}`),
  );
  const byId = new Map(conversations.map((conversation) => [conversation.id, conversation]));
  const ids = conversations.map((conversation) => conversation.id);
  const index = createSearchIndex((id) => {
    const conversation = byId.get(id);
    return conversation && { title: conversation.title, text: textOf(conversation.messages) };
  });
  const naive = (query: string) => {
    const words = query.toLowerCase().split(' ').filter(Boolean);
    return ids.filter((id) => {
      const conversation = byId.get(id);
      if (conversation === undefined) return false;
      const haystack = `${conversation.title} ${textOf(conversation.messages)}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
  };
  // The first search builds the index (once per change); then every keystroke is a scan.
  const buildStart = performance.now();
  index.search('x', ids);
  const buildMs = performance.now() - buildStart;
  const indexTimes: number[] = [];
  const naiveTimes: number[] = [];
  let agree = true;
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of QUERIES) {
      let start = performance.now();
      const hits = index.search(query, ids);
      indexTimes.push(performance.now() - start);
      start = performance.now();
      const expected = naive(query);
      naiveTimes.push(performance.now() - start);
      if (round === 0 && hits.length !== expected.length) agree = false;
    }
  }
  const p = (values: number[], q: number) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length * q)] as number;
  const median = p(indexTimes, 0.5);
  const worst = p(indexTimes, 0.99);
  const ok = worst <= GOAL_MS && agree;
  return {
    ok,
    lines: [
      `Search, ${CONVERSATIONS} conversations × ${MESSAGES} messages (${(textOf(conversations.flatMap((c) => c.messages)).length / 1e6).toFixed(1)} M characters): per keystroke`,
      `  index: median ${median.toFixed(2)} ms, p99 ${worst.toFixed(2)} ms (built once in ${buildMs.toFixed(1)} ms)`,
      `  naive scan: median ${p(naiveTimes, 0.5).toFixed(2)} ms → index / naive = ${(median / p(naiveTimes, 0.5)).toFixed(2)}`,
      `  goal: every keystroke within a frame (p99 ≤ ${GOAL_MS} ms) = ${(worst / GOAL_MS).toFixed(2)}× the bound: ${ok ? 'met' : 'NOT MET'}${agree ? '' : ' (results differ from the naive scan!)'}`,
    ],
  };
}
