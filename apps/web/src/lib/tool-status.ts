import type { DynamicToolUIPart } from '@edgechat/core';

export type ToolStatus = 'running' | 'done' | 'failed';

/** A call without a result is running while its answer streams, and failed once it ended. */
export function toolStatus(part: DynamicToolUIPart, live: boolean): ToolStatus {
  if (part.state === 'output-available') return 'done';
  if (part.state === 'output-error') return 'failed';
  return live ? 'running' : 'failed';
}

/** Pretty JSON for the panel; a string stays as it is (raw arguments that did not parse). */
export function formatJson(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}
