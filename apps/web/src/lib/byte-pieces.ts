/**
 * Re-cuts a byte stream into pieces of at most `size` bytes. A reader that parses each read in
 * one go (the core's `readUIMessageStream` does) then never gets a megabyte at once when the
 * network delivers a burst: the work per read stays small enough to fit in a frame.
 *
 * A pull source rather than `pipeThrough`: cancelling passes straight to the source, and an
 * aborted fetch leaves no pipe promise rejecting on the side.
 */
export function byteStreamInPieces(
  stream: ReadableStream<Uint8Array>,
  size: number,
): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  let pending: Uint8Array | undefined;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (pending === undefined || offset >= pending.length) {
        let read: ReadableStreamReadResult<Uint8Array>;
        try {
          read = await reader.read();
        } catch (error) {
          controller.error(error);
          return;
        }
        if (read.done) {
          controller.close();
          return;
        }
        pending = read.value;
        offset = 0;
      }
      const end = Math.min(offset + size, pending.length);
      controller.enqueue(pending.subarray(offset, end));
      offset = end;
    },
    cancel(reason) {
      // The body of an aborted fetch is errored already: cancelling it rejects, harmlessly.
      return reader.cancel(reason).catch(() => {});
    },
  });
}
