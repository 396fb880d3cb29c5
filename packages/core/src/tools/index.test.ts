import { describe, expect, it } from 'vitest';
import * as tools from './index.js';

describe('tools entry point', () => {
  it('exports exactly the public names', () => {
    expect(Object.keys(tools).sort()).toEqual([
      'DEFAULT_TOOL_TIMEOUT_MS',
      'TOOL_RESULT_MAX_BYTES',
      'ToolInputError',
      'checkJsonSchema',
      'createGetCurrentTime',
      'createToolRegistry',
      'defineTool',
      'getCurrentTime',
      'serializeToolResult',
      'validateJsonSchema',
    ]);
    expect([tools.DEFAULT_TOOL_TIMEOUT_MS, tools.TOOL_RESULT_MAX_BYTES]).toEqual([10_000, 32_768]);
  });

  it('ToolInputError is an Error with its own name', () => {
    const error = new tools.ToolInputError('bad zone');
    expect([error instanceof Error, error.name, error.message]).toEqual([
      true,
      'ToolInputError',
      'bad zone',
    ]);
  });
});
