/** How long a collapsed tool panel's argument summary may get, in characters. */
export const SUMMARY_MAX = 60;

/**
 * One line that tells a tool's calls apart while collapsed: the argument values, not the
 * names (`Asia/Seoul`; `Seoul, metric`), nested values as compact JSON, cut with an ellipsis.
 * Works on partial input too (arguments still streaming parse to a partial object), and on a
 * raw string whose JSON did not parse.
 */
export function summarizeToolInput(input: unknown, max = SUMMARY_MAX): string {
  const text = oneLine(summaryOf(input));
  if (text.length <= max) return text;
  // Cut at a code point, not inside a surrogate pair.
  const cut = Array.from(text)
    .slice(0, max - 1)
    .join('');
  return `${cut.trimEnd()}…`;
}

function summaryOf(input: unknown): string {
  if (input === undefined || input === null) return '';
  if (typeof input !== 'object') return scalar(input);
  const values = Array.isArray(input) ? input : Object.values(input);
  return values
    .filter((value) => value !== undefined && value !== null && value !== '')
    .map((value) => (typeof value === 'object' ? compactJson(value) : scalar(value)))
    .join(', ');
}

function scalar(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function compactJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
