export { EdgechatError, isEdgechatError } from './errors.js';
export type { EdgechatErrorCode, EdgechatErrorOptions } from './errors.js';
export {
  DEFAULT_MAX_EVENT_BYTES,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_MAX_TOOL_CALLS,
} from './limits.js';
