import type { ServerConfig } from './server-config.js';
import type { KeyValueStorage } from './storage/index.js';

/** Where the picked model is remembered (beside `edgechat.conversations`). */
export const MODEL_KEY = 'edgechat.model';

/**
 * The model to ask for: the remembered one while the server still allows it, otherwise the
 * server's default. A model the deployment dropped would only earn a 422 on the next message.
 */
export function chooseModel(config: ServerConfig, remembered: string | undefined): string {
  return remembered !== undefined && config.models.includes(remembered) ? remembered : config.model;
}

/** The remembered model; `undefined` when there is none or storage cannot be read. */
export function loadModelChoice(storage: KeyValueStorage | undefined): string | undefined {
  try {
    const value = storage?.getItem(MODEL_KEY) ?? null;
    return value === null || value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

/** Remembers the picked model. Storage that refuses (quota, disabled) only costs the memory. */
export function saveModelChoice(storage: KeyValueStorage | undefined, model: string): void {
  try {
    storage?.setItem(MODEL_KEY, model);
  } catch {
    // Nothing to tell the person: the picker still shows and sends their choice this session.
  }
}
