import { createPartialJsonParser } from '../partial-json/index.js';
import type { PartialJsonParser } from '../partial-json/index.js';
import { MessageBudget } from './message-budget.js';
import type { ChatCompletionChunkToolCallDelta, ChatStreamEvent, ToolCall } from './types.js';

/** One tool call of one choice, as its fragments arrive. */
interface ToolCallState {
  /** The upstream `tool_calls[].index`, or the next free one when it had none. */
  readonly index: number;
  /** '' until a fragment carries it; the first one wins. */
  id: string;
  name: string;
  /** Argument pieces, joined once at the end (linear, not a string grown per piece). */
  readonly pieces: string[];
  parser: PartialJsonParser | undefined;
  partialInput: unknown;
  started: boolean;
  /** The final arguments, set when the call ended; later fragments are ignored. */
  final: string | undefined;
}

/** The tool calls of one choice: merges fragments, emits the call's events. */
export interface ToolCallMerger {
  merge(fragment: ChatCompletionChunkToolCallDelta, events: ChatStreamEvent[] | undefined): void;
  /** Ends every open call, in index order. */
  endAll(events: ChatStreamEvent[] | undefined): void;
  /** The calls in index order, in the request shape (`''` arguments as `'{}'`). */
  toolCalls(): ToolCall[];
}

/**
 * `partialInput: false` skips the partial-JSON parse (events then carry `undefined`).
 * `callsWithoutId: true` is for a consumer that names such calls itself (the run loop): their
 * `tool-call-end` carries `id: ''` and the parsed `input`, instead of an `inputError`.
 * `budget` is charged each new call and its id, name and arguments (the answer's caps, shared
 * by its choices); over a cap, `merge` throws `stream_too_large` before keeping the fragment.
 */
export function createToolCallMerger(
  choice: number,
  partialInput = true,
  callsWithoutId = false,
  budget: MessageBudget = new MessageBudget(),
): ToolCallMerger {
  const calls: ToolCallState[] = [];
  // Indexed by the upstream `index` (small integers, in practice): an array lookup is what a
  // fragment costs. Any other number is still a distinct key (a property), so none is lost.
  const byIndex: (ToolCallState | undefined)[] = [];
  const byId = new Map<string, ToolCallState>();
  let last: ToolCallState | undefined;
  let nextIndex = 0;

  function create(index: number): ToolCallState {
    budget.addToolCall();
    const call: ToolCallState = {
      index,
      id: '',
      name: '',
      pieces: [],
      parser: undefined,
      partialInput: undefined,
      started: false,
      final: undefined,
    };
    calls.push(call);
    byIndex[index] = call;
    nextIndex = Math.max(nextIndex, index + 1);
    return call;
  }

  // OpenAI sends `index` on every fragment and `id` on the first. Some providers send no
  // index, with the id on every fragment or only on the first (vercel/ai#7238): then the id
  // finds the call, and a fragment with neither continues the choice's latest call.
  function find(index: unknown, id: string): ToolCallState {
    if (typeof index === 'number') {
      const existing = byIndex[index];
      if (existing === undefined) return create(index);
      if (id === '' || existing.id === '' || existing.id === id) return existing;
      // Another id at a taken index is another call; later fragments at that index follow it.
      const call = create(nextIndex);
      byIndex[index] = call;
      return call;
    }
    if (id !== '') return byId.get(id) ?? create(nextIndex);
    return last ?? create(nextIndex);
  }

  function end(call: ToolCallState, events: ChatStreamEvent[] | undefined): void {
    const args = finalArguments(call);
    call.final = args;
    // Without a listener the end is only the freezing of the arguments.
    if (events === undefined) return;
    const event: Extract<ChatStreamEvent, { type: 'tool-call-end' }> = {
      type: 'tool-call-end',
      choice,
      index: call.index,
      id: call.id,
      name: call.name,
      arguments: args,
    };
    const missing =
      call.id === '' && !callsWithoutId ? 'an id' : call.name === '' ? 'a name' : undefined;
    if (missing !== undefined) {
      // No id or name is invented: the call cannot be answered, and the consumer is told so.
      event.inputError = `tool call ${call.index} arrived without ${missing}`;
    } else {
      try {
        event.input = JSON.parse(args) as unknown;
      } catch (error) {
        event.inputError = `tool call arguments are not valid JSON: ${(error as Error).message}`;
      }
    }
    events.push(event);
  }

  function deltaEvent(call: ToolCallState, argumentsDelta: string): ChatStreamEvent {
    return {
      type: 'tool-call-delta',
      choice,
      index: call.index,
      id: call.id,
      argumentsDelta,
      partialInput: call.partialInput,
    };
  }

  function inIndexOrder(): ToolCallState[] {
    return calls.length < 2 ? calls : [...calls].sort((a, b) => a.index - b.index);
  }

  return {
    merge(fragment, events) {
      if (typeof fragment !== 'object' || fragment === null) return;
      const id = typeof fragment.id === 'string' ? fragment.id : '';
      const fn = fragment.function;
      const name = typeof fn?.name === 'string' ? fn.name : '';
      const args = argumentsOf(fn?.arguments);
      const call = find(fragment.index, id);
      // A call is final at its tool-call-end; what arrives for it afterwards is ignored so
      // the events and the message never disagree.
      if (call.final !== undefined) return;
      const setsId = call.id === '' && id !== '';
      const setsName = call.name === '' && name !== '';
      budget.add((setsId ? id.length : 0) + (setsName ? name.length : 0) + args.length);
      last = call;
      // First id and name win; providers that repeat them on later fragments (or send a
      // missing `type`) are tolerated, and a repeated name is not appended.
      if (setsId) {
        call.id = id;
        byId.set(id, call);
      }
      if (setsName) call.name = name;
      if (args !== '') {
        call.pieces.push(args);
        if (partialInput) {
          call.parser ??= createPartialJsonParser();
          call.partialInput = call.parser.push(args);
        }
      }
      if (call.started) {
        if (args !== '') events?.push(deltaEvent(call, args));
      } else if (call.id !== '' && call.name !== '') {
        call.started = true;
        events?.push({
          type: 'tool-call-start',
          choice,
          index: call.index,
          id: call.id,
          name: call.name,
        });
        // Arguments that came before the id and name are delivered at once.
        if (call.pieces.length > 0) events?.push(deltaEvent(call, call.pieces.join('')));
      }
    },

    endAll(events) {
      for (const call of inIndexOrder()) if (call.final === undefined) end(call, events);
    },

    toolCalls() {
      return inIndexOrder().map((call) => ({
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: call.final ?? finalArguments(call) },
      }));
    },
  };
}

function finalArguments(call: ToolCallState): string {
  // vercel/ai#6687: a call without parameters may stream no arguments at all; they mean {}.
  const joined = call.pieces.join('');
  return joined.trim() === '' ? '{}' : joined;
}

/** Arguments are a string; a provider that sends an object (seen in JSON bodies) gets it encoded. */
function argumentsOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return '';
}
