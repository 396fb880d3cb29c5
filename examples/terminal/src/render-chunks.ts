import type { UIMessageChunk } from '@edgechat/core';
import { finishNote } from './finish-note.js';
import { safeText } from './safe-text.js';
import type { TerminalOutput } from './terminal-output.js';

const MAX_SHOWN = 300;

function shorten(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

// JSON.stringify escapes C0 characters but not C1 or bidi ones, so it goes through safeText too.
function json(value: unknown): string {
  return safeText(shorten(JSON.stringify(value) ?? 'undefined'));
}

export interface ChunkRenderer {
  push(chunk: UIMessageChunk): void;
}

/**
 * How the model's thinking is shown: `dim` (a terminal that takes ANSI styles), `plain`
 * (piped output or NO_COLOR: each thought on lines that start with `… `, so a transcript
 * still tells thinking from answer) or `hidden` (`--hide-reasoning`).
 */
export type ReasoningDisplay = 'dim' | 'plain' | 'hidden';

const DIM = '\u001b[2m';
const NOT_DIM = '\u001b[22m';

/**
 * Prints a run's UI message chunks as they come: text deltas at once, no buffering; one line
 * per tool call when its result (or error) is known, `⚙ name {args} → {result}`, in the order
 * results arrive; the model's thinking dimmed (see `ReasoningDisplay`), on lines of its own
 * before the answer; an `error` chunk as `✗ message`; an abort as `[stopped]`; an answer cut at
 * the token limit or by the content filter with a note saying so (`finishNote`), dimmed when
 * `color` is on (default), plain otherwise. With `verbose` (debug mode) the finish reason and
 * token usage follow each answer. Everything that comes from the model, a tool or the server
 * goes through `safeText`, so the only escape sequences written are the renderer's own styles.
 */
export function createChunkRenderer(
  output: TerminalOutput,
  options: { verbose: () => boolean; reasoning?: ReasoningDisplay; color?: boolean },
): ChunkRenderer {
  const display = options.reasoning ?? 'dim';
  const color = options.color ?? true;
  const calls = new Map<string, { name: string; input: unknown }>();
  // Thinking ends before the answer; a stream that skips reasoning-end still ends it here.
  let thinking = false;
  const think = (raw: string): void => {
    if (display === 'hidden' || raw === '') return;
    const delta = safeText(raw);
    if (display === 'plain') {
      if (!thinking) output.write('… ');
      output.write(delta.replaceAll('\n', '\n… '));
    } else {
      output.write(thinking ? delta : `${DIM}${delta}`);
    }
    thinking = true;
  };
  const stopThinking = (): void => {
    if (!thinking) return;
    thinking = false;
    if (display === 'dim') output.write(NOT_DIM);
    output.endLine();
  };
  const toolLine = (id: string, result: string): void => {
    const call = calls.get(id);
    const shown = call === undefined ? [safeText(id)] : [safeText(call.name), json(call.input)];
    output.line(`⚙ ${[...shown, result].join(' ')}`);
  };

  return {
    push(chunk) {
      if (thinking && chunk.type !== 'reasoning-delta') stopThinking();
      switch (chunk.type) {
        case 'reasoning-delta':
          think(chunk.delta);
          break;
        case 'text-delta':
          output.write(safeText(chunk.delta));
          break;
        case 'tool-input-start':
          calls.set(chunk.toolCallId, { name: chunk.toolName, input: undefined });
          break;
        case 'tool-input-available':
          calls.set(chunk.toolCallId, { name: chunk.toolName, input: chunk.input });
          break;
        case 'tool-input-error':
          calls.set(chunk.toolCallId, { name: chunk.toolName, input: chunk.input });
          toolLine(chunk.toolCallId, `✗ ${safeText(chunk.errorText)}`);
          break;
        case 'tool-output-available':
          toolLine(chunk.toolCallId, `→ ${json(chunk.output)}`);
          break;
        case 'tool-output-error':
          toolLine(chunk.toolCallId, `✗ ${safeText(chunk.errorText)}`);
          break;
        case 'error':
          output.line(`✗ ${safeText(chunk.errorText)}`);
          break;
        case 'abort':
          output.line('[stopped]');
          break;
        case 'finish': {
          output.endLine();
          const note = finishNote(chunk.finishReason);
          if (note !== undefined) output.line(color ? `${DIM}${note}${NOT_DIM}` : note);
          if (options.verbose()) output.line(safeText(describeFinish(chunk)));
          break;
        }
        default:
          break;
      }
    },
  };
}

function describeFinish(chunk: Extract<UIMessageChunk, { type: 'finish' }>): string {
  const metadata = chunk.messageMetadata;
  const usage =
    typeof metadata === 'object' && metadata !== null && 'usage' in metadata
      ? metadata.usage
      : undefined;
  let tokens = '';
  if (typeof usage === 'object' && usage !== null) {
    const { prompt_tokens: prompt, completion_tokens: completion } = usage as Record<
      string,
      unknown
    >;
    tokens = `, tokens: ${String(prompt)} in / ${String(completion)} out`;
  }
  return `· finish: ${chunk.finishReason ?? 'unknown'}${tokens}`;
}
