import { createPartialJsonParser } from '../partial-json/index.js';
import { createDataParts } from './builder-data-parts.js';
import { appendToPart, endPart, openPart, type OpenParts } from './builder-text-parts.js';
import { mergeMetadata } from './merge-metadata.js';
import type { DynamicToolUIPart, UIFinishReason, UIMessage, UIMessageChunk } from './types.js';

export interface UIMessageBuilder {
  /** Folds one chunk into `message`, in place (see `createUIMessageBuilder`). */
  push(chunk: UIMessageChunk): void;
  /** The message built so far. Replaced by a new object only when a `start` chunk names a
   * different message after content arrived; read it after each `push`. */
  readonly message: UIMessage;
  /** The `finishReason` of the last `finish` chunk that had one. */
  readonly finishReason: UIFinishReason | undefined;
  /** The `errorText` of the last `error` chunk. */
  readonly error: string | undefined;
  /** Whether an `abort` chunk arrived. */
  readonly aborted: boolean;
}

type PartialJsonParser = ReturnType<typeof createPartialJsonParser>;

interface ToolCallEntry {
  /** Position of the call's latest part in `message.parts` (parts are only ever appended). */
  index: number;
  /** The step the part belongs to: the number of `step-start` parts before it. */
  step: number;
  /** Set while the input streams; created lazily for a part adopted from a given message. */
  parser?: PartialJsonParser;
}

/**
 * Folds UI message chunks into a `UIMessage` the way the AI SDK's `readUIMessageStream` does
 * (`processUIMessageStream` in `ai` v6), so a message built here equals the one an AI SDK
 * client builds from the same stream:
 *
 * - `start` sets the id and merges `messageMetadata`; a `start` naming a *different* id than
 *   the current message's starts a fresh message (the AI SDK's `resetStateOnMessageIdChange`).
 * - `start-step` appends a `step-start` part. `finish-step` ends the step's open text and
 *   reasoning parts (later deltas for their ids start new parts).
 * - `text-*` / `reasoning-*` create, append to and finish parts (`streaming` → `done`).
 * - Tool calls become `dynamic-tool` parts: `tool-input-start` (`input-streaming`, input
 *   `undefined`), `tool-input-delta` (`input` = the partial JSON value so far, `rawInput` = the
 *   text so far), `tool-input-available`, `tool-input-error` (→ `output-error`),
 *   `tool-output-available`, `tool-output-error`. A call id seen again in a *later* step gets a
 *   new part, as in the AI SDK. Chunks without `dynamic: true` are folded the same way: this
 *   message type only models dynamic tool parts.
 * - `data-*` chunks append a data part; one with an `id` replaces the data of the part with the
 *   same type and id; a `transient` one is not added.
 * - `message-metadata` / `finish` merge metadata deeply (`mergeMetadata`); `finish` records
 *   `finishReason`.
 * - `error` and `abort` add nothing to the parts — everything built so far stays — and are
 *   exposed as `error` / `aborted`. (The AI SDK reports an `error` chunk to `onError` and keeps
 *   the message too; it does not throw unless asked to.)
 *
 * Bad input never throws, where the AI SDK throws on some of it:
 * - Unknown chunk types are ignored (forward compatibility; also the AI SDK's `file` /
 *   `source-*` chunks, which this message type does not model).
 * - A `text-delta` / `reasoning-delta` for an id that is not open starts a new part rather
 *   than losing the text; a `*-end` for an unknown id is ignored.
 * - `tool-input-delta` for an unknown call or one whose input is no longer streaming, and
 *   `tool-output-*` for an unknown call, are ignored: there is no part (or tool name) to put
 *   them in. `tool-input-available` / `tool-input-error` without a start create the part.
 *
 * `push` mutates `message` in place: text is appended to the open part, a tool part is
 * replaced (in the same slot) by a new object when it changes. Nothing copies the whole
 * message, so a stream costs O(total length); take a snapshot (`structuredClone`) if you need
 * one. A given `message` is adopted, not copied: it is mutated by later chunks. A given message
 * that is not an assistant message only lends its id (as in the AI SDK).
 */
