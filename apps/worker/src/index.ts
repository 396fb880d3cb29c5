import { createApp } from './app.js';

// The Worker entry: the only default export (the runtime requires one).
export default createApp() satisfies ExportedHandler<Env>;
