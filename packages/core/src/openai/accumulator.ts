import { addReasoning, addText, choiceResult, contentSink } from './choice-state.js';
import type { ChoiceState } from './choice-state.js';
import { MessageBudget } from './message-budget.js';
import { reasoningOf } from './reasoning-of.js';
import { createThinkTagSplitter } from './think-tags.js';
import { createToolCallMerger } from './tool-calls.js';
import type {
  ChatCompletionChunk,
  ChatCompletionResult,
  ChatStreamEvent,
  CompletionUsage,
  MessageLimits,
} from './types.js';

export interface ChatCompletionAccumulator {
  /** Merges one chunk; returns the events it causes, in order. */
  push(chunk: ChatCompletionChunk): ChatStreamEvent[];
  /**
   * End of stream: ends every tool call still open (in choice, then index order) and returns
   * those `tool-call-end` events. Calling it again returns `[]`.
   */
  flush(): ChatStreamEvent[];
  /** The merged result. Ends open calls first (their events are dropped; use `flush()`). */
  finish(): ChatCompletionResult;
  /** Some choice has had a finish_reason (so a stream that ends here is not truncated). */
  readonly sawFinishReason: boolean;
}

/**
 * Over a cap of `MessageLimits`, `push` throws EdgechatError `stream_too_large` before keeping
 * the delta that went over.
 */
export interface ChatCompletionAccumulatorOptions extends MessageLimits {
  /**
   * Parse tool-call arguments as they stream, for `tool-call-delta`'s `partialInput`.
   * Default `true`; `false` saves that work when nobody looks (partialInput is then
   * `undefined`). `tool-call-end`'s `input` is parsed either way.
   */
  partialInput?: boolean;
  /**
   * Read a leading `<think>…</think>` in `content` as reasoning (see `createThinkTagSplitter`).
   * Default `false`: only for servers known to answer that way, since any other answer that
   * happens to start with the tag would lose its text to reasoning.
   */
  thinkTags?: boolean;
}

/**
 * Merges `chat.completion.chunk`s into typed events and the final message.
 *
 * - Choices are kept apart by `choices[].index` (`n > 1`); events carry it as `choice`.
 * - Reasoning comes from `reasoning_content`, `reasoning` or the text of `reasoning_details`
 *   — one of them per delta, in that order, since OpenRouter sends the same text in two — and
 *   with `thinkTags`, from a leading `<think>…</think>` in the content. It is
 *   `reasoning-delta` events and the message's `reasoning_content`, before the delta's content.
 * - Content and refusal deltas are concatenated; tool calls are merged by
 *   `tool_calls[].index`, falling back to `id` (see `createToolCallMerger`).
 * - `tool-call-start` comes when a call has both id and name; `tool-call-delta` carries each
 *   argument piece and `partialInput`, the best value of the arguments so far — a live object
 *   that later deltas mutate, so copy it if you keep it.
 * - `tool-call-end` comes only at the choice's `finish_reason` or at the end of the stream
 *   (`flush`), never because the arguments so far happen to parse (vercel/ai PR #13137); it
 *   carries `input` (JSON.parse of the arguments; `''` means `{}`) or `inputError`. At a
 *   finish_reason: the choice's `tool-call-end`s in index order, then `finish`.
 * - The first finish_reason of a choice counts; repeats are ignored.
 * - Every chunk with a `usage` object (or Groq's `x_groq.usage`) emits `usage`; the last one
 *   is the result's.
 */
export function createChatCompletionAccumulator(
  options: ChatCompletionAccumulatorOptions = {},
): ChatCompletionAccumulator {
  const merger = createChunkMerger({
    partialInput: options.partialInput ?? true,
    thinkTags: options.thinkTags ?? false,
    limits: options,
  });
  return {
    push(chunk) {
      const events: ChatStreamEvent[] = [];
      merger.merge(chunk, events);
      return events;
    },
    flush() {
      const events: ChatStreamEvent[] = [];
      merger.flush(events);
      return events;
    },
    finish: () => merger.finish(),
    get sawFinishReason() {
      return merger.sawFinishReason;
    },
  };
}

/**
 * The accumulator's engine. Events go to `events`; without it none are even built — that is
 * how `collectChatCompletion` merges at close to the cost of JSON.parse alone.
 */
export interface ChunkMerger {
  merge(chunk: ChatCompletionChunk, events: ChatStreamEvent[] | undefined): void;
  flush(events: ChatStreamEvent[] | undefined): void;
  finish(): ChatCompletionResult;
  readonly sawFinishReason: boolean;
}

export interface ChunkMergerOptions {
  partialInput: boolean;
  thinkTags: boolean;
  /** See `createToolCallMerger`. */
  callsWithoutId?: boolean;
  limits?: MessageLimits;
}

