export * from './errors.js';
export * from './sse/index.js';
export * from './chat-completions/index.js';
export * from './partial-json/index.js';
export * from './tools/index.js';
export * from './run/index.js';
export * from './ui-stream/index.js';
