export { EdgechatError, isEdgechatError } from './errors.js';
export type { EdgechatErrorCode, EdgechatErrorOptions } from './errors.js';