export function createChunkMerger(options: ChunkMergerOptions): ChunkMerger {
  const { partialInput, thinkTags, callsWithoutId = false } = options;
  const budget = new MessageBudget(options.limits);
  // Most streams are one choice (n = 1), and many are short: the first choice needs no map,
  // which is only made when a second index appears.
  let first: ChoiceState | undefined;
  let others: Map<number, ChoiceState> | undefined;
  // Chunks of one choice come in runs (always, when n = 1): skip the lookup for those.
  let current: ChoiceState | undefined;
  let id = '';
  let model = '';
  let usage: CompletionUsage | undefined;
  let sawFinishReason = false;

  function choiceState(index: number): ChoiceState {
    if (current !== undefined && current.index === index) return current;
    let state = first !== undefined && first.index === index ? first : others?.get(index);
    if (state === undefined) {
      budget.addChoice();
      state = {
        index,
        content: [],
        sawContent: false,
        refusal: [],
        reasoning: [],
        thinkTags: thinkTags ? createThinkTagSplitter() : undefined,
        toolCalls: undefined,
        finishReason: null,
      };
      if (first === undefined) first = state;
      else (others ??= new Map()).set(index, state);
    }
    current = state;
    return state;
  }

  function choicesInOrder(): ChoiceState[] {
    if (first === undefined) return [];
    if (others === undefined) return [first];
    return [first, ...others.values()].sort((a, b) => a.index - b.index);
  }

  function flush(events: ChatStreamEvent[] | undefined): void {
    for (const state of choicesInOrder()) {
      state.thinkTags?.flush(contentSink(state, events));
      state.toolCalls?.endAll(events);
    }
  }

  return {
    merge(chunk, events) {
      if (id === '' && typeof chunk.id === 'string') id = chunk.id;
      if (model === '' && typeof chunk.model === 'string') model = chunk.model;
      const list = Array.isArray(chunk.choices) ? chunk.choices : [];
      for (let position = 0; position < list.length; position++) {
        const choice = list[position];
        if (typeof choice !== 'object' || choice === null) continue;
        // Some compatible servers leave out `index` when n = 1; the position stands in.
        const state = choiceState(typeof choice.index === 'number' ? choice.index : position);
        const delta = choice.delta;
        if (typeof delta === 'object' && delta !== null) {
          const { content, refusal, tool_calls: toolCalls } = delta;
          const reasoning = reasoningOf(delta);
          if (reasoning !== '') {
            budget.add(reasoning.length);
            addReasoning(state, reasoning, events);
          }
          if (typeof content === 'string') {
            state.sawContent = true;
            // Charged before the think-tag splitter, which holds at most a tag's length.
            if (content !== '') budget.add(content.length);
            if (content === '') {
              // Nothing to add.
            } else if (state.thinkTags === undefined) addText(state, content, events);
            else state.thinkTags.push(content, contentSink(state, events));
          }
          if (typeof refusal === 'string' && refusal !== '') {
            budget.add(refusal.length);
            state.refusal.push(refusal);
            events?.push({ type: 'refusal-delta', choice: state.index, delta: refusal });
          }
          if (Array.isArray(toolCalls)) {
            state.toolCalls ??= createToolCallMerger(
              state.index,
              partialInput,
              callsWithoutId,
              budget,
            );
            for (const fragment of toolCalls) state.toolCalls.merge(fragment, events);
          }
        }
        const finishReason = choice.finish_reason;
        // '' is how some servers write "not finished"; it is not a reason.
        if (
          typeof finishReason === 'string' &&
          finishReason !== '' &&
          state.finishReason === null
        ) {
          state.finishReason = finishReason;
          sawFinishReason = true;
          state.thinkTags?.flush(contentSink(state, events));
          state.toolCalls?.endAll(events);
          events?.push({ type: 'finish', choice: state.index, finishReason });
        }
      }
      const chunkUsage = chunk.usage ?? groqUsage(chunk);
      if (typeof chunkUsage === 'object' && chunkUsage !== null) {
        usage = chunkUsage;
        events?.push({ type: 'usage', usage });
      }
    },

    flush,

    get sawFinishReason() {
      return sawFinishReason;
    },

    finish() {
      flush(undefined);
      const results = choicesInOrder().map(choiceResult);
      const result: ChatCompletionResult = {
        id,
        model,
        message: results[0]?.message ?? { role: 'assistant', content: null },
        finishReason: results[0]?.finishReason ?? null,
        choices: results,
      };
      if (usage !== undefined) result.usage = usage;
      return result;
    },
  };
}

/** Groq puts usage in `x_groq.usage` (only read when `usage` is absent). */
function groqUsage(chunk: ChatCompletionChunk): CompletionUsage | null | undefined {
  const extension = chunk.x_groq;
  return typeof extension === 'object' && extension !== null ? extension.usage : undefined;
}
