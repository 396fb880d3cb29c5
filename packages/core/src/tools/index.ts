export { checkJsonSchema } from './check-json-schema.js';
export {
  DEFAULT_TOOL_TIMEOUT_MS,
  defineTool,
  type Tool,
  type ToolExecutionContext,
} from './define-tool.js';
export {
  createGetCurrentTime,
  getCurrentTime,
  type CurrentTime,
  type GetCurrentTimeOptions,
} from './get-current-time.js';
export { validateJsonSchema, type JsonSchemaValidationResult } from './json-schema.js';
export {
  createToolRegistry,
  type ToolCallRequest,
  type ToolExecuteOptions,
  type ToolRegistry,
} from './registry.js';
// The result content is part of the wire format (the UI-message history builds it too); it is
// exported here, with the results it serialises.
export {
  serializeToolResult,
  TOOL_RESULT_MAX_BYTES,
  type SerializeToolResultOptions,
} from '../openai/tool-result-content.js';
export type { StandardSchemaV1 } from './standard-schema.js';
export { ToolInputError } from './tool-input-error.js';
export type { ToolError, ToolErrorCode, ToolFailure, ToolResult } from './tool-result.js';
