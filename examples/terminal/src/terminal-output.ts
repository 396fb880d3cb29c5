/**
 * Writes to the terminal and remembers whether the cursor is at the start of a line, so
 * streamed text, tool lines and notices never run into each other.
 */
export interface TerminalOutput {
  /** Raw text, written at once (tokens as they arrive). */
  write(text: string): void;
  /** `text` on a line of its own. */
  line(text: string): void;
  /** Ends the current line if something is on it. */
  endLine(): void;
}

export function createTerminalOutput(write: (text: string) => void): TerminalOutput {
  let atLineStart = true;
  const output: TerminalOutput = {
    write(text) {
      if (text === '') return;
      write(text);
      atLineStart = text.endsWith('\n');
    },
    line(text) {
      output.endLine();
      output.write(`${text}\n`);
    },
    endLine() {
      if (!atLineStart) output.write('\n');
    },
  };
  return output;
}
