import type { ChatCompletionChunkDelta } from './types.js';

/**
 * The reasoning text of one delta, `''` when it has none. One field counts: OpenRouter sends
 * the same text as `reasoning` and in `reasoning_details`, and some vLLM versions fill both
 * `reasoning_content` and `reasoning` — adding them up would show every thought twice.
 */
export function reasoningOf(delta: ChatCompletionChunkDelta): string {
  const { reasoning_content: content, reasoning } = delta;
  if (typeof content === 'string' && content !== '') return content;
  if (typeof reasoning === 'string' && reasoning !== '') return reasoning;
  const details: unknown = delta.reasoning_details;
  if (!Array.isArray(details)) return '';
  let text = '';
  for (const detail of details as unknown[]) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { type, text: detailText, summary } = detail as Record<string, unknown>;
    if (type === 'reasoning.text' && typeof detailText === 'string') text += detailText;
    else if (type === 'reasoning.summary' && typeof summary === 'string') text += summary;
  }
  return text;
}
