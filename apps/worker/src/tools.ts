import {
  createGetCurrentTime,
  createToolRegistry,
  type Tool,
  type ToolRegistry,
} from '@edgechat/core';

export interface ToolOptions {
  /** The clock of `get_current_time` (tests pin it). */
  now?: () => Date;
}

// The tools the model may call. Adding one is one `defineTool` in this list (README "Adding a
// tool"): /api/config and the request's `tools` are derived from it.
//
//   defineTool({
//     name: 'roll_dice',
//     description: 'Roll n six-sided dice.',
//     parameters: {
//       type: 'object',
//       properties: { n: { type: 'integer', minimum: 1, maximum: 10 } },
//       required: ['n'],
//       additionalProperties: false,
//     },
//     execute: ({ n }: { n: number }) =>
//       Array.from({ length: n }, () => 1 + Math.floor(Math.random() * 6)),
//   }),
export function createTools(options: ToolOptions = {}): ToolRegistry {
  const tools: Tool[] = [
    createGetCurrentTime(options.now === undefined ? {} : { now: options.now }) as Tool,
  ];
  return createToolRegistry(tools);
}
