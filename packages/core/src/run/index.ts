export { runChat, DEFAULT_MAX_STEPS } from './run-chat.js';
export { toUIFinishReason } from './finish-reason.js';
export { safeErrorMessage, SAFE_ERROR_MESSAGES } from './safe-error-message.js';
export { addUsage } from './add-usage.js';
export type { ChatModel, ChatModelRequest, RunChatOptions, RunChatResult } from './types.js';
