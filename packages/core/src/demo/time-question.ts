// Phrases that ask for the time on their own ("what time is it?", "지금 몇 시야?").
const ASKS_FOR_TIME = [
  /\bwhat\s+time\b/i,
  /\b(?:current|local|exact)\s+time\b/i,
  /\btime\s+(?:is\s+it|now)\b/i,
  /\bthe\s+time\b/i,
  /몇\s*시/,
  /(?:현재|지금)\s*시[간각]/,
  /시각/,
];

// Words that ask for the time only next to a place ("Seoul time", "뉴욕 시간"): "time
// complexity" or "시간 관리" alone is not a question about the clock.
const MENTIONS_TIME = [/\btime\b/i, /\bclock\b/i, /\bhour\b/i, /시간/];

/** Whether `text` asks what time it is; `namesAPlace` lowers the bar (see MENTIONS_TIME). */
export function isTimeQuestion(text: string, namesAPlace: boolean): boolean {
  if (ASKS_FOR_TIME.some((pattern) => pattern.test(text))) return true;
  return namesAPlace && MENTIONS_TIME.some((pattern) => pattern.test(text));
}
