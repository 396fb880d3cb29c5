import type { AssistantMessage, ChatStreamEvent, CompletionUsage } from '../openai/types.js';
import type { UIMessageChunk } from '../ui-stream/types.js';
import type { ChunkWriter } from './chunk-stream.js';
import { callModel } from './call-model.js';
import { forEachChatEvent } from './for-each-chat-event.js';
import type { StreamLimits } from './for-each-chat-event.js';
import type { ChatModel, ChatModelRequest } from './types.js';

/** What a step has shown so far; the run loop reads it to end a step cut short properly. */
export interface StepProgress {
  /** Waiting for the model's answer (a rejection here means it could not be reached). */
  calling: boolean;
  /** `start-step` was sent (the model answered with a body to read) and `finish-step` not yet. */
  stepOpen: boolean;
  /** The model's stream was read to its end: the step's message is complete. */
  streamed: boolean;
  /** The id of the step's text part while it is open (sent `text-start`, not `text-end`). */
  openTextId: string | undefined;
  /** The same for its reasoning part. */
  openReasoningId: string | undefined;
  /** The text, refusal and reasoning so far, for the message of a step cut short. */
  text: string;
  refusal: string;
  reasoning: string;
}

/** A tool call as it ended in the stream (`tool-call-end`), id repaired if it had none. */
export interface EndedToolCall {
  id: string;
  name: string;
  arguments: string;
  /** The arguments, parsed once by the stream reader and passed on to the registry as they are. */
  input?: unknown;
  inputError?: string;
}

export interface StepResult {
  message: AssistantMessage;
  finishReason: string | null;
  usage: CompletionUsage | undefined;
  toolCalls: EndedToolCall[];
}

export interface StepContext {
  model: ChatModel;
  /** Read a leading `<think>…</think>` in the content as reasoning. */
  thinkTags: boolean;
  /** The caps on the model's stream. */
  limits: StreamLimits;
  writer: ChunkWriter;
  generateId: () => string;
  /** Called at each call's `tool-call-end`, to send `tool-input-available` or `-error`. */
  onToolCallEnd(call: EndedToolCall): void;
}

/**
 * One model call: sends `start-step` once the model answered, forwards each event as it
 * arrives, and returns the merged step. Only choice 0 is read (the loop asks for one answer).
 * Throws what the model or the stream throws; `progress` tells what was shown by then.
 */
