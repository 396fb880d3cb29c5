export * from './base/index.js';
export * from './sse/index.js';
export * from './openai/index.js';
export * from './partial-json/index.js';
export * from './tools/index.js';
export * from './run/index.js';
export * from './ui-stream/index.js';
export * from './replay/index.js';
