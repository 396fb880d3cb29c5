import { describe, expect, it } from 'vitest';
import { createTerminalOutput } from './terminal-output.js';

describe('createTerminalOutput', () => {
  it('writes raw text at once and starts lines only where needed', () => {
    const writes: string[] = [];
    const output = createTerminalOutput((text) => writes.push(text));
    output.line('banner');
    output.write('Hel');
    output.write('lo');
    output.line('⚙ tool');
    output.write('');
    output.endLine();
    output.write('done\n');
    output.endLine();
    output.line('last');
    expect(writes).toEqual(['banner\n', 'Hel', 'lo', '\n', '⚙ tool\n', 'done\n', 'last\n']);
  });
});
