import { createApp } from './app.js';

// The Worker entry: the only default export (the runtime requires one).
export default createApp() satisfies ExportedHandler<Env>;

// Durable Object classes are found by name among the entry's exports (wrangler.jsonc).
export { ChatAnswers } from './answers/chat-answers.js';
export { ClientStreams } from './limits/client-streams.js';
export { DailyBudget } from './limits/daily-budget.js';
