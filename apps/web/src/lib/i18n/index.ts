export { detectLocale, messagesFor } from './locale.js';
export { getMessages, setMessages } from './context.js';
export type { Locale, Messages } from './messages.js';
