// Node only: a real HTTP server.
export { errorFrame, streamOf, textAnswer, textAnswerStart } from './actions.js';
export {
  DEFAULT_FAULT_WEIGHTS,
  DELTAS_BEFORE_FAULT,
  drawFaults,
  FAULT_KINDS,
  faultDeltas,
  faultPrompt,
  faultScenario,
  faultStep,
  faultTextSent,
  seededRandom,
  type FaultKind,
} from './fault-mix.js';
export { sseFrame } from './play.js';
export { locate, mockError, SCENARIO_PREFIX } from './routing.js';
export { DEFAULT_SCENARIOS, echo, ENDLESS, lastUserText } from './scenarios.js';
export { startMockOpenAI } from './server.js';
export type {
  ChatRequestBody,
  MockAction,
  MockOpenAI,
  MockOpenAIOptions,
  MockRequest,
  MockScenario,
  MockStep,
} from './types.js';
