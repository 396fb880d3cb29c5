import type { ShortcutAction } from '../shortcuts.js';

/** Every string the UI shows. Both locales implement the whole interface, so none is missing. */
export interface Messages {
  greeting: string;
  greetingHint: string;
  suggestions: readonly string[];
  model: string;
  modelLoading: string;
  modelUnknown: string;
  demoNotice: string;
  configError: string;
  skipToComposer: string;

  composerLabel: string;
  composerPlaceholder: string;
  send: string;
  stop: string;
  retry: string;
  regenerate: string;
  edit: string;
  editLabel: string;
  cancel: string;
  you: string;
  assistant: string;
  thinking: string;
  reasoning: string;
  /** While the model thinks: for how long so far. */
  thinkingFor: (seconds: number) => string;
  /** Once it answered: how long it thought. */
  thoughtFor: (seconds: number) => string;
  /** Under an answer whose connection dropped, while it is resumed. */
  reconnecting: string;
  stopped: string;
  /** Under an answer the model ended at its output token limit. */
  finishLength: string;
  /** The button under such an answer, and the message it sends. */
  continueAnswer: string;
  continuePrompt: string;
  /** Under an answer the provider's content filter ended. */
  finishContentFilter: string;

  copyCode: string;
  copied: string;
  copyFailed: string;
  codeLanguage: (language: string) => string;

  toolRunning: string;
  toolDone: string;
  toolFailed: string;
  toolArguments: string;
  toolResult: string;
  toolError: string;
  toolWaiting: string;
  toolInterrupted: string;
  toolCalls: (count: number) => string;
  duration: (ms: number) => string;

  conversations: string;
  newChat: string;
  untitled: string;
  rename: string;
  renameLabel: string;
  save: string;
  delete: string;
  confirmDelete: (title: string) => string;
  showConversations: string;
  hideConversations: string;

  storageCorrupt: string;
  storageOldFormat: string;
  storageSkipped: (count: number) => string;
  storageSaveFailed: string;
  dismiss: string;

  debug: string;
  debugTitle: string;
  debugMessages: string;
  debugSystemServerSide: string;
  debugChunks: string;
  debugNoChunks: string;
  debugOmitted: (count: number) => string;
  debugUsage: string;
  promptTokens: string;
  completionTokens: string;
  totalTokens: string;
  reasoningTokens: string;
  debugNoUsage: string;

  jumpToLatest: string;
  announceDone: string;
  announceStopped: string;

  errorNetwork: string;
  errorRateLimited: (seconds: number | undefined) => string;
  /** The deployment's daily token budget is spent (until 00:00 UTC). */
  errorBudgetSpent: string;
  /** The bot check (Turnstile) wants a solved widget before the answer. */
  errorBotCheck: string;
  errorTooLarge: string;
  errorRejected: string;
  errorUpstream: string;
  errorServer: (status: number) => string;
  errorTruncated: string;
  errorStream: string;
  errorInvalidResponse: string;
  errorUnknown: string;
  errorDetail: string;
  retryIn: (seconds: number) => string;

  botCheckLabel: string;
  botCheckFailed: string;
  botCheckUnavailable: string;

  // Branches, export and import.
  exportMarkdown: string;
  exportJson: string;
  importConversations: string;
  imported: (count: number) => string;
  importTooLarge: string;
  importNotJson: string;
  importUnknown: string;
  importNewer: string;
  importEmpty: string;
  importTooMany: string;
  importInvalid: (position: number) => string;
  previousVersion: string;
  nextVersion: string;
  versionOf: (index: number, count: number) => string;

  // Tool approval and argument summaries.

  // Math and long chats.

  // Search, keyboard shortcuts and announcements.
  searchLabel: string;
  searchPlaceholder: string;
  searchResults: string;
  noSearchResults: (query: string) => string;
  shortcuts: string;
  shortcutsHint: string;
  shortcutNames: Record<ShortcutAction, string>;
  close: string;
}

export type Locale = 'en' | 'ko';