export function createUIMessageBuilder(initial?: UIMessage): UIMessageBuilder {
  let message: UIMessage = { id: initial?.id ?? '', role: 'assistant', parts: [] };
  let step = 0;
  let texts: OpenParts = new Map();
  let reasonings: OpenParts = new Map();
  const toolCalls = new Map<string, ToolCallEntry>();
  const dataParts = createDataParts();
  let finishReason: UIFinishReason | undefined;
  let error: string | undefined;
  let aborted = false;

  if (initial?.role === 'assistant') {
    message = initial;
    initial.parts.forEach((part, index) => {
      if (part.type === 'step-start') step++;
      else if (part.type === 'dynamic-tool') toolCalls.set(part.toolCallId, { index, step });
      else dataParts.adopt(part);
    });
  }

  function reset(id: string): void {
    if (message.parts.length > 0 || message.metadata !== undefined) {
      message = { id, role: 'assistant', parts: [] };
    } else {
      message.id = id;
    }
    step = 0;
    texts = new Map();
    reasonings = new Map();
    toolCalls.clear();
    dataParts.clear();
    finishReason = undefined;
    error = undefined;
    aborted = false;
  }

  function mergeIntoMetadata(update: unknown): void {
    // As the AI SDK: a null or absent metadata update changes nothing.
    if (update === undefined || update === null) return;
    message.metadata =
      message.metadata === undefined || message.metadata === null
        ? update
        : mergeMetadata(message.metadata, update);
  }

  function toolPart(toolCallId: string): DynamicToolUIPart | undefined {
    const entry = toolCalls.get(toolCallId);
    const part = entry === undefined ? undefined : message.parts[entry.index];
    return part?.type === 'dynamic-tool' ? part : undefined;
  }

  /** Puts a call's part in the current step: replaces its part there, or appends a new one. */
  function placeToolPart(part: DynamicToolUIPart, parser?: PartialJsonParser): void {
    const entry = toolCalls.get(part.toolCallId);
    if (entry !== undefined && entry.step === step) {
      message.parts[entry.index] = part;
      entry.parser = parser;
    } else {
      toolCalls.set(part.toolCallId, { index: message.parts.length, step, parser });
      message.parts.push(part);
    }
  }

  /** Replaces a call's existing part wherever it is (outputs may arrive in a later step). */
  function replaceToolPart(part: DynamicToolUIPart): void {
    const entry = toolCalls.get(part.toolCallId);
    if (entry === undefined) return;
    message.parts[entry.index] = part;
    entry.parser = undefined;
  }

  /** A call's outcome replaces its part, wherever it is; an unknown call has no part to take it. */
  function settleToolPart(
    toolCallId: string,
    outcome:
      { state: 'output-available'; output: unknown } | { state: 'output-error'; errorText: string },
  ): void {
    const part = toolPart(toolCallId);
    if (part === undefined) return;
    const { toolName, input } = part;
    replaceToolPart({ type: 'dynamic-tool', toolCallId, toolName, input, ...outcome });
  }

  function push(chunk: UIMessageChunk): void {
    switch (chunk.type) {
      case 'start':
        if (chunk.messageId != null && chunk.messageId !== message.id) reset(chunk.messageId);
        mergeIntoMetadata(chunk.messageMetadata);
        return;
      case 'start-step':
        message.parts.push({ type: 'step-start' });
        step++;
        return;
      case 'finish-step':
        texts = new Map();
        reasonings = new Map();
        return;
      case 'text-start':
        openPart(texts, message.parts, chunk.id, { type: 'text', text: '', state: 'streaming' });
        return;
      case 'text-delta':
        appendToPart(texts, message.parts, chunk.id, chunk.delta, () => ({
          type: 'text',
          text: '',
          state: 'streaming',
        }));
        return;
      case 'text-end':
        endPart(texts, chunk.id);
        return;
      case 'reasoning-start':
        openPart(reasonings, message.parts, chunk.id, {
          type: 'reasoning',
          id: chunk.id,
          text: '',
          state: 'streaming',
        });
        return;
      case 'reasoning-delta':
        appendToPart(reasonings, message.parts, chunk.id, chunk.delta, () => ({
          type: 'reasoning',
          id: chunk.id,
          text: '',
          state: 'streaming',
        }));
        return;
      case 'reasoning-end':
        endPart(reasonings, chunk.id);
        return;
      case 'tool-input-start':
        placeToolPart(
          {
            type: 'dynamic-tool',
            toolCallId: chunk.toolCallId,
            toolName: chunk.toolName,
            state: 'input-streaming',
            input: undefined,
          },
          createPartialJsonParser(),
        );
        return;
      case 'tool-input-delta': {
        const entry = toolCalls.get(chunk.toolCallId);
        const part = toolPart(chunk.toolCallId);
        if (entry === undefined || part?.state !== 'input-streaming') return;
        const before = part.rawInput ?? '';
        if (entry.parser === undefined) {
          // Adopted from a given message: resume from the text it kept.
          entry.parser = createPartialJsonParser();
          entry.parser.push(before);
        }
        message.parts[entry.index] = {
          type: 'dynamic-tool',
          toolCallId: part.toolCallId,
          toolName: part.toolName,
          state: 'input-streaming',
          input: entry.parser.push(chunk.inputTextDelta),
          rawInput: before + chunk.inputTextDelta,
        };
        return;
      }
      case 'tool-input-available':
        placeToolPart({
          type: 'dynamic-tool',
          toolCallId: chunk.toolCallId,
          toolName: chunk.toolName,
          state: 'input-available',
          input: chunk.input,
        });
        return;
      case 'tool-input-error':
        placeToolPart({
          type: 'dynamic-tool',
          toolCallId: chunk.toolCallId,
          toolName: chunk.toolName,
          state: 'output-error',
          input: chunk.input,
          errorText: chunk.errorText,
        });
        return;
      case 'tool-output-available':
        settleToolPart(chunk.toolCallId, { state: 'output-available', output: chunk.output });
        return;
      case 'tool-output-error':
        settleToolPart(chunk.toolCallId, { state: 'output-error', errorText: chunk.errorText });
        return;
      case 'message-metadata':
        mergeIntoMetadata(chunk.messageMetadata);
        return;
      case 'finish':
        if (chunk.finishReason != null) finishReason = chunk.finishReason;
        mergeIntoMetadata(chunk.messageMetadata);
        return;
      case 'error':
        error = chunk.errorText;
        return;
      case 'abort':
        aborted = true;
        return;
      default:
        // The type only admits `data-*` here, but the wire may carry anything.
        if (typeof chunk.type === 'string' && chunk.type.startsWith('data-')) {
          dataParts.push(message.parts, chunk);
        }
    }
  }

  return {
    push,
    get message() {
      return message;
    },
    get finishReason() {
      return finishReason;
    },
    get error() {
      return error;
    },
    get aborted() {
      return aborted;
    },
  };
}