export async function streamStep(
  context: StepContext,
  request: ChatModelRequest,
  progress: StepProgress,
): Promise<StepResult> {
  const { writer, generateId } = context;
  progress.calling = true;
  const source = await callModel(context.model, request, writer.signal);
  progress.calling = false;
  // Like the AI SDK, a step starts when the model's stream starts; an HTTP error response
  // never starts one (the stream reader throws `http_error` before any event).
  if (!isErrorResponse(source)) {
    progress.stepOpen = true;
    writer.write({ type: 'start-step' });
  }
  const toolCalls: EndedToolCall[] = [];
  // Consecutive deltas of one part that arrived in the same network read go out as one
  // chunk: nothing waits longer (they are sent before the next read), and a fast upstream
  // costs the client one frame per read instead of one per token.
  let pending: PendingDelta | undefined;
  const flush = (): void => {
    if (pending === undefined) return;
    writer.write(pending);
    pending = undefined;
  };
  let result;
  try {
    result = await forEachChatEvent(
      source,
      writer.signal,
      forward,
      flush,
      writer.ready,
      context.thinkTags,
      context.limits,
    );
  } finally {
    flush();
  }
  progress.streamed = true;
  closeParts(writer, progress);
  const message = repairToolCallIds(result.message, toolCalls);
  return { message, finishReason: result.finishReason, usage: result.usage, toolCalls };

  function forward(event: ChatStreamEvent): void {
    // Usage is the accumulator's to keep: it comes back in `result`.
    if (event.type === 'usage') return;
    if (event.choice !== 0) return;
    switch (event.type) {
      case 'reasoning-delta': {
        progress.reasoning += event.delta;
        let id = progress.openReasoningId;
        if (id === undefined) {
          // Thinking again after some text (interleaved thinking): a new reasoning part
          // after that text, so the parts stay in the order they were written.
          flush();
          closeText(writer, progress);
          id = generateId();
          progress.openReasoningId = id;
          writer.write({ type: 'reasoning-start', id });
        }
        if (pending?.type === 'reasoning-delta' && pending.id === id) pending.delta += event.delta;
        else {
          flush();
          pending = { type: 'reasoning-delta', id, delta: event.delta };
        }
        return;
      }
      case 'text-delta':
      case 'refusal-delta': {
        // A refusal is shown as text: the user should read why there is no answer. The
        // message keeps it apart, in `refusal`, as OpenAI sent it.
        if (event.type === 'text-delta') progress.text += event.delta;
        else progress.refusal += event.delta;
        let id = progress.openTextId;
        if (id === undefined) {
          flush();
          // The reasoning is over once the answer starts: its part ends first.
          closeReasoning(writer, progress);
          id = generateId();
          progress.openTextId = id;
          writer.write({ type: 'text-start', id });
        }
        if (pending?.type === 'text-delta' && pending.id === id) pending.delta += event.delta;
        else {
          flush();
          pending = { type: 'text-delta', id, delta: event.delta };
        }
        return;
      }
      case 'tool-call-start':
        flush();
        closeReasoning(writer, progress);
        writer.write({
          type: 'tool-input-start',
          toolCallId: event.id,
          toolName: event.name,
          dynamic: true,
        });
        return;
      case 'tool-call-delta':
        if (pending?.type === 'tool-input-delta' && pending.toolCallId === event.id) {
          pending.inputTextDelta += event.argumentsDelta;
        } else {
          flush();
          pending = {
            type: 'tool-input-delta',
            toolCallId: event.id,
            inputTextDelta: event.argumentsDelta,
          };
        }
        return;
      case 'tool-call-end': {
        flush();
        const call = endedToolCall(event, generateId);
        toolCalls.push(call);
        context.onToolCallEnd(call);
        return;
      }
      case 'finish':
        return;
    }
  }
}

type PendingDelta = Extract<
  UIMessageChunk,
  { type: 'text-delta' | 'reasoning-delta' | 'tool-input-delta' }
>;

/** Ends the step's open reasoning and text parts (a step cut short, or its stream's end). */
export function closeParts(writer: ChunkWriter, progress: StepProgress): void {
  closeReasoning(writer, progress);
  closeText(writer, progress);
}

function closeText(writer: ChunkWriter, progress: StepProgress): void {
  if (progress.openTextId === undefined) return;
  writer.write({ type: 'text-end', id: progress.openTextId });
  progress.openTextId = undefined;
}

function closeReasoning(writer: ChunkWriter, progress: StepProgress): void {
  if (progress.openReasoningId === undefined) return;
  writer.write({ type: 'reasoning-end', id: progress.openReasoningId });
  progress.openReasoningId = undefined;
}

function isErrorResponse(source: Response | ReadableStream<Uint8Array>): boolean {
  const ok: unknown = (source as Partial<Response>).ok;
  return typeof ok === 'boolean' && !ok;
}

type ToolCallEndEvent = Extract<ChatStreamEvent, { type: 'tool-call-end' }>;

/**
 * Some OpenAI-compatible servers send tool calls without an id. The call can still be run
 * and answered, so it gets one of ours (the message sent back carries the same id); the
 * stream reader was asked to parse such a call's arguments like any other's.
 */
function endedToolCall(event: ToolCallEndEvent, generateId: () => string): EndedToolCall {
  const id = event.id === '' && event.name !== '' ? generateId() : event.id;
  const call: EndedToolCall = { id, name: event.name, arguments: event.arguments };
  if (event.inputError !== undefined) call.inputError = event.inputError;
  else call.input = event.input;
  return call;
}

/** Puts the ids given to id-less calls into the message (its calls are in the same order). */
function repairToolCallIds(message: AssistantMessage, calls: EndedToolCall[]): AssistantMessage {
  const toolCalls = message.tool_calls;
  if (toolCalls === undefined || toolCalls.every((call) => call.id !== '')) return message;
  return {
    ...message,
    tool_calls: toolCalls.map((toolCall, index) => {
      const id = calls[index]?.id;
      return toolCall.id === '' && id !== undefined ? { ...toolCall, id } : toolCall;
    }),
  };
}
