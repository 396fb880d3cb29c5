export {
  browserStorage,
  loadConversations,
  saveConversations,
  serializeConversations,
} from './store.js';
export type { KeyValueStorage, LoadedConversations, StorageNotice } from './store.js';
export { parseConversation } from './parse.js';
export { BACKUP_KEY, STORAGE_KEY, STORAGE_VERSION } from './types.js';
export type { ChatError, Conversation, StoredConversations, ToolTime } from './types.js';
