export { createDemoModel, DEMO_MODEL_ID } from './demo-model.js';
export type { DemoModelOptions } from './demo-model.js';
