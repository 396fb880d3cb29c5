import { ApiError } from '../errors.js';

// 16 is what the AI SDK's generateId() makes (about 95 bits); the web app sends 22 (128 bits).
// The id is the only key to a chat's answer, so anything shorter, or with other characters,
// is refused rather than guessed at.
const CHAT_ID = /^[A-Za-z0-9_-]{16,128}$/;

/** A chat id from a body or a path, or a 400 that says what one looks like. */
export function parseChatId(value: unknown, where: string): string {
  if (typeof value === 'string' && CHAT_ID.test(value)) return value;
  throw new ApiError(
    400,
    'invalid_chat_id',
    `${where}: a chat id is 16–128 characters of A–Z, a–z, 0–9, "_" and "-".`,
  );
}
