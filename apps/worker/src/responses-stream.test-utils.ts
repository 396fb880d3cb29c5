// Run Responses SSE text through the translator, cut into pieces, and read what comes out.
import { responsesToChatCompletions } from './responses-stream.js';

/** The translated body, with the input cut at `cuts` (byte offsets, ascending). */
export async function translate(text: string, cuts: readonly number[] = []): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    pieces.push(bytes.slice(from, cut));
    from = cut;
  }
  const input = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
  return new Response(input.pipeThrough(responsesToChatCompletions())).text();
}

/** Each `data:` frame of a Chat Completions body, parsed (`[DONE]` as the string). */
export function framesOf(body: string): unknown[] {
  const frames = body.split('\n\n');
  if (frames.pop() !== '') throw new Error(`body does not end with a blank line: ${body}`);
  return frames.map((frame) => {
    if (!frame.startsWith('data: ')) throw new Error(`bad frame ${JSON.stringify(frame)}`);
    const data = frame.slice('data: '.length);
    return data === '[DONE]' ? data : (JSON.parse(data) as unknown);
  });
}

/**
 * The body translated whole, and the offsets where cutting the input there changed it: each
 * single cut, and -1 for the input fed one byte at a time.
 */
export async function translateAtEveryCut(
  text: string,
): Promise<{ whole: string; differs: number[] }> {
  const whole = await translate(text);
  const length = new TextEncoder().encode(text).length;
  const differs: number[] = [];
  const every: number[] = [];
  for (let cut = 1; cut < length; cut++) {
    every.push(cut);
    if ((await translate(text, [cut])) !== whole) differs.push(cut);
  }
  // And one byte at a time: every cut at once.
  if ((await translate(text, every)) !== whole) differs.push(-1);
  return { whole, differs };
}
