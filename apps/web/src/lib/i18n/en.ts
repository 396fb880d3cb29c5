import type { Messages } from './messages.js';

export const en: Messages = {
  greeting: 'Hi! How can I help you?',
  greetingHint: 'Try one of these, or ask anything:',
  suggestions: ['What time is it in Seoul and New York?', 'Show a TypeScript debounce function'],
  model: 'Model',
  modelLoading: 'loading…',
  modelUnknown: 'unknown',
  demoNotice: 'Demo mode — no API key: answers come from an offline demo model.',
  configError: 'Could not load the server configuration. Chat may still work.',
  skipToComposer: 'Skip to message input',

  composerLabel: 'Message',
  composerPlaceholder: 'Ask anything (Enter to send, Shift+Enter for a new line)',
  send: 'Send',
  stop: 'Stop',
  retry: 'Retry',
  regenerate: 'Regenerate',
  edit: 'Edit',
  editLabel: 'Edit your message',
  cancel: 'Cancel',
  you: 'You',
  assistant: 'Assistant',
  thinking: 'Thinking…',
  reasoning: 'Reasoning',
  thinkingFor: (seconds) => `Thinking… ${seconds} s`,
  thoughtFor: (seconds) => `Thought for ${seconds} s`,
  reconnecting: 'Reconnecting…',
  stopped: 'Stopped',
  finishLength: 'Stopped at the token limit.',
  continueAnswer: 'Continue',
  continuePrompt: 'Continue',
  finishContentFilter: "The provider's content filter stopped this answer.",

  copyCode: 'Copy code',
  copied: 'Copied',
  copyFailed: 'Copy failed',
  codeLanguage: (language) => (language === '' ? 'code' : language),

  toolRunning: 'running',
  toolDone: 'done',
  toolFailed: 'failed',
  toolArguments: 'Arguments',
  toolResult: 'Result',
  toolError: 'Error',
  toolWaiting: 'waiting for the result…',
  toolInterrupted: 'No result: the answer ended before the tool finished.',
  toolCalls: (count) => (count === 1 ? '1 tool call' : `${count} tool calls`),
  duration: (ms) =>
    ms < 1 ? '<1 ms' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`,

  conversations: 'Conversations',
  newChat: 'New chat',
  untitled: 'New chat',
  rename: 'Rename',
  renameLabel: 'Conversation name',
  save: 'Save',
  delete: 'Delete',
  confirmDelete: (title) => `Delete “${title}”? This cannot be undone.`,
  showConversations: 'Show conversations',
  hideConversations: 'Hide conversations',

  storageCorrupt:
    'Saved conversations could not be read (the data is damaged). They were set aside and a new list was started.',
  storageOldFormat:
    'Saved conversations are in a format this version cannot read. They were set aside and a new list was started.',
  storageSkipped: (count) =>
    count === 1
      ? '1 saved conversation could not be read and was skipped.'
      : `${count} saved conversations could not be read and were skipped.`,
  storageSaveFailed: 'Could not save conversations in this browser (storage full or disabled).',
  dismiss: 'Dismiss',

  debug: 'Debug',
  debugTitle: 'Debug view',
  debugMessages: 'Messages as the model sees them',
  debugSystemServerSide: '(set on the server; this server does not publish its system prompt)',
  debugChunks: 'Protocol chunks of the last answer',
  debugNoChunks: 'No answer has streamed in this session yet.',
  debugOmitted: (count) => `… ${count} chunks not kept …`,
  debugUsage: 'Usage',
  promptTokens: 'prompt tokens',
  completionTokens: 'completion tokens',
  totalTokens: 'total tokens',
  reasoningTokens: 'of which reasoning',
  debugNoUsage: 'No usage reported for the last answer.',

  jumpToLatest: 'Jump to latest',
  announceDone: 'Answer complete.',
  announceStopped: 'Answer stopped.',

  errorNetwork: 'The connection to the server was lost. Check your network and retry.',
  errorRateLimited: (seconds) =>
    seconds === undefined
      ? 'Too many requests. Wait a moment, then retry.'
      : `Too many requests. You can retry in ${seconds} s.`,
  errorBudgetSpent: "Today's budget for this demo is spent. Try again after 00:00 UTC.",
  errorBotCheck: 'Confirm you are human with the check by the message box, then retry.',
  errorTooLarge: 'This conversation is too long for the server. Start a new chat or shorten it.',
  errorRejected: 'The server rejected the request.',
  errorUpstream: 'The model service is unavailable right now. Retry in a moment.',
  errorServer: (status) => `The server had a problem (HTTP ${status}).`,
  errorTruncated: 'The answer was cut off before it finished.',
  errorStream: 'The model stopped with an error.',
  errorInvalidResponse: 'The server sent a response this page cannot read.',
  errorUnknown: 'Something went wrong.',
  errorDetail: 'Details',
  retryIn: (seconds) => `Retry (${seconds} s)`,

  botCheckLabel: 'Confirm you are human to chat.',
  botCheckFailed: 'The human check did not pass or has expired. Complete it again, then retry.',
  botCheckUnavailable: 'The human check could not load. Reload the page to try again.',

  // Branches, export and import.
  exportMarkdown: 'Export as Markdown',
  exportJson: 'Export as JSON',
  importConversations: 'Import conversations…',
  imported: (count) =>
    count === 1 ? 'Imported 1 conversation.' : `Imported ${count} conversations.`,
  importTooLarge: 'This file is too large to import (more than 25 MB).',
  importNotJson: 'This file is not JSON. Choose a JSON file exported from edgechat or ChatGPT.',
  importUnknown: 'This file is not an edgechat or ChatGPT export.',
  importNewer: 'This file comes from a newer version of edgechat. Update, then import it again.',
  importEmpty: 'This file has no conversations.',
  importTooMany: 'This file has too many conversations to import at once (more than 2,000).',
  importInvalid: (position) =>
    `Conversation ${position} in this file is damaged, so nothing was imported.`,
  previousVersion: 'Previous version',
  nextVersion: 'Next version',
  versionOf: (index, count) => `Version ${index} of ${count}`,

  // Tool approval and argument summaries.

  // Math and long chats.

  // Search, keyboard shortcuts and announcements.
  searchLabel: 'Search conversations',
  searchPlaceholder: 'Search',
  searchResults: 'Search results',
  noSearchResults: (query) => `No conversation contains “${query}”.`,
  shortcuts: 'Keyboard shortcuts',
  shortcutsHint: 'Press ? anywhere outside a text field to see this list.',
  shortcutNames: {
    'new-chat': 'New chat',
    'focus-search': 'Search conversations',
    stop: 'Stop the answer',
    'edit-last': 'Edit your last message (in the empty message box)',
    'show-shortcuts': 'Show keyboard shortcuts',
  },
  close: 'Close',
};
