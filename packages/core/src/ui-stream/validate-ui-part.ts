import type { DynamicToolUIPart, ReasoningUIPart, TextUIPart, UIMessagePart } from './types.js';
import { isRecord } from '../base/json.js';
import { checkDepth, problem, quoteValue } from './validation-problem.js';

export interface PartRules {
  unknownParts: 'reject' | 'skip';
  maxDepth: number;
}

const TOOL_STATES = ['input-streaming', 'input-available', 'output-available', 'output-error'];
const SUPPORTED_PARTS = 'text, reasoning, step-start, dynamic-tool, data-*';

/** One part of a message from outside; `undefined` when an unknown part is to be skipped. */
export function validateUIPart(
  value: unknown,
  path: string,
  role: 'user' | 'assistant',
  rules: PartRules,
): UIMessagePart | undefined {
  if (!isRecord(value)) problem(path, 'must be an object');
  const { type } = value;
  if (typeof type !== 'string') problem(`${path}.type`, 'must be a string');

  if (type === 'text' || type === 'reasoning') {
    if (typeof value.text !== 'string') problem(`${path}.text`, 'must be a string');
    if (type === 'reasoning' && role === 'user') notInUserMessage(path, type);
    const part: TextUIPart | ReasoningUIPart = { type, text: value.text };
    if (value.state === 'streaming' || value.state === 'done') part.state = value.state;
    return part;
  }
  if (type.startsWith('data-')) {
    checkDepth(value.data, `${path}.data`, rules.maxDepth);
    const part: UIMessagePart = { type: type as `data-${string}`, data: value.data };
    if (typeof value.id === 'string') part.id = value.id;
    return part;
  }
  if (type === 'step-start') {
    if (role === 'user') notInUserMessage(path, type);
    return { type };
  }
  if (type === 'dynamic-tool') {
    if (role === 'user') notInUserMessage(path, type);
    return validateToolPart(value, path, rules.maxDepth);
  }
  if (rules.unknownParts === 'skip') return undefined;
  problem(
    `${path}.type`,
    `unsupported part type ${quoteValue(type)} (supported: ${SUPPORTED_PARTS})`,
  );
}

function validateToolPart(
  value: Record<string, unknown>,
  path: string,
  maxDepth: number,
): DynamicToolUIPart {
  const { toolName, toolCallId, state } = value;
  if (typeof toolName !== 'string' || toolName === '') {
    problem(`${path}.toolName`, 'must be a non-empty string');
  }
  if (typeof toolCallId !== 'string' || toolCallId === '') {
    problem(`${path}.toolCallId`, 'must be a non-empty string');
  }
  if (typeof state !== 'string' || !TOOL_STATES.includes(state)) {
    problem(`${path}.state`, `must be one of ${TOOL_STATES.map((s) => `"${s}"`).join(', ')}`);
  }
  checkDepth(value.input, `${path}.input`, maxDepth);
  checkDepth(value.output, `${path}.output`, maxDepth);
  const base = { type: 'dynamic-tool' as const, toolName, toolCallId, input: value.input };
  switch (state) {
    case 'output-available':
      return { ...base, state, output: value.output };
    case 'output-error':
      if (typeof value.errorText !== 'string') problem(`${path}.errorText`, 'must be a string');
      return { ...base, state, errorText: value.errorText };
    case 'input-available':
      return { ...base, state };
    default:
      return { ...base, state: 'input-streaming' };
  }
}

function notInUserMessage(path: string, type: string): never {
  problem(`${path}.type`, `${quoteValue(type)} parts are not accepted in a user message`);
}
