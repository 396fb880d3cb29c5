import type { ThinkPieceKind, ThinkTagSplitter } from './think-tags.js';
import type { ToolCallMerger } from './tool-calls.js';
import type { AssistantMessage, ChatStreamEvent, ChoiceResult } from './types.js';

/** One choice of an answer as its chunks arrive (the merger keeps one per `choices[].index`). */
export interface ChoiceState {
  readonly index: number;
  /** Content pieces, joined once at the end. */
  readonly content: string[];
  /** A string `content` arrived, even `''`. */
  sawContent: boolean;
  readonly refusal: string[];
  readonly reasoning: string[];
  /** Set when `thinkTags` is on. */
  readonly thinkTags: ThinkTagSplitter | undefined;
  /** Made at the choice's first tool-call fragment: most answers have none. */
  toolCalls: ToolCallMerger | undefined;
  finishReason: string | null;
}

export function addText(
  state: ChoiceState,
  text: string,
  events: ChatStreamEvent[] | undefined,
): void {
  state.content.push(text);
  events?.push({ type: 'text-delta', choice: state.index, delta: text });
}

export function addReasoning(
  state: ChoiceState,
  text: string,
  events: ChatStreamEvent[] | undefined,
): void {
  state.reasoning.push(text);
  events?.push({ type: 'reasoning-delta', choice: state.index, delta: text });
}

export function contentSink(
  state: ChoiceState,
  events: ChatStreamEvent[] | undefined,
): (kind: ThinkPieceKind, text: string) => void {
  return (kind, text) => {
    if (kind === 'text') addText(state, text, events);
    else addReasoning(state, text, events);
  };
}

export function choiceResult(state: ChoiceState): ChoiceResult {
  const text = joined(state.content);
  const refusal = joined(state.refusal);
  const toolCalls = state.toolCalls?.toolCalls() ?? [];
  // What OpenAI's non-streaming response gives for the same turn: the text for a text turn
  // (even '' when the model said nothing), null for a turn of only tool calls or a refusal
  // (whose first delta may still carry `content: ''`), null when no content came at all.
  const content =
    text !== '' ? text : state.sawContent && toolCalls.length === 0 && refusal === '' ? '' : null;
  const message: AssistantMessage = { role: 'assistant', content };
  if (refusal !== '') message.refusal = refusal;
  const reasoning = joined(state.reasoning);
  if (reasoning !== '') message.reasoning_content = reasoning;
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return { index: state.index, message, finishReason: state.finishReason };
}

function joined(pieces: string[]): string {
  return pieces.length === 0 ? '' : pieces.length === 1 ? pieces[0]! : pieces.join('');
}
