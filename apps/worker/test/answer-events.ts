// Reading a resumable answer's SSE as a client does: event by event, with ids and comments.
import { createSSEParser, type UIMessageChunk } from '@edgechat/core';

export type AnswerFrame =
  { id: number; chunk: UIMessageChunk } | { id: number; done: true } | { comment: string };

/** Reads frames one at a time; `cancel()` is the client going away. */
export function frameReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const queue: AnswerFrame[] = [];
  const parser = createSSEParser({
    onEvent: ({ id, data }) =>
      void queue.push(
        data === '[DONE]'
          ? { id: Number(id), done: true }
          : { id: Number(id), chunk: JSON.parse(data) as UIMessageChunk },
      ),
    onComment: (comment) => void queue.push({ comment }),
  });
  return {
    async next(): Promise<AnswerFrame | undefined> {
      while (queue.length === 0) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        parser.feed(decoder.decode(value, { stream: true }));
      }
      return queue.shift();
    },
    cancel: () => reader.cancel(),
  };
}

/** Every frame to the end. */
export async function allFrames(response: Response): Promise<AnswerFrame[]> {
  const reader = frameReader(response);
  const frames: AnswerFrame[] = [];
  for (let frame = await reader.next(); frame !== undefined; frame = await reader.next()) {
    frames.push(frame);
  }
  return frames;
}

export const chunksOf = (frames: AnswerFrame[]): UIMessageChunk[] =>
  frames.flatMap((frame) => ('chunk' in frame ? [frame.chunk] : []));

/** A fresh, valid chat id per call. */
let next = 0;
export function chatId(): string {
  return `test-chat-${String(++next).padStart(4, '0')}-${crypto.randomUUID().slice(0, 8)}`;
}
