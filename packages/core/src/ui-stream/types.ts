// The AI SDK's UI message stream protocol (v1), as spoken by `useChat` and `readUIMessageStream`.
// Field names match the AI SDK exactly so either side can talk to the other.

export type UIFinishReason =
  'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'other';

export type DataUIMessageChunk = {
  type: `data-${string}`;
  id?: string;
  data: unknown;
  transient?: boolean;
};

export type UIMessageChunk =
  | { type: 'start'; messageId?: string; messageMetadata?: unknown }
  | { type: 'start-step' }
  | { type: 'text-start'; id: string }
  | { type: 'text-delta'; id: string; delta: string }
  | { type: 'text-end'; id: string }
  | { type: 'reasoning-start'; id: string }
  | { type: 'reasoning-delta'; id: string; delta: string }
  | { type: 'reasoning-end'; id: string }
  | { type: 'tool-input-start'; toolCallId: string; toolName: string; dynamic?: boolean }
  | { type: 'tool-input-delta'; toolCallId: string; inputTextDelta: string }
  | {
      type: 'tool-input-available';
      toolCallId: string;
      toolName: string;
      input: unknown;
      dynamic?: boolean;
    }
  | {
      type: 'tool-input-error';
      toolCallId: string;
      toolName: string;
      input: unknown;
      errorText: string;
      dynamic?: boolean;
    }
  | { type: 'tool-output-available'; toolCallId: string; output: unknown; dynamic?: boolean }
  | { type: 'tool-output-error'; toolCallId: string; errorText: string; dynamic?: boolean }
  | { type: 'finish-step' }
  | { type: 'finish'; finishReason?: UIFinishReason; messageMetadata?: unknown }
  | { type: 'message-metadata'; messageMetadata: unknown }
  | { type: 'error'; errorText: string }
  | { type: 'abort' }
  | DataUIMessageChunk;

export interface TextUIPart {
  type: 'text';
  text: string;
  state?: 'streaming' | 'done';
}

export interface ReasoningUIPart {
  type: 'reasoning';
  /** The stream's reasoning id; the AI SDK keeps it on the part (text parts it does not). */
  id?: string;
  text: string;
  state?: 'streaming' | 'done';
}

export interface StepStartUIPart {
  type: 'step-start';
}

interface DynamicToolUIPartBase {
  type: 'dynamic-tool';
  toolName: string;
  toolCallId: string;
}

export type DynamicToolUIPart = DynamicToolUIPartBase &
  (
    | {
        state: 'input-streaming';
        input: unknown;
        /** The argument text received so far (as the AI SDK keeps it, so a stream can resume). */
        rawInput?: string;
        output?: undefined;
        errorText?: undefined;
      }
    | { state: 'input-available'; input: unknown; output?: undefined; errorText?: undefined }
    | { state: 'output-available'; input: unknown; output: unknown; errorText?: undefined }
    | { state: 'output-error'; input: unknown; output?: undefined; errorText: string }
  );

export interface DataUIPart {
  type: `data-${string}`;
  id?: string;
  data: unknown;
}

export type UIMessagePart =
  TextUIPart | ReasoningUIPart | StepStartUIPart | DynamicToolUIPart | DataUIPart;

export interface UIMessage {
  id: string;
  role: 'system' | 'user' | 'assistant';
  metadata?: unknown;
  parts: UIMessagePart[];
}
