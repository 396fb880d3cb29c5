#!/usr/bin/env -S node --import tsx
// The core on its own: a terminal chat over @edgechat/core and plain fetch, no SDK.
import { createInterface } from 'node:readline';
import { createGetCurrentTime, createToolRegistry, getCurrentTime } from '@edgechat/core';
import type { ChatModel } from '@edgechat/core';
import { createDemoModel } from '@edgechat/core/demo';
import { createChatLoop } from './chat-loop.js';
import { createChatSession } from './chat-session.js';
import { HELP } from './commands.js';
import { describeProvider, readConfig, USAGE } from './config.js';
import type { ProviderConfig } from './config.js';
import { formatMessages } from './format-messages.js';
import { createOpenAIModel } from './openai-model.js';
import { safeText } from './safe-text.js';
import { createTerminalOutput } from './terminal-output.js';

function createModel(provider: ProviderConfig): ChatModel {
  if (provider.kind === 'openai') return createOpenAIModel(provider);
  return createDemoModel(provider.delayMs === undefined ? {} : { delayMs: provider.delayMs });
}

async function main(): Promise<number> {
  const result = readConfig(process.env, process.argv.slice(2));
  if (result.ok === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!result.ok) {
    process.stderr.write(`edgechat: ${result.error}\n\n${USAGE}\n`);
    return 2;
  }
  const { config } = result;
  const interactive = process.stdin.isTTY === true;
  const output = createTerminalOutput((text) => process.stdout.write(text));
  const debug = { on: config.debug };
  const { now } = config;
  const clock = now === undefined ? getCurrentTime : createGetCurrentTime({ now: () => now });

  const session = createChatSession({
    model: createModel(config.provider),
    tools: createToolRegistry([clock]),
    system: config.system,
    onRequest: (request) => {
      if (debug.on) output.line(safeText(formatMessages(request.messages, request.tools)));
    },
  });
  const lines = createInterface({
    input: process.stdin,
    ...(interactive
      ? { output: process.stdout, terminal: true, prompt: '> ' }
      : { terminal: false }),
  });
  const color = process.stdout.isTTY === true && (process.env.NO_COLOR ?? '') === '';
  const reasoning = config.hideReasoning ? 'hidden' : color ? 'dim' : 'plain';
  const loop = createChatLoop({ lines, output, session, interactive, debug, reasoning, color });

  output.line(describeProvider(config.provider));
  if (interactive) output.line(HELP);
  // At a TTY readline reads Ctrl-C as a key; piped, it arrives as a signal.
  lines.on('SIGINT', loop.interrupt);
  process.on('SIGINT', loop.interrupt);
  try {
    await loop.run();
  } finally {
    process.off('SIGINT', loop.interrupt);
    output.endLine();
  }
  return 0;
}

process.exitCode = await main();
